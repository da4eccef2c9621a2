"""Cross-validation: how records are dealt into folds, and a real tiny run through the command line."""

import json
from collections import Counter

import pytest
from test_cli import seqdemo

from seqdemo.data import LabeledSeries
from seqdemo.tasks.crossvalidation import cross_validate, fold_of_each

pytestmark = pytest.mark.slow  # real worker processes or the app itself


def test_every_fold_gets_its_share_of_each_class():
    records = [LabeledSeries(None, label) for label in [0] * 50 + [1] * 23 + [2] * 4]
    folds = fold_of_each(records, 5)
    assert sorted(Counter(folds).values()) == [15, 15, 15, 16, 16]
    for label in (0, 1, 2):
        per_fold = Counter(f for f, r in zip(folds, records) if r.label == label)
        assert max(per_fold.values()) - min(per_fold.values(), default=0) <= 1
    assert sum(1 for f, r in zip(folds, records) if r.label == 2) == 4 and len(Counter(
        f for f, r in zip(folds, records) if r.label == 2)) == 4  # four rare records, four different folds
    assert fold_of_each(records, 5) == folds  # the same folds every time


def test_time_series_are_not_dealt_into_random_folds(cpu):
    from seqdemo.tasks import get_task
    with pytest.raises(ValueError, match="ordered in time"):
        cross_validate("stocks", "stocks", get_task("stocks").hyperparameters("stocks"), 5, cpu)
    refused = seqdemo("crossvalidate", "glucose", "--dataset", "cgm")
    assert refused.returncode == 2 and "invalid choice" in refused.stderr


def test_crossvalidate_holds_every_record_out_once():
    run = seqdemo("crossvalidate", "heartbeats", "--dataset", "ecg5000", "--preset", "quick", "--epochs", "1",
                  "--hidden-size", "4", "--limit", "30", "--folds", "3", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    held_out = [fold["examples"] for fold in result["folds"]]
    assert held_out == [20, 20, 20] and result["pooled"]["examples"] == 60  # 30 training + 30 validation beats
    mean_accuracy = sum(fold["accuracy"] * fold["examples"] for fold in result["folds"]) / 60
    assert result["pooled"]["accuracy"] == pytest.approx(mean_accuracy)
    assert all(0.0 <= fold["accuracy"] <= 1.0 and fold["loss"] > 0 for fold in result["folds"])
