"""nn.Modules. They know tensors, not tasks, files or text. Each model takes one config dataclass, and its
forward pass returns its loss too when given what it should have predicted."""

from .classifier import (
                         ClassifierConfig,
                         ClassifierEnsemble,
                         ClassifierOutput,
                         SequenceClassifier,
                         SeriesClassifier,
                         SeriesClassifierConfig,
)
from .encoder import CELLS, Encoded, RecurrentConfig, RecurrentEncoder, length_mask, reverse_within_lengths
from .pooling import POOLINGS, AdditiveAttention, LastHidden, MaxPool, make_pooling

__all__ = [
    "CELLS", "POOLINGS", "Encoded", "RecurrentConfig", "RecurrentEncoder", "length_mask", "reverse_within_lengths",
    "LastHidden", "MaxPool", "AdditiveAttention", "make_pooling", "ClassifierConfig", "SequenceClassifier",
    "SeriesClassifierConfig", "SeriesClassifier", "ClassifierOutput", "ClassifierEnsemble",
]
