"""The Named entities tab: the text re-shown with people, places and organisations marked, and a
table of every entity with the model's confidence in it."""

import gradio as gr
import pandas as pd

from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.ner import MAX_INPUT_CHARS, Recognition
from ..text.scripts import dominant_language
from ..train.checkpoint import figure_at
from .localizer import Localizer, t
from .models import ExampleList, ModelPicker, ask, example_rows, find_entry

TASK = get_task("ner")
EXAMPLES = {
    "zh": ["中国人民银行行长周小川昨天在北京会见了国际货币基金组织总裁。",
           "鲁迅原名周树人，浙江绍兴人，曾在日本仙台学习医学。"],
    "en": ["Google and Microsoft are hiring in Seattle",
           "Watching Game of Thrones with Justin Bieber on HBO tonight"],
}
PALETTE = ["#f4a3a3", "#9fd8a4", "#9cc3f0", "#f7d08a", "#c9a7e8", "#8fd9d2", "#f2b5d4", "#c8d98c", "#e0b896", "#b4b9c9"]


def type_name(kind: str, lang: str) -> str:
    """An entity type in words (Person, Place, ...), not the data set's tag (PER, geo-loc, ...)."""
    return t(f"entity.{kind}", lang)


def colours(lang: str, dataset: str | None = None) -> dict[str, str]:
    """Entity type name -> colour, the same in every model that has the type; only `dataset`'s types if given
    (the legend then lists just what this model can find)."""
    names = dict.fromkeys(type_name(kind, lang) for dataset in TASK.datasets.values() for kind in dataset.options["types"])
    palette = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    if dataset is None:
        return palette
    return {type_name(kind, lang): palette[type_name(kind, lang)] for kind in TASK.datasets[dataset].options["types"]}


def highlighted(result: Recognition, lang: str) -> list[tuple[str, str | None]]:
    """The text as (piece, entity type name or None) pairs, covering every character once."""
    pieces, position = [], 0
    for entity in result.entities:
        if entity.start > position:
            pieces.append((result.text[position:entity.start], None))
        pieces.append((entity.text, type_name(entity.type, lang)))
        position = entity.end
    if position < len(result.text):
        pieces.append((result.text[position:], None))
    return pieces


TABLE_COLUMNS = [f"ner.col.{name}" for name in ("type", "text", "span", "confidence")]


def entity_table(result: Recognition, lang: str) -> pd.DataFrame:
    columns = [t(key, lang) for key in TABLE_COLUMNS]
    rows = [(type_name(e.type, lang), e.text, f"{e.start}–{e.end}", f"{e.confidence:.1%}") for e in result.entities]
    return pd.DataFrame(rows, columns=columns)


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    kinds = test.get("per_type", {})
    per_type = t("ner.card.input.separator", lang).join(f"{type_name(kind, lang)} {figure_at(kinds, kind, 'f1'):.1%}"
                                                        for kind in (kinds if isinstance(kinds, dict) else {}))
    inputs = ["glove" if hp.embeddings != "random" else "tokens"]
    inputs += [name for name in ("bigrams", "char_features", "lexicon", "segmenter") if getattr(hp, name)]
    caveat = t("ner.card.weak", lang) if TASK.datasets[entry.dataset].language == "en" else ""
    return t("ner.card.body", lang, caveat=caveat, name=entry.name, cell=hp.cell.upper(), layers=hp.layers, hidden=hp.hidden_size,
             decoder=t(f"ner.card.decoder.{hp.decoder}", lang), dataset=t(f"dataset.{entry.dataset}", lang),
             inputs=t("ner.card.input.separator", lang).join(t(f"ner.card.input.{name}", lang) for name in inputs),
             train=f"{entry.config['data_sizes']['train']:,}", f1=test.get("f1", float("nan")),
             selection=t("ner.card.selection.final_fit", lang, epochs=hp.epochs) if hp.final_fit else "",
             precision=test.get("precision", float("nan")), recall=test.get("recall", float("nan")), per_type=per_type,
             entities=f"{int(test.get('entities', 0)):,}", params=f"{entry.config.get('parameters', 0):,}",
             command=entry.config.get("command", "?"))


def recognize(text: str, path: str | None, lang: str, cache: PredictorCache):
    """-> (highlighted text, entity table, status message)."""
    entry, result, problem = ask(TASK, path, lang, cache, text or "")
    if result is None:
        return None, None, problem
    notes = []
    if result.truncated:
        notes.append(t("ner.truncated", lang, limit=MAX_INPUT_CHARS, sentences=result.sentences))
    model_language = TASK.datasets[entry.dataset].language
    written_in = dominant_language(result.text)
    if written_in is not None and written_in != model_language:
        notes.append(t(f"input.wrong_script.{model_language}", lang))
    if not result.entities:
        notes.append(t("ner.none_found", lang))
    marked = gr.update(value=highlighted(result, lang), color_map=colours(lang, entry.dataset))
    return marked, entity_table(result, lang), "\n".join(f"- {note}" for note in notes)


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("ner.tab"):
        L.bind(gr.Markdown(), value="ner.intro")
        with gr.Row():
            with gr.Column(scale=2):
                picker = ModelPicker(L, lang, TASK, model_card, label_key="ner.model", elem_id="ner-model")
                model = picker.dropdown
                initial_dataset = find_entry(TASK, picker.initial).dataset if picker.initial else None
                text = L.bind(gr.Textbox(lines=5, elem_id="ner-input"), label="ner.input", placeholder="ner.input_hint")
                submit = L.bind(gr.Button(variant="primary", elem_id="ner-submit"), value="ner.submit")
                status = gr.Markdown(elem_id="ner-status")
            with gr.Column(scale=3):
                marked = L.bind(gr.HighlightedText(color_map=colours(L.default, initial_dataset), show_legend=True, combine_adjacent=False,
                                                   elem_id="ner-output"), label="ner.output")
                table = L.bind(L.table(TABLE_COLUMNS, interactive=False, wrap=True, elem_id="ner-entities"), label="ner.entities")
        examples = ExampleList(L, example_rows(TASK, EXAMPLES), [text, model], label_key="ner.examples",
                               header_key="ner.input", elem_id="ner-examples")
        picker.card("ner.card")

    def run(text_, path, lang_):
        return recognize(text_, path, lang_, cache)

    gr.on([submit.click, text.submit], run, [text, model, lang], [marked, table, status], concurrency_limit=4,
          api_name="recognize")
    examples.wire(run, [text, model, lang], [marked, table, status])
    L.results(marked, status)
    picker.wire()
