"""One recurrent encoder for every task, parameterised by cell type, depth, width and direction."""

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import nn

from .s4d import S4DLayer
from .transformer import TransformerLayer

# the recurrent cells; S4D, a diagonal state-space layer called the same way (models/s4d.py); and a Transformer
# encoder layer, the attention-only baseline they are compared with (models/transformer.py)
CELLS: dict[str, type[nn.Module]] = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU, "s4d": S4DLayer,
                                     "transformer": TransformerLayer}
GATED_CELLS = ("rnn", "lstm", "gru")  # the cells with input and recurrent weight matrices (inits, gates, decoders)
STATEFUL_CELLS = ("rnn", "lstm", "gru", "s4d")  # those that carry a state from one chunk of text to the next
INITS = ("default", "xavier", "orthogonal")
GATE_COUNT = {nn.RNN: 1, nn.LSTM: 4, nn.GRU: 3}  # blocks stacked in weight_ih / weight_hh, PyTorch's order


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


_CUDNN_SWITCH = threading.RLock()  # cuDNN's on/off is one flag for the whole process


@contextlib.contextmanager
def backward_in_eval_mode(device: torch.device) -> Iterator[None]:
    """Around a forward pass whose gradients are taken with the recurrent layers in eval mode (saliency, the
    gradient-flow view): cuDNN's fused kernels refuse that backward pass ("cudnn RNN backward can only be called
    in training mode"), so on CUDA cuDNN is off inside, one thread at a time (two overlapping blocks could
    otherwise leave it off for good), and PyTorch's own kernels run. Elsewhere it changes nothing."""
    if device.type != "cuda":
        yield
        return
    with _CUDNN_SWITCH, torch.backends.cudnn.flags(enabled=False):
        yield


RecurrentState = list  # per layer: h [1, batch, hidden], (h, c) for an LSTM, or S4D's complex [batch, hidden, modes]


@dataclass(frozen=True)
class RecurrentConfig:
    """What a stack of recurrent layers is: the cell, its width, depth and direction, dropout between layers."""

    cell: str = "lstm"
    hidden_size: int = 128
    layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0
    init: str = "default"  # starting weights: PyTorch's uniform, Xavier, or orthogonal recurrent weights
    forget_bias: float = 0.0  # LSTM: added to the forget gate's bias at the start, so the cell begins remembering
    layer_norm: bool = False  # LSTM: layer normalisation inside the cell (LayerNormLSTM), stepped in Python

    @property
    def output_size(self) -> int:
        return self.hidden_size * (2 if self.bidirectional else 1)


@dataclass
class Encoded:
    outputs: torch.Tensor  # [batch, time, directions * hidden], zero at padding positions
    final: torch.Tensor  # [batch, directions * hidden]: forward state after the last token, backward after the first
    mask: torch.Tensor  # [batch, time] bool, True at real tokens
    state: RecurrentState  # unidirectional only: each layer's state after the last time step, to carry on from


class LayerNormLSTM(nn.Module):
    """One LSTM layer with layer normalisation inside the cell (Ba, Kiros & Hinton 2016): the input and the
    recurrent pre-activations of the four gates are normalised separately, and so is the cell state before
    its tanh. Each step's scale then stays steady however the weights grow. (The tutorial's example puts one
    LayerNorm on the LSTM's outputs instead, which keeps the fused kernel but leaves the recurrence as it is.)

    It runs step by step in Python, so it is several times slower than nn.LSTM's fused kernel on a CPU.
    Its weights have nn.LSTM's names and shapes (one layer, one direction), and it is called the same way.
    """

    def __init__(self, input_size: int, hidden_size: int, batch_first: bool = True):
        super().__init__()
        if not batch_first:
            raise ValueError("LayerNormLSTM reads [batch, time, features]")
        self.input_size, self.hidden_size = input_size, hidden_size
        self.weight_ih_l0 = nn.Parameter(torch.empty(4 * hidden_size, input_size))
        self.weight_hh_l0 = nn.Parameter(torch.empty(4 * hidden_size, hidden_size))
        self.bias_ih_l0 = nn.Parameter(torch.zeros(4 * hidden_size))
        self.bias_hh_l0 = nn.Parameter(torch.zeros(4 * hidden_size))
        bound = hidden_size ** -0.5  # nn.LSTM's default
        nn.init.uniform_(self.weight_ih_l0, -bound, bound)
        nn.init.uniform_(self.weight_hh_l0, -bound, bound)
        self.norm_input = nn.LayerNorm(4 * hidden_size, bias=False)  # the biases above play that part
        self.norm_recurrent = nn.LayerNorm(4 * hidden_size, bias=False)
        self.norm_cell = nn.LayerNorm(hidden_size)

    def forward(self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None):
        # x = [batch, time, input]; state = (h, c), each [1, batch, hidden] as nn.LSTM's
        batch = x.shape[0]
        if state is None:
            h = x.new_zeros(batch, self.hidden_size)
            c = x.new_zeros(batch, self.hidden_size)
        else:
            h, c = state[0][0], state[1][0]
        from_input = self.norm_input(x @ self.weight_ih_l0.T) + self.bias_ih_l0  # [batch, time, 4 * hidden]: all steps
        outputs = []
        for t in range(x.shape[1]):
            gates = from_input[:, t] + self.norm_recurrent(h @ self.weight_hh_l0.T) + self.bias_hh_l0  # [batch, 4 * hidden]
            i, f, g, o = gates.chunk(4, dim=-1)  # nn.LSTM's order: input, forget, cell, output
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(self.norm_cell(c))
            outputs.append(h)
        return torch.stack(outputs, dim=1), (h.unsqueeze(0), c.unsqueeze(0))  # [batch, time, hidden], state


def initialise(layer: nn.RNNBase | LayerNormLSTM, init: str, forget_bias: float) -> None:
    """Starting weights of one recurrent layer. "default" keeps PyTorch's U(-1/sqrt(hidden), 1/sqrt(hidden));
    "xavier" draws each gate's input and recurrent weights Xavier-uniform; "orthogonal" draws each gate's
    recurrent weights as an orthogonal matrix (its repeated products neither shrink nor grow a state) and the
    input weights Xavier-uniform. Biases start at 0 except with "default"; an LSTM's forget-gate bias then
    gets `forget_bias` added."""
    if init not in INITS:
        raise ValueError(f"Unknown init '{init}'; choose one of {', '.join(INITS)}")
    hidden = layer.hidden_size
    with torch.no_grad():
        if init != "default":
            for block in layer.weight_ih_l0.split(hidden):  # [hidden, input] per gate
                nn.init.xavier_uniform_(block)
            for block in layer.weight_hh_l0.split(hidden):  # [hidden, hidden] per gate
                nn.init.orthogonal_(block) if init == "orthogonal" else nn.init.xavier_uniform_(block)
            layer.bias_ih_l0.zero_()
            layer.bias_hh_l0.zero_()
        if isinstance(layer, (nn.LSTM, LayerNormLSTM)) and forget_bias:
            layer.bias_ih_l0[hidden:2 * hidden] += forget_bias  # gates: input, forget, cell, output


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
        if config.init not in INITS:
            raise ValueError(f"Unknown init '{config.init}'; choose one of {', '.join(INITS)}")
        if config.layer_norm and config.cell != "lstm":
            raise ValueError("layer normalisation is offered for the LSTM cell only")
        if config.cell not in GATED_CELLS and (config.init != "default" or config.forget_bias):
            raise ValueError(f"--init and --forget-bias set recurrent weights, which the {config.cell} layer does not have")
        self.config = config
        self.directions = 2 if config.bidirectional else 1
        self.output_size = config.output_size
        self.attends = config.cell == "transformer"  # one stack over the whole width: both ways at once, or causal
        self.layers = nn.ModuleList()
        for layer in range(config.layers):
            layer_input = input_size if layer == 0 else self.output_size
            if self.attends:
                self.layers.append(nn.ModuleList([TransformerLayer(layer_input, self.output_size, config.dropout,
                                                                   causal=not config.bidirectional,
                                                                   positions=layer == 0)]))
                continue
            cell = LayerNormLSTM if config.layer_norm else CELLS[config.cell]
            self.layers.append(nn.ModuleList(
                cell(layer_input, config.hidden_size, batch_first=True) for _ in range(self.directions)
            ))
            for rnn in self.layers[-1]:
                initialise(rnn, config.init, config.forget_bias)
        self.between_layers = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor, state: RecurrentState | None = None) -> Encoded:
        """`state` continues from where an earlier call stopped (language models reading a long text in
        chunks); only for unidirectional encoders over unpadded batches."""
        # x = [batch, time, input_size], lengths = [batch] (on any device)
        if state is not None and (self.directions == 2 or self.attends):
            raise ValueError("only a unidirectional recurrent encoder can continue from a carried state")
        lengths = lengths.to(x.device)
        mask = length_mask(lengths, x.shape[1])  # [batch, time]
        if torch.is_autocast_enabled(x.device.type):  # fused CPU kernels want the autocast dtype as input
            x = x.to(torch.get_autocast_dtype(x.device.type))
        new_state = []
        for i, directions in enumerate(self.layers):
            if i > 0:
                x = self.between_layers(x)
            if self.attends:  # every position reads the real tokens (before it, when causal); no state to carry
                x = directions[0](x, mask) * mask.unsqueeze(-1)  # [batch, time, output_size]
                new_state.append(None)
                continue
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
        if self.attends:
            return outputs[batch, lengths - 1]  # [batch, output_size]: the last real token's vector
        forward_last = outputs[batch, lengths - 1, :hidden]  # [batch, hidden]
        if self.directions == 1:
            return forward_last
        backward_first = outputs[:, 0, hidden:]  # the backward RNN ends on the first token
        return torch.cat([forward_last, backward_first], dim=-1)  # [batch, 2 * hidden]
