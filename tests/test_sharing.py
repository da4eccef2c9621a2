"""What a stranger can do to an app on a share link, tried through its HTTP API as a script would."""

import concurrent.futures
import contextlib

import pytest
from conftest import ROOT, running_app

from seqdemo.bench.client import AppClient, CallFailed
from seqdemo.jobs import JobStore
from seqdemo.jobs.service import database_path
from seqdemo.ui.logins import LoginGuard

pytestmark = pytest.mark.slow  # real worker processes or the app itself

# Long enough (500 epochs) that the app cannot finish it before a test has changed it.
SETTINGS = {"hyperparameters": {"hidden_size": 8, "epochs": 500, "lr": 0.001}, "preset": "default", "limit": 100,
            "processes": 1, "device": "cpu"}


@contextlib.contextmanager
def queued_job(runs, session):
    """A job in the queue (the app may start it); cancelled at the end, so no worker outlives the test."""
    store = JobStore(database_path(runs))
    job_id = store.create("alice's job", "sentiment", "imdb", SETTINGS, epochs=500, metric="accuracy", session=session)
    try:
        yield job_id
    finally:
        store.request_cancel(job_id)


def test_a_wrong_password_locks_its_login_for_longer_each_time():
    now = [0.0]
    guard = LoginGuard({"alice": "right"}, clock=lambda: now[0])
    assert not guard.check("alice", "wrong")
    assert not guard.check("alice", "right")  # locked for a second, even with the right password
    now[0] += 1.01
    assert guard.check("alice", "right")  # and a success forgives
    for expected_lock in (1, 2, 4, 8):
        assert not guard.check("alice", "wrong")
        now[0] += expected_lock - 0.01
        assert guard.locked("alice")
        now[0] += 0.02
    assert not guard.check("nobody", "x") and not guard.locked("nobody")


def test_fifty_fast_guesses_do_not_find_the_password(tmp_path):
    with running_app(tmp_path, "--auth", "alice:right-horse", "--auth", "bob:battery") as (url, _):
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            guesses = list(pool.map(lambda i: AppClient(url).login("alice", f"guess-{i}"), range(50)))
        assert not any(guesses)
        assert not AppClient(url).login("alice", "right-horse")  # the guessing locked alice out for now
        assert AppClient(url).login("bob", "battery")  # and nobody else


def test_with_logins_only_the_owner_may_change_a_job_and_strangers_cannot_call_at_all(tmp_path):
    with queued_job(tmp_path, "alice") as job_id, running_app(
            tmp_path, "--host", "0.0.0.0", "--auth", "alice:a-pw", "--auth", "bob:b-pw", "--max-jobs", "1") as (url, _):
        with pytest.raises(CallFailed, match="401"):
            AppClient(url).call("cancel_job", job_id, "en")
        bob = AppClient(url)
        assert bob.login("bob", "b-pw")
        for api_name in ("cancel_job", "resume_job"):
            assert "another login" in bob.call(api_name, job_id, "en").data[0]
        assert "another login" in bob.call("delete_job_confirmed", job_id, "en").data[1]
        summary, *_, settings, log, _seen, _message = bob.call("refresh_jobs", job_id, "en", {}).data[3:]
        assert "alice" in summary and settings is None and log == ""
        alice = AppClient(url)
        assert alice.login("alice", "a-pw")
        assert alice.call("refresh_jobs", job_id, "en", {}).data[6]["hyperparameters"]["hidden_size"] == 8
        assert alice.call("cancel_job", job_id, "en").data[0].startswith(f"Job #{job_id}:")
        job = JobStore(database_path(tmp_path)).get(job_id)
        assert job.status == "cancelled" or job.cancel_requested


def test_shared_without_logins_nobody_may_start_change_or_read_jobs(tmp_path):
    with queued_job(tmp_path, None) as job_id:
        with running_app(tmp_path, "--host", "0.0.0.0") as (url, _):
            stranger = AppClient(url)
            for api_name in ("cancel_job", "resume_job"):
                assert "command line" in stranger.call(api_name, job_id, "en").data[0]
            assert "command line" in stranger.call("delete_job_confirmed", job_id, "en").data[1]
            assert "Pick a job first" in stranger.call("delete_job_confirmed", 2**70, "en").data[1]
            refreshed = stranger.call("refresh_jobs", job_id, "en", {}).data
            assert refreshed[6] is None and refreshed[7] == ""
        job = JobStore(database_path(tmp_path)).get(job_id)  # still there: not deleted
        assert not job.cancel_requested and job.status != "cancelled"


def test_hostile_price_files_get_a_plain_answer(tmp_path):
    header = "Date,Open,High,Low,Close,Volume\n"
    import pandas as pd

    days = pd.date_range("2020-01-01", periods=600_000, freq="s").strftime("%Y-%m-%d %H:%M:%S")
    with running_app(tmp_path) as (url, _):
        client = AppClient(url, timeout=30)  # no answer in 30 s fails the call
        model = str(ROOT / "checkpoints" / "stocks" / "stocks-lstm")
        with pytest.raises(CallFailed, match="413|reset|Broken pipe"):  # refused at the door, never stored
            client.upload("huge.csv", b"x" * 25_000_000)
        client.upload("just-under.csv", b"x" * 19_000_000)  # the limit, not the size of any upload, refused it
        commas = client.upload("commas.csv", (header + "2020-01-02,1,1,1,1,1" + "," * 5_000_000 + "\n").encode())
        *_, status = client.call("forecast_stocks", "AAPL", commas, 60, 5, model, "en").data  # a 30 s timeout guards it
        assert "Row 2 has 5,000,006 cells" in status
        rows = header + "".join(f"{day},1,1,1,{100 + i % 5},1\n" for i, day in enumerate(days))
        many = client.upload("many.csv", rows.encode())
        chart, verdict, table, status = client.call("forecast_stocks", "AAPL", many, 60, 5, model, "en").data
        assert "600,000 rows" in status and "most recent 10,000 rows" in status and "persistence" in verdict


def test_a_second_app_on_the_same_runs_folder_says_so_and_exits(tmp_path):
    import subprocess
    import sys

    with running_app(tmp_path) as (_, first):
        second = subprocess.run([sys.executable, "app.py", "--port", "1", "--runs-dir", str(tmp_path)], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
    assert second.returncode != 0
    assert f"Another seqdemo app (process {first.pid}) is already serving the runs folder" in second.stderr
    assert "Traceback" not in second.stderr
