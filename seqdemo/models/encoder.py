"""One recurrent encoder for every task, parameterised by cell type, depth, width and direction."""

from dataclasses import dataclass

import torch
from torch import nn

CELLS: dict[str, type[nn.RNNBase]] = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def length_mask(lengths: torch.Tensor, max_len: int) -> torch.Tensor:
    """[batch] lengths -> [batch, max_len] bool, True at real (non-padding) positions."""
    return torch.arange(max_len, device=lengths.device).unsqueeze(0) < lengths.unsqueeze(1)


def reverse_within_lengths(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverse each sequence of a right-padded batch inside its own length; padding stays at the end.

    Applying it twice gives back x.
    """
    # x = [batch, time, features], lengths = [batch]
    positions = torch.arange(x.shape[1], device=x.device).unsqueeze(0)  # [1, time]
    last = lengths.unsqueeze(1) - 1  # [batch, 1]
    index = torch.where(positions <= last, last - positions, positions)  # [batch, time]
    return x.gather(1, index.unsqueeze(-1).expand_as(x))


RecurrentState = list  # per layer: h [1, batch, hidden], or (h, c) for an LSTM


@dataclass(frozen=True)
class RecurrentConfig:
    """What a stack of recurrent layers is: the cell, its width, depth and direction, dropout between layers."""

    cell: str = "lstm"
    hidden_size: int = 128
    layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0

    @property
    def output_size(self) -> int:
        return self.hidden_size * (2 if self.bidirectional else 1)


@dataclass
class Encoded:
    outputs: torch.Tensor  # [batch, time, directions * hidden], zero at padding positions
    final: torch.Tensor  # [batch, directions * hidden]: forward state after the last token, backward after the first
    mask: torch.Tensor  # [batch, time] bool, True at real tokens
    state: RecurrentState  # unidirectional only: each layer's state after the last time step, to carry on from


class RecurrentEncoder(nn.Module):
    """A stacked, optionally bidirectional RNN / LSTM / GRU over right-padded batches.

    Why not `nn.LSTM(bidirectional=True)`? Its backward direction reads the padding before the
    sentence, so an encoding would depend on the length of its batch neighbours. Packed sequences
    avoid that but run many times slower on CPU. Instead each layer runs a forward RNN over the
    batch and a backward RNN over each sequence reversed within its own length: both directions
    read every real token before any padding, so the outputs at real positions are exactly those
    of the sentence encoded alone, and the fast fused kernels still do the work.
    """

    def __init__(self, input_size: int, config: RecurrentConfig):
        super().__init__()
        if config.cell not in CELLS:
            raise ValueError(f"Unknown cell '{config.cell}'; choose one of {', '.join(CELLS)}")
        self.config = config
        self.directions = 2 if config.bidirectional else 1
        self.output_size = config.output_size
        self.layers = nn.ModuleList()
        for layer in range(config.layers):
            layer_input = input_size if layer == 0 else self.output_size
            self.layers.append(nn.ModuleList(
                CELLS[config.cell](layer_input, config.hidden_size, batch_first=True) for _ in range(self.directions)
            ))
        self.between_layers = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor, state: RecurrentState | None = None) -> Encoded:
        """`state` continues from where an earlier call stopped (language models reading a long text in
        chunks); only for unidirectional encoders over unpadded batches."""
        # x = [batch, time, input_size], lengths = [batch] (on any device)
        if state is not None and self.directions == 2:
            raise ValueError("a bidirectional encoder cannot continue from a carried state")
        lengths = lengths.to(x.device)
        mask = length_mask(lengths, x.shape[1])  # [batch, time]
        if torch.is_autocast_enabled(x.device.type):  # fused CPU kernels want the autocast dtype as input
            x = x.to(torch.get_autocast_dtype(x.device.type))
        new_state = []
        for i, directions in enumerate(self.layers):
            if i > 0:
                x = self.between_layers(x)
            forward_out, layer_state = directions[0](x, None if state is None else state[i])  # [batch, time, hidden]
            new_state.append(layer_state)
            outs = [forward_out]
            if self.directions == 2:
                backward_out, _ = directions[1](reverse_within_lengths(x, lengths))
                outs.append(reverse_within_lengths(backward_out, lengths))  # back to reading order
            x = torch.cat(outs, dim=-1) * mask.unsqueeze(-1)  # [batch, time, directions * hidden]
        return Encoded(outputs=x, final=self._final_state(x, lengths), mask=mask, state=new_state)

    def _final_state(self, outputs: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        hidden = outputs.shape[-1] // self.directions
        batch = torch.arange(outputs.shape[0], device=outputs.device)
        forward_last = outputs[batch, lengths - 1, :hidden]  # [batch, hidden]
        if self.directions == 1:
            return forward_last
        backward_first = outputs[:, 0, hidden:]  # the backward RNN ends on the first token
        return torch.cat([forward_last, backward_first], dim=-1)  # [batch, 2 * hidden]
