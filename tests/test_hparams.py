"""Hyperparameters are declared once and drive validation and the CLI."""

import argparse

import pytest

from seqdemo.hparams import add_arguments, as_flags, fields, from_dict, overrides_from_namespace, to_dict, validate
from seqdemo.tasks import get_task
from seqdemo.tasks.sentiment import SentimentHyperparameters

SENTIMENT = get_task("sentiment")


def test_defaults_and_every_task_preset_pass_validation():
    from seqdemo.tasks import TASKS

    assert validate(SentimentHyperparameters()) == []
    for task in TASKS.values():
        for dataset in task.datasets:
            for preset in task.presets:
                assert task.check(task.hyperparameters(dataset, preset), dataset) == [], (task.name, dataset, preset)


def test_out_of_range_and_wrong_choice_are_explained():
    problems = validate(SentimentHyperparameters(hidden_size=0, cell="mamba", dropout=1.5, layers="two"))
    assert "hidden_size must be at least 4; got 0" in map(str, problems)
    assert any(str(p).startswith("cell must be one of rnn, lstm, gru, s4d, transformer") for p in problems)
    assert "dropout must be at most 0.9; got 1.5" in map(str, problems)
    assert "layers must be int, got 'two'" in map(str, problems)
    assert {p.field for p in problems} == {"hidden_size", "cell", "dropout", "layers"}  # the form highlights these


def test_task_specific_checks():
    chinese_glove = SENTIMENT.hyperparameters("chinese_reviews", embeddings="glove_tuned")
    assert any("GloVe vectors are English" in str(p) for p in SENTIMENT.check(chinese_glove, "chinese_reviews"))
    assert any("embedding_dim=50" in str(p) for p in SENTIMENT.check(SENTIMENT.hyperparameters("imdb", embedding_dim=100), "imdb"))
    assert SENTIMENT.check(SENTIMENT.hyperparameters("imdb"), "imdb") == []
    unknown = SENTIMENT.check(SentimentHyperparameters(), "yelp")[0]
    assert "Unknown dataset" in str(unknown) and "yelp" in unknown.message("zh")


def test_a_task_changes_shared_defaults_without_declaring_the_setting_again():
    from seqdemo.tasks import TASKS
    from seqdemo.tasks.settings import RecurrentSettings

    shared = {f.name for f in fields(RecurrentSettings)}
    assert all(shared <= {f.name for f in fields(task.Hyperparameters)} for task in TASKS.values())
    assert (TASKS["generation"].hyperparameters().hidden_size, TASKS["heartbeats"].hyperparameters().hidden_size) == (512, 64)


def test_round_trip_through_a_dict_and_unknown_names_are_refused():
    hparams = SentimentHyperparameters(hidden_size=64, bidirectional=False)
    assert from_dict(SentimentHyperparameters, to_dict(hparams)) == hparams
    assert from_dict(SentimentHyperparameters, {"lr": 1}).lr == 1.0
    assert from_dict(SentimentHyperparameters, {"epochs": 3.0}).epochs == 3  # a form's whole float is an int
    with pytest.raises(ValueError, match="Unknown hyperparameter"):
        from_dict(SentimentHyperparameters, {"hidden": 3})


def test_a_renamed_setting_is_read_under_its_new_name():
    from seqdemo.tasks.translation import TranslationHyperparameters

    assert from_dict(TranslationHyperparameters, {"encoder_layers": 2}).layers == 2


def test_the_flags_of_a_form_are_the_command_that_reproduces_it():
    parser = argparse.ArgumentParser()
    defaults = SENTIMENT.hyperparameters("imdb", "quick")
    add_arguments(parser, SentimentHyperparameters, defaults)
    values = {**to_dict(defaults), "hidden_size": 48, "bidirectional": False, "lr": 0.00031}
    flags = as_flags(values, defaults)
    assert flags == ["--lr", "0.00031", "--hidden-size", "48", "--no-bidirectional"] or sorted(flags) == sorted(
        ["--lr", "0.00031", "--hidden-size", "48", "--no-bidirectional"])
    parsed = overrides_from_namespace(SentimentHyperparameters, parser.parse_args(flags))
    assert SENTIMENT.hyperparameters("imdb", "quick", **parsed) == from_dict(SentimentHyperparameters, values)


def test_cli_flags_come_from_the_dataclass_and_override_a_preset():
    parser = argparse.ArgumentParser()
    add_arguments(parser, SentimentHyperparameters, SENTIMENT.hyperparameters())
    args = parser.parse_args(["--hidden-size", "48", "--no-bidirectional", "--cell", "gru"])
    overrides = overrides_from_namespace(SentimentHyperparameters, args)
    assert overrides == {"hidden_size": 48, "bidirectional": False, "cell": "gru"}
    hparams = SENTIMENT.hyperparameters("imdb", "quick", **overrides)
    assert (hparams.hidden_size, hparams.epochs, hparams.train_examples) == (48, 3, 5000)
    with pytest.raises(SystemExit):
        parser.parse_args(["--cell", "mamba"])


@pytest.mark.parametrize("name", ["lr", "dropout", "weight_decay", "clip"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_refused(name, value):
    problems = validate(from_dict(SentimentHyperparameters, {name: value}))
    assert [p.key for p in problems] == ["problem.not_finite"]
    assert name in str(problems[0]) and problems[0].message("zh")
