"""The Lab's computations: gates recomputed from a layer's weights, gradient flow, the adding problem."""

import typing

import pytest
import torch
from torch import nn

from seqdemo.lab.cells import GATES, gate_values, principal_path
from seqdemo.lab.crf_paths import NoCrf, crf_paths
from seqdemo.lab.gradient_flow import FlowSettings, fresh_flow
from seqdemo.lab.inside import look_inside
from seqdemo.lab.memory_task import BASELINE_MSE, EDGE, MemorySettings, adding_batch, train_one
from seqdemo.tasks import BadInput
from seqdemo.tasks.runner import load_model


@pytest.mark.parametrize("layer", [nn.LSTM(5, 7), nn.GRU(5, 7), nn.RNN(5, 7), nn.RNN(5, 7, nonlinearity="relu")],
                         ids=["lstm", "gru", "rnn-tanh", "rnn-relu"])
def test_recomputed_gates_give_the_layers_own_outputs(layer):
    torch.manual_seed(0)
    x = torch.randn(11, 5)  # [time, input]
    gates = gate_values(layer, x)
    expected, _ = layer(x.unsqueeze(1))  # [time, 1, hidden]
    assert torch.allclose(gates["hidden"], expected[:, 0], atol=1e-5)
    cell = type(layer).__name__.lower()
    assert list(gates) == list(GATES[cell])
    if cell == "lstm":
        _, (_, cell_state) = layer(x.unsqueeze(1))
        assert torch.allclose(gates["cell"][-1], cell_state[0, 0], atol=1e-5)
        assert ((gates["forget"] > 0) & (gates["forget"] < 1)).all()


def test_a_plain_rnn_forgets_faster_than_an_lstm_with_an_open_forget_gate():
    rnn = fresh_flow("rnn", FlowSettings(length=60, hidden_size=32, weight_scale=0.5))
    lstm = fresh_flow("lstm", FlowSettings(length=60, hidden_size=32, forget_bias=3.0))
    assert rnn[50] / rnn[0] < 1e-6 < lstm[50] / lstm[0]


def test_scaled_up_recurrent_weights_make_an_rnn_gradient_explode():
    flow = fresh_flow("rnn", FlowSettings(length=60, hidden_size=32, weight_scale=4.0))
    assert flow[50] > flow[0]


def test_the_hidden_path_keeps_two_coordinates_per_step():
    assert principal_path(torch.randn(9, 6)).shape == (9, 2)
    assert principal_path(torch.randn(1, 6)).shape == (1, 2)


def test_the_adding_problem_marks_two_numbers_and_asks_their_sum():
    inputs, targets = adding_batch(16, gap=12, generator=torch.Generator().manual_seed(0))
    assert inputs.shape == (16, 12 + 2 * EDGE, 2)
    assert (inputs[..., 1].sum(1) == 2).all()
    assert torch.allclose((inputs[..., 0] * inputs[..., 1]).sum(1), targets)


def test_a_gru_learns_the_adding_problem_over_a_short_gap():
    mse = train_one("gru", gap=2, settings=MemorySettings(hidden_size=16, steps=200))
    assert mse < BASELINE_MSE / 4


def test_looking_inside_a_sentiment_model(tiny_sentiment_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_sentiment_checkpoint, cpu)
    predictor = task.predictor(model, hparams, checkpoint)
    seen = look_inside(predictor, "A wonderful film, not boring at all.")
    assert len(seen.tokens) == len(seen.running) == seen.path.shape[0] == seen.gates["input"].shape[0]
    assert all(0 <= p <= 1 for p in seen.running)
    # the last prefix is the whole sentence: the same answer the Sentiment tab gives
    assert seen.running[-1] == pytest.approx(predictor.predict("A wonderful film, not boring at all.").probabilities[1],
                                             abs=1e-5)
    with pytest.raises(BadInput):
        look_inside(predictor, "   ")


def tiny_ner(tmp_path, cpu, preset: str):
    from seqdemo.tasks import get_task
    from seqdemo.tasks.runner import train

    hparams = get_task("ner").hyperparameters("msra", preset, epochs=1, hidden_size=16, embedding_dim=16, train_examples=0,
                                              lexicon=False)
    path = train("ner", "msra", hparams, tmp_path / preset, cpu, limit=200)
    task, hparams, model, checkpoint = load_model(path, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_the_crf_path_is_the_viterbi_path_and_never_breaks_the_bio_rules(tmp_path, cpu):
    paths = crf_paths(tiny_ner(tmp_path, cpu, "quick"), "新华社记者在北京报道，李明出席了会议。")
    assert len(paths.tokens) == len(paths.greedy) == len(paths.viterbi) == len(paths.marginal) > 0
    names = paths.tag_names
    for before, after in zip(paths.viterbi, paths.viterbi[1:]):
        assert paths.allowed[names.index(before), names.index(after)]
    assert 0 < paths.viterbi_probability <= 1 and 0 <= paths.greedy_probability <= 1
    # no path is more probable than the Viterbi path
    assert paths.greedy_probability <= paths.viterbi_probability + 1e-6
    assert paths.greedy_allowed or paths.greedy_probability == 0


def test_a_softmax_tagger_has_no_crf_paths(tmp_path, cpu):
    with pytest.raises(NoCrf):
        crf_paths(tiny_ner(tmp_path, cpu, "softmax"), "北京")


@pytest.mark.parametrize("task_name", ["sentiment", "generation", "translation", "ner", "heartbeats", "stocks", "glucose"])
def test_every_model_card_can_show_the_code_of_its_model(task_name):
    from seqdemo.tasks import get_task
    from seqdemo.ui.models import model_source

    task = get_task(task_name)
    source = model_source(task)
    returned = typing.get_type_hints(type(task).build_model)["return"]  # the classes it builds are in the code shown
    for model_class in typing.get_args(returned) or (returned,):
        assert f"class {model_class.__name__}(" in source, model_class
    assert "class RecurrentEncoder(nn.Module)" in source


def test_typed_text_in_a_chart_label_is_shown_as_typed():
    from seqdemo.ui.plots import plain

    assert plain('<a href="//evil.example">x</a> & <b>') == '&lt;a href="//evil.example"&gt;x&lt;/a&gt; &amp; &lt;b&gt;'


def test_clipping_keeps_a_run_alive_that_explodes_without_it():
    from seqdemo.lab.gradient_flow import ClippingSettings, clipping_run

    settings = ClippingSettings(steps=80)
    without, clipped = clipping_run(settings, clip=False), clipping_run(settings, clip=True)
    assert without[-1] == float("inf") and len(without) < settings.steps
    assert len(clipped) == settings.steps and all(norm < float("inf") for norm in clipped)


def test_looking_inside_a_text_generation_model(tiny_generation_checkpoint, cpu):
    from seqdemo.lab.inside import look_inside_generator

    task, hparams, model, checkpoint = load_model(tiny_generation_checkpoint, cpu)
    seen = look_inside_generator(task.predictor(model, hparams, checkpoint), "ROMEO:")
    assert "".join(seen.tokens) == "ROMEO:" and seen.running is None
    assert seen.gates["forget"].shape[0] == len("ROMEO:") == seen.path.shape[0]


def test_pruning_zeroes_the_smallest_share_of_each_weight_tensor_in_a_copy(tiny_sentiment_checkpoint, cpu):
    from seqdemo.lab.pruning import prunable, pruned
    from seqdemo.tasks.runner import load_model

    _task, _hparams, model, _checkpoint = load_model(tiny_sentiment_checkpoint, cpu)
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    half = pruned(model, 0.5)
    for module, name in prunable(half):
        weight = getattr(module, name)
        zeros = int((weight == 0).sum())
        assert abs(zeros - weight.numel() / 2) <= 1
        kept = weight[weight != 0].abs()
        assert kept.min() >= weight.abs()[weight == 0].max()  # the smallest went
    assert all(torch.equal(p, before[name]) for name, p in model.named_parameters())  # the original is untouched
    assert torch.equal(dict(half.named_parameters())["classify.bias"], before["classify.bias"])  # biases stay


def test_the_pruning_curve_shrinks_the_compressed_weights_and_scores_each_level(tiny_sentiment_checkpoint):
    from seqdemo.lab.pruning import LEVELS, pruning_curve

    points = pruning_curve(tiny_sentiment_checkpoint, sample=40)
    assert [p.level for p in points] == list(LEVELS)
    assert all(0.0 <= p.accuracy <= 1.0 for p in points)
    assert all(a.nonzero > b.nonzero and a.compressed_bytes > b.compressed_bytes for a, b in zip(points, points[1:]))
    assert pruning_curve(tiny_sentiment_checkpoint, sample=40) is points  # worked out once per checkpoint version
