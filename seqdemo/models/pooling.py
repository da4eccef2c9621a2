"""Ways to turn a sequence of encoder outputs into one vector. All ignore padding."""

import torch
from torch import nn

from .encoder import Encoded
from .transformer import key_padding


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


class MultiHeadAttentionPooling(nn.Module):
    """Multi-head attention with one learned query per head over the encoder's states ("pooling by multi-head
    attention", Lee et al. 2019, the Set Transformer): each head projects the states to its own keys and values,
    scores them against its query (scaled dot product), and averages its values by those weights; the heads'
    averages are joined and mixed. Each head can learn to look for something else (a negation, a verdict
    word), and each one's weights can be shown. Padded positions get exactly zero weight in every head."""

    def __init__(self, dim: int, heads: int):
        super().__init__()
        if heads < 1 or dim % heads:
            raise ValueError(f"{heads} heads cannot share {dim} features evenly")
        self.heads = heads
        self.query = nn.Parameter(torch.randn(1, 1, dim) * dim ** -0.5)  # [1, 1, dim]: one learned query
        self.attention = nn.MultiheadAttention(dim, heads, batch_first=True)

    def forward(self, encoded: Encoded) -> tuple[torch.Tensor, torch.Tensor]:
        # outputs = [batch, time, dim]
        outputs = encoded.outputs
        query = self.query.expand(outputs.shape[0], -1, -1).to(outputs.dtype)  # [batch, 1, dim]
        pooled, weights = self.attention(query, outputs, outputs, key_padding_mask=key_padding(encoded.mask),
                                         need_weights=True, average_attn_weights=False)
        # pooled = [batch, 1, dim], weights = [batch, heads, 1, time]
        return pooled.squeeze(1), weights.squeeze(2).float()  # [batch, dim], [batch, heads, time]


POOLINGS = ("last", "max", "attention", "mhsa")


def make_pooling(kind: str, dim: int, heads: int = 4) -> nn.Module:
    if kind == "last":
        return LastHidden()
    if kind == "max":
        return MaxPool()
    if kind == "attention":
        return AdditiveAttention(dim)
    if kind == "mhsa":
        return MultiHeadAttentionPooling(dim, heads)
    raise ValueError(f"Unknown pooling '{kind}'; choose one of {', '.join(POOLINGS)}")


def split_heads(weights: torch.Tensor | None) -> tuple[torch.Tensor | None, torch.Tensor | None]:
    """A pooling's weights as (per token [batch, time], per head [batch, heads, time] or None): several heads'
    weights are averaged into one per token."""
    if weights is None or weights.dim() == 2:
        return weights, None
    return weights.mean(dim=1), weights
