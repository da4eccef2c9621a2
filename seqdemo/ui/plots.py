"""Plotly figures for training curves, labelled in the user's language."""

from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

from .localizer import t

COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def _layout(figure: go.Figure, title: str, y_title: str, lang: str) -> go.Figure:
    figure.update_layout(title=title, xaxis_title=t("plot.epoch", lang), yaxis_title=y_title, height=330,
                         margin=dict(l=50, r=50, t=50, b=40), legend=dict(orientation="h", y=-0.3))
    return figure


def series(metrics: list[dict[str, Any]], split: str, name: str) -> tuple[list[float], list[float]]:
    rows = [m for m in metrics if m["split"] == split and m["name"] == name]
    return [m["epoch"] for m in rows], [m["value"] for m in rows]


def loss_curves(metrics: list[dict[str, Any]], lang: str) -> go.Figure:
    """Training loss as reported during each epoch, validation loss after each epoch."""
    figure = go.Figure()
    x, y = series(metrics, "train", "loss")
    figure.add_scatter(x=x, y=y, mode="lines", name=t("plot.train_loss", lang), line=dict(color=COLOURS[0]))
    x, y = series(metrics, "validation", "loss")
    figure.add_scatter(x=x, y=y, mode="lines+markers", name=t("plot.validation_loss", lang), line=dict(color=COLOURS[1]))
    return _layout(figure, t("plot.loss_title", lang), t("plot.loss", lang), lang)


def metric_curve(metrics: list[dict[str, Any]], metric: str, lang: str) -> go.Figure:
    figure = go.Figure()
    x, y = series(metrics, "validation", metric)
    label = t("plot.validation_metric", lang, metric=metric)
    figure.add_scatter(x=x, y=y, mode="lines+markers", name=label, line=dict(color=COLOURS[2]))
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
