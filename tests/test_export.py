"""`python -m seqdemo export`: the written graph runs without PyTorch's model code and gives PyTorch's numbers."""

import json
import subprocess
import sys

import numpy as np
import onnxruntime
import pytest
import torch
from conftest import ROOT

from seqdemo.export import ExportRefused, check_batches, export

pytestmark = pytest.mark.slow  # trains and exports real models


@pytest.mark.parametrize("format", ["onnx", "torchscript"])
def test_an_exported_model_gives_pytorchs_answers_on_test_batches_of_other_shapes(tiny_sentiment_checkpoint, tmp_path,
                                                                                   format):
    report = export(tiny_sentiment_checkpoint, format, tmp_path / f"model.{format}")
    assert report.path.exists() and report.inputs == ["tokens", "lengths"] and report.output == "logits"
    assert len({shape for shape in report.batches}) == len(report.batches) >= 2  # batches of different shapes
    assert report.max_difference < 1e-4


def test_the_onnx_graph_runs_on_its_own_for_a_new_sentence_length(tiny_sentiment_checkpoint, tmp_path):
    path = export(tiny_sentiment_checkpoint, "onnx", tmp_path / "model.onnx").path
    _task, graph, model, names, _ = check_batches(tiny_sentiment_checkpoint)
    tokens, lengths = torch.randint(1, 50, (3, 41)), torch.tensor([41, 17, 2])  # a length no test batch had
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = session.run(None, {"tokens": tokens.numpy(), "lengths": lengths.numpy()})[0]
    with torch.no_grad():
        expected = graph.run(model, tokens, lengths).numpy()
    assert np.abs(got - expected).max() < 1e-4


def test_what_cannot_be_exported_is_refused_with_the_reason(tmp_path):
    from seqdemo.serve import list_models

    translation = list_models("translation")[0].path
    with pytest.raises(ExportRefused, match="one word at a time"):
        export(translation, "onnx", tmp_path / "x.onnx")
    s4d = tmp_path / "s4d"
    trained = subprocess.run([sys.executable, "-m", "seqdemo", "train", "heartbeats", "--dataset", "ecg5000", "--preset",
                              "quick", "--limit", "100", "--epochs", "1", "--cell", "s4d", "--hidden-size", "8", "--out",
                              str(s4d)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert trained.returncode == 0, trained.stderr
    refused = subprocess.run([sys.executable, "-m", "seqdemo", "export", str(s4d), "--out", str(tmp_path / "s4d.onnx")],
                             cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert refused.returncode == 2 and "--format torchscript" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "s4d.onnx").exists()
    scripted = subprocess.run([sys.executable, "-m", "seqdemo", "export", str(s4d), "--format", "torchscript"], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
    assert scripted.returncode == 0, scripted.stderr
    assert "largest difference from PyTorch" in scripted.stdout and (s4d / "model.torchscript.pt").exists()
    assert json.loads((s4d / "config.json").read_text())["hyperparameters"]["cell"] == "s4d"
