"""Daily stock prices and continuous glucose readings from `bokeh-sampledata`.

Time series split by date, never by hash, so that nothing from the future reaches training:
- stocks: train before 2011-01-01, validation during 2011, test from 2012-01-01 (to 2013-03-01),
  the same dates for every ticker so a multi-ticker model cannot learn the test period from a
  correlated stock;
- glucose: the first 70 % of the readings train, the next 15 % validate, the last 15 % test.
"""

import pandas as pd

from ._package import existing_file, package_dir
from .splits import Splits, chronological_split

REQUIREMENT = "bokeh-sampledata==2026.1"
TICKERS = ("AAPL", "GOOG", "IBM", "MSFT")
STOCK_VALIDATION_START = pd.Timestamp("2011-01-01")
STOCK_TEST_START = pd.Timestamp("2012-01-01")


def _data_file(name: str):
    return existing_file(package_dir("bokeh_sampledata", REQUIREMENT) / "_data" / name, REQUIREMENT)


def load_stock_prices(ticker: str) -> pd.DataFrame:
    """Columns Date, Open, High, Low, Close, Volume, oldest first, adjusted for splits and dividends.

    The quoted prices halve overnight at a split (AAPL 2000-06-21 and 2005-02-28, MSFT 2003-02-18): a model
    would learn one-day crashes that never happened. Prices are scaled by the data's adjusted close over its
    close (the quoted 130.31 of AAPL on 2000-03-01 reads 4.19), the volume by the inverse.
    """
    if ticker not in TICKERS:
        raise KeyError(f"Unknown ticker '{ticker}'; choose one of {', '.join(TICKERS)}")
    frame = pd.read_csv(_data_file("stocks.csv.gz"), parse_dates=["Date"])
    frame = frame[frame["Ticker"] == ticker].sort_values("Date").reset_index(drop=True)
    factor = frame["Adj Close"] / frame["Close"]
    adjusted = frame[["Open", "High", "Low"]].mul(factor, axis=0).assign(Close=frame["Adj Close"],
                                                                          Volume=frame["Volume"] / factor)
    return pd.concat([frame[["Date"]], adjusted], axis=1)[["Date", "Open", "High", "Low", "Close", "Volume"]]


def split_by_date(frame: pd.DataFrame, validation_start: pd.Timestamp, test_start: pd.Timestamp) -> Splits[pd.DataFrame]:
    dates = frame["Date"]
    return Splits(
        train=frame[dates < validation_start].reset_index(drop=True),
        validation=frame[(dates >= validation_start) & (dates < test_start)].reset_index(drop=True),
        test=frame[dates >= test_start].reset_index(drop=True),
    )


def load_stock(ticker: str) -> Splits[pd.DataFrame]:
    return split_by_date(load_stock_prices(ticker), STOCK_VALIDATION_START, STOCK_TEST_START)


def load_glucose() -> Splits[pd.DataFrame]:
    """Columns Time, Glucose (mg/dL), Isig (sensor current), one row every 5 minutes, oldest first."""
    frame = pd.read_csv(_data_file("CGM.csv.gz"), parse_dates=["datetime"])
    frame = frame.rename(columns={"datetime": "Time", "glucose": "Glucose", "isig": "Isig"})
    frame = frame[["Time", "Glucose", "Isig"]].sort_values("Time").reset_index(drop=True)
    train, validation, test = chronological_split(len(frame), validation=0.15, test=0.15)
    return Splits(
        train=frame.iloc[train].reset_index(drop=True),
        validation=frame.iloc[validation].reset_index(drop=True),
        test=frame.iloc[test].reset_index(drop=True),
    )
