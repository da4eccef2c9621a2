"""nn.Modules. They know tensors, not tasks, files or text."""

from .classifier import ClassifierEnsemble, ClassifierOutput, SequenceClassifier, SeriesClassifier
from .encoder import CELLS, Encoded, RecurrentEncoder, length_mask, reverse_within_lengths
from .pooling import POOLINGS, AdditiveAttention, LastHidden, MaxPool, make_pooling

__all__ = [
    "CELLS", "POOLINGS", "Encoded", "RecurrentEncoder", "length_mask", "reverse_within_lengths",
    "LastHidden", "MaxPool", "AdditiveAttention", "make_pooling", "SequenceClassifier", "SeriesClassifier", "ClassifierOutput",
    "ClassifierEnsemble",
]
