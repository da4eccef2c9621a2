"""The whole app: a header with the language switch, one tab per task, a footer naming the device and
which weights the models use."""

from collections.abc import Collection

import gradio as gr
import torch

from .. import __version__
from ..jobs.service import JobService
from ..paths import runs_dir
from ..serve import PredictorCache
from ..tasks.price_file import MAX_FILE_BYTES
from ..train import describe_device
from . import generation_tab, lab_tab, medical_tab, ner_tab, sentiment_tab, stocks_tab, train_tab, translation_tab
from .localizer import LANGUAGES, Localizer, t

# Uploads: Gradio refuses anything larger at the door (the largest file a tab reads is a price CSV), and
# deletes what was uploaded once it is an hour old, checking every ten minutes (and when the app stops).
MAX_UPLOAD_BYTES = MAX_FILE_BYTES
UPLOAD_CACHE = (600, 3600)  # (check every, delete after) seconds
# Gradio keeps a copy of the page's state for every session it has seen, and every API call without a
# browser is a new session: 10,000 of them (its default) grew the app by gigabytes under load. The most
# recent sessions keep theirs; an evicted browser session only redraws its Train tab curves once.
SESSIONS_KEPT = 128

CSS = """
#app-header h1 { margin-bottom: 0.2em; }
.setting-invalid { outline: 2px solid #d62728; border-radius: 8px; }
/* On a phone the job table keeps readable columns and scrolls sideways, rather than breaking words into letters. */
@media (max-width: 640px) {
  #train-jobs .table-container { overflow-x: auto; }
  #train-jobs .table-wrap { min-width: 600px; }
}
"""

# On first load, follow the browser's language; the user can switch at any time.
BROWSER_LANGUAGE_JS = "() => (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en'"


def footer(lang: str, device: torch.device, int8_tasks: Collection[str]) -> str:
    """The device, which weights the models use, the version and the runs folder."""
    weights = (t("app.weights.int8", lang, tasks=", ".join(t(f"task.{name}", lang) for name in sorted(int8_tasks)))
               if int8_tasks else t("app.weights.full", lang))
    return t("app.footer", lang, device=describe_device(device, lang), weights=weights, version=__version__,
             runs=str(runs_dir()))


def build_app(device: torch.device, jobs: JobService, cache: PredictorCache | None = None) -> gr.Blocks:
    L = Localizer(default="en")
    cache = cache or PredictorCache(device)
    with gr.Blocks(title="seqdemo", delete_cache=UPLOAD_CACHE) as app:
        with gr.Row():
            with gr.Column(scale=5, elem_id="app-header"):
                L.bind(gr.Markdown(), value="app.title")
                L.bind(gr.Markdown(), value="app.intro")
            with gr.Column(scale=1, min_width=200):
                lang = L.bind(gr.Radio(choices=[(name, code) for code, name in LANGUAGES.items()], value=L.default,
                                       elem_id="language-switch"), label="app.language")
        with gr.Tabs() as tabs:
            sentiment_tab.build(L, lang, cache)
            generation_tab.build(L, lang, cache)
            translation_tab.build(L, lang, cache)
            ner_tab.build(L, lang, cache)
            stocks_tab.build(L, lang, cache)
            medical_tab.build(L, lang, cache)
            lab_tab.build(L, lang, cache)
            train_tab.build(L, lang, jobs, app, tabs)
        footer_text = gr.Markdown(footer(L.default, device, cache.int8_tasks), elem_id="app-footer")
        L.follow(lambda code: footer(code, device, cache.int8_tasks), [], footer_text)
        L.connect(lang)
        app.load(None, None, lang, js=BROWSER_LANGUAGE_JS)
    return app
