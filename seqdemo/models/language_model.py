"""A recurrent language model: token ids -> embeddings -> stacked RNN/LSTM/GRU -> next-token scores.

The shape of pytorch/examples' word_language_model: one class for every cell type, optional
weight tying (the output layer reuses the embedding matrix), and a state that can be carried
from one chunk of text to the next (truncated backpropagation through time).
"""

import torch
from torch import nn

from .encoder import RecurrentEncoder, RecurrentState


class LanguageModel(nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int, cell: str, hidden_size: int, num_layers: int,
                 dropout: float, tie_weights: bool):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.dropout = nn.Dropout(dropout)
        self.encoder = RecurrentEncoder(cell, embedding_dim, hidden_size, num_layers, bidirectional=False, dropout=dropout)
        # tying needs the decoder's input to have the embedding's size: project down when they differ
        self.project = nn.Linear(hidden_size, embedding_dim) if tie_weights and hidden_size != embedding_dim else None
        self.decoder = nn.Linear(embedding_dim if tie_weights else hidden_size, vocab_size)
        if tie_weights:
            self.decoder.weight = self.embedding.weight
            nn.init.normal_(self.embedding.weight, std=embedding_dim ** -0.5)  # first scores near uniform

    def forward(self, tokens: torch.Tensor, state: RecurrentState | None = None) -> tuple[torch.Tensor, RecurrentState]:
        # tokens = [batch, time]
        embedded = self.dropout(self.embedding(tokens))  # [batch, time, emb]
        lengths = torch.full((tokens.shape[0],), tokens.shape[1], dtype=torch.long)
        encoded = self.encoder(embedded, lengths, state)  # outputs = [batch, time, hidden]
        hidden = self.dropout(encoded.outputs)
        if self.project is not None:
            hidden = self.project(hidden)  # [batch, time, emb]
        return self.decoder(hidden).float(), encoded.state  # logits = [batch, time, vocab]


def detach_state(state: RecurrentState) -> RecurrentState:
    """Cut the graph between chunks: gradients flow within a chunk, the state flows on."""
    return [tuple(s.detach() for s in layer) if isinstance(layer, tuple) else layer.detach() for layer in state]
