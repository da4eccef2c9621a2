"""Encoder-decoder translation with Bahdanau (additive) attention, after bentrevett/pytorch-seq2seq.

The encoder reads the source with a bidirectional RNN. At every output step the decoder scores
each source position against its own state, e_j = v . tanh(W_s s + W_h h_j), turns the scores
into weights with a softmax over the real (unpadded) source tokens, and reads the weighted sum of
the encoder outputs (the context). Without attention the context is one fixed summary of the
whole source (Cho et al., 2014): the tutorial's plain encoder-decoder, for comparison.

The decoder state, context and previous word meet in a small readout layer (Bahdanau's "deep
output") whose result is scored against the target embeddings (tied input and output vectors):
the output layer, the largest cost of training, shrinks several times over.
"""

from dataclasses import dataclass, replace

import torch
import torch.nn.functional as F
from torch import nn

from .encoder import RecurrentConfig, RecurrentEncoder

CELL_STEPS: dict[str, type[nn.Module]] = {"rnn": nn.RNNCell, "lstm": nn.LSTMCell, "gru": nn.GRUCell}


@dataclass
class EncodedSource:
    outputs: torch.Tensor  # [batch, src, 2 * enc_hidden]
    mask: torch.Tensor  # [batch, src] True at real tokens
    summary: torch.Tensor  # [batch, 2 * enc_hidden]: the source in one vector


class BahdanauAttention(nn.Module):
    def __init__(self, encoder_dim: int, decoder_dim: int, attention_dim: int):
        super().__init__()
        self.keys = nn.Linear(encoder_dim, attention_dim, bias=False)
        self.query = nn.Linear(decoder_dim, attention_dim)
        self.score = nn.Linear(attention_dim, 1, bias=False)

    def forward(self, state: torch.Tensor, keys: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        # state = [batch, dec], keys = [batch, src, attn] (the projected encoder outputs), mask = [batch, src]
        energy = torch.tanh(keys + self.query(state).unsqueeze(1))  # [batch, src, attn]
        scores = self.score(energy).squeeze(-1).masked_fill(~mask, float("-inf"))  # [batch, src]
        return torch.softmax(scores, dim=-1)  # [batch, src]: sums to 1, exactly 0 on padding


@dataclass(frozen=True)
class Seq2SeqConfig:
    source_vocab: int
    target_vocab: int
    embedding_dim: int
    encoder: RecurrentConfig  # always read in both directions; its cell is the decoder's too
    decoder_hidden: int
    attention: bool = True
    padding_idx: int = 0


@dataclass
class Seq2SeqOutput:
    log_probs: torch.Tensor  # [batch, tgt - 1, vocab]: for target[:, 1:]
    loss: torch.Tensor  # mean negative log-likelihood per target token (padding left out)


class Seq2Seq(nn.Module):
    def __init__(self, config: Seq2SeqConfig):
        super().__init__()
        self.config = config
        self.cell = config.encoder.cell
        encoder = replace(config.encoder, bidirectional=True)
        emb, context, dec = config.embedding_dim, encoder.output_size, config.decoder_hidden
        self.attention = BahdanauAttention(context, dec, dec) if config.attention else None
        self.source_embedding = nn.Embedding(config.source_vocab, emb, padding_idx=config.padding_idx)
        self.target_embedding = nn.Embedding(config.target_vocab, emb, padding_idx=config.padding_idx)
        self.encoder = RecurrentEncoder(emb, encoder)
        self.bridge = nn.Linear(context, dec)  # encoder summary -> first decoder state
        self.decoder = CELL_STEPS[self.cell](emb + context, dec)
        self.readout = nn.Linear(dec + context + emb, emb)
        self.output = nn.Linear(emb, config.target_vocab)
        self.output.weight = self.target_embedding.weight  # tied: a word's input and output vectors are one
        with torch.no_grad():  # small enough that the first output scores are near uniform, not wildly confident
            nn.init.normal_(self.target_embedding.weight, std=emb ** -0.5)
            self.target_embedding.weight[config.padding_idx].zero_()
        self.dropout = nn.Dropout(encoder.dropout)

    def encode(self, source: torch.Tensor, lengths: torch.Tensor) -> EncodedSource:
        # source = [batch, src]
        encoded = self.encoder(self.dropout(self.source_embedding(source)), lengths)
        return EncodedSource(encoded.outputs, encoded.mask, encoded.final)

    def initial_state(self, source: EncodedSource):
        hidden = torch.tanh(self.bridge(source.summary))  # [batch, dec]
        return (hidden, torch.zeros_like(hidden)) if self.cell == "lstm" else hidden

    def attention_keys(self, source: EncodedSource) -> torch.Tensor | None:
        """The encoder outputs projected once per sentence, not once per output step."""
        return self.attention.keys(source.outputs) if self.attention is not None else None  # [batch, src, attn]

    def step(self, previous: torch.Tensor, state, source: EncodedSource, keys: torch.Tensor | None):
        """One output token: (log-probabilities [batch, vocab], new state, attention [batch, src] or None)."""
        features, state, weights = self.step_features(previous, state, source, keys)
        return self.log_probs(features), state, weights

    def log_probs(self, features: torch.Tensor) -> torch.Tensor:
        # features = [..., emb] -> [..., vocab]
        return torch.log_softmax(self.output(self.dropout(features)).float(), dim=-1)

    def step_features(self, previous: torch.Tensor, state, source: EncodedSource, keys: torch.Tensor | None):
        """The readout of one decoder step, before the output layer: ([batch, emb], new state, attention)."""
        # previous = [batch] ids of the last output token
        embedded = self.dropout(self.target_embedding(previous))  # [batch, emb]
        hidden = state[0] if isinstance(state, tuple) else state  # [batch, dec]
        if self.attention is not None:
            weights = self.attention(hidden, keys, source.mask)  # [batch, src]
            context = torch.bmm(weights.unsqueeze(1), source.outputs).squeeze(1)  # [batch, 2 * enc_hidden]
        else:
            weights, context = None, source.summary
        state = self.decoder(torch.cat([embedded, context], dim=-1), state)
        hidden = state[0] if isinstance(state, tuple) else state  # [batch, dec]
        features = torch.tanh(self.readout(torch.cat([hidden, context, embedded], dim=-1)))  # [batch, emb]
        return features, state, weights

    def forward(self, source: torch.Tensor, lengths: torch.Tensor, target: torch.Tensor,
                teacher_forcing: float = 1.0, label_smoothing: float = 0.0) -> Seq2SeqOutput:
        """Training pass. target = [batch, tgt] starting with <bos>; scores every next token of target[:, 1:].
        With teacher forcing below 1, some steps feed the model's own best guess instead of the true word. With
        label smoothing, the loss gives that share of each target's weight to every word alike (a model never
        certain of one word spreads its bets, which helps beam search)."""
        encoded = self.encode(source, lengths)
        keys = self.attention_keys(encoded)
        state = self.initial_state(encoded)
        previous = target[:, 0]
        features = []
        for t in range(1, target.shape[1]):
            step_features, state, _ = self.step_features(previous, state, encoded, keys)
            features.append(step_features)
            previous = target[:, t]
            if teacher_forcing < 1.0:
                use_guess = torch.rand(previous.shape, device=previous.device) >= teacher_forcing
                with torch.no_grad():
                    guess = self.output(step_features).argmax(-1)  # [batch]
                previous = torch.where(use_guess, guess, previous)
        log_probs = self.log_probs(torch.stack(features, dim=1))  # [batch, tgt - 1, vocab], one output layer call
        flat, gold = log_probs.reshape(-1, log_probs.shape[-1]), target[:, 1:].reshape(-1)  # [tokens, vocab], [tokens]
        loss = F.nll_loss(flat, gold, ignore_index=self.config.padding_idx)
        if label_smoothing > 0:
            uniform = -flat[gold != self.config.padding_idx].mean(-1).mean()  # cross-entropy against every word alike
            loss = (1 - label_smoothing) * loss + label_smoothing * uniform
        return Seq2SeqOutput(log_probs, loss)
