"""The Text generation tab: a prompt in, text out token by token, each token shaded by how sure
the model was when it picked it."""

import time
from collections.abc import Iterator

import gradio as gr

from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.text_generation import MAX_NEW_TOKENS, MAX_PROMPT_CHARS
from .localizer import Localizer, t
from .models import ExampleList, ModelPicker, find_entry, preferred_model, problem_message

TASK = get_task("generation")
UPDATE_SECONDS = 0.2  # least time between screen updates (the first token shows at once): each resends the text so far,
# so updating per token count made long texts quadratic (2,000 characters: 126 updates of up to 2,000 shaded pieces)
EXAMPLES = {  # language of the model -> (prompt, length, temperature)
    "en": [("ROMEO:\n", 300, 0.8), ("KING HENRY V:\nOnce more unto the breach, dear friends,", 400, 0.7)],
    "zh": [("床前明月光，", 64, 0.8), ("春", 64, 1.0)],
}


def _example_rows() -> list[list]:
    """Each example with the first model that writes its language, so clicking it picks that model."""
    rows = []
    for lang, examples in EXAMPLES.items():
        model = preferred_model(TASK, lang, [d for d, info in TASK.datasets.items() if info.language == lang])
        rows += [[prompt, length, temperature, model] for prompt, length, temperature in examples if model]
    return rows


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    level = TASK.datasets[entry.dataset].options["tokenizer"]
    return t("generation.card.body", lang, name=entry.name, unit=t(f"generation.unit.{level}", lang),
             cell=hp.cell.upper(), layers=hp.layers, hidden=hp.hidden_size, bptt=hp.bptt,
             dataset=t(f"dataset.{entry.dataset}", lang), loss=test.get("loss", float("nan")),
             bits=test.get("bits_per_token", float("nan")), perplexity=test.get("perplexity", float("nan")),
             validation=entry.metrics.get("validation", {}).get("perplexity", float("nan")),
             params=f"{entry.config.get('parameters', 0):,}", command=entry.config.get("command", "?"))


def generate(prompt: str, path: str | None, length, temperature, top_k, top_p, seed, lang: str,
             cache: PredictorCache) -> Iterator[tuple]:
    """Streams (shaded tokens, plain text, status) as the model writes."""
    entry = find_entry(TASK, path)
    if entry is None:
        yield None, "", t("model.none", lang, task=TASK.name)
        return
    prompt = prompt or ""
    try:
        generator = cache.get(entry.path)
        tokens = generator.generate(prompt, length, temperature, top_k, top_p, seed)  # settings checked here
        _, cut, unknown = generator.prompt_ids(prompt)
        notes = []
        if cut:
            notes.append(t("generation.prompt_cut", lang, limit=MAX_PROMPT_CHARS))
        if unknown:
            notes.append(t("generation.unknown", lang, count=unknown))
        if not prompt.strip():
            notes.append(t("generation.empty_prompt", lang))
        status = "\n".join(f"- {note}" for note in notes)
        pieces: list[tuple[str, float]] = []
        text = ""
        shown = float("-inf")  # when the screen was last updated
        for token in tokens:
            pieces.append((token.text, round(token.probability, 3)))
            text += token.text
            if time.monotonic() - shown >= UPDATE_SECONDS:
                shown = time.monotonic()
                yield pieces, prompt + text, status
        yield pieces, prompt + text, status
    except Exception as error:
        yield None, "", problem_message(error, entry, lang)


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("generation.tab"):
        L.bind(gr.Markdown(), value="generation.intro")
        with gr.Row():
            with gr.Column(scale=3):
                picker = ModelPicker(L, lang, TASK, model_card, label_key="generation.model", elem_id="generation-model")
                model = picker.dropdown
                prompt = L.bind(gr.Textbox(lines=4, elem_id="generation-prompt"), label="generation.prompt",
                                placeholder="generation.prompt_hint")
                with gr.Row():
                    length = L.bind(gr.Slider(1, MAX_NEW_TOKENS, value=300, step=1, elem_id="generation-length"),
                                    label="generation.length")
                    temperature = L.bind(gr.Number(value=0.8, elem_id="generation-temperature"),
                                         label="generation.temperature", info="generation.temperature_info")
                with gr.Row():
                    top_k = L.bind(gr.Number(value=0, precision=0, elem_id="generation-top-k"), label="generation.top_k",
                                   info="generation.top_k_info")
                    top_p = L.bind(gr.Number(value=1.0, elem_id="generation-top-p"), label="generation.top_p",
                                   info="generation.top_p_info")
                    # a text box: it starts empty (a number box shows 0) and takes a seed of any length
                    seed = L.bind(gr.Textbox(value="", max_lines=1, elem_id="generation-seed"), label="generation.seed",
                                  info="generation.seed_info")
                submit = L.bind(gr.Button(variant="primary", elem_id="generation-submit"), value="generation.submit")
                status = gr.Markdown(elem_id="generation-status")
            with gr.Column(scale=4):
                shaded = L.bind(gr.HighlightedText(show_legend=False, combine_adjacent=False, elem_id="generation-output"),
                                label="generation.output")
                plain = L.bind(gr.Textbox(lines=8, interactive=False, buttons=["copy"], elem_id="generation-text"),
                               label="generation.plain")
        examples = ExampleList(L, _example_rows(), [prompt, length, temperature, model], label_key="generation.examples",
                               header_key="generation.prompt", elem_id="generation-examples")
        picker.card("generation.card")

    def run(prompt_, path, length_, temperature_, top_k_, top_p_, seed_, lang_):
        yield from generate(prompt_, path, length_, temperature_, top_k_, top_p_, seed_, lang_, cache)

    inputs = [prompt, model, length, temperature, top_k, top_p, seed, lang]
    submit.click(run, inputs, [shaded, plain, status], concurrency_limit=4, api_name="generate")
    examples.wire(run, inputs, [shaded, plain, status])
    L.results(shaded, plain, status)
    picker.wire()
