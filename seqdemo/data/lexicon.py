"""A Chinese word list with parts of speech: jieba's dictionary (349,045 words, from the People's Daily
and other corpora). jieba is also a runtime dependency: `text.segmenter` tags with it.

Each dictionary line is `word frequency tag`. The tags that name entities are kept as entity types
(nr/nrt/nrfg person names, ns places, nt organisations); every other word counts as a plain word. The
list is read from the word-to-tag table jieba's tagger already holds, rather than from the file a
second time, so the app keeps one copy of 349,045 words.
"""

from functools import lru_cache

from ._package import existing_file, package_dir

LEXICON_REQUIREMENT = "jieba==0.42.1"
WORD = "word"  # the kind of every word that is not a name, place or organisation


@lru_cache(maxsize=1)
def load_chinese_lexicon() -> dict[str, str]:
    """word -> "PER", "LOC", "ORG" or "word"."""
    from ..text.segmenter import kind_of_tag, tagger

    existing_file(package_dir("jieba", LEXICON_REQUIREMENT) / "dict.txt", LEXICON_REQUIREMENT)  # a clear message if absent
    return {word: kind_of_tag(tag) for word, tag in tagger().dt.word_tag_tab.items()}
