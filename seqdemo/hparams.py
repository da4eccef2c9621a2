"""Hyperparameters declared once: a dataclass field carries its default, bounds, choices and help.

The same declaration drives the CLI flags, validation, the Train tab form and the checkpoint's
config.json. Declare a field with `hp(...)`:

    hidden_size: int = hp(128, "Units in each recurrent layer.", low=4, high=1024)
"""

import argparse
import dataclasses
import math
import typing
from typing import Any

from .i18n import t


@dataclasses.dataclass(frozen=True)
class Spec:
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple | None = None


def hp(default: Any, help: str, *, low: float | None = None, high: float | None = None, choices=None) -> Any:
    spec = Spec(help=help, low=low, high=high, choices=tuple(choices) if choices is not None else None)
    return dataclasses.field(default=default, metadata={"spec": spec})


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: type
    default: Any
    spec: Spec


def fields(cls_or_instance) -> list[Field]:
    cls = cls_or_instance if isinstance(cls_or_instance, type) else type(cls_or_instance)
    hints = typing.get_type_hints(cls)
    return [Field(f.name, hints[f.name], f.default, f.metadata["spec"]) for f in dataclasses.fields(cls) if "spec" in f.metadata]


@dataclasses.dataclass(frozen=True)
class Problem:
    """Something wrong with a setting: a key of the string table and the values it mentions."""

    key: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def validate(hparams) -> list[Problem]:
    """Every problem with the values, each a sentence a user can act on. Empty when all is well."""
    problems = []
    for field in fields(hparams):
        value = getattr(hparams, field.name)
        expected = float if field.type is float else field.type
        if field.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(Problem("problem.type", {"name": field.name, "type": expected.__name__, "value": repr(value)}))
            continue
        if expected is float and not math.isfinite(value):  # NaN slips past every bound check below
            problems.append(Problem("problem.not_finite", {"name": field.name, "value": repr(value)}))
            continue
        spec = field.spec
        if spec.choices is not None and value not in spec.choices:
            problems.append(Problem("problem.choice", {"name": field.name, "choices": ", ".join(map(str, spec.choices)),
                                                       "value": repr(value)}))
        if spec.low is not None and value < spec.low:
            problems.append(Problem("problem.low", {"name": field.name, "bound": spec.low, "value": value}))
        if spec.high is not None and value > spec.high:
            problems.append(Problem("problem.high", {"name": field.name, "bound": spec.high, "value": value}))
    return problems


def from_dict(cls, values: dict[str, Any]):
    """Build hyperparameters from a dict (a config.json, a form). Unknown names are an error."""
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"Unknown hyperparameter(s): {', '.join(unknown)}")
    coerced = {}
    for name, value in values.items():
        if known[name].type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        coerced[name] = value
    return cls(**coerced)


def to_dict(hparams) -> dict[str, Any]:
    return {f.name: getattr(hparams, f.name) for f in fields(hparams)}


def add_arguments(parser: argparse.ArgumentParser, cls) -> None:
    """One `--flag` per field, absent unless typed, so that only the flags a user typed override a preset."""
    group = parser.add_argument_group("hyperparameters")
    for field in fields(cls):
        flag = "--" + field.name.replace("_", "-")
        bounds = []
        if field.spec.low is not None or field.spec.high is not None:
            bounds.append(f"range {field.spec.low}..{field.spec.high}")
        help_text = f"{field.spec.help} (default: {field.default}{'; ' + bounds[0] if bounds else ''})"
        if field.type is bool:
            group.add_argument(flag, dest=field.name, action=argparse.BooleanOptionalAction, default=argparse.SUPPRESS, help=help_text)
        else:
            group.add_argument(flag, dest=field.name, type=field.type, default=argparse.SUPPRESS, choices=field.spec.choices,
                               help=help_text, metavar=field.name.upper() if field.spec.choices is None else None)


def overrides_from_namespace(cls, namespace: argparse.Namespace) -> dict[str, Any]:
    return {f.name: getattr(namespace, f.name) for f in fields(cls) if getattr(namespace, f.name, None) is not None}
