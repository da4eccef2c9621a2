"""Loaders for every offline data source. Each returns fixed, documented train/validation/test splits.

A missing package raises MissingDataError with the command that installs it.
"""

from ._package import MissingDataError
from .chinese_reviews import load_chinese_reviews
from .ecg import load_ecg5000
from .lexicon import load_chinese_lexicon
from .movie_reviews import load_imdb, load_movie_reviews, load_rotten_tomatoes
from .ner_corpora import load_msra, load_wnut16
from .quantangshi import load_quantangshi
from .records import Document, LabeledSeries, LabeledText, TaggedSentence, TranslationPair
from .shakespeare import load_shakespeare
from .splits import SPLIT_NAMES, Splits
from .tang_poems import load_tang_poems
from .tatoeba import load_tatoeba
from .time_series import load_glucose, load_stock

__all__ = [
    "MissingDataError", "Splits", "SPLIT_NAMES",
    "LabeledText", "TaggedSentence", "TranslationPair", "Document", "LabeledSeries",
    "load_imdb", "load_rotten_tomatoes", "load_movie_reviews", "load_chinese_reviews", "load_shakespeare", "load_tang_poems", "load_quantangshi",
    "load_tatoeba", "load_msra", "load_wnut16", "load_stock", "load_glucose", "load_ecg5000",
    "load_chinese_lexicon",
]
