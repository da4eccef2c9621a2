"""One trainer for every task.

The task supplies three functions: batches for an epoch, the loss of a batch, and the validation
metrics of the model. The trainer owns everything else: optimiser, gradient clipping, learning-
rate schedule, early stopping, keeping the best weights, mixed precision, seeds, and progress
callbacks (a progress bar in the CLI, SQLite rows in a background job).
"""

import logging
import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from ..hparams import hp
from . import distributed
from .batching import to_device
from .schedule import get_lr

log = logging.getLogger(__name__)

OPTIMIZERS: dict[str, type[torch.optim.Optimizer]] = {"adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
                                                      "rmsprop": torch.optim.RMSprop}


@dataclass
class TrainingHyperparameters:
    """Settings every task shares. Tasks build on this and add their model's fields (help: `hp.<name>`)."""

    optimizer: str = hp("adamw", choices=tuple(OPTIMIZERS))
    lr: float = hp(2e-3, low=1e-6, high=1.0)
    weight_decay: float = hp(0.01, low=0.0, high=1.0)
    batch_size: int = hp(64, low=1, high=4096)
    epochs: int = hp(10, low=1, high=1000, basic=True)
    clip: float = hp(1.0, low=0.0, high=1000.0)
    patience: int = hp(3, low=1, high=100)
    schedule: str = hp("plateau", choices=("plateau", "cosine"))
    lr_patience: int = hp(1, low=0, high=100)
    seed: int = hp(0, low=0, high=2**31 - 1)
    train_examples: int = hp(0, low=0, high=100_000_000)
    amp: bool = hp(False)
    final_fit: bool = hp(False)
    average_last: int = hp(0, low=0, high=20)


class NonFiniteLossError(RuntimeError):
    """Training diverged: a loss of NaN or infinity. Continuing would only train on garbage."""


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class Callback:
    """Hooks a trainer calls. Override the ones you need."""

    def on_fit_start(self, trainer: "Trainer", steps_per_epoch: int) -> None: ...
    def on_step(self, trainer: "Trainer", step: int, loss: float) -> None: ...
    def on_epoch_end(self, trainer: "Trainer", record: dict[str, Any]) -> None: ...
    def on_fit_end(self, trainer: "Trainer", result: "FitResult") -> None: ...


@dataclass
class FitResult:
    best_epoch: int
    best_metrics: dict[str, float]
    epochs_run: int
    stopped_early: bool
    cancelled: bool
    seconds: float
    history: list[dict[str, Any]] = field(default_factory=list)
    averaged: int = 0  # epochs whose weights were averaged into the final model (0: none)


def device_rng_states(device: torch.device) -> dict[str, torch.Tensor]:
    """An accelerator's random state (its dropout masks), as "cuda_rng" or "mps_rng", saved beside the CPU's so
    that a resumed run draws what the uninterrupted one would have; nothing on the CPU."""
    if device.type == "cuda":
        return {"cuda_rng": torch.cuda.get_rng_state(device)}
    if device.type == "mps":
        return {"mps_rng": torch.mps.get_rng_state()}
    return {}


def restore_device_rng(device: torch.device, state: dict[str, Any]) -> None:
    """The accelerator's random state from a trainer state saved on the same kind of device (else the seed's stays)."""
    if device.type == "cuda" and "cuda_rng" in state:
        torch.cuda.set_rng_state(state["cuda_rng"], device)
    elif device.type == "mps" and "mps_rng" in state:
        torch.mps.set_rng_state(state["mps_rng"])


def average_states(states: Sequence[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The mean of several state dicts of one model (checkpoint averaging); counters, which are not weights,
    are taken from the last."""
    return {name: (torch.stack([s[name] for s in states]).mean(0) if states[-1][name].is_floating_point()
                   else states[-1][name]) for name in states[-1]}


class Trainer:
    def __init__(self, model: nn.Module, settings: TrainingHyperparameters, device: torch.device,
                 metric: str, mode: str = "max", callbacks: Sequence[Callback] = ()):
        if mode not in ("max", "min"):
            raise ValueError("mode must be 'max' or 'min'")
        self.model = model.to(device)
        # the module that takes training steps: wrapped for gradient averaging when several processes train
        self.stepper = nn.parallel.DistributedDataParallel(self.model) if distributed.world_size() > 1 else self.model
        self.settings = settings
        self.device = device
        self.metric, self.mode = metric, mode
        self.callbacks = list(callbacks)
        parameters = [p for p in model.parameters() if p.requires_grad]
        # Weight decay pulls weight matrices (and embedding tables) towards zero; biases, normalisation weights and
        # the CRF's start and end scores (every 1-D parameter) are offsets, not sizes, and are left alone, as are
        # parameters marked `no_weight_decay` (an S4D layer's decay rates, frequencies and step sizes). Adam and
        # RMSprop add the decay to the gradient (an L2 penalty, as the tutorial writes it); AdamW decouples it.
        decayed = [p.ndim >= 2 and not getattr(p, "no_weight_decay", False) for p in parameters]
        groups = [{"params": [p for p, d in zip(parameters, decayed) if d], "weight_decay": settings.weight_decay},
                  {"params": [p for p, d in zip(parameters, decayed) if not d], "weight_decay": 0.0}]
        self.optimizer = OPTIMIZERS[settings.optimizer]([g for g in groups if g["params"]], lr=settings.lr)
        self.scheduler = (torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, mode=mode, factor=0.5,
                                                                     patience=settings.lr_patience)
                          if settings.schedule == "plateau" else None)  # cosine: `get_lr` sets every step's rate
        self.amp_dtype = {"cuda": torch.float16, "cpu": torch.bfloat16}.get(device.type) if settings.amp else None
        if settings.amp and self.amp_dtype is None:
            log.warning("mixed precision is offered on the CPU and CUDA; on %s the run is in float32", device.type)
        self.scaler = torch.amp.GradScaler("cuda", enabled=self.amp_dtype == torch.float16)
        self.epoch = 0  # epochs completed
        self.step = 0  # optimiser steps taken
        self.best_score: float | None = None
        self.best_epoch = 0
        self.best_metrics: dict[str, float] = {}
        self.best_state: dict[str, torch.Tensor] | None = None
        self.recent_states: list[dict[str, torch.Tensor]] = []  # the last `average_last` epochs' weights
        self.epochs_since_best = 0
        self.history: list[dict[str, Any]] = []
        self.seconds = 0.0  # time spent in fit(), summed over resumed runs
        self._stop_requested = False

    def request_stop(self) -> None:
        """Finish the current step, then stop (used by cancel buttons and signals)."""
        self._stop_requested = True

    def _autocast(self):
        return torch.autocast(self.device.type, dtype=self.amp_dtype, enabled=self.amp_dtype is not None)

    def _improved(self, score: float) -> bool:
        if self.best_score is None:
            return True
        return score > self.best_score if self.mode == "max" else score < self.best_score

    def fit(self, make_batches: Callable[[int, random.Random], Sequence[Any]],
            loss_fn: Callable[[nn.Module, Any], torch.Tensor],
            evaluate_fn: Callable[[nn.Module], dict[str, float]]) -> FitResult:
        """Train until `epochs`, early stopping, or a stop request. The model ends holding its best weights."""
        started, seconds_before = time.time(), self.seconds
        first = True
        stopped_early = False
        while self.epoch < self.settings.epochs and not self._stop_requested:
            batches = make_batches(self.epoch, random.Random(self.settings.seed * 100_003 + self.epoch))
            self.total_steps = self.step + len(batches) * (self.settings.epochs - self.epoch)  # for the cosine schedule
            if first:
                for cb in self.callbacks:
                    cb.on_fit_start(self, len(batches))
                first = False
            epoch_started = time.time()
            train_loss = self._train_epoch(batches, loss_fn)
            if self._stop_requested:
                break
            self.model.eval()
            with torch.no_grad():
                metrics = distributed.from_main(evaluate_fn(self.model) if distributed.is_main() else None)
            self.epoch += 1
            self.seconds = seconds_before + time.time() - started
            score = metrics[self.metric]
            if self.scheduler is not None:
                self.scheduler.step(score)
            weights = {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}
            if self.settings.final_fit or self._improved(score):  # a final fit keeps its last epoch
                self.best_score, self.best_epoch, self.best_metrics = score, self.epoch, dict(metrics)
                self.best_state = weights
                self.epochs_since_best = 0
            else:
                self.epochs_since_best += 1
            if self.settings.average_last > 1:
                self.recent_states = (self.recent_states + [weights])[-self.settings.average_last:]
            record = {"epoch": self.epoch, "train_loss": train_loss, "lr": self.optimizer.param_groups[0]["lr"],
                      "seconds": time.time() - epoch_started,
                      **{(k if k.startswith("train_") else f"validation_{k}"): v for k, v in metrics.items()}}
            self.history.append(record)
            for cb in self.callbacks:
                cb.on_epoch_end(self, record)
            if self.epochs_since_best >= self.settings.patience and not self.settings.final_fit:
                stopped_early = True
                break
        averaged = 0
        if len(self.recent_states) > 1 and not self._stop_requested:
            averaged = self._average_recent(evaluate_fn)
        if self.best_state is not None:
            self.model.load_state_dict(self.best_state)
        self.seconds = seconds_before + time.time() - started
        result = FitResult(best_epoch=self.best_epoch, best_metrics=self.best_metrics, epochs_run=self.epoch,
                           stopped_early=stopped_early, cancelled=self._stop_requested,
                           seconds=self.seconds, history=list(self.history), averaged=averaged)
        for cb in self.callbacks:
            cb.on_fit_end(self, result)
        return result

    def _average_recent(self, evaluate_fn: Callable[[nn.Module], dict[str, float]]) -> int:
        """Checkpoint averaging: the mean of the last epochs' weights becomes the model when validation scores it
        at least as well as the best single epoch (a final fit, which has nothing held out, always takes it).
        Returns how many epochs were averaged, or 0."""
        self.model.load_state_dict(average_states(self.recent_states))
        self.model.eval()
        with torch.no_grad():
            metrics = distributed.from_main(evaluate_fn(self.model) if distributed.is_main() else None)
        score = metrics[self.metric]
        if not (self.settings.final_fit or score == self.best_score or self._improved(score)):
            return 0
        self.best_score, self.best_metrics = score, dict(metrics)
        self.best_state = {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}
        return len(self.recent_states)

    def _train_epoch(self, batches: Iterable[Any], loss_fn) -> float:
        self.model.train()
        total, count = 0.0, 0
        world = distributed.world_size()
        for i, batch in enumerate(batches):
            if distributed.any_rank(self._stop_requested):
                self._stop_requested = True
                break
            if world > 1 and distributed.batch_size_of(batch) < world:
                continue  # too small to give every process a row; every rank skips it alike
            batch = to_device(distributed.shard(batch), self.device)
            with self._autocast():
                loss = loss_fn(self.stepper, batch)
            value = loss.item()
            if not math.isfinite(value):
                raise NonFiniteLossError(f"The training loss became {value} at epoch {self.epoch + 1}, step {i + 1}. "
                                         "Try a lower learning rate or gradient clipping.")
            if self.settings.schedule == "cosine":
                for group in self.optimizer.param_groups:
                    group["lr"] = get_lr(self.step, self.total_steps, self.settings.lr)
            self.optimizer.zero_grad(set_to_none=True)
            self.scaler.scale(loss).backward()
            if self.settings.clip > 0:
                self.scaler.unscale_(self.optimizer)
                nn.utils.clip_grad_norm_(self.model.parameters(), self.settings.clip)
            self.scaler.step(self.optimizer)
            self.scaler.update()
            self.step += 1
            total, count = total + value, count + 1
            for cb in self.callbacks:
                cb.on_step(self, i + 1, value)
        return total / max(count, 1)

    def state_dict(self) -> dict[str, Any]:
        """Everything needed to continue training exactly where it stopped (for resumable jobs)."""
        return {
            "model": {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()},
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict() if self.scheduler is not None else None,
            "scaler": self.scaler.state_dict(),
            "epoch": self.epoch, "step": self.step, "best_score": self.best_score, "best_epoch": self.best_epoch,
            "best_metrics": self.best_metrics, "best_state": self.best_state, "epochs_since_best": self.epochs_since_best,
            "recent_states": self.recent_states,
            "history": self.history, "seconds": self.seconds, "torch_rng": torch.get_rng_state(),
            **device_rng_states(self.device),
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.model.load_state_dict(state["model"])
        saved_groups = state["optimizer"]["param_groups"]
        if len(saved_groups) == len(self.optimizer.param_groups):
            self.optimizer.load_state_dict(state["optimizer"])
        else:  # saved by a version that grouped the parameters differently: keep its weights, restart its moments
            log.warning("the saved optimiser state has %d parameter groups, this version uses %d: its moments start "
                        "afresh", len(saved_groups), len(self.optimizer.param_groups))
        if self.scheduler is not None:
            self.scheduler.load_state_dict(state["scheduler"])
        self.scaler.load_state_dict(state["scaler"])
        for name in ("epoch", "step", "best_score", "best_epoch", "best_metrics", "best_state", "epochs_since_best",
                     "history", "seconds"):
            setattr(self, name, state[name])
        self.recent_states = state.get("recent_states", [])
        torch.set_rng_state(state["torch_rng"])
        restore_device_rng(self.device, state)
