"""Every task on an accelerator, as a user runs it: `python -m seqdemo train ... --device cuda`, then `evaluate` and
`predict` on the same device; the Lab's views and the predictors of those checkpoints, checked against the CPU; a
resumed run; and, with two GPUs, two processes under torchrun. Each test is skipped where its device is missing
(CUDA: `torch.cuda.is_available()`; Apple's MPS: `torch.backends.mps.is_available()`)."""

import json
import math
import random
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from conftest import ROOT

CUDA = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
TWO_GPUS = pytest.mark.skipif(torch.cuda.device_count() < 2, reason="needs two CUDA GPUs")
MPS = pytest.mark.skipif(not torch.backends.mps.is_available(), reason="needs Apple's MPS")
DEVICES = [pytest.param("cuda", marks=CUDA), pytest.param("mps", marks=MPS)]

pytestmark = pytest.mark.slow  # real training processes

TINY_SENTIMENT = ["--dataset", "rotten_tomatoes", "--preset", "quick", "--limit", "200", "--hidden-size", "8",
                  "--embeddings", "random", "--max-tokens", "40", "--max-vocab", "2000"]
BEAT = ",".join(f"{math.sin(i / 9) + 0.3 * math.sin(i / 2):.4f}" for i in range(180))  # resampled to 140 samples
RECIPES = {  # name: (task, tiny training flags, an input for `predict`; None: looked up in the data)
    "sentiment": ("sentiment", TINY_SENTIMENT, "a gorgeous, funny film"),
    # max pooling: the predictor's word weights are gradients through the encoder in eval mode; float16 training
    "sentiment_saliency_amp": ("sentiment", TINY_SENTIMENT + ["--pooling", "max", "--amp"], "a dull, lifeless film"),
    "generation": ("generation", ["--dataset", "shakespeare", "--preset", "quick", "--limit", "2", "--hidden-size", "32",
                                  "--embedding-dim", "16", "--bptt", "32", "--batch-size", "32"], "ROMEO:"),
    "translation": ("translation", ["--dataset", "tatoeba_en_zh", "--preset", "quick", "--limit", "300",
                                    "--hidden-size", "16", "--decoder-hidden", "32", "--embedding-dim", "16",
                                    "--beam-width", "3", "--teacher-forcing", "0.8", "--label-smoothing", "0.1"],
                    "I like green tea."),
    "ner": ("ner", ["--dataset", "msra", "--preset", "quick", "--limit", "300", "--hidden-size", "16",
                    "--embedding-dim", "16", "--train-examples", "0"], "新华社记者在北京报道，李明出席了会议。"),
    "ner_chars_softmax": ("ner", ["--dataset", "wnut16", "--preset", "softmax", "--limit", "200", "--hidden-size", "16",
                                  "--embeddings", "random", "--embedding-dim", "16"], "Going to see Taylor Swift in London"),
    "heartbeats": ("heartbeats", ["--dataset", "ecg5000", "--preset", "quick", "--limit", "200", "--hidden-size", "8",
                                  "--conv-channels", "8", "--fcn-branch", "--members", "2"], BEAT),
    "stocks": ("stocks", ["--dataset", "stocks", "--preset", "quick", "--limit", "2", "--hidden-size", "8",
                          "--window", "20", "--horizon", "5"], "AAPL"),
    "glucose": ("glucose", ["--dataset", "cgm", "--preset", "quick", "--hidden-size", "8", "--train-examples", "1"], None),
}
HARDWARE = {"cuda": "CUDA GPU", "mps": "Apple GPU"}  # how metrics.json names the device it trained on
JSON_PREDICTIONS = {"sentiment", "generation", "translation", "ner", "heartbeats"}  # tasks; forecasts hold arrays


def seqdemo(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "seqdemo", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    """checkpoint(recipe, device): a tiny model trained for one epoch by the command line on `device` (once)."""
    made: dict[tuple[str, str], Path] = {}

    def checkpoint(recipe: str, device: str) -> Path:
        if (recipe, device) not in made:
            task, flags, _ = RECIPES[recipe]
            out = tmp_path_factory.mktemp(f"{recipe}-{device}") / "model"
            trained = seqdemo("train", task, *flags, "--epochs", "1", "--device", device, "--out", str(out))
            assert trained.returncode == 0, trained.stderr
            made[recipe, device] = out
        return made[recipe, device]

    return checkpoint


def predict_input(recipe: str, checkpoint: Path) -> str:
    """The recipe's input; for glucose, a moment of the monitor's test period the model can forecast from."""
    if RECIPES[recipe][2] is not None:
        return RECIPES[recipe][2]
    from seqdemo.tasks.runner import load_model

    task, hparams, model, loaded = load_model(checkpoint, torch.device("cpu"))
    return str(task.predictor(model, hparams, loaded).moments()[100])


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("recipe", list(RECIPES))
def test_train_evaluate_predict_on_the_device(recipe, device, checkpoints):
    path = checkpoints(recipe, device)
    metrics = json.loads((path / "metrics.json").read_text())
    assert metrics["hardware"].startswith(HARDWARE[device])
    assert all(math.isfinite(record["train_loss"]) for record in metrics["history"])

    evaluated = seqdemo("evaluate", str(path), "--split", "test", "--limit", "50", "--device", device, "--json")
    assert evaluated.returncode == 0, evaluated.stderr
    scores = json.loads(evaluated.stdout)
    task = json.loads((path / "config.json").read_text())["task"]
    metric = {"sentiment": "accuracy", "generation": "loss", "translation": "bleu", "ner": "f1", "heartbeats": "loss",
              "stocks": "loss", "glucose": "loss"}[task]
    assert math.isfinite(scores[metric])

    as_json = ["--json"] if task in JSON_PREDICTIONS else []
    predicted = seqdemo("predict", str(path), predict_input(recipe, path), "--device", device, *as_json)
    assert predicted.returncode == 0, predicted.stderr
    assert predicted.stdout.strip()
    if task in ("sentiment", "heartbeats"):
        assert sum(json.loads(predicted.stdout)["probabilities"]) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("device", DEVICES)
def test_sentiment_probes_run_on_the_device(device, checkpoints):
    probed = seqdemo("evaluate", str(checkpoints("sentiment", device)), "--probes", "--device", device, "--json")
    assert probed.returncode == 0, probed.stderr
    assert 0 <= json.loads(probed.stdout)["probe_accuracy"] <= 1


def predictors(path: Path, device: str):
    """The checkpoint's predictor on the CPU and on `device`."""
    from seqdemo.tasks.runner import load_model

    made = []
    for where in ("cpu", device):
        task, hparams, model, checkpoint = load_model(path, torch.device(where))
        made.append(task.predictor(model, hparams, checkpoint))
    return made


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("recipe", ["sentiment", "sentiment_saliency_amp", "heartbeats"])
def test_a_classifier_answers_on_the_device_as_on_the_cpu(recipe, device, checkpoints):
    on_cpu, on_device = predictors(checkpoints(recipe, device), device)
    given = RECIPES[recipe][2]
    expected, answer = on_cpu.predict(given), on_device.predict(given)
    # loose enough for cuDNN's TF32 arithmetic, tight enough to catch a wrong mask, length or device
    assert answer.probabilities == pytest.approx(expected.probabilities, abs=2e-3)
    weights = (lambda p: p.weights) if recipe.startswith("sentiment") else (lambda p: p.attention)
    assert weights(answer) == pytest.approx(weights(expected), abs=2e-2)
    if recipe == "sentiment_saliency_amp":
        assert answer.weight_kind == "saliency"


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("recipe", ["stocks", "glucose"])
def test_a_forecast_on_the_device_is_the_forecast_on_the_cpu(recipe, device, checkpoints):
    path = checkpoints(recipe, device)
    on_cpu, on_device = predictors(path, device)
    given = predict_input(recipe, path)
    np.testing.assert_allclose(on_device.predict(given).quantiles, on_cpu.predict(given).quantiles, rtol=1e-3)


@pytest.mark.parametrize("device", DEVICES)
def test_decoders_on_the_device_give_lists_and_cpu_tensors(device, checkpoints):
    """Beam search, Viterbi and sampling keep their tensors on the model's device and hand back plain values."""
    _, translator = predictors(checkpoints("translation", device), device)
    translation = translator.predict("I like green tea.", beam_width=3)
    assert translation.attention and all(len(row) == len(translation.source_tokens) for row in translation.attention)
    assert isinstance(translator.predict("I like green tea.", beam_width=1).text, str)

    _, recognizer = predictors(checkpoints("ner", device), device)
    recognition = recognizer.predict(RECIPES["ner"][2])
    assert all(0 < entity.confidence <= 1 for entity in recognition.entities)

    _, generator = predictors(checkpoints("generation", device), device)
    first, again = (generator.predict("ROMEO:", max_tokens=30, seed=7) for _ in range(2))
    assert first.text == again.text and len(first.tokens) == 30  # a seed gives the same text on any device


@pytest.mark.parametrize("device", DEVICES)
def test_the_lab_views_of_models_on_the_device(device, checkpoints):
    from seqdemo.lab.crf_paths import crf_paths
    from seqdemo.lab.gradient_flow import trained_flow
    from seqdemo.lab.inside import look_inside, look_inside_generator

    on_cpu, recognizer = predictors(checkpoints("ner", device), device)
    paths, expected = crf_paths(recognizer, RECIPES["ner"][2]), crf_paths(on_cpu, RECIPES["ner"][2])
    assert paths.viterbi == expected.viterbi and paths.transitions.device.type == "cpu"
    assert paths.viterbi_probability == pytest.approx(expected.viterbi_probability, rel=1e-2)

    on_cpu, generator = predictors(checkpoints("generation", device), device)
    flow = trained_flow(generator, "To be, or not to be")
    assert flow.device.type == "cpu"
    torch.testing.assert_close(flow, trained_flow(on_cpu, "To be, or not to be"), rtol=1e-2, atol=1e-6)
    inside = look_inside_generator(generator, "To be, or not to be")
    assert all(gate.device.type == "cpu" for gate in inside.gates.values())

    on_cpu, predictor = predictors(checkpoints("sentiment", device), device)
    inside, expected = look_inside(predictor, "not good, but fun"), look_inside(on_cpu, "not good, but fun")
    assert inside.running == pytest.approx(expected.running, abs=2e-3) and inside.path.device.type == "cpu"


@pytest.mark.parametrize("device", DEVICES)
def test_a_resumed_run_on_the_device_continues_as_if_never_stopped(device, tmp_path):
    """The saved state holds the device's random state (its dropout masks) and loads wherever it was saved."""
    from seqdemo.models import ClassifierConfig, RecurrentConfig, SequenceClassifier
    from seqdemo.train import Trainer, TrainingHyperparameters, bucket_batches, pad_sequences, seed_everything
    from seqdemo.train.state import load_state, save_state

    rng = random.Random(0)
    sequences = [[rng.randrange(1, 30) for _ in range(rng.randrange(3, 12))] for _ in range(256)]
    labels = [int(sum(s) % 2) for s in sequences]

    def batches(epoch, rng):
        out = []
        for indices in bucket_batches([len(s) for s in sequences], 32, shuffle=True, rng=rng):
            tokens, lengths = pad_sequences([sequences[i] for i in indices], 0)
            out.append((tokens, lengths, torch.tensor([labels[i] for i in indices])))
        return out

    def trainer(epochs: int) -> Trainer:
        seed_everything(0)  # as every run starts, a resumed one too
        model = SequenceClassifier(ClassifierConfig(30, 2, 16, RecurrentConfig(hidden_size=16, dropout=0.5)))
        settings = TrainingHyperparameters(epochs=epochs, final_fit=True)
        return Trainer(model, settings, torch.device(device), metric="accuracy")

    def fit(trainer: Trainer) -> None:
        trainer.fit(batches, lambda model, b: model(b[0], b[1], labels=b[2]).loss, lambda model: {"accuracy": 0.5})

    whole = trainer(epochs=2)
    fit(whole)
    first = trainer(epochs=1)
    fit(first)
    save_state(tmp_path / "state", first.state_dict())
    resumed = trainer(epochs=2)
    resumed.load_state_dict(load_state(tmp_path / "state"))
    fit(resumed)
    for a, b in zip(resumed.model.parameters(), whole.model.parameters(), strict=True):
        torch.testing.assert_close(a, b, rtol=1e-3, atol=1e-4)  # other dropout masks move weights by about 1e-3


@CUDA
@TWO_GPUS
def test_two_processes_on_two_gpus_train_one_model_under_torchrun(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    recipe = ["train", "sentiment", *TINY_SENTIMENT, "--epochs", "2", "--dropout", "0", "--batch-size", "32",
              "--device", "cuda"]
    single = seqdemo(*recipe, "--out", str(tmp_path / "single"))
    assert single.returncode == 0, single.stderr
    double = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--nproc-per-node=2",
                             f"--master-port={port}", "-m", "seqdemo", *recipe, "--out", str(tmp_path / "double")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert double.returncode == 0, double.stderr
    config = json.loads((tmp_path / "double" / "config.json").read_text())
    assert config["processes"] == 2
    one = json.loads((tmp_path / "single" / "metrics.json").read_text())
    two = json.loads((tmp_path / "double" / "metrics.json").read_text())
    for epoch_one, epoch_two in zip(one["history"], two["history"], strict=True):
        assert epoch_two["validation_loss"] == pytest.approx(epoch_one["validation_loss"], rel=0.02)
    predicted = seqdemo("predict", str(tmp_path / "double"), "a gorgeous, funny film", "--device", "cuda", "--json")
    assert predicted.returncode == 0, predicted.stderr

