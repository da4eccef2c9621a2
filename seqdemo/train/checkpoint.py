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
import re
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
        except (OSError, ValueError, TypeError, RecursionError) as error:
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


MAX_JSON_BYTES = 5_000_000  # a config or metrics file is a few kilobytes


def read_json(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise CheckpointError(f"{path} is larger than any checkpoint file should be")
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse_constant)
    except FileNotFoundError:
        raise CheckpointError(f"{path.parent} is not a checkpoint: {path.name} is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as error:
        raise CheckpointError(f"{path} is not valid JSON: {error}") from None
    except RecursionError:
        raise CheckpointError(f"{path} is nested too deeply to be a checkpoint file") from None
    except OSError as error:  # a folder where the file belongs, no permission, ...
        raise CheckpointError(f"{path} cannot be read: {error.strerror or error}") from None
    if not isinstance(data, dict):
        raise CheckpointError(f"{path} must hold a JSON object")
    return data


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


# what every part of the app may rely on in a config.json: key -> (type, required)
CONFIG_SCHEMA = {"task": (str, True), "dataset": (str, True), "hyperparameters": (dict, True), "name": (str, False),
                 "created": (str, False), "command": (str, False), "data_sizes": (dict, False), "parameters": (int, False),
                 "vocabs": (list, False)}
VOCAB_NAME = re.compile(r"[a-z][a-z_]{0,30}")  # becomes part of a file name: no paths


def check_config(config: dict[str, Any], path: Path) -> dict[str, Any]:
    """The config itself, or CheckpointError naming the first key of the wrong kind."""
    if config.get("format") != FORMAT:
        raise CheckpointError(f"{path} has an unknown checkpoint format {config.get('format')!r}; expected {FORMAT}")
    for key, (kind, required) in CONFIG_SCHEMA.items():
        if key not in config:
            if required:
                raise CheckpointError(f"{path}: config.json has no {key!r}")
        elif not isinstance(config[key], kind) or isinstance(config[key], bool):
            raise CheckpointError(f"{path}: {key!r} in config.json must be a {kind.__name__}")
    if not all(isinstance(name, str) and VOCAB_NAME.fullmatch(name) for name in config.get("vocabs", [])):
        raise CheckpointError(f"{path}: config.json names a vocabulary that cannot be a file name")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in config.get("data_sizes", {}).values()):
        raise CheckpointError(f"{path}: 'data_sizes' in config.json must hold whole numbers")
    return config


def check_metrics(metrics: dict[str, Any], path: Path) -> dict[str, Any]:
    """Figures the model pickers and cards show must be numbers."""
    for split in ("test", "validation"):
        figures = metrics.get(split, {})
        if not isinstance(figures, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in figures.values()):
            raise CheckpointError(f"{path}: the {split} figures in metrics.json must be numbers")
    if not isinstance(metrics.get("history", []), list):
        raise CheckpointError(f"{path}: 'history' in metrics.json must be a list")
    return metrics


def read_config(path: Path) -> dict[str, Any]:
    return check_config(read_json(Path(path) / CONFIG), Path(path))


def read_metrics(path: Path) -> dict[str, Any]:
    return check_metrics(read_json(Path(path) / METRICS), Path(path))


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
    return Checkpoint(path=path, config=config, state_dict=state_dict, vocabs=vocabs, metrics=read_metrics(path))
