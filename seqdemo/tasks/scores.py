"""Classification scores shared by every task that picks one class per example."""

from collections.abc import Sequence
from typing import Any


def confusion_matrix(predictions: Sequence[int], labels: Sequence[int], num_classes: int) -> list[list[int]]:
    """counts[true class][predicted class]."""
    counts = [[0] * num_classes for _ in range(num_classes)]
    for predicted, true in zip(predictions, labels):
        counts[true][predicted] += 1
    return counts


def classification_metrics(predictions: Sequence[int], labels: Sequence[int], num_classes: int,
                           per_class: bool = False) -> dict[str, Any]:
    """Accuracy and macro-F1; with `per_class`, also "per_class" (each class's precision, recall, F1 and
    support, as lists indexed by class) and "confusion" (counts[true class][predicted class])."""
    counts = confusion_matrix(predictions, labels, num_classes)
    predicted = [sum(row[c] for row in counts) for c in range(num_classes)]
    actual = [sum(counts[c]) for c in range(num_classes)]
    f1s = [2 * counts[c][c] / (predicted[c] + actual[c]) if predicted[c] + actual[c] else 0.0 for c in range(num_classes)]
    correct = sum(counts[c][c] for c in range(num_classes))
    metrics = {"accuracy": correct / max(1, len(labels)), "macro_f1": sum(f1s) / num_classes, "examples": float(len(labels))}
    if per_class:
        metrics["per_class"] = {
            "precision": [counts[c][c] / predicted[c] if predicted[c] else 0.0 for c in range(num_classes)],
            "recall": [counts[c][c] / actual[c] if actual[c] else 0.0 for c in range(num_classes)],
            "f1": f1s, "support": actual}
        metrics["confusion"] = counts
    return metrics
