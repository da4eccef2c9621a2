"""One training job in its own process: `python -m seqdemo.jobs.worker DB_PATH JOB_ID`.

It runs the same recipe as `python -m seqdemo train`, reporting progress, metrics and log lines
to the job database, and saving the full training state after every epoch into
`<runs>/jobs/<id>/state/` so that a cancelled or interrupted job resumes where it stopped.
Started by the scheduler, optionally under torchrun for several processes (then only rank 0
reports and writes files).
"""

import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import torch

from ..hparams import from_dict
from ..paths import runs_dir
from ..tasks import get_task
from ..tasks.runner import InvalidSettings, train
from ..train import Callback, NonFiniteLossError, Trainer, distributed, resolve_device
from .store import Job, JobStore

REPORT_EVERY_SECONDS = 1.0


def job_dir(job_id: int) -> Path:
    return runs_dir() / "jobs" / str(job_id)


class JobReporter(Callback):
    """Writes a job's progress into the database and stops training when the job is cancelled."""

    def __init__(self, store: JobStore, job_id: int):
        self.store, self.job_id = store, job_id
        self.steps_per_epoch = 1
        self.last_report = 0.0
        self.losses: list[float] = []
        self.signalled = False
        self.progress = 0.0  # what the job database shows: it never goes backwards

    def on_fit_start(self, trainer: Trainer, steps_per_epoch: int) -> None:
        self.steps_per_epoch = max(1, steps_per_epoch)
        # an interrupted epoch is trained again from its start: its points would make the curves double back;
        # progress never goes backwards (it waits until the run passes where the interrupted one had got to)
        self.store.drop_metrics_after(self.job_id, trainer.epoch)
        self.progress = max(self.store.get(self.job_id).progress, trainer.epoch / trainer.settings.epochs)
        self.store.update(self.job_id, epoch=trainer.epoch, progress=self.progress, run_started_at=time.time(),
                          run_progress_at_start=self.progress)
        if trainer.epoch:
            self.store.log(self.job_id, f"resuming after epoch {trainer.epoch} of {trainer.settings.epochs}")
        else:
            self.store.log(self.job_id, f"training: {trainer.settings.epochs} epochs of {steps_per_epoch} steps")

    def on_step(self, trainer: Trainer, step: int, loss: float) -> None:
        self.losses.append(loss)
        now = time.time()
        if now - self.last_report < REPORT_EVERY_SECONDS and step < self.steps_per_epoch:
            return
        self.last_report = now
        epochs_done = trainer.epoch + step / self.steps_per_epoch
        self.store.add_metrics(self.job_id, [{"step": trainer.step, "epoch": epochs_done, "split": "train",
                                              "name": "loss", "value": sum(self.losses) / len(self.losses)}])
        self.losses.clear()
        self.progress = max(self.progress, min(epochs_done / trainer.settings.epochs, 0.999))
        self.store.update(self.job_id, progress=self.progress)
        if self.signalled or self.store.get(self.job_id).cancel_requested:
            trainer.request_stop()

    def on_epoch_end(self, trainer: Trainer, record: dict[str, Any]) -> None:
        rows = [{"step": trainer.step, "epoch": float(record["epoch"]), "split": "validation" if k.startswith("validation_") else "train",
                 "name": "accuracy" if k == "train_accuracy" else k.removeprefix("validation_"), "value": float(v)}
                for k, v in record.items() if k not in ("epoch", "seconds") and isinstance(v, (int, float))]
        self.store.add_metrics(self.job_id, rows)
        self.progress = max(self.progress, min(trainer.epoch / trainer.settings.epochs, 0.999))
        self.store.update(self.job_id, epoch=trainer.epoch, best_metric=trainer.best_score, progress=self.progress)
        shown = ", ".join(f"{k} {v:.4g}" for k, v in record.items() if k != "epoch" and isinstance(v, float))
        self.store.log(self.job_id, f"epoch {record['epoch']}: {shown}")
        if self.signalled or self.store.get(self.job_id).cancel_requested:
            trainer.request_stop()


class RankStopper(Callback):
    """On ranks other than 0, a termination signal still has to reach the trainer."""

    def __init__(self):
        self.signalled = False

    def on_step(self, trainer: Trainer, step: int, loss: float) -> None:
        if self.signalled:
            trainer.request_stop()


def run(db_path: Path, job_id: int) -> int:
    store = JobStore(db_path)
    job = store.get(job_id)
    with distributed.session(resolve_device(job.config.get("device", "auto"))) as device:
        return _run(store, job, device)


def _run(store: JobStore, job: Job, device: torch.device) -> int:
    """The job on this rank, inside its process group."""
    job_id = job.id
    main = distributed.is_main()
    task = get_task(job.task)
    stopper = JobReporter(store, job_id) if main else RankStopper()

    def on_terminate(signum, frame):  # cancel, or the app shutting down: stop after the current step
        stopper.signalled = True

    signal.signal(signal.SIGTERM, on_terminate)
    folder = job_dir(job_id)
    try:
        hparams = from_dict(task.Hyperparameters, job.config["hyperparameters"])
        checkpoint = train(job.task, job.dataset, hparams, folder / "model", device, callbacks=[stopper],
                           limit=job.config.get("limit"), name=job.name, state_dir=folder / "state",
                           command=job.config.get("command"))
    except (InvalidSettings, NonFiniteLossError) as error:
        if main:
            store.log(job_id, f"failed: {error}")
            store.finish(job_id, "failed", error=str(error))
        return 1
    except Exception as error:  # anything else is a bug or a resource problem: keep the evidence
        if main:
            store.log(job_id, traceback.format_exc())
            store.finish(job_id, "failed", error=f"{type(error).__name__}: {error}")
        return 1
    if not main:
        return 0
    if checkpoint is not None:
        store.log(job_id, f"finished; checkpoint saved in {checkpoint}")
        store.finish(job_id, "succeeded", checkpoint=str(checkpoint))
    elif store.get(job_id).cancel_requested:
        store.log(job_id, "cancelled")
        store.finish(job_id, "cancelled")
    else:
        store.log(job_id, "interrupted; resume to continue from the last finished epoch")
        store.finish(job_id, "interrupted", error="Stopped before finishing; resume to continue.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print("usage: python -m seqdemo.jobs.worker DB_PATH JOB_ID", file=sys.stderr)
        return 2
    return run(Path(args[0]), int(args[1]))


if __name__ == "__main__":
    raise SystemExit(main())
