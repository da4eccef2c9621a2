"""The record types every loader returns. Tasks consume these, never raw files."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LabeledText:
    text: str
    label: int
    source: str = ""  # where it comes from when a data set joins several (imdb, rotten_tomatoes)


@dataclass(frozen=True)
class TaggedSentence:
    """Tokens with one BIO tag each (B-PER, I-PER, O, ...)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TranslationPair:
    en: str
    zh: str


@dataclass(frozen=True)
class Document:
    """A whole text used for language modelling: a play or a poem."""

    title: str
    text: str


@dataclass(frozen=True)
class LabeledSeries:
    values: np.ndarray  # [time] float32
    label: int
