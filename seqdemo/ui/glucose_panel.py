"""The glucose half of the Medical monitoring tab: from a moment of the monitor's test period, the
next hour's forecast with its interval, the hypo- and hyperglycaemia thresholds, the alerts the
forecast raises, and what the monitor actually read."""

import math

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.glucose import HYPER, HYPO, SCORED_MINUTES, GlucoseForecast
from ..train.checkpoint import figure_at
from .localizer import Localizer, t
from .models import ModelPicker, ask, find_entry
from .plots import date_axis

TASK = get_task("glucose")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def moment_choices(path: str | None, lang: str, cache: PredictorCache) -> list[tuple[str, str]]:
    """Sample moments of the chosen model's test period, labelled by what happened next."""
    entry = find_entry(TASK, path)
    if entry is None:
        return []
    moments = cache.get(entry.path).sample_moments()
    return [(t(f"glucose.moment.{kind}", lang, time=f"{when:{TIME_FORMAT}}"), f"{when:{TIME_FORMAT}}") for kind, when in moments]


def chart(forecast: GlucoseForecast, lang: str) -> go.Figure:
    figure = go.Figure()
    times = list(forecast.history_times[-1:]) + list(forecast.times)
    now = float(forecast.history[-1])
    low, median, high = ([now] + forecast.quantiles[:, q].tolist() for q in range(3))
    figure.add_hrect(y0=0, y1=HYPO, fillcolor="rgba(214, 39, 40, 0.08)", line_width=0)
    figure.add_hrect(y0=HYPER, y1=400, fillcolor="rgba(255, 127, 14, 0.08)", line_width=0)
    figure.add_scatter(x=forecast.history_times, y=forecast.history, mode="lines", name=t("glucose.history", lang),
                       line=dict(color="#1f2937", width=2))
    figure.add_scatter(x=times + times[::-1], y=high + low[::-1], mode="lines", fill="toself", fillcolor="rgba(31, 119, 180, 0.18)",
                       line=dict(width=0), name=t("glucose.interval", lang), hoverinfo="skip")
    figure.add_scatter(x=times, y=median, mode="lines+markers", name=t("glucose.forecast", lang), line=dict(color="#1f77b4"))
    figure.add_scatter(x=times, y=[now] + forecast.persistence.tolist(), mode="lines", name=t("glucose.persistence", lang),
                       line=dict(color="#7f7f7f", dash="dash"))
    measured = np.concatenate([[now], forecast.actual])
    figure.add_scatter(x=times, y=measured, mode="lines", name=t("glucose.measured", lang),
                       line=dict(color="#1f2937", dash="dot"))
    for level, key in ((HYPO, "glucose.hypo_line"), (HYPER, "glucose.hyper_line")):
        figure.add_hline(y=level, line=dict(color="#d62728" if level == HYPO else "#ff7f0e", dash="dot"),
                         annotation_text=t(key, lang, level=int(level)), annotation_position="top left")
    for kind, minutes, value in forecast.alerts():  # each alert marked where the forecast crosses its threshold
        figure.add_scatter(x=[forecast.times[minutes // 5 - 1]], y=[value], mode="markers+text",
                           marker=dict(symbol="triangle-down" if kind == "hypo" else "triangle-up", size=14,
                                       color="#d62728" if kind == "hypo" else "#ff7f0e"),
                           text=[t(f"glucose.alert_mark.{kind}", lang)], textposition="top center", showlegend=False)
    top = max(250.0, float(np.nanmax(np.concatenate([forecast.history, forecast.quantiles[:, -1], forecast.actual]))) + 20)
    figure.update_layout(height=400, margin=dict(l=50, r=20, t=30, b=40), yaxis=dict(title="mg/dL", range=[30, top]),
                         legend=dict(orientation="h", y=-0.2))
    return date_axis(figure, lang, "minutes")


def alerts_text(forecast: GlucoseForecast, lang: str) -> str:
    lines = []
    for minutes in SCORED_MINUTES:
        step = minutes // 5 - 1
        low, median, high = forecast.quantiles[step]
        measured = forecast.actual[step]
        lines.append(t("glucose.at", lang, minutes=minutes, median=median, low=low, high=high,
                       measured="—" if math.isnan(measured) else f"{measured:.0f}"))
    alerts = forecast.alerts()
    lines += [t(f"glucose.alert.{kind}", lang, minutes=minutes, value=value) for kind, minutes, value in alerts]
    if not alerts:
        lines.append(t("glucose.no_alert", lang))
    # each alert, and each alert that should have been, held against what the monitor read
    lines += [t(f"glucose.outcome.{outcome}", lang, kind=t(f"glucose.kind.{kind}", lang), minutes=minutes, forecast=forecast,
                measured=measured) for outcome, kind, minutes, forecast, measured in forecast.outcomes()]
    return "\n".join(f"- {line}" for line in lines)


def forecast_glucose(moment: str | None, path: str | None, lang: str, cache: PredictorCache):
    """-> (chart, alerts and readings, status message)."""
    _, forecast, problem = ask(TASK, path, lang, cache, moment or "")
    if forecast is None:
        return None, "", problem
    return chart(forecast, lang), alerts_text(forecast, lang), ""


def percent(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.0%}"


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    header = [t(f"glucose.card.{c}", lang) for c in ("ahead", "forecast", "rmse", "mae", "hypo_precision", "hypo_recall",
                                                     "hyper_precision", "hyper_recall")]
    rows = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for minutes in SCORED_MINUTES:
        for name in ("model", "persistence"):
            at = ("horizons", str(minutes), name)
            cells = [f"{figure_at(test, *at, k):.1f}" for k in ("rmse", "mae")]
            cells += [percent(figure_at(test, *at, a, k)) for a in ("hypo", "hyper") for k in ("precision", "recall")]
            rows.append(f"| {minutes} min | {t(f'glucose.{name}_short', lang)} | " + " | ".join(cells) + " |")
    return t("glucose.card.body", lang, name=entry.name, cell=hp.cell.upper(), hidden=hp.hidden_size,
             window=hp.window * 5, horizon=hp.horizon * 5, dataset=t(f"dataset.{entry.dataset}", lang),
             skill30=figure_at(test, "horizons", "30", "skill"), skill60=figure_at(test, "horizons", "60", "skill"),
             coverage=figure_at(test, "horizons", "30", "coverage"), origins=f"{int(test.get('origins', 0)):,}",
             params=f"{entry.config.get('parameters', 0):,}", command=entry.config.get("command", "?"), scores="\n".join(rows))


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache, holder: gr.Tab) -> None:
    """The panel, inside `holder` (a tab): its sample moments are listed when that tab is opened, since they come
    from the model, which loads after the app has started."""
    L.bind(gr.Markdown(), value="glucose.intro")
    with gr.Row():
        with gr.Column(scale=2):
            picker = ModelPicker(L, lang, TASK, model_card, label_key="glucose.model", elem_id="glucose-model")
            model = picker.dropdown
            moment = L.bind(gr.Dropdown(choices=[], value=None, allow_custom_value=True, elem_id="glucose-moment"),
                            label="glucose.moment", info="glucose.moment_info")
            submit = L.bind(gr.Button(variant="primary", elem_id="glucose-submit"), value="glucose.submit")
            status = gr.Markdown(elem_id="glucose-status")
        with gr.Column(scale=3):
            figure = L.bind(gr.Plot(elem_id="glucose-chart"), label="glucose.chart")
            readings = gr.Markdown(elem_id="glucose-alerts")
    picker.card("glucose.card")

    def run(moment_, path, lang_):
        return forecast_glucose(moment_, path, lang_, cache)

    inputs, outputs = [moment, model, lang], [figure, readings, status]
    # a moment chosen from the list forecasts at once; closing the list without a choice asks for nothing
    gr.on([submit.click, moment.select], run, inputs, outputs, concurrency_limit=4, api_name="forecast_glucose")

    def refresh_moments(path, current, lang_):
        return gr.update(choices=moment_choices(path, lang_, cache), value=current)

    picker.feeds(moment, refresh_moments, opened=holder)
    picker.wire()
    L.results(figure, readings, status)
