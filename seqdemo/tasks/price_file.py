"""Read a user's daily stock-price CSV, or say exactly what is wrong with it.

The accepted format is what Yahoo Finance, most brokers and spreadsheets export:

    Date,Open,High,Low,Close,Adj Close,Volume
    2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700

- UTF-8 text (a byte-order mark is fine), comma-separated (a semicolon or a tab is recognised too), a
  header row, then one row per trading day, oldest first (a file listing the newest day first is read
  backwards, and `attrs["newest_first"]` says so). Blank rows are skipped.
- `Date` and `Close` are required; `Open`, `High`, `Low` and `Volume` are read when present. Names are
  matched ignoring case and surrounding spaces; other columns are ignored. `Adj Close` stands in for
  `Close` only when there is no `Close`.
- Dates in ISO form (2024-01-02, optionally with a time) or anything else pandas reads month-first
  (01/02/2024). A UTC offset after a time is dropped: the date is the exchange's own.
- Numbers may have a leading "$" and thousands commas ("1,234.5", quoted). Prices must be above 0,
  volumes at least 0; no gaps longer than MAX_GAP_DAYS calendar days.
- Only the most recent MAX_ROWS rows are read (the result's `attrs["rows_in_file"]` says how many the
  file has), so the work a file causes is bounded by these limits, not by what it contains: rows are
  read one at a time, a row with more cells than the header is refused when it is met, and only the
  columns used are kept.

Every fault raises BadInput naming the first bad row as a spreadsheet shows it (the header is row 1).
"""

import csv
import io
import os
from collections import deque
from math import inf
from pathlib import Path

import pandas as pd

from .base import BadInput

MAX_FILE_BYTES = 20_000_000  # about 400,000 rows of daily prices
MAX_ROWS = 10_000  # the most recent rows a forecast and its backtest read: about 40 years of trading days
MAX_COLUMNS = 100
MAX_GAP_DAYS = 10  # calendar days between consecutive rows; the longest market closures (9/11) gave 7
COLUMNS = ("Date", "Open", "High", "Low", "Close", "Volume")  # the result's columns, in this order
MISSING = {"", "na", "n/a", "#n/a", "nan", "null", "none"}  # what exports write for an empty cell
_THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
_UTC_OFFSET = r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(?:Z|[+-]\d\d:?\d\d)$"  # after a time only


def read_price_file(path: str | Path, min_rows: int, *, max_bytes: int = MAX_FILE_BYTES,
                    max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """Date, Close and whichever of Open/High/Low/Volume the file has, oldest first, index 0..n-1: the last
    `max_rows` rows of the file, which has `attrs["rows_in_file"]` rows in all."""
    header_row, header, used, head, tail, rows_in_file = _read_rows(path, max_bytes, max_rows)
    newest_first = _newest_first(head, tail, list(used).index("Date"))  # read it backwards: its first rows are the latest
    rows = list(reversed(head)) if newest_first else tail
    labels = {name: header[i].strip() for name, i in used.items()}  # as the user wrote them, for messages
    numbers_of_rows = [number for number, _ in rows]
    cells = pd.DataFrame({name: pd.Series([row[k] for _, row in rows], index=numbers_of_rows, dtype=str).str.strip()
                          for k, name in enumerate(used)})

    missing = pd.DataFrame({name: column.str.lower().isin(MISSING) for name, column in cells.items()})
    dates = _parse_dates(cells["Date"].where(~missing["Date"], ""))
    bad = dates.isna() & ~missing["Date"]
    if bad.any():
        row = int(bad.idxmax())
        cell = _cut(cells.at[row, "Date"])
        raise BadInput("csv_date", row=row, column=labels["Date"], cell=cell)
    if (hit := _first(missing)) is not None:
        row, name = hit
        raise BadInput("csv_missing", row=row, column=labels[name])

    numbers = pd.DataFrame({name: _parse_numbers(column) for name, column in cells.items() if name != "Date"})
    if (hit := _first(numbers.isna())) is not None:
        row, name = hit
        cell = _cut(cells.at[row, name])
        raise BadInput("csv_not_number", row=row, column=labels[name], cell=cell)
    wrong = pd.DataFrame({name: (column < 0 if name == "Volume" else column <= 0) | column.abs().eq(inf)
                          for name, column in numbers.items()})
    if (hit := _first(wrong)) is not None:
        row, name = hit
        cell = _cut(cells.at[row, name])
        raise BadInput("csv_not_positive", row=row, column=labels[name], cell=cell)

    _check_order(dates)
    if len(dates) < min_rows:
        raise BadInput("csv_too_short", rows=len(dates), minimum=min_rows)
    result = numbers.assign(Date=dates)
    result = result[[name for name in COLUMNS if name in result]].reset_index(drop=True)
    result.attrs["rows_in_file"] = rows_in_file
    result.attrs["newest_first"] = newest_first
    return result


def _read_rows(path: str | Path, max_bytes: int, max_rows: int
               ) -> tuple[int, list[str], dict[str, int], list[tuple[int, list[str]]], int]:
    """(header's row number, header, used columns, [(row number, the used cells)] of the last `max_rows`
    non-blank rows below the header, how many such rows the file has)."""
    unreadable = BadInput("csv_unreadable")
    try:
        size = os.path.getsize(path)
    except OSError:
        raise unreadable from None
    if size > max_bytes:
        size_mb, limit_mb = round(size / 1e6, 1), round(max_bytes / 1e6, 1)
        raise BadInput("csv_too_big", size_mb=size_mb, limit_mb=limit_mb)
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            text = file.read()
        if "\x00" in text:
            raise unreadable
        header_row, header, used, head, tail, count = 0, [], {}, [], deque(maxlen=max_rows), 0
        for number, fields in enumerate(csv.reader(io.StringIO(text), delimiter=_delimiter(text)), start=1):
            if not any(field.strip() for field in fields):
                continue
            if not header:
                header_row, header = number, fields
                if len(header) > MAX_COLUMNS:
                    raise BadInput("csv_too_wide", count=len(header), limit=MAX_COLUMNS)
                used = _pick_columns(header)
                continue
            _check_width(number, fields, len(header), header_row)
            row = (number, [fields[i] if i < len(fields) else "" for i in used.values()])
            tail.append(row)
            if len(head) < max_rows:
                head.append(row)
            count += 1
    except (OSError, UnicodeDecodeError, csv.Error):
        raise unreadable from None
    if not header:
        raise BadInput("csv_empty")
    return header_row, header, used, head, list(tail), count


def _delimiter(text: str) -> str:
    """What separates the cells: a comma, or the semicolon or tab some spreadsheets write (from the first lines)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _newest_first(head: list[tuple[int, list[str]]], tail: list[tuple[int, list[str]]], date_at: int) -> bool:
    """Whether the file lists its rows newest first (its first date after its last), as some brokers export;
    `date_at` is the date's place among a row's used cells."""
    if not head or head[0][0] == tail[-1][0]:
        return False
    first, last = _parse_dates(pd.Series([head[0][1][date_at].strip(), tail[-1][1][date_at].strip()], dtype=str))
    return not pd.isna(first) and not pd.isna(last) and first > last


def _check_width(number: int, fields: list[str], width: int, header_row: int) -> None:
    """A row may have one empty cell more than the header (many exports end every line with a comma), no more."""
    if len(fields) > width and (len(fields) > width + 1 or fields[width].strip()):
        raise BadInput("csv_fields", row=number, count=len(fields), expected=width)


def _pick_columns(header: list[str]) -> dict[str, int]:
    """Canonical column name -> its position in the file (the first of duplicates), in file order."""
    positions: dict[str, int] = {}
    for i, name in enumerate(header):
        positions.setdefault(" ".join(name.lower().replace("_", " ").split()), i)
    if "close" not in positions and "adj close" in positions:
        positions["close"] = positions["adj close"]
    missing = [name for name in ("Date", "Close") if name.lower() not in positions]
    if missing:
        found = ", ".join(name.strip() for name in header if name.strip())
        raise BadInput("csv_columns", missing=", ".join(missing), found=found)
    used = {name: positions[name.lower()] for name in COLUMNS if name.lower() in positions}
    return dict(sorted(used.items(), key=lambda item: item[1]))


def _parse_dates(text: pd.Series) -> pd.Series:
    """Datetimes (no time zone); NaT where a cell is empty or not a date."""
    if text.str.contains(":", regex=False).any():  # times, perhaps with offsets that change with summer time
        text = text.str.replace(_UTC_OFFSET, r"\1", regex=True)
    try:
        return pd.to_datetime(text, format="ISO8601")
    except (ValueError, OverflowError):
        return pd.to_datetime(text, format="mixed", dayfirst=False, errors="coerce")


def _parse_numbers(text: pd.Series) -> pd.Series:
    """Floats; NaN where a cell is not a number. "$1,234.5" reads as 1234.5, "1,2" does not."""
    values = pd.to_numeric(text, errors="coerce").astype(float)
    if (odd := values.isna()).any():
        text = text[odd].str.removeprefix("$")
        text = text.where(~text.str.fullmatch(_THOUSANDS), text.str.replace(",", "", regex=False))
        values[odd] = pd.to_numeric(text, errors="coerce")
    return values


def _check_order(dates: pd.Series) -> None:
    previous = dates.shift()
    if (earlier := dates < previous).any():
        row = int(earlier.idxmax())
        date, before = _day(dates[row]), _day(previous[row])
        raise BadInput("csv_unsorted", row=row, date=date, previous=before)
    if (repeated := dates.duplicated()).any():
        row = int(repeated.idxmax())
        first_row = int(dates.index[dates == dates[row]][0])
        raise BadInput("csv_duplicate", row=row, date=_day(dates[row]), first_row=first_row)
    days = (dates - previous).dt.days
    if (gap := days > MAX_GAP_DAYS).any():
        row = int(gap.idxmax())
        length, start, end = int(days[row]), _day(previous[row]), _day(dates[row])
        raise BadInput("csv_gap", row=row, days=length, start=start, end=end,
                       limit=MAX_GAP_DAYS)


def _first(mask: pd.DataFrame) -> tuple[int, str] | None:
    """(row, column) of the first True, reading row by row, left to right; None if there is none."""
    hits = mask.any(axis=1)
    if not hits.any():
        return None
    row = hits.idxmax()
    return int(row), str(mask.columns[mask.loc[row].to_numpy().argmax()])


def _day(moment: pd.Timestamp) -> str:
    return str(moment.date()) if moment == moment.normalize() else str(moment)


def _cut(cell: str) -> str:
    return cell if len(cell) <= 20 else cell[:19] + "…"
