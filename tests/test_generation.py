"""Language models: loss falls, sampling is repeatable, decoding settings behave, bad settings are refused."""

import random

import pytest
import torch

from seqdemo.models import RecurrentConfig
from seqdemo.models.language_model import LanguageModel, LanguageModelConfig
from seqdemo.models.sampling import next_token_distribution
from seqdemo.tasks import BadInput, get_task
from seqdemo.tasks.runner import load_model
from seqdemo.tasks.text_generation import streams
from seqdemo.text.detokenize import detokenize
from seqdemo.text.tokenizers import get_tokenizer
from seqdemo.train import Trainer

TASK = get_task("generation")


@pytest.fixture(scope="module")
def generator(tiny_generation_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_generation_checkpoint, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_streams_cut_a_text_into_contiguous_rows():
    assert streams(torch.arange(10), 3).tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]


def test_batches_carry_on_where_the_last_one_stopped():
    ids = torch.arange(101)
    batches = TASK.batches([ids], batch_size=4, shuffle=False, bptt=5)
    assert batches[0].first and not batches[1].first
    assert batches[0].inputs[0].tolist() == [0, 1, 2, 3, 4] and batches[0].targets[0].tolist() == [1, 2, 3, 4, 5]
    assert batches[1].inputs[0].tolist() == [5, 6, 7, 8, 9]
    assert batches[0].inputs[1, 0] == 25  # the second stream starts a quarter of the way in


def test_lm_loss_falls_on_a_tiny_text(cpu):
    torch.manual_seed(0)
    text = "to be or not to be, that is the question. " * 40
    vocab = sorted(set(text))
    ids = torch.tensor([vocab.index(c) for c in text])
    model = LanguageModel(LanguageModelConfig(len(vocab), 16, RecurrentConfig("lstm", 32)))
    hparams = TASK.hyperparameters("shakespeare", lr=0.01, epochs=15, patience=15, bptt=20, batch_size=4, schedule="plateau")
    trainer = Trainer(model, hparams, cpu, metric="loss", mode="min")
    untrained = TASK.evaluate(model, [ids], cpu, None)["loss"]  # about ln(vocabulary size)
    result = trainer.fit(lambda epoch, rng: TASK.training_batches([ids], hparams, rng), TASK.make_loss(hparams),
                         lambda m: TASK.evaluate(m, [ids], cpu, None))
    assert untrained > 2.0
    assert result.best_metrics["loss"] < 0.3 * untrained


def test_state_is_carried_between_chunks():
    torch.manual_seed(0)
    model = LanguageModel(LanguageModelConfig(10, 8, RecurrentConfig("gru", 12, layers=2))).eval()
    tokens = torch.randint(0, 10, (2, 12))
    whole = model(tokens).logits
    first = model(tokens[:, :5])
    second = model(tokens[:, 5:], first.state)
    assert torch.allclose(torch.cat([first.logits, second.logits], dim=1), whole, atol=1e-5)


def test_each_run_carries_its_own_state():
    """Two runs in one process never share the state a language model carries from chunk to chunk."""
    model = LanguageModel(LanguageModelConfig(10, 8, RecurrentConfig("gru", 12))).eval()
    hparams = TASK.hyperparameters("shakespeare", bptt=4, batch_size=2)
    batches = TASK.training_batches([torch.randint(0, 10, (40,))], hparams, random.Random(0))
    first_run, second_run = TASK.make_loss(hparams), TASK.make_loss(hparams)
    first_run(model, batches[0])
    first_run(model, batches[1])
    assert second_run.state is None
    assert torch.equal(second_run(model, batches[0]), TASK.make_loss(hparams)(model, batches[0]))


def test_weight_tying_shares_the_embedding():
    model = LanguageModel(LanguageModelConfig(30, 8, RecurrentConfig("lstm", 16), tie_weights=True))
    assert model.decoder.weight is model.embedding.weight


def test_temperature_zero_is_greedy_and_top_k_top_p_trim_the_tail():
    logits = torch.tensor([1.0, 3.0, 2.0, 0.0])
    assert next_token_distribution(logits, 0.0).tolist() == [0.0, 1.0, 0.0, 0.0]
    top2 = next_token_distribution(logits, 1.0, top_k=2)
    assert top2[0] == 0 and top2[3] == 0 and top2.sum() == pytest.approx(1.0)
    nucleus = next_token_distribution(logits, 1.0, top_p=0.5)  # the best token alone has p = 0.64
    assert nucleus.tolist() == [0.0, 1.0, 0.0, 0.0]
    assert (next_token_distribution(logits, 1.0, top_p=0.85) > 0).sum() == 2  # 0.64 + 0.24 reach 0.85


def test_sampling_with_a_seed_repeats(generator):
    first = generator.predict("ROMEO:\n", max_tokens=40, temperature=1.0, seed=7)
    again = generator.predict("ROMEO:\n", max_tokens=40, temperature=1.0, seed=7)
    other = generator.predict("ROMEO:\n", max_tokens=40, temperature=1.0, seed=8)
    assert first.text == again.text and len(first.tokens) == 40
    assert first.text != other.text
    assert all(0 < t.probability <= 1 for t in first.tokens)


def test_greedy_generation_is_deterministic_without_a_seed(generator):
    assert generator.predict("A", temperature=0.0, seed=None, max_tokens=20).text == \
        generator.predict("A", temperature=0.0, seed=None, max_tokens=20).text


@pytest.mark.parametrize("settings, code", [({"temperature": -1}, "temperature"), ({"temperature": 100}, "temperature"),
                                            ({"top_k": -3}, "top_k"), ({"top_p": 0}, "top_p"), ({"top_p": 1.5}, "top_p"),
                                            ({"max_tokens": 0}, "max_tokens"), ({"max_tokens": 10**6}, "max_tokens")])
def test_absurd_settings_are_refused(generator, settings, code):
    with pytest.raises(BadInput) as error:
        generator.predict("ROMEO:", **settings)
    assert error.value.code == code


def test_empty_long_and_foreign_prompts_still_generate(generator):
    assert len(generator.predict("", max_tokens=10).tokens) == 10
    ids, cut, unknown = generator.prompt_ids("x" * 5000 + "天")
    assert cut and unknown == 1
    assert len(generator.predict("天地 <b>bold</b>", max_tokens=5).tokens) == 5


def test_word_tokens_round_trip_through_the_detokenizer():
    text = "KING:\nI don't know, my lord; what's that?\nGo (now)!"
    tokens = [t.text for t in get_tokenizer("en_lines")(text)]
    assert tokens[:3] == ["KING", ":", "\n"] and "n't" in tokens
    assert detokenize(tokens) == text


def test_settings_are_checked_before_the_first_token_and_any_whole_number_is_a_seed():
    from seqdemo.tasks.text_generation import sampling_settings

    with pytest.raises(BadInput) as caught:
        sampling_settings("many", 0.8, 0, 1.0, None)
    assert caught.value.code == "max_tokens"
    with pytest.raises(BadInput, match="Temperature"):
        sampling_settings(10, "hot", 0, 1.0, None)
    with pytest.raises(BadInput) as caught:
        sampling_settings(10, 0.8, 0, 1.0, "lucky")
    assert caught.value.code == "seed"
    huge = sampling_settings(10, 0.8, 0, 1.0, 12345678901234567890123)["seed"]  # 23 digits
    assert huge == 12345678901234567890123 % 2**63 == sampling_settings(10, 0.8, 0, 1.0, "12345678901234567890123")["seed"]
    assert sampling_settings("300", "0.8", "0", "1", "") == {"max_tokens": 300, "temperature": 0.8, "top_k": 0, "top_p": 1.0,
                                                          "seed": None}


@pytest.mark.parametrize("recurrent", [RecurrentConfig("lstm", 12, layers=2), RecurrentConfig("gru", 12, layers=2),
                                       RecurrentConfig("rnn", 12), RecurrentConfig("lstm", 12, layer_norm=True),
                                       RecurrentConfig("s4d", 12, layers=2)],
                         ids=["lstm", "gru", "rnn", "layer-norm-lstm", "s4d"])
@pytest.mark.parametrize("joined", [False, True], ids=["as-trained", "lstm-weights-joined"])
def test_a_single_step_gives_what_the_whole_sequence_gives(recurrent, joined):
    torch.manual_seed(0)
    model = LanguageModel(LanguageModelConfig(10, 8, recurrent, tie_weights=True)).eval()
    if joined:
        model.join_lstm_weights()  # as a generator does
    tokens = torch.tensor([[1, 4, 2, 7, 3]])
    with torch.no_grad():
        whole = model(tokens)  # logits = [1, 5, vocab]
        prefix = model(tokens[:, :4])
    logits, state = model.step(tokens[:, 4], prefix.state)
    assert torch.allclose(logits, whole.logits[:, -1], atol=1e-5)
    again, _ = model.step(tokens[:, 0], state)  # the state it returns carries on
    with torch.no_grad():
        expected = model(tokens[:, :1], whole.state).logits[:, -1]
    assert torch.allclose(again, expected, atol=1e-5)


def test_joined_lstm_weights_are_the_layers_own_and_new_weights_part_them():
    torch.manual_seed(0)
    model = LanguageModel(LanguageModelConfig(10, 8, RecurrentConfig("lstm", 12, layers=2))).eval()
    weights = {name: tensor.clone() for name, tensor in model.state_dict().items()}
    model.join_lstm_weights()
    assert all(torch.equal(weights[name], tensor) for name, tensor in model.state_dict().items())
    for index, (layer,) in enumerate(model.encoder.layers):  # the same memory, not a copy beside it
        assert layer.weight_ih_l0.data_ptr() == model.joined[index].data_ptr()
        assert layer.weight_hh_l0.data_ptr() == model.joined[index][:, 8 if index == 0 else 12:].data_ptr()

    # weights loaded afterwards are new tensors: a step must read them, not the joined ones
    model.load_state_dict({name: tensor + 0.5 if "weight_hh" in name else tensor for name, tensor in weights.items()},
                          assign=True)
    tokens = torch.tensor([[1, 4, 2, 7, 3]])
    with torch.no_grad():
        whole, prefix = model(tokens), model(tokens[:, :4])
    logits, _ = model.step(tokens[:, 4], prefix.state)
    assert torch.allclose(logits, whole.logits[:, -1], atol=1e-5)
