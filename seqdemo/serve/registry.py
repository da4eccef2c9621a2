"""Which trained models exist, and a cache of loaded predictors.

Listing reads only each checkpoint's JSON files, so it is cheap enough to redo whenever a picker
opens; weights load on first use. Shipped checkpoints live in `checkpoints/<task>/<name>/` and stay
loaded once used (there are a handful, and every tab needs its own); user-trained ones live anywhere
under the runs folder, and only the most recently used of them stay loaded.

A folder that is not a valid checkpoint (half-copied, hand-edited, tampered with) never stops the
app: it is skipped, logged once, and counted in the model pickers' help.
"""

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from ..hparams import from_dict
from ..lab.quantization import quantized
from ..paths import SHIPPED_CHECKPOINTS, runs_dir
from ..train.checkpoint import CONFIG, CheckpointError, read_config, read_metrics

log = logging.getLogger(__name__)

MAX_LOADED_TRAINED = 4  # user-trained predictors kept in memory beside the shipped ones
COMPARISON_SUFFIX = "-comparison"  # checkpoints/sentiment-comparison/: small models trained to be compared
RUNS_DEPTH = (1, 2, 3)  # runs/<name>/, runs/jobs/<id>/model/, ...


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
    def test_metrics(self) -> dict[str, Any]:
        return self.metrics.get("test", {})

    @property
    def for_comparison(self) -> bool:
        """Shipped to be compared with its siblings (checkpoints/<task>-comparison/), not to be the tab's default."""
        return self.shipped and self.path.parent.name.endswith(COMPARISON_SUFFIX)

    @property
    def settings(self) -> Any:
        """The hyperparameters it was trained with, typed (the task's dataclass)."""
        return settings_of(self.task, self.config)


def settings_of(task_name: str, config: dict[str, Any]) -> Any:
    from ..tasks import get_task

    return from_dict(get_task(task_name).Hyperparameters, config["hyperparameters"])


@dataclass(frozen=True)
class Unreadable:
    path: Path
    reason: str


_warned: set[Path] = set()  # unreadable folders already logged


def _scan(root: Path, shipped: bool, depth: int) -> tuple[list[ModelEntry], list[Unreadable]]:
    entries, unreadable = [], []
    if not root.is_dir():
        return entries, unreadable
    for config_file in sorted(root.glob("/".join(["*"] * depth) + "/" + CONFIG)):
        folder = config_file.parent
        if any(part.startswith(".") for part in folder.relative_to(root).parts):  # still being written
            continue
        try:
            config = read_config(folder)
            metrics = read_metrics(folder)
            try:
                settings_of(config["task"], config)
            except (TypeError, ValueError) as error:  # an unknown task, or settings it does not have
                raise CheckpointError(f"{folder}: its task or settings cannot be read ({error})") from None
        except CheckpointError as error:
            unreadable.append(Unreadable(folder, str(error)))
            if folder not in _warned:
                _warned.add(folder)
                log.warning("skipping a folder that is not a readable checkpoint: %s", error)
            continue
        entries.append(ModelEntry(folder, config.get("name") or folder.name, config["task"], config["dataset"], shipped,
                                  config, metrics))
    return entries, unreadable


SCAN_FRESH_SECONDS = 2.0  # one page event (a language switch refreshes every picker) reads the folders once
_last_scan: tuple[float, Path, tuple[list[ModelEntry], list[Unreadable]]] | None = None
_scan_lock = threading.Lock()


def scan_models() -> tuple[list[ModelEntry], list[Unreadable]]:
    """Every readable checkpoint (shipped first, then the user's, oldest first), and the folders that are not.
    A scan younger than SCAN_FRESH_SECONDS is reused: a model trained since appears at most that much later."""
    global _last_scan
    with _scan_lock:
        now, runs = time.monotonic(), runs_dir()
        if _last_scan is not None and now - _last_scan[0] < SCAN_FRESH_SECONDS and _last_scan[1] == runs:
            return _last_scan[2]
        result = _scan_all()
        _last_scan = (time.monotonic(), runs, result)
        return result


def _scan_all() -> tuple[list[ModelEntry], list[Unreadable]]:
    shipped, unreadable = [], []
    for task_folder in sorted(SHIPPED_CHECKPOINTS.glob("*")):
        found, bad = _scan(task_folder, shipped=True, depth=1)
        shipped += found
        unreadable += bad
    trained = []
    for depth in RUNS_DEPTH:
        found, bad = _scan(runs_dir(), shipped=False, depth=depth)
        trained += found
        unreadable += bad
    return shipped + sorted(trained, key=lambda e: e.config.get("created", "")), unreadable


def list_models(task: str) -> list[ModelEntry]:
    """Shipped models first, then the user's, newest last."""
    return [entry for entry in scan_models()[0] if entry.task == task]


def unreadable_models() -> list[Unreadable]:
    return scan_models()[1]


# The tasks whose shipped models `app.py --int8-on-cpu` serves with int8 weights (seqdemo.lab.quantization): those
# where every shipped model's test figure stayed within 0.5 points (per cent, for a loss) of full precision in
# `python -m seqdemo.bench.compression` (1 thread, torch 2.13.0) and int8 is faster, not only smaller:
# - generation: test loss 1.390 -> 1.391 (Shakespeare), 5.025 -> 5.025 (Tang poems); weights 13.3 -> 3.4 MB and
#   22.0 -> 12.3 MB (the Tang model's character table stays); 200 characters 1.3-1.6 times faster (1.19 -> 0.90 s,
#   2.29 -> 1.43 s).
# - translation: greedy BLEU 26.59 -> 26.62 (en->zh), 19.00 -> 19.08 (no attention), 22.60 -> 22.71 (zh->en);
#   weights 20.1 -> 16.7 MB (the embedding tables stay); a sentence with beam search 1.4-2 times faster
#   (125 -> 91 ms, 83 -> 58 ms, 178 -> 91 ms).
# Left in full precision: sentiment, heartbeats, stocks and glucose hold their figures (within 0.3 points, 0.1 %)
# but gain no speed, their layers being narrow (a heartbeat 13 -> 25 ms, a short review 3 -> 4 ms); named
# entities lose 0.50 points of F1 on WNUT-16 (softmax tagger). Times: fastest of 7-8 runs on a shared 2-core CPU.
INT8_TASKS = frozenset({"generation", "translation"})


class PredictorCache:
    """Loads each checkpoint once (per device) and hands the same predictor to every caller. Shipped models
    stay loaded; of the user's, the `MAX_LOADED_TRAINED` used most recently. Each model loads under its own
    lock, so a request never waits for another model to load (the background warm-up loads them all).

    With `int8`, the shipped models of INT8_TASKS get int8 weights: on the CPU only (PyTorch's int8 kernels are
    CPU kernels), so elsewhere `int8_tasks` stays empty."""

    def __init__(self, device: torch.device, int8: bool = False):
        self.device = device
        self.int8_tasks = INT8_TASKS if int8 and device.type == "cpu" else frozenset()
        self._lock = threading.Lock()  # guards the dictionaries, never held while loading
        self._loading: dict[Path, threading.Lock] = {}
        self._shipped: dict[Path, Any] = {}
        self._trained: OrderedDict[Path, Any] = OrderedDict()

    def __contains__(self, path: Path) -> bool:
        """Is this model loaded?"""
        return self._loaded(Path(path).resolve()) is not None

    def _loaded(self, path: Path):
        with self._lock:
            if path in self._shipped:
                return self._shipped[path]
            if path in self._trained:
                self._trained.move_to_end(path)
                return self._trained[path]
            return None

    def get(self, path: Path):
        from ..tasks.runner import load_model

        path = Path(path).resolve()
        predictor = self._loaded(path)
        if predictor is not None:
            return predictor
        with self._lock:
            loading = self._loading.setdefault(path, threading.Lock())
        with loading:  # one load per model, however many ask at once
            predictor = self._loaded(path)
            if predictor is not None:
                return predictor
            task, hparams, model, checkpoint = load_model(path, self.device)
            shipped = path.is_relative_to(SHIPPED_CHECKPOINTS.resolve())
            if shipped and task.name in self.int8_tasks:
                model = quantized(model)
            predictor = task.predictor(model, hparams, checkpoint)
            with self._lock:
                if shipped:
                    self._shipped[path] = predictor
                else:
                    self._trained[path] = predictor
                    while len(self._trained) > MAX_LOADED_TRAINED:
                        self._trained.popitem(last=False)
            return predictor
