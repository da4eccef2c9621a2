"""A Transformer encoder layer (Vaswani et al. 2017, pre-norm as in most current models), offered beside the
recurrent cells as the baseline they are compared with: no recurrence, every position attends to the others
in one step, and order comes only from sinusoidal position codes added to the first layer's input.

Bidirectional means full self-attention over the real tokens; unidirectional means causal attention, each
position reading only those before it (what a left-to-right RNN sees). Padding is masked out of every
attention, so a sentence's outputs do not depend on its batch neighbours.
"""

import math

import torch
from torch import nn

MIN_HEAD_WIDTH = 16  # each attention head reads at least this many features


def attention_heads(width: int) -> int:
    """The most heads, up to 8, that share `width` evenly with at least MIN_HEAD_WIDTH features each (at least 1)."""
    return next((h for h in (8, 4, 2) if width % h == 0 and width // h >= MIN_HEAD_WIDTH), 1)


def key_padding(mask: torch.Tensor) -> torch.Tensor | None:
    """What attention must leave out, as `nn.MultiheadAttention` takes it: [batch, time] True at padding, from
    `mask` [batch, time] True at real tokens; None when nothing is padded (every sentence a visitor types). Torch
    checks a padding mask outside its inference fast path with code that imports sympy the first time, 34 MB the
    app then keeps; a batch without padding needs no mask."""
    return None if bool(mask.all()) else ~mask


def position_codes(length: int, width: int, device: torch.device) -> torch.Tensor:
    """[length, width] sinusoidal position codes: sin and cos of the position at geometric frequencies."""
    position = torch.arange(length, device=device, dtype=torch.float32).unsqueeze(1)  # [length, 1]
    frequency = torch.exp(torch.arange(0, width, 2, device=device, dtype=torch.float32) * (-math.log(10000.0) / width))
    codes = torch.zeros(length, width, device=device)
    codes[:, 0::2] = torch.sin(position * frequency)
    codes[:, 1::2] = torch.cos(position * frequency[: width // 2])
    return codes


class TransformerLayer(nn.Module):
    """One encoder layer: `layer(x, mask) -> outputs`, x [batch, time, input_size], mask [batch, time] True at real
    tokens, outputs [batch, time, width]. A first layer takes the input to the width and adds position codes."""

    def __init__(self, input_size: int, width: int, dropout: float = 0.0, causal: bool = False, positions: bool = False):
        super().__init__()
        self.input_size, self.hidden_size, self.causal, self.positions = input_size, width, causal, positions
        self.project = nn.Linear(input_size, width) if input_size != width else None
        self.layer = nn.TransformerEncoderLayer(width, attention_heads(width), dim_feedforward=2 * width, dropout=dropout,
                                                activation="gelu", batch_first=True, norm_first=True)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if self.project is not None:
            x = self.project(x)  # [batch, time, width]
        if self.positions:
            x = x + position_codes(x.shape[1], x.shape[2], x.device).to(x.dtype)
        time = x.shape[1]
        later = torch.ones(time, time, dtype=torch.bool, device=x.device).triu(1) if self.causal else None  # True: unseen
        return self.layer(x, src_mask=later, src_key_padding_mask=key_padding(mask))  # [batch, time, width]
