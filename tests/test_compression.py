"""int8 weights: the quantised copy answers like the original, is smaller, generates text, and the app can serve it."""

import importlib.util

import torch
from conftest import ROOT

from seqdemo.lab.pruning import pruning_curve, saved_bytes
from seqdemo.lab.quantization import quantized
from seqdemo.models.encoder import RecurrentConfig
from seqdemo.models.language_model import LanguageModel, LanguageModelConfig
from seqdemo.serve.registry import INT8_TASKS, PredictorCache
from seqdemo.tasks.runner import load_model
from seqdemo.ui.app import footer


def language_model(hidden_size: int = 256) -> LanguageModel:
    torch.manual_seed(0)
    config = LanguageModelConfig(vocab_size=60, embedding_dim=32, recurrent=RecurrentConfig("lstm", hidden_size, layers=2))
    return LanguageModel(config).eval()


def test_int8_logits_stay_close_to_full_precision_and_the_original_is_untouched():
    model = language_model()
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    tokens = torch.randint(0, 60, (3, 40))  # [batch, time]
    with torch.no_grad():
        full = model(tokens).logits  # [batch, time, vocab]
        small = quantized(model)(tokens).logits
    assert small.shape == full.shape
    assert (small - full).abs().max() < 0.05 * full.abs().max()
    assert (small.argmax(-1) == full.argmax(-1)).float().mean() > 0.9
    assert all(torch.equal(p, before[name]) for name, p in model.named_parameters())
    assert type(model.encoder.layers[0][0]) is torch.nn.LSTM


def test_int8_leaves_a_transformer_layer_whole_and_its_model_still_answers():
    from seqdemo.models import ClassifierConfig, SequenceClassifier

    torch.manual_seed(0)
    model = SequenceClassifier(ClassifierConfig(vocab_size=50, embedding_dim=16, num_classes=2,
                                                recurrent=RecurrentConfig("transformer", 32, bidirectional=True),
                                                pooling="max")).eval()
    tokens, lengths = torch.randint(1, 50, (3, 12)), torch.tensor([12, 7, 3])  # [batch, time], [batch]
    with torch.no_grad():
        full = model(tokens, lengths).logits  # [batch, classes]
        small = quantized(model)(tokens, lengths).logits  # the fused Transformer layer reads its weights as tensors
    assert (small - full).abs().max() < 0.05 * full.abs().max() + 1e-3


def test_int8_weights_of_an_lstm_model_take_about_a_quarter_of_the_room():
    model = language_model()
    assert len(saved_bytes(quantized(model))) < 0.35 * len(saved_bytes(model))


def test_an_int8_language_model_steps_as_it_reads_and_generates_text(tiny_generation_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_generation_checkpoint, cpu)
    small = quantized(model)
    tokens = torch.tensor([[5, 9, 3, 7]])  # [1, time]
    with torch.inference_mode():
        read = small(tokens[:, :-1])
        logits, _state = small.step(tokens[:, -1], read.state)  # [1, vocab]: one step on from the state
        whole = small(tokens).logits[:, -1]  # the same four tokens read at once
        full_precision, _ = model.step(tokens[:, -1], model(tokens[:, :-1]).state)
    # activations are quantised per call, with the range of what that call reads: close, not equal
    assert (logits - whole).abs().max() < 0.02 * whole.abs().max()
    assert (logits - full_precision).abs().max() < 0.05 * full_precision.abs().max()
    generation = task.predictor(small, hparams, checkpoint).predict("ROMEO:\n", max_tokens=30)
    assert len(generation.tokens) == 30 and generation.text


def test_the_int8_pruning_curve_is_measured_and_kept_apart(tiny_sentiment_checkpoint):
    full = pruning_curve(tiny_sentiment_checkpoint, sample=40)
    int8 = pruning_curve(tiny_sentiment_checkpoint, sample=40, int8=True)
    assert int8 is not full and pruning_curve(tiny_sentiment_checkpoint, sample=40, int8=True) is int8
    assert [p.nonzero for p in int8] == [p.nonzero for p in full]  # the same zeros, then int8
    assert all(0.0 <= p.accuracy <= 1.0 for p in int8)
    assert int8[0].compressed_bytes < full[0].compressed_bytes


def load_app_module():
    spec = importlib.util.spec_from_file_location("app_script", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_app_takes_an_int8_flag_and_documents_it(capsys):
    app = load_app_module()
    assert app.parse_args(["--int8-on-cpu"]).int8 is True
    assert app.parse_args([]).int8 is False
    try:
        app.parse_args(["--help"])
    except SystemExit:
        pass
    assert "--int8-on-cpu" in capsys.readouterr().out


def test_int8_weights_are_served_on_the_cpu_only_and_the_footer_says_which(cpu):
    assert PredictorCache(cpu).int8_tasks == frozenset()
    assert PredictorCache(cpu, int8=True).int8_tasks == INT8_TASKS
    assert PredictorCache(torch.device("cuda"), int8=True).int8_tasks == frozenset()
    assert "full-precision weights" in footer("en", cpu, frozenset())
    assert "全精度权重" in footer("zh", cpu, frozenset())
    shown = footer("en", cpu, frozenset({"generation", "sentiment"}))
    assert "int8 weights for the shipped Text generation, Sentiment models" in shown


def test_the_cache_serves_int8_weights_for_the_chosen_tasks(cpu):
    from seqdemo.serve import list_models

    task = sorted(INT8_TASKS)[0]
    entry = next(entry for entry in list_models(task) if entry.shipped)
    predictor = PredictorCache(cpu, int8=True).get(entry.path)
    assert any(type(module).__module__.startswith("torch.ao.nn.quantized") for module in predictor.model.modules())
