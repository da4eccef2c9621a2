"""Checkpoints: a folder anyone can inspect, that loads without unpickling anything.

    config.json        task, dataset, hyperparameters, the exact command, library versions
    model.safetensors  the weights
    vocab*.json        what was fitted on the training split: vocabularies, or a time series' scaler
    metrics.json       test-split figures, training time, hardware

Writing is atomic: everything goes into a temporary sibling folder that is renamed into place
only when complete, so a crash never leaves a half-written checkpoint that would load.
"""

import json
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

from .. import __version__
from ..series.scaling import FORMAT as SCALER_FORMAT, SeriesScaler
from ..text.vocab import FORMAT as VOCAB_FORMAT, Vocab
from .atomic import atomic_directory

CONFIG, WEIGHTS, METRICS = "config.json", "model.safetensors", "metrics.json"
FORMAT = "seqdemo.checkpoint/1"


class CheckpointError(RuntimeError):
    """A folder that is not a complete, valid checkpoint."""


@dataclass
class Checkpoint:
    path: Path
    config: dict[str, Any]
    state_dict: dict[str, torch.Tensor]
    vocabs: dict[str, Vocab]
    metrics: dict[str, Any]

    @property
    def task(self) -> str:
        return self.config["task"]


def library_versions() -> dict[str, str]:
    import spacy

    return {"seqdemo": __version__, "python": platform.python_version(), "torch": torch.__version__, "spacy": spacy.__version__}


def command_line() -> str:
    """The command that is running, as a user would retype it."""
    argv = list(sys.argv)
    if argv and argv[0].endswith(os.path.join("seqdemo", "__main__.py")):
        argv[0:1] = ["python", "-m", "seqdemo"]
    return " ".join(_shell_quote(a) for a in argv)


def _shell_quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def _vocab_file(name: str) -> str:
    return f"vocab_{name}.json"


def write_vocabs(folder: Path, vocabs: dict[str, Vocab]) -> None:
    for name, vocab in vocabs.items():
        vocab.save(Path(folder) / _vocab_file(name))


_LOADERS = {VOCAB_FORMAT: Vocab.load, SCALER_FORMAT: SeriesScaler.load}


def _load_fitted(path: Path) -> Vocab | SeriesScaler:
    data = json.loads(path.read_text(encoding="utf-8"))
    return _LOADERS.get(data.get("format") if isinstance(data, dict) else None, Vocab.load)(path)


def read_vocabs(folder: Path, names: list[str]) -> dict[str, Vocab | SeriesScaler]:
    vocabs = {}
    for name in names:
        try:
            vocabs[name] = _load_fitted(Path(folder) / _vocab_file(name))
        except (OSError, ValueError) as error:
            raise CheckpointError(f"{folder}: vocabulary '{name}' cannot be read ({error})") from None
    return vocabs


def save_checkpoint(path: Path, config: dict[str, Any], model: torch.nn.Module, vocabs: dict[str, Vocab],
                    metrics: dict[str, Any]) -> Path:
    with atomic_directory(path) as staging:
        # Tied weights (one tensor under two names) are stored once; the metadata names their aliases.
        state, aliases, seen = {}, {}, {}
        for name, tensor in model.state_dict().items():
            if tensor.data_ptr() in seen:
                aliases[name] = seen[tensor.data_ptr()]
            else:
                seen[tensor.data_ptr()] = name
                state[name] = tensor.detach().cpu().contiguous()
        save_file(state, staging / WEIGHTS, metadata={"format": FORMAT, "aliases": json.dumps(aliases)})
        write_vocabs(staging, vocabs)
        full_config = {"format": FORMAT, **config, "vocabs": sorted(vocabs)}
        (staging / CONFIG).write_text(json.dumps(full_config, indent=2, ensure_ascii=False), encoding="utf-8")
        (staging / METRICS).write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")
    return Path(path)


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(f"{path.parent} is not a checkpoint: {path.name} is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CheckpointError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise CheckpointError(f"{path} must hold a JSON object")
    return data


def read_config(path: Path) -> dict[str, Any]:
    config = read_json(Path(path) / CONFIG)
    if config.get("format") != FORMAT:
        raise CheckpointError(f"{path} has an unknown checkpoint format {config.get('format')!r}; expected {FORMAT}")
    return config


def load_checkpoint(path: Path) -> Checkpoint:
    """Load a checkpoint folder. Weights come from safetensors only: nothing is ever unpickled."""
    path = Path(path)
    config = read_config(path)
    try:
        state_dict = load_file(path / WEIGHTS)
        with safe_open(path / WEIGHTS, framework="pt") as weights:
            aliases = json.loads((weights.metadata() or {}).get("aliases", "{}"))
        state_dict |= {alias: state_dict[original] for alias, original in aliases.items()}
    except FileNotFoundError:
        raise CheckpointError(f"{path} is not a checkpoint: {WEIGHTS} is missing") from None
    except (SafetensorError, OSError, ValueError) as error:
        raise CheckpointError(f"{path / WEIGHTS} is not a valid safetensors file ({error})") from None
    vocabs = read_vocabs(path, config.get("vocabs", []))
    return Checkpoint(path=path, config=config, state_dict=state_dict, vocabs=vocabs, metrics=read_json(path / METRICS))
