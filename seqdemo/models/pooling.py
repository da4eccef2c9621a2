"""Ways to turn a sequence of encoder outputs into one vector. All ignore padding."""

import torch
from torch import nn

from .encoder import Encoded


class LastHidden(nn.Module):
    """The state after the last token (and, if bidirectional, the backward state after the first)."""

    def forward(self, encoded: Encoded) -> tuple[torch.Tensor, None]:
        return encoded.final, None


class MaxPool(nn.Module):
    """The largest value of each feature over the real tokens."""

    def forward(self, encoded: Encoded) -> tuple[torch.Tensor, None]:
        outputs = encoded.outputs.masked_fill(~encoded.mask.unsqueeze(-1), float("-inf"))  # [batch, time, dim]
        return outputs.max(dim=1).values, None  # [batch, dim]


class AdditiveAttention(nn.Module):
    """Masked additive attention: score_t = v . tanh(W h_t); weights = softmax over real tokens.

    This is the tutorial's `Attention` with the Bahdanau-style hidden layer, and padded positions
    get exactly zero weight.
    """

    def __init__(self, dim: int, attention_dim: int | None = None):
        super().__init__()
        self.project = nn.Linear(dim, attention_dim or dim)
        self.score = nn.Linear(attention_dim or dim, 1, bias=False)

    def forward(self, encoded: Encoded) -> tuple[torch.Tensor, torch.Tensor]:
        # outputs = [batch, time, dim]
        scores = self.score(torch.tanh(self.project(encoded.outputs))).squeeze(-1)  # [batch, time]
        scores = scores.float().masked_fill(~encoded.mask, float("-inf"))
        weights = torch.softmax(scores, dim=1)  # [batch, time], sums to 1 over real tokens
        pooled = torch.bmm(weights.unsqueeze(1).to(encoded.outputs.dtype), encoded.outputs).squeeze(1)  # [batch, dim]
        return pooled, weights


POOLINGS = ("last", "max", "attention")


def make_pooling(kind: str, dim: int) -> nn.Module:
    if kind == "last":
        return LastHidden()
    if kind == "max":
        return MaxPool()
    if kind == "attention":
        return AdditiveAttention(dim)
    raise ValueError(f"Unknown pooling '{kind}'; choose one of {', '.join(POOLINGS)}")
