"""The one recipe for training and evaluating any task: used by the CLI and by background jobs."""

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from ..data import Splits
from ..hparams import Problem, from_dict, to_dict
from ..train import (Callback, CheckpointError, Trainer, describe_device, distributed, load_checkpoint,
                     save_checkpoint, seed_everything)
from ..train.atomic import atomic_directory
from ..train.checkpoint import command_line, library_versions, read_vocabs, write_vocabs
from ..train.state import EpochState, has_state, load_state
from . import get_task
from .base import Setup


class InvalidSettings(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def spread_sample(records: Sequence[Any], limit: int | None) -> Sequence[Any]:
    """At most `limit` records taken at an even stride, so a file sorted by label still gives every label."""
    if not limit or len(records) <= limit:
        return records
    return records[:: len(records) // limit][:limit]


def limit_splits(data: Splits, limit: int | None) -> Splits:
    """Tiny data for tests and smoke runs: at most `limit` records of every split."""
    if not limit:
        return data
    return Splits(**{split: spread_sample(data[split], limit) for split in ("train", "validation", "test")})


def train(task_name: str, dataset: str, hparams, out_dir: Path, device: torch.device,
          callbacks: Sequence[Callback] = (), limit: int | None = None, command: str | None = None,
          name: str | None = None, state_dir: Path | None = None) -> Path | None:
    """Train, keep the best epoch by validation score, evaluate it once on test, save a checkpoint.

    With `state_dir`, the full training state is saved there after every epoch and a later call
    with the same folder resumes from the last finished epoch. Returns the checkpoint folder, or
    None when training was stopped before it finished (or on a non-main distributed rank).
    """
    task = get_task(task_name)
    problems = task.check(hparams, dataset)
    if problems:
        raise InvalidSettings(problems)
    started = time.time()
    seed_everything(hparams.seed)
    data = limit_splits(task.datasets[dataset].load(), limit)
    if hparams.train_examples:
        data = Splits(spread_sample(data.train, hparams.train_examples), data.validation, data.test)
    if hparams.final_fit:
        data = Splits(list(data.train) + list(data.validation), data.validation, data.test)
    vocabs = _run_vocabs(task, hparams, dataset, data.train, state_dir)
    model = task.build_model(hparams, dataset, vocabs, pretrained=True)
    train_examples, validation_examples, test_examples = (
        task.encode(data[split], hparams, dataset, vocabs) for split in ("train", "validation", "test"))
    setup = Setup(hparams, dataset, vocabs)
    trainer = Trainer(model, hparams, device, task.metric, task.mode, callbacks)
    seconds_before = 0.0
    if state_dir is not None:
        if has_state(state_dir / "trainer"):
            trainer.load_state_dict(load_state(state_dir / "trainer"))
            seconds_before = trainer.seconds
        if distributed.is_main():
            trainer.callbacks.append(EpochState(state_dir / "trainer"))
    result = trainer.fit(
        make_batches=lambda epoch, rng: task.training_batches(train_examples, hparams, rng),
        loss_fn=task.loss,
        evaluate_fn=lambda m: task.evaluate(m, validation_examples, device, setup),
    )
    if result.cancelled or not distributed.is_main():
        return None
    test_metrics = task.evaluate(trainer.model, test_examples, device, setup, final=True)
    config = {
        "task": task_name, "dataset": dataset, "name": name or Path(out_dir).name, "hyperparameters": to_dict(hparams),
        "limit": limit, "processes": distributed.world_size(), "command": command or command_line(),
        "versions": library_versions(), "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "data_sizes": {split: len(data[split]) for split in ("train", "validation", "test")},
        "parameters": sum(p.numel() for p in model.parameters()),
    }
    metrics = {
        "test": test_metrics, "validation": result.best_metrics, "best_epoch": result.best_epoch,
        "epochs_run": result.epochs_run, "stopped_early": result.stopped_early,
        "train_seconds": round(seconds_before + time.time() - started, 1), "hardware": describe_device(device),
        "history": result.history,
    }
    return save_checkpoint(out_dir, config, trainer.model, vocabs, metrics)


def _run_vocabs(task, hparams, dataset: str, train_records, state_dir: Path | None):
    """Vocabularies for this run; a resumed run reads the ones its first start wrote."""
    if state_dir is None:
        return task.build_vocabs(hparams, dataset, train_records)
    folder = Path(state_dir) / "vocabs"
    if folder.is_dir():
        return read_vocabs(folder, sorted(p.stem.removeprefix("vocab_") for p in folder.glob("vocab_*.json")))
    vocabs = task.build_vocabs(hparams, dataset, train_records)
    if distributed.is_main():
        with atomic_directory(folder) as staging:
            write_vocabs(staging, vocabs)
    return vocabs


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
        with torch.device("meta"):
            skeleton = task.build_model(hparams, dataset, checkpoint.vocabs, pretrained=False)
        _check_shapes(skeleton, checkpoint.state_dict, path)
        model = task.build_model(hparams, dataset, checkpoint.vocabs, pretrained=False)
        model.load_state_dict(checkpoint.state_dict)
    except CheckpointError:
        raise
    except (RuntimeError, ValueError, TypeError, KeyError, IndexError) as error:
        raise CheckpointError(f"{path}: the model cannot be built from it ({type(error).__name__}: {error})") from None
    return task, hparams, model.to(device).eval(), checkpoint


def _check_shapes(skeleton: torch.nn.Module, weights: dict[str, torch.Tensor], path: Path) -> None:
    expected = {name: tuple(tensor.shape) for name, tensor in skeleton.state_dict().items()}
    found = {name: tuple(tensor.shape) for name, tensor in weights.items()}
    if expected != found:
        differ = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
        raise CheckpointError(f"{path}: its weights do not fit its settings ({', '.join(differ[:3])}"
                              f"{' ...' if len(differ) > 3 else ''})")


def evaluate(path: Path, split: str, device: torch.device, limit: int | None = None) -> dict[str, Any]:
    task, hparams, model, checkpoint = load_model(path, device)
    dataset = checkpoint.config["dataset"]
    records = limit_splits(task.datasets[dataset].load(), limit)[split]
    examples = task.encode(records, hparams, dataset, checkpoint.vocabs)
    return task.evaluate(model, examples, device, Setup(hparams, dataset, checkpoint.vocabs), final=True)
