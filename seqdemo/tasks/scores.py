"""Classification scores shared by every task that picks one class per example."""

from collections.abc import Sequence


def confusion_matrix(predictions: Sequence[int], labels: Sequence[int], num_classes: int) -> list[list[int]]:
    """counts[true class][predicted class]."""
    counts = [[0] * num_classes for _ in range(num_classes)]
    for predicted, true in zip(predictions, labels):
        counts[true][predicted] += 1
    return counts


def classification_metrics(predictions: Sequence[int], labels: Sequence[int], num_classes: int,
                           per_class: bool = False) -> dict[str, float]:
    """Accuracy and macro-F1; with `per_class`, also each class's precision, recall and F1 (keys
    `precision_2`, ...) and the confusion matrix (`confusion_<true>_<predicted>`)."""
    counts = confusion_matrix(predictions, labels, num_classes)
    metrics, f1s = {}, []
    for c in range(num_classes):
        tp = counts[c][c]
        predicted = sum(row[c] for row in counts)
        actual = sum(counts[c])
        f1s.append(2 * tp / (predicted + actual) if predicted + actual else 0.0)
        if per_class:
            metrics |= {f"precision_{c}": tp / predicted if predicted else 0.0,
                        f"recall_{c}": tp / actual if actual else 0.0, f"f1_{c}": f1s[-1], f"support_{c}": float(actual)}
    if per_class:
        metrics |= {f"confusion_{t}_{p}": float(counts[t][p]) for t in range(num_classes) for p in range(num_classes)}
    correct = sum(counts[c][c] for c in range(num_classes))
    total = len(labels)
    return {"accuracy": correct / max(1, total), "macro_f1": sum(f1s) / num_classes, "examples": float(total)} | metrics
