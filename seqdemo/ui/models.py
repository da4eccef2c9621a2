"""Model pickers shared by the task tabs: the choices, labelled with each model's test figure."""

import gradio as gr

from ..serve import ModelEntry, list_models
from ..tasks import Task
from .i18n import t


def choice_label(entry: ModelEntry, metric: str, lang: str) -> str:
    value = entry.test_metrics.get(metric)
    shown = f"{value:.1%}" if isinstance(value, float) else "?"
    return t("model.choice", lang, name=entry.name, metric=shown)


def usable_models(task: Task) -> list[ModelEntry]:
    return [entry for entry in list_models(task.name) if entry.dataset in task.datasets]


def model_choices(task: Task, lang: str) -> list[tuple[str, str]]:
    return [(choice_label(entry, task.metric, lang), str(entry.path)) for entry in usable_models(task)]


def preferred_model(task: Task, lang: str) -> str | None:
    """The first model that reads the interface's language, else the first model."""
    entries = usable_models(task)
    for entry in entries:
        if task.datasets[entry.dataset].language == lang:
            return str(entry.path)
    return str(entries[0].path) if entries else None


def find_entry(task: Task, path: str | None) -> ModelEntry | None:
    return next((e for e in usable_models(task) if str(e.path) == path), None)


def picker_update(task: Task, lang: str, current: str | None, follow_language: bool = False) -> dict:
    """Fresh choices (new models appear without a restart). Keeps the current pick when it still exists,
    unless `follow_language` asks for the model that reads the newly chosen language."""
    choices = model_choices(task, lang)
    keep = not follow_language and current in [value for _, value in choices]
    return gr.update(choices=choices, value=current if keep else preferred_model(task, lang))
