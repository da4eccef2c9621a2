"""Inside a recurrent layer: every gate of every step, recomputed from the layer's own weights.

PyTorch's fused kernels return only the hidden (and cell) states. To show a learner the gates, one
direction of one layer is run again step by step with the same equations and weights
(https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html): the hidden states it gives equal
the layer's own to rounding, which the tests check.
"""

import torch
from torch import nn

CELL_NAMES = {nn.LSTM: "lstm", nn.GRU: "gru", nn.RNN: "rnn"}
GATES = {  # what each cell shows, in the order a learner reads the equations
    "lstm": ("input", "forget", "candidate", "output", "cell", "hidden"),
    "gru": ("reset", "update", "new", "hidden"),
    "rnn": ("hidden",),
}


@torch.no_grad()
def gate_values(layer: nn.RNNBase, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Each gate's value at every step of the layer's first (forward) direction, from a zero state.

    x = [time, input] -> {gate: [time, hidden]} with the names of `GATES[cell]`.
    """
    cell = CELL_NAMES[type(layer)]
    w_ih, w_hh = layer.weight_ih_l0, layer.weight_hh_l0  # [gates * hidden, input], [gates * hidden, hidden]
    b_ih = layer.bias_ih_l0 if layer.bias else w_ih.new_zeros(w_ih.shape[0])
    b_hh = layer.bias_hh_l0 if layer.bias else w_hh.new_zeros(w_hh.shape[0])
    x = x.to(w_ih.dtype)
    hidden = torch.zeros(layer.hidden_size, dtype=w_ih.dtype, device=w_ih.device)  # [hidden]
    memory = torch.zeros_like(hidden)
    from_input = x @ w_ih.T + b_ih  # [time, gates * hidden]: every step's input part at once
    steps: dict[str, list[torch.Tensor]] = {name: [] for name in GATES[cell]}
    for t in range(x.shape[0]):
        from_state = w_hh @ hidden + b_hh  # [gates * hidden]
        if cell == "lstm":
            i, f, g, o = (from_input[t] + from_state).chunk(4)  # PyTorch's order: input, forget, cell (g), output
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            memory = f * memory + i * g
            hidden = o * torch.tanh(memory)
            values = (i, f, g, o, memory, hidden)
        elif cell == "gru":
            x_r, x_z, x_n = from_input[t].chunk(3)  # PyTorch's order: reset, update, new
            h_r, h_z, h_n = from_state.chunk(3)
            r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
            n = torch.tanh(x_n + r * h_n)
            hidden = (1 - z) * n + z * hidden
            values = (r, z, n, hidden)
        else:
            activation = torch.tanh if layer.nonlinearity == "tanh" else torch.relu
            hidden = activation(from_input[t] + from_state)
            values = (hidden,)
        for name, value in zip(GATES[cell], values):
            steps[name].append(value)
    return {name: torch.stack(values) for name, values in steps.items()}  # each [time, hidden]


def principal_path(states: torch.Tensor) -> torch.Tensor:
    """The hidden-state path projected on its two main directions (PCA): [time, hidden] -> [time, 2]."""
    centred = states - states.mean(0, keepdim=True)
    if states.shape[0] < 2:
        return states.new_zeros(states.shape[0], 2)
    _, _, directions = torch.linalg.svd(centred, full_matrices=False)  # directions = [k, hidden]
    projected = centred @ directions[:2].T  # [time, <= 2]
    return torch.nn.functional.pad(projected, (0, 2 - projected.shape[1]))
