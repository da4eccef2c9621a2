"""Forecasting: splits without leakage, scalers fitted on training data only, baselines and scores on
hand-made series, and real tiny stock and glucose models answering."""

import numpy as np
import pandas as pd
import pytest
import torch

from seqdemo.models.forecaster import pinball_loss
from seqdemo.series.baselines import drift, persistence
from seqdemo.series.scaling import SeriesScaler
from seqdemo.series.scores import alert_scores, forecast_errors, skill
from seqdemo.series.windows import PreparedSeries, SeriesPart, origins, split_by_time
from seqdemo.tasks import BadInput, get_task
from seqdemo.tasks.glucose import load_glucose_series, regular_grid
from seqdemo.tasks.runner import load_model, train
from seqdemo.tasks.stocks import load_stock_series


def hand_made(levels, start="2020-01-01", freq="D") -> PreparedSeries:
    levels = np.asarray(levels, dtype=np.float64)
    features = np.stack([levels, np.concatenate([[np.nan], np.diff(levels)])], axis=1)
    return PreparedSeries("hand", pd.date_range(start, periods=len(levels), freq=freq).to_numpy(), levels, features)


def test_persistence_and_drift_on_a_hand_made_series():
    levels = np.array([100.0, 102.0, 104.0, 106.0])
    ends = np.array([1, 3])
    assert persistence(levels[ends], 2).tolist() == [[102.0, 102.0], [106.0, 106.0]]
    assert drift(levels, ends, 2, relative=False).tolist() == [[104.0, 106.0], [108.0, 110.0]]
    doubling = np.array([1.0, 2.0, 4.0])
    assert drift(doubling, np.array([2]), 2, relative=True) == pytest.approx(np.array([[8.0, 16.0]]))


def test_forecast_errors_skill_and_alerts_on_hand_made_numbers():
    actual, last = np.array([10.0, 12.0, 8.0]), np.array([10.0, 10.0, 10.0])
    predicted = np.array([11.0, 11.0, 9.0])
    errors = forecast_errors(actual, predicted, last)
    assert errors["mae"] == pytest.approx(1.0) and errors["rmse"] == pytest.approx(1.0)
    assert errors["mape"] == pytest.approx(100 * (0.1 + 1 / 12 + 1 / 8) / 3)
    assert errors["direction"] == pytest.approx(2 / 3)  # up, up (right), down (right); the first actual did not move
    assert np.isnan(forecast_errors(actual, last, last)["direction"])  # persistence never moves
    assert skill(1.0, 2.0) == 0.5 and skill(2.0, 2.0) == 0.0
    alerts = alert_scores(np.array([60.0, 80.0, 65.0, 90.0]), np.array([65.0, 68.0, 75.0, 95.0]), below=70)
    assert (alerts["precision"], alerts["recall"], alerts["alerts"], alerts["events"]) == (0.5, 0.5, 2, 2)


def test_pinball_loss_at_the_median_is_half_the_absolute_error():
    predicted, target = torch.tensor([[[1.0], [2.0]]]), torch.tensor([[3.0, 1.0]])
    assert float(pinball_loss(predicted, target, torch.tensor([0.5]))) == pytest.approx(0.5 * (2 + 1) / 2)


def test_origins_need_a_whole_window_and_every_target_inside_the_part():
    series = hand_made([1, 2, 3, np.nan, 5, 6, 7, 8, 9, 10])
    part = SeriesPart(series, 0, 10)
    # step 0 has no change yet; step 3 is missing, so step 4 has no change either
    assert origins(part, window=2, horizon=1).tolist() == [6, 7, 8]
    assert origins(SeriesPart(series, 7, 10), window=2, horizon=2).tolist() == [6, 7]


def test_stock_splits_never_train_on_a_later_date_than_they_test():
    data = load_stock_series()
    hparams = get_task("stocks").hyperparameters("stocks")
    for train_part, validation_part, test_part in zip(data.train, data.validation, data.test):
        times = train_part.series.times
        train_targets = origins(train_part, hparams.window, hparams.horizon) + hparams.horizon
        validation_targets = origins(validation_part, hparams.window, 1) + 1
        test_targets = origins(test_part, hparams.window, 1) + 1
        assert times[train_targets].max() < times[validation_targets].min() <= times[validation_targets].max()
        assert times[validation_targets].max() < times[test_targets].min()
        assert pd.Timestamp(times[test_targets].min()) >= pd.Timestamp("2012-01-01")


def test_the_scaler_sees_only_the_training_period():
    series = hand_made(np.linspace(100, 200, 40))
    splits = split_by_time(series, "2020-01-21", "2020-01-31")
    scaler = SeriesScaler.fit(splits.train, relative=False)
    later = series.features.copy()
    later[20:] *= 1000  # anything after the training period must not matter
    changed = PreparedSeries("hand", series.times, np.concatenate([series.levels[:20], series.levels[20:] * 1000]), later)
    assert SeriesScaler.fit(split_by_time(changed, "2020-01-21", "2020-01-31").train, relative=False) == scaler
    assert scaler.mean[0] == pytest.approx(np.mean(series.levels[:20]))


def test_scaled_targets_turn_back_into_levels():
    scaler = SeriesScaler((0.0,), (1.0,), step=0.02, relative=True)
    last, future = np.array([100.0, 50.0]), np.array([[101.0, 99.0], [50.0, 55.0]])
    assert scaler.levels(last, scaler.targets(last, future)) == pytest.approx(future)


def test_glucose_gaps_up_to_ten_minutes_are_filled_and_longer_ones_are_not():
    times = pd.to_datetime(["2010-01-01 00:00", "2010-01-01 00:05", "2010-01-01 00:15", "2010-01-01 00:40",
                            "2010-01-01 00:45"])
    grid = regular_grid(pd.DataFrame({"Time": times, "Glucose": [100.0, 110.0, 130.0, 80.0, 90.0]}))
    assert grid["2010-01-01 00:10"] == pytest.approx(120.0)
    assert grid[["2010-01-01 00:20", "2010-01-01 00:35"]].isna().all() and len(grid) == 10


def test_glucose_splits_are_in_time_order():
    data = load_glucose_series()
    train, validation, test = data.train[0], data.validation[0], data.test[0]
    assert 0 < train.end == validation.start < validation.end == test.start < test.end == len(test.series)


@pytest.fixture(scope="module")
def stock_forecaster(tmp_path_factory, cpu):
    hparams = get_task("stocks").hyperparameters("stocks", "quick", epochs=1, hidden_size=8, window=20, horizon=5)
    path = train("stocks", "stocks", hparams, tmp_path_factory.mktemp("ckpt") / "stocks", cpu)
    task, hparams, model, checkpoint = load_model(path, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_a_ticker_is_forecast_with_an_interval_baselines_and_a_backtest(stock_forecaster):
    forecast = stock_forecaster.predict("AAPL", horizon=3, window=10)
    assert forecast.quantiles.shape == (3, 3) and (np.diff(forecast.quantiles, axis=1) >= 0).all()
    assert forecast.dates[0] > forecast.history["Date"].iloc[-1] and all(d.weekday() < 5 for d in forecast.dates)
    assert forecast.baselines["persistence"].tolist() == [forecast.history["Close"].iloc[-1]] * 3
    backtest = forecast.backtest
    assert pd.Timestamp(backtest.dates.min()) >= pd.Timestamp("2012-01-01")
    assert {"model", "persistence", "drift", "skill_vs_persistence"} <= set(backtest.scores)
    assert forecast.beats_persistence == (backtest.scores["model"]["rmse"] < backtest.scores["persistence"]["rmse"])


def test_an_uploaded_price_file_is_forecast(stock_forecaster, tmp_path):
    prices = 50 * np.exp(np.cumsum(np.random.default_rng(0).normal(0, 0.01, 120)))
    dates = pd.bdate_range("2021-01-04", periods=120)
    path = tmp_path / "mine.csv"
    pd.DataFrame({"Date": dates.strftime("%Y-%m-%d"), "Close": prices.round(2)}).to_csv(path, index=False)
    forecast = stock_forecaster.predict(str(path), horizon=5)
    assert forecast.name == "mine" and len(forecast.dates) == 5
    assert forecast.backtest is not None and pd.Timestamp(forecast.test_start) == dates[96]


@pytest.mark.parametrize("options, code", [({"horizon": 6}, "horizon_range"), ({"window": 3}, "window_range"),
                                           ({"window": 21}, "window_range")])
def test_out_of_range_settings_are_refused(stock_forecaster, options, code):
    with pytest.raises(BadInput) as refused:
        stock_forecaster.predict("IBM", **options)
    assert refused.value.code == code


def test_a_glucose_forecast_from_a_test_period_moment(tmp_path, cpu):
    hparams = get_task("glucose").hyperparameters("cgm", "quick", epochs=1, hidden_size=8, train_examples=1)
    path = train("glucose", "cgm", hparams, tmp_path / "glucose", cpu)
    task, hparams, model, checkpoint = load_model(path, cpu)
    forecaster = task.predictor(model, hparams, checkpoint)
    moment = forecaster.moments()[100]
    forecast = forecaster.predict(str(moment))
    assert len(forecast.history) == hparams.window and pd.Timestamp(forecast.history_times[-1]) == moment
    assert forecast.quantiles.shape == (12, 3) and np.isfinite(forecast.actual).any()
    with pytest.raises(BadInput) as refused:
        forecaster.predict("2010-04-01 08:00")  # a training-period time
    assert refused.value.code == "glucose_outside"
    with pytest.raises(BadInput) as refused:
        forecaster.predict("teatime")
    assert refused.value.code == "glucose_time"
    for after_or_nothing in ("2025-01-01", "", None, "   "):  # these forecast silently from the last moment
        with pytest.raises(BadInput) as refused:
            forecaster.predict(after_or_nothing)
        assert refused.value.code == "glucose_outside"
    for outcome, kind, _minutes, predicted, measured in forecast.outcomes():
        threshold = (lambda v: v < 70) if kind == "hypo" else (lambda v: v > 180)
        assert outcome == {(True, True): "right", (True, False): "false", (False, True): "missed"}[
            (threshold(predicted), threshold(measured))]


def test_a_missed_alert_and_a_false_alarm_are_named():
    from seqdemo.tasks.glucose import GlucoseForecast

    times = np.array(["2010-09-20T08:00"] * 12, dtype="datetime64[ns]")
    quantiles = np.full((12, 3), 100.0)
    quantiles[5] = [60, 65, 80]  # 30 minutes ahead the forecast says 65: an alert
    actual = np.full(12, 100.0)
    actual[11] = 50  # 60 minutes ahead the monitor reads 50, and the forecast (100) said nothing
    forecast = GlucoseForecast(times, np.full(36, 100.0), times, quantiles, actual, np.full(12, 100.0))
    assert forecast.outcomes() == [("false", "hypo", 30, 65.0, 100.0), ("missed", "hypo", 60, 100.0, 50.0)]
