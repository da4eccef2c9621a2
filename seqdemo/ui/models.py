"""Model pickers shared by the task tabs: the choices, labelled with each model's test figure."""

import gradio as gr

from ..serve import ModelEntry, list_models
from .i18n import t


def choice_label(entry: ModelEntry, metric: str, lang: str) -> str:
    value = entry.test_metrics.get(metric)
    shown = f"{value:.1%}" if isinstance(value, float) else "?"
    return t("model.choice", lang, name=entry.name, metric=shown)


def model_choices(task: str, metric: str, lang: str) -> list[tuple[str, str]]:
    return [(choice_label(entry, metric, lang), str(entry.path)) for entry in list_models(task)]


def find_entry(task: str, path: str | None) -> ModelEntry | None:
    return next((e for e in list_models(task) if str(e.path) == path), None)


def picker_update(task: str, metric: str, lang: str, current: str | None) -> dict:
    """Fresh choices (new models appear without a restart), keeping the current pick when it still exists."""
    choices = model_choices(task, metric, lang)
    values = [value for _, value in choices]
    return gr.update(choices=choices, value=current if current in values else (values[0] if values else None))
