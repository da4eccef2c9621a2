"""The Lab tab: gradient flow through time, the gates inside a real model, memory over distance, the cells
compared, pruning and int8 weights, and the CRF's paths."""

from collections.abc import Iterator

import gradio as gr
import pandas as pd
import plotly.graph_objects as go
import torch
from plotly.subplots import make_subplots

from ..lab.crf_paths import MAX_CRF_TOKENS, NoCrf, crf_paths
from ..lab.gradient_flow import (
    MAX_HIDDEN,
    MAX_LENGTH,
    ClippingSettings,
    FlowSettings,
    clipping_run,
    fresh_flow,
    trained_flow,
)
from ..lab.inside import MAX_LAB_TOKENS, look_inside, look_inside_generator
from ..lab.memory_task import BASELINE_MSE, MAX_GAP, MemorySettings, train_one
from ..lab.pruning import LEVELS, SAMPLE, PruningPoint, pruning_curve
from ..serve import PredictorCache, list_models
from ..tasks import get_task
from . import plots
from .localizer import Localizer, t
from .models import ExampleList, ModelPicker, choice_label, example_rows, find_entry, preferred_model, problem_message, usable_models
from .ner_tab import EXAMPLES as NER_EXAMPLES
from .ner_tab import model_card as ner_card

SENTIMENT = get_task("sentiment")
GENERATION = get_task("generation")
TRAINED_FLOW_MODEL = "shakespeare-char-lstm"  # a shipped model whose first layer the gradient-flow view can read
FLOW_TEXT = ("To be, or not to be, that is the question: Whether 'tis nobler in the mind to suffer The slings and "
             "arrows of outrageous fortune, Or to take arms against a sea of troubles And by opposing end them. To die, "
             "to sleep, No more; and by a sleep to say we end The heart-ache and the thousand natural shocks That "
             "flesh is heir to: 'tis a consummation Devoutly to be wish'd.")
NER = get_task("ner")
HEARTBEATS = get_task("heartbeats")
PRUNED_TASKS = (SENTIMENT, HEARTBEATS)  # classifiers: their figure is an accuracy, higher is better
COMPARED = ("imdb-rnn-small", "imdb-lstm-small", "imdb-bilstm-small")  # shipped: one recipe, only the cell differs
COMPARE_COLUMNS = ["lab.compare.col.model", "lab.compare.col.parameters", "lab.compare.col.validation",
                   "lab.compare.col.test", "lab.compare.col.seconds"]
CRF_COLUMNS = ["lab.crf.col.token", "lab.crf.col.greedy", "lab.crf.col.viterbi", "lab.crf.col.probability",
               "lab.crf.col.differ"]
CELLS = ("rnn", "lstm", "gru")
COLOURS = {"rnn": "#d62728", "lstm": "#1f77b4", "gru": "#2ca02c"}
UNITS_SHOWN = 32  # columns of each gate's heat map
EXAMPLE_SENTENCE = "Not bad at all. I expected to hate it, but the acting was superb."
BOUNDED = {"input", "forget", "output", "reset", "update"}  # sigmoid gates: 0 to 1; the rest are centred on 0
FLOW_MAX_HIDDEN = min(MAX_HIDDEN, 256)  # keeps one drawing near a second on a laptop CPU


def _log_chart(title: str, x_title: str, y_title: str) -> go.Figure:
    figure = go.Figure()
    figure.update_layout(title=title, xaxis_title=x_title, yaxis_title=y_title, yaxis_type="log", height=420,
                         margin=dict(l=60, r=20, t=50, b=50), legend=dict(orientation="h", y=-0.2))
    return figure


def gradient_flow(cells: list[str], length, hidden, scale, forget_bias, source: str, text: str, lang: str,
                  cache: PredictorCache):
    """-> (chart, summary). Out-of-range controls are refused by their sliders; the API gets a message."""
    figure = _log_chart(t("lab.flow.title", lang), t("lab.flow.x", lang), t("lab.flow.y", lang))
    if source == "trained":
        entry = next((e for e in list_models(GENERATION.name) if e.shipped and e.name == TRAINED_FLOW_MODEL), None)
        if entry is None:
            return None, t("lab.flow.no_model", lang)
        if not (text or "").strip():
            return None, "⚠️ " + t("input.empty", lang)
        try:
            flows = {t("lab.flow.trained_line", lang): trained_flow(cache.get(entry.path), text)}
        except Exception as error:  # a text the model cannot read, a checkpoint that will not load
            return None, problem_message(error, entry, lang)
        colours = {t("lab.flow.trained_line", lang): COLOURS["lstm"]}
    else:
        if not cells:
            return None, t("lab.flow.none", lang)
        try:
            settings = FlowSettings(length=int(length), hidden_size=int(hidden), weight_scale=float(scale),
                                    forget_bias=float(forget_bias))
        except (TypeError, ValueError):
            return None, "⚠️ " + t("lab.out_of_range", lang)
        if not (2 <= settings.length <= MAX_LENGTH and 1 <= settings.hidden_size <= FLOW_MAX_HIDDEN
                and 0 < settings.weight_scale <= 10 and -10 <= settings.forget_bias <= 10):
            return None, "⚠️ " + t("lab.out_of_range", lang)
        flows = {cell.upper(): fresh_flow(cell, settings) for cell in CELLS if cell in cells}  # each [length]
        colours = {cell.upper(): COLOURS[cell] for cell in CELLS}
    lines = []
    for name, flow in flows.items():
        shown = [(d, float(v)) for d, v in enumerate(flow.tolist()) if v > 0]  # a log axis cannot show 0
        figure.add_trace(go.Scatter(x=[d for d, _ in shown], y=[v for _, v in shown], mode="lines", name=name,
                                    line=dict(color=colours[name])))
        lines.append(t("lab.flow.summary", lang, cell=name, near=float(flow[0]), far=float(flow[-1]),
                       distance=len(flow) - 1))
    return figure, "\n".join(f"- {line}" for line in lines)


def flow_sources(lang: str) -> list[tuple[str, str]]:
    return [(t(f"lab.flow.source.{source}", lang), source) for source in ("fresh", "trained")]


def clipping(lang: str):
    """-> (chart, summary): the same RNN trained with and without gradient clipping."""
    settings = ClippingSettings()
    runs = {t("lab.clip.without", lang): clipping_run(settings, clip=False),
            t("lab.clip.with", lang, clip=settings.clip): clipping_run(settings, clip=True)}
    figure = _log_chart(t("lab.clip.title", lang), t("lab.clip.x", lang), t("lab.flow.y", lang))
    for (name, norms), colour in zip(runs.items(), ("#d62728", "#1f77b4")):
        finite = [(step, norm) for step, norm in enumerate(norms, start=1) if norm < float("inf")]
        figure.add_trace(go.Scatter(x=[s_ for s_, _ in finite], y=[n for _, n in finite], mode="lines", name=name,
                                    line=dict(color=colour)))
    figure.add_hline(y=settings.clip, line_dash="dot", line_color="grey")
    without, clipped = runs.values()
    if len(without) < settings.steps or without[-1] == float("inf"):
        summary = t("lab.clip.blew_up", lang, step=len(without), largest=max(clipped))
    else:
        summary = t("lab.clip.both_finished", lang, without=max(without), clipped=max(clipped))
    return figure, summary


def gate_maps(tokens: list[str], gates: dict[str, torch.Tensor], lang: str) -> go.Figure:
    names = list(gates)
    figure = make_subplots(rows=len(names), cols=1, shared_xaxes=True, vertical_spacing=0.03,
                           subplot_titles=[t(f"lab.gate.{name}", lang) for name in names])
    positions = list(range(len(tokens)))
    for row, name in enumerate(names, start=1):
        values = gates[name][:, :UNITS_SHOWN].T.tolist()  # [units, time]
        bounded = name in BOUNDED
        figure.add_trace(go.Heatmap(z=values, x=positions, colorscale="Viridis" if bounded else "RdBu",
                                    zmin=0 if bounded else None, zmax=1 if bounded else None,
                                    zmid=None if bounded else 0, showscale=False,
                                    hovertemplate="%{x}: %{z:.2f}<extra>" + t(f"lab.gate.{name}", lang) + "</extra>"),
                         row=row, col=1)
        figure.update_yaxes(title_text=t("lab.inside.unit", lang), row=row, col=1, showticklabels=False)
    figure.update_xaxes(tickmode="array", tickvals=positions, ticktext=[plots.plain(token) for token in tokens], tickangle=-45,
                        row=len(names), col=1)
    figure.update_layout(height=170 * len(names) + 80, margin=dict(l=50, r=20, t=40, b=80))
    return figure


def path_chart(tokens: list[str], path: torch.Tensor, lang: str) -> go.Figure:
    figure = go.Figure(go.Scatter(x=path[:, 0].tolist(), y=path[:, 1].tolist(), mode="lines+markers+text",
                                  text=[plots.plain(token) for token in tokens],
                                  textposition="top center", marker=dict(color=list(range(len(tokens))),
                                                                         colorscale="Viridis", size=9)))
    figure.update_layout(title=t("lab.inside.path", lang), height=420, margin=dict(l=40, r=20, t=50, b=40),
                         xaxis_title="PC 1", yaxis_title="PC 2")
    return figure


def running_chart(tokens: list[str], running: list[float], lang: str) -> go.Figure:
    positions = list(range(len(tokens)))
    figure = go.Figure(go.Scatter(x=positions, y=running, mode="lines+markers", line=dict(shape="hv")))
    figure.add_hline(y=0.5, line_dash="dot", line_color="grey")
    figure.update_layout(title=t("lab.inside.running", lang), height=420, yaxis_range=[0, 1],
                         margin=dict(l=40, r=20, t=50, b=80))
    figure.update_xaxes(tickmode="array", tickvals=positions, ticktext=[plots.plain(token) for token in tokens], tickangle=-45)
    return figure


INSIDE_TASKS = (SENTIMENT, GENERATION)  # the models whose first layer the Inside view reads


def choices_among(tasks, lang: str) -> list[tuple[str, str]]:
    """A Lab picker's choices: the usable models of several tasks."""
    return [(choice_label(task, entry, lang), str(entry.path)) for task in tasks for entry in usable_models(task)]


def find_among(tasks, path: str | None):
    """(task, entry) of the model at `path` among several tasks' models, or (None, None)."""
    return next(((task, entry) for task in tasks if (entry := find_entry(task, path))), (None, None))


def inside(text: str, path: str | None, lang: str, cache: PredictorCache):
    """-> (gate maps, path chart, running chart, status)."""
    task, entry = find_among(INSIDE_TASKS, path)
    if entry is None:
        return None, None, None, t("model.none", lang, task=SENTIMENT.name)
    try:
        look = look_inside if task is SENTIMENT else look_inside_generator
        seen = look(cache.get(entry.path), text or "")
    except Exception as error:  # an input the model refuses, a checkpoint that will not load: a plain message
        return None, None, None, problem_message(error, entry, lang)
    notes = [t("lab.inside.truncated", lang, limit=MAX_LAB_TOKENS)] if seen.truncated else []
    cell = entry.settings.cell
    if cell != "lstm":
        notes.append(t("lab.inside.not_lstm", lang, cell=cell.upper()))
    running = running_chart(seen.tokens, seen.running, lang) if seen.running is not None else None
    return (gate_maps(seen.tokens, seen.gates, lang), path_chart(seen.tokens, seen.path, lang), running,
            "\n".join(f"- {note}" for note in notes))


def transitions_chart(paths, lang: str) -> go.Figure:
    scores = paths.transitions.masked_fill(~paths.allowed, float("nan")).tolist()  # forbidden moves left blank
    figure = go.Figure(go.Heatmap(z=scores, x=paths.tag_names, y=paths.tag_names, colorscale="RdBu", zmid=0,
                                  hovertemplate="%{y} → %{x}: %{z:.2f}<extra></extra>"))
    figure.update_layout(title=t("lab.crf.transitions", lang), xaxis_title=t("lab.crf.to", lang),
                         yaxis_title=t("lab.crf.from", lang), yaxis_autorange="reversed", height=460,
                         margin=dict(l=90, r=20, t=50, b=90))
    return figure


def compare_paths(text: str, path: str | None, lang: str, cache: PredictorCache):
    """-> (table rows, summary, transitions chart)."""
    entry = find_entry(NER, path)
    if entry is None:
        return None, t("model.none", lang, task=NER.name), None
    try:
        paths = crf_paths(cache.get(entry.path), text or "")
    except NoCrf:
        return None, t("lab.crf.no_crf", lang), None
    except Exception as error:  # an input the model refuses, a checkpoint that will not load: a plain message
        return None, problem_message(error, entry, lang), None
    differ = [g != v for g, v in zip(paths.greedy, paths.viterbi)]
    rows = [[token, greedy, viterbi, f"{p:.0%}", "≠" if d else ""]
            for token, greedy, viterbi, p, d in zip(paths.tokens, paths.greedy, paths.viterbi, paths.marginal, differ)]
    greedy = (t("lab.crf.greedy_allowed", lang, probability=paths.greedy_probability) if paths.greedy_allowed
              else t("lab.crf.greedy_broken", lang))
    summary = t("lab.crf.summary", lang, viterbi=paths.viterbi_probability, greedy=greedy, differ=sum(differ),
                tokens=len(differ))
    summary += "\n\n" + t("lab.crf.first_sentence", lang, limit=MAX_CRF_TOKENS)
    return pd.DataFrame(rows, columns=[t(key, lang) for key in CRF_COLUMNS]), summary, transitions_chart(paths, lang)


def compared_models() -> list:
    entries = {entry.name: entry for entry in list_models(SENTIMENT.name) if entry.shipped}
    return [entries[name] for name in COMPARED if name in entries]


def comparison(lang: str):
    """-> (chart, table) of the shipped comparison models, from their metrics.json."""
    entries = compared_models()
    if not entries:
        return None, pd.DataFrame([[t("lab.compare.missing", lang), "", "", "", ""]],
                                  columns=[t(key, lang) for key in COMPARE_COLUMNS])
    figure = plots.comparison({entry.name: plots.history_rows(entry.metrics.get("history", [])) for entry in entries},
                              "accuracy", lang)
    figure.update_layout(title=t("lab.compare.tab", lang))
    rows = [[entry.name, f"{entry.config.get('parameters', 0):,}",
             f"{max(h.get('validation_accuracy', 0) for h in entry.metrics.get('history', [{}])):.1%}",
             f"{entry.test_metrics.get('accuracy', float('nan')):.1%}", f"{entry.metrics.get('train_seconds', 0):.0f}"]
            for entry in entries]
    return figure, pd.DataFrame(rows, columns=[t(key, lang) for key in COMPARE_COLUMNS])


def pruning_chart(points: list[PruningPoint], chosen: int, lang: str) -> go.Figure:
    """Accuracy and compressed size against the share of weights zeroed, the chosen level marked."""
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    levels = [p.level for p in points]
    figure.add_scatter(x=levels, y=[p.accuracy for p in points], mode="lines+markers", name=t("lab.prune.accuracy", lang),
                       line=dict(color="#1f77b4"))
    figure.add_scatter(x=levels, y=[p.compressed_bytes / 1e6 for p in points], mode="lines+markers",
                       name=t("lab.prune.size", lang), line=dict(color="#ff7f0e", dash="dot"), secondary_y=True)
    figure.add_vline(x=chosen, line=dict(color="#6b7280", dash="dash"))
    figure.update_layout(height=380, margin=dict(l=60, r=60, t=30, b=60), legend=dict(orientation="h", y=-0.25),
                         xaxis_title=t("lab.prune.x", lang))
    figure.update_yaxes(title_text=t("lab.prune.accuracy", lang), tickformat=".0%", secondary_y=False)
    figure.update_yaxes(title_text=t("lab.prune.size", lang), rangemode="tozero", secondary_y=True)
    return figure


def pruning(path: str | None, level, int8: bool, lang: str):
    """-> (chart, summary) for the chosen model at the chosen share of zeroed weights, with full-precision or
    int8 weights (compared with the full-precision model, unpruned)."""
    _task, entry = find_among(PRUNED_TASKS, path)
    if entry is None:
        return None, t("model.none", lang, task=SENTIMENT.name)
    level = min(LEVELS, key=lambda known: abs(known - float(level or 0)))
    try:
        whole = pruning_curve(entry.path)[0]
        points = pruning_curve(entry.path, int8=bool(int8))
    except Exception as error:  # a checkpoint that will not load, missing data: a plain message
        return None, problem_message(error, entry, lang)
    chosen = next(p for p in points if p.level == level)
    summary = t("lab.prune.summary_int8" if int8 else "lab.prune.summary", lang, level=level,
                accuracy=chosen.accuracy, whole_accuracy=whole.accuracy, examples=SAMPLE,
                nonzero=f"{chosen.nonzero:,}", parameters=f"{chosen.parameters:,}",
                size=chosen.compressed_bytes / 1e6, whole_size=whole.compressed_bytes / 1e6,
                ms=chosen.milliseconds, whole_ms=whole.milliseconds)
    return pruning_chart(points, level, lang), summary


def memory_chart(results: list[tuple[str, int, float]], lang: str) -> go.Figure:
    figure = _log_chart(t("lab.memory.title", lang), t("lab.memory.x", lang), t("lab.memory.y", lang))
    for cell in CELLS:
        points = sorted((gap, mse) for c, gap, mse in results if c == cell)
        if points:
            figure.add_trace(go.Scatter(x=[g for g, _ in points], y=[m for _, m in points], mode="lines+markers",
                                        name=cell.upper(), line=dict(color=COLOURS[cell])))
    figure.add_hline(y=BASELINE_MSE, line_dash="dot", line_color="grey", annotation_text=t("lab.memory.baseline", lang))
    return figure


def verdict(mse: float) -> str:
    return "remembered" if mse < 0.02 else "forgot" if mse > 0.1 else "partly"


def memory(gap, steps, results: list, lang: str) -> Iterator[tuple]:
    """Streams (chart, status, results) while a fresh RNN, LSTM and GRU train at `gap`."""
    try:
        gap, steps = int(gap), int(steps)
    except (TypeError, ValueError):
        yield gr.update(), "⚠️ " + t("lab.out_of_range", lang), results
        return
    if not (1 <= gap <= MAX_GAP and 50 <= steps <= 2000):
        yield gr.update(), "⚠️ " + t("lab.out_of_range", lang), results
        return
    results = [r for r in (results or []) if r[1] != gap]  # a new click at a gap replaces its points
    settings = MemorySettings(steps=steps)
    found = []
    for done, cell in enumerate(CELLS):
        yield gr.update(), t("lab.memory.training", lang, cell=cell.upper(), gap=gap, done=done, total=len(CELLS)), results
        mse = train_one(cell, gap, settings)
        results = results + [(cell, gap, mse)]
        found.append(t("lab.memory.result", lang, cell=cell.upper(), mse=mse, verdict=t(f"lab.memory.{verdict(mse)}", lang)))
        yield memory_chart(results, lang), t("lab.memory.training", lang, cell=cell.upper(), gap=gap, done=done + 1,
                                             total=len(CELLS)), results
    yield memory_chart(results, lang), t("lab.memory.done", lang, gap=gap, results="; ".join(found)), results


def keep_fresh(L: Localizer, lang: gr.components.Component, picker: gr.Dropdown, tasks) -> None:
    """A Lab picker lists the models anew when opened (one trained meanwhile appears) and in another language,
    keeping the pick."""
    def refreshed(path, lang_):
        return gr.update(choices=choices_among(tasks, lang_), value=path)

    picker.focus(refreshed, [picker, lang], picker, api_visibility="private")
    L.follow(refreshed, [picker], picker)


def described(L: Localizer, key: str, **values) -> gr.Markdown:
    """A Markdown text with values in it, in the visitor's language."""
    text = gr.Markdown(t(key, L.default, **values))
    L.follow(lambda lang: t(key, lang, **values), [], text)
    return text


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("lab.tab"):
        L.bind(gr.Markdown(), value="lab.intro")
        with gr.Tabs():
            with gr.Tab() as flow_tab:
                L.bind(flow_tab, label="lab.flow.tab")
                L.bind(gr.Markdown(), value="lab.flow.intro")
                with gr.Row():
                    with gr.Column(scale=2):
                        cells = L.bind(gr.CheckboxGroup(choices=[c.upper() for c in CELLS], value=[c.upper() for c in CELLS],
                                                        elem_id="lab-flow-cells"), label="lab.flow.cells")
                        length = L.bind(gr.Slider(2, MAX_LENGTH, value=100, step=1, elem_id="lab-flow-length"),
                                        label="lab.flow.length")
                        hidden = L.bind(gr.Slider(1, FLOW_MAX_HIDDEN, value=64, step=1, elem_id="lab-flow-hidden"),
                                        label="lab.flow.hidden")
                        scale = L.bind(gr.Slider(0.1, 4, value=1.0, step=0.1, elem_id="lab-flow-scale"),
                                       label="lab.flow.scale", info="lab.flow.scale_info")
                        forget = L.bind(gr.Slider(0, 5, value=0, step=0.5, elem_id="lab-flow-forget"),
                                        label="lab.flow.forget", info="lab.flow.forget_info")
                        source = L.bind(gr.Radio(choices=flow_sources(L.default), value="fresh", elem_id="lab-flow-source"),
                                        label="lab.flow.source")
                        L.follow(lambda lang_: gr.update(choices=flow_sources(lang_)), [], source)
                        flow_text = L.bind(gr.Textbox(value=FLOW_TEXT, lines=3, elem_id="lab-flow-text"),
                                           label="lab.flow.text")
                        draw = L.bind(gr.Button(variant="primary", elem_id="lab-flow-submit"), value="lab.flow.submit")
                    with gr.Column(scale=3):
                        flow_plot = gr.Plot(show_label=False, elem_id="lab-flow-chart")
                        flow_status = gr.Markdown(elem_id="lab-flow-status")
                L.bind(gr.Markdown(), value="lab.clip.intro")
                with gr.Row():
                    with gr.Column(scale=2):
                        clip_button = L.bind(gr.Button(elem_id="lab-clip-submit"), value="lab.clip.submit")
                        clip_status = gr.Markdown(elem_id="lab-clip-status")
                    with gr.Column(scale=3):
                        clip_plot = gr.Plot(show_label=False, elem_id="lab-clip-chart")
            with gr.Tab() as inside_tab:
                L.bind(inside_tab, label="lab.inside.tab")
                described(L, "lab.inside.intro", units=UNITS_SHOWN)
                with gr.Row():
                    inside_model = L.bind(gr.Dropdown(choices=choices_among(INSIDE_TASKS, L.default),
                                                      value=preferred_model(SENTIMENT, L.default),
                                                      allow_custom_value=True, elem_id="lab-inside-model"),
                                          label="lab.inside.model")
                    sentence = L.bind(gr.Textbox(value=EXAMPLE_SENTENCE, lines=2, elem_id="lab-inside-input"),
                                      label="lab.inside.input")
                look = L.bind(gr.Button(variant="primary", elem_id="lab-inside-submit"), value="lab.inside.submit")
                inside_status = gr.Markdown(elem_id="lab-inside-status")
                with gr.Row():
                    running_plot = gr.Plot(show_label=False, elem_id="lab-inside-running")
                    path_plot = gr.Plot(show_label=False, elem_id="lab-inside-path")
                gates_plot = gr.Plot(show_label=False, elem_id="lab-inside-gates")
            with gr.Tab() as memory_tab:
                L.bind(memory_tab, label="lab.memory.tab")
                described(L, "lab.memory.intro", baseline=BASELINE_MSE)
                with gr.Row():
                    with gr.Column(scale=2):
                        gap = L.bind(gr.Slider(1, MAX_GAP, value=20, step=1, elem_id="lab-memory-gap"),
                                     label="lab.memory.gap")
                        steps = L.bind(gr.Slider(50, 2000, value=300, step=50, elem_id="lab-memory-steps"),
                                       label="lab.memory.steps")
                        with gr.Row():
                            train = L.bind(gr.Button(variant="primary", elem_id="lab-memory-submit"),
                                           value="lab.memory.submit")
                            clear = L.bind(gr.Button(variant="secondary"), value="lab.memory.clear")
                        memory_status = gr.Markdown(elem_id="lab-memory-status")
                    with gr.Column(scale=3):
                        memory_plot = gr.Plot(show_label=False, elem_id="lab-memory-chart")
                results = gr.State([])
            with gr.Tab() as compare_tab:
                L.bind(compare_tab, label="lab.compare.tab")
                L.bind(gr.Markdown(), value="lab.compare.intro")
                chart, table = comparison(L.default)
                compare_plot = gr.Plot(chart, show_label=False, elem_id="lab-compare-chart")
                compare_table = gr.Dataframe(table, interactive=False, elem_id="lab-compare-table")
                L.follow(lambda lang_: comparison(lang_), [], [compare_plot, compare_table])
            with gr.Tab() as prune_tab:
                L.bind(prune_tab, label="lab.prune.tab")
                described(L, "lab.prune.intro", examples=SAMPLE)
                with gr.Row():
                    with gr.Column(scale=2):
                        prune_model = L.bind(gr.Dropdown(choices=choices_among(PRUNED_TASKS, L.default),
                                                         value=preferred_model(SENTIMENT, L.default),
                                                         allow_custom_value=True, elem_id="lab-prune-model"),
                                             label="lab.prune.model")
                        prune_level = L.bind(gr.Slider(LEVELS[0], LEVELS[-1], value=50, step=LEVELS[1] - LEVELS[0],
                                                       elem_id="lab-prune-level"), label="lab.prune.level")
                        prune_int8 = L.bind(gr.Checkbox(value=False, elem_id="lab-prune-int8"), label="lab.prune.int8",
                                            info="lab.prune.int8_info")
                        prune_button = L.bind(gr.Button(variant="primary", elem_id="lab-prune-submit"),
                                              value="lab.prune.submit")
                        prune_status = gr.Markdown(elem_id="lab-prune-status")
                    with gr.Column(scale=3):
                        prune_plot = gr.Plot(show_label=False, elem_id="lab-prune-chart")
            with gr.Tab() as crf_tab:
                L.bind(crf_tab, label="lab.crf.tab")
                L.bind(gr.Markdown(), value="lab.crf.intro")
                with gr.Row():
                    ner_picker = ModelPicker(L, lang, NER, ner_card, label_key="ner.model", elem_id="lab-crf-model")
                    crf_text = L.bind(gr.Textbox(lines=2, elem_id="lab-crf-input"), label="lab.crf.input")
                compare = L.bind(gr.Button(variant="primary", elem_id="lab-crf-submit"), value="lab.crf.submit")
                crf_examples = ExampleList(L, example_rows(NER, NER_EXAMPLES), [crf_text, ner_picker.dropdown],
                                           label_key="ner.examples", header_key="lab.crf.input", elem_id="lab-crf-examples")
                crf_summary = gr.Markdown(elem_id="lab-crf-summary")
                with gr.Row():
                    crf_table = L.table(CRF_COLUMNS, interactive=False, elem_id="lab-crf-table")
                    crf_plot = gr.Plot(show_label=False, elem_id="lab-crf-transitions")

    def flow(cells_, length_, hidden_, scale_, forget_, source_, text_, lang_):
        return gradient_flow([c.lower() for c in cells_ or []], length_, hidden_, scale_, forget_, source_, text_, lang_,
                             cache)

    draw.click(flow, [cells, length, hidden, scale, forget, source, flow_text, lang], [flow_plot, flow_status],
               concurrency_limit=2, api_name="lab_gradient_flow")
    clip_button.click(clipping, [lang], [clip_plot, clip_status], concurrency_limit=1, api_name="lab_clipping")
    keep_fresh(L, lang, inside_model, INSIDE_TASKS)
    look.click(lambda text, path, lang_: inside(text, path, lang_, cache), [sentence, inside_model, lang],
               [gates_plot, path_plot, running_plot, inside_status], concurrency_limit=4, api_name="lab_inside")
    train.click(memory, [gap, steps, results, lang], [memory_plot, memory_status, results], concurrency_limit=1,
                api_name="lab_memory")
    clear.click(lambda: (None, "", []), None, [memory_plot, memory_status, results])

    prune_inputs, prune_outputs = [prune_model, prune_level, prune_int8, lang], [prune_plot, prune_status]
    prune_button.click(pruning, prune_inputs, prune_outputs, concurrency_limit=1, api_name="lab_pruning")
    prune_level.release(pruning, prune_inputs, prune_outputs, concurrency_limit=1, api_visibility="private")
    prune_int8.input(pruning, prune_inputs, prune_outputs, concurrency_limit=1, api_visibility="private")
    keep_fresh(L, lang, prune_model, PRUNED_TASKS)

    def paths(text, path, lang_):
        return compare_paths(text, path, lang_, cache)

    compare.click(paths, [crf_text, ner_picker.dropdown, lang], [crf_table, crf_summary, crf_plot], concurrency_limit=4,
                  api_name="lab_crf_paths")
    crf_examples.wire(paths, [crf_text, ner_picker.dropdown, lang], [crf_table, crf_summary, crf_plot])
    L.results(flow_plot, flow_status, clip_plot, clip_status, gates_plot, path_plot, running_plot, inside_status, memory_plot, memory_status,
              crf_summary, crf_plot, prune_plot, prune_status)
    ner_picker.wire()
