"""Starts queued jobs as worker processes, at most `max_jobs` at a time, oldest first.

It runs as a thread inside the app process, but each job trains in its own OS process, so a
crash or an out-of-memory kill in training never takes the app down. The browser is never part
of the loop: all state is in the job database.
"""

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from ..paths import PROJECT_ROOT
from .lock import FolderLock
from .store import Job, JobStore

log = logging.getLogger(__name__)

WORKER_MODULE = "seqdemo.jobs.worker"
CANCEL_GRACE_SECONDS = 10  # a cancelled worker gets this long to stop cleanly before it is killed
LOST_WORKER = ("The training process stopped unexpectedly (killed, or out of memory). "
               "Resume the job to continue from its last finished epoch.")


def process_alive(pid: int | None) -> bool:
    """True if `pid` is a running seqdemo worker (a recycled pid running something else does not count)."""
    if not pid:
        return False
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and WORKER_MODULE in " ".join(process.cmdline())
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # someone else's process: alive, and not ours to judge
        return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_command(job: Job, db_path: Path) -> list[str]:
    """`python -m seqdemo.jobs.worker`, or torchrun with N processes when the job asks for them."""
    processes = int(job.config.get("processes", 1))
    if processes <= 1:
        return [sys.executable, "-m", WORKER_MODULE, str(db_path), str(job.id)]
    return [sys.executable, "-m", "torch.distributed.run", "--nnodes=1",
            f"--nproc_per_node={processes}", f"--master_port={free_port()}",
            "-m", WORKER_MODULE, str(db_path), str(job.id)]


class Scheduler:
    def __init__(self, store: JobStore, runs_dir: Path, max_jobs: int = 1, poll_seconds: float = 0.5):
        self.store = store
        self.runs_dir = Path(runs_dir)
        self.max_jobs = max_jobs
        self.poll_seconds = poll_seconds
        self._children: dict[int, subprocess.Popen] = {}  # job id -> worker we started
        self._cancel_sent: dict[int, float] = {}  # job id -> when we asked it to stop
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = FolderLock(self.runs_dir)

    def _lost(self) -> list[Job]:
        """Jobs marked running whose worker we did not start and is gone (adopted after a restart, then killed)."""
        return [job for job in self.store.jobs(("running",)) if job.id not in self._children and not process_alive(job.pid)]

    def recover(self) -> list[int]:
        """After a restart: jobs marked running whose worker is gone become interrupted (resumable).
        Workers still alive are adopted: they finish on their own, and `tick` notices if they die."""
        orphans = [job.id for job in self._lost()]
        self.store.mark_interrupted(orphans, "The app stopped while this job was running; resume it to continue.")
        return orphans

    def start(self) -> "Scheduler":
        """Raises RunsFolderBusy when another app already schedules this runs folder."""
        self._lock.acquire()
        self.recover()
        self._thread = threading.Thread(target=self._loop, name="job-scheduler", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 15.0) -> None:
        """Stop scheduling and interrupt our running workers; their jobs can be resumed later."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        for process in list(self._children.values()):
            if process.poll() is None:
                self._signal(process, signal.SIGTERM)
        deadline = time.time() + timeout
        for process in list(self._children.values()):
            try:
                process.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                self._signal(process, signal.SIGKILL)
                process.wait()
        self.store.mark_interrupted(list(self._children), "The app was stopped; resume the job to continue.")
        self._children.clear()
        self._lock.release()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:  # the scheduler must outlive any single bad job or database hiccup
                log.exception("job scheduler tick failed")
            self._stop.wait(self.poll_seconds)

    def tick(self) -> None:
        self._reap()
        self._reap_lost()
        self._enforce_cancels()
        self._start_queued()

    def _reap(self) -> None:
        for job_id, process in list(self._children.items()):
            code = process.poll()
            if code is None:
                continue
            del self._children[job_id]
            self._cancel_sent.pop(job_id, None)
            job = self.store.get(job_id)
            if job.status == "running":  # the worker died without recording an outcome (killed, out of memory)
                if job.cancel_requested:
                    self.store.finish(job_id, "cancelled")
                else:
                    self.store.finish(job_id, "failed", error=f"The training process exited unexpectedly (exit code {code}). "
                                                             "Resume the job to continue from its last finished epoch.")

    def _reap_lost(self) -> None:
        for job in self._lost():
            self._cancel_sent.pop(job.id, None)
            self.store.finish(job.id, "cancelled" if job.cancel_requested else "failed",
                              error=None if job.cancel_requested else LOST_WORKER)

    def _enforce_cancels(self) -> None:
        for job in self.store.jobs(("running",)):
            if not job.cancel_requested:
                continue
            process = self._children.get(job.id)
            sent = self._cancel_sent.get(job.id)
            if sent is None:
                self._cancel_sent[job.id] = time.time()
                if process is not None:
                    self._signal(process, signal.SIGTERM)
                elif job.pid and process_alive(job.pid):
                    os.kill(job.pid, signal.SIGTERM)
            elif time.time() - sent > CANCEL_GRACE_SECONDS:
                if process is not None:
                    self._signal(process, signal.SIGKILL)
                elif job.pid and process_alive(job.pid):
                    os.kill(job.pid, signal.SIGKILL)  # an adopted worker: `_reap_lost` records the cancel

    def _running_count(self) -> int:
        adopted = [j for j in self.store.jobs(("running",)) if j.id not in self._children and process_alive(j.pid)]
        return len(self._children) + len(adopted)

    def _start_queued(self) -> None:
        free = self.max_jobs - self._running_count()
        for job in self.store.queue()[: max(0, free)]:
            self._launch(job)

    def _launch(self, job: Job) -> None:
        if not self.store.claim(job.id, pid=0):
            return  # cancelled between listing and starting
        run_dir = self.runs_dir / "jobs" / str(job.id)
        run_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "SEQDEMO_RUNS_DIR": str(self.runs_dir), "PYTHONUNBUFFERED": "1"}
        try:
            with open(run_dir / "worker.log", "ab") as output:
                process = subprocess.Popen(worker_command(job, self.store.path), cwd=PROJECT_ROOT, env=env,
                                           stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        except OSError as error:
            self.store.finish(job.id, "failed", error=f"Could not start the training process: {error}")
            return
        self._children[job.id] = process
        self.store.update(job.id, pid=process.pid)

    @staticmethod
    def _signal(process: subprocess.Popen, sig: int) -> None:
        """Signal the worker's whole process group (torchrun and its ranks included)."""
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
