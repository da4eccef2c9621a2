"""The generic trainer, batching, checkpoints and devices, shared by every task."""

from .batching import bucket_batches, pad_sequences, to_device
from .checkpoint import Checkpoint, CheckpointError, load_checkpoint, read_config, save_checkpoint
from .device import DEVICE_CHOICES, DeviceUnavailable, describe_device, resolve_device
from .progress import ProgressBar
from .schedule import get_lr
from .trainer import Callback, FitResult, NonFiniteLossError, Trainer, TrainingHyperparameters, seed_everything

__all__ = [
    "bucket_batches", "pad_sequences", "to_device", "get_lr", "Checkpoint", "CheckpointError", "load_checkpoint", "read_config",
    "save_checkpoint", "DEVICE_CHOICES", "DeviceUnavailable", "ProgressBar", "describe_device", "resolve_device", "Callback", "FitResult",
    "NonFiniteLossError", "Trainer", "TrainingHyperparameters", "seed_everything",
]
