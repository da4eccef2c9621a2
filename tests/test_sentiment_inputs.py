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


def test_constructed_examples_put_the_verdict_after_but_and_turn_it_with_not():
    import random

    from seqdemo.data import LabeledText
    from seqdemo.tasks.constructed_reviews import contrast_examples, negation_examples

    records = [LabeledText("A lovely, tender film.", 1), LabeledText("A tedious mess.", 0)]
    for example in contrast_examples(records, "en", 20, random.Random(0)):
        first, second = ("A lovely, tender film", "a tedious mess.") if example.label == 0 else ("A tedious mess", "a lovely, tender film.")
        assert example.text.startswith(first) and example.text.endswith(second) and example.source == "constructed"
    for example in negation_examples("en", 50, random.Random(1)):
        turned = " not " in example.text or "n't" in example.text or " never " in example.text
        words_positive = any(w in example.text for w in ("good", "great", "clever", "funny", "moving", "exciting",
                                                         "enjoyable", "original", "well made", "believable"))
        assert example.label == (words_positive != turned), example.text


def test_temperature_scaling_softens_an_overconfident_classifier_without_changing_its_answers():
    import torch

    from seqdemo.tasks.calibration import expected_calibration_error, fit_temperature

    torch.manual_seed(0)
    labels = torch.randint(0, 2, (2000,))
    right = torch.rand(2000) < 0.8  # right 80 % of the time
    predicted = torch.where(right, labels, 1 - labels)
    logits = torch.nn.functional.one_hot(predicted, 2).float() * 8  # but always about 100 % sure
    temperature = fit_temperature(logits, labels)
    assert temperature.value > 2
    calibrated = temperature.apply(logits)
    assert torch.equal(calibrated.argmax(-1), logits.argmax(-1))
    assert expected_calibration_error(calibrated.softmax(-1), labels) < 0.05 < expected_calibration_error(logits.softmax(-1), labels)
