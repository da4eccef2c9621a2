"""Plotly figures labelled in the user's language: training curves, and date axes for every chart."""

import html
from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

from ..catalogue import has
from .localizer import t

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def plain(text: str) -> str:
    """Text someone typed, made safe for a Plotly label: Plotly reads a few HTML tags (<b>, <a href>, <br>) in
    labels, so < > & become entities and show as typed."""
    return html.escape(str(text), quote=False)


def metric_name(metric: str, lang: str) -> str:
    """A validation figure's name in words ("accuracy", "准确率"); unknown ones as they are."""
    return t(f"plot.metric.{metric}", lang) if has(f"plot.metric.{metric}") else metric


# Plotly names months in English ("Jan 5"); a Chinese page gets numbers instead
CHINESE_DATE_TICKS = {"days": "%Y-%m-%d", "minutes": "%H:%M<br>%m-%d"}


def date_axis(figure: go.Figure, lang: str, unit: str) -> go.Figure:
    """Date ticks in `lang` for a chart whose points are `unit` apart ("days" or "minutes")."""
    if lang == "zh":
        figure.update_xaxes(tickformat=CHINESE_DATE_TICKS[unit])
    return figure


def _layout(figure: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    figure.update_layout(title=title, xaxis_title=t("plot.epoch", lang), yaxis_title=y_title, height=330,
                         margin=dict(l=50, r=50, t=50, b=40), legend=dict(orientation="h", y=-0.3))
    return figure


def series(metrics: list[dict[str, Any]], split: str, name: str) -> tuple[list[float], list[float]]:
    rows = [m for m in metrics if m["split"] == split and m["name"] == name]
    return [m["epoch"] for m in rows], [m["value"] for m in rows]


def waiting(figure: go.Figure, lang: str) -> go.Figure:
    """A chart with no points yet says so, instead of showing empty axes."""
    figure.add_annotation(text=t("plot.no_points", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                          font=dict(size=14, color="#6b7280"))
    return figure.update_xaxes(visible=False).update_yaxes(visible=False)


def loss_curves(metrics: list[dict[str, Any]], lang: str) -> go.Figure:
    """Training loss as reported during each epoch, validation loss after each epoch."""
    figure = go.Figure()
    if not metrics:
        return _layout(waiting(figure, lang), t("plot.loss_title", lang), t("plot.loss", lang), lang)
    x, y = series(metrics, "train", "loss")
    figure.add_scatter(x=x, y=y, mode="lines", name=t("plot.train_loss", lang), line=dict(color=COLOURS[0]))
    x, y = series(metrics, "validation", "loss")
    figure.add_scatter(x=x, y=y, mode="lines+markers", name=t("plot.validation_loss", lang), line=dict(color=COLOURS[1]))
    return _layout(figure, t("plot.loss_title", lang), t("plot.loss", lang), lang)


def history_rows(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A checkpoint's per-epoch history (metrics.json) as the rows the job charts draw: train loss, validation_*."""
    rows = []
    for record in history:
        for key, value in record.items():
            if key in ("train_loss", "train_accuracy"):
                rows.append({"epoch": record["epoch"], "split": "train", "name": key.removeprefix("train_"), "value": value})
            elif key.startswith("validation_") and isinstance(value, (int, float)):
                rows.append({"epoch": record["epoch"], "split": "validation", "name": key.removeprefix("validation_"),
                             "value": value})
    return rows


def metric_curve(metrics: list[dict[str, Any]], metric: str, lang: str) -> go.Figure:
    figure = go.Figure()
    x, y = series(metrics, "validation", metric)
    label = t("plot.validation_metric", lang, metric=metric_name(metric, lang))
    if not x:
        return _layout(waiting(figure, lang), label, metric_name(metric, lang), lang)
    figure.add_scatter(x=x, y=y, mode="lines+markers", name=label, line=dict(color=COLOURS[2]))
    x, y = series(metrics, "train", metric)  # classifiers also score a sample of their training data
    if x:
        figure.add_scatter(x=x, y=y, mode="lines+markers", name=t("plot.train_metric", lang, metric=metric_name(metric, lang)),
                           line=dict(color=COLOURS[2], dash="dot"))
    return _layout(figure, label, metric, lang)


def comparison(runs: dict[str, list[dict[str, Any]]], metric: str, lang: str) -> go.Figure:
    """One colour per job: its validation metric after each epoch (solid) and its mean training loss
    per epoch (dotted, right-hand axis)."""
    figure = go.Figure()
    for i, (label, metrics) in enumerate(runs.items()):
        colour = COLOURS[i % len(COLOURS)]
        x, y = series(metrics, "validation", metric)
        figure.add_scatter(x=x, y=y, mode="lines+markers", name=f"{label} · {metric}", line=dict(color=colour))
        by_epoch: dict[int, list[float]] = defaultdict(list)
        for epoch, value in zip(*series(metrics, "train", "loss")):
            by_epoch[int(epoch - 1e-9) + 1].append(value)  # a report at epoch 1.0 belongs to epoch 1
        epochs = sorted(by_epoch)
        figure.add_scatter(x=epochs, y=[sum(by_epoch[e]) / len(by_epoch[e]) for e in epochs], mode="lines",
                           name=f"{label} · {t('plot.train_loss', lang)}", line=dict(color=colour, dash="dot"), yaxis="y2")
    figure.update_layout(yaxis2=dict(title=t("plot.train_loss", lang), overlaying="y", side="right"))
    return _layout(figure, t("plot.compare_title", lang), t("plot.validation_metric", lang, metric=metric), lang)
