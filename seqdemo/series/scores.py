"""Forecast errors in the series' own units, and alert precision and recall."""

import numpy as np


def forecast_errors(actual: np.ndarray, predicted: np.ndarray, last: np.ndarray) -> dict[str, float]:
    """At one horizon: actual, predicted and last observed levels, each [origins].

    MAE, RMSE, MAPE (%) and directional accuracy: how often the forecast moves from the last level
    the way the actual level did (a forecast that does not move, like persistence, has none).
    """
    error = predicted - actual
    scores = {"mae": float(np.mean(np.abs(error))), "rmse": float(np.sqrt(np.mean(error ** 2))),
              "mape": float(100 * np.mean(np.abs(error) / np.abs(actual)))}
    moved = predicted != last
    scores["direction"] = (float(np.mean(np.sign(predicted - last)[moved] == np.sign(actual - last)[moved]))
                           if moved.any() else float("nan"))
    return scores


def skill(rmse: float, reference_rmse: float) -> float:
    """1 - RMSE / reference RMSE: above 0 beats the reference, 0 ties, below 0 loses."""
    return 1.0 - rmse / reference_rmse if reference_rmse > 0 else float("nan")


def alert_scores(actual: np.ndarray, predicted: np.ndarray, below: float | None = None,
                 above: float | None = None) -> dict[str, float]:
    """An alert fires when the forecast crosses the threshold; it is right when the actual level did too."""
    if below is not None:
        fired, happened = predicted < below, actual < below
    else:
        fired, happened = predicted > above, actual > above
    hits = int(np.sum(fired & happened))
    return {"precision": hits / int(fired.sum()) if fired.any() else float("nan"),
            "recall": hits / int(happened.sum()) if happened.any() else float("nan"),
            "alerts": int(fired.sum()), "events": int(happened.sum())}
