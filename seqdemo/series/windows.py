"""A series ready for forecasting, its chronological split, and the forecast origins each split may use.

A forecast made at origin `t` reads the `window` steps up to and including `t` and predicts the
levels at t+1 .. t+horizon. A split owns the origins whose targets all fall inside its period, so
no training target ever lies in the validation or test period. History before a period may be
read (a test forecast on the first test day reads the days before it, as it would in real life).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Splits


@dataclass(frozen=True)
class PreparedSeries:
    name: str  # a ticker, or what the series measures
    times: np.ndarray  # [steps] datetime64, increasing
    levels: np.ndarray  # [steps] the value forecast (a closing price, mg/dL), NaN where missing
    features: np.ndarray  # [steps, features] what the model reads at each step, from data up to that step only

    def __len__(self) -> int:
        return len(self.levels)


@dataclass(frozen=True)
class SeriesPart:
    """One series and the steps [start, end) whose levels are this split's forecast targets."""

    series: PreparedSeries
    start: int
    end: int


def split_by_time(series: PreparedSeries, validation_start, test_start) -> Splits[list[SeriesPart]]:
    """Train: targets before `validation_start`; validation: up to `test_start`; test: the rest."""
    times = pd.DatetimeIndex(series.times)
    v = int(times.searchsorted(pd.Timestamp(validation_start)))
    s = int(times.searchsorted(pd.Timestamp(test_start)))
    n = len(series)
    return Splits(train=[SeriesPart(series, 0, v)], validation=[SeriesPart(series, v, s)], test=[SeriesPart(series, s, n)])


def origins(part: SeriesPart, window: int, horizon: int) -> np.ndarray:
    """Every origin t of this part with a complete window and all `horizon` targets inside the part."""
    series = part.series
    first = max(part.start - 1, window - 1)
    last = part.end - 1 - horizon
    if last < first:
        return np.empty(0, dtype=np.int64)
    readable = np.isfinite(series.features).all(axis=1) & np.isfinite(series.levels)  # [steps]
    # a window is usable when all its steps are readable: a running count of unreadable steps
    unreadable = np.concatenate([[0], np.cumsum(~readable)])  # [steps + 1]
    candidates = np.arange(first, last + 1)
    window_ok = unreadable[candidates + 1] - unreadable[candidates + 1 - window] == 0
    future_ok = np.ones_like(window_ok)
    for h in range(1, horizon + 1):
        future_ok &= np.isfinite(series.levels[candidates + h])
    return candidates[window_ok & future_ok]


def gather_windows(features: np.ndarray, ends: np.ndarray, window: int) -> np.ndarray:
    """[steps, features] and origins [batch] -> the windows ending at each origin [batch, window, features]."""
    offsets = np.arange(-window + 1, 1)  # [window]
    return features[ends[:, None] + offsets[None, :]]


def future_levels(levels: np.ndarray, ends: np.ndarray, horizon: int) -> np.ndarray:
    """[steps] and origins [batch] -> the levels at t+1 .. t+horizon [batch, horizon]."""
    return levels[ends[:, None] + np.arange(1, horizon + 1)[None, :]]
