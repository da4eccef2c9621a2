"""Encoder shapes and the padding invariant: padding never changes a prediction."""

import pytest
import torch

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
def test_padding_never_changes_a_prediction(cell, pooling, layers, bidirectional):
    torch.manual_seed(0)
    model = SequenceClassifier(ClassifierConfig(vocab_size=50, num_classes=3, embedding_dim=8, pooling=pooling,
                                                recurrent=RecurrentConfig(cell, 6, layers, bidirectional))).eval()
    sentence = torch.randint(4, 50, (5,))
    batch = torch.zeros(3, 11, dtype=torch.long)  # pad id 0
    batch[0] = torch.randint(4, 50, (11,))
    batch[1, :5] = sentence
    batch[2, :2] = torch.randint(4, 50, (2,))
    with torch.no_grad():
        alone = model(sentence.unsqueeze(0), torch.tensor([5]))
        padded = model(batch, torch.tensor([11, 5, 2]))
    assert torch.allclose(alone.logits[0], padded.logits[1], atol=1e-6)
    if pooling == "attention":
        assert torch.allclose(alone.attention[0], padded.attention[1, :5], atol=1e-6)


def test_attention_sums_to_one_and_ignores_padding():
    model = SequenceClassifier(ClassifierConfig(vocab_size=20, num_classes=2, embedding_dim=4, pooling="attention",
                                                recurrent=RecurrentConfig("gru", 3, bidirectional=True)))
    tokens = torch.randint(4, 20, (2, 6))
    weights = model(tokens, torch.tensor([6, 3])).attention
    assert torch.allclose(weights.sum(dim=1), torch.ones(2))
    assert torch.equal(weights[1, 3:], torch.zeros(3))
