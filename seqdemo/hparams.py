"""Hyperparameters declared once: a dataclass field carries its default, bounds and choices.

The same declaration drives the CLI flags, validation, the Train tab form and the checkpoint's
config.json. A field's help is its key in the catalogue (`hp.<name>`; where one task's setting means
something of its own, `hp.<task>.<name>` is looked up first). Declare a field with `hp(...)`:

    hidden_size: int = hp(128, low=4, high=2048, basic=True)

`basic` marks the few settings a learner thinks in first; the Train form shows the rest under Advanced.
"""

import argparse
import dataclasses
import math
import typing
from typing import Any

from .catalogue import has, t


@dataclasses.dataclass(frozen=True)
class Spec:
    low: float | None = None
    high: float | None = None
    choices: tuple | None = None
    basic: bool = False


def hp(default: Any, *, low: float | None = None, high: float | None = None, choices=None, basic: bool = False) -> Any:
    spec = Spec(low=low, high=high, choices=tuple(choices) if choices is not None else None, basic=basic)
    return dataclasses.field(default=default, metadata={"spec": spec})


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: type
    default: Any
    spec: Spec

    def help(self, lang: str = "en", task: str | None = None) -> str:
        """What the setting does, in `lang`: the task's own wording where it has one."""
        own = f"hp.{task}.{self.name}"
        return t(own if task and has(own) else f"hp.{self.name}", lang)

    def label(self, lang: str = "en") -> str:
        """A plain name for people ("learning rate", not `lr`)."""
        return t(f"setting.{self.name}", lang)


def fields(cls_or_instance) -> list[Field]:
    cls = cls_or_instance if isinstance(cls_or_instance, type) else type(cls_or_instance)
    hints = typing.get_type_hints(cls)
    return [Field(f.name, hints[f.name], f.default, f.metadata["spec"]) for f in dataclasses.fields(cls) if "spec" in f.metadata]


@dataclasses.dataclass(frozen=True)
class Problem:
    """Something wrong with a setting: a key of the catalogue and the values it mentions."""

    key: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    field: str | None = None  # the setting it is about, if one

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def coerce(field: Field, value: Any) -> Any:
    """A value as forms and JSON give it, as the field's type: whole floats for ints, ints for floats.
    Anything else is left for `validate` to explain."""
    if field.type is int and isinstance(value, float) and value.is_integer():
        return int(value)
    if field.type is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def validate(hparams) -> list[Problem]:
    """Every problem with the values, each a sentence a user can act on. Empty when all is well."""
    problems = []
    for field in fields(hparams):
        value = coerce(field, getattr(hparams, field.name))
        expected = field.type
        if value is None:  # a form field left empty
            problems.append(Problem("problem.missing", {"name": field.name}, field.name))
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(Problem("problem.type", {"name": field.name, "type": expected.__name__, "value": repr(value)},
                                    field.name))
            continue
        if expected is float and not math.isfinite(value):  # NaN slips past every bound check below
            problems.append(Problem("problem.not_finite", {"name": field.name, "value": repr(value)}, field.name))
            continue
        spec = field.spec
        if spec.choices is not None and value not in spec.choices:
            problems.append(Problem("problem.choice", {"name": field.name, "choices": ", ".join(map(str, spec.choices)),
                                                       "value": repr(value)}, field.name))
        if spec.low is not None and value < spec.low:
            problems.append(Problem("problem.low", {"name": field.name, "bound": spec.low, "value": value}, field.name))
        if spec.high is not None and value > spec.high:
            problems.append(Problem("problem.high", {"name": field.name, "bound": spec.high, "value": value}, field.name))
    return problems


def from_dict(cls, values: dict[str, Any]):
    """Build hyperparameters from a dict (a config.json, a form). Unknown names are an error; names a
    setting had in an earlier version (`cls.RENAMED`) are read under their new name."""
    renamed = getattr(cls, "RENAMED", {})
    values = {renamed.get(name, name): value for name, value in values.items()}
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"Unknown hyperparameter(s): {', '.join(unknown)}")
    return cls(**{name: coerce(known[name], value) for name, value in values.items()})


def to_dict(hparams) -> dict[str, Any]:
    return {f.name: getattr(hparams, f.name) for f in fields(hparams)}


def add_arguments(parser: argparse.ArgumentParser, cls, defaults: Any, task: str | None = None) -> None:
    """One `--flag` per field, absent unless typed, so that only the flags a user typed override a preset.
    `defaults` (hyperparameters) supply the defaults the help shows."""
    group = parser.add_argument_group("hyperparameters")
    for field in fields(cls):
        flag = "--" + field.name.replace("_", "-")
        bounds = f"; range {field.spec.low:g}..{field.spec.high:g}" if field.spec.low is not None and field.spec.high is not None else ""
        help_text = f"{field.help('en', task)} (default: {getattr(defaults, field.name)}{bounds})".replace("%", "%%")
        if field.type is bool:
            group.add_argument(flag, dest=field.name, action=argparse.BooleanOptionalAction, default=argparse.SUPPRESS, help=help_text)
        else:
            group.add_argument(flag, dest=field.name, type=field.type, default=argparse.SUPPRESS, choices=field.spec.choices,
                               help=help_text, metavar=field.name.upper() if field.spec.choices is None else None)


def overrides_from_namespace(cls, namespace: argparse.Namespace) -> dict[str, Any]:
    return {f.name: getattr(namespace, f.name) for f in fields(cls) if getattr(namespace, f.name, None) is not None}


def as_flags(values: dict[str, Any], defaults: Any) -> list[str]:
    """The command-line flags that set `values` where they differ from `defaults` (the inverse of the CLI)."""
    flags = []
    for field in fields(defaults):
        value = values.get(field.name, getattr(defaults, field.name))
        if value == getattr(defaults, field.name):
            continue
        flag = "--" + field.name.replace("_", "-")
        if field.type is bool:
            flags.append(flag if value else "--no-" + field.name.replace("_", "-"))
        else:
            flags += [flag, repr(value) if isinstance(value, float) else str(value)]
    return flags
