"""The settings tasks share, declared once: tasks build their hyperparameter dataclasses from these and
change defaults through `Task.defaults` and their datasets' recommendations, never by re-declaring."""

from dataclasses import dataclass

from ..hparams import hp
from ..models import CELLS, POOLINGS, RecurrentConfig
from ..models.encoder import INITS
from ..train import TrainingHyperparameters

EMBEDDINGS = ("random", "glove_frozen", "glove_tuned")
MAX_HEADS = 8  # attention heads a pooling may have (the Sentiment tab shades each one)


@dataclass
class RecurrentSettings(TrainingHyperparameters):
    """The recurrent encoder: which cell, how deep, how wide, how much dropout."""

    cell: str = hp("lstm", choices=tuple(CELLS), basic=True)
    layers: int = hp(1, low=1, high=4, basic=True)
    hidden_size: int = hp(128, low=4, high=2048, basic=True)
    dropout: float = hp(0.3, low=0.0, high=0.9)
    init: str = hp("default", choices=INITS)
    forget_bias: float = hp(0.0, low=-5.0, high=10.0)
    layer_norm: bool = hp(False)

    def recurrent(self, bidirectional: bool | None = None) -> RecurrentConfig:
        """The encoder these settings describe. `bidirectional` where the task decides the direction itself;
        otherwise the setting's (one direction when a task has no such setting)."""
        if bidirectional is None:
            bidirectional = getattr(self, "bidirectional", False)
        return RecurrentConfig(self.cell, self.hidden_size, self.layers, bidirectional, self.dropout, self.init,
                               self.forget_bias, self.layer_norm)


@dataclass
class ReaderSettings(RecurrentSettings):
    """Reading a whole sequence before deciding: in both directions, its states pooled into one vector."""

    bidirectional: bool = hp(True, basic=True)
    pooling: str = hp("attention", choices=POOLINGS)
    heads: int = hp(4, low=1, high=MAX_HEADS)  # multi-head attention pooling only


@dataclass
class TokenSettings:
    """Tokens become vectors: a vocabulary built from the training data, an embedding per entry."""

    embedding_dim: int = hp(64, low=4, high=1024)
    min_freq: int = hp(1, low=1, high=1000)
    max_vocab: int = hp(50000, low=10, high=1_000_000)


@dataclass
class PretrainedSettings:
    """English word vectors that start from GloVe instead of at random."""

    embeddings: str = hp("random", choices=EMBEDDINGS)


@dataclass
class BigramSettings:
    bigrams: bool = hp(False)
