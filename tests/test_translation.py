"""Seq2seq with attention: masking, decoding, BLEU, and a real tiny model's answers to odd input."""

import pytest
import torch

from seqdemo.models import RecurrentConfig
from seqdemo.models.decoding import beam_search, greedy
from seqdemo.models.seq2seq import BahdanauAttention, Seq2Seq, Seq2SeqConfig
from seqdemo.tasks import BadInput
from seqdemo.tasks.runner import load_model
from seqdemo.tasks.translation import bleu, join_tokens

BOS, EOS = 2, 3


@pytest.fixture(scope="module")
def translator(tiny_translation_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_translation_checkpoint, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_attention_sums_to_one_and_ignores_padding():
    attention = BahdanauAttention(encoder_dim=6, decoder_dim=5, attention_dim=4)
    keys = attention.keys(torch.randn(3, 7, 6))
    mask = torch.tensor([[True] * 7, [True] * 4 + [False] * 3, [True] + [False] * 6])
    weights = attention(torch.randn(3, 5), keys, mask)
    assert torch.allclose(weights.sum(dim=1), torch.ones(3))
    assert torch.equal(weights[~mask], torch.zeros(int((~mask).sum())))


@pytest.mark.parametrize("cell", ["gru", "lstm"])
@pytest.mark.parametrize("attention", [True, False])
def test_beam_width_one_equals_greedy(cell, attention):
    torch.manual_seed(1)
    model = Seq2Seq(Seq2SeqConfig(30, 25, 8, RecurrentConfig(cell, 10), 12, attention)).eval()
    for length in (1, 4, 9):
        source = torch.randint(4, 30, (1, length))
        lengths = torch.tensor([length])
        best = greedy(model, source, lengths, BOS, EOS, max_len=12)[0]
        beamed = beam_search(model, source, lengths, BOS, EOS, max_len=12, width=1)[0]
        assert beamed.tokens == best.tokens
        assert beamed.score == pytest.approx(best.score, abs=1e-4)


def test_beam_search_returns_distinct_hypotheses_best_first():
    torch.manual_seed(2)
    model = Seq2Seq(Seq2SeqConfig(30, 25, 8, RecurrentConfig("gru", 10), 12)).eval()
    beams = beam_search(model, torch.randint(4, 30, (1, 6)), torch.tensor([6]), BOS, EOS, max_len=10, width=5, alpha=1.0)
    assert 1 <= len(beams) <= 5
    assert len({tuple(h.tokens) for h in beams}) == len(beams)
    normalized = [h.normalized(1.0) for h in beams]
    assert normalized == sorted(normalized, reverse=True)


def test_padding_in_the_batch_does_not_change_a_translation():
    torch.manual_seed(3)
    model = Seq2Seq(Seq2SeqConfig(30, 25, 8, RecurrentConfig("gru", 10), 12)).eval()
    sentence = torch.randint(4, 30, (4,))
    batch = torch.zeros(2, 9, dtype=torch.long)
    batch[0] = torch.randint(4, 30, (9,))
    batch[1, :4] = sentence
    alone = greedy(model, sentence.unsqueeze(0), torch.tensor([4]), BOS, EOS, 8)[0]
    together = greedy(model, batch, torch.tensor([9, 4]), BOS, EOS, 8)[1]
    assert alone.tokens == together.tokens
    assert all(torch.allclose(a, b[:4], atol=1e-6) and not b[4:].any() for a, b in zip(alone.attention, together.attention))


def test_bleu_of_a_reference_against_itself_is_100():
    assert bleu(["我们试试看！", "他在哪儿？"], ["我们试试看！", "他在哪儿？"], "zh") == pytest.approx(100.0)
    assert bleu(["Let's try something.", "Where is he?"], ["Let's try something.", "Where is he?"], "en") == pytest.approx(100.0)
    assert bleu(["Where is she?"], ["Let's try something."], "en") < 10


def test_output_tokens_are_joined_per_language():
    assert join_tokens(["我", "们", "好"], "zh") == "我们好"
    assert join_tokens(["I", "do", "n't", "know", "."], "en") == "I don't know."


def test_a_tiny_model_translates_and_shows_its_attention(translator):
    result = translator.predict("I like tea.", beam_width=3)
    assert isinstance(result.text, str) and 1 <= len(result.alternatives) <= 3
    assert [t.text for t in result.source_tokens] == ["I", "like", "tea", "."]
    assert len(result.attention) == len(result.tokens)
    assert all(sum(row) == pytest.approx(1.0, abs=1e-4) and len(row) == 4 for row in result.attention)


@pytest.mark.parametrize("text, code", [("", "empty"), ("   ", "empty")])
def test_empty_input_is_refused(translator, text, code):
    with pytest.raises(BadInput) as error:
        translator.predict(text)
    assert error.value.code == code


def test_odd_inputs_get_an_answer(translator):
    long = translator.predict("word " * 400, beam_width=1)
    assert long.truncated
    assert translator.predict("Zyxwvut qqq 😀 <script>alert(1)</script>", beam_width=2).unknown >= 2
    with pytest.raises(BadInput):
        translator.predict("hello", beam_width=99)
