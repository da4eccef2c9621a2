"""The Translation tab: English <-> Chinese, with the attention matrix and the beam's alternatives."""

import gradio as gr
import pandas as pd
import plotly.graph_objects as go

from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.translation import MAX_BEAM, MAX_INPUT_CHARS, Translation
from ..text.scripts import cjk_share, dominant_language
from .localizer import Localizer, t, t_user
from .models import ExampleList, ModelPicker, ask, find_entry, preferred_model
from .plots import plain

TASK = get_task("translation")
DIRECTIONS = {"en_zh": "tatoeba_en_zh", "zh_en": "tatoeba_zh_en"}  # direction -> dataset
EXAMPLES = {
    "en_zh": ["I'd like a cup of coffee, please.", "Where is the train station?", "Tom has been studying French for three years."],
    "zh_en": ["我明天要去北京。", "这本书很有意思。", "你会说英语吗？"],
}

TABLE_COLUMNS = ["translation.alternative", "translation.score"]


def datasets_for(direction: str) -> list[str]:
    return [DIRECTIONS[direction]]


def attention_figure(translation: Translation, lang: str) -> go.Figure:
    """Output tokens down, source tokens across: how much each output word looked at each source word. Axes are
    positions labelled with their tokens (a word twice in a sentence is two rows, not one)."""
    sources, outputs = [plain(tok.text) for tok in translation.source_tokens], [plain(tok) for tok in translation.tokens]
    figure = go.Figure(go.Heatmap(
        z=translation.attention, x=list(range(len(sources))), y=list(range(len(outputs))), colorscale="Blues", zmin=0, zmax=1,
        customdata=[[[out, src] for src in sources] for out in outputs],
        hovertemplate=t("translation.hover", lang) + "<extra></extra>"))
    figure.update_layout(title=t("translation.heatmap_title", lang), height=max(320, 28 * len(outputs) + 140),
                         xaxis=dict(title=t("translation.source_axis", lang), tickmode="array",
                                    tickvals=list(range(len(sources))), ticktext=sources),
                         yaxis=dict(title=t("translation.output_axis", lang), tickmode="array",
                                    tickvals=list(range(len(outputs))), ticktext=outputs, autorange="reversed"),
                         margin=dict(l=80, r=20, t=50, b=80))
    return figure


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    return t("translation.card.body", lang, name=entry.name, cell=hp.cell.upper(), hidden=hp.hidden_size,
             decoder=hp.decoder_hidden, attention=t("translation.card.attention" if hp.attention else "translation.card.no_attention", lang),
             dataset=t(f"dataset.{entry.dataset}", lang), train=f"{entry.config['data_sizes']['train']:,}",
             bleu=test.get("bleu", float("nan")), greedy=test.get("bleu_greedy", test.get("bleu", float("nan"))),
             beam=int(test.get("beam_width", 1)), test=f"{int(test.get('examples', 0)):,}",
             params=f"{entry.config.get('parameters', 0):,}", command=entry.config.get("command", "?"))


def translate(text: str, path: str | None, beam, lang: str, cache: PredictorCache):
    """-> (translation, attention figure, alternatives table, status)."""
    entry, result, problem = ask(TASK, path, lang, cache, text or "", beam_width=int(beam or 1))
    if result is None:
        return "", None, None, problem
    notes = []
    options = TASK.datasets[entry.dataset].options
    if dominant_language(result.source) not in (None, options["source"]):
        notes.append(t(f"translation.wrong_direction.{options['source']}", lang))
    copied = [word for word in result.tokens if options["target"] == "en" and cjk_share(word) > 0]
    if copied:
        notes.append(t_user("translation.copied", lang, words=" ".join(copied)))
    if result.truncated:
        notes.append(t("input.chars_truncated", lang, limit=MAX_INPUT_CHARS))
    if result.unknown:
        notes.append(t("translation.unknown", lang, count=result.unknown))
    figure = attention_figure(result, lang) if result.attention else None
    if not result.attention:
        notes.append(t("translation.no_attention", lang))
    table = pd.DataFrame([(text_, round(score, 3)) for text_, score in result.alternatives],
                         columns=[t(key, lang) for key in TABLE_COLUMNS])
    return result.text, figure, table, "\n".join(f"- {note}" for note in notes)


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    initial_direction = "en_zh"
    with L.tab("translation.tab"):
        L.bind(gr.Markdown(), value="translation.intro")
        with gr.Row():
            with gr.Column(scale=2):
                direction = L.bind(gr.Radio(choices=[("English → 中文", "en_zh"), ("中文 → English", "zh_en")],
                                            value=initial_direction, elem_id="translation-direction"),
                                   label="translation.direction")
                picker = ModelPicker(L, lang, TASK, model_card, label_key="translation.model", elem_id="translation-model",
                                     context=[direction], datasets=datasets_for, initial_context=[initial_direction])
                model = picker.dropdown
                source = L.bind(gr.Textbox(lines=3, elem_id="translation-input"), label="translation.input",
                                placeholder="translation.input_hint")
                beam = L.bind(gr.Slider(1, MAX_BEAM, value=5, step=1, elem_id="translation-beam"), label="translation.beam",
                              info="translation.beam_info")
                submit = L.bind(gr.Button(variant="primary", elem_id="translation-submit"), value="translation.submit")
                status = gr.Markdown(elem_id="translation-status")
            with gr.Column(scale=3):
                output = L.bind(gr.Textbox(lines=2, interactive=False, buttons=["copy"], elem_id="translation-output"),
                                label="translation.output")
                alternatives = L.bind(L.table(TABLE_COLUMNS, interactive=False, wrap=True, column_widths=["78%", "22%"],
                                              elem_id="translation-alternatives"), label="translation.alternatives")
        heatmap = gr.Plot(show_label=False, elem_id="translation-heatmap")
        examples = ExampleList(L, [[text, d] for d, texts in EXAMPLES.items() for text in texts], [source, direction],
                               label_key="translation.examples", header_key="translation.input",
                               elem_id="translation-examples")
        picker.card("translation.card")

    def run(text, path, beam_, direction_, lang_):
        # a model of the chosen direction, even while the picker is still catching up with a new direction
        if find_entry(TASK, path) is None or find_entry(TASK, path).dataset not in datasets_for(direction_):
            path = preferred_model(TASK, lang_, datasets_for(direction_))
        return translate(text, path, beam_, lang_, cache)

    inputs = [source, model, beam, direction, lang]
    gr.on([submit.click, source.submit], run, inputs, [output, heatmap, alternatives, status], concurrency_limit=4,
          api_name="translate")
    examples.wire(run, inputs, [output, heatmap, alternatives, status])
    L.results(output, heatmap, status)
    picker.wire()
