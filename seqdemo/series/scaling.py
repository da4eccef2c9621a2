"""Scaling fitted on the training period only, saved beside the model.

Inputs are standardised feature by feature. Targets are changes from the last observed level
(log ratios for prices, differences for glucose), divided by the training period's one-step
change spread times sqrt(h): a random walk's h-step change then has about unit spread at every
horizon, so no horizon dominates the loss.
"""

from dataclasses import dataclass

import numpy as np

from .windows import SeriesPart

FORMAT = "seqdemo.scaler/1"


def changes(levels: np.ndarray, relative: bool) -> np.ndarray:
    """One-step changes: log ratios (relative) or differences; NaN where a level is missing."""
    return np.diff(np.log(levels)) if relative else np.diff(levels)


@dataclass(frozen=True)
class SeriesScaler:
    mean: tuple[float, ...]  # per input feature
    std: tuple[float, ...]
    step: float  # spread of one-step changes
    relative: bool  # True: changes are log ratios (prices); False: differences (glucose)

    @classmethod
    def fit(cls, training: list[SeriesPart], relative: bool) -> "SeriesScaler":
        """From the steps before each part's end: pass the training parts, never a later period."""
        rows = np.concatenate([part.series.features[: part.end] for part in training])  # [steps, features]
        steps = np.concatenate([changes(part.series.levels[: part.end], relative) for part in training])
        std = np.nanstd(rows, axis=0)
        return cls(tuple(np.nanmean(rows, axis=0).tolist()), tuple(np.where(std > 0, std, 1.0).tolist()),
                   float(np.nanstd(steps)), relative)

    def inputs(self, features: np.ndarray) -> np.ndarray:
        return ((features - np.array(self.mean)) / np.array(self.std)).astype(np.float32)

    def horizon_scale(self, horizon: int) -> np.ndarray:
        return self.step * np.sqrt(np.arange(1, horizon + 1))  # [horizon]

    def targets(self, last: np.ndarray, future: np.ndarray) -> np.ndarray:
        """Last levels [batch] and future levels [batch, horizon] -> scaled changes [batch, horizon]."""
        change = np.log(future / last[:, None]) if self.relative else future - last[:, None]
        return (change / self.horizon_scale(future.shape[1])).astype(np.float32)

    def levels(self, last: np.ndarray, scaled: np.ndarray) -> np.ndarray:
        """The inverse: last levels [batch] and scaled changes [batch, horizon, ...] -> levels, same shape."""
        scale = self.horizon_scale(scaled.shape[1]).reshape((1, -1) + (1,) * (scaled.ndim - 2))
        last = last.reshape((-1,) + (1,) * (scaled.ndim - 1))
        change = scaled * scale
        return last * np.exp(change) if self.relative else last + change

    FORMAT = FORMAT

    def to_json(self) -> dict:
        return {"mean": self.mean, "std": self.std, "step": self.step, "relative": self.relative}

    @classmethod
    def from_json(cls, data: dict) -> "SeriesScaler":
        return cls(tuple(map(float, data["mean"])), tuple(map(float, data["std"])), float(data["step"]),
                   bool(data["relative"]))
