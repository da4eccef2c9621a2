"""The one recipe for training and evaluating any task: used by the CLI and by background jobs."""

import datetime as dt
import shlex
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from ..data import Splits
from ..hparams import Problem, as_flags, from_dict, to_dict
from ..train import (
    Callback,
    CheckpointError,
    Trainer,
    describe_device,
    distributed,
    load_checkpoint,
    save_checkpoint,
    seed_everything,
)
from ..train.atomic import atomic_directory
from ..train.checkpoint import command_line, library_versions, read_fitted, write_fitted
from ..train.state import EpochState, has_state, load_state
from . import get_task
from .base import Setup, Task


class InvalidSettings(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def spread_sample(records: Sequence[Any], limit: int | None) -> Sequence[Any]:
    """At most `limit` records taken at an even stride, so a file sorted by label still gives every label."""
    if not limit or len(records) <= limit:
        return records
    return records[:: len(records) // limit][:limit]


TRAIN_ACCURACY_SAMPLE = 2_000  # training examples a classifier is scored on after each epoch


def limit_splits(data: Splits, limit: int | None) -> Splits:
    """Tiny data for tests and smoke runs: at most `limit` records of every split."""
    if not limit:
        return data
    return Splits(**{split: spread_sample(data[split], limit) for split in ("train", "validation", "test")})


@dataclass
class Run:
    """One training run's pieces, prepared the same way for `train` and for every cross-validation fold."""

    task: Task
    hparams: Any
    dataset: str
    fitted: dict[str, Any]  # vocabularies, scalers
    model: nn.Module
    train: list[Any]  # encoded training examples
    held_out: list[Any]  # encoded examples that choose the epoch (validation, or a held-out fold)

    @property
    def setup(self) -> Setup:
        return Setup(self.hparams, self.dataset, self.fitted)

    def fit(self, trainer: Trainer, device: torch.device):
        """Train the model with `trainer` (built on `self.model`); the run's own loss function, so per-run state
        (a language model's carried state) never outlives it."""
        def epoch_metrics(model: nn.Module) -> dict[str, float]:
            """The held-out scores; for classifiers also the accuracy on a fixed sample of the training examples,
            so the curves show training beside validation accuracy (the tutorial's figure) and overfitting."""
            metrics = self.task.evaluate(model, self.held_out, device, self.setup)
            if "accuracy" in metrics:  # classifiers' examples are a list (forecasters' are windows of a series)
                sample = spread_sample(self.train, TRAIN_ACCURACY_SAMPLE)
                metrics["train_accuracy"] = self.task.evaluate(model, sample, device, self.setup)["accuracy"]
            return metrics

        return trainer.fit(make_batches=lambda epoch, rng: self.task.training_batches(self.train, self.hparams, rng),
                           loss_fn=self.task.make_loss(self.hparams), evaluate_fn=epoch_metrics)


def prepare_run(task: Task, hparams, dataset: str, train_records: Sequence[Any], held_records: Sequence[Any],
                device: torch.device, fitted: dict[str, Any] | None = None) -> Run:
    """Fit vocabularies (unless given: a resumed run reads its first start's), build the model, encode."""
    train_records = task.training_records(train_records, hparams, dataset)
    fitted = task.fit(hparams, dataset, train_records) if fitted is None else fitted
    model = task.build_model(hparams, dataset, fitted, pretrained=True)
    return Run(task, hparams, dataset, fitted, model, task.encode_training(train_records, hparams, dataset, fitted, device),
               task.encode(held_records, hparams, dataset, fitted))


def train_command(task_name: str, dataset: str, hparams, preset: str = "default", out: str = "runs/my-model",
                  limit: int | None = None, processes: int = 1) -> str:
    """The command line that trains this model: only the settings that differ from the preset's are spelled out."""
    flags = as_flags(to_dict(hparams), get_task(task_name).hyperparameters(dataset, preset))
    words = ["python", "-m", "seqdemo", "train", task_name, "--dataset", dataset]
    if processes > 1:  # data-parallel processes on this machine
        words[:3] = ["torchrun", f"--nproc-per-node={processes}", "-m"]
    words += (["--preset", preset] if preset != "default" else []) + flags
    words += (["--limit", str(limit)] if limit else []) + ["--out", str(out)]
    return shlex.join(words)


def checked(task_name: str, dataset: str, hparams) -> Task:
    task = get_task(task_name)
    problems = task.check(hparams, dataset)
    if problems:
        raise InvalidSettings(problems)
    return task


def train(task_name: str, dataset: str, hparams, out_dir: Path, device: torch.device,
          callbacks: Sequence[Callback] = (), limit: int | None = None, command: str | None = None,
          name: str | None = None, state_dir: Path | None = None) -> Path | None:
    """Train, keep the best epoch by validation score, evaluate it once on test, save a checkpoint.

    With `state_dir`, the full training state is saved there after every epoch and a later call
    with the same folder resumes from the last finished epoch. Returns the checkpoint folder, or
    None when training was stopped before it finished (or on a non-main distributed rank).
    """
    task = checked(task_name, dataset, hparams)
    started = time.time()
    seed_everything(hparams.seed)
    data = limit_splits(task.datasets[dataset].load(), limit)
    if hparams.train_examples:
        data = Splits(spread_sample(data.train, hparams.train_examples), data.validation, data.test)
    if hparams.final_fit:
        data = Splits(list(data.train) + list(data.validation), data.validation, data.test)
    run = prepare_run(task, hparams, dataset, data.train, data.validation, device,
                      fitted=_saved_fitted(state_dir) if state_dir is not None else None)
    if state_dir is not None and distributed.is_main() and not (state_dir / FITTED).is_dir():
        with atomic_directory(state_dir / FITTED) as staging:
            write_fitted(staging, run.fitted)
    trainer = Trainer(run.model, hparams, device, task.metric, task.mode, callbacks)
    seconds_before = 0.0
    if state_dir is not None:
        if has_state(state_dir / "trainer"):
            trainer.load_state_dict(load_state(state_dir / "trainer"))
            seconds_before = trainer.seconds
        if distributed.is_main():
            # first: an epoch is reported (the job's progress, the log) only once its state is saved, so a
            # worker killed right after it was reported resumes after it rather than from the start
            trainer.callbacks.insert(0, EpochState(state_dir / "trainer"))
    result = run.fit(trainer, device)
    if result.cancelled or not distributed.is_main():
        return None
    if not hparams.final_fit:  # a final fit has nothing held out to calibrate on
        run.fitted.update(task.calibrate(trainer.model, run.held_out, device, run.setup))
    test_metrics = task.evaluate(trainer.model, task.encode(data.test, hparams, dataset, run.fitted), device, run.setup,
                                 final=True)
    config = {
        "task": task_name, "dataset": dataset, "name": name or Path(out_dir).name, "hyperparameters": to_dict(hparams),
        "limit": limit, "processes": distributed.world_size(), "command": command or command_line(),
        "versions": library_versions(), "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "data_sizes": {split: len(data[split]) for split in ("train", "validation", "test")},
        "parameters": sum(p.numel() for p in run.model.parameters()),
    }
    metrics = {
        "test": test_metrics, "validation": result.best_metrics, "best_epoch": result.best_epoch,
        "averaged_epochs": result.averaged,
        "epochs_run": result.epochs_run, "stopped_early": result.stopped_early,
        "train_seconds": round(seconds_before + time.time() - started, 1), "hardware": describe_device(device),
        "history": result.history,
    }
    return save_checkpoint(out_dir, config, trainer.model, run.fitted, metrics)


FITTED = "fitted"  # the state folder's copy of what the run's first start fitted


def _saved_fitted(state_dir: Path) -> dict[str, Any] | None:
    """What a resumed run's first start fitted (so its vocabularies match its weights), or None on a first start."""
    folder = Path(state_dir) / FITTED
    if not folder.is_dir():
        return None
    return read_fitted(folder, sorted(p.stem.removeprefix("fitted_") for p in folder.glob("fitted_*.json")))


def load_model(path: Path, device: torch.device):
    """(task, hyperparameters, model in eval mode, checkpoint) for a checkpoint folder.

    A checkpoint is data from anywhere: its settings are checked with the bounds training uses, and the
    model is first built on the meta device (no memory) so that its tensor shapes can be compared with the
    file's before anything is allocated. Every failure is a CheckpointError saying why."""
    checkpoint = load_checkpoint(path)
    try:
        task = get_task(checkpoint.task)
        hparams = from_dict(task.Hyperparameters, checkpoint.config["hyperparameters"])
    except (TypeError, ValueError) as error:
        raise CheckpointError(f"{path}: its settings cannot be read ({error})") from None
    dataset = checkpoint.config["dataset"]
    problems = task.check(hparams, dataset)
    if problems:
        raise CheckpointError(f"{path}: its settings are not allowed: " + "; ".join(map(str, problems[:3])))
    try:
        with torch.device("meta"), _ShapesOnly():
            skeleton = task.build_model(hparams, dataset, checkpoint.fitted, pretrained=False)
        _check_shapes(skeleton, checkpoint.weight_shapes(), path)
        model = task.build_model(hparams, dataset, checkpoint.fitted, pretrained=False)
        checkpoint.load_weights(model)
    except CheckpointError:
        raise
    except (RuntimeError, ValueError, TypeError, KeyError, IndexError) as error:
        raise CheckpointError(f"{path}: the model cannot be built from it ({type(error).__name__}: {error})") from None
    return task, hparams, model.to(device).eval(), checkpoint


class _ShapesOnly(TorchFunctionMode):
    """While a skeleton is built on the meta device, random initialisation is skipped: only shapes are wanted,
    and on meta tensors PyTorch runs some initialisers through its Python decompositions, whose first use
    imports the compiler (about a second, and 70 MB the app then keeps)."""

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if getattr(func, "__module__", None) == "torch.nn.init":
            return args[0] if args else kwargs["tensor"]  # an initialiser returns the tensor it filled
        return func(*args, **kwargs)


def _check_shapes(skeleton: torch.nn.Module, found: dict[str, tuple[int, ...]], path: Path) -> None:
    """Every tensor of the model in the file with its shape, nothing else there. A tied weight (one tensor under
    several names) is stored under one of them."""
    tied: dict[int, list[str]] = {}
    for name, tensor in skeleton.state_dict(keep_vars=True).items():
        tied.setdefault(id(tensor), []).append(name)
    shapes = {name: tuple(tensor.shape) for name, tensor in skeleton.state_dict().items()}
    differ = sorted(name for name in found if shapes.get(name) != found[name])
    differ += [names[0] for names in tied.values() if not any(name in found for name in names)]
    if differ:
        raise CheckpointError(f"{path}: its weights do not fit its settings ({', '.join(differ[:3])}"
                              f"{' ...' if len(differ) > 3 else ''})")


def encoded_split(task: Task, hparams, checkpoint, split: str, limit: int | None = None) -> list[Any]:
    """A split of the checkpoint's dataset (at most `limit` records), encoded with what its run fitted."""
    dataset = checkpoint.config["dataset"]
    return task.encode(limit_splits(task.datasets[dataset].load(), limit)[split], hparams, dataset, checkpoint.fitted)


def evaluate(path: Path, split: str, device: torch.device, limit: int | None = None) -> dict[str, Any]:
    task, hparams, model, checkpoint = load_model(path, device)
    examples = encoded_split(task, hparams, checkpoint, split, limit)
    return task.evaluate(model, examples, device, Setup(hparams, checkpoint.config["dataset"], checkpoint.fitted),
                         final=True)


def poem_form(path: Path, device: torch.device, samples: int) -> dict[str, Any]:
    """A poem model's form on held-out poems (`TextGenerationTask.form_scores`)."""
    task, hparams, model, checkpoint = load_model(path, device)
    records = task.datasets[checkpoint.config["dataset"]].load()["test"]
    return task.form_scores(task.predictor(model, hparams, checkpoint), records, samples)


def probe(path: Path, device: torch.device) -> dict[str, Any] | None:
    """The checkpoint's scores on its task's hand-written probes (None when the task has none)."""
    task, hparams, model, checkpoint = load_model(path, device)
    return task.probe_scores(task.predictor(model, hparams, checkpoint), checkpoint.config["dataset"])
