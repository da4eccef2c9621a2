"""A terminal progress bar for command-line training, on standard error (standard output is the result)."""

import sys
from typing import Any

from tqdm import tqdm

from .trainer import Callback, FitResult, Trainer


class ProgressBar(Callback):
    def __init__(self):
        self.bar: tqdm | None = None

    def on_fit_start(self, trainer: Trainer, steps_per_epoch: int) -> None:
        self.steps_per_epoch = steps_per_epoch
        self._new_bar(trainer)

    def _new_bar(self, trainer: Trainer) -> None:
        self.bar = tqdm(total=self.steps_per_epoch, desc=f"epoch {trainer.epoch + 1}/{trainer.settings.epochs}",
                        unit="batch", dynamic_ncols=True, leave=False)

    def on_step(self, trainer: Trainer, step: int, loss: float) -> None:
        self.bar.update(1)
        if step % 10 == 0:
            self.bar.set_postfix(loss=f"{loss:.4f}")

    def on_epoch_end(self, trainer: Trainer, record: dict[str, Any]) -> None:
        self.bar.close()
        shown = ", ".join(f"{k} {v:.4g}" for k, v in record.items() if k != "epoch" and isinstance(v, float))
        tqdm.write(f"epoch {record['epoch']}: {shown}", file=sys.stderr)
        if trainer.epoch < trainer.settings.epochs:
            self._new_bar(trainer)

    def on_fit_end(self, trainer: Trainer, result: FitResult) -> None:
        if self.bar is not None:
            self.bar.close()
        why = "cancelled" if result.cancelled else "early stopping" if result.stopped_early else "all epochs done"
        tqdm.write(f"finished ({why}) after {result.epochs_run} epochs in {result.seconds:.0f}s; best epoch {result.best_epoch}", file=sys.stderr)
