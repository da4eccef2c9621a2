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

from ..catalogue import t
from ..data import Splits
from ..hparams import Problem, from_dict, validate
from ..models.encoder import GATED_CELLS
from ..text.glove import DIM as GLOVE_DIM
from ..train import TrainingHyperparameters

LossFunction = Callable[[nn.Module, Any], torch.Tensor]


class BadInput(ValueError):
    """A user input the model cannot answer. `code` names its message in the catalogue (`input.<code>`)."""

    def __init__(self, code: str, **params: Any):
        super().__init__(t(f"input.{code}", "en", **params))
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Dataset:
    """What it is called and how it reads (`dataset.<name>` in the catalogue) lives in the catalogue."""

    load: Callable[[], Splits]
    language: str | None  # "en" or "zh": decides tokenizer, pretrained vectors and example inputs; None for numbers
    options: dict[str, Any] = field(default_factory=dict)  # task-specific facts (tokenizer, labels, ...)
    recommended: dict[str, Any] = field(default_factory=dict)  # hyperparameters that suit this data better than the defaults


@dataclass(frozen=True)
class Setup:
    """What a model was built with, for evaluation code that must decode or detokenize."""

    hparams: TrainingHyperparameters
    dataset: str
    fitted: dict[str, Any]  # vocabularies, scalers: what `Task.fit` returned


class Task(ABC):
    name: str
    Hyperparameters: type[TrainingHyperparameters]
    defaults: dict[str, Any] = {}  # this task's defaults where they differ from the shared settings'
    datasets: dict[str, Dataset]
    metric: str  # the validation figure used for early stopping and model selection
    mode: str  # "max" if larger is better
    presets: dict[str, dict[str, Any]]  # named starting points: field overrides on top of the defaults
    # records are independent of one another (not windows of one time series), so they may be dealt
    # into random cross-validation folds
    records_are_exchangeable: bool = False

    def hyperparameters(self, dataset: str | None = None, preset: str = "default", **overrides: Any) -> TrainingHyperparameters:
        """The task's defaults, then what suits the dataset, then the preset, then the caller's own values."""
        if preset not in self.presets:
            raise ValueError(f"Unknown preset '{preset}' for {self.name}; choose one of {', '.join(self.presets)}")
        recommended = self.datasets[dataset].recommended if dataset in self.datasets else {}
        return from_dict(self.Hyperparameters, {**self.defaults, **recommended, **self.presets[preset], **overrides})

    def check(self, hparams: TrainingHyperparameters, dataset: str) -> list[Problem]:
        """Every reason these settings cannot train on this dataset. Empty means go."""
        problems = [] if dataset in self.datasets else [
            Problem("problem.dataset", {"dataset": dataset, "task": self.name, "choices": ", ".join(self.datasets)})]
        if getattr(hparams, "layer_norm", False) and getattr(hparams, "cell", "lstm") != "lstm":
            problems.append(Problem("problem.layer_norm_cell", field="layer_norm"))
        if getattr(hparams, "pooling", None) == "mhsa":
            width = hparams.hidden_size * (2 if hparams.bidirectional else 1)
            if hparams.heads >= 1 and width % hparams.heads:
                problems.append(Problem("problem.heads_divide", {"name": "heads", "heads": hparams.heads, "width": width},
                                        field="heads"))
        if getattr(hparams, "cell", "lstm") not in GATED_CELLS:  # S4D has no gate weights to start differently
            for name, neutral in (("init", "default"), ("forget_bias", 0.0)):
                if getattr(hparams, name, neutral) != neutral:
                    problems.append(Problem("problem.gated_only", {"name": name, "cell": hparams.cell.upper()}, field=name))
        return problems + validate(hparams)

    def glove_problems(self, hparams, dataset: str) -> list[Problem]:
        """For tasks with an `embeddings` choice: GloVe vectors are English and have a fixed size."""
        problems = []
        if hparams.embeddings != "random":
            if dataset in self.datasets and self.datasets[dataset].language != "en":
                problems.append(Problem("problem.glove_language", field="embeddings"))
            if hparams.embedding_dim != GLOVE_DIM:
                problems.append(Problem("problem.glove_dim", {"dim": GLOVE_DIM}, field="embedding_dim"))
        return problems

    def training_records(self, records: Sequence[Any], hparams, dataset: str) -> Sequence[Any]:
        """The records a run trains on: the training split, plus whatever the task constructs from it."""
        return records

    def calibrate(self, model: nn.Module, examples: list[Any], device: torch.device, setup: "Setup") -> dict[str, Any]:
        """What to fit on held-out examples once training is over (a classifier's temperature), added to what
        the run saves; nothing by default."""
        return {}

    @abstractmethod
    def fit(self, hparams, dataset: str, train: Sequence[Any]) -> dict[str, Any]:
        """What this run learns from its training records before the model: vocabularies, scalers (see
        `seqdemo.fitted`)."""

    @abstractmethod
    def build_model(self, hparams, dataset: str, fitted: dict[str, Any], pretrained: bool) -> nn.Module:
        """A fresh model. `pretrained` loads pretrained vectors (training); loading a checkpoint skips it."""

    @abstractmethod
    def encode(self, records: Sequence[Any], hparams, dataset: str, fitted: dict[str, Any]) -> list[Any]:
        """Records -> model-ready examples (ids, labels), done once before training."""

    def encode_training(self, records: Sequence[Any], hparams, dataset: str, fitted: dict[str, Any],
                        device: torch.device) -> list[Any]:
        """The training records as examples. A task that learns from a teacher's answers adds them here, once per
        run, on `device`."""
        return self.encode(records, hparams, dataset, fitted)

    @abstractmethod
    def batches(self, examples: list[Any], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Any]: ...

    def training_batches(self, examples: list[Any], hparams, rng: random.Random) -> list[Any]:
        """One epoch's batches, shuffled by `rng`. Tasks whose batching needs more settings override this."""
        return self.batches(examples, hparams.batch_size, shuffle=True, rng=rng)

    @abstractmethod
    def loss(self, model: nn.Module, batch: Any) -> torch.Tensor:
        """The batch's training loss, from the model's forward pass (which computes it given the targets)."""

    def make_loss(self, hparams) -> LossFunction:
        """The loss function of one training run. Tasks whose loss needs a setting or carries state from batch
        to batch (a language model's state across chunks) return a fresh one per run."""
        return self.loss

    @abstractmethod
    def evaluate(self, model: nn.Module, examples: list[Any], device: torch.device, setup: "Setup",
                 final: bool = False) -> dict[str, float]:
        """Metrics on examples; `self.metric` must be among them. `final` marks the one-off test score,
        which may afford slower, better decoding than the per-epoch validation."""

    def probe_scores(self, predictor: Any, dataset: str) -> dict[str, Any] | None:
        """How the model does on hand-written probes of behaviour the test split rarely asks for (None: the task
        has none). Never used for training or choosing a model."""
        return None

    @abstractmethod
    def predictor(self, model: nn.Module, hparams, checkpoint) -> Any:
        """An object whose `predict(user_input)` answers the tab and `python -m seqdemo predict`."""
