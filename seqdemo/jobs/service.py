"""What the Train tab and `python -m seqdemo jobs` can do with jobs, and the rules they obey.

Every path on disk is derived from the job's number, never from its name, so a name can hold
anything printable without reaching the file system.

Who may do what (`Access`): on an app only this machine can reach, anyone at it may do anything (as
at its terminal). With logins, a job belongs to the login that started it: only that login may
cancel, resume or delete it. On a shared app (a public link, or listening beyond this machine)
without logins, nobody may start, cancel, resume or delete jobs. On a shared app, visitors see other
people's jobs in the list, but not their settings, curves or logs.
"""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..hparams import Problem, from_dict, to_dict
from ..paths import PROJECT_ROOT
from ..tasks import get_task
from ..tasks.runner import InvalidSettings, train_command
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


@dataclass(frozen=True)
class Access:
    shared: bool = False  # reachable by strangers: a public link, or listening beyond this machine
    logins: bool = False  # visitors log in, so every job has a known owner
    max_active_per_login: int | None = None  # jobs one login may have waiting or running (shared apps)

    @property
    def may_start(self) -> bool:
        return self.logins or not self.shared

    def may_change(self, job: Job, who: str | None) -> bool:
        """Cancel, resume, delete. `who` is the login, or the browser session of an app without logins."""
        if self.logins:
            return who is not None and job.session == who
        return not self.shared

    def may_see_details(self, job: Job, who: str | None) -> bool:
        """Settings, curves and log."""
        return not self.shared or (self.logins and who is not None and job.session == who)


LOCAL = Access()  # the command line, and an app only this machine can reach


def clean_name(name: str | None) -> str:
    """Printable characters only, trimmed and cut to a sensible length."""
    return "".join(c for c in (name or "") if c.isprintable()).strip()[:MAX_NAME_LENGTH]


def shown_path(path: Path) -> str:
    """A path as a command in the project folder would write it: relative there, absolute elsewhere."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def database_path(runs_dir: Path) -> Path:
    return Path(runs_dir) / "jobs.db"


class JobService:
    def __init__(self, runs_dir: Path, device: str = "auto", max_jobs: int = 1, access: Access = LOCAL):
        self.runs_dir = Path(runs_dir)
        self.device = device
        self.access = access
        self.store = JobStore(database_path(self.runs_dir))
        self.scheduler = Scheduler(self.store, self.runs_dir, max_jobs=max_jobs)

    def start(self) -> "JobService":
        self.scheduler.start()
        return self

    def stop(self) -> None:
        self.scheduler.stop()

    def _check_active_limit(self, who: str | None) -> None:
        limit = self.access.max_active_per_login
        if limit is not None and who is not None:
            active = [j for j in self.store.jobs(("queued", "running")) if j.session == who]
            if len(active) >= limit:
                raise JobRefused("jobs.too_many", limit=limit)

    def submit(self, task_name: str, dataset: str, values: dict[str, Any], preset: str = "default", name: str = "",
               processes: int = 1, limit: int | None = None, session: str | None = None) -> Job:
        """Validate and queue a job for `session` (a login, or a browser session); returns at once.
        Raises InvalidSettings or JobRefused."""
        if not self.access.may_start or (self.access.logins and session is None):
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
        self._check_active_limit(session)
        config = {"hyperparameters": to_dict(hparams), "preset": preset, "limit": limit, "processes": processes,
                  "device": self.device}
        job_id = self.store.create(clean_name(name) or f"{task_name}-{dataset}", task_name, dataset, config,
                                   epochs=hparams.epochs, metric=task.metric, session=session)
        # the same training from a terminal, recorded in the model's config.json and shown on its card
        command = train_command(task_name, dataset, hparams, preset, out=shown_path(self.model_dir(job_id)), limit=limit,
                                processes=processes)
        self.store.update(job_id, config=json.dumps({**config, "command": command}),
                          **({} if clean_name(name) else {"name": f"{task_name}-{dataset}-{job_id}"}))
        return self.store.get(job_id)

    def model_dir(self, job_id: int) -> Path:
        return self.runs_dir / "jobs" / str(job_id) / "model"

    def _changeable(self, job_id: object, who: str | None) -> Job:
        job = self.store.get(job_id)
        if not self.access.may_change(job, who):
            raise JobRefused("jobs.not_yours" if self.access.logins else "jobs.refused_share_change", id=job.id)
        return job

    def cancel(self, job_id: object, who: str | None = None) -> str:
        return self.store.request_cancel(self._changeable(job_id, who).id)

    def resume(self, job_id: object, who: str | None = None) -> None:
        job = self._changeable(job_id, who)
        self._check_active_limit(job.session if self.access.logins else None)
        if not self.store.requeue(job.id):
            raise JobRefused("jobs.not_resumable", status=self.store.get(job.id).status)

    def delete(self, job_id: object, who: str | None = None) -> None:
        """Remove a finished job, its metrics, its log and its files."""
        job = self._changeable(job_id, who)
        if job.status not in FINISHED:
            raise JobRefused("jobs.delete_active", status=job.status)
        self.store.delete(job.id)
        shutil.rmtree(self.runs_dir / "jobs" / str(job.id), ignore_errors=True)
