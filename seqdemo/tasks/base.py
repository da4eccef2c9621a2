"""What every task provides, so that the CLI, background jobs, evaluation and the tabs share one path.

A task knows its datasets, its hyperparameter dataclass, how to turn records into batches, its
loss and metrics, and how to answer one user input. Everything generic (the training loop,
checkpoints, devices) lives in `seqdemo.train`; the recipe that strings them together lives in
`seqdemo.tasks.runner`.
"""

import random
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from ..data import Splits
from ..hparams import Problem, from_dict, validate
from ..text.glove import DIM as GLOVE_DIM
from ..text.vocab import Vocab
from ..train import TrainingHyperparameters


class BadInput(ValueError):
    """A user input the model cannot answer. `code` names the problem for the UI's message table."""

    def __init__(self, code: str, message: str, **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Dataset:
    load: Callable[[], Splits]
    language: str | None  # "en" or "zh": decides tokenizer, pretrained vectors and example inputs; None for numbers
    summary: str  # one line for model cards and `--help`
    options: dict[str, Any] = field(default_factory=dict)  # task-specific facts (tokenizer, labels, ...)
    recommended: dict[str, Any] = field(default_factory=dict)  # hyperparameters that suit this data better than the defaults


@dataclass(frozen=True)
class Setup:
    """What a model was built with, for evaluation code that must decode or detokenize."""

    hparams: TrainingHyperparameters
    dataset: str
    vocabs: dict[str, Vocab]


class Task(ABC):
    name: str
    Hyperparameters: type[TrainingHyperparameters]
    datasets: dict[str, Dataset]
    metric: str  # the validation figure used for early stopping and model selection
    mode: str  # "max" if larger is better
    presets: dict[str, dict[str, Any]]  # named starting points: field overrides on top of the defaults
    # records are independent of one another (not windows of one time series), so they may be dealt
    # into random cross-validation folds
    records_are_exchangeable: bool = False

    def hyperparameters(self, dataset: str | None = None, preset: str = "default", **overrides: Any) -> TrainingHyperparameters:
        """Defaults, then what suits the dataset, then the preset, then the caller's own values."""
        if preset not in self.presets:
            raise ValueError(f"Unknown preset '{preset}' for {self.name}; choose one of {', '.join(self.presets)}")
        recommended = self.datasets[dataset].recommended if dataset in self.datasets else {}
        return from_dict(self.Hyperparameters, {**recommended, **self.presets[preset], **overrides})

    def check(self, hparams: TrainingHyperparameters, dataset: str) -> list[Problem]:
        """Every reason these settings cannot train on this dataset. Empty means go."""
        problems = [] if dataset in self.datasets else [
            Problem("problem.dataset", {"dataset": dataset, "task": self.name, "choices": ", ".join(self.datasets)})]
        return problems + validate(hparams)

    def glove_problems(self, hparams, dataset: str) -> list[Problem]:
        """For tasks with an `embeddings` choice: GloVe vectors are English and have a fixed size."""
        problems = []
        if hparams.embeddings != "random":
            if dataset in self.datasets and self.datasets[dataset].language != "en":
                problems.append(Problem("problem.glove_language"))
            if hparams.embedding_dim != GLOVE_DIM:
                problems.append(Problem("problem.glove_dim", {"dim": GLOVE_DIM}))
        return problems

    @abstractmethod
    def build_vocabs(self, hparams, dataset: str, train: Sequence[Any]) -> dict[str, Vocab]: ...

    @abstractmethod
    def build_model(self, hparams, dataset: str, vocabs: dict[str, Vocab], pretrained: bool) -> nn.Module:
        """A fresh model. `pretrained` loads pretrained vectors (training); loading a checkpoint skips it."""

    @abstractmethod
    def encode(self, records: Sequence[Any], hparams, dataset: str, vocabs: dict[str, Vocab]) -> list[Any]:
        """Records -> model-ready examples (ids, labels), done once before training."""

    @abstractmethod
    def batches(self, examples: list[Any], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Any]: ...

    def training_batches(self, examples: list[Any], hparams, rng: random.Random) -> list[Any]:
        """One epoch's batches, shuffled by `rng`. Tasks whose batching needs more settings override this."""
        return self.batches(examples, hparams.batch_size, shuffle=True, rng=rng)

    @abstractmethod
    def loss(self, model: nn.Module, batch: Any) -> torch.Tensor: ...

    @abstractmethod
    def evaluate(self, model: nn.Module, examples: list[Any], device: torch.device, setup: "Setup",
                 final: bool = False) -> dict[str, float]:
        """Metrics on examples; `self.metric` must be among them. `final` marks the one-off test score,
        which may afford slower, better decoding than the per-epoch validation."""

    @abstractmethod
    def predictor(self, model: nn.Module, hparams, checkpoint) -> Any:
        """An object whose `predict(user_input)` answers the tab and `python -m seqdemo predict`."""
