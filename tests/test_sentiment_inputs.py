"""Bad and odd inputs to a real sentiment model: each gets an answer or a clear BadInput."""

import pytest

from seqdemo.tasks import BadInput
from seqdemo.tasks.runner import load_model
from seqdemo.tasks.sentiment import MAX_INPUT_CHARS, MAX_INPUT_TOKENS, head_and_tail


@pytest.fixture(scope="module")
def predictor(tiny_sentiment_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_sentiment_checkpoint, cpu)
    return task.predictor(model, hparams, checkpoint)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_refused(predictor, text):
    with pytest.raises(BadInput) as error:
        predictor.predict(text)
    assert error.value.code == "empty"


def test_very_long_text_is_truncated_and_says_so(predictor):
    prediction = predictor.predict("good film " * 10_000)  # 100,000 characters
    assert prediction.chars_truncated and prediction.tokens_truncated
    assert len(prediction.text) == MAX_INPUT_CHARS and len(prediction.tokens) == MAX_INPUT_TOKENS


@pytest.mark.parametrize("text", ["😀😀😀", "!!! ??? ...", "zxqwv blorptastic fnargle", "这部电影 really 很好", "<script>alert(1)</script>"])
def test_odd_inputs_get_an_answer(predictor, text):
    prediction = predictor.predict(text)
    assert sum(prediction.probabilities) == pytest.approx(1.0)
    assert len(prediction.weights) == len(prediction.tokens) and max(prediction.weights) == pytest.approx(1.0)
    assert all(prediction.text[t.start:t.end].lower() == t.text for t in prediction.tokens)


def test_unknown_words_are_reported(predictor):
    assert predictor.predict("zxqwv blorptastic fnargle").unknown_fraction == 1.0


def test_head_and_tail_keeps_both_ends():
    assert head_and_tail(list(range(10)), 4) == [0, 7, 8, 9]
    assert head_and_tail([1, 2], 4) == [1, 2]
