"""Token ids -> embeddings -> recurrent encoder -> pooling -> class scores."""

from dataclasses import dataclass

import torch
from torch import nn

from .encoder import RecurrentEncoder
from .pooling import make_pooling


@dataclass
class ClassifierOutput:
    logits: torch.Tensor  # [batch, classes]
    attention: torch.Tensor | None  # [batch, time] when the pooling is attention


class SequenceClassifier(nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int, num_classes: int, cell: str, hidden_size: int,
                 num_layers: int, bidirectional: bool, pooling: str, dropout: float, padding_idx: int = 0,
                 embedding_dropout: float | None = None):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=padding_idx)
        self.embedding_dropout = nn.Dropout(dropout if embedding_dropout is None else embedding_dropout)
        self.encoder = RecurrentEncoder(cell, embedding_dim, hidden_size, num_layers, bidirectional, dropout)
        self.pooling = make_pooling(pooling, self.encoder.output_size)
        self.output_dropout = nn.Dropout(dropout)
        self.classify = nn.Linear(self.encoder.output_size, num_classes)

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> ClassifierOutput:
        # tokens = [batch, time] ids, lengths = [batch]
        return self.classify_embedded(self.embedding(tokens), lengths)

    def classify_embedded(self, embedded: torch.Tensor, lengths: torch.Tensor) -> ClassifierOutput:
        """The rest of the forward pass, from word vectors: lets saliency take gradients w.r.t. them."""
        # embedded = [batch, time, emb]
        encoded = self.encoder(self.embedding_dropout(embedded), lengths)  # outputs = [batch, time, dirs * hidden]
        pooled, attention = self.pooling(encoded)  # [batch, dirs * hidden]
        logits = self.classify(self.output_dropout(pooled))  # [batch, classes]
        return ClassifierOutput(logits=logits.float(), attention=attention)
