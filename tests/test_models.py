"""Encoder shapes and the padding invariant: padding never changes a prediction."""

import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from seqdemo.models import (
    CELLS,
    POOLINGS,
    ClassifierConfig,
    RecurrentConfig,
    RecurrentEncoder,
    SequenceClassifier,
    length_mask,
    reverse_within_lengths,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("layers, bidirectional", [(1, False), (2, True)])
def test_encoder_shapes(cell, layers, bidirectional):
    encoder = RecurrentEncoder(6, RecurrentConfig(cell, hidden_size=5, layers=layers, bidirectional=bidirectional))
    encoded = encoder(torch.randn(3, 7, 6), torch.tensor([7, 4, 1]))
    directions = 2 if bidirectional else 1
    assert encoded.outputs.shape == (3, 7, 5 * directions)
    assert encoded.final.shape == (3, 5 * directions)
    assert encoded.mask.tolist()[2] == [True] + [False] * 6
    assert not encoded.outputs[1, 4:].any()  # padding positions are zero


def test_reverse_within_lengths_keeps_padding_in_place_and_undoes_itself():
    x = torch.arange(8.0).view(2, 4, 1)
    lengths = torch.tensor([4, 2])
    reversed_ = reverse_within_lengths(x, lengths)
    assert reversed_.squeeze(-1).tolist() == [[3, 2, 1, 0], [5, 4, 6, 7]]
    assert torch.equal(reverse_within_lengths(reversed_, lengths), x)


def test_length_mask():
    assert length_mask(torch.tensor([2, 0, 3]), 3).tolist() == [[True, True, False], [False, False, False], [True, True, True]]


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("pooling", POOLINGS)
@pytest.mark.parametrize("layers, bidirectional", [(1, False), (2, True)])
@pytest.mark.parametrize("gradients", [False, True], ids=["inference", "gradients"])  # torch's attention: two paths
def test_padding_never_changes_a_prediction(cell, pooling, layers, bidirectional, gradients):
    torch.manual_seed(0)
    model = SequenceClassifier(ClassifierConfig(vocab_size=50, num_classes=3, embedding_dim=8, pooling=pooling, heads=2,
                                                recurrent=RecurrentConfig(cell, 6, layers, bidirectional))).eval()
    sentence = torch.randint(4, 50, (5,))
    batch = torch.zeros(3, 11, dtype=torch.long)  # pad id 0
    batch[0] = torch.randint(4, 50, (11,))
    batch[1, :5] = sentence
    batch[2, :2] = torch.randint(4, 50, (2,))
    with torch.set_grad_enabled(gradients):
        alone = model(sentence.unsqueeze(0), torch.tensor([5]))
        padded = model(batch, torch.tensor([11, 5, 2]))
    assert torch.allclose(alone.logits[0], padded.logits[1], atol=1e-6)
    if pooling in ("attention", "mhsa"):
        assert torch.allclose(alone.attention[0], padded.attention[1, :5], atol=1e-6)
    if pooling == "mhsa":
        assert torch.allclose(alone.head_attention[0], padded.head_attention[1, :, :5], atol=1e-6)


def test_attention_over_a_batch_without_padding_leaves_sympy_unimported():
    """Torch checks an attention padding mask, outside its inference fast path, with code that imports sympy (34 MB
    kept for good); a sentence read alone, with gradients as a predictor's explanation reads it, needs no mask."""
    script = """
import sys
import torch
from seqdemo.models import ClassifierConfig, RecurrentConfig, SequenceClassifier
for cell, pooling in (("transformer", "attention"), ("lstm", "mhsa")):
    model = SequenceClassifier(ClassifierConfig(vocab_size=20, num_classes=2, embedding_dim=8, pooling=pooling, heads=2,
                                                recurrent=RecurrentConfig(cell, 8, 2, True))).eval()
    model(torch.randint(4, 20, (1, 6)), torch.tensor([6])).logits.sum().backward()
print("sympy" in sys.modules)
"""
    answer = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert answer.stdout.strip() == "False"


def test_attention_sums_to_one_and_ignores_padding():
    model = SequenceClassifier(ClassifierConfig(vocab_size=20, num_classes=2, embedding_dim=4, pooling="attention",
                                                recurrent=RecurrentConfig("gru", 3, bidirectional=True)))
    tokens = torch.randint(4, 20, (2, 6))
    weights = model(tokens, torch.tensor([6, 3])).attention
    assert torch.allclose(weights.sum(dim=1), torch.ones(2))
    assert torch.equal(weights[1, 3:], torch.zeros(3))


def test_orthogonal_init_gives_orthogonal_recurrent_blocks_and_the_forget_bias_is_added():
    from seqdemo.models.encoder import initialise

    torch.manual_seed(0)
    lstm = nn.LSTM(6, 8, batch_first=True)
    initialise(lstm, "orthogonal", forget_bias=2.0)
    for block in lstm.weight_hh_l0.split(8):  # input, forget, cell, output
        assert torch.allclose(block @ block.T, torch.eye(8), atol=1e-5)
    assert torch.equal(lstm.bias_ih_l0[8:16], torch.full((8,), 2.0))
    assert lstm.bias_ih_l0[:8].abs().sum() == 0 and lstm.bias_hh_l0.abs().sum() == 0


def test_the_default_init_keeps_pytorchs_weights():
    from seqdemo.models.encoder import initialise

    torch.manual_seed(0)
    gru = nn.GRU(6, 8)
    before = {name: p.detach().clone() for name, p in gru.named_parameters()}
    initialise(gru, "default", forget_bias=3.0)  # a forget bias means nothing to a GRU
    assert all(torch.equal(before[name], p) for name, p in gru.named_parameters())


def test_init_and_forget_bias_reach_the_encoder_from_the_settings():
    from seqdemo.tasks import get_task
    from seqdemo.text import Vocab

    hparams = get_task("sentiment").hyperparameters("imdb", "quick", init="xavier", forget_bias=1.0, cell="lstm")
    model = get_task("sentiment").build_model(hparams, "imdb", {"words": Vocab.build([["a", "b"]])}, pretrained=False)
    lstm = model.encoder.layers[0][0]
    hidden = lstm.hidden_size
    assert torch.equal(lstm.bias_ih_l0[hidden:2 * hidden], torch.ones(hidden))


def test_a_layer_norm_lstm_reads_like_nn_lstm_and_carries_its_state():
    from seqdemo.models.encoder import LayerNormLSTM

    torch.manual_seed(0)
    layer = LayerNormLSTM(5, 7)
    assert {name: tuple(p.shape) for name, p in layer.named_parameters() if name.endswith("_l0")} == {
        name: tuple(p.shape) for name, p in nn.LSTM(5, 7).named_parameters()}
    x = torch.randn(3, 9, 5)
    outputs, (h, c) = layer(x)
    assert outputs.shape == (3, 9, 7) and h.shape == c.shape == (1, 3, 7)
    first, state = layer(x[:, :4])
    rest, _ = layer(x[:, 4:], state)
    assert torch.allclose(torch.cat([first, rest], dim=1), outputs, atol=1e-6)  # a carried state continues exactly


def test_layer_norm_trains_inside_the_shared_encoder_and_is_refused_for_other_cells():
    from seqdemo.tasks import get_task

    task = get_task("sentiment")
    good = task.hyperparameters("imdb", "quick", layer_norm=True, cell="lstm")
    assert not [p for p in task.check(good, "imdb") if p.field == "layer_norm"]
    bad = task.hyperparameters("imdb", "quick", layer_norm=True, cell="gru")
    assert [p.key for p in task.check(bad, "imdb") if p.field == "layer_norm"] == ["problem.layer_norm_cell"]
    torch.manual_seed(0)
    encoder = RecurrentEncoder(4, RecurrentConfig("lstm", 6, layers=2, bidirectional=True, layer_norm=True)).eval()
    x = torch.randn(2, 5, 4)
    batch = encoder(x, torch.tensor([5, 3]))
    alone = encoder(x[1:, :3], torch.tensor([3]))  # the short sentence without its padding
    assert torch.allclose(batch.outputs[1, :3], alone.outputs[0], atol=1e-5)
    batch.outputs.sum().backward()
    assert encoder.layers[0][0].norm_cell.weight.grad is not None


def test_s4d_convolution_and_recurrence_give_the_same_outputs_and_states():
    """Training reads a whole sequence as one convolution (FFT); generation steps the recurrence: same numbers."""
    from seqdemo.models.s4d import S4DLayer

    torch.manual_seed(0)
    layer = S4DLayer(5, 8, state_size=16).eval()
    x = torch.randn(3, 30, 5)
    with torch.no_grad():
        convolved, final = layer(x)
        state, stepped = None, []
        for t in range(x.shape[1]):
            output, state = layer.step(x[:, t], state)
            stepped.append(output)
        first, carried = layer(x[:, :11])
        rest, carried = layer(x[:, 11:], carried)  # a carried state continues exactly
    assert convolved.shape == (3, 30, 8) and final.shape == (3, 8, 8) and final.is_complex()
    assert torch.allclose(torch.stack(stepped, dim=1), convolved, atol=1e-5)
    assert torch.allclose(state, final, atol=1e-5)
    assert torch.allclose(torch.cat([first, rest], dim=1), convolved, atol=1e-5)
    assert torch.allclose(carried, final, atol=1e-5)


def test_s4d_kernel_is_the_impulse_response_of_its_zero_order_hold_recurrence():
    """K_l = 2 Re(C B̄ Ā^l) with Ā = exp(ΔA), B̄ = (exp(ΔA) - 1) / A, and S4D-Lin's start A_n = -1/2 + iπn."""
    from seqdemo.models.s4d import S4DLayer

    torch.manual_seed(0)
    layer = S4DLayer(2, 3, state_size=4)
    A = -torch.exp(layer.log_A_real.detach()) + 1j * layer.A_imag.detach()
    assert torch.allclose(A[0], torch.tensor([-0.5 + 0j, -0.5 + 1j * torch.pi]))
    dt = layer.log_dt.detach().exp()
    assert ((dt >= 0.001 - 1e-9) & (dt <= 0.1 + 1e-9)).all()
    C = torch.view_as_complex(layer.C.detach())
    A_bar, B_bar = torch.exp(dt[:, None] * A), (torch.exp(dt[:, None] * A) - 1) / A
    expected = torch.stack([2 * (C * B_bar * A_bar ** step).sum(-1).real for step in range(6)], dim=-1)
    assert torch.allclose(layer.kernel(6).detach(), expected, atol=1e-6)


def test_s4d_trains_inside_the_shared_encoder_with_its_recurrence_spared_weight_decay():
    from seqdemo.train import Trainer, TrainingHyperparameters

    torch.manual_seed(0)
    model = SequenceClassifier(ClassifierConfig(vocab_size=20, num_classes=2, embedding_dim=4,
                                                recurrent=RecurrentConfig("s4d", 6, 2, bidirectional=True)))
    trainer = Trainer(model, TrainingHyperparameters(weight_decay=0.1), torch.device("cpu"), "accuracy", "max")
    decayed = {id(p) for group in trainer.optimizer.param_groups if group["weight_decay"] for p in group["params"]}
    layer = model.encoder.layers[0][0]
    assert id(layer.in_proj.weight) in decayed and id(layer.out_proj.weight) in decayed
    assert not {id(layer.log_dt), id(layer.log_A_real), id(layer.A_imag), id(layer.C)} & decayed
    output = model(torch.randint(1, 20, (2, 9)), torch.tensor([9, 4]))
    output.logits.sum().backward()
    assert all(p.grad is not None for p in (layer.log_dt, layer.log_A_real, layer.A_imag, layer.C, layer.D))


def test_settings_s4d_cannot_honour_are_refused_naming_the_setting():
    from seqdemo.tasks import get_task

    for task_name, dataset in (("sentiment", "imdb"), ("generation", "shakespeare")):
        task = get_task(task_name)
        assert task.check(task.hyperparameters(dataset, "quick", cell="s4d"), dataset) == []
        refused = task.check(task.hyperparameters(dataset, "quick", cell="s4d", init="orthogonal", forget_bias=1.0), dataset)
        assert [(p.key, p.field) for p in refused] == [("problem.gated_only", "init"), ("problem.gated_only", "forget_bias")]
        assert "init" in refused[0].message("en") and "S4D" in refused[0].message("zh")
    translation = get_task("translation")
    refused = translation.check(translation.hyperparameters("tatoeba_en_zh", cell="s4d"), "tatoeba_en_zh")
    assert [(p.key, p.field) for p in refused] == [("problem.decoder_cell", "cell")]
    with pytest.raises(ValueError, match="init"):
        RecurrentEncoder(4, RecurrentConfig("s4d", 6, init="xavier"))


def test_each_attention_head_weighs_the_real_tokens_only_and_the_mean_is_shown_as_one():
    torch.manual_seed(0)
    model = SequenceClassifier(ClassifierConfig(vocab_size=30, num_classes=2, embedding_dim=6, pooling="mhsa", heads=4,
                                                recurrent=RecurrentConfig("lstm", 8, 1, True))).eval()
    with torch.no_grad():
        output = model(torch.randint(1, 30, (2, 7)), torch.tensor([7, 3]))
    assert output.head_attention.shape == (2, 4, 7)
    assert torch.allclose(output.head_attention.sum(-1), torch.ones(2, 4), atol=1e-6)
    assert not output.head_attention[1, :, 3:].any()  # padding: exactly zero in every head
    assert torch.allclose(output.attention, output.head_attention.mean(1))
    assert not torch.allclose(output.head_attention[0, 0], output.head_attention[0, 1])  # heads look differently
    with pytest.raises(ValueError, match="heads"):
        SequenceClassifier(ClassifierConfig(vocab_size=30, num_classes=2, embedding_dim=6, pooling="mhsa", heads=5,
                                            recurrent=RecurrentConfig("lstm", 8, 1, True)))


def test_heads_that_cannot_share_the_width_are_refused_naming_the_setting():
    from seqdemo.tasks import get_task

    task = get_task("sentiment")
    good = task.hyperparameters("imdb", "quick", pooling="mhsa", heads=4, hidden_size=64, bidirectional=True)
    assert task.check(good, "imdb") == []
    bad = task.hyperparameters("imdb", "quick", pooling="mhsa", heads=3, hidden_size=64, bidirectional=True)
    assert [(p.key, p.field) for p in task.check(bad, "imdb")] == [("problem.heads_divide", "heads")]
    assert "128" in task.check(bad, "imdb")[0].message("en")


def test_a_one_way_transformer_reads_only_what_came_before_and_a_two_way_one_reads_everything():
    torch.manual_seed(0)
    x = torch.randn(1, 8, 4)
    changed = x.clone()
    changed[0, 5] += 1.0  # a later token changes
    for bidirectional, earlier_unchanged in ((False, True), (True, False)):
        encoder = RecurrentEncoder(4, RecurrentConfig("transformer", 16, 2, bidirectional)).eval()
        with torch.no_grad():
            before, after = encoder(x, torch.tensor([8])).outputs, encoder(changed, torch.tensor([8])).outputs
        assert torch.allclose(before[0, :5], after[0, :5], atol=1e-6) == earlier_unchanged
