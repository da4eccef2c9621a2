"""Reading an uploaded daily price CSV: real files on disk, every fault named by code, row and column."""

import pandas as pd
import pytest

from seqdemo.catalogue import t
from seqdemo.tasks.base import BadInput
from seqdemo.tasks.price_file import MAX_GAP_DAYS, read_price_file

HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n"
ROWS = ("2001-09-07,10.0,11.0,9.5,10.5,10.1,1000\n"
        "2001-09-10,10.5,12.0,10.0,11.0,10.6,0\n"
        "2001-09-17,9.0,9.5,8.0,8.5,8.2,5000\n")  # markets were closed for 9/11: a 7-day gap is fine


def write(tmp_path, text: str | bytes):
    path = tmp_path / "prices.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def fault(path, min_rows: int = 1, **kwargs) -> BadInput:
    """The BadInput the file raises, after checking its params fill the UI's message in both languages."""
    with pytest.raises(BadInput) as caught:
        read_price_file(path, min_rows, **kwargs)
    error = caught.value
    for lang in ("en", "zh"):
        assert t(f"input.{error.code}", lang, **error.params)
    return error


def test_a_full_file_comes_back_typed_and_in_order(tmp_path):
    frame = read_price_file(write(tmp_path, "\ufeff" + HEADER + ROWS + "\n"), min_rows=3)
    assert list(frame.columns) == ["Date", "Open", "High", "Low", "Close", "Volume"]
    assert pd.api.types.is_datetime64_dtype(frame["Date"])
    assert all(pd.api.types.is_float_dtype(frame[name]) for name in ["Open", "High", "Low", "Close", "Volume"])
    assert list(frame.index) == [0, 1, 2]
    assert list(frame["Date"]) == [pd.Timestamp("2001-09-07"), pd.Timestamp("2001-09-10"), pd.Timestamp("2001-09-17")]
    assert list(frame["Close"]) == [10.5, 11.0, 8.5]  # Close, not Adj Close
    assert list(frame["Volume"]) == [1000.0, 0.0, 5000.0]


def test_names_in_any_case_extra_columns_and_adj_close_standing_in_for_close(tmp_path):
    text = " date ,Ticker, ADJ_CLOSE \n01/02/2024,ABC,\"$1,234.5\"\n\n01/03/2024,ABC,1240\n"
    frame = read_price_file(write(tmp_path, text), min_rows=2)
    assert list(frame.columns) == ["Date", "Close"]
    assert list(frame["Date"]) == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-03")]  # month first
    assert list(frame["Close"]) == [1234.5, 1240.0]
    assert pd.api.types.is_datetime64_dtype(frame["Date"]) and pd.api.types.is_float_dtype(frame["Close"])


def test_a_utc_offset_that_changes_with_summer_time_keeps_the_exchange_date(tmp_path):
    text = "Date,Close\n2024-03-08 00:00:00-05:00,1\n2024-03-11 00:00:00-04:00,2\n"
    frame = read_price_file(write(tmp_path, text), min_rows=2)
    assert list(frame["Date"]) == [pd.Timestamp("2024-03-08"), pd.Timestamp("2024-03-11")]


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                                     "Date,Close\n2024-01-02,1\n".encode("utf-16"),
                                     "Date,Close\n2024-01-02,1 \u20ac\n".encode("cp1252")])
def test_binary_or_wrongly_encoded_files_are_unreadable(tmp_path, content):
    assert fault(write(tmp_path, content)).code == "csv_unreadable"


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path):
    assert fault(tmp_path / "nowhere.csv").code == "csv_unreadable"
    assert fault(tmp_path).code == "csv_unreadable"


def test_size_is_checked_before_reading(tmp_path):
    error = fault(write(tmp_path, b"\x00" * 1001), max_bytes=1000)  # too big wins over not being text
    assert error.code == "csv_too_big" and error.params == {"size_mb": 0.0, "limit_mb": 0.0}
    assert read_price_file(write(tmp_path, HEADER + ROWS), 1, max_bytes=1000)["Close"].iloc[-1] == 8.5
    error = fault(write(tmp_path, "x" * 2_600_000), max_bytes=2_000_000)
    assert error.params == {"size_mb": 2.6, "limit_mb": 2.0}


@pytest.mark.parametrize("text", ["", "\n\n", " , ,\n\n"])
def test_empty_files(tmp_path, text):
    assert fault(write(tmp_path, text)).code == "csv_empty"


@pytest.mark.parametrize("header, missing, found", [
    ("Day,Price,Volume", "Date, Close", "Day, Price, Volume"),
    (" Date , Open ", "Close", "Date, Open"),
])
def test_missing_columns(tmp_path, header, missing, found):
    error = fault(write(tmp_path, header + "\n2024-01-02,1,2\n"))
    assert (error.code, error.params) == ("csv_columns", {"missing": missing, "found": found})


def test_a_row_with_more_cells_than_the_header(tmp_path):
    error = fault(write(tmp_path, "Date,Close\n2024-01-02,1000\n2024-01-03,1,234.5\n"))
    assert (error.code, error.params) == ("csv_fields", {"row": 3, "count": 3, "expected": 2})


@pytest.mark.parametrize("cell, shown", [("yesterday", "yesterday"), ("2024-13-45", "2024-13-45"),
                                         ("x" * 30, "x" * 19 + "…")])
def test_a_cell_that_is_not_a_date(tmp_path, cell, shown):
    error = fault(write(tmp_path, f"Date,Close\n2024-01-02,1\n\n{cell},2\n"))  # the blank row still counts
    assert (error.code, error.params) == ("csv_date", {"row": 4, "column": "Date", "cell": shown})
    assert len(error.params["cell"]) <= 20


@pytest.mark.parametrize("rows, row, column", [
    ("2024-01-02,1,\n2024-01-03,,1\n", 2, "Volume"),  # the first row wins over the first column
    ("2024-01-02,1,1\n2024-01-03,null,1\n", 3, "close"),  # named as the file names it
    ("2024-01-02,1,1\n,2,1\n", 3, "Date"),
    ("2024-01-02,1,1\n2024-01-03,2\n", 3, "Volume"),  # a short row
])
def test_an_empty_cell(tmp_path, rows, row, column):
    error = fault(write(tmp_path, "Date,close,Volume\n" + rows))
    assert (error.code, error.params) == ("csv_missing", {"row": row, "column": column})


@pytest.mark.parametrize("cell", ["abc", '"1,2,3"', "12.3.4", "1.5 USD"])
def test_a_cell_that_is_not_a_number(tmp_path, cell):
    error = fault(write(tmp_path, f"Date,Open,Close\n2024-01-02,1,1\n2024-01-03,2,{cell}\n"))
    assert (error.code, error.params) == ("csv_not_number", {"row": 3, "column": "Close", "cell": cell.strip('"')})


@pytest.mark.parametrize("row, column, cell", [(2, "Close", "0"), (3, "Low", "-1"), (3, "Volume", "-5"),
                                               (2, "High", "inf"), (3, "Close", "-Infinity")])
def test_prices_above_zero_volumes_not_negative(tmp_path, row, column, cell):
    rows = [dict(Date="2024-01-02", Open="1", High="2", Low="1", Close="1.5", Volume="0"),
            dict(Date="2024-01-03", Open="1", High="2", Low="1", Close="1.5", Volume="7")]
    rows[row - 2][column] = cell
    text = "Date,Open,High,Low,Close,Volume\n" + "".join(",".join(r.values()) + "\n" for r in rows)
    error = fault(write(tmp_path, text))
    assert (error.code, error.params) == ("csv_not_positive", {"row": row, "column": column, "cell": cell})


def test_dates_out_of_order(tmp_path):
    error = fault(write(tmp_path, "Date,Close\n2024-01-02,1\n2024-01-04,1\n2024-01-03,1\n"))
    assert (error.code, error.params) == ("csv_unsorted", {"row": 4, "date": "2024-01-03", "previous": "2024-01-04"})


def test_a_repeated_date(tmp_path):
    error = fault(write(tmp_path, "Date,Close\n2024-01-02,1\n2024-01-03,1\n01/03/2024,2\n"))
    assert (error.code, error.params) == ("csv_duplicate", {"row": 4, "date": "2024-01-03", "first_row": 3})


def test_a_gap_of_more_than_the_limit(tmp_path):
    assert MAX_GAP_DAYS == 10
    error = fault(write(tmp_path, "Date,Close\n2024-01-02,1\n2024-01-12,1\n2024-01-23,1\n"))  # 10 days, then 11
    assert (error.code, error.params) == ("csv_gap", {"row": 4, "days": 11, "start": "2024-01-12",
                                                      "end": "2024-01-23", "limit": 10})


@pytest.mark.parametrize("text, rows", [(HEADER + ROWS, 3), (HEADER, 0)])
def test_too_few_rows(tmp_path, text, rows):
    error = fault(write(tmp_path, text), min_rows=4)
    assert (error.code, error.params) == ("csv_too_short", {"rows": rows, "minimum": 4})
    assert len(read_price_file(write(tmp_path, text), min_rows=rows)) == rows


def test_the_first_fault_in_the_documented_order_is_reported(tmp_path):
    text = "Date,Close\n2024-01-05,1\n2024-01-02,abc\n2024-01-03,\nsoon,1\n"  # unsorted, number, missing, date
    assert fault(write(tmp_path, text)).code == "csv_date"
    assert fault(write(tmp_path, text.replace("soon", "2024-01-04"))).code == "csv_missing"


def test_a_row_of_five_million_commas_is_refused_at_once_without_a_frame(tmp_path):
    import tracemalloc

    path = write(tmp_path, HEADER + "2001-09-06,1,1,1,1,1,1" + "," * 5_000_000 + "\n" + ROWS)
    tracemalloc.start()
    try:
        error = fault(path)
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert (error.code, error.params["row"], error.params["count"]) == ("csv_fields", 2, 5_000_007)
    assert peak_mb < 200  # a frame of that row took 7 GB


def test_one_trailing_empty_cell_is_fine_more_is_not(tmp_path):
    assert len(read_price_file(write(tmp_path, "Date,Close\n2024-01-02,1,\n2024-01-03,2,\n"), 1)) == 2
    assert fault(write(tmp_path, "Date,Close\n2024-01-02,1,,\n")).code == "csv_fields"


def test_a_header_wider_than_any_price_file_is_refused(tmp_path):
    error = fault(write(tmp_path, "Date,Close" + ",x" * 1000 + "\n2024-01-02,1\n"))
    assert (error.code, error.params["count"]) == ("csv_too_wide", 1002)


def test_only_the_most_recent_rows_are_read_and_the_file_size_is_remembered(tmp_path):
    days = pd.bdate_range("1990-01-01", periods=30_000)
    text = "Date,Close\n" + "".join(f"{day:%Y-%m-%d},{100 + i % 7}\n" for i, day in enumerate(days))
    frame = read_price_file(write(tmp_path, text), 1, max_rows=1000)
    assert len(frame) == 1000 and frame.attrs["rows_in_file"] == 30_000
    assert frame["Date"].iloc[-1] == days[-1] and frame["Date"].iloc[0] == days[-1000]


def test_a_newest_first_file_is_read_backwards_and_says_so(tmp_path):
    frame = read_price_file(write(tmp_path, HEADER + "".join(reversed(ROWS.splitlines(keepends=True)))), 1)
    assert frame["Close"].tolist() == [10.5, 11.0, 8.5] and frame.attrs["newest_first"]
    assert not read_price_file(write(tmp_path, HEADER + ROWS), 1).attrs["newest_first"]


def test_semicolons_and_tabs_separate_cells_too(tmp_path):
    for separator in (";", "\t"):
        text = (HEADER + ROWS).replace(",", separator)
        assert read_price_file(write(tmp_path, text), 1)["Close"].tolist() == [10.5, 11.0, 8.5]
    error = fault(write(tmp_path, "Date;Price\n2024-01-02;1\n"))
    assert (error.code, error.params["found"]) == ("csv_columns", "Date, Price")  # two columns, not one "Date;Price"
