"""Windows of a series in, quantiles of the next `horizon` steps out (direct multi-step forecasting).

A recurrent encoder reads the window; its state after the last step goes through one linear layer
that emits every horizon's quantiles at once, so errors do not compound the way they do when a
one-step model is fed its own forecasts. Trained with the pinball (quantile) loss: the 0.5
quantile is the forecast, the outer quantiles bound a prediction interval.
"""

from dataclasses import dataclass

import torch
from torch import nn

from .encoder import RecurrentConfig, RecurrentEncoder

QUANTILES = (0.1, 0.5, 0.9)  # an 80 % interval around the median


def pinball_loss(predicted: torch.Tensor, target: torch.Tensor, quantiles: torch.Tensor) -> torch.Tensor:
    """predicted [batch, horizon, quantiles], target [batch, horizon], quantiles [quantiles] -> mean loss."""
    error = target.unsqueeze(-1) - predicted  # [batch, horizon, quantiles]
    return torch.maximum(quantiles * error, (quantiles - 1) * error).mean()


@dataclass(frozen=True)
class ForecasterConfig:
    input_features: int
    horizon: int
    recurrent: RecurrentConfig  # one direction: it reads the past up to the forecast origin
    quantiles: tuple[float, ...] = QUANTILES


@dataclass
class ForecastOutput:
    quantiles: torch.Tensor  # [batch, horizon, quantiles], scaled
    loss: torch.Tensor | None = None  # the pinball loss, when targets were given


class SeriesForecaster(nn.Module):
    def __init__(self, config: ForecasterConfig):
        super().__init__()
        self.config = config
        self.horizon = config.horizon
        self.register_buffer("quantiles", torch.tensor(config.quantiles), persistent=False)
        self.encoder = RecurrentEncoder(config.input_features, config.recurrent)
        self.dropout = nn.Dropout(config.recurrent.dropout)
        self.head = nn.Linear(config.recurrent.hidden_size, config.horizon * len(config.quantiles))

    def forward(self, windows: torch.Tensor, targets: torch.Tensor | None = None) -> ForecastOutput:
        # windows = [batch, window, features], targets = [batch, horizon]
        lengths = torch.full((windows.shape[0],), windows.shape[1], dtype=torch.long, device=windows.device)
        state = self.encoder(windows, lengths).final  # [batch, hidden]
        out = self.head(self.dropout(state)).float()  # [batch, horizon * quantiles]
        predicted = out.view(-1, self.horizon, len(self.config.quantiles))  # [batch, horizon, quantiles]
        return ForecastOutput(predicted, None if targets is None else pinball_loss(predicted, targets, self.quantiles))

    @torch.no_grad()
    def predict(self, windows: torch.Tensor) -> torch.Tensor:
        """Quantiles in increasing order (the head may cross them; sorting never hurts the pinball loss)."""
        return self.forward(windows).quantiles.sort(dim=-1).values  # [batch, horizon, quantiles]
