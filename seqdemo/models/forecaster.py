"""Windows of a series in, quantiles of the next `horizon` steps out (direct multi-step forecasting).

A recurrent encoder reads the window; its state after the last step goes through one linear layer
that emits every horizon's quantiles at once, so errors do not compound the way they do when a
one-step model is fed its own forecasts. Trained with the pinball (quantile) loss: the 0.5
quantile is the forecast, the outer quantiles bound a prediction interval.
"""

import torch
from torch import nn

from .encoder import RecurrentEncoder

QUANTILES = (0.1, 0.5, 0.9)  # an 80 % interval around the median


def pinball_loss(predicted: torch.Tensor, target: torch.Tensor, quantiles: torch.Tensor) -> torch.Tensor:
    """predicted [batch, horizon, quantiles], target [batch, horizon], quantiles [quantiles] -> mean loss."""
    error = target.unsqueeze(-1) - predicted  # [batch, horizon, quantiles]
    return torch.maximum(quantiles * error, (quantiles - 1) * error).mean()


class SeriesForecaster(nn.Module):
    def __init__(self, input_features: int, horizon: int, cell: str, hidden_size: int, num_layers: int, dropout: float,
                 quantiles: tuple[float, ...] = QUANTILES):
        super().__init__()
        self.horizon = horizon
        self.register_buffer("quantiles", torch.tensor(quantiles), persistent=False)
        self.encoder = RecurrentEncoder(cell, input_features, hidden_size, num_layers, bidirectional=False, dropout=dropout)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden_size, horizon * len(quantiles))

    def forward(self, windows: torch.Tensor) -> torch.Tensor:
        # windows = [batch, window, features]
        lengths = torch.full((windows.shape[0],), windows.shape[1], dtype=torch.long)
        state = self.encoder(windows, lengths).final  # [batch, hidden]
        out = self.head(self.dropout(state)).float()  # [batch, horizon * quantiles]
        return out.view(-1, self.horizon, len(self.quantiles))  # [batch, horizon, quantiles]

    def loss(self, predicted: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return pinball_loss(predicted, target, self.quantiles)

    @torch.no_grad()
    def predict(self, windows: torch.Tensor) -> torch.Tensor:
        """Quantiles in increasing order (the head may cross them; sorting never hurts the pinball loss)."""
        return self.forward(windows).sort(dim=-1).values  # [batch, horizon, quantiles]
