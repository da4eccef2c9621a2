"""The Stocks tab: forecast a ticker or an uploaded price file, with an 80 % interval, beside the
persistence and drift forecasts, and a rolling-origin backtest that says plainly whether the model
beats persistence. Not financial advice, and the tab says so first."""

import math

import gradio as gr
import pandas as pd
import plotly.graph_objects as go

from ..data.time_series import TICKERS
from ..series.scores import skill
from ..serve import ModelEntry, PredictorCache
from ..tasks import get_task
from ..tasks.forecasting import shortest_window
from ..tasks.stocks import StockForecast
from ..train.checkpoint import figure_at
from .localizer import Localizer, t, t_user
from .models import ModelPicker, ask, find_entry
from .plots import date_axis

TASK = get_task("stocks")
SHOWN_DAYS = 120  # of history on the chart
ZOOM_DAYS = 45  # calendar days before the forecast that the chart opens on
CANDLE_DAYS = 60  # the most recent days drawn as candles (when the prices have Open/High/Low)
FORECASTS = ("model", "persistence", "drift")
TABLE_COLUMNS = [f"stocks.column.{c}" for c in ("forecast", "mae", "rmse", "mape", "direction", "skill")]
TIE = 0.01  # a skill closer to 0 than this is called a tie: too small to matter, and within day-to-day noise
COLOURS = {"model": "#d62728", "persistence": "#7f7f7f", "drift": "#2ca02c"}


def chart(forecast: StockForecast, lang: str) -> go.Figure:
    history = forecast.history.tail(SHOWN_DAYS)
    figure = go.Figure()
    candles = history.tail(CANDLE_DAYS) if {"Open", "High", "Low"} <= set(history.columns) else history.iloc[:0]
    line = history.iloc[: len(history) - len(candles) + 1] if len(candles) else history
    figure.add_scatter(x=line["Date"], y=line["Close"], mode="lines", name=t("stocks.close", lang), line=dict(color="#1f2937"))
    if len(candles):
        figure.add_candlestick(x=candles["Date"], open=candles["Open"], high=candles["High"], low=candles["Low"],
                               close=candles["Close"], name=t("stocks.daily", lang))
    if forecast.backtest is not None:
        shown = forecast.backtest.dates >= history["Date"].iloc[0].to_datetime64()
        figure.add_scatter(x=forecast.backtest.dates[shown], y=forecast.backtest.forecasts["model"][shown], mode="lines",
                           name=t("stocks.backtest_line", lang, horizon=forecast.horizon),
                           line=dict(color=COLOURS["model"], width=1, dash="dot"))
    last_day, last_close = history["Date"].iloc[-1], history["Close"].iloc[-1]
    days = [last_day] + forecast.dates
    low, median, high = ([last_close] + forecast.quantiles[:, q].tolist() for q in range(3))
    figure.add_scatter(x=days + days[::-1], y=high + low[::-1], mode="lines", fill="toself",
                       fillcolor="rgba(214, 39, 40, 0.15)", line=dict(width=0), name=t("stocks.interval", lang), hoverinfo="skip")
    figure.add_scatter(x=days, y=median, mode="lines+markers", name=t("stocks.forecast.model", lang),
                       line=dict(color=COLOURS["model"], width=2))
    for baseline in ("persistence", "drift"):
        figure.add_scatter(x=days, y=[last_close] + forecast.baselines[baseline].tolist(), mode="lines",
                           name=t(f"stocks.forecast.{baseline}", lang), line=dict(color=COLOURS[baseline], dash="dash"))
    if forecast.test_start is not None and forecast.test_start >= history["Date"].iloc[0]:
        figure.add_vline(x=forecast.test_start, line=dict(color="#9ca3af", dash="dot"))
    # zoomed on the last weeks and the forecast (a few days at the edge of four months would be a blob); the
    # toolbar's "reset axes" shows all of the history
    start = max(history["Date"].iloc[0], last_day - pd.Timedelta(days=ZOOM_DAYS))
    figure.update_layout(height=440, margin=dict(l=50, r=20, t=30, b=40), xaxis_rangeslider_visible=False,
                         xaxis_range=[start, days[-1] + pd.Timedelta(days=2)], yaxis_title=t("stocks.price", lang),
                         legend=dict(orientation="h", y=-0.15))
    return date_axis(figure, lang, "days")


def percent(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.1%}"


def signed(value: float) -> str:
    """A skill score; undefined (persistence was exact, so nothing can beat it) shows as a dash."""
    return "—" if math.isnan(value) else f"{value:+.3f}"


def scores_table(forecast: StockForecast, lang: str) -> pd.DataFrame | None:
    if forecast.backtest is None:
        return None
    s = forecast.backtest.scores
    rows = [[t(f"stocks.forecast.{name}", lang), f"{s[name]['mae']:.2f}", f"{s[name]['rmse']:.2f}",
             f"{s[name]['mape']:.2f} %", percent(s[name]["direction"]),
             signed(skill(s[name]["rmse"], s["persistence"]["rmse"]))]
            for name in FORECASTS]
    columns = [t(key, lang) for key in TABLE_COLUMNS]
    return pd.DataFrame(rows, columns=columns)


def verdict(forecast: StockForecast, lang: str) -> str:
    if forecast.backtest is None:
        return t("stocks.no_backtest", lang)
    s, dates = forecast.backtest.scores, forecast.backtest.dates
    score = s["skill_vs_persistence"]
    values = {"horizon": forecast.horizon, "origins": len(dates), "start": f"{pd.Timestamp(dates.min()):%Y-%m-%d}",
              "end": f"{pd.Timestamp(dates.max()):%Y-%m-%d}", "model": s["model"]["rmse"], "persistence": s["persistence"]["rmse"],
              "skill": signed(score)}
    if math.isnan(score):  # persistence was exact over the whole backtest
        return t("stocks.verdict.ties" if values["model"] == 0 else "stocks.verdict.loses", lang, **values)
    if abs(score) < TIE:
        return t("stocks.verdict.ties", lang, **values)
    return t("stocks.verdict.beats" if forecast.beats_persistence else "stocks.verdict.loses", lang, **values)


def forecast_prices(ticker: str, upload: str | None, window: int, horizon: int, path: str | None, lang: str,
                    cache: PredictorCache):
    """-> (chart, verdict, scores table, status message)."""
    source = upload or ticker
    _, forecast, problem = ask(TASK, path, lang, cache, source or "", horizon=int(horizon), window=int(window))
    if forecast is None:
        return None, "", None, problem
    status = ""
    if upload:
        status = t_user("stocks.using_file", lang, name=forecast.name, rows=f"{forecast.rows_in_file:,}")
        if forecast.rows_in_file > len(forecast.history):
            status += " " + t("stocks.rows_capped", lang, read=f"{len(forecast.history):,}")
        if forecast.newest_first:
            status += " " + t("stocks.newest_first", lang)
    return chart(forecast, lang), verdict(forecast, lang), scores_table(forecast, lang), status


def model_card(entry: ModelEntry, lang: str) -> str:
    hp, test = entry.settings, entry.test_metrics
    rows = [f"| {t('stocks.column.horizon', lang)} | " + " | ".join(t(f"stocks.forecast.{n}", lang) + " RMSE" for n in FORECASTS)
            + f" | {t('stocks.column.skill', lang)} | {t('stocks.column.direction', lang)} | {t('stocks.column.coverage', lang)} |",
            "|---" * 7 + "|"]
    horizons = test.get("horizons", {})
    days = sorted(horizons if isinstance(horizons, dict) else {}, key=lambda h: int(h) if h.isdigit() else math.inf)
    for h in days:
        rows.append(f"| {h} | " + " | ".join(f"{figure_at(horizons, h, n, 'rmse'):.2f}" for n in FORECASTS)
                    + f" | {signed(figure_at(horizons, h, 'skill_vs_persistence'))} | {percent(figure_at(horizons, h, 'model', 'direction'))}"
                    + f" | {percent(figure_at(horizons, h, 'coverage'))} |")
    tickers = sorted({ticker for h in days if isinstance(horizons[h], dict)
                      for ticker in (horizons[h].get("skill_by_ticker") or {})})
    ticker_rows = ["| " + " | ".join([t("stocks.column.horizon", lang)] + tickers) + " |",
                   "|---" * (len(tickers) + 1) + "|"]
    ticker_rows += [f"| {h} | " + " | ".join(signed(figure_at(horizons, h, "skill_by_ticker", ticker)) for ticker in tickers)
                    + " |" for h in days]
    return t("stocks.card.body", lang, tickers="\n".join(ticker_rows) if tickers else "—", name=entry.name,
             cell=hp.cell.upper(), hidden=hp.hidden_size, layers=hp.layers,
             window=hp.window, horizon=hp.horizon, dataset=t(f"dataset.{entry.dataset}", lang),
             params=f"{entry.config.get('parameters', 0):,}", command=entry.config.get("command", "?"), scores="\n".join(rows))


def slider_ranges(path: str | None) -> tuple[dict, dict]:
    """Window and horizon slider settings that fit the chosen model (the shipped defaults without one)."""
    entry = find_entry(TASK, path)
    hp = entry.settings if entry else TASK.hyperparameters("stocks")
    return (dict(minimum=shortest_window(hp.window), maximum=hp.window, value=hp.window),
            dict(minimum=1, maximum=hp.horizon, value=min(5, hp.horizon)))


def slider_updates(path: str | None) -> tuple[dict, dict]:
    window, horizon = slider_ranges(path)
    return gr.update(**window), gr.update(**horizon)


def build(L: Localizer, lang: gr.components.Component, cache: PredictorCache) -> None:
    with L.tab("stocks.tab"):
        L.bind(gr.Markdown(elem_id="stocks-disclaimer"), value="stocks.disclaimer")
        L.bind(gr.Markdown(), value="stocks.intro")
        L.bind(gr.Markdown(), value="stocks.adjusted")
        with gr.Row():
            with gr.Column(scale=2):
                picker = ModelPicker(L, lang, TASK, model_card, label_key="stocks.model", elem_id="stocks-model")
                model = picker.dropdown
                window_range, horizon_range = slider_ranges(picker.initial)
                ticker = L.bind(gr.Radio(choices=list(TICKERS), value=TICKERS[0], elem_id="stocks-ticker"), label="stocks.ticker")
                # any file type: a .txt of prices is welcome, and anything else gets our own message, not a toast
                upload = L.bind(gr.File(type="filepath", height=110, elem_id="stocks-upload"),
                                label="stocks.upload")
                L.bind(gr.Markdown(), value="stocks.upload_hint")
                window = L.bind(gr.Slider(step=1, elem_id="stocks-window", **window_range), label="stocks.window",
                                info="stocks.window_info")
                horizon = L.bind(gr.Slider(step=1, elem_id="stocks-horizon", **horizon_range), label="stocks.horizon",
                                 info="stocks.horizon_info")
                submit = L.bind(gr.Button(variant="primary", elem_id="stocks-submit"), value="stocks.submit")
                status = gr.Markdown(elem_id="stocks-status")
            with gr.Column(scale=3):
                figure = L.bind(gr.Plot(elem_id="stocks-chart"), label="stocks.chart")
                judgement = gr.Markdown(elem_id="stocks-verdict")
                table = L.bind(L.table(TABLE_COLUMNS, interactive=False, elem_id="stocks-scores"), label="stocks.scores")
        picker.card("stocks.card")

    def run(ticker_, upload_, window_, horizon_, path, lang_):
        return forecast_prices(ticker_, upload_, window_, horizon_, path, lang_, cache)

    inputs, outputs = [ticker, upload, window, horizon, model, lang], [figure, judgement, table, status]
    submit.click(run, inputs, outputs, concurrency_limit=4, api_name="forecast_stocks")
    ticker.input(lambda: None, None, upload, api_visibility="private").then(run, inputs, outputs, api_visibility="private")
    upload.upload(run, inputs, outputs, api_visibility="private")
    # a removed file takes its forecast with it (the sample ticker answers again at the next click)
    upload.clear(lambda: (None, "", None, ""), None, outputs, api_visibility="private")
    L.results(figure, judgement, status)
    model.change(slider_updates, model, [window, horizon], api_visibility="private")
    picker.wire()
