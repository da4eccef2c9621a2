"""The one recipe for training and evaluating any task: used by the CLI and by background jobs."""

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch

from ..data import Splits
from ..hparams import to_dict
from ..train import (Callback, Trainer, describe_device, load_checkpoint, save_checkpoint, seed_everything)
from ..train.checkpoint import command_line, library_versions
from . import get_task


class InvalidSettings(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
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
          callbacks: Sequence[Callback] = (), limit: int | None = None, command: str | None = None) -> Path:
    """Train, keep the best epoch by validation score, evaluate it once on test, save a checkpoint."""
    task = get_task(task_name)
    problems = task.check(hparams, dataset)
    if problems:
        raise InvalidSettings(problems)
    started = time.time()
    seed_everything(hparams.seed)
    data = limit_splits(task.datasets[dataset].load(), limit)
    vocabs = task.build_vocabs(hparams, dataset, data.train)
    model = task.build_model(hparams, dataset, vocabs, pretrained=True)
    train_examples, validation_examples, test_examples = (
        task.encode(data[split], hparams, dataset, vocabs) for split in ("train", "validation", "test"))
    trainer = Trainer(model, hparams, device, task.metric, task.mode, callbacks)
    result = trainer.fit(
        make_batches=lambda epoch, rng: task.batches(train_examples, hparams.batch_size, shuffle=True, rng=rng),
        loss_fn=task.loss,
        evaluate_fn=lambda m: task.evaluate(m, validation_examples, device),
    )
    test_metrics = task.evaluate(trainer.model, test_examples, device)
    config = {
        "task": task_name, "dataset": dataset, "hyperparameters": to_dict(hparams), "limit": limit,
        "command": command or command_line(), "versions": library_versions(),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "data_sizes": {split: len(data[split]) for split in ("train", "validation", "test")},
        "parameters": sum(p.numel() for p in model.parameters()),
    }
    metrics = {
        "test": test_metrics, "validation": result.best_metrics, "best_epoch": result.best_epoch,
        "epochs_run": result.epochs_run, "stopped_early": result.stopped_early, "cancelled": result.cancelled,
        "train_seconds": round(time.time() - started, 1), "hardware": describe_device(device), "history": result.history,
    }
    return save_checkpoint(out_dir, config, trainer.model, vocabs, metrics)


def load_model(path: Path, device: torch.device):
    """(task, hyperparameters, model in eval mode, checkpoint) for a checkpoint folder."""
    from ..hparams import from_dict

    checkpoint = load_checkpoint(path)
    task = get_task(checkpoint.task)
    hparams = from_dict(task.Hyperparameters, checkpoint.config["hyperparameters"])
    model = task.build_model(hparams, checkpoint.config["dataset"], checkpoint.vocabs, pretrained=False)
    model.load_state_dict(checkpoint.state_dict)
    return task, hparams, model.to(device).eval(), checkpoint


def evaluate(path: Path, split: str, device: torch.device, limit: int | None = None) -> dict[str, Any]:
    task, hparams, model, checkpoint = load_model(path, device)
    dataset = checkpoint.config["dataset"]
    records = limit_splits(task.datasets[dataset].load(), limit)[split]
    return task.evaluate(model, task.encode(records, hparams, dataset, checkpoint.vocabs), device)
