"""Model pickers shared by the task tabs: the choices, labelled with each model's test figure."""

from collections.abc import Container

import gradio as gr

from ..serve import ModelEntry, list_models
from ..tasks import Task
from .i18n import t


def choice_label(task: Task, entry: ModelEntry, lang: str) -> str:
    """`model.choice.<task>` filled with the model's name and test metrics (just the name if one is missing)."""
    try:
        return t(f"model.choice.{task.name}", lang, name=entry.name, **entry.test_metrics)
    except (KeyError, ValueError, TypeError):
        return entry.name


def usable_models(task: Task, datasets: Container[str] | None = None) -> list[ModelEntry]:
    allowed = task.datasets if datasets is None else datasets
    return [entry for entry in list_models(task.name) if entry.dataset in task.datasets and entry.dataset in allowed]


def model_choices(task: Task, lang: str, datasets: Container[str] | None = None) -> list[tuple[str, str]]:
    return [(choice_label(task, entry, lang), str(entry.path)) for entry in usable_models(task, datasets)]


def preferred_model(task: Task, lang: str, datasets: Container[str] | None = None) -> str | None:
    """The first model that reads the interface's language, else the first model."""
    entries = usable_models(task, datasets)
    for entry in entries:
        if task.datasets[entry.dataset].language == lang:
            return str(entry.path)
    return str(entries[0].path) if entries else None


def find_entry(task: Task, path: str | None) -> ModelEntry | None:
    return next((e for e in usable_models(task) if str(e.path) == path), None)


def picker_update(task: Task, lang: str, current: str | None, follow_language: bool = False,
                  datasets: Container[str] | None = None) -> dict:
    """Fresh choices (new models appear without a restart). Keeps the current pick when it still exists,
    unless `follow_language` asks for the model that reads the newly chosen language."""
    choices = model_choices(task, lang, datasets)
    keep = not follow_language and current in [value for _, value in choices]
    return gr.update(choices=choices, value=current if keep else preferred_model(task, lang, datasets))
