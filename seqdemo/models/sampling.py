"""Choosing the next token from a model's scores: greedy, temperature, top-k and nucleus (top-p)."""

import torch


def next_token_distribution(logits: torch.Tensor, temperature: float, top_k: int = 0, top_p: float = 1.0) -> torch.Tensor:
    """[vocab] scores -> [vocab] probabilities to sample from.

    temperature 0 means greedy (all mass on the best token); top_k keeps the k best tokens (0 = all);
    top_p keeps the smallest set of best tokens whose probabilities add up to at least p.
    """
    if temperature == 0:
        probabilities = torch.zeros_like(logits)
        probabilities[logits.argmax()] = 1.0
        return probabilities
    logits = logits / temperature
    if 0 < top_k < logits.numel():
        kth_best = torch.topk(logits, top_k).values[-1]
        logits = logits.masked_fill(logits < kth_best, float("-inf"))
    probabilities = torch.softmax(logits, dim=-1)
    if top_p < 1.0:
        sorted_p, order = torch.sort(probabilities, descending=True)
        before = torch.cumsum(sorted_p, dim=0) - sorted_p  # mass of the better tokens
        sorted_p = sorted_p.masked_fill(before >= top_p, 0.0)  # always keeps the best token
        probabilities = torch.zeros_like(probabilities).scatter(0, order, sorted_p)
        probabilities = probabilities / probabilities.sum()
    return probabilities
