"""A task's settings as a form: the few a learner thinks in first (cell, layers, size, epochs ...) on top
with plain labels, the rest under Advanced, each with its meaning and its range as people write them.

The hyperparameter dataclass is the only declaration: labels and help come from the catalogue by the
field's name, ranges and choices from its `hp(...)` spec.
"""

from typing import Any

import gradio as gr

from ..catalogue import t
from ..hparams import Field, Problem, fields
from ..tasks import Task

INVALID = "setting-invalid"  # the CSS class of a field a problem names


def number(value: float, lang: str) -> str:
    """1000000 -> "1,000,000", 1e-06 -> "0.000001", 0.5 -> "0.5"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.10f}".rstrip("0")


def people_range(field: Field, lang: str) -> str | None:
    """The allowed values as people write them: "1 to 1,000", "any whole number from 0"."""
    low, high = field.spec.low, field.spec.high
    if low is None and high is None:
        return None
    if high is None or high >= 2**31 - 1:
        key = "train.range.whole_from" if field.type is int else "train.range.from"
        return t(key, lang, low=number(low, lang))
    return t("train.range", lang, low=number(low, lang), high=number(high, lang))


def field_help(task: Task, field: Field, lang: str) -> str:
    """What the setting does (the task's own wording where it has one), with the allowed range."""
    allowed = people_range(field, lang)
    return field.help(lang, task.name) + (f" ({allowed})" if allowed else "")


def widget(task: Task, field: Field, value: Any, lang: str) -> gr.components.Component:
    common = dict(label=field.label(lang), info=field_help(task, field, lang), elem_id=f"hp-{task.name}-{field.name}",
                  interactive=True)
    if field.type is bool:
        return gr.Checkbox(value=value, **common)
    if field.spec.choices is not None:
        return gr.Dropdown(choices=list(field.spec.choices), value=value, **common)
    return gr.Number(value=value, precision=0 if field.type is int else None, minimum=field.spec.low,
                     maximum=field.spec.high, **common)


def build(task: Task, values: Any, lang: str) -> dict[str, gr.components.Component]:
    """The form in the current layout context: field name -> its widget, the basic ones first."""
    widgets = {}
    basic = [f for f in fields(task.Hyperparameters) if f.spec.basic]
    advanced = [f for f in fields(task.Hyperparameters) if not f.spec.basic]
    with gr.Row(elem_id="train-basic-settings"):
        for field in basic:
            widgets[field.name] = widget(task, field, getattr(values, field.name), lang)
    with gr.Accordion(t("train.advanced", lang), open=False, elem_id="train-advanced"):
        for field in advanced:
            widgets[field.name] = widget(task, field, getattr(values, field.name), lang)
    return widgets


def problem_message(problem: Problem, task: Task, lang: str) -> str:
    """A problem in the visitor's language, naming the setting by its label."""
    if problem.field is None:
        return problem.message(lang)
    field = next(f for f in fields(task.Hyperparameters) if f.name == problem.field)
    return t(problem.key, lang, **{**problem.params, "name": f"“{field.label(lang)}”"})


def highlights(widgets: dict[str, gr.components.Component], problems: list[Problem]) -> list[dict]:
    """An update per widget: the fields the problems name are marked, the others unmarked."""
    named = {p.field for p in problems}
    return [gr.update(elem_classes=[INVALID] if name in named else []) for name in widgets]
