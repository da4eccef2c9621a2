"""The job database: one SQLite file in the runs folder, shared by the app, the workers and the CLI.

Every reader and writer opens its own short-lived connection (WAL mode, a generous busy timeout),
so processes and threads never share a connection and never see "database is locked". The schema
carries a version number and migrates forward on open.
"""

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

STATUSES = ("queued", "running", "succeeded", "failed", "cancelled", "interrupted")
FINISHED = ("succeeded", "failed", "cancelled", "interrupted")
RESUMABLE = ("cancelled", "interrupted", "failed")
BUSY_TIMEOUT_MS = 60_000
LARGEST_ID = 2**63 - 1  # SQLite's integers are 64-bit


class UnknownJob(LookupError):
    def __init__(self, job_id: object):
        super().__init__(f"There is no job {job_id}")


def job_number(value: object) -> int:
    """A job number as typed or sent (int, "12", 12.0), or UnknownJob: never an OverflowError from SQLite."""
    try:
        number = int(value) if not isinstance(value, float) or value.is_integer() else None
    except (TypeError, ValueError, OverflowError):
        number = None
    if number is None or not 1 <= number <= LARGEST_ID:
        raise UnknownJob(str(value)[:40])
    return number


@dataclass(frozen=True)
class Job:
    id: int
    name: str
    task: str
    dataset: str
    config: dict[str, Any]  # {"hyperparameters": {...}, "preset": ..., "limit": ..., "processes": ...}
    status: str
    progress: float  # 0..1
    epoch: int
    epochs: int
    metric: str
    best_metric: float | None
    created_at: float
    queued_at: float | None  # when it last joined the queue: resuming joins at the back
    started_at: float | None
    finished_at: float | None
    pid: int | None
    error: str | None
    checkpoint: str | None
    cancel_requested: bool
    session: str | None  # who started it: the login, or the browser session of an app without logins
    run_started_at: float | None = None  # when its current run (a first start or a resume) began training
    run_progress_at_start: float = 0.0  # and how far along the job was then

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Job":
        values = {name: row[name] for name in cls.__dataclass_fields__ if name in row}
        values["config"] = json.loads(row["config"])
        values["cancel_requested"] = bool(row["cancel_requested"])
        return cls(**values)

    @property
    def elapsed(self) -> float:
        if self.started_at is None:
            return 0.0
        return (self.finished_at or time.time()) - self.started_at

    @property
    def eta(self) -> float | None:
        """Seconds left at the speed of the current run (time spent before a resume, or waiting, does not
        count); None until the run has made progress."""
        if self.status != "running" or self.run_started_at is None or not 0 <= self.progress < 1:
            return None
        done = self.progress - self.run_progress_at_start
        if done <= 0:
            return None
        return (time.time() - self.run_started_at) * (1 - self.progress) / done


def _create_v1(db: sqlite_utils.Database) -> None:
    db["jobs"].create({
        "id": int, "name": str, "task": str, "dataset": str, "config": str, "status": str, "progress": float,
        "epoch": int, "epochs": int, "metric": str, "best_metric": float, "created_at": float, "started_at": float,
        "finished_at": float, "pid": int, "error": str, "checkpoint": str, "cancel_requested": int, "session": str,
    }, pk="id", not_null={"name", "task", "dataset", "config", "status"},
        defaults={"progress": 0.0, "epoch": 0, "epochs": 0, "cancel_requested": 0})
    db["jobs"].create_index(["status"])
    db["metrics"].create({"id": int, "job_id": int, "step": int, "epoch": float, "split": str, "name": str,
                          "value": float, "time": float}, pk="id", foreign_keys=[("job_id", "jobs", "id")])
    db["metrics"].create_index(["job_id"])
    db["logs"].create({"id": int, "job_id": int, "time": float, "line": str}, pk="id",
                      foreign_keys=[("job_id", "jobs", "id")])
    db["logs"].create_index(["job_id"])


def _add_queued_at_v2(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE jobs ADD COLUMN queued_at FLOAT")
    db.execute("UPDATE jobs SET queued_at = created_at")


def _add_run_start_v3(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE jobs ADD COLUMN run_started_at FLOAT")
    db.execute("ALTER TABLE jobs ADD COLUMN run_progress_at_start FLOAT NOT NULL DEFAULT 0")


MIGRATIONS = [_create_v1, _add_queued_at_v2, _add_run_start_v3]  # MIGRATIONS[i] takes the schema from version i to i + 1
SCHEMA_VERSION = len(MIGRATIONS)


class JobStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    @contextmanager
    def db(self) -> Iterator[sqlite_utils.Database]:
        """A fresh connection; everything inside the block is one transaction."""
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("BEGIN IMMEDIATE")
            yield sqlite_utils.Database(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    def _migrate(self) -> None:
        with self.db() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path} was written by a newer seqdemo (schema {version} > {SCHEMA_VERSION})")
            for migration in MIGRATIONS[version:]:
                migration(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # ---- jobs -------------------------------------------------------------------------------

    def create(self, name: str, task: str, dataset: str, config: dict[str, Any], epochs: int, metric: str,
               session: str | None = None) -> int:
        now = time.time()
        with self.db() as db:
            table = db["jobs"].insert({
                "name": name, "task": task, "dataset": dataset, "config": json.dumps(config, allow_nan=False),
                "status": "queued", "epochs": epochs, "metric": metric, "created_at": now, "queued_at": now,
                "session": session,
            })
            return table.last_pk

    def get(self, job_id: object) -> Job:
        number = job_number(job_id)
        with self.db() as db:
            rows = list(db["jobs"].rows_where("id = ?", [number]))
        if not rows:
            raise UnknownJob(number)
        return Job.from_row(rows[0])

    def jobs(self, statuses: tuple[str, ...] | None = None, order_by: str = "id") -> list[Job]:
        where = f"status in ({', '.join('?' * len(statuses))})" if statuses else None
        with self.db() as db:
            return [Job.from_row(r) for r in db["jobs"].rows_where(where, list(statuses or []), order_by=order_by)]

    def queue(self) -> list[Job]:
        """Queued jobs, first come first served (a resumed job joins at the back)."""
        return self.jobs(("queued",), order_by="queued_at, id")

    def update(self, job_id: int, **values: Any) -> None:
        with self.db() as db:
            db["jobs"].update(job_id, values)

    def claim(self, job_id: int, pid: int) -> bool:
        """queued -> running, only if still queued (a cancel may have won the race)."""
        with self.db() as db:
            cursor = db.execute("UPDATE jobs SET status = 'running', pid = ?, started_at = coalesce(started_at, ?), "
                                "finished_at = NULL, error = NULL WHERE id = ? AND status = 'queued'",
                                [pid, time.time(), job_id])
            return cursor.rowcount == 1

    def finish(self, job_id: int, status: str, error: str | None = None, checkpoint: str | None = None) -> None:
        assert status in FINISHED
        values = {"status": status, "finished_at": time.time(), "error": error, "pid": None}
        if checkpoint is not None:
            values["checkpoint"] = checkpoint
        if status == "succeeded":
            values["progress"] = 1.0
        with self.db() as db:
            db["jobs"].update(job_id, values)

    def request_cancel(self, job_id: int) -> str:
        """A queued job is cancelled at once; a running one is flagged for its worker. Returns the new status."""
        with self.db() as db:
            db.execute("UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'queued'",
                       [time.time(), job_id])
            db.execute("UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND status = 'running'", [job_id])
            return db.execute("SELECT status FROM jobs WHERE id = ?", [job_id]).fetchone()[0]

    def requeue(self, job_id: int) -> bool:
        """Put a cancelled, interrupted or failed job back in the queue (its worker resumes from the last
        epoch). False if the job is in another state."""
        with self.db() as db:
            cursor = db.execute(
                f"UPDATE jobs SET status = 'queued', cancel_requested = 0, error = NULL, finished_at = NULL, queued_at = ? "
                f"WHERE id = ? AND status IN ({', '.join('?' * len(RESUMABLE))})", [time.time(), job_id, *RESUMABLE])
            return cursor.rowcount == 1

    def delete(self, job_id: int) -> None:
        with self.db() as db:
            db.execute("DELETE FROM metrics WHERE job_id = ?", [job_id])
            db.execute("DELETE FROM logs WHERE job_id = ?", [job_id])
            db.execute("DELETE FROM jobs WHERE id = ?", [job_id])

    def mark_interrupted(self, job_ids: list[int], why: str) -> None:
        with self.db() as db:
            for job_id in job_ids:
                db.execute("UPDATE jobs SET status = 'interrupted', pid = NULL, finished_at = ?, error = ? "
                           "WHERE id = ? AND status = 'running'", [time.time(), why, job_id])

    # ---- metrics and logs -------------------------------------------------------------------

    def add_metrics(self, job_id: int, rows: list[dict[str, Any]]) -> None:
        now = time.time()
        with self.db() as db:
            db["metrics"].insert_all([{"job_id": job_id, "time": now, **row} for row in rows])

    def drop_metrics_after(self, job_id: int, epoch: int) -> None:
        """Forget what an interrupted epoch reported: a resumed job trains it again from its start."""
        with self.db() as db:
            db.execute("DELETE FROM metrics WHERE job_id = ? AND epoch > ?", [job_id, epoch])

    def metrics(self, job_id: int) -> list[dict[str, Any]]:
        with self.db() as db:
            return list(db["metrics"].rows_where("job_id = ?", [job_id], order_by="id"))

    def log(self, job_id: int, line: str) -> None:
        with self.db() as db:
            db["logs"].insert({"job_id": job_id, "time": time.time(), "line": line})

    def log_tail(self, job_id: int, lines: int = 50) -> list[str]:
        with self.db() as db:
            rows = db.execute("SELECT line FROM logs WHERE job_id = ? ORDER BY id DESC LIMIT ?", [job_id, lines]).fetchall()
        return [row[0] for row in reversed(rows)]
