"""Constructed training examples for sentiment: what single sentences rarely teach a model.

- **Contrast**: two real training sentences of opposite verdicts joined by "but" (可惜, 但是, 不过), labelled
  with the second: the clause after the contrast decides ("Beautiful to look at, but empty" is negative).
- **Negation**: short template sentences in which "not" (不, 并不, 一点也不) turns an opinion word round
  ("The plot was not clever." is negative, "一点也不差" positive).

They are added to the training records once, with the run's seed; validation and test never see them.
The hand-written probes in `seqdemo.data.probes` check the behaviour with other words and phrasings.
"""

import random
from collections.abc import Sequence

from ..data import LabeledText

CONTRASTS = {"en": (", but ", ", but ", ", although ", "; however, "), "zh": ("，可惜", "，但是", "，不过", "，但")}
SHORT = {"en": 160, "zh": 40}  # characters: a clause, not a whole review
# (subjects, positive words, negative words, templates): {s} subject, {w} word, {flip} whether it turns the word round
NEGATION = {
    "en": (("The film", "This movie", "The plot", "The acting", "The script", "The ending", "The music", "The story"),
           ("good", "great", "clever", "funny", "moving", "exciting", "enjoyable", "original", "well made", "believable"),
           ("bad", "boring", "awful", "dull", "terrible", "stupid", "confusing", "annoying", "forgettable", "a mess"),
           (("{s} was {w}.", False), ("{s} was not {w}.", True), ("{s} is not {w} at all.", True),
            ("{s} wasn't {w}.", True), ("{s} was never {w}.", True), ("{s} is really {w}.", False))),
    "zh": (("质量", "这本书", "东西", "服务", "效果", "味道", "屏幕", "做工"),
           ("好", "不错", "满意", "好用", "值", "精致", "舒服", "清楚"),
           ("差", "糟糕", "难用", "失望", "粗糙", "难看", "慢", "贵"),
           (("{s}很{w}。", False), ("{s}不{w}。", True), ("{s}并不{w}。", True), ("{s}一点也不{w}。", True),
            ("{s}真的{w}。", False), ("{s}不太{w}。", True))),
}


def contrast_examples(records: Sequence[LabeledText], language: str, count: int, rng: random.Random) -> list[LabeledText]:
    """`count` pairs of short sentences of opposite verdicts, joined by a contrast and labelled as the second."""
    short = [r for r in records if len(r.text) <= SHORT[language]]
    by_label = {label: [r for r in short if r.label == label] for label in (0, 1)}
    if not by_label[0] or not by_label[1]:
        return []
    out = []
    for _ in range(count):
        second_label = rng.randrange(2)
        first, second = rng.choice(by_label[1 - second_label]), rng.choice(by_label[second_label])
        joined = first.text.rstrip(" .!。！，,") + rng.choice(CONTRASTS[language]) + _lowered(second.text, language)
        out.append(LabeledText(joined, second.label, "constructed"))
    return out


def negation_examples(language: str, count: int, rng: random.Random) -> list[LabeledText]:
    """`count` template sentences: an opinion word, plainly or turned round by a negation."""
    subjects, positive, negative, templates = NEGATION[language]
    out = []
    for _ in range(count):
        label = rng.randrange(2)
        word = rng.choice(positive if label else negative)
        template, flips = rng.choice(templates)
        out.append(LabeledText(template.format(s=rng.choice(subjects), w=word), 1 - label if flips else label,
                               "constructed"))
    return out


def constructed_reviews(records: Sequence[LabeledText], language: str, share: float, seed: int) -> list[LabeledText]:
    """About `share` of the records' count in constructed examples, half contrasts and half negations."""
    rng = random.Random(seed)
    count = int(share * len(records))
    return contrast_examples(records, language, count - count // 2, rng) + negation_examples(language, count // 2, rng)


def _lowered(text: str, language: str) -> str:
    return text[:1].lower() + text[1:] if language == "en" else text
