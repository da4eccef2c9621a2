"""Model pickers shared by the task tabs: the choices, labelled with each model's test figure."""

import logging
from collections.abc import Callable, Container, Mapping, Sequence
from typing import Any

import gradio as gr

from ..serve import ModelEntry, PredictorCache, list_models
from ..tasks import BadInput, Task
from ..train import CheckpointError
from .i18n import t, t_user

log = logging.getLogger(__name__)


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


def example_rows(task: Task, examples: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Each example (by language) paired with the first model that reads its language, so clicking it picks that model."""
    readers = {}
    for entry in usable_models(task):
        readers.setdefault(task.datasets[entry.dataset].language, str(entry.path))
    return [[text, readers[lang]] for lang, texts in examples.items() if lang in readers for text in texts]


def ask(task: Task, path: str | None, lang: str, cache: PredictorCache, *inputs: Any,
        **options: Any) -> tuple[ModelEntry | None, Any, str]:
    """(the chosen model, its answer, "") or, when there is no answer, (model, None, the message the user sees):
    no model yet, an input the model refuses (marked ⚠️), or a checkpoint that will not load."""
    entry = find_entry(task, path)
    if entry is None:
        return None, None, t("model.none", lang, task=task.name)
    try:
        return entry, cache.get(entry.path).predict(*inputs, **options), ""
    except BadInput as error:
        return entry, None, "⚠️ " + t_user(f"input.{error.code}", lang, **error.params)
    except CheckpointError as error:
        return entry, None, "⚠️ " + t_user("model.broken", lang, error=str(error))
    except Exception:  # a bug or an exhausted resource: a plain message for the visitor, the details in the log
        log.exception("answering with %s failed", entry.path)
        return entry, None, "⚠️ " + t("app.failed", lang)


def picker_update(task: Task, lang: str, current: str | None, follow_language: bool = False,
                  datasets: Container[str] | None = None) -> dict:
    """Fresh choices (new models appear without a restart). Keeps the current pick when it still exists,
    unless `follow_language` asks for the model that reads the newly chosen language."""
    choices = model_choices(task, lang, datasets)
    keep = not follow_language and current in [value for _, value in choices]
    return gr.update(choices=choices, value=current if keep else preferred_model(task, lang, datasets))


def picker_and_card(task: Task, model_card: Callable[[str | None, str], str], follow_language: bool = False,
                    datasets_for: Callable[..., Container[str] | None] | None = None) -> Callable:
    """A language follower (`Localizer.follow`) for a tab's model picker and card: inputs (picker,
    *what `datasets_for` reads), outputs (picker, card)."""
    def on_language(current: str | None, *args):
        *context, lang = args
        datasets = datasets_for(*context) if datasets_for else None
        picker = picker_update(task, lang, current, follow_language=follow_language, datasets=datasets)
        return picker, model_card(picker["value"], lang)
    return on_language
