"""`python -m seqdemo export CHECKPOINT --format onnx|torchscript`: a checkpoint's network as one file that runs
without this project, checked against PyTorch on its own test inputs.

What is exported is the network's forward pass over a batch, with the batch and time sizes left free: class
scores (Sentiment, heartbeats), per-token tag scores (named entities; the CRF's Viterbi search stays with the
caller), next-token scores (text generation) and quantiles (forecasters). Translation is not offered: its
decoder writes one word at a time in a loop that depends on what it wrote, which a traced graph cannot hold.

ONNX is checked with onnxruntime, TorchScript by loading it back; each on a few batches of the test split of
different sizes, against the same batches through PyTorch.
"""

import warnings
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from .tasks.runner import encoded_split, load_model

FORMATS = ("onnx", "torchscript")
CHECK_BATCHES = 3  # test batches compared, of different sizes
CHECK_EXAMPLES = 64  # test records encoded for them
OPSET = 17
NOT_EXPORTED = {"translation": "the decoder writes one word at a time in a loop that depends on what it wrote, "
                               "which a traced graph cannot hold"}


@dataclass(frozen=True)
class Graph:
    """What a task's network is exported as: which batch fields it reads (in this order) and what it returns."""

    inputs: tuple[str, ...]
    output: str
    run: Callable[..., torch.Tensor]  # (model, *inputs) -> the output tensor


GRAPHS: dict[str, Graph] = {
    "sentiment": Graph(("tokens", "lengths", "bigrams"), "logits",
                       lambda model, tokens, lengths, bigrams=None: model(tokens, lengths, bigrams).logits),
    "heartbeats": Graph(("series", "lengths"), "logits", lambda model, series, lengths: model(series, lengths).logits),
    "ner": Graph(("tokens", "lengths", "bigrams", "chars", "lexicon"), "emissions",
                 lambda model, tokens, lengths, bigrams=None, chars=None, lexicon=None:
                 model(tokens, lengths, bigrams, chars, lexicon).emissions),
    "generation": Graph(("inputs",), "logits", lambda model, inputs: model(inputs).logits),
    "stocks": Graph(("windows",), "quantiles", lambda model, windows: model.predict(windows)),
    "glucose": Graph(("windows",), "quantiles", lambda model, windows: model.predict(windows)),
}


class ExportRefused(ValueError):
    """This checkpoint cannot be exported in the asked format; the message says why and what to do."""


class _Network(nn.Module):
    """The model with the task's call as its forward pass, taking only the inputs a batch has."""

    def __init__(self, model: nn.Module, graph: Graph, names: list[str]):
        super().__init__()
        self.model, self.graph, self.names = model, graph, names

    def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
        return self.graph.run(self.model, **dict(zip(self.names, inputs, strict=True)))


@dataclass
class ExportReport:
    path: Path
    format: str
    inputs: list[str]
    output: str
    batches: list[tuple[int, ...]]  # the shapes of the first input in each compared batch
    max_difference: float  # largest absolute difference from PyTorch over those batches


def check_batches(path: Path) -> tuple[Any, Graph, nn.Module, list[str], list[tuple[torch.Tensor, ...]]]:
    """(task, graph, model, the input names a batch has, up to CHECK_BATCHES test batches of different shapes)."""
    task, hparams, model, checkpoint = load_model(path, torch.device("cpu"))
    if task.name not in GRAPHS:
        raise ExportRefused(f"{task.name} models are not exported: {NOT_EXPORTED.get(task.name, 'no graph is defined')}")
    graph = GRAPHS[task.name]
    examples = encoded_split(task, hparams, checkpoint, "test", CHECK_EXAMPLES)
    batches = [task.batches(examples, size, shuffle=False)[0] for size in (16, 5, 1)]
    values = [{f.name: getattr(batch, f.name) for f in fields(batch)} for batch in batches]
    names = [name for name in graph.inputs if isinstance(values[0].get(name), torch.Tensor)]  # the same in every batch
    chosen = {}
    for batch in values:
        inputs = tuple(batch[name] for name in names)
        chosen.setdefault(inputs[0].shape, inputs)  # one batch per shape
    return task, graph, model.eval(), names, list(chosen.values())


def export(path: Path, format: str, out: Path | None = None) -> ExportReport:
    if format not in FORMATS:
        raise ExportRefused(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    task, graph, model, names, batches = check_batches(path)
    network = _Network(model, graph, names).eval()
    out = Path(out) if out else Path(path) / ("model.onnx" if format == "onnx" else "model.torchscript.pt")
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on Python values it fixes; the check below is the test
        expected = [network(*inputs).numpy() for inputs in batches]
        if format == "onnx":
            got = _onnx(network, names, graph.output, batches, out)
        else:
            got = _torchscript(network, batches, out)
    difference = max(float(np.abs(a - b).max()) for a, b in zip(expected, got, strict=True))
    return ExportReport(out, format, names, graph.output, [tuple(inputs[0].shape) for inputs in batches], difference)


def _onnx(network: nn.Module, names: list[str], output: str, batches, out: Path) -> list[np.ndarray]:
    import onnxruntime

    free = {name: _free_axes(name, value) for name, value in zip(names, batches[0], strict=True)}
    try:
        torch.onnx.export(network, batches[0], str(out), input_names=names, output_names=[output], opset_version=OPSET,
                          dynamic_axes={**free, output: {0: "batch"}}, dynamo=False)
    except Exception as error:  # e.g. an S4D layer's complex numbers, which ONNX has no type for
        out.unlink(missing_ok=True)
        raise ExportRefused(f"ONNX cannot express this model ({type(error).__name__}: {str(error)[:200]}); "
                            "try --format torchscript") from None
    session = onnxruntime.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    return [session.run(None, {name: value.numpy() for name, value in zip(names, inputs, strict=True)})[0]
            for inputs in batches]


def _free_axes(name: str, value: torch.Tensor) -> dict[int, str]:
    """The sizes an input may vary in: all of an id tensor's (batch, time, letters of a word); all but the features of
    a float series."""
    sizes = ["batch", "time", "letters"]
    varying = value.dim() if not value.is_floating_point() else value.dim() - 1
    return {axis: f"{name}_{sizes[axis]}" if axis > 1 else sizes[axis] for axis in range(varying)}


def _torchscript(network: nn.Module, batches, out: Path) -> list[np.ndarray]:
    traced = torch.jit.trace(network, batches[0], check_trace=False)
    traced.save(str(out))
    loaded = torch.jit.load(str(out))
    return [loaded(*inputs).numpy() for inputs in batches]
