"""Every user-facing sentence, in English and Simplified Chinese, found by key: the one home of the app's text.

Code never writes a sentence a user reads. It declares or raises by key with values (a setting's help is
`hp.<name>`, an input problem is `BadInput("empty")` -> `input.empty`), and whoever shows it renders it
with `t(key, lang, **values)`: the app in the visitor's language, the command line in English. The table
is split by area into the modules of this package, each loaded the first time one of its keys is asked
for, so the training layer does not load the tabs' text to explain a setting.
"""

import importlib
from typing import Any

LANGUAGES = {"en": "English", "zh": "中文"}

# the first part of a key -> the module holding it
AREAS = {"hp": "settings", "problem": "settings", "jobs": "settings", "task": "settings", "dataset": "settings",
         "preset": "settings", "status": "settings", "setting": "settings", "input": "inputs", "app": "app", "model": "app", "plot": "app", "device": "app",
         "train": "train", "sentiment": "sentiment", "card": "sentiment", "label": "sentiment", "confidence": "sentiment", "generation": "generation",
         "translation": "translation", "ner": "ner", "entity": "ner", "stocks": "stocks", "medical": "medical", "heartbeats": "medical",
         "glucose": "medical", "lab": "lab"}


def _area(key: str) -> dict[str, dict[str, str]]:
    area = AREAS.get(key.split(".", 1)[0])
    if area is None:
        raise KeyError(f"no area of the catalogue holds {key!r}")
    return importlib.import_module(f"{__name__}.{area}").STRINGS


def has(key: str) -> bool:
    try:
        return key in _area(key)
    except KeyError:
        return False


def t(key: str, lang: str = "en", **values: Any) -> str:
    """The sentence `key` in `lang` (English where a translation is missing), with `values` filled in."""
    entry = _area(key)[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def every_entry() -> dict[str, dict[str, str]]:
    """The whole table (for checks of its completeness)."""
    table = {}
    for area in sorted(set(AREAS.values())):
        table |= importlib.import_module(f"{__name__}.{area}").STRINGS
    return table
