"""The whole app: a header with the language switch, one tab per task, a footer naming the device."""

import gradio as gr
import torch

from .. import __version__
from ..paths import runs_dir
from ..jobs.service import JobService
from ..serve import PredictorCache
from ..train import describe_device
from . import generation_tab, medical_tab, ner_tab, sentiment_tab, stocks_tab, train_tab, translation_tab
from .i18n import LANGUAGES, Localizer, t

CSS = """
#app-header h1 { margin-bottom: 0.2em; }
"""

# On first load, follow the browser's language; the user can switch at any time.
BROWSER_LANGUAGE_JS = "() => (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en'"


def build_app(device: torch.device, jobs: JobService) -> gr.Blocks:
    L = Localizer(default="en")
    cache = PredictorCache(device)
    footer_values = {"device": describe_device(device), "version": __version__, "runs": str(runs_dir())}
    with gr.Blocks(title="seqdemo") as app:
        with gr.Row():
            with gr.Column(scale=5, elem_id="app-header"):
                L.bind(gr.Markdown(), value="app.title")
                L.bind(gr.Markdown(), value="app.intro")
            with gr.Column(scale=1, min_width=200):
                lang = L.bind(gr.Radio(choices=[(name, code) for code, name in LANGUAGES.items()], value=L.default,
                                       elem_id="language-switch"), label="app.language")
        with gr.Tabs():
            sentiment_tab.build(L, lang, cache)
            generation_tab.build(L, lang, cache)
            translation_tab.build(L, lang, cache)
            ner_tab.build(L, lang, cache)
            stocks_tab.build(L, lang, cache)
            medical_tab.build(L, lang, cache)
            train_tab.build(L, lang, jobs, app)
        footer = gr.Markdown(t("app.footer", L.default, **footer_values), elem_id="app-footer")
        L.follow(lambda code: t("app.footer", code, **footer_values), [], footer)
        L.connect(lang)
        app.load(None, None, lang, js=BROWSER_LANGUAGE_JS)
    return app
