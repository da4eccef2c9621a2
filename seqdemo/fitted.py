"""What a run fits and saves beside the model's weights: vocabularies and scalers (on its training split),
a classifier's temperature (on its validation split).

Each kind writes itself as JSON with a `format` name and reads itself back from the same (`to_json`,
`from_json`); `save` and `load` dispatch on that name, so checkpoints and resumable training states store
any of them without knowing which. A new kind adds one line to KINDS.
"""

import importlib
import json
from pathlib import Path
from typing import Any, Protocol

# format name -> "module:class" of the kind that reads it
KINDS = {"seqdemo.vocab/1": "seqdemo.text.vocab:Vocab", "seqdemo.scaler/1": "seqdemo.series.scaling:SeriesScaler",
         "seqdemo.temperature/1": "seqdemo.tasks.calibration:Temperature"}


class Fitted(Protocol):
    FORMAT: str

    def to_json(self) -> dict[str, Any]: ...

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Fitted": ...


def save(item: Fitted, path: Path) -> None:
    Path(path).write_text(json.dumps({"format": item.FORMAT, **item.to_json()}, ensure_ascii=False), encoding="utf-8")


def load(path: Path) -> Fitted:
    """Raises ValueError for a file that is not a known kind (or not JSON)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    kind = KINDS.get(data.get("format")) if isinstance(data, dict) else None
    if kind is None:
        raise ValueError(f"{path} is not a fitted vocabulary or scaler seqdemo knows")
    module, name = kind.split(":")
    return getattr(importlib.import_module(module), name).from_json(data)
