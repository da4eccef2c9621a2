"""Glucose forecasting: a continuous glucose monitor's readings in, the next hour out (every
5 minutes), with alerts when the forecast falls below 70 mg/dL (hypoglycaemia) or rises above
180 mg/dL (hyperglycaemia). Scored at 30 and 60 minutes against persistence. A teaching demo,
not a medical device.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..data import Splits, load_glucose
from ..series.baselines import persistence
from ..series.scaling import SeriesScaler
from ..series.scores import alert_scores, forecast_errors, skill
from ..series.windows import PreparedSeries, SeriesPart, origins, split_by_time
from .base import BadInput, Dataset
from .forecasting import MEDIAN, ForecastTask, WindowSet, forecast_levels, interval_coverage

STEP = pd.Timedelta(minutes=5)
MAX_FILLED_STEPS = 2  # gaps of up to 10 minutes are interpolated; longer ones break the series
HYPO, HYPER = 70.0, 180.0  # mg/dL
SCORED_MINUTES = (30, 60)


def regular_grid(frame: pd.DataFrame) -> pd.Series:
    """Readings (Time, Glucose) -> one value every 5 minutes, NaN across gaps longer than 10 minutes."""
    readings = frame.groupby(frame["Time"].dt.round(STEP))["Glucose"].mean()
    grid = readings.reindex(pd.date_range(readings.index[0], readings.index[-1], freq=STEP))
    missing = grid.isna()
    gap_length = missing.groupby((~missing).cumsum()).transform("sum")  # at each missing step, the length of its gap
    return grid.interpolate(limit_area="inside").where(~missing | (gap_length <= MAX_FILLED_STEPS))


def prepare_glucose(grid: pd.Series) -> PreparedSeries:
    """Features: the level, its change over the last 5 minutes, and the time of day (as a point on a circle)."""
    levels = grid.to_numpy(dtype=np.float64)
    change = np.concatenate([[np.nan], np.diff(levels)])
    day = 2 * np.pi * (grid.index.hour * 60 + grid.index.minute).to_numpy() / (24 * 60)
    features = np.stack([levels, change, np.sin(day), np.cos(day)], axis=1)  # [steps, 4]
    return PreparedSeries("glucose", grid.index.to_numpy(), levels, features)


def load_glucose_series() -> Splits[list[SeriesPart]]:
    """The monitor's readings on a 5-minute grid, split where `load_glucose` splits them (70 / 15 / 15 % by time)."""
    splits = load_glucose()
    frame = pd.concat([splits.train, splits.validation, splits.test], ignore_index=True)
    series = prepare_glucose(regular_grid(frame))
    return split_by_time(series, splits.validation["Time"].iloc[0].round(STEP), splits.test["Time"].iloc[0].round(STEP))


def steps(minutes: int) -> int:
    return minutes // 5


class GlucoseTask(ForecastTask):
    name = "glucose"
    relative = False
    datasets = {
        "cgm": Dataset(load_glucose_series, None, {},
                       recommended={"window": 36, "horizon": 12, "hidden_size": 64, "epochs": 30, "patience": 5,
                                    "batch_size": 128}),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 16, "epochs": 2},
        "gru": {"cell": "gru"},
    }

    def input_features(self, hparams) -> int:
        return 4

    def final_scores(self, examples: WindowSet, predicted: np.ndarray, setup) -> dict[str, Any]:
        """{"horizons": {"30": {"model": {"rmse", "mae", "hypo": alert_scores, "hyper": ...}, "persistence": ...,
        "skill", "coverage"}, "60": ...}}: minutes ahead as keys."""
        horizon = predicted.shape[1]
        last, actual = examples.last_levels(), examples.future(horizon)
        horizons = {}
        for minutes in SCORED_MINUTES:
            h = steps(minutes)
            if h > horizon:
                continue
            forecasts = {"model": predicted[:, h - 1, MEDIAN], "persistence": persistence(last, horizon)[:, h - 1]}
            scores: dict[str, Any] = {}
            for name, values in forecasts.items():
                errors = forecast_errors(actual[:, h - 1], values, last)
                scores[name] = {"mae": errors["mae"], "rmse": errors["rmse"],
                                "hypo": alert_scores(actual[:, h - 1], values, below=HYPO),
                                "hyper": alert_scores(actual[:, h - 1], values, above=HYPER)}
            scores["skill"] = skill(scores["model"]["rmse"], scores["persistence"]["rmse"])
            scores["coverage"] = interval_coverage(actual[:, h - 1], predicted[:, h - 1])
            horizons[str(minutes)] = scores
        return {"horizons": horizons}

    def predictor(self, model, hparams, checkpoint) -> "GlucoseForecaster":
        return GlucoseForecaster(self, model, hparams, checkpoint.fitted["scaler"])


@dataclass
class GlucoseForecast:
    history_times: np.ndarray  # [window] datetime64
    history: np.ndarray  # [window] mg/dL
    times: np.ndarray  # [horizon] the forecast's times
    quantiles: np.ndarray  # [horizon, quantiles] mg/dL
    actual: np.ndarray  # [horizon] what the monitor read then (NaN where it read nothing)
    persistence: np.ndarray  # [horizon]

    def alerts(self) -> list[tuple[str, int, float]]:
        """(hypo or hyper, minutes ahead, forecast mg/dL) for each scored time whose forecast crosses a threshold."""
        found = []
        for minutes in SCORED_MINUTES:
            if steps(minutes) <= len(self.times):
                value = float(self.quantiles[steps(minutes) - 1, MEDIAN])
                if value < HYPO:
                    found.append(("hypo", minutes, value))
                elif value > HYPER:
                    found.append(("hyper", minutes, value))
        return found

    def outcomes(self) -> list[tuple[str, str, int, float, float]]:
        """Each scored time's alert held against what the monitor then read: (outcome, hypo or hyper, minutes
        ahead, forecast, measured) with outcome "right" (an alert, and it happened), "false" (an alert that did not
        happen) or "missed" (no alert, but the monitor crossed the threshold). Times without a reading are left out."""
        found = []
        for minutes in SCORED_MINUTES:
            step = steps(minutes) - 1
            if step >= len(self.times) or np.isnan(self.actual[step]):
                continue
            forecast, measured = float(self.quantiles[step, MEDIAN]), float(self.actual[step])
            for kind, crossed in (("hypo", lambda v: v < HYPO), ("hyper", lambda v: v > HYPER)):
                if crossed(forecast) or crossed(measured):
                    outcome = "right" if crossed(forecast) and crossed(measured) else "false" if crossed(forecast) else "missed"
                    found.append((outcome, kind, minutes, forecast, measured))
        return found

    def summary(self) -> str:
        lines = [f"now ({pd.Timestamp(self.history_times[-1]):%Y-%m-%d %H:%M}): {self.history[-1]:.0f} mg/dL"]
        for minutes in SCORED_MINUTES:
            if steps(minutes) <= len(self.times):
                low, median, high = self.quantiles[steps(minutes) - 1]
                lines.append(f"+{minutes} min: {median:.0f} mg/dL (80 % interval {low:.0f} to {high:.0f}); "
                             f"measured {self.actual[steps(minutes) - 1]:.0f}")
        lines += [f"ALERT {kind} in {minutes} min ({value:.0f} mg/dL)" for kind, minutes, value in self.alerts()]
        return "\n".join(lines)


class GlucoseForecaster:
    """Forecasts from any moment of the monitor's test period (the model never trained on it)."""

    def __init__(self, task: GlucoseTask, model, hparams, scaler: SeriesScaler):
        self.task, self.model, self.hparams, self.scaler = task, model, hparams, scaler
        self.part = load_glucose_series().test[0]
        self.series = task.readable(self.part.series, hparams, scaler)
        # every test-period step with a full window of readings behind it (its future may be missing)
        self.ends = origins(SeriesPart(self.series, self.part.start + 1, len(self.series)), hparams.window, 0)
        self._samples: dict[int, list[tuple[str, pd.Timestamp]]] = {}  # per_kind -> sample_moments

    def moments(self) -> list[pd.Timestamp]:
        """Every test-period time a forecast can be made from."""
        return [pd.Timestamp(t) for t in self.part.series.times[self.ends]]

    def sample_moments(self, per_kind: int = 3) -> list[tuple[str, pd.Timestamp]]:
        """Test-period moments worth a look: 30 minutes before the level fell below 70 or rose above 180
        (as the monitor later read it), and calm ones; (kind, time), spread over the period. Worked out once
        (the picker asks on every language switch)."""
        if per_kind not in self._samples:
            self._samples[per_kind] = self._find_sample_moments(per_kind)
        return self._samples[per_kind]

    def _find_sample_moments(self, per_kind: int) -> list[tuple[str, pd.Timestamp]]:
        times = pd.DatetimeIndex(self.part.series.times)
        candidates = np.array(times.get_indexer(self.moments()))
        candidates = candidates[candidates + steps(30) < len(times)]
        now, later = self.part.series.levels[candidates], self.part.series.levels[candidates + steps(30)]
        kinds = {"falling": (now >= HYPO + 10) & (later < HYPO), "rising": (now <= HYPER - 10) & (later > HYPER),
                 "steady": (np.abs(later - now) < 3) & (now > HYPO + 20) & (now < HYPER - 20)}
        chosen = []
        for kind, found in kinds.items():
            ends = candidates[found]
            for i in np.linspace(0, len(ends) - 1, min(per_kind, len(ends))).round().astype(int):
                chosen.append((kind, times[ends[i]]))
        return sorted(chosen, key=lambda item: item[1])

    def predict(self, moment: str | pd.Timestamp) -> GlucoseForecast:
        series, window, horizon = self.part.series, self.hparams.window, self.hparams.horizon
        first, last = pd.Timestamp(series.times[self.part.start]), pd.Timestamp(series.times[-1])
        outside = BadInput("glucose_outside", first=f"{first:%Y-%m-%d %H:%M}", last=f"{last:%Y-%m-%d %H:%M}")
        if moment is None or not str(moment).strip():
            raise outside
        try:
            when = pd.Timestamp(moment)
        except (ValueError, TypeError, OverflowError):
            raise BadInput("glucose_time", cell=str(moment)[:30]) from None
        if pd.isna(when) or not first <= when.floor(STEP) <= last:  # before the test period, or after its last reading
            raise outside
        times = pd.DatetimeIndex(series.times)
        end = int(times.searchsorted(when.floor(STEP), side="right")) - 1
        if end not in self.ends:
            raise BadInput("glucose_gap")
        quantiles = forecast_levels(self.model, self.scaler, self.series, np.array([end]), window)[0]  # [horizon, quantiles]
        last = series.levels[end:end + 1]
        future = np.arange(end + 1, end + horizon + 1)
        inside = future < len(series)
        actual = np.full(horizon, np.nan)
        actual[inside] = series.levels[future[inside]]
        return GlucoseForecast(series.times[end - window + 1:end + 1], series.levels[end - window + 1:end + 1],
                               np.array([times[end] + STEP * h for h in range(1, horizon + 1)], dtype="datetime64[ns]"),
                               quantiles, actual, persistence(last, horizon)[0])
