"""Stock forecasting: daily closing prices in, the next days' prices with an 80 % interval out,
always beside the persistence (tomorrow = today) and drift forecasts.

The model reads scaled daily log returns (and, optionally, the day's high-low range and volume
change), so one model serves every ticker and any uploaded price file. Published experience is
that such models rarely beat persistence; the scores say plainly whether this one does.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..data import Splits
from ..data.time_series import STOCK_TEST_START, STOCK_VALIDATION_START, TICKERS, load_stock_prices
from ..hparams import hp
from ..series.baselines import drift, persistence
from ..series.scaling import SeriesScaler
from ..series.scores import forecast_errors, skill
from ..series.windows import PreparedSeries, SeriesPart, split_by_time
from .base import BadInput, Dataset
from .forecasting import (
    MEDIAN,
    ForecastHyperparameters,
    ForecastTask,
    WindowSet,
    forecast_levels,
    interval_coverage,
    shortest_window,
)
from .price_file import read_price_file

UPLOAD_TEST_SHARE = 0.2  # an uploaded file's last fifth is its backtest period
SCORED_HORIZONS = (1, 5, 20)  # trading days: a day, a week, about a month
BASELINES = ("persistence", "drift")


@dataclass
class StockHyperparameters(ForecastHyperparameters):
    extra_features: bool = hp(False)


def prepare_prices(frame: pd.DataFrame, name: str) -> PreparedSeries:
    """Date, Close (and Open/High/Low/Volume) -> features: log return, log(high/low), log volume change."""
    close = frame["Close"].to_numpy(dtype=np.float64)
    returns = np.concatenate([[np.nan], np.diff(np.log(close))])  # [days]
    if {"High", "Low"} <= set(frame.columns):
        spread = np.log(frame["High"].to_numpy(dtype=np.float64) / frame["Low"].to_numpy(dtype=np.float64))
    else:
        spread = np.full(len(close), np.nan)
    if "Volume" in frame.columns:
        volume = np.log1p(frame["Volume"].to_numpy(dtype=np.float64))
        volume_change = np.concatenate([[np.nan], np.diff(volume)])
    else:
        volume_change = np.full(len(close), np.nan)
    features = np.stack([returns, spread, volume_change], axis=1)  # [days, 3]
    return PreparedSeries(name, frame["Date"].to_numpy(), close, features)


def load_stock_series() -> Splits[list[SeriesPart]]:
    """AAPL, GOOG, IBM and MSFT, each split on the same dates."""
    parts = [split_by_time(prepare_prices(load_stock_prices(ticker), ticker), STOCK_VALIDATION_START, STOCK_TEST_START)
             for ticker in TICKERS]
    return Splits(**{split: [p for ticker in parts for p in ticker[split]] for split in ("train", "validation", "test")})


def price_errors(actual: np.ndarray, forecasts: dict[str, np.ndarray], last: np.ndarray) -> dict[str, Any]:
    """At one horizon: each forecast's errors ({"model": {"rmse": ...}, "persistence": ...}) and the model's
    skill against both baselines ("skill_vs_persistence", "skill_vs_drift")."""
    scores: dict[str, Any] = {name: forecast_errors(actual, predicted, last) for name, predicted in forecasts.items()}
    for baseline in BASELINES:
        scores[f"skill_vs_{baseline}"] = skill(scores["model"]["rmse"], scores[baseline]["rmse"])
    return scores


class StockTask(ForecastTask):
    name = "stocks"
    Hyperparameters = StockHyperparameters
    relative = True
    datasets = {
        "stocks": Dataset(load_stock_series, None, {},
                          recommended={"epochs": 30, "patience": 5}),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 16, "epochs": 2},
        "gru": {"cell": "gru"},
    }

    def input_features(self, hparams) -> int:
        return 3 if hparams.extra_features else 1

    def final_scores(self, examples: WindowSet, predicted: np.ndarray, setup) -> dict[str, Any]:
        """{"horizons": {"1": price_errors + "coverage" + "skill_by_ticker", "5": ...}}: days ahead as keys."""
        horizon = predicted.shape[1]
        last, actual = examples.last_levels(), examples.future(horizon)
        drifted = np.concatenate([drift(examples.levels[s], examples.ends[examples.series == s], horizon, relative=True)
                                  for s in range(len(examples.levels))])
        horizons = {}
        for h in sorted({h for h in SCORED_HORIZONS if h <= horizon} | {horizon}):
            forecasts = {"model": predicted[:, h - 1, MEDIAN], "persistence": persistence(last, horizon)[:, h - 1],
                         "drift": drifted[:, h - 1]}
            scores = price_errors(actual[:, h - 1], forecasts, last)
            scores["coverage"] = interval_coverage(actual[:, h - 1], predicted[:, h - 1])
            # dollars pool badly (AAPL and GOOG move by more dollars a day than IBM and MSFT): each ticker's own skill
            scores["skill_by_ticker"] = {}
            for index, ticker in enumerate(examples.names):
                mine = examples.series == index
                scores["skill_by_ticker"][ticker] = skill(
                    forecast_errors(actual[mine, h - 1], forecasts["model"][mine], last[mine])["rmse"],
                    forecast_errors(actual[mine, h - 1], forecasts["persistence"][mine], last[mine])["rmse"])
            horizons[str(h)] = scores
        return {"horizons": horizons}

    def predictor(self, model, hparams, checkpoint) -> "StockForecaster":
        return StockForecaster(self, model, hparams, checkpoint.fitted["scaler"])


@dataclass
class Backtest:
    """Forecasts made at every origin of the test period, `horizon` days ahead, against what happened."""

    dates: np.ndarray  # [origins] the day each forecast was for
    actual: np.ndarray  # [origins]
    forecasts: dict[str, np.ndarray]  # model, persistence, drift: [origins] each
    scores: dict[str, Any]  # price_errors at this horizon


@dataclass
class StockForecast:
    name: str
    history: pd.DataFrame  # Date, Close (and Open, High, Low, Volume)
    dates: list[pd.Timestamp]  # the next `horizon` business days
    quantiles: np.ndarray  # [horizon, quantiles] prices
    baselines: dict[str, np.ndarray]  # persistence, drift: [horizon] prices
    backtest: Backtest | None  # None when the file is too short to backtest
    test_start: pd.Timestamp | None
    window: int
    horizon: int
    rows_in_file: int  # an uploaded file may have more rows than `history`, which holds the most recent ones
    newest_first: bool = False  # the uploaded file listed its newest day first (it was read backwards)

    @property
    def beats_persistence(self) -> bool | None:
        return None if self.backtest is None else self.backtest.scores["skill_vs_persistence"] > 0

    def summary(self) -> str:
        lines = [f"{self.name}: last close {self.history['Close'].iloc[-1]:.2f} on {self.history['Date'].iloc[-1]:%Y-%m-%d}"]
        for day, (low, median, high) in zip(self.dates, self.quantiles):
            lines.append(f"{day:%Y-%m-%d}  {median:10.2f}  (80 % interval {low:.2f} to {high:.2f})")
        if self.backtest is not None:
            s = self.backtest.scores
            lines.append(f"backtest, {self.horizon} day(s) ahead: model RMSE {s['model']['rmse']:.2f}, persistence "
                         f"{s['persistence']['rmse']:.2f}, drift {s['drift']['rmse']:.2f}; skill vs persistence "
                         f"{s['skill_vs_persistence']:+.3f}")
        return "\n".join(lines)


class StockForecaster:
    def __init__(self, task: StockTask, model, hparams: StockHyperparameters, scaler: SeriesScaler):
        self.task, self.model, self.hparams, self.scaler = task, model, hparams, scaler

    @property
    def shortest_window(self) -> int:
        return shortest_window(self.hparams.window)

    def load(self, source: str | Path) -> tuple[str, pd.DataFrame, pd.Timestamp | None]:
        """A ticker from the sample data, or the path of an uploaded CSV: (name, prices, start of its test period)."""
        if str(source).upper() in TICKERS:
            return str(source).upper(), load_stock_prices(str(source).upper()), STOCK_TEST_START
        frame = read_price_file(source, min_rows=self.shortest_window + 2)
        if self.hparams.extra_features and not {"High", "Low", "Volume"} <= set(frame.columns):
            raise BadInput("csv_needs_ohlcv")
        test_start = frame["Date"].iloc[int(len(frame) * (1 - UPLOAD_TEST_SHARE))]
        return Path(source).stem, frame, test_start

    def quantiles(self, series: PreparedSeries, ends: np.ndarray, window: int) -> np.ndarray:
        """Price quantiles for forecasts made at each origin: [origins, model horizon, quantiles]."""
        return forecast_levels(self.model, self.scaler, self.task.readable(series, self.hparams, self.scaler), ends, window)

    def predict(self, source: str | Path, horizon: int | None = None, window: int | None = None) -> StockForecast:
        horizon = horizon or self.hparams.horizon
        window = window or self.hparams.window
        if not 1 <= horizon <= self.hparams.horizon:
            raise BadInput("horizon_range", limit=self.hparams.horizon)
        if not self.shortest_window <= window <= self.hparams.window:
            raise BadInput("window_range", low=self.shortest_window, high=self.hparams.window)
        name, frame, test_start = self.load(source)
        if len(frame) < window + 1:
            raise BadInput("csv_too_short", rows=len(frame), minimum=window + 1)
        series = prepare_prices(frame, name)
        end = np.array([len(series) - 1])
        quantiles = self.quantiles(series, end, window)[0, :horizon]  # [horizon, quantiles]
        baselines = {"persistence": persistence(series.levels[end], horizon)[0],
                     "drift": drift(series.levels, end, horizon, relative=True)[0]}
        dates = list(pd.bdate_range(frame["Date"].iloc[-1] + pd.offsets.BDay(1), periods=horizon))
        return StockForecast(name, frame, dates, quantiles, baselines, self.backtest(series, test_start, window, horizon),
                             test_start, window, horizon, frame.attrs.get("rows_in_file", len(frame)),
                             frame.attrs.get("newest_first", False))

    def backtest(self, series: PreparedSeries, test_start: pd.Timestamp, window: int, horizon: int) -> Backtest | None:
        """Rolling origin: a forecast from every day whose `horizon`-day target falls in the test period."""
        start = int(pd.DatetimeIndex(series.times).searchsorted(test_start))
        ends = np.arange(max(start - horizon, window), len(series) - horizon)
        if len(ends) == 0:
            return None
        predicted = self.quantiles(series, ends, window)[:, horizon - 1, MEDIAN]
        last, actual = series.levels[ends], series.levels[ends + horizon]
        forecasts = {"model": predicted, "persistence": last,
                     "drift": drift(series.levels, ends, horizon, relative=True)[:, horizon - 1]}
        return Backtest(series.times[ends + horizon], actual, forecasts, price_errors(actual, forecasts, last))
