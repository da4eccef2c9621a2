"""The forecasts any model must beat.

Persistence: every future level equals the last one (tomorrow = today).
Drift: the average change since the series began, carried forward (Hyndman & Athanasopoulos,
Forecasting: Principles and Practice, 5.2), in log terms for prices.
"""

import numpy as np


def persistence(last: np.ndarray, horizon: int) -> np.ndarray:
    """[batch] -> [batch, horizon]."""
    return np.repeat(last[:, None], horizon, axis=1)


def drift(levels: np.ndarray, ends: np.ndarray, horizon: int, relative: bool) -> np.ndarray:
    """From the first level to the level at each origin, extended `horizon` steps: [batch, horizon]."""
    first, last = levels[0], levels[ends]
    steps = np.arange(1, horizon + 1)[None, :]  # [1, horizon]
    elapsed = np.maximum(ends, 1)[:, None]  # [batch, 1]
    if relative:
        return last[:, None] * np.exp(steps * np.log(last / first)[:, None] / elapsed)
    return last[:, None] + steps * (last - first)[:, None] / elapsed
