"""Turning a trained Seq2Seq into output sentences: greedy decoding and beam search."""

from dataclasses import dataclass, field

import torch

from .seq2seq import EncodedSource, Seq2Seq


@dataclass
class Hypothesis:
    tokens: list[int]  # output ids, without <bos> and <eos>
    score: float  # sum of log-probabilities, <eos> included when finished
    attention: list[torch.Tensor] = field(default_factory=list)  # per output token: [src] weights
    finished: bool = False

    def normalized(self, alpha: float) -> float:
        """Length-normalised score (Wu et al., 2016): without it, beam search favours short outputs."""
        return self.score / (((5 + len(self.tokens) + self.finished) / 6) ** alpha)


def _select(state, index: torch.Tensor):
    return tuple(s[index] for s in state) if isinstance(state, tuple) else state[index]


def _repeat(source: EncodedSource, count: int) -> EncodedSource:
    return EncodedSource(source.outputs.expand(count, -1, -1), source.mask.expand(count, -1), source.summary.expand(count, -1))


@torch.no_grad()
def greedy(model: Seq2Seq, source: torch.Tensor, lengths: torch.Tensor, bos: int, eos: int, max_len: int) -> list[Hypothesis]:
    """The most likely next token at every step, for a whole batch at once."""
    encoded = model.encode(source, lengths)
    keys = model.attention_keys(encoded)
    state = model.initial_state(encoded)
    batch = source.shape[0]
    previous = torch.full((batch,), bos, dtype=torch.long, device=source.device)
    hypotheses = [Hypothesis([], 0.0) for _ in range(batch)]
    for _ in range(max_len):
        log_probs, state, weights = model.step(previous, state, encoded, keys)  # [batch, vocab]
        best, previous = log_probs.max(dim=-1)
        for i, hypothesis in enumerate(hypotheses):
            if hypothesis.finished:
                continue
            hypothesis.score += float(best[i])
            if int(previous[i]) == eos:
                hypothesis.finished = True
            else:
                hypothesis.tokens.append(int(previous[i]))
                if weights is not None:
                    hypothesis.attention.append(weights[i].cpu())
        if all(h.finished for h in hypotheses):
            break
    return hypotheses


@torch.no_grad()
def beam_search(model: Seq2Seq, source: torch.Tensor, lengths: torch.Tensor, bos: int, eos: int, max_len: int,
                width: int = 5, alpha: float = 1.0) -> list[Hypothesis]:
    """The `width` best outputs for one sentence (source = [1, src]), best first by normalised score."""
    encoded = model.encode(source, lengths)
    keys = model.attention_keys(encoded)
    state = model.initial_state(encoded)
    live = [Hypothesis([], 0.0)]
    finished: list[Hypothesis] = []
    previous = torch.tensor([bos], device=source.device)
    for _ in range(max_len):
        count = len(live)
        log_probs, state, weights = model.step(previous, state, _repeat(encoded, count),
                                               keys.expand(count, -1, -1) if keys is not None else None)
        totals = torch.tensor([h.score for h in live], device=log_probs.device).unsqueeze(1) + log_probs  # [live, vocab]
        scores, flat = totals.view(-1).topk(min(width, totals.numel()))
        rows, tokens = flat // log_probs.shape[1], flat % log_probs.shape[1]
        survivors = []
        for score, row, token in zip(scores.tolist(), rows.tolist(), tokens.tolist()):
            parent = live[row]
            attention = parent.attention + ([weights[row].cpu()] if weights is not None else [])
            if token == eos:
                finished.append(Hypothesis(parent.tokens, score, parent.attention, finished=True))
            else:
                survivors.append((row, Hypothesis(parent.tokens + [token], score, attention)))
        if len(finished) >= width or not survivors:
            break
        index = torch.tensor([row for row, _ in survivors], device=source.device)
        state = _select(state, index)
        live = [h for _, h in survivors]
        previous = torch.tensor([h.tokens[-1] for h in live], device=source.device)
    candidates = finished + (live if len(finished) < width else [])
    return sorted(candidates, key=lambda h: h.normalized(alpha), reverse=True)[:width]
