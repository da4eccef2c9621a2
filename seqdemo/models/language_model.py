"""A recurrent language model: token ids -> embeddings -> stacked RNN/LSTM/GRU -> next-token scores.

The shape of pytorch/examples' word_language_model: one class for every cell type, optional
weight tying (the output layer reuses the embedding matrix), and a state that can be carried
from one chunk of text to the next (truncated backpropagation through time).
"""

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from .encoder import RecurrentConfig, RecurrentEncoder, RecurrentState
from .s4d import S4DLayer


@dataclass(frozen=True)
class LanguageModelConfig:
    vocab_size: int
    embedding_dim: int
    recurrent: RecurrentConfig  # one direction: the model reads left to right
    tie_weights: bool = False


@dataclass
class LanguageModelOutput:
    logits: torch.Tensor  # [batch, time, vocab]
    state: RecurrentState  # to carry on from, into the next chunk of the same text
    loss: torch.Tensor | None = None  # mean cross-entropy per token, when targets were given


class LanguageModel(nn.Module):
    def __init__(self, config: LanguageModelConfig):
        super().__init__()
        self.config = config
        hidden, emb = config.recurrent.hidden_size, config.embedding_dim
        self.embedding = nn.Embedding(config.vocab_size, emb)
        self.dropout = nn.Dropout(config.recurrent.dropout)
        self.encoder = RecurrentEncoder(emb, config.recurrent)
        # tying needs the decoder's input to have the embedding's size: project down when they differ
        self.project = nn.Linear(hidden, emb) if config.tie_weights and hidden != emb else None
        self.decoder = nn.Linear(emb if config.tie_weights else hidden, config.vocab_size)
        if config.tie_weights:
            self.decoder.weight = self.embedding.weight
            nn.init.normal_(self.embedding.weight, std=emb ** -0.5)  # first scores near uniform
        self.joined: dict[int, torch.Tensor] = {}  # layer index -> its LSTM weights side by side (`join_lstm_weights`)

    def forward(self, tokens: torch.Tensor, state: RecurrentState | None = None,
                targets: torch.Tensor | None = None) -> LanguageModelOutput:
        # tokens = [batch, time], targets = [batch, time]: the tokens shifted one on
        embedded = self.dropout(self.embedding(tokens))  # [batch, time, emb]
        lengths = torch.full((tokens.shape[0],), tokens.shape[1], dtype=torch.long, device=tokens.device)
        encoded = self.encoder(embedded, lengths, state)  # outputs = [batch, time, hidden]
        hidden = self.dropout(encoded.outputs)
        if self.project is not None:
            hidden = self.project(hidden)  # [batch, time, emb]
        logits = self.decoder(hidden).float()  # [batch, time, vocab]
        loss = None if targets is None else F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
        return LanguageModelOutput(logits, encoded.state, loss)

    @torch.no_grad()
    def join_lstm_weights(self) -> None:
        """For `step`: each LSTM layer's input and recurrent weights side by side in one matrix
        [4·hidden, input + hidden] whose halves become the layer's own parameters, so that a step reads a layer in
        one matrix-vector product instead of two. No more memory, the same numbers (to 5e-7), 200 characters
        15-30 % sooner on a 2-core CPU. Call it once the model is on its device (moving it parts the halves again,
        and `step` then goes back to the two products)."""
        for index, (layer,) in enumerate(self.encoder.layers):
            if type(layer) is nn.LSTM:
                inputs = layer.weight_ih_l0.shape[1]
                joined = torch.cat([layer.weight_ih_l0, layer.weight_hh_l0], dim=1)  # [4·hidden, input + hidden]
                layer.weight_ih_l0.data, layer.weight_hh_l0.data = joined[:, :inputs], joined[:, inputs:]
                self.joined[index] = joined

    @torch.inference_mode()
    def step(self, tokens: torch.Tensor, state: RecurrentState) -> tuple[torch.Tensor, RecurrentState]:
        """One token per sequence on from `state`, for generation: (logits [batch, vocab], the new state).

        The same numbers as `forward` on one step (eval mode), but through the single-step cell functions with
        the layers' own weights: oneDNN's fused kernel is fast over whole sequences and slow for one step of a
        batch of one (measured: 2.1-4.7 ms per 512-unit LSTM step against 0.13 ms). An S4D layer steps its
        recurrence instead of convolving."""
        # tokens = [batch] ids
        if self.training or not all(type(d[0]) in STEPPED for d in self.encoder.layers):
            output = self.forward(tokens.unsqueeze(1), state)  # a LayerNormLSTM, an int8 LSTM: their own kernels
            return output.logits[:, -1], output.state
        x = self.embedding(tokens)  # [batch, emb]
        new_state = []
        for index, ((layer,), layer_state) in enumerate(zip(self.encoder.layers, state)):
            if isinstance(layer, S4DLayer):  # its recurrent mode
                x, s4d_state = layer.step(x, layer_state)  # [batch, hidden], [batch, hidden, modes]
                new_state.append(s4d_state)
                continue
            weights = (layer.weight_ih_l0, layer.weight_hh_l0, layer.bias_ih_l0, layer.bias_hh_l0)
            if isinstance(layer, nn.LSTM):
                h, c = layer_state[0][0], layer_state[1][0]  # each [batch, hidden]
                joined = self.joined.get(index)
                if joined is not None and joined.data_ptr() == layer.weight_ih_l0.data_ptr():
                    gates = torch.addmm(layer.bias_ih_l0 + layer.bias_hh_l0, torch.cat([x, h], dim=1), joined.t())
                    i, f, g, o = gates.chunk(4, dim=1)  # gates = [batch, 4·hidden], in nn.LSTM's order
                    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)  # [batch, hidden]
                    h = torch.sigmoid(o) * torch.tanh(c)  # [batch, hidden]
                else:
                    h, c = torch.lstm_cell(x, (h, c), *weights)  # each [batch, hidden]
                new_state.append((h.unsqueeze(0), c.unsqueeze(0)))
            else:
                cell = (torch.gru_cell if isinstance(layer, nn.GRU)
                        else torch.rnn_tanh_cell if layer.nonlinearity == "tanh" else torch.rnn_relu_cell)
                h = cell(x, layer_state[0], *weights)  # [batch, hidden]
                new_state.append(h.unsqueeze(0))
            x = h
        if self.project is not None:
            x = self.project(x)  # [batch, emb]
        return self.decoder(x).float(), new_state


STEPPED = (nn.LSTM, nn.GRU, nn.RNN, S4DLayer)  # layers `step` runs one step at a time (S4D: its recurrent mode)


def detach_state(state: RecurrentState) -> RecurrentState:
    """Cut the graph between chunks: gradients flow within a chunk, the state flows on."""
    return [tuple(s.detach() for s in layer) if isinstance(layer, tuple) else layer.detach() for layer in state]
