"""A Chinese word list with parts of speech: jieba's dictionary (349,045 words, from the People's Daily
and other corpora). jieba is also a runtime dependency: `text.segmenter` tags with it.

Each dictionary line is `word frequency tag`. The tags that name entities are kept as entity types
(nr/nrt/nrfg person names, ns places, nt organisations); every other word counts as a plain word. The
list is a view of the word-to-tag table jieba's tagger already holds, rather than the file read a second
time, so the app keeps one copy of 349,045 words.
"""

from collections.abc import Iterator, Mapping
from functools import lru_cache

from ._package import existing_file, package_dir

LEXICON_REQUIREMENT = "jieba==0.42.1"
WORD = "word"  # the kind of every word that is not a name, place or organisation


class _WordKinds(Mapping):
    """word -> its kind, read from a word -> part-of-speech tag table."""

    def __init__(self, tags: dict[str, str]):
        from ..text.segmenter import kind_of_tag

        self._tags, self._kind = tags, kind_of_tag

    def __getitem__(self, word: str) -> str:
        return self._kind(self._tags[word])

    def get(self, word: str, default=None):
        tag = self._tags.get(word)
        return default if tag is None else self._kind(tag)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tags)

    def __len__(self) -> int:
        return len(self._tags)


@lru_cache(maxsize=1)
def load_chinese_lexicon() -> Mapping[str, str]:
    """word -> "PER", "LOC", "ORG" or "word"."""
    from ..text.segmenter import tagger

    existing_file(package_dir("jieba", LEXICON_REQUIREMENT) / "dict.txt", LEXICON_REQUIREMENT)  # a clear message if absent
    return _WordKinds(tagger().dt.word_tag_tab)
