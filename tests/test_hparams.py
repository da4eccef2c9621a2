"""Hyperparameters are declared once and drive validation and the CLI."""

import argparse

import pytest

from seqdemo.hparams import add_arguments, fields, from_dict, overrides_from_namespace, to_dict, validate
from seqdemo.tasks import get_task
from seqdemo.tasks.sentiment import SentimentHyperparameters

SENTIMENT = get_task("sentiment")


def test_every_field_has_help_and_defaults_pass_validation():
    for field in fields(SentimentHyperparameters):
        assert field.spec.help.endswith((".", ")")), field.name
    assert validate(SentimentHyperparameters()) == []


def test_out_of_range_and_wrong_choice_are_explained():
    problems = [str(p) for p in validate(SentimentHyperparameters(hidden_size=0, cell="transformer", dropout=1.5, layers="two"))]
    assert "hidden_size must be at least 4; got 0" in problems
    assert any(p.startswith("cell must be one of rnn, lstm, gru") for p in problems)
    assert "dropout must be at most 0.9; got 1.5" in problems
    assert "layers must be int, got 'two'" in problems


def test_task_specific_checks():
    chinese_glove = SentimentHyperparameters(embeddings="glove_tuned")
    assert any("GloVe vectors are English" in str(p) for p in SENTIMENT.check(chinese_glove, "chinese_reviews"))
    assert any("embedding_dim=50" in str(p) for p in SENTIMENT.check(SentimentHyperparameters(embedding_dim=100), "imdb"))
    assert SENTIMENT.check(SentimentHyperparameters(), "imdb") == []
    unknown = SENTIMENT.check(SentimentHyperparameters(), "yelp")[0]
    assert "Unknown dataset" in str(unknown) and "yelp" in unknown.message("zh")


def test_round_trip_through_a_dict_and_unknown_names_are_refused():
    hparams = SentimentHyperparameters(hidden_size=64, bidirectional=False)
    assert from_dict(SentimentHyperparameters, to_dict(hparams)) == hparams
    assert from_dict(SentimentHyperparameters, {"lr": 1}).lr == 1.0
    with pytest.raises(ValueError, match="Unknown hyperparameter"):
        from_dict(SentimentHyperparameters, {"hidden": 3})


def test_cli_flags_come_from_the_dataclass_and_override_a_preset():
    parser = argparse.ArgumentParser()
    add_arguments(parser, SentimentHyperparameters)
    args = parser.parse_args(["--hidden-size", "48", "--no-bidirectional", "--cell", "gru"])
    overrides = overrides_from_namespace(SentimentHyperparameters, args)
    assert overrides == {"hidden_size": 48, "bidirectional": False, "cell": "gru"}
    hparams = SENTIMENT.hyperparameters("imdb", "quick", **overrides)
    assert (hparams.hidden_size, hparams.epochs, hparams.train_examples) == (48, 3, 5000)
    with pytest.raises(SystemExit):
        parser.parse_args(["--cell", "transformer"])


@pytest.mark.parametrize("name", ["lr", "dropout", "weight_decay", "clip"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_refused(name, value):
    problems = validate(from_dict(SentimentHyperparameters, {name: value}))
    assert [p.key for p in problems] == ["problem.not_finite"]
    assert name in str(problems[0]) and problems[0].message("zh")
