"""A Chinese word list with parts of speech: jieba's dictionary (349,046 words, from the People's Daily
and other corpora), read as a file. (jieba is also a runtime dependency: `text.segmenter` uses it.)

Each line is `word frequency tag`. The tags that name entities are kept as entity types
(nr/nrt/nrfg person names, ns places, nt organisations); every other word counts as a plain word.
"""

from functools import lru_cache

from ._package import existing_file, package_dir

LEXICON_REQUIREMENT = "jieba==0.42.1"
WORD = "word"
_ENTITY_TAGS = {"nr": "PER", "nrt": "PER", "nrfg": "PER", "ns": "LOC", "nt": "ORG"}


@lru_cache(maxsize=1)
def load_chinese_lexicon() -> dict[str, str]:
    """word -> "PER", "LOC", "ORG" or "word"."""
    path = existing_file(package_dir("jieba", LEXICON_REQUIREMENT) / "dict.txt", LEXICON_REQUIREMENT)
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _frequency, tag = line.split(" ")
        lexicon[word] = _ENTITY_TAGS.get(tag, WORD)
    return lexicon
