"""Memory over distance: the adding problem (Hochreiter & Schmidhuber 1997), small enough to train per click.

Each sequence has two channels: a random number in [0, 1] at every step, and a marker that is 1 at
exactly two steps. The target is the sum of the two marked numbers, read from the last hidden state.
The first marker sits in the first few steps and the second in the last few, so the first number must
be carried across `gap` steps. Always answering 1 (the mean) scores a mean squared error of about
0.167; a model that remembers scores near 0. A plain RNN solves short gaps and fails long ones; the
gated cells carry the number further.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import nn

from ..models.encoder import CELLS

BASELINE_MSE = 1 / 6  # always answering 1: the variance of the sum of two U(0, 1) numbers
EDGE = 5  # the markers fall in the first and the last EDGE steps
MAX_GAP = 200


def adding_batch(batch: int, gap: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """([batch, gap + 2 * EDGE, 2] inputs, [batch] targets)."""
    length = gap + 2 * EDGE
    values = torch.rand(batch, length, generator=generator)  # [batch, length]
    first = torch.randint(0, EDGE, (batch,), generator=generator)
    second = length - 1 - torch.randint(0, EDGE, (batch,), generator=generator)
    markers = torch.zeros(batch, length)
    rows = torch.arange(batch)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    targets = values[rows, first] + values[rows, second]  # [batch]
    return torch.stack([values, markers], dim=-1), targets


class AddingModel(nn.Module):
    def __init__(self, cell: str, hidden_size: int):
        super().__init__()
        self.recurrent = CELLS[cell](2, hidden_size, batch_first=True)
        self.read_out = nn.Linear(hidden_size, 1)

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        # inputs = [batch, time, 2] -> [batch]
        outputs, _ = self.recurrent(inputs)  # [batch, time, hidden]
        return self.read_out(outputs[:, -1]).squeeze(-1)


@dataclass(frozen=True)
class MemorySettings:
    cells: tuple[str, ...] = ("rnn", "lstm", "gru")
    gaps: tuple[int, ...] = (5, 20, 50, 100)
    hidden_size: int = 32
    steps: int = 300
    batch_size: int = 64
    lr: float = 0.01
    seed: int = 0


@dataclass
class MemoryResult:
    cell: str
    gap: int
    mse: float  # on fresh held-out sequences, after training


def train_one(cell: str, gap: int, settings: MemorySettings) -> float:
    """Train a fresh model on the adding problem at `gap`; its mean squared error on 512 new sequences."""
    torch.manual_seed(settings.seed)
    model = AddingModel(cell, settings.hidden_size)
    optimiser = torch.optim.Adam(model.parameters(), lr=settings.lr)
    generator = torch.Generator().manual_seed(settings.seed)
    for _ in range(settings.steps):
        inputs, targets = adding_batch(settings.batch_size, gap, generator)
        loss = nn.functional.mse_loss(model(inputs), targets)
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
    inputs, targets = adding_batch(512, gap, torch.Generator().manual_seed(settings.seed + 10_000))
    with torch.no_grad():
        return nn.functional.mse_loss(model(inputs), targets).item()


def run(settings: MemorySettings) -> Iterator[MemoryResult]:
    """Every cell at every gap, shortest gaps first, one result as soon as it is trained."""
    for gap in settings.gaps:
        for cell in settings.cells:
            yield MemoryResult(cell, gap, train_one(cell, gap, settings))
