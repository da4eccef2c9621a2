"""K-fold cross-validation on a task's training and validation records together.

For small data sets (ECG5000 has 500 training beats), one validation split of a hundred or so records
moves by a whole record at a time; every record held out once gives a steadier answer to "which
settings are better?" without touching the test set. Each fold trains for exactly `epochs` epochs
and keeps its last weights, as a final fit does, so what is measured is the recipe a final fit
would then apply to all the records.
"""

import dataclasses
import random
from collections.abc import Sequence
from typing import Any

import torch

from ..train import Callback, Trainer, seed_everything
from .runner import checked, limit_splits, prepare_run


def fold_of_each(records: Sequence[Any], folds: int, seed: int = 0) -> list[int]:
    """A fold number for every record: records shuffled, then dealt round the folds class by class (for
    records with a `label`), so every fold has its share of each class, rare ones included."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    order.sort(key=lambda i: getattr(records[i], "label", 0))  # stable: shuffled within each class
    fold = [0] * len(records)
    for position, index in enumerate(order):
        fold[index] = position % folds
    return fold


def cross_validate(task_name: str, dataset: str, hparams, folds: int, device: torch.device,
                   callbacks: Sequence[Callback] = (), limit: int | None = None) -> dict[str, Any]:
    """{"folds": [each fold's held-out metrics, with "examples"], "pooled": the example-weighted mean of each
    metric over the folds}. For accuracy and loss, the pooled figure is exactly the out-of-fold one."""
    task = checked(task_name, dataset, hparams)
    if not task.records_are_exchangeable:
        raise ValueError(f"{task_name} records are ordered in time: random folds would train on the future")
    hparams = dataclasses.replace(hparams, final_fit=True)
    data = limit_splits(task.datasets[dataset].load(), limit)
    records = list(data.train) + list(data.validation)
    fold_numbers = fold_of_each(records, folds)
    results = []
    for fold in range(folds):
        seed_everything(hparams.seed)
        run = prepare_run(task, hparams, dataset, [r for r, f in zip(records, fold_numbers) if f != fold],
                          [r for r, f in zip(records, fold_numbers) if f == fold], device)
        trainer = Trainer(run.model, hparams, device, task.metric, task.mode, callbacks)
        run.fit(trainer, device)
        results.append(task.evaluate(trainer.model, run.held_out, device, run.setup) | {"examples": len(run.held_out)})
    total = sum(r["examples"] for r in results)
    pooled = {name: sum(r[name] * r["examples"] for r in results) / total for name in results[0] if name != "examples"}
    return {"folds": results, "pooled": pooled | {"examples": total}}
