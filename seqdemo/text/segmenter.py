"""Word segmentation as character features ("softword" features, Zhang & Yang 2018).

jieba's segmenter splits a sentence into words, and its part-of-speech tagger marks person names,
places and organisations, including names its dictionary lacks (an HMM guesses them). Each
character learns its position in the chosen word (B/M/E/S) and that word's kind: one of 16
features, as a bit mask laid out like the dictionary matches in `text.lexicon`.
"""

import logging
from collections.abc import Sequence
from functools import lru_cache

from .lexicon import KINDS, POSITIONS, WORD

_KIND_OF_TAG = {"nr": "PER", "nrt": "PER", "nrfg": "PER", "ns": "LOC", "nt": "ORG"}  # jieba's entity tags


def kind_of_tag(tag: str) -> str:
    """A jieba part-of-speech tag as a word kind: "PER", "LOC", "ORG", or "word" for every other tag."""
    return _KIND_OF_TAG.get(tag, WORD)


@lru_cache(maxsize=1)
def tagger():
    """jieba's part-of-speech tagger, loaded once (its dictionary takes a second or two)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    _one_copy_of_each_word(jieba.posseg.dt, jieba.dt.FREQ)
    return jieba.posseg


def _one_copy_of_each_word(tokenizer, frequencies: dict[str, int]) -> None:
    """jieba reads its dictionary twice, into the segmenter's word frequencies and the tagger's word tags, and
    keeps each of the 349,045 words twice, and a tag string per word: the tag table is rebuilt on the frequency
    table's words with one string per tag (22 MB less, the same table)."""
    tags, old = {}, tokenizer.word_tag_tab
    tokenizer.word_tag_tab = {word: tags.setdefault(old[word], old[word]) for word in frequencies if word in old}


def segment(text: str) -> list[tuple[str, str]]:
    """(word, kind) for each word of the segmentation; the words join back into `text`."""
    return [(pair.word, kind_of_tag(pair.flag)) for pair in tagger().cut(text)]


def segmentation_masks(tokens: Sequence[str]) -> list[int]:
    """One bit mask per token (a character, or a run of Latin letters or digits): the position of its first
    character in its word and the word's kind (exactly one bit set)."""
    per_char = []
    for word, kind in segment("".join(tokens)):
        n = len(word)
        positions = "S" if n == 1 else "B" + "M" * (n - 2) + "E"
        per_char += [1 << (POSITIONS.index(p) * len(KINDS) + KINDS.index(kind)) for p in positions]
    starts = [0]
    for token in tokens[:-1]:
        starts.append(starts[-1] + len(token))
    return [per_char[start] for start in starts]
