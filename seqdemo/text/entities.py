"""Entity spans from BIO tags, and entity-level precision, recall and F1.

Spans follow seqeval's default (conlleval) reading: an entity starts at B-X, or at an I-X that
does not continue an entity of type X; it ends where the next tag does not continue it. A
prediction counts only if its type, start and end all match a gold entity.
"""

from collections import Counter
from collections.abc import Sequence

Span = tuple[str, int, int]  # (type, start, end) with end exclusive


def spans(tags: Sequence[str]) -> list[Span]:
    found: list[Span] = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, entity_type = tag.partition("-")
        if start is not None and (prefix != "I" or entity_type != kind):
            found.append((kind, start, i))
            start = None
        if prefix in ("B", "I") and start is None:
            start, kind = i, entity_type
    return found


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": gold}


def entity_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """{"micro": {...}, "<TYPE>": {...}} with precision, recall, f1 and support (gold count), like seqeval's report."""
    correct, n_predicted, n_gold = Counter(), Counter(), Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = set(spans(gold_tags)), set(spans(predicted_tags))
        for kind, _, _ in gold_spans:
            n_gold[kind] += 1
        for kind, _, _ in predicted_spans:
            n_predicted[kind] += 1
        for kind, _, _ in gold_spans & predicted_spans:
            correct[kind] += 1
    report = {kind: _prf(correct[kind], n_predicted[kind], n_gold[kind]) for kind in sorted(set(n_gold) | set(n_predicted))}
    report["micro"] = _prf(sum(correct.values()), sum(n_predicted.values()), sum(n_gold.values()))
    return report
