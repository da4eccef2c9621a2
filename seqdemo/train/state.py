"""Save and load a trainer's full state (model, optimiser, scheduler, RNG) without pickle.

Tensors go to a safetensors file; everything else (numbers, strings, nested dicts and lists) to
JSON, with a tag where JSON would lose information (integer dict keys, tuples). Used for the
epoch checkpoints that let a background job resume where it stopped.
"""

import json
import math
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from .atomic import atomic_directory
from .checkpoint import CheckpointError
from .trainer import Callback, Trainer

TENSORS, STRUCTURE = "state.safetensors", "state.json"


def _encode(value: Any, tensors: dict[str, torch.Tensor]) -> Any:
    if isinstance(value, torch.Tensor):
        key = str(len(tensors))
        tensors[key] = value.detach().cpu().clone().contiguous()
        return {"tensor": key}
    if isinstance(value, dict):
        return {"dict": [[_encode(k, tensors), _encode(v, tensors)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"tuple": [_encode(v, tensors) for v in value]}
    if isinstance(value, list):
        return [_encode(v, tensors) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return {"float": repr(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"Cannot save a {type(value).__name__} in a training state")


def _decode(value: Any, tensors: dict[str, torch.Tensor]) -> Any:
    if isinstance(value, list):
        return [_decode(v, tensors) for v in value]
    if isinstance(value, dict):
        (kind, payload), = value.items()
        if kind == "tensor":
            return tensors[payload]
        if kind == "dict":
            return {_decode(k, tensors): _decode(v, tensors) for k, v in payload}
        if kind == "tuple":
            return tuple(_decode(v, tensors) for v in payload)
        if kind == "float":
            return float(payload)
        raise CheckpointError(f"Unknown tag {kind!r} in a training state")
    return value


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write atomically: a crash leaves the previous state, never half of a new one."""
    tensors: dict[str, torch.Tensor] = {}
    structure = _encode(state, tensors)
    with atomic_directory(path) as staging:
        save_file(tensors, staging / TENSORS)
        (staging / STRUCTURE).write_text(json.dumps(structure), encoding="utf-8")


def load_state(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        tensors = load_file(path / TENSORS)
        structure = json.loads((path / STRUCTURE).read_text(encoding="utf-8"))
    except (OSError, SafetensorError, ValueError) as error:
        raise CheckpointError(f"{path} is not a readable training state ({error})") from None
    return _decode(structure, tensors)


def has_state(path: Path) -> bool:
    return (Path(path) / STRUCTURE).is_file()


class EpochState(Callback):
    """Saves the trainer's full state after every epoch, so an interrupted run resumes there."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def on_epoch_end(self, trainer: Trainer, record: dict[str, Any]) -> None:
        save_state(self.folder, trainer.state_dict())
