"""The Medical monitoring tab: a heartbeat classifier that shows which part of the ECG trace it
looked at, and a glucose forecaster with alerts (`glucose_panel`). A teaching demo, never a medical
device, and the tab says so first."""

from functools import cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import gradio as gr
import plotly.graph_objects as go

from ..data import MissingDataError, load_ecg5000
from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.heartbeats import BeatPrediction, member_accuracies
from ..train.checkpoint import figure_at
from . import glucose_panel
from .localizer import Localizer, t
from .models import ModelPicker, ask, find_entry

TASK = get_task("heartbeats")
BEATS_PER_CLASS = 4  # test beats offered per class in the picker
MAX_UPLOAD_BYTES = 2_000_000


@cache
def sample_beats() -> dict[str, tuple[int, list[float]]]:
    """A few test-set beats of every class: picker label -> (true class, samples). Empty without the data.
    Read once, when the tab is first built."""
    try:
        test = load_ecg5000().test
    except MissingDataError:
        return {}
    chosen: dict[str, tuple[int, list[float]]] = {}
    taken = [0] * len(TASK.classes("ecg5000"))
    for number, beat in enumerate(test, start=1):
        if taken[beat.label] < BEATS_PER_CLASS:
            taken[beat.label] += 1
            chosen[f"#{number}"] = (beat.label, beat.values.tolist())
    return dict(sorted(chosen.items(), key=lambda item: (item[1][0], int(item[0][1:]))))


_verdicts: "WeakKeyDictionary[Any, dict[str, int]]" = WeakKeyDictionary()  # loaded classifier -> its verdicts


def verdicts(path: str | None, cache: PredictorCache) -> dict[str, int]:
    """What the chosen model answers for each sample beat (its class), or nothing without a usable model."""
    entry = find_entry(TASK, path)
    if entry is None:
        return {}
    try:
        classifier = cache.get(entry.path)
        if classifier not in _verdicts:  # worked out once per loaded model (the picker asks on every language switch)
            beats = sample_beats()
            _verdicts[classifier] = dict(zip(beats, classifier.classify_many([v for _, v in beats.values()]), strict=True))
        return _verdicts[classifier]
    except Exception:  # a model that cannot answer is reported when it is asked; the picker just omits the marks
        return {}


def beat_choices(lang: str, answers: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """Each sample beat with the data set's label and, given the model's answers, ✓ or ✗."""
    choices = []
    for key, (label, _) in sample_beats().items():
        text = t("medical.beat_choice", lang, number=key, label=t(f"heartbeats.class.{label}", lang))
        if answers and key in answers:
            text += " · " + (t("medical.model_right", lang) if answers[key] == label else t("medical.model_wrong", lang))
        choices.append((text, key))
    return choices


def trace(prediction: BeatPrediction, lang: str) -> go.Figure:
    """The beat as the model read it, with its attention weights as shaded bars underneath."""
    figure = go.Figure()
    samples = list(range(1, len(prediction.values) + 1))
    if prediction.attention is not None:
        figure.add_bar(x=samples, y=prediction.attention, name=t("medical.attention", lang), yaxis="y2",
                       marker=dict(color="rgba(214, 39, 40, 0.35)"), hovertemplate="%{y:.2f}<extra></extra>")
    figure.add_scatter(x=samples, y=prediction.values, mode="lines", name=t("medical.ecg", lang),
                       line=dict(color="#1f2937", width=2))
    figure.update_layout(
        height=340, margin=dict(l=60, r=60, t=30, b=60), bargap=0, legend=dict(orientation="h", y=-0.3),
        xaxis_title=t("medical.sample", lang), yaxis_title=t("medical.amplitude", lang),
        yaxis2=dict(title=t("medical.attention", lang), overlaying="y", side="right", range=[0, 1], showgrid=False),
    )
    return figure


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    classes = range(len(TASK.classes(entry.dataset)))
    header = " | ".join([t("medical.card.class", lang)] + [t(f"heartbeats.class.{c}", lang) for c in classes])
    rows = [f"| {header} |", "|---" * (len(classes) + 1) + "|"]
    for name in ("precision", "recall", "f1", "support"):
        cells = [figure_at(test, "per_class", name, c) for c in classes]
        cells = [f"{v:,.0f}" if name == "support" else f"{v:.1%}" for v in cells]
        rows.append("| " + " | ".join([t(f"medical.card.{name}", lang)] + cells) + " |")
    confusion = [f"| {t('medical.card.true_predicted', lang)} | " + " | ".join(str(c + 1) for c in classes) + " |",
                 "|---" * (len(classes) + 1) + "|"]
    for true in classes:
        counts = [f"{figure_at(test, 'confusion', true, p):,.0f}" for p in classes]
        confusion.append(f"| {true + 1} {t(f'heartbeats.class.{true}', lang)} | " + " | ".join(counts) + " |")
    members = member_accuracies(test)
    ensemble = ""
    if members:
        ensemble = t("medical.card.ensemble", lang, members=len(members), lowest=min(members), highest=max(members))
    fcn = t("medical.card.fcn", lang, cell=hp.cell.upper()) if hp.fcn_branch else ""
    direction = t(f"medical.card.direction.{'both' if hp.bidirectional else 'one'}", lang)
    return t("medical.card.body", lang, name=entry.name, fcn=fcn, ensemble=ensemble, cell=hp.cell.upper(), hidden=hp.hidden_size,
             direction=direction,
             layers=hp.layers, conv=t("medical.card.conv", lang, channels=hp.conv_channels) if hp.conv_channels else "",
             pooling=t(f"medical.card.pooling.{hp.pooling}", lang), dataset=t(f"dataset.{entry.dataset}", lang),
             train=f"{entry.config['data_sizes']['train']:,}", accuracy=test.get("accuracy", float("nan")),
             selection=t("medical.card.selection.final_fit", lang, epochs=hp.epochs) if hp.final_fit
             else t("medical.card.selection.held_out", lang),
             macro_f1=test.get("macro_f1", float("nan")), test=f"{int(test.get('examples', 0)):,}",
             params=f"{entry.config.get('parameters', 0):,}", command=entry.config.get("command", "?"),
             per_class="\n".join(rows), confusion="\n".join(confusion))


def classify(text: str, path: str | None, picked: str | None, lang: str, cache: PredictorCache):
    """-> (trace figure, class probabilities, status message)."""
    _, prediction, problem = ask(TASK, path, lang, cache, text or "")
    if prediction is None:
        return None, None, problem
    probabilities = {t(f"heartbeats.class.{c}", lang): p for c, p in enumerate(prediction.probabilities)}
    notes = []
    if picked in sample_beats() and text == beat_text(picked):
        truth = sample_beats()[picked][0]
        notes.append(t("medical.true_class", lang, label=t(f"heartbeats.class.{truth}", lang)))
        answer = prediction.classes.index(prediction.label)
        notes.append(t("medical.agrees", lang) if answer == truth else
                     t("medical.disagrees", lang, label=t(f"heartbeats.class.{answer}", lang)))
    if prediction.resampled:
        notes.append(t("medical.resampled", lang, count=prediction.original_length, length=len(prediction.values)))
    return trace(prediction, lang), probabilities, "\n".join(f"- {note}" for note in notes)


def beat_text(key: str | None) -> str:
    beats = sample_beats()
    return ", ".join(f"{v:.3f}" for v in beats[key][1]) if key in beats else ""


def read_upload(path: str | None, lang: str) -> tuple:
    """An uploaded text or CSV file -> (its text for the samples box, a message if it cannot be used)."""
    if not path:
        return gr.update(), ""
    file = Path(path)
    if file.stat().st_size > MAX_UPLOAD_BYTES:
        return gr.update(), "⚠️ " + t("medical.upload_too_big", lang, limit=MAX_UPLOAD_BYTES // 1_000_000)
    try:
        return file.read_text(encoding="utf-8-sig"), ""
    except UnicodeDecodeError:
        return gr.update(), "⚠️ " + t("medical.upload_not_text", lang)


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("medical.tab") as medical_tab:
        L.bind(gr.Markdown(elem_id="medical-disclaimer"), value="medical.disclaimer")
        with gr.Tabs():
            with gr.Tab(elem_id="medical-ecg") as ecg_tab:
                L.bind(ecg_tab, label="medical.ecg_tab")
                L.bind(gr.Markdown(), value="medical.ecg_intro")
                with gr.Row():
                    with gr.Column(scale=2):
                        picker = ModelPicker(L, lang, TASK, model_card, label_key="medical.model", elem_id="ecg-model")
                        model = picker.dropdown
                        # the model's marks come when the tab is opened (`picker.feeds`)
                        picked = L.bind(gr.Dropdown(choices=beat_choices(L.default), value=None, elem_id="ecg-beat"),
                                        label="medical.pick_beat")
                        samples = L.bind(gr.Textbox(lines=4, max_lines=8, elem_id="ecg-samples"), label="medical.samples",
                                         placeholder="medical.samples_hint")
                        upload = L.bind(gr.File(type="filepath", height=120),
                                        label="medical.upload")
                        submit = L.bind(gr.Button(variant="primary", elem_id="ecg-submit"), value="medical.classify")
                    with gr.Column(scale=3):
                        figure = L.bind(gr.Plot(elem_id="ecg-trace"), label="medical.trace")
                        probabilities = L.bind(gr.Label(num_top_classes=5, elem_id="ecg-classes"), label="medical.classes")
                        status = gr.Markdown(elem_id="ecg-status")
                picker.card("medical.card")
            with gr.Tab(elem_id="medical-glucose") as glucose_tab:
                L.bind(glucose_tab, label="medical.glucose_tab")
                glucose_panel.build(L, lang, cache, holder=medical_tab)

    def run(text_, path, picked_, lang_):
        return classify(text_, path, picked_, lang_, cache)

    inputs, outputs = [samples, model, picked, lang], [figure, probabilities, status]
    picked.select(beat_text, picked, samples).then(run, inputs, outputs)  # a choice: not closing the list without one
    upload.upload(read_upload, [upload, lang], [samples, status])
    gr.on([submit.click, samples.submit], run, inputs, outputs, concurrency_limit=4, api_name="classify_beat")
    picker.wire()
    def marked_beats(path, current, lang_):
        return gr.update(choices=beat_choices(lang_, verdicts(path, cache)), value=current)

    picker.feeds(picked, marked_beats, opened=medical_tab)
    L.results(figure, probabilities, status)
