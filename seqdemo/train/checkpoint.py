"""Checkpoints: a folder anyone can inspect, that loads without unpickling anything.

    config.json          task, dataset, hyperparameters, the exact command, library versions
    model.safetensors    the weights (tied weights stored once: safetensors' save_model)
    fitted_<name>.json   what was fitted on the training split: vocabularies, a time series' scaler
    metrics.json         test-split figures, per-epoch history, training time, hardware

Writing is atomic: everything goes into a temporary sibling folder that is renamed into place
only when complete, so a crash never leaves a half-written checkpoint that would load. Checkpoints
of the first format (`vocab_<name>.json`, listed under "vocabs") still load.
"""

import json
import math
import os
import platform
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_model, save_model

from .. import __version__, fitted
from .atomic import atomic_directory
from .distributed import launched_by_torchrun

CONFIG, WEIGHTS, METRICS = "config.json", "model.safetensors", "metrics.json"
FORMAT = "seqdemo.checkpoint/2"
READABLE_FORMATS = (FORMAT, "seqdemo.checkpoint/1")


class CheckpointError(RuntimeError):
    """A folder that is not a complete, valid checkpoint."""


@dataclass
class Checkpoint:
    path: Path
    config: dict[str, Any]
    fitted: dict[str, Any]
    metrics: dict[str, Any]

    @property
    def task(self) -> str:
        return self.config["task"]

    @property
    def weights(self) -> Path:
        return self.path / WEIGHTS

    def weight_shapes(self) -> dict[str, tuple[int, ...]]:
        """Name -> shape of every tensor in the weights file, read from its header alone."""
        return weight_shapes(self.weights)

    def load_weights(self, model: torch.nn.Module) -> None:
        """Into a model of the right shape (tied weights, stored once, fill every name they go by); its
        embedding tables read their rows from the file (`map_embedding_tables`)."""
        try:
            load_model(model, self.weights, strict=True)
        except (SafetensorError, OSError, RuntimeError, ValueError) as error:
            raise CheckpointError(f"{self.weights} does not fit the model ({error})") from None
        map_embedding_tables(model, self.weights)


def map_embedding_tables(model: torch.nn.Module, path: Path) -> None:
    """Each embedding table of `model` (one not tied to another weight) reads its rows from the pages of the
    weights file at `path` instead of a copy in memory. The operating system loads a row when it is first
    looked up: a request uses a handful of rows of a 98,000-bigram or 30,000-word table, and the shipped
    models' tables are about 70 MB. The file is mapped copy-on-write, so training the table further never
    changes it. A table the file stores in another type, or unaligned, keeps its copy."""
    uses = Counter(id(tensor) for tensor in model.state_dict(keep_vars=True).values())
    header_bytes, header = _safetensors_header(path)
    file = None
    for prefix, module in model.named_modules():
        entry = header.get(f"{prefix}.weight" if prefix else "weight")
        if not isinstance(module, torch.nn.Embedding) or uses[id(module.weight)] > 1 or entry is None:
            continue
        start = header_bytes + entry["data_offsets"][0]  # the table's first byte in the file
        if entry.get("dtype") != "F32" or start % 4:
            continue
        file = file or torch.UntypedStorage.from_file(str(path), shared=False, nbytes=path.stat().st_size)
        table = torch.empty(0, dtype=torch.float32).set_(file, start // 4, entry["shape"])  # [rows, dim], on the file's pages
        module.weight = torch.nn.Parameter(table, requires_grad=module.weight.requires_grad)


def _safetensors_header(path: Path) -> tuple[int, dict[str, Any]]:
    """(bytes before the first tensor, name -> {"dtype", "shape", "data_offsets"}) of a safetensors file."""
    with open(path, "rb") as file:
        length = int.from_bytes(file.read(8), "little")
        return 8 + length, json.loads(file.read(length))


def weight_shapes(path: Path) -> dict[str, tuple[int, ...]]:
    try:
        with safe_open(path, framework="pt") as file:
            return {name: tuple(file.get_slice(name).get_shape()) for name in file.keys()}
    except FileNotFoundError:
        raise CheckpointError(f"{path.parent} is not a checkpoint: {path.name} is missing") from None
    except (SafetensorError, OSError, ValueError) as error:
        raise CheckpointError(f"{path} is not a valid safetensors file ({error})") from None


def library_versions() -> dict[str, str]:
    import spacy

    return {"seqdemo": __version__, "python": platform.python_version(), "torch": torch.__version__, "spacy": spacy.__version__}


def command_line() -> str:
    """The command that is running, as a user would retype it."""
    import shlex

    argv = list(sys.argv)
    if argv and argv[0].endswith(os.path.join("seqdemo", "__main__.py")):
        argv[0:1] = ["python", "-m", "seqdemo"]
        if launched_by_torchrun():  # say so (each machine adds its rendezvous)
            nodes, per_node = os.environ.get("GROUP_WORLD_SIZE", "1"), os.environ.get("LOCAL_WORLD_SIZE", "1")
            argv[0:3] = ["torchrun", *([f"--nnodes={nodes}"] if nodes != "1" else []), f"--nproc-per-node={per_node}",
                         "-m", "seqdemo"]
    return shlex.join(argv)


def _fitted_file(folder: Path, name: str) -> Path:
    path = Path(folder) / f"fitted_{name}.json"
    return path if path.exists() or not (Path(folder) / f"vocab_{name}.json").exists() else Path(folder) / f"vocab_{name}.json"


def write_fitted(folder: Path, items: dict[str, Any]) -> None:
    for name, item in items.items():
        fitted.save(item, Path(folder) / f"fitted_{name}.json")


def read_fitted(folder: Path, names: list[str]) -> dict[str, Any]:
    items = {}
    for name in names:
        try:
            items[name] = fitted.load(_fitted_file(folder, name))
        except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
            raise CheckpointError(f"{folder}: '{name}' cannot be read ({error})") from None
    return items


def save_checkpoint(path: Path, config: dict[str, Any], model: torch.nn.Module, fitted_items: dict[str, Any],
                    metrics: dict[str, Any]) -> Path:
    with atomic_directory(path) as staging:
        save_model(model, str(staging / WEIGHTS), metadata={"format": FORMAT})
        write_fitted(staging, fitted_items)
        full_config = {"format": FORMAT, **config, "fitted": sorted(fitted_items)}
        (staging / CONFIG).write_text(json.dumps(full_config, indent=2, ensure_ascii=False, allow_nan=False), encoding="utf-8")
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
                 "fitted": (list, False)}
FITTED_NAME = re.compile(r"[a-z][a-z_]{0,30}")  # becomes part of a file name: no paths


def check_config(config: dict[str, Any], path: Path) -> dict[str, Any]:
    """The config itself (a first-format one read as the current format), or CheckpointError naming the first
    key of the wrong kind."""
    if config.get("format") not in READABLE_FORMATS:
        raise CheckpointError(f"{path} has an unknown checkpoint format {config.get('format')!r}; expected {FORMAT}")
    if "vocabs" in config:  # the first format's name for what is fitted
        config = {**{k: v for k, v in config.items() if k != "vocabs"}, "fitted": config["vocabs"]}
    for key, (kind, required) in CONFIG_SCHEMA.items():
        if key not in config:
            if required:
                raise CheckpointError(f"{path}: config.json has no {key!r}")
        elif not isinstance(config[key], kind) or isinstance(config[key], bool):
            raise CheckpointError(f"{path}: {key!r} in config.json must be a {kind.__name__}")
    if not all(isinstance(name, str) and FITTED_NAME.fullmatch(name) for name in config.get("fitted", [])):
        raise CheckpointError(f"{path}: config.json names a fitted vocabulary or scaler that cannot be a file name")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in config.get("data_sizes", {}).values()):
        raise CheckpointError(f"{path}: 'data_sizes' in config.json must hold whole numbers")
    return config


MAX_FIGURE_DEPTH = 5  # test["horizons"]["30"]["model"]["hypo"]["recall"] is the deepest a task writes


def is_figures(value: Any, depth: int = MAX_FIGURE_DEPTH) -> bool:
    """Numbers, or lists and string-keyed tables of them, nested at most `depth` deep."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if depth == 0:
        return False
    if isinstance(value, list):
        return all(is_figures(v, depth - 1) for v in value)
    return isinstance(value, dict) and all(isinstance(k, str) and is_figures(v, depth - 1) for k, v in value.items())


def figure_at(figures: dict[str, Any], *path: str | int) -> float:
    """One number inside a split's figures (figure_at(test, "per_class", "recall", 2)); NaN where a checkpoint
    from elsewhere has none."""
    value: Any = figures
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return math.nan
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan


def headline(figures: dict[str, Any]) -> dict[str, float]:
    """A split's single-number figures (accuracy, f1, bleu ...), without its tables."""
    return {k: v for k, v in figures.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def check_metrics(metrics: dict[str, Any], path: Path) -> dict[str, Any]:
    """Figures the model pickers and cards show must be numbers (or tables of numbers: per class, per
    entity type, per horizon)."""
    for split in ("test", "validation"):
        if not isinstance(metrics.get(split, {}), dict) or not is_figures(metrics.get(split, {})):
            raise CheckpointError(f"{path}: the {split} figures in metrics.json must be numbers or tables of numbers")
    if not isinstance(metrics.get("history", []), list):
        raise CheckpointError(f"{path}: 'history' in metrics.json must be a list")
    return metrics


def read_config(path: Path) -> dict[str, Any]:
    return check_config(read_json(Path(path) / CONFIG), Path(path))


def read_metrics(path: Path) -> dict[str, Any]:
    return check_metrics(read_json(Path(path) / METRICS), Path(path))


def load_checkpoint(path: Path) -> Checkpoint:
    """A checkpoint folder's JSON and fitted items; the weights are checked, and read by `load_weights`."""
    path = Path(path)
    config = read_config(path)
    weight_shapes(path / WEIGHTS)  # a missing or damaged weights file is refused here, not when a model is built
    return Checkpoint(path=path, config=config, fitted=read_fitted(path, config.get("fitted", [])),
                      metrics=read_metrics(path))
