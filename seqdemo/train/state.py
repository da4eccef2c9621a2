"""A trainer's full state (model, optimiser, scheduler, random state) after every epoch, so that a background
job resumes where it stopped.

`torch.save` writes it and `torch.load(weights_only=True)` reads it back: that loader accepts only tensors
and plain containers of numbers and strings, never arbitrary objects, so a state file cannot run code.
"""

from pathlib import Path
from typing import Any

import torch

from .atomic import atomic_directory
from .checkpoint import CheckpointError
from .trainer import Callback, Trainer

STATE = "trainer.pt"


def save_state(folder: Path, state: dict[str, Any]) -> None:
    """Atomically: a crash leaves the previous state, never half of a new one."""
    with atomic_directory(folder) as staging:
        torch.save(state, staging / STATE)


def load_state(folder: Path) -> dict[str, Any]:
    try:
        # onto the CPU, wherever it was saved: the trainer copies weights and optimiser moments to its own device
        return torch.load(Path(folder) / STATE, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError, ValueError, EOFError) as error:
        raise CheckpointError(f"{folder} is not a readable training state ({error})") from None


def has_state(folder: Path) -> bool:
    return (Path(folder) / STATE).is_file()


class EpochState(Callback):
    """Saves the trainer's full state after every epoch, so an interrupted run resumes there."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def on_epoch_end(self, trainer: Trainer, record: dict[str, Any]) -> None:
        save_state(self.folder, trainer.state_dict())
