"""Background training jobs: a SQLite store, a scheduler in the app process, one worker process per job."""

from .scheduler import Scheduler
from .store import FINISHED, RESUMABLE, STATUSES, Job, JobStore, UnknownJob

__all__ = ["Scheduler", "Job", "JobStore", "STATUSES", "FINISHED", "RESUMABLE", "UnknownJob"]
