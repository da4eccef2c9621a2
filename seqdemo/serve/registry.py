"""Which trained models exist, and a cache of loaded predictors.

Listing reads only each checkpoint's JSON files, so it is cheap enough to redo whenever a picker
opens; weights load on first use and stay cached. Shipped checkpoints live in
`checkpoints/<task>/<name>/`, user-trained ones anywhere under the runs folder.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from ..paths import SHIPPED_CHECKPOINTS, runs_dir
from ..train.checkpoint import CONFIG, METRICS, CheckpointError, read_config, read_json

MAX_LOADED = 6  # predictors kept in memory


@dataclass(frozen=True)
class ModelEntry:
    path: Path
    name: str
    task: str
    dataset: str
    shipped: bool
    config: dict[str, Any]
    metrics: dict[str, Any]

    @property
    def test_metrics(self) -> dict[str, float]:
        return self.metrics.get("test", {})


def _entries(root: Path, task: str, shipped: bool, depth: int) -> list[ModelEntry]:
    entries = []
    if not root.is_dir():
        return entries
    pattern = "/".join(["*"] * depth) + "/" + CONFIG
    for config_file in sorted(root.glob(pattern)):
        folder = config_file.parent
        if folder.name.startswith("."):  # a checkpoint still being written
            continue
        try:
            config = read_config(folder)
            metrics = read_json(folder / METRICS)
        except CheckpointError:
            continue
        if config.get("task") == task:
            entries.append(ModelEntry(folder, config.get("name") or folder.name, task, config.get("dataset", "?"),
                                      shipped, config, metrics))
    return entries


def list_models(task: str) -> list[ModelEntry]:
    """Shipped models first, then the user's, newest last."""
    shipped = _entries(SHIPPED_CHECKPOINTS / task, task, shipped=True, depth=1)
    trained = [e for depth in (1, 2, 3) for e in _entries(runs_dir(), task, shipped=False, depth=depth)]
    return shipped + sorted(trained, key=lambda e: e.config.get("created", ""))


class PredictorCache:
    """Loads each checkpoint once (per device) and hands the same predictor to every caller."""

    def __init__(self, device: torch.device):
        self.device = device
        self._lock = threading.Lock()
        self._loaded: OrderedDict[Path, Any] = OrderedDict()

    def get(self, path: Path):
        from ..tasks.runner import load_model

        path = Path(path).resolve()
        with self._lock:
            if path in self._loaded:
                self._loaded.move_to_end(path)
                return self._loaded[path]
            task, hparams, model, checkpoint = load_model(path, self.device)
            predictor = task.predictor(model, hparams, checkpoint)
            self._loaded[path] = predictor
            while len(self._loaded) > MAX_LOADED:
                self._loaded.popitem(last=False)
            return predictor
