"""The project's own scores agree with the references the field uses: scikit-learn for
classification, seqeval (conlleval reading of BIO tags) for entities."""

import random

import pytest
from seqeval.metrics import classification_report
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

from seqdemo.tasks.scores import classification_metrics
from seqdemo.text.entities import entity_scores


def random_labels(rng: random.Random, n: int, num_classes: int, skew: float) -> tuple[list[int], list[int]]:
    """Labels and predictions that agree with probability `skew`; some classes may never occur."""
    labels = [rng.randrange(num_classes) for _ in range(n)]
    predictions = [label if rng.random() < skew else rng.randrange(num_classes) for label in labels]
    return predictions, labels


@pytest.mark.parametrize("seed", range(8))
def test_classification_metrics_match_scikit_learn(seed: int) -> None:
    rng = random.Random(seed)
    num_classes = rng.choice([2, 3, 5])
    predictions, labels = random_labels(rng, rng.randrange(1, 60), num_classes, skew=rng.random())
    ours = classification_metrics(predictions, labels, num_classes, per_class=True)
    classes = list(range(num_classes))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predictions, labels=classes, zero_division=0)
    assert ours["accuracy"] == pytest.approx(accuracy_score(labels, predictions))
    assert ours["macro_f1"] == pytest.approx(f1_score(labels, predictions, labels=classes, average="macro", zero_division=0))
    assert ours["per_class"]["precision"] == pytest.approx(list(precision))
    assert ours["per_class"]["recall"] == pytest.approx(list(recall))
    assert ours["per_class"]["f1"] == pytest.approx(list(f1))
    assert ours["per_class"]["support"] == list(support)
    assert ours["confusion"] == confusion_matrix(labels, predictions, labels=classes).tolist()


def random_tags(rng: random.Random, length: int, kinds: list[str]) -> list[str]:
    """Any sequence of B/I/O tags, including I- tags that start an entity or change its type."""
    return [rng.choice(["O", "O", f"B-{rng.choice(kinds)}", f"I-{rng.choice(kinds)}"]) for _ in range(length)]


def seqeval_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    report = classification_report(gold, predicted, output_dict=True, zero_division=0)
    return {("micro" if name == "micro avg" else name):
            {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1-score"], "support": scores["support"]}
            for name, scores in report.items() if name not in ("macro avg", "weighted avg")}


@pytest.mark.parametrize("seed", range(8))
def test_entity_scores_match_seqeval(seed: int) -> None:
    rng = random.Random(seed)
    kinds = ["PER", "ORG", "geo-loc"]  # WNUT's type names contain a hyphen
    gold = [random_tags(rng, rng.randrange(1, 12), kinds) for _ in range(30)]
    # Predictions copy most gold tags, so many entities match exactly and some only partly.
    predicted = [[tag if rng.random() < 0.8 else rng.choice(["O", f"B-{rng.choice(kinds)}", f"I-{rng.choice(kinds)}"])
                  for tag in sentence] for sentence in gold]
    ours, reference = entity_scores(gold, predicted), seqeval_scores(gold, predicted)
    assert set(ours) == set(reference)
    for kind, scores in reference.items():
        for name in ("precision", "recall", "f1"):
            assert ours[kind][name] == pytest.approx(scores[name]), (kind, name)
        assert ours[kind]["support"] == scores["support"]


def test_sentences_that_start_inside_an_entity_match_seqeval() -> None:
    # The MSRA test file has lines that begin inside a name: I- opens an entity, as in conlleval.
    gold = [["I-PER", "I-PER", "O", "B-LOC"], ["I-ORG", "B-ORG", "I-ORG"]]
    predicted = [["B-PER", "I-PER", "O", "B-LOC"], ["I-ORG", "I-ORG", "I-ORG"]]
    ours, reference = entity_scores(gold, predicted), seqeval_scores(gold, predicted)
    assert ours["micro"]["f1"] == pytest.approx(reference["micro"]["f1"])
    assert ours["PER"]["f1"] == pytest.approx(1.0)  # an I-PER start and a B-PER start name the same span
    assert ours["ORG"]["recall"] == pytest.approx(0.0)
