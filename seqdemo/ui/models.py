"""Model pickers shared by the task tabs: the choices, labelled with each model's test figure."""

import inspect
import logging
import typing
from collections.abc import Callable, Container, Mapping, Sequence
from typing import Any

import gradio as gr

from ..catalogue import LANGUAGES
from ..models import encoder
from ..serve import ModelEntry, PredictorCache, list_models
from ..serve.archive import checkpoint_archive
from ..serve.registry import unreadable_models
from ..tasks import BadInput, Task
from ..train import CheckpointError
from . import plots
from .localizer import Localizer, t, t_user

log = logging.getLogger(__name__)


class _Table(dict):
    """A table of test figures a label can index by number: str.format reads {horizons[1]} as horizons[int 1],
    while JSON keys are strings."""

    def __getitem__(self, key):
        value = super().__getitem__(str(key))
        return _Table(value) if isinstance(value, dict) else value


def choice_label(task: Task, entry: ModelEntry, lang: str) -> str:
    """`model.choice.<task>` filled with the model's name and test figures (just the name if one is missing)."""
    figures = {k: _Table(v) if isinstance(v, dict) else v for k, v in entry.test_metrics.items()}
    try:
        return t(f"model.choice.{task.name}", lang, name=entry.name, **figures)
    except (KeyError, IndexError, ValueError, TypeError):
        return entry.name


def usable_models(task: Task, datasets: Container[str] | None = None) -> list[ModelEntry]:
    allowed = task.datasets if datasets is None else datasets
    return [entry for entry in list_models(task.name) if entry.dataset in task.datasets and entry.dataset in allowed]


def default_candidates(task: Task, datasets: Container[str] | None = None) -> list[ModelEntry]:
    """The usable models in the order a default is picked from: those shipped only for comparison last."""
    return sorted(usable_models(task, datasets), key=lambda entry: entry.for_comparison)


def model_source(task: Task) -> str:
    """The PyTorch code of the task's model: the module of the class its `build_model` returns, then the
    recurrent encoder every model shares."""
    returned = typing.get_type_hints(type(task).build_model)["return"]  # a class, or a union of classes
    classes = typing.get_args(returned) or (returned,)
    modules = list(dict.fromkeys([*map(inspect.getmodule, classes), encoder]))
    return "\n\n".join(f"# {module.__name__.replace('.', '/')}.py\n\n{inspect.getsource(module)}" for module in modules)


def model_choices(task: Task, lang: str, datasets: Container[str] | None = None) -> list[tuple[str, str]]:
    return [(choice_label(task, entry, lang), str(entry.path)) for entry in usable_models(task, datasets)]


def preferred_model(task: Task, lang: str, datasets: Container[str] | None = None) -> str | None:
    """The first model that reads the interface's language, else the first model."""
    entries = default_candidates(task, datasets)
    for entry in entries:
        if task.datasets[entry.dataset].language == lang:
            return str(entry.path)
    return str(entries[0].path) if entries else None


def find_entry(task: Task, path: str | None) -> ModelEntry | None:
    return next((e for e in usable_models(task) if str(e.path) == path), None)


def example_rows(task: Task, examples: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Each example (by language) paired with the first model that reads its language, so clicking it picks that model."""
    readers = {}
    for entry in default_candidates(task):
        readers.setdefault(task.datasets[entry.dataset].language, str(entry.path))
    return [[text, readers[lang]] for lang, texts in examples.items() if lang in readers for text in texts]


class ExampleList:
    """Examples a click fills in and runs at once (as the AllenNLP demo and displaCy do), so that an old answer
    never sits beside a new example. The table shows each example's first value (its text); the others (the
    model that reads it, a length, ...) ride along into their inputs."""

    def __init__(self, L: Localizer, rows: Sequence[Sequence[Any]], targets: Sequence[gr.components.Component], *,
                 label_key: str, header_key: str, elem_id: str, per_page: int = 6):
        self.rows, self.targets = [list(row) for row in rows], list(targets)
        self.table = L.bind(gr.Dataset(components=[self.targets[0]], samples=[[row[0]] for row in self.rows], type="index",
                                       samples_per_page=per_page, elem_id=elem_id), label=label_key, headers=[header_key])

    def wire(self, run: Callable, inputs: Sequence[gr.components.Component], outputs: Sequence[gr.components.Component]):
        def fill(index: int):
            return self.rows[index] if 0 <= index < len(self.rows) else [gr.update() for _ in self.targets]

        self.table.click(fill, self.table, self.targets, api_visibility="private").then(
            run, list(inputs), list(outputs), api_visibility="private")


def ask(task: Task, path: str | None, lang: str, cache: PredictorCache, *inputs: Any,
        **options: Any) -> tuple[ModelEntry | None, Any, str]:
    """(the chosen model, its answer, "") or, when there is no answer, (model, None, the message the user sees):
    no model yet, an input the model refuses (marked ⚠️), or a checkpoint that will not load."""
    entry = find_entry(task, path)
    if entry is None:
        return None, None, t("model.none", lang, task=task.name)
    try:
        return entry, cache.get(entry.path).predict(*inputs, **options), ""
    except Exception as error:
        return entry, None, problem_message(error, entry, lang)


def problem_message(error: Exception, entry: ModelEntry, lang: str) -> str:
    """What the visitor reads when a model could not answer: the input's problem, a model that will not load,
    or, for a bug or an exhausted resource, a plain message (the details go to the log)."""
    if isinstance(error, BadInput):
        return "⚠️ " + t_user(f"input.{error.code}", lang, **error.params)
    if isinstance(error, CheckpointError):
        return "⚠️ " + t_user("model.broken", lang, error=str(error))
    log.error("answering with %s failed", entry.path, exc_info=error)
    return "⚠️ " + t("app.failed", lang)


def picker_info(info_key: str | None, lang: str) -> str | None:
    """The picker's help: its tab's own line, and a warning when folders in the runs folder could not be read."""
    parts = [t(info_key, lang)] if info_key else []
    unreadable = unreadable_models()
    if unreadable:
        parts.append(t("model.unreadable", lang, count=len(unreadable)))
    return " ".join(parts) or None


class ModelPicker:
    """A tab's model dropdown and its "How this model works" card.

    The dropdown lists fresh choices whenever it is opened (a model trained meanwhile appears) and says when
    folders in the runs folder could not be read. Until the visitor picks a model it shows the first one that
    reads the interface's language (a Chinese browser starts on a Chinese model); once they have picked, a
    language switch keeps their pick. The card follows the pick and the language. `datasets` narrows the choices by the values of `context`
    inputs (translation: its direction). Build the dropdown where it belongs, `card()` where the card
    belongs, then `wire()`.
    """

    def __init__(self, L: Localizer, lang: gr.components.Component, task: Task,
                 model_card: Callable[[ModelEntry, str], str], *, label_key: str, elem_id: str,
                 info_key: str | None = None, context: Sequence[gr.components.Component] = (),
                 datasets: Callable[..., Container[str] | None] | None = None, initial_context: Sequence[Any] = ()):
        self.L, self.lang, self.task, self.card_of = L, lang, task, model_card
        self.info_key, self.context, self.datasets_for = info_key, list(context), datasets
        allowed = datasets(*initial_context) if datasets else None
        self.initial = preferred_model(task, L.default, allowed)
        # Custom values allowed: a run can start while the choices are being replaced (an example that brings
        # its own translation direction), and Gradio would refuse the old value; every run looks the path up
        # among the usable models (find_entry) and never opens one it does not know.
        self.dropdown = L.bind(gr.Dropdown(choices=model_choices(task, L.default, allowed), value=self.initial,
                                           info=picker_info(info_key, L.default), elem_id=elem_id,
                                           allow_custom_value=True), label=label_key)
        self.card_text: gr.Markdown | None = None
        self.card_curves: gr.Plot | None = None
        self.card_download: gr.DownloadButton | None = None
        self.card_open: gr.State | None = None  # is the card open (drawn), in this visitor's page?
        self.picked = gr.State(False)  # has the visitor chosen a model themselves?

    def model_card(self, path: str | None, lang: str) -> str:
        """The chosen model's card (empty while there is no model)."""
        entry = find_entry(self.task, path)
        return "" if entry is None else self.card_of(entry, lang)

    def curves(self, path: str | None, lang: str):
        """The chosen model's own training curves (training and validation loss per epoch, from metrics.json)."""
        entry = find_entry(self.task, path)
        history = entry.metrics.get("history", []) if entry is not None else []
        return plots.loss_curves(plots.history_rows(history), lang) if history else None

    def card(self, label_key: str) -> gr.Markdown:
        """The card starts closed and empty: what it shows (text, curves, the model's code) is drawn when it is
        opened, and redrawn for a new pick or language only while it is open. Drawn up front, the seven cards
        were over half of the page's weight and of every language switch's answer."""
        with gr.Accordion(open=False) as box:
            self.card_text = gr.Markdown()
            self.card_curves = gr.Plot(show_label=False)
            self.card_download = self.L.bind(gr.DownloadButton(visible=False, size="sm"), label="model.download")
            with gr.Accordion(open=False) as code_box:
                code = gr.Code(language="python", interactive=False)
            self.L.bind(code_box, label="model.code")
        self.L.bind(box, label=label_key)
        self.card_open = gr.State(False)
        box.expand(lambda path, lang: (True, *self.card_contents(path, lang)), [self.dropdown, self.lang],
                   [self.card_open, self.card_text, self.card_curves, self.card_download], api_visibility="private")
        box.collapse(lambda: False, None, self.card_open, api_visibility="private")
        code_box.expand(lambda: model_source(self.task), None, code, api_visibility="private")
        return self.card_text

    def card_contents(self, path: str | None, lang: str) -> tuple:
        """(card text, training curves, download button) of the chosen model. Shipped checkpoints can be downloaded
        (they are public); one trained here already sits in its owner's runs folder, and on a shared app a
        stranger must not take it."""
        entry = find_entry(self.task, path)
        download = (gr.update(value=str(checkpoint_archive(entry.path)), visible=True) if entry is not None and entry.shipped
                    else gr.update(value=None, visible=False))
        return self.model_card(path, lang), self.curves(path, lang), download

    def open_card_contents(self, is_open: bool, path: str | None, lang: str) -> tuple:
        """The card's contents for `path`, or no change while the card is closed (it is drawn when opened)."""
        return self.card_contents(path, lang) if is_open else (gr.update(), gr.update(), gr.update())

    def refreshed(self, current: str | None, *context_and_lang) -> dict:
        """Fresh choices; the current pick stays while it exists (else the first model reading `lang`)."""
        *context, lang = context_and_lang
        allowed = self.datasets_for(*context) if self.datasets_for else None
        choices = model_choices(self.task, lang, allowed)
        value = current if current in [v for _, v in choices] else preferred_model(self.task, lang, allowed)
        return gr.update(choices=choices, value=value, info=picker_info(self.info_key, lang))

    def feeds(self, component: gr.components.Component, fn: Callable[[str | None, Any, str], Any], opened: gr.Tab) -> None:
        """`component` shows what the chosen model works out: `fn(path, component's value, lang)` -> its update,
        asked for when `opened` (the tab that holds it) is selected, for each pick and on every language change.
        Never while the page is built: models load once the app is listening."""
        gr.on([opened.select, self.dropdown.change], fn, [self.dropdown, component, self.lang], component,
              show_progress="hidden", api_visibility="private")
        self.L.follow(fn, [self.dropdown, component], component)

    def wire(self) -> None:
        inputs = [self.dropdown, *self.context, self.lang]
        self.dropdown.focus(self.refreshed, inputs, self.dropdown, api_visibility="private")
        for component in self.context:  # e.g. a new direction: that direction's models
            component.change(lambda *values: self.refreshed(None, *values[1:]), inputs, self.dropdown,
                             api_visibility="private")
        if self.card_text is not None:
            self.dropdown.change(lambda path, is_open, lang: self.open_card_contents(is_open, path, lang),
                                 [self.dropdown, self.card_open, self.lang],
                                 [self.card_text, self.card_curves, self.card_download], api_visibility="private")

            def on_language(current, picked, is_open, *context_and_lang):
                # Kept when the visitor chose it: `picked` says so, and so does a model that is not the one the
                # previous language would have shown (the switch can arrive before the `picked` event lands).
                *context, lang = context_and_lang
                allowed = self.datasets_for(*context) if self.datasets_for else None
                shown_by_default = {preferred_model(self.task, other, allowed) for other in LANGUAGES if other != lang}
                update = self.refreshed(current if picked or current not in shown_by_default else None, *context_and_lang)
                return update, *self.open_card_contents(is_open, update["value"], lang)

            self.dropdown.select(lambda: True, None, self.picked, api_visibility="private")  # not opened and closed
            self.L.follow(on_language, [self.dropdown, self.picked, self.card_open, *self.context],
                          [self.dropdown, self.card_text, self.card_curves, self.card_download])
