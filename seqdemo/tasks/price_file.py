"""Read a user's daily stock-price CSV, or say exactly what is wrong with it.

The accepted format is what Yahoo Finance, most brokers and spreadsheets export:

    Date,Open,High,Low,Close,Adj Close,Volume
    2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700

- UTF-8 text (a byte-order mark is fine), comma-separated, a header row, then one row per trading day,
  oldest first. Blank rows are skipped.
- `Date` and `Close` are required; `Open`, `High`, `Low` and `Volume` are read when present. Names are
  matched ignoring case and surrounding spaces; other columns are ignored. `Adj Close` stands in for
  `Close` only when there is no `Close`.
- Dates in ISO form (2024-01-02, optionally with a time) or anything else pandas reads month-first
  (01/02/2024). A UTC offset after a time is dropped: the date is the exchange's own.
- Numbers may have a leading "$" and thousands commas ("1,234.5", quoted). Prices must be above 0,
  volumes at least 0; no gaps longer than MAX_GAP_DAYS calendar days.

Every fault raises BadInput naming the first bad row as a spreadsheet shows it (the header is row 1).
"""

import csv
import io
import os
from math import inf
from pathlib import Path

import pandas as pd

from .base import BadInput

MAX_FILE_BYTES = 50_000_000
MAX_GAP_DAYS = 10  # calendar days between consecutive rows; the longest market closures (9/11) gave 7
COLUMNS = ("Date", "Open", "High", "Low", "Close", "Volume")  # the result's columns, in this order
MISSING = {"", "na", "n/a", "#n/a", "nan", "null", "none"}  # what exports write for an empty cell
_THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
_UTC_OFFSET = r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(?:Z|[+-]\d\d:?\d\d)$"  # after a time only


def read_price_file(path: str | Path, min_rows: int, *, max_bytes: int = MAX_FILE_BYTES) -> pd.DataFrame:
    """Date, Close and whichever of Open/High/Low/Volume the file has, oldest first, index 0..n-1."""
    header_row, header, rows = _read_rows(path, max_bytes)
    used = _pick_columns(header)  # canonical name -> position in the file, in file order
    labels = {name: header[i].strip() for name, i in used.items()}  # as the user wrote them, for messages
    width = len(header)
    for number, fields in rows:
        if len(fields) > width and "".join(fields[width:]).strip():
            raise BadInput("csv_fields", f"Row {number} has {len(fields)} cells but the header (row {header_row}) has "
                           f"{width}. Is a number with a comma not in quotes?", row=number, count=len(fields),
                           expected=width)
    table = pd.DataFrame([fields for _, fields in rows], index=[number for number, _ in rows], dtype=str)
    table = table.reindex(columns=range(width)).fillna("").astype(str)  # a short row's missing cells are empty
    cells = pd.DataFrame({name: table[i].str.strip() for name, i in used.items()})

    missing = pd.DataFrame({name: column.str.lower().isin(MISSING) for name, column in cells.items()})
    dates = _parse_dates(cells["Date"].where(~missing["Date"], ""))
    bad = dates.isna() & ~missing["Date"]
    if bad.any():
        row = int(bad.idxmax())
        cell = _cut(cells.at[row, "Date"])
        raise BadInput("csv_date", f"Row {row}, column {labels['Date']}: “{cell}” is not a date.",
                       row=row, column=labels["Date"], cell=cell)
    if (hit := _first(missing)) is not None:
        row, name = hit
        raise BadInput("csv_missing", f"Row {row}, column {labels[name]}: the cell is empty.",
                       row=row, column=labels[name])

    numbers = pd.DataFrame({name: _parse_numbers(column) for name, column in cells.items() if name != "Date"})
    if (hit := _first(numbers.isna())) is not None:
        row, name = hit
        cell = _cut(cells.at[row, name])
        raise BadInput("csv_not_number", f"Row {row}, column {labels[name]}: “{cell}” is not a number.",
                       row=row, column=labels[name], cell=cell)
    wrong = pd.DataFrame({name: (column < 0 if name == "Volume" else column <= 0) | column.abs().eq(inf)
                          for name, column in numbers.items()})
    if (hit := _first(wrong)) is not None:
        row, name = hit
        cell = _cut(cells.at[row, name])
        rule = "not a volume of 0 or more" if name == "Volume" else "not a price above 0"
        raise BadInput("csv_not_positive", f"Row {row}, column {labels[name]}: “{cell}” is {rule}.",
                       row=row, column=labels[name], cell=cell)

    _check_order(dates)
    if len(dates) < min_rows:
        raise BadInput("csv_too_short", f"The file has {len(dates)} rows of prices; at least {min_rows} are needed.",
                       rows=len(dates), minimum=min_rows)
    result = numbers.assign(Date=dates)
    return result[[name for name in COLUMNS if name in result]].reset_index(drop=True)


def _read_rows(path: str | Path, max_bytes: int) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """(header's row number, header, [(row number, cells)] of the non-blank rows below it)."""
    unreadable = BadInput("csv_unreadable", "The file cannot be read as a UTF-8 text CSV file.")
    try:
        size = os.path.getsize(path)
    except OSError:
        raise unreadable from None
    if size > max_bytes:
        size_mb, limit_mb = round(size / 1e6, 1), round(max_bytes / 1e6, 1)
        raise BadInput("csv_too_big", f"The file is {size_mb} MB; the limit is {limit_mb} MB.",
                       size_mb=size_mb, limit_mb=limit_mb)
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            text = file.read()
        if "\x00" in text:
            raise unreadable
        rows = [(number, fields) for number, fields in enumerate(csv.reader(io.StringIO(text)), start=1)
                if "".join(fields).strip()]
    except (OSError, UnicodeDecodeError, csv.Error):
        raise unreadable from None
    if not rows:
        raise BadInput("csv_empty", "The file is empty: it needs a header row (Date, Close, ...) and rows of prices.")
    (header_row, header), *rows = rows
    return header_row, header, rows


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
        raise BadInput("csv_columns", f"Missing column: {', '.join(missing)}. The file's columns are: {found}.",
                       missing=", ".join(missing), found=found)
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
        raise BadInput("csv_unsorted", f"Row {row} ({date}) is earlier than the row above ({before}): "
                       "sort the rows oldest first.", row=row, date=date, previous=before)
    if (repeated := dates.duplicated()).any():
        row = int(repeated.idxmax())
        first_row = int(dates.index[dates == dates[row]][0])
        raise BadInput("csv_duplicate", f"Row {row}: {_day(dates[row])} is already in row {first_row}.",
                       row=row, date=_day(dates[row]), first_row=first_row)
    days = (dates - previous).dt.days
    if (gap := days > MAX_GAP_DAYS).any():
        row = int(gap.idxmax())
        length, start, end = int(days[row]), _day(previous[row]), _day(dates[row])
        raise BadInput("csv_gap", f"Row {row}: {length} days pass between {start} and {end}; "
                       f"at most {MAX_GAP_DAYS} are allowed.", row=row, days=length, start=start, end=end,
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
