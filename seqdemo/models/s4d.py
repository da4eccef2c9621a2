"""A diagonal state-space layer: S4D (Gu, Gupta, Goel & Ré 2022, "On the Parameterization and Initialization
of Diagonal State Space Models"), after the reference `S4D` block of state-spaces/s4.

Each of the layer's `hidden_size` channels is a linear recurrence with a complex diagonal state of
`state_size / 2` modes (their conjugates are implied):

    s_t = Ā s_{t-1} + B̄ u_t,    y_t = 2 Re(C s_t) + D u_t

with A = -exp(log_A_real) + i A_imag (S4D-Lin start: -1/2 + i π n), B = 1, and Ā, B̄ from A and a learned
step size Δ by zero-order hold: Ā = exp(ΔA), B̄ = (exp(ΔA) - 1) / A. Unrolled, y is u convolved with the
kernel K_l = 2 Re(C B̄ Ā^l): training computes it for a whole sequence at once with FFTs (no loop over
time), while generation steps the recurrence one token at a time; both give the same numbers. After the
recurrence come GELU and a GLU mixing the channels, as in the reference block; a linear layer first takes
the input to the layer's width.

Called like one direction of an nn.LSTM layer (`layer(x, state) -> (outputs, state)`, batch first), so the
shared encoder stacks it and reads it in both directions. Causal, so the padding after a sequence never
reaches its outputs. The state is [batch, hidden, state_size / 2] complex.
"""

import math

import torch
from torch import nn


class S4DLayer(nn.Module):
    DT_RANGE = (0.001, 0.1)  # the step sizes Δ start log-uniform in this range, one per channel

    def __init__(self, input_size: int, hidden_size: int, batch_first: bool = True, state_size: int = 64):
        super().__init__()
        if not batch_first:
            raise ValueError("S4DLayer reads [batch, time, features]")
        if state_size < 2 or state_size % 2:
            raise ValueError("state_size must be an even number of at least 2 (conjugate pairs)")
        self.input_size, self.hidden_size, self.state_size = input_size, hidden_size, state_size
        modes = state_size // 2
        self.in_proj = nn.Linear(input_size, hidden_size)
        low, high = map(math.log, self.DT_RANGE)
        # the starting values are computed on the CPU whatever the default device: on the meta device (a model built
        # for its shapes only, before a checkpoint is loaded) this arithmetic would import PyTorch's compiler
        cpu = torch.device("cpu")
        self.log_dt = nn.Parameter(torch.rand(hidden_size, device=cpu) * (high - low) + low)  # [hidden]
        self.log_A_real = nn.Parameter(torch.full((hidden_size, modes), math.log(0.5), device=cpu))  # [hidden, modes]
        self.A_imag = nn.Parameter(math.pi * torch.arange(modes, dtype=torch.float32, device=cpu).repeat(hidden_size, 1))
        self.C = nn.Parameter(torch.view_as_real(torch.randn(hidden_size, modes, dtype=torch.cfloat, device=cpu)))  # [hidden, modes, 2]
        self.D = nn.Parameter(torch.randn(hidden_size, device=cpu))  # [hidden]: the skip from input to output
        self.activation = nn.GELU()
        self.out_proj = nn.Linear(hidden_size, 2 * hidden_size)
        self.glu = nn.GLU(dim=-1)
        for name in ("log_dt", "log_A_real", "A_imag", "C"):  # the recurrence itself: never pulled towards 0
            getattr(self, name).no_weight_decay = True

    def discretised(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(ΔA, B̄, C) of the recurrence, each [hidden, modes] complex; Ā = exp(ΔA)."""
        dt = self.log_dt.float().exp()  # [hidden]
        A = -self.log_A_real.float().exp() + 1j * self.A_imag.float()  # [hidden, modes]
        dtA = A * dt.unsqueeze(-1)
        return dtA, (dtA.exp() - 1.0) / A, torch.view_as_complex(self.C.float().contiguous())

    def kernel(self, length: int) -> torch.Tensor:
        """K [hidden, length]: the output `l` steps after an input of 1 (before the D skip)."""
        dtA, B_bar, C = self.discretised()
        return 2 * torch.einsum("hm,hml->hl", C * B_bar, _powers(dtA, 0, length)).real

    def forward(self, x: torch.Tensor, state: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        # x = [batch, time, input]; state = [batch, hidden, modes] complex, or None for all zeros
        with torch.autocast(x.device.type, enabled=False):  # FFTs and complex powers in float32
            u = self.in_proj(x.float())  # [batch, time, hidden]
            y, new_state = self._convolve(u, state)
        y = self.activation(y + u * self.D)  # [batch, time, hidden]
        return self.glu(self.out_proj(y)), new_state

    def _convolve(self, u: torch.Tensor, state: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor]:
        """Convolution mode: (2 Re(C s_t) at every step [batch, time, hidden], the state after the last step)."""
        length = u.shape[1]
        dtA, B_bar, C = self.discretised()
        u_t = u.transpose(1, 2)  # [batch, hidden, time]
        k = self.kernel(length)  # [hidden, time]
        y = torch.fft.irfft(torch.fft.rfft(u_t, n=2 * length) * torch.fft.rfft(k, n=2 * length), n=2 * length)
        y = y[..., :length]  # [batch, hidden, time]: the causal half of the zero-padded convolution
        # the state after the last step: sum_j Ā^(L-1-j) B̄ u_j, plus the carried state decayed by Ā^L
        back = _powers(dtA, 0, length).flip(-1)  # [hidden, modes, time]: Ā^(L-1-j)
        new_state = B_bar * torch.einsum("bht,hmt->bhm", u_t.to(back.dtype), back)  # [batch, hidden, modes]
        if state is not None:
            ahead = _powers(dtA, 1, length + 1)  # [hidden, modes, time]: Ā^(t+1)
            y = y + 2 * torch.einsum("hm,bhm,hmt->bht", C, state, ahead).real
            new_state = new_state + state * ahead[..., -1]
        return y.transpose(1, 2), new_state

    def step(self, x: torch.Tensor, state: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Recurrent mode, one step: x [batch, input] -> (output [batch, hidden], the new state)."""
        dtA, B_bar, C = self.discretised()
        u = self.in_proj(x.float())  # [batch, hidden]
        if state is None:
            state = torch.zeros(x.shape[0], *dtA.shape, dtype=dtA.dtype, device=x.device)
        state = dtA.exp() * state + B_bar * u.unsqueeze(-1)  # [batch, hidden, modes]
        y = 2 * torch.einsum("hm,bhm->bh", C, state).real
        return self.glu(self.out_proj(self.activation(y + u * self.D))), state


def _powers(dtA: torch.Tensor, first: int, end: int) -> torch.Tensor:
    """Ā^l for l in [first, end): [hidden, modes, end - first] complex, from ΔA (no repeated products)."""
    return torch.exp(dtA.unsqueeze(-1) * torch.arange(first, end, device=dtA.device))
