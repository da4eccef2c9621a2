"""Background jobs with real worker processes, a real SQLite file and tiny data."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from seqdemo.jobs import JobStore, Scheduler, UnknownJob
from seqdemo.jobs.lock import RunsFolderBusy
from seqdemo.jobs.service import Access, JobRefused, JobService, clean_name
from seqdemo.serve import list_models
from seqdemo.tasks import get_task
from seqdemo.tasks.runner import InvalidSettings
from seqdemo.train import load_checkpoint

pytestmark = pytest.mark.slow  # real worker processes or the app itself

SENTIMENT = get_task("sentiment")


def settings(**overrides):
    """Tiny sentiment settings: a few seconds an epoch on two cores."""
    values = {"hidden_size": 8, "embeddings": "random", "max_tokens": 40, "max_vocab": 2000, "epochs": 2, **overrides}
    return {**vars(SENTIMENT.hyperparameters("rotten_tomatoes")), **values}


def wait_for(predicate, timeout=120, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(f"timed out waiting for {what}")


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    svc = JobService(tmp_path, device="cpu", max_jobs=1)
    svc.scheduler.poll_seconds = 0.2
    yield svc
    svc.stop()


def status(service, job_id):
    return service.store.get(job_id).status


def test_a_job_goes_from_queued_to_succeeded_with_metrics_and_a_loadable_checkpoint(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(), name="tiny run", limit=300)
    assert job.status == "queued" and job.name == "tiny run"
    service.start()
    wait_for(lambda: status(service, job.id) == "succeeded", what="success")
    done = service.store.get(job.id)
    assert done.progress == 1.0 and done.epoch == 2 and done.best_metric is not None
    names = {(m["split"], m["name"]) for m in service.store.metrics(job.id)}
    assert {("train", "loss"), ("validation", "accuracy"), ("validation", "loss")} <= names
    checkpoint = load_checkpoint(done.checkpoint)
    assert checkpoint.config["name"] == "tiny run" and "accuracy" in checkpoint.metrics["test"]
    assert [e.name for e in list_models("sentiment") if not e.shipped] == ["tiny run"]
    assert any("epoch 2" in line for line in service.store.log_tail(job.id))


def test_jobs_run_one_at_a_time_in_submission_order_and_a_queued_cancel_is_immediate(service):
    first, second, third = (service.submit("sentiment", "rotten_tomatoes", settings(epochs=1), limit=200) for _ in range(3))
    assert service.cancel(second.id) == "cancelled"
    service.start()
    running_at_once = 0

    def both_done() -> bool:
        nonlocal running_at_once
        running_at_once = max(running_at_once, len(service.store.jobs(("running",))))
        return all(status(service, j.id) in ("succeeded", "cancelled", "failed") for j in (first, third))

    wait_for(both_done, timeout=300, what="both jobs")
    jobs = {j.id: j for j in service.store.jobs()}
    assert running_at_once == 1
    assert jobs[first.id].status == jobs[third.id].status == "succeeded"
    assert jobs[first.id].finished_at <= jobs[third.id].started_at
    assert jobs[second.id].status == "cancelled" and jobs[second.id].started_at is None


def test_cancel_stops_a_running_job(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(epochs=50, max_tokens=60), limit=2000)
    service.start()
    wait_for(lambda: service.store.get(job.id).progress > 0, what="progress")
    service.cancel(job.id)
    wait_for(lambda: status(service, job.id) == "cancelled", timeout=30, what="cancellation")
    assert service.store.get(job.id).checkpoint is None


def test_a_killed_worker_fails_the_job_the_app_carries_on_and_resume_finishes_it(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(epochs=4, max_tokens=60), limit=2000)
    service.start()
    wait_for(lambda: service.store.get(job.id).epoch >= 1, what="first epoch")
    os.kill(service.store.get(job.id).pid, signal.SIGKILL)
    wait_for(lambda: status(service, job.id) == "failed", timeout=15, what="failure")
    assert "exited unexpectedly" in service.store.get(job.id).error
    other = service.submit("sentiment", "rotten_tomatoes", settings(epochs=1), limit=200)  # the scheduler still serves
    wait_for(lambda: status(service, other.id) == "succeeded", what="another job")
    service.resume(job.id)
    wait_for(lambda: status(service, job.id) == "succeeded", what="resumed success")
    assert_resumed_not_restarted(service.store.log_tail(job.id, 200))


def assert_resumed_not_restarted(log: list[str]) -> None:
    resumed = next(i for i, line in enumerate(log) if line.startswith("resuming after epoch"))
    done = int(log[resumed].split()[3])
    after = [line for line in log[resumed:] if line.startswith("epoch ")]
    assert done >= 1 and after and after[0].startswith(f"epoch {done + 1}:")


def test_restarting_the_scheduler_interrupts_the_job_and_resume_continues_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    first = JobService(tmp_path, device="cpu")
    first.scheduler.poll_seconds = 0.2
    job = first.submit("sentiment", "rotten_tomatoes", settings(epochs=4, max_tokens=60), limit=2000)
    first.start()
    wait_for(lambda: first.store.get(job.id).epoch >= 1, what="first epoch")
    first.stop()
    assert first.store.get(job.id).status == "interrupted"
    second = JobService(tmp_path, device="cpu")
    second.scheduler.poll_seconds = 0.2
    second.start()
    try:
        assert second.store.get(job.id).status == "interrupted"  # nothing restarts by itself
        second.resume(job.id)
        wait_for(lambda: second.store.get(job.id).status == "succeeded", what="success after restart")
        assert_resumed_not_restarted(second.store.log_tail(job.id, 200))
    finally:
        second.stop()


def test_a_running_row_whose_process_is_gone_becomes_interrupted_on_start_up(tmp_path):
    store = JobStore(tmp_path / "jobs.db")
    job_id = store.create("ghost", "sentiment", "imdb", {"hyperparameters": {}}, epochs=1, metric="accuracy")
    store.claim(job_id, pid=999_999_999 % 4_000_000)
    queued = store.create("waiting", "sentiment", "imdb", {"hyperparameters": {}}, epochs=1, metric="accuracy")
    Scheduler(store, tmp_path).recover()
    assert store.get(job_id).status == "interrupted"
    assert store.get(queued).status == "queued"


def test_two_workers_writing_at_once_lose_nothing(tmp_path):
    store = JobStore(tmp_path / "jobs.db")
    jobs = [store.create(f"w{i}", "sentiment", "imdb", {}, epochs=1, metric="accuracy") for i in range(2)]
    writer = (
        "import sys, time\n"
        "from seqdemo.jobs import JobStore\n"
        "store = JobStore(sys.argv[1]); job = int(sys.argv[2]); n = 0; end = time.time() + 5\n"
        "while time.time() < end:\n"
        "    store.add_metrics(job, [{'step': n, 'epoch': 0.0, 'split': 'train', 'name': 'loss', 'value': float(n)}])\n"
        "    store.update(job, progress=n / 1e6); store.log(job, f'line {n}'); n += 1\n"
        "print(n)\n"
    )
    processes = [subprocess.Popen([sys.executable, "-c", writer, str(store.path), str(j)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for j in jobs]
    results = [p.communicate(timeout=120) for p in processes]
    for (out, err), job in zip(results, jobs):
        assert err == "" and int(out) > 100
        assert len(store.metrics(job)) == int(out)
        assert len(store.log_tail(job, 10**6)) == int(out)


def test_invalid_settings_are_refused_before_a_job_exists(service):
    with pytest.raises(InvalidSettings) as error:
        service.submit("sentiment", "rotten_tomatoes", settings(hidden_size=0, dropout=2.0))
    assert {p.key for p in error.value.problems} == {"problem.low", "problem.high"}
    with pytest.raises(InvalidSettings):
        service.submit("sentiment", "rotten_tomatoes", {**settings(), "hidden": 3})
    assert service.store.jobs() == []


def test_a_shared_app_without_logins_starts_and_changes_nothing(tmp_path):
    closed = JobService(tmp_path, access=Access(shared=True))
    with pytest.raises(JobRefused, match="--auth"):
        closed.submit("sentiment", "rotten_tomatoes", settings(), session="someone")
    job = JobService(tmp_path).submit("sentiment", "rotten_tomatoes", settings())  # from the terminal
    for change in (closed.cancel, closed.resume, closed.delete):
        with pytest.raises(JobRefused, match="command line"):
            change(job.id, "someone")
    assert closed.store.get(job.id).status == "queued"
    assert not closed.access.may_see_details(job, "someone")
    local = JobService(tmp_path)  # on an app only this machine reaches, any browser may change any job
    assert local.access.may_change(job, "another-browser-tab") and local.access.may_see_details(job, "another-browser-tab")


def test_with_logins_a_job_belongs_to_the_login_that_started_it(tmp_path):
    service = JobService(tmp_path, access=Access(shared=True, logins=True, max_active_per_login=2))
    alice = [service.submit("sentiment", "rotten_tomatoes", settings(), session="alice") for _ in range(2)]
    with pytest.raises(JobRefused, match="2 jobs"):
        service.submit("sentiment", "rotten_tomatoes", settings(), session="alice")
    with pytest.raises(JobRefused):
        service.submit("sentiment", "rotten_tomatoes", settings(), session=None)  # an anonymous API caller
    bob = service.submit("sentiment", "rotten_tomatoes", settings(), session="bob")
    for change in (service.cancel, service.delete):
        with pytest.raises(JobRefused, match="another login"):
            change(bob.id, "alice")
        with pytest.raises(JobRefused, match="another login"):
            change(bob.id, None)
    assert service.store.get(bob.id).status == "queued"
    assert not service.access.may_see_details(bob, "alice") and service.access.may_see_details(bob, "bob")
    assert service.cancel(alice[0].id, "alice") == "cancelled"
    service.submit("sentiment", "rotten_tomatoes", settings(), session="alice")  # a slot came free
    with pytest.raises(JobRefused, match="2 jobs"):  # resuming counts against the limit too
        service.resume(alice[0].id, "alice")
    service.delete(alice[0].id, "alice")
    assert [j.session for j in service.store.jobs()] == ["alice", "bob", "alice"]


def test_job_numbers_of_any_size_or_kind_are_unknown_jobs_not_crashes(tmp_path):
    store = JobStore(tmp_path / "jobs.db")
    for number in (2**64, -1, 0, "1e400", "twelve", None, 1.5, float("nan")):
        with pytest.raises(UnknownJob):
            store.get(number)


def test_a_second_app_on_the_same_runs_folder_is_refused(tmp_path):
    first = JobService(tmp_path).start()
    try:
        with pytest.raises(RunsFolderBusy, match=str(os.getpid())):
            JobService(tmp_path).start()
    finally:
        first.stop()
    JobService(tmp_path).start().stop()  # once the first has stopped, the folder is free


def test_a_resumed_job_joins_the_back_of_the_queue(tmp_path):
    service = JobService(tmp_path)
    first, second = (service.submit("sentiment", "rotten_tomatoes", settings()) for _ in range(2))
    service.cancel(first.id)
    service.resume(first.id)
    assert [j.id for j in service.store.queue()] == [second.id, first.id]


def test_a_killed_adopted_worker_fails_its_job_within_seconds(tmp_path, monkeypatch):
    """The app dies, a new one adopts the still-running worker, then that worker is killed too."""
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    first = JobService(tmp_path, device="cpu")
    first.scheduler.poll_seconds = 0.2
    job = first.submit("sentiment", "rotten_tomatoes", settings(epochs=50, max_tokens=60), limit=2000)
    first.start()
    wait_for(lambda: first.store.get(job.id).progress > 0, what="progress")
    first.scheduler._stop.set()  # the app dies abruptly: its scheduler stops, its worker lives on
    first.scheduler._thread.join()
    first.scheduler._children.clear()
    first.scheduler._lock.release()
    second = JobService(tmp_path, device="cpu")
    second.scheduler.poll_seconds = 0.2
    second.start()
    try:
        assert second.store.get(job.id).status == "running"  # adopted, not interrupted
        os.kill(second.store.get(job.id).pid, signal.SIGKILL)
        wait_for(lambda: status(second, job.id) == "failed", timeout=10, what="failure")
        assert "stopped unexpectedly" in second.store.get(job.id).error
        second.resume(job.id)  # resumable at once, no restart needed
        assert status(second, job.id) in ("queued", "running")
        second.cancel(job.id)
        wait_for(lambda: status(second, job.id) == "cancelled", timeout=30, what="cancel")
    finally:
        second.stop()


def test_a_resumed_job_forgets_the_curve_of_its_interrupted_epoch(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(epochs=3, max_tokens=60), limit=2000)
    service.start()
    wait_for(lambda: service.store.get(job.id).epoch >= 1, what="first epoch")
    wait_for(lambda: any(m["epoch"] > 1 for m in service.store.metrics(job.id)), what="a point of epoch 2")
    os.kill(service.store.get(job.id).pid, signal.SIGKILL)
    wait_for(lambda: status(service, job.id) == "failed", timeout=15, what="failure")
    service.resume(job.id)
    wait_for(lambda: status(service, job.id) == "succeeded", what="resumed success")
    points = [m["epoch"] for m in service.store.metrics(job.id) if m["split"] == "train" and m["name"] == "loss"]
    assert points == sorted(points)  # the curve never doubles back


def test_names_are_labels_never_paths(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(), name="../../etc/passwd\x00\n")
    assert job.name == "../../etc/passwd"
    assert clean_name("\t  ") == ""
    assert service.submit("sentiment", "rotten_tomatoes", settings()).name.startswith("sentiment-rotten_tomatoes-")


def test_delete_removes_a_finished_job_and_its_files(service):
    job = service.submit("sentiment", "rotten_tomatoes", settings(epochs=1), limit=200)
    with pytest.raises(JobRefused):
        service.delete(job.id)
    service.start()
    wait_for(lambda: status(service, job.id) == "succeeded", what="success")
    folder = service.runs_dir / "jobs" / str(job.id)
    assert folder.is_dir()
    service.delete(job.id)
    assert not folder.exists() and service.store.jobs() == [] and service.store.metrics(job.id) == []


def test_schema_version_is_recorded_and_a_newer_database_is_refused(tmp_path):
    import sqlite3

    from seqdemo.jobs.store import MIGRATIONS, SCHEMA_VERSION

    store = JobStore(tmp_path / "jobs.db")
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="newer seqdemo"):
        JobStore(tmp_path / "jobs.db")


def test_a_first_version_database_migrates_and_keeps_its_queue_order(tmp_path):
    import sqlite3

    import sqlite_utils

    from seqdemo.jobs.store import MIGRATIONS

    with sqlite3.connect(tmp_path / "jobs.db") as connection:
        db = sqlite_utils.Database(connection)
        MIGRATIONS[0](db)
        for created in (20.0, 10.0):
            db["jobs"].insert({"name": "old", "task": "sentiment", "dataset": "imdb", "config": "{}", "status": "queued",
                               "created_at": created})
        connection.execute("PRAGMA user_version = 1")
    store = JobStore(tmp_path / "jobs.db")
    assert [(j.id, j.queued_at) for j in store.queue()] == [(2, 10.0), (1, 20.0)]


def test_two_process_data_parallel_training_matches_one_process(service):
    values = settings(epochs=2, dropout=0.0, batch_size=32, lr=0.003)
    single = service.submit("sentiment", "rotten_tomatoes", values, limit=400, processes=1)
    double = service.submit("sentiment", "rotten_tomatoes", values, limit=400, processes=2)
    service.start()
    for job in (single, double):
        wait_for(lambda job=job: status(service, job.id) in ("succeeded", "failed"), timeout=300, what="training")
    one, two = service.store.get(single.id), service.store.get(double.id)
    assert (one.status, two.status) == ("succeeded", "succeeded"), two.error
    config = json.loads((service.runs_dir / "jobs" / str(double.id) / "model" / "config.json").read_text())
    assert config["processes"] == 2
    validation = lambda job: {m["epoch"]: m["value"] for m in service.store.metrics(job.id)  # noqa: E731
                              if m["split"] == "validation" and m["name"] == "loss"}
    assert validation(one).keys() == validation(two).keys() == {1.0, 2.0}
    for epoch, loss in validation(one).items():
        assert validation(two)[epoch] == pytest.approx(loss, rel=0.02)


def test_the_jobs_command_line_mirrors_the_tab(tmp_path):
    store = JobService(tmp_path).store
    queued = store.create("waiting", "sentiment", "imdb", {"hyperparameters": {}}, epochs=3, metric="accuracy")

    def jobs(*args):
        return subprocess.run([sys.executable, "-m", "seqdemo", "jobs", "--runs-dir", str(tmp_path), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    listed = jobs("list")
    assert listed.returncode == 0 and "waiting" in listed.stdout and "queued" in listed.stdout
    assert '"name": "waiting"' in jobs("show", str(queued)).stdout
    assert "cancelled" in jobs("cancel", str(queued)).stdout
    assert store.get(queued).status == "cancelled"
    assert jobs("resume", str(queued)).returncode == 0 and store.get(queued).status == "queued"
    refused = jobs("resume", str(queued))
    assert refused.returncode == 2 and "only cancelled, interrupted or failed" in refused.stderr
    missing = jobs("show", "99")
    assert missing.returncode == 2 and "There is no job 99" in missing.stderr
    jobs("cancel", str(queued))
    assert jobs("delete", str(queued), "--yes").returncode == 0 and store.jobs() == []
