"""Magnitude pruning, the tutorial's compression chapter made measurable: zero the given share of the
smallest weights in each of a model's weight matrices and embedding tables, and see what it costs in
accuracy and what it saves.

Zeros take the same room as other numbers in memory and in a plain file, so the saving shows once the
weights are compressed (as a .zip of the checkpoint would be); the time for one input does not change
either, since dense kernels multiply zeros too. Both are shown, because both surprise people. Each level can also be measured with int8 weights
(`quantization.quantized`): pruned first, then quantised, so the zeros stay zeros.
"""

import copy
import io
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torch.nn.utils import prune

from ..tasks.base import Setup
from ..tasks.runner import encoded_split, load_model
from .quantization import quantized

LEVELS = tuple(range(0, 100, 10))  # per cent of the weights set to zero
SAMPLE = 300  # test examples scored at each level: a sample, so that the whole curve takes seconds
TIMED_RUNS = 20  # one-input forward passes timed per level (the median is shown)


@dataclass(frozen=True)
class PruningPoint:
    level: int  # per cent of the prunable weights zeroed
    accuracy: float  # on the test sample
    nonzero: int  # parameters left non-zero, of `parameters`
    parameters: int
    compressed_bytes: int  # the weights zlib-compressed, as in a .zip
    milliseconds: float  # one input, median


def prunable(model: nn.Module) -> list[tuple[nn.Module, str]]:
    """Every weight matrix and embedding table (biases, norms and S4D's recurrence parameters are left alone)."""
    found = []
    for module in model.modules():
        for name, parameter in module.named_parameters(recurse=False):
            if parameter.ndim >= 2 and name.startswith("weight") and not getattr(parameter, "no_weight_decay", False):
                found.append((module, name))
    return found


def pruned(model: nn.Module, fraction: float) -> nn.Module:
    """A copy with the smallest `fraction` of each prunable weight tensor, by magnitude, set to 0 (layer by layer:
    ranked across all layers at once, the embedding table's small numbers went first and accuracy fell to chance
    at 40 %)."""
    copied = copy.deepcopy(model)
    if fraction > 0:
        for module, name in prunable(copied):
            prune.l1_unstructured(module, name, amount=fraction)
            prune.remove(module, name)  # the zeros become the weights themselves
        for module in copied.modules():
            if isinstance(module, nn.RNNBase):
                module.flatten_parameters()  # the fused kernel wants its weights in one block again
    return copied.eval()


def saved_bytes(model: nn.Module) -> bytes:
    """The model's weights as `torch.save` writes them (int8 layers included, which safetensors cannot hold)."""
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    return buffer.getvalue()


def compressed_bytes(model: nn.Module) -> int:
    return len(zlib.compress(saved_bytes(model), 6))


@torch.inference_mode()
def one_input_milliseconds(task, model: nn.Module, batch, runs: int = TIMED_RUNS) -> float:
    """The median time of the task's forward pass (with its loss) over one input's batch."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        task.loss(model, batch)
        times.append(time.perf_counter() - started)
    return 1000 * sorted(times)[len(times) // 2]


_curves: dict[tuple[Path, float, int, bool], list[PruningPoint]] = {}  # (checkpoint, mtime, sample, int8) -> curve
_lock = threading.Lock()


def pruning_curve(path: Path, sample: int = SAMPLE, int8: bool = False) -> list[PruningPoint]:
    """A classifier's accuracy, size and speed at every level in LEVELS, on `sample` test examples, with
    full-precision or int8 weights (worked out once per checkpoint version)."""
    path = Path(path)
    key = (path.resolve(), (path / "model.safetensors").stat().st_mtime, sample, int8)
    with _lock:
        if key not in _curves:
            _curves[key] = _measure(path, sample, int8)
        return _curves[key]


@torch.no_grad()
def _measure(path: Path, sample: int, int8: bool) -> list[PruningPoint]:
    device = torch.device("cpu")
    task, hparams, model, checkpoint = load_model(path, device)
    examples = encoded_split(task, hparams, checkpoint, "test", sample)
    setup = Setup(hparams, checkpoint.config["dataset"], checkpoint.fitted)
    one = task.batches(examples[:1], 1, shuffle=False)[0]
    parameters = sum(p.numel() for p in model.parameters())
    points = []
    for level in LEVELS:
        smaller = pruned(model, level / 100)
        nonzero = sum(int(p.count_nonzero()) for p in smaller.parameters())  # counted before int8 packs them away
        if int8:
            smaller = quantized(smaller)
        accuracy = task.evaluate(smaller, examples, device, setup)["accuracy"]
        points.append(PruningPoint(level, float(accuracy), nonzero, parameters, compressed_bytes(smaller),
                                   one_input_milliseconds(task, smaller, one)))
    return points
