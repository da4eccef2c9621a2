"""What the Train tab and `python -m seqdemo jobs` can do with jobs, and the rules they obey.

Every path on disk is derived from the job's number, never from its name, so a name can hold
anything printable without reaching the file system.
"""

import shutil
from pathlib import Path
from typing import Any

from ..hparams import Problem, from_dict, to_dict
from ..tasks import get_task
from ..tasks.runner import InvalidSettings
from .scheduler import Scheduler
from .store import FINISHED, Job, JobStore

MAX_NAME_LENGTH = 60
MAX_PROCESSES = 8


class JobRefused(RuntimeError):
    """A request the app's policy does not allow; `key` names the message in the string table."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.problem = Problem(key, params)

    def __str__(self) -> str:
        return str(self.problem)


def clean_name(name: str | None) -> str:
    """Printable characters only, trimmed and cut to a sensible length."""
    return "".join(c for c in (name or "") if c.isprintable()).strip()[:MAX_NAME_LENGTH]


def database_path(runs_dir: Path) -> Path:
    return Path(runs_dir) / "jobs.db"


class JobService:
    def __init__(self, runs_dir: Path, device: str = "auto", max_jobs: int = 1, start_allowed: bool = True,
                 max_queued_per_session: int | None = None):
        self.runs_dir = Path(runs_dir)
        self.device = device
        self.start_allowed = start_allowed
        self.max_queued_per_session = max_queued_per_session
        self.store = JobStore(database_path(self.runs_dir))
        self.scheduler = Scheduler(self.store, self.runs_dir, max_jobs=max_jobs)

    def start(self) -> "JobService":
        self.scheduler.start()
        return self

    def stop(self) -> None:
        self.scheduler.stop()

    def submit(self, task_name: str, dataset: str, values: dict[str, Any], preset: str = "default", name: str = "",
               processes: int = 1, limit: int | None = None, session: str | None = None) -> Job:
        """Validate and queue a job; returns at once. Raises InvalidSettings or JobRefused."""
        if not self.start_allowed:
            raise JobRefused("jobs.refused_share")
        task = get_task(task_name)
        try:
            hparams = from_dict(task.Hyperparameters, values)
        except (TypeError, ValueError) as error:
            raise InvalidSettings([Problem("problem.values", {"error": str(error)})]) from None
        problems = task.check(hparams, dataset)
        if not 1 <= processes <= MAX_PROCESSES:
            problems.append(Problem("problem.high" if processes > MAX_PROCESSES else "problem.low",
                                    {"name": "processes", "bound": MAX_PROCESSES if processes > MAX_PROCESSES else 1,
                                     "value": processes}))
        if problems:
            raise InvalidSettings(problems)
        if self.max_queued_per_session is not None and session is not None:
            waiting = [j for j in self.store.jobs(("queued", "running")) if j.session == session]
            if len(waiting) >= self.max_queued_per_session:
                raise JobRefused("jobs.too_many", limit=self.max_queued_per_session)
        config = {"hyperparameters": to_dict(hparams), "preset": preset, "limit": limit, "processes": processes,
                  "device": self.device}
        job_id = self.store.create(clean_name(name) or f"{task_name}-{dataset}", task_name, dataset, config,
                                   epochs=hparams.epochs, metric=task.metric, session=session)
        if not clean_name(name):
            self.store.update(job_id, name=f"{task_name}-{dataset}-{job_id}")
        return self.store.get(job_id)

    def cancel(self, job_id: int) -> str:
        return self.store.request_cancel(job_id)

    def resume(self, job_id: int) -> None:
        if not self.store.requeue(job_id):
            raise JobRefused("jobs.not_resumable", status=self.store.get(job_id).status)

    def delete(self, job_id: int) -> None:
        """Remove a finished job, its metrics, its log and its files."""
        job = self.store.get(job_id)
        if job.status not in FINISHED:
            raise JobRefused("jobs.delete_active", status=job.status)
        self.store.delete(job_id)
        shutil.rmtree(self.runs_dir / "jobs" / str(job_id), ignore_errors=True)
