"""What the stock and glucose tasks share: windows of a prepared series in, quantiles of the next
`horizon` steps out, always scored beside the persistence forecast.

Each training batch reads a window of a random length between a quarter of `window` and
`window`, so one model can be asked to forecast from a shorter history in the tab; validation
and test read the full window.
"""

import math
import random
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from ..hparams import hp
from ..models.forecaster import QUANTILES, ForecasterConfig, SeriesForecaster, pinball_loss
from ..series.baselines import persistence
from ..series.scaling import SeriesScaler
from ..series.scores import forecast_errors, skill
from ..series.windows import PreparedSeries, SeriesPart, future_levels, gather_windows, origins
from .base import Task
from .settings import RecurrentSettings

MEDIAN = QUANTILES.index(0.5)
ORIGINS_PER_BATCH = 1024  # forecasts computed at once: a backtest over a long series must not ask for one huge tensor


def shortest_window(window: int) -> int:
    """The shortest history a model trained on `window` steps reads (training varies the length down to it)."""
    return max(2, window // 4)


def forecast_levels(model: SeriesForecaster, scaler: SeriesScaler, series: PreparedSeries, ends: np.ndarray,
                    window: int) -> np.ndarray:
    """Level quantiles for forecasts made at each origin of a readable series: [origins, horizon, quantiles]."""
    features, device = np.nan_to_num(series.features), next(model.parameters()).device
    parts = []
    for start in range(0, len(ends), ORIGINS_PER_BATCH):
        windows = gather_windows(features, ends[start:start + ORIGINS_PER_BATCH], window)  # [batch, window, features]
        parts.append(model.predict(torch.from_numpy(windows).to(device)).cpu().numpy())  # [batch, horizon, quantiles]
    scaled = np.concatenate(parts) if parts else np.empty((0, model.horizon, len(QUANTILES)), dtype=np.float32)
    return scaler.levels(series.levels[ends], scaled)


@dataclass
class ForecastHyperparameters(RecurrentSettings):
    window: int = hp(60, low=4, high=1000, basic=True)
    horizon: int = hp(30, low=1, high=100)


@dataclass
class WindowSet:
    """Every forecast origin of a split, with the scaled inputs it reads and its scaled targets."""

    names: list[str]  # per series (a ticker)
    inputs: list[np.ndarray]  # per series: [steps, features], scaled
    levels: list[np.ndarray]  # per series: [steps]
    series: np.ndarray  # [origins] which series
    ends: np.ndarray  # [origins] the origin step t (the last step read)
    targets: np.ndarray  # [origins, horizon] scaled changes from the level at t
    window: int

    def __len__(self) -> int:
        return len(self.ends)

    def last_levels(self) -> np.ndarray:
        return np.array([self.levels[s][t] for s, t in zip(self.series, self.ends)])  # [origins]

    def future(self, horizon: int) -> np.ndarray:
        return np.stack([future_levels(self.levels[s], np.array([t]), horizon)[0] for s, t in zip(self.series, self.ends)])


@dataclass
class Batch:
    windows: torch.Tensor  # [batch, window, features]
    targets: torch.Tensor  # [batch, horizon]


class ForecastTask(Task):
    Hyperparameters = ForecastHyperparameters
    defaults = {"hidden_size": 64, "dropout": 0.1}
    metric, mode = "loss", "min"  # the pinball loss on validation: rewards sharp, calibrated quantiles
    relative: bool  # changes are log ratios (prices) rather than differences

    @abstractmethod
    def final_scores(self, examples: WindowSet, predicted: np.ndarray, setup) -> dict[str, Any]:
        """Test figures (tables of them) from predicted levels [origins, horizon, quantiles]."""

    @abstractmethod
    def input_features(self, hparams) -> int:
        """How many of the prepared series' feature columns (the first ones) the model reads."""

    def readable(self, series: PreparedSeries, hparams, scaler: SeriesScaler) -> PreparedSeries:
        """The series as the model reads it: scaled, only the columns it uses."""
        columns = self.input_features(hparams)
        return PreparedSeries(series.name, series.times, series.levels, scaler.inputs(series.features)[:, :columns])

    def fit(self, hparams, dataset, train: Sequence[SeriesPart]) -> dict:
        return {"scaler": SeriesScaler.fit(list(train), self.relative)}

    def build_model(self, hparams, dataset, fitted, pretrained: bool) -> SeriesForecaster:
        return SeriesForecaster(ForecasterConfig(self.input_features(hparams), hparams.horizon,
                                                 hparams.recurrent(bidirectional=False)))

    def encode(self, records: Sequence[SeriesPart], hparams, dataset, fitted) -> WindowSet:
        scaler: SeriesScaler = fitted["scaler"]
        names, inputs, levels, series, ends, targets = [], [], [], [], [], []
        for index, part in enumerate(records):
            names.append(part.series.name)
            series_read = self.readable(part.series, hparams, scaler)
            inputs.append(np.nan_to_num(series_read.features))
            levels.append(part.series.levels)
            chosen = origins(SeriesPart(series_read, part.start, part.end), hparams.window, hparams.horizon)
            series.append(np.full(len(chosen), index))
            ends.append(chosen)
            targets.append(scaler.targets(part.series.levels[chosen], future_levels(part.series.levels, chosen, hparams.horizon)))
        return WindowSet(names, inputs, levels, np.concatenate(series).astype(np.int64), np.concatenate(ends).astype(np.int64),
                         np.concatenate(targets).reshape(-1, hparams.horizon), hparams.window)

    def batches(self, examples: WindowSet, batch_size: int, shuffle: bool, rng: random.Random | None = None,
                window: int | None = None) -> list[Batch]:
        order = list(range(len(examples)))
        if shuffle:
            (rng or random).shuffle(order)
        out = []
        for start in range(0, len(order), batch_size):
            chosen = np.array(order[start:start + batch_size])
            length = window or examples.window
            windows = np.stack([gather_windows(examples.inputs[s], np.array([t]), length)[0]
                                for s, t in zip(examples.series[chosen], examples.ends[chosen])])  # [batch, length, features]
            out.append(Batch(torch.from_numpy(windows), torch.from_numpy(examples.targets[chosen])))
        return out

    def training_batches(self, examples: WindowSet, hparams, rng: random.Random) -> list[Batch]:
        batches = self.batches(examples, hparams.batch_size, shuffle=True, rng=rng)
        shortest = shortest_window(hparams.window)
        return [Batch(b.windows[:, -rng.randint(shortest, hparams.window):], b.targets) for b in batches]

    def loss(self, model: SeriesForecaster, batch: Batch) -> torch.Tensor:
        return model(batch.windows, targets=batch.targets).loss

    def predict_scaled(self, model: SeriesForecaster, examples: WindowSet, device) -> np.ndarray:
        """Scaled quantiles for every origin: [origins, horizon, quantiles]."""
        model.eval()
        parts = [model.predict(batch.windows.to(device)).cpu() for batch in self.batches(examples, 512, shuffle=False)]
        return torch.cat(parts).numpy() if parts else np.empty((0, model.horizon, len(QUANTILES)), dtype=np.float32)

    def evaluate(self, model, examples: WindowSet, device, setup, final: bool = False) -> dict[str, Any]:
        scaled = self.predict_scaled(model, examples, device)
        loss = float(pinball_loss(torch.from_numpy(scaled), torch.from_numpy(examples.targets), torch.tensor(QUANTILES)))
        scaler: SeriesScaler = setup.fitted["scaler"]
        last = examples.last_levels()
        predicted = scaler.levels(last, scaled)  # [origins, horizon, quantiles]
        actual = examples.future(scaled.shape[1])  # [origins, horizon]
        horizon = scaled.shape[1]
        metrics = {"loss": loss, "origins": len(examples)}
        for h in sorted({1, horizon}):
            model_rmse = forecast_errors(actual[:, h - 1], predicted[:, h - 1, MEDIAN], last)["rmse"]
            reference = forecast_errors(actual[:, h - 1], persistence(last, horizon)[:, h - 1], last)["rmse"]
            metrics[f"skill_{h}"] = skill(model_rmse, reference)
        if final:
            metrics |= without_nan(self.final_scores(examples, predicted, setup))
        return metrics


def without_nan(figures: dict[str, Any]) -> dict[str, Any]:
    """Figures that do not exist (a baseline's direction, precision with no alerts) left out, at any depth."""
    return {k: without_nan(v) if isinstance(v, dict) else v for k, v in figures.items()
            if not (isinstance(v, float) and math.isnan(v))}


def interval_coverage(actual: np.ndarray, predicted: np.ndarray) -> float:
    """How often the actual level fell inside the 80 % interval: [origins] and [origins, quantiles]."""
    return float(np.mean((actual >= predicted[:, 0]) & (actual <= predicted[:, -1])))
