"""How much of a gradient survives the way back through time: the vanishing (and exploding) gradient.

For a recurrent layer reading x_1 .. x_T, the size of d h_T / d x_t says how strongly the last state
still depends on an input t steps back, and so how much a training signal at the end can teach about
it. Products of T - t Jacobians make it shrink (or grow) geometrically with the distance: fast for a
plain RNN, slowly for an LSTM whose forget gate stays near 1 (its cell state is a near-identity path).
Note the trap: with PyTorch's default initialisation the forget gate starts near 0.5, and an LSTM's
gradient then vanishes almost as fast as an RNN's; a forget-gate bias of 1 to 3 opens the path.
"""

from dataclasses import dataclass

import torch
from torch import nn

from ..models.encoder import CELLS, backward_in_eval_mode, initialise

MAX_LENGTH = 500
MAX_HIDDEN = 512
PROBES = 8  # independent sequences, each with its own random read-out of h_T: their mean is a smooth curve


@dataclass(frozen=True)
class FlowSettings:
    length: int = 100  # steps T
    hidden_size: int = 64
    weight_scale: float = 1.0  # multiplies the recurrent weights: above about 1 (RNN) the gradient explodes
    forget_bias: float = 0.0  # LSTM only: added to the forget gate's bias
    seed: int = 0


def fresh_layer(cell: str, input_size: int, settings: FlowSettings) -> nn.RNNBase:
    """A newly initialised one-layer `cell`, with its recurrent weights scaled and (LSTM) forget bias set."""
    torch.manual_seed(settings.seed)
    layer = CELLS[cell](input_size, settings.hidden_size, batch_first=True)
    initialise(layer, "default", settings.forget_bias)  # PyTorch's weights, the forget bias added (LSTM only)
    with torch.no_grad():
        layer.weight_hh_l0.mul_(settings.weight_scale)
    return layer


def gradient_by_distance(layer: nn.RNNBase, inputs: torch.Tensor) -> torch.Tensor:
    """inputs = [batch, time, input] -> [time]: the mean norm of d(v . h_T)/d x_t over the batch, indexed by
    distance back from the last step (index 0 = the last input), for a random unit read-out v per sequence."""
    inputs = inputs.detach().clone().requires_grad_(True)
    with backward_in_eval_mode(inputs.device):  # a shipped model's layer is in eval mode
        outputs, _ = layer(inputs)  # [batch, time, hidden]
    last = outputs[:, -1]  # [batch, hidden]
    generator = torch.Generator().manual_seed(0)  # on the CPU: the same read-outs whatever the layer's device
    readout = torch.randn(last.shape, generator=generator)
    readout = readout / readout.norm(dim=-1, keepdim=True)
    (gradient,) = torch.autograd.grad((last * readout.to(last.device, last.dtype)).sum(), inputs)  # [batch, time, input]
    return gradient.norm(dim=-1).mean(0).flip(0)  # [time], distance 0 first


def fresh_flow(cell: str, settings: FlowSettings, input_size: int = 32) -> torch.Tensor:
    """[length]: gradient norm against distance for a fresh `cell` reading random inputs."""
    layer = fresh_layer(cell, input_size, settings)
    generator = torch.Generator().manual_seed(settings.seed + 1)
    inputs = torch.randn(PROBES, settings.length, input_size, generator=generator)
    return gradient_by_distance(layer, inputs)


def trained_flow(generator, text: str) -> torch.Tensor:
    """[tokens]: gradient norm against distance for the first layer of a shipped character model (a
    `TextGenerator`) reading `text` (its last MAX_LENGTH characters)."""
    model = generator.model
    ids, _, _ = generator.prompt_ids(text[-MAX_LENGTH:])
    ids = ids[-MAX_LENGTH:]
    with torch.no_grad():
        embedded = model.embedding(torch.tensor([ids], device=generator.device))  # [1, time, emb]
    layer = model.encoder.layers[0][0]
    with torch.enable_grad():
        return gradient_by_distance(layer, embedded).cpu()


@dataclass(frozen=True)
class ClippingSettings:
    gap: int = 20  # the adding problem's distance to remember
    weight_scale: float = 3.0  # recurrent weights scaled up: without clipping this run blows up within 100 steps
    clip: float = 1.0
    steps: int = 100
    seed: int = 0


def clipping_run(settings: ClippingSettings, clip: bool) -> list[float]:
    """A plain RNN's first training steps on the adding problem: the gradient norm at each step (before any
    clipping). With `clip`, each step's gradient is cut to `settings.clip` before the update."""
    from .memory_task import AddingModel, adding_batch  # the same toy task as the memory view

    torch.manual_seed(settings.seed)
    model = AddingModel("rnn", 32)
    with torch.no_grad():
        model.recurrent.weight_hh_l0.mul_(settings.weight_scale)
    optimiser = torch.optim.SGD(model.parameters(), lr=0.05)
    generator = torch.Generator().manual_seed(settings.seed)
    norms = []
    for _ in range(settings.steps):
        inputs, targets = adding_batch(32, settings.gap, generator)
        loss = nn.functional.mse_loss(model(inputs), targets)
        optimiser.zero_grad()
        loss.backward()
        limit = settings.clip if clip else float("inf")
        norms.append(float(nn.utils.clip_grad_norm_(model.parameters(), limit)))  # the norm before clipping
        if not torch.isfinite(torch.tensor(norms[-1])):
            break  # the weights have blown up: nothing more to learn from this run
        optimiser.step()
    return norms
