"""Confidence that means what it says: temperature scaling (Guo et al., 2017) and its yardstick.

A classifier trained to low loss is often overconfident: it says 100 % and is wrong. Dividing its scores by
one number T > 1, fitted on the validation set to minimise the log loss, softens every answer alike
without changing which class wins. The expected calibration error measures the gap: group answers by
their confidence, and compare each group's confidence with how often it was right.
"""

from dataclasses import dataclass

import torch
import torch.nn.functional as F

FORMAT = "seqdemo.temperature/1"
BINS = 15


@dataclass(frozen=True)
class Temperature:
    """Scores are divided by `value` before the softmax (1: as trained)."""

    value: float
    FORMAT = FORMAT

    def apply(self, logits: torch.Tensor) -> torch.Tensor:
        return logits / self.value

    def to_json(self) -> dict:
        return {"value": self.value}

    @classmethod
    def from_json(cls, data: dict) -> "Temperature":
        value = float(data["value"])
        if not 0.01 <= value <= 100:
            raise ValueError(f"a temperature of {value} is not a calibration")
        return cls(value)


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> Temperature:
    """The T between 0.05 and 20 whose softened scores give the lowest log loss: [examples, classes], [examples].
    A grid over log T, then a finer one around its best point (the loss is smooth in T)."""
    def loss(t: torch.Tensor) -> torch.Tensor:  # t = [candidates] -> [candidates]
        return torch.stack([F.cross_entropy(logits / value, labels) for value in t])

    grid = torch.logspace(-1.3, 1.3, 53)
    best = int(loss(grid).argmin())
    fine = torch.logspace(float(grid[max(best - 1, 0)].log10()), float(grid[min(best + 1, len(grid) - 1)].log10()), 41)
    return Temperature(round(float(fine[int(loss(fine).argmin())]), 4))


def expected_calibration_error(probabilities: torch.Tensor, labels: torch.Tensor, bins: int = BINS) -> float:
    """Sum over confidence bins of (share of answers in the bin) x |accuracy - mean confidence| in it."""
    confidence, predicted = probabilities.max(-1)  # [examples] each
    right = (predicted == labels).float()
    edges = torch.linspace(0, 1, bins + 1)
    error = 0.0
    for low, high in zip(edges[:-1], edges[1:]):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            error += float(inside.float().mean() * (right[inside].mean() - confidence[inside].mean()).abs())
    return error
