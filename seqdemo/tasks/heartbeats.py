"""Heartbeat classification: one ECG beat (a series of samples) in, its class out, with the samples
the model attended to shaded under the trace.

ECG5000 on the standard UCR split (500 training beats, 4,500 test beats). Every beat is
z-normalised on its own (mean 0, standard deviation 1) and, if it has another length, resampled to
the 140 samples the model was trained on, so a pasted beat from another recording is read the same way.
"""

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from ..data import LabeledSeries, load_ecg5000
from ..data.ecg import CLASSES
from ..hparams import hp
from ..models import ClassifierEnsemble, SeriesClassifier, SeriesClassifierConfig
from ..train import to_device
from ..train.checkpoint import figure_at
from .base import BadInput, Dataset, Task
from .scores import classification_metrics
from .settings import ReaderSettings

BEAT_LENGTH = 140  # samples per ECG5000 beat
MIN_SAMPLES, MAX_SAMPLES = 20, 10_000  # what a pasted beat may have before resampling
MAX_INPUT_CHARS = 200_000
_NUMBER_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass
class HeartbeatHyperparameters(ReaderSettings):
    conv_channels: int = hp(0, low=0, high=512)
    conv_layers: int = hp(1, low=1, high=4)
    fcn_branch: bool = hp(False)
    augment: bool = hp(False)
    oversample: float = hp(0.0, low=0.0, high=1.0)
    members: int = hp(1, low=1, high=10)


@dataclass
class Batch:
    series: torch.Tensor  # [batch, time, 1]
    lengths: torch.Tensor  # [batch]
    labels: torch.Tensor  # [batch]


@dataclass
class BeatPrediction:
    classes: tuple[str, ...]
    probabilities: list[float]
    values: list[float]  # the beat as the model read it: z-normalised, BEAT_LENGTH samples
    attention: list[float] | None  # one weight per sample, 0..1 (the largest is 1)
    original_length: int  # samples before resampling

    @property
    def label(self) -> str:
        return self.classes[int(np.argmax(self.probabilities))]

    @property
    def resampled(self) -> bool:
        return self.original_length != BEAT_LENGTH

    def summary(self) -> str:
        ranked = sorted(zip(self.probabilities, self.classes), reverse=True)
        return "\n".join(f"{name:<28} {p:6.1%}" for p, name in ranked)


def normalise(values: np.ndarray) -> np.ndarray:
    """Mean 0, standard deviation 1, length BEAT_LENGTH (linear interpolation)."""
    values = np.asarray(values, dtype=np.float64)
    if len(values) != BEAT_LENGTH:
        values = np.interp(np.linspace(0, len(values) - 1, BEAT_LENGTH), np.arange(len(values)), values)
    return ((values - values.mean()) / values.std()).astype(np.float32)


def augmented(beat: np.ndarray, rng: random.Random) -> np.ndarray:
    """A plausible variant of a normalised beat: stretched in time by up to 10 %, shifted by up to 5 samples,
    with a little noise, then normalised again."""
    n = len(beat)
    stretch, shift = rng.uniform(0.9, 1.1), rng.uniform(-5, 5)
    positions = np.clip((np.arange(n) - n / 2) * stretch + n / 2 + shift, 0, n - 1)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0.0, 0.05, n)
    return normalise(np.interp(positions, np.arange(n), beat) + noise)


def oversampled(examples: Sequence[LabeledSeries], fraction: float, rng: random.Random) -> list[LabeledSeries]:
    """The examples plus repeats of each rare class's beats (every beat as evenly as the count allows), so that
    each class has at least `fraction` of the commonest class's count."""
    by_class: dict[int, list[LabeledSeries]] = {}
    for example in examples:
        by_class.setdefault(example.label, []).append(example)
    wanted = math.ceil(fraction * max(len(beats) for beats in by_class.values()))
    out = list(examples)
    for beats in by_class.values():
        missing = wanted - len(beats)
        if missing > 0:
            out += beats * (missing // len(beats)) + rng.sample(beats, missing % len(beats))
    return out


def parse_beat(text: str) -> np.ndarray:
    """Numbers separated by commas, semicolons, spaces or new lines -> array; BadInput naming the first problem."""
    if not isinstance(text, str) or not text.strip():
        raise BadInput("beat_empty")
    if len(text) > MAX_INPUT_CHARS:
        raise BadInput("beat_too_long", limit=MAX_SAMPLES)
    cells = [cell for cell in _NUMBER_SEPARATORS.split(text.strip()) if cell]
    values = []
    for position, cell in enumerate(cells, start=1):
        try:
            values.append(float(cell))
        except ValueError:
            raise BadInput("beat_not_number", position=position, cell=cell[:20]) from None
    return check_beat(np.array(values))


def check_beat(values: np.ndarray) -> np.ndarray:
    """The beat itself, or BadInput naming what no model can read in it."""
    missing = np.flatnonzero(~np.isfinite(values))
    if len(missing):
        position = int(missing[0]) + 1
        raise BadInput("beat_not_finite", position=position, cell=str(values[missing[0]]))
    if len(values) < MIN_SAMPLES:
        raise BadInput("beat_too_short", minimum=MIN_SAMPLES, count=len(values))
    if len(values) > MAX_SAMPLES:
        raise BadInput("beat_too_long", limit=MAX_SAMPLES)
    if np.ptp(values) == 0:
        raise BadInput("beat_flat")
    return values


def member_accuracies(metrics: dict[str, Any]) -> list[float]:
    """Each ensemble member's test accuracy alone, in order; empty for a single network."""
    members = metrics.get("member_accuracy", [])
    return [figure_at(metrics, "member_accuracy", i) for i in range(len(members) if isinstance(members, list) else 0)]


class HeartbeatTask(Task):
    name = "heartbeats"
    Hyperparameters = HeartbeatHyperparameters
    defaults = {"hidden_size": 64, "dropout": 0.2}
    # 128 validation beats give accuracies in steps of 0.8 % and many ties; their mean cross-entropy
    # moves smoothly, so it picks the epoch
    metric, mode = "loss", "min"
    records_are_exchangeable = True
    datasets = {
        "ecg5000": Dataset(load_ecg5000, None, {"classes": CLASSES},
                           recommended={"conv_channels": 64, "augment": True, "hidden_size": 128, "epochs": 100,
                                        "patience": 100, "batch_size": 32, "schedule": "cosine"}),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 32, "epochs": 10, "augment": False},
        "no_conv": {"conv_channels": 0, "augment": False, "hidden_size": 64},
    }

    def classes(self, dataset: str) -> tuple[str, ...]:
        return self.datasets[dataset].options["classes"]

    def fit(self, hparams, dataset, train) -> dict:
        return {}

    def build_model(self, hparams, dataset, fitted, pretrained: bool) -> SeriesClassifier | ClassifierEnsemble:
        config = SeriesClassifierConfig(1, len(self.classes(dataset)), hparams.recurrent(), hparams.pooling,
                                        heads=hparams.heads, conv_channels=hparams.conv_channels, conv_layers=hparams.conv_layers,
                                        fcn_branch=hparams.fcn_branch)
        if hparams.members == 1:
            return SeriesClassifier(config)
        return ClassifierEnsemble([SeriesClassifier(config) for _ in range(hparams.members)])

    def encode(self, records: Sequence[LabeledSeries], hparams, dataset, vocabs) -> list[LabeledSeries]:
        return [LabeledSeries(normalise(r.values), r.label) for r in records]

    def batches(self, examples: list[LabeledSeries], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        order = list(range(len(examples)))
        if shuffle:
            (rng or random).shuffle(order)
        out = []
        for start in range(0, len(order), batch_size):
            chosen = [examples[i] for i in order[start:start + batch_size]]
            series = torch.from_numpy(np.stack([e.values for e in chosen])).unsqueeze(-1)  # [batch, time, 1]
            lengths = torch.full((len(chosen),), series.shape[1], dtype=torch.long)
            out.append(Batch(series, lengths, torch.tensor([e.label for e in chosen])))
        return out

    def training_batches(self, examples: list[LabeledSeries], hparams, rng: random.Random) -> list[Batch]:
        if hparams.oversample:
            examples = oversampled(examples, hparams.oversample, rng)
        if hparams.augment:
            examples = [LabeledSeries(augmented(e.values, rng), e.label) for e in examples]
        return self.batches(examples, hparams.batch_size, shuffle=True, rng=rng)

    def loss(self, model: SeriesClassifier | ClassifierEnsemble, batch: Batch) -> torch.Tensor:
        return model(batch.series, batch.lengths, labels=batch.labels).loss

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, Any]:
        model.eval()
        predictions, member_predictions, labels, total_loss = [], [], [], 0.0
        with torch.no_grad():
            for batch in self.batches(examples, 256, shuffle=False):
                batch = to_device(batch, device)
                output = model(batch.series, batch.lengths)
                total_loss += F.cross_entropy(output.logits, batch.labels, reduction="sum").item()
                predictions += output.logits.argmax(-1).tolist()
                if output.member_logits is not None:
                    member_predictions.append(output.member_logits.argmax(-1))  # [members, batch]
                labels += batch.labels.tolist()
        scores = classification_metrics(predictions, labels, len(self.classes(setup.dataset)), per_class=final)
        if final and member_predictions:
            # how each member would have done alone, beside the ensemble's accuracy
            right = torch.cat(member_predictions, dim=1) == torch.tensor(labels, device=device)  # [members, examples]
            scores["member_accuracy"] = right.float().mean(dim=1).tolist()
        return scores | {"loss": total_loss / max(1, len(labels))}

    def predictor(self, model, hparams, checkpoint) -> "HeartbeatClassifier":
        return HeartbeatClassifier(self, model, checkpoint)


class HeartbeatClassifier:
    def __init__(self, task: HeartbeatTask, model: SeriesClassifier | ClassifierEnsemble, checkpoint):
        self.model = model
        self.classes = task.classes(checkpoint.config["dataset"])
        self.device = next(model.parameters()).device

    def predict(self, beat: str | Sequence[float]) -> BeatPrediction:
        """A beat as pasted text (numbers separated by commas or spaces) or as numbers."""
        values = parse_beat(beat) if isinstance(beat, str) else check_beat(np.asarray(beat, dtype=np.float64))
        series = normalise(values)
        output = self._read(series[None])
        attention = None
        if output.attention is not None:
            weights = output.attention[0]
            attention = (weights / weights.max().clamp_min(1e-12)).tolist()
        return BeatPrediction(self.classes, torch.softmax(output.logits, -1)[0].tolist(), series.tolist(), attention, len(values))

    def classify_many(self, beats: Sequence[Sequence[float]]) -> list[int]:
        """The class index of each of several beats, in one pass (a picker's marks for its sample beats)."""
        series = np.stack([normalise(check_beat(np.asarray(beat, dtype=np.float64))) for beat in beats])  # [beats, time]
        return self._read(series).logits.argmax(-1).tolist()

    def _read(self, series: np.ndarray):
        """The model's output for normalised beats, [beats, BEAT_LENGTH]."""
        inputs = torch.from_numpy(series).unsqueeze(-1).to(self.device)  # [beats, time, 1]
        with torch.no_grad():
            return self.model(inputs, torch.full((len(series),), BEAT_LENGTH, device=self.device))
