"""The Sentiment tab: pick a model, type a review, see the verdict and the words that drove it."""

import gradio as gr

from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.sentiment import MAX_INPUT_CHARS, MAX_INPUT_TOKENS, Prediction
from ..tasks.settings import MAX_HEADS
from ..text.scripts import dominant_language
from .localizer import Localizer, t
from .models import ExampleList, ModelPicker, ask, example_rows

TASK = get_task("sentiment")
EXAMPLES = {
    "en": [
        "One of the best films I have seen in years. The acting is superb and the story kept me hooked until the very end.",
        "I wanted to like this movie, but the plot made no sense and the dialogue was painfully bad. Two hours I will never get back.",
        "The first half drags, but the last forty minutes are absolutely brilliant.",
    ],
    "zh": [
        "质量很好，物流也快，包装很用心，下次还会再来买。",
        "用了两天就坏了，客服也不理人，非常失望。",
        "这本书写得很感人，推荐给大家。",
    ],
}


def highlighted_tokens(prediction: Prediction, weights: list[float] | None = None) -> list[tuple[str, float | None]]:
    """The text the model read, as (piece, weight) pairs (the prediction's weights, or one head's); skipped middle
    parts become '…'."""
    pieces: list[tuple[str, float | None]] = []
    previous_end = 0
    for token, weight in zip(prediction.tokens, prediction.weights if weights is None else weights):
        gap = prediction.text[previous_end:token.start]
        if gap:
            pieces.append((gap if gap.isspace() else " … ", None))
        pieces.append((prediction.text[token.start:token.end], round(weight, 3)))
        previous_end = token.end
    return pieces


def model_card(entry: ModelEntry, lang: str) -> str:
    hp = entry.settings
    test = entry.test_metrics
    dataset = TASK.datasets.get(entry.dataset)
    return t(
        "sentiment.card.body", lang, name=entry.name,
        tokens=t(f"card.tokens.{dataset.options['tokenizer']}", lang) if dataset else "?",
        emb=hp.embedding_dim, embeddings=t(f"card.embeddings.{hp.embeddings}", lang),
        direction=t("card.direction.bi" if hp.bidirectional else "card.direction.uni", lang),
        cell=hp.cell.upper(), layers=hp.layers, hidden=hp.hidden_size,
        pooling=t(f"card.pooling.{hp.pooling}", lang), bigrams=t("card.bigrams.yes", lang) if hp.bigrams else "",
        dataset=t(f"dataset.{entry.dataset}", lang), train=f"{entry.config['data_sizes']['train']:,}",
        accuracy=f"{test.get('accuracy', float('nan')):.1%}", test=f"{int(test.get('examples', 0)):,}",
        f1=f"{test.get('macro_f1', float('nan')):.3f}", params=f"{entry.config.get('parameters', 0):,}",
        command=entry.config.get("command", "?"),
    )


def _notes(prediction: Prediction, model_language: str, lang: str) -> list[str]:
    notes = []
    if prediction.chars_truncated:
        notes.append(t("input.chars_truncated", lang, limit=MAX_INPUT_CHARS))
    if prediction.tokens_truncated:
        notes.append(t("input.tokens_truncated", lang, limit=MAX_INPUT_TOKENS))
    written_in = dominant_language(prediction.text)
    if written_in is not None and written_in != model_language:
        notes.append(t(f"input.wrong_script.{model_language}", lang))
    elif prediction.unknown_fraction >= 0.5:
        notes.append(t("input.mostly_unknown", lang, share=prediction.unknown_fraction))
    return notes


def head_panels(prediction: Prediction | None, lang: str) -> list:
    """The box of per-head shadings (shown only for a model with several heads), then one update per head slot."""
    heads = prediction.head_weights if prediction is not None else None
    if not heads:
        return [gr.update(visible=False)] + [gr.update(value=None, visible=False)] * MAX_HEADS
    return [gr.update(visible=True)] + [
        gr.update(value=highlighted_tokens(prediction, heads[n]) if n < len(heads) else None, visible=n < len(heads),
                  label=t("sentiment.head", lang, number=n + 1)) for n in range(MAX_HEADS)]


def classify(text: str, path: str | None, lang: str, cache: PredictorCache):
    """-> (label confidences, shaded tokens, status message, the per-head box and shadings). Problems become the
    message, never an exception."""
    entry, prediction, problem = ask(TASK, path, lang, cache, text or "")
    if prediction is None:
        return None, None, problem, *head_panels(None, lang)
    confidences = {t(f"label.{name}", lang): p for name, p in zip(prediction.labels, prediction.probabilities)}
    shaded = gr.update(value=highlighted_tokens(prediction), label=t(f"sentiment.weights.{prediction.weight_kind}", lang))
    notes = _notes(prediction, TASK.datasets[entry.dataset].language, lang)
    verdict = t("sentiment.verdict", lang, label=t(f"label.{prediction.label}", lang),
                sureness=t(f"confidence.{confidence_words(max(prediction.probabilities))}", lang),
                percent=f"{max(prediction.probabilities):.0%}")
    return confidences, shaded, "\n".join([verdict] + [f"- ⚠️ {note}" for note in notes]), *head_panels(prediction, lang)


def confidence_words(probability: float) -> str:
    """How sure, in words: the catalogue key after `confidence.` (a calibrated 80 % is right about 80 % of the time)."""
    return "very" if probability >= 0.95 else "fairly" if probability >= 0.8 else "leaning" if probability >= 0.6 else "unsure"


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("sentiment.tab"):
        L.bind(gr.Markdown(), value="sentiment.intro")
        with gr.Row():
            with gr.Column(scale=3):
                picker = ModelPicker(L, lang, TASK, model_card, label_key="sentiment.model", info_key="sentiment.model_info",
                                     elem_id="sentiment-model")
                model = picker.dropdown
                text = L.bind(gr.Textbox(lines=5, elem_id="sentiment-input"), label="sentiment.input", placeholder="sentiment.placeholder")
                with gr.Row():
                    submit = L.bind(gr.Button(variant="primary", elem_id="sentiment-submit"), value="sentiment.submit")
                    clear = L.bind(gr.Button(variant="secondary"), value="sentiment.clear")
            with gr.Column(scale=2):
                confidences = L.bind(gr.Label(num_top_classes=2, elem_id="sentiment-label"), label="sentiment.result")
                status = gr.Markdown(elem_id="sentiment-status")
        weights = L.bind(gr.HighlightedText(show_legend=False, combine_adjacent=False, elem_id="sentiment-weights"),
                         label="sentiment.weights.attention")
        with gr.Accordion(open=True, visible=False, elem_id="sentiment-heads") as heads_box:
            heads = [gr.HighlightedText(show_legend=False, combine_adjacent=False, visible=False,
                                        elem_id=f"sentiment-head-{n + 1}") for n in range(MAX_HEADS)]
        L.bind(heads_box, label="sentiment.heads")
        examples = ExampleList(L, example_rows(TASK, EXAMPLES), [text, model], label_key="sentiment.examples",
                               header_key="sentiment.input", elem_id="sentiment-examples")
        picker.card("sentiment.card")

    def run(text_: str, path: str | None, lang_: str):
        return classify(text_, path, lang_, cache)

    outputs = [confidences, weights, status, heads_box, *heads]
    gr.on([submit.click, text.submit], run, [text, model, lang], outputs, concurrency_limit=4, api_name="classify")
    examples.wire(run, [text, model, lang], outputs)
    L.follow(lambda lang_: [None, None, None, *head_panels(None, lang_)], [], outputs)  # answers in the old language go
    clear.click(lambda lang_: ("", None, None, "", *head_panels(None, lang_)), lang, [text, *outputs])
    picker.wire()
