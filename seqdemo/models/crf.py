"""A linear-chain conditional random field over a whole batch at once.

score(x, y) = start[y_1] + sum_t emission[t, y_t] + sum_t transition[y_{t-1}, y_t] + end[y_T]
p(y | x) = exp(score(x, y)) / Z(x), with Z summed over every tag path by the forward algorithm.

Every recursion runs over time with tensor operations on the whole batch and all tags at once
(the tutorial's loops over tags are far too slow), and a mask keeps padded positions out of all
of it. Decoding (Viterbi) can forbid transitions, e.g. O -> I-PER, which BIO tagging never allows.
"""

import torch
from torch import nn

IMPOSSIBLE = -1e4  # a log-score no real path beats, without the NaNs that -inf invites


class LinearChainCRF(nn.Module):
    def __init__(self, num_tags: int, allowed_transitions: torch.Tensor | None = None,
                 allowed_starts: torch.Tensor | None = None):
        super().__init__()
        self.transitions = nn.Parameter(torch.zeros(num_tags, num_tags))  # [from, to]
        self.start = nn.Parameter(torch.zeros(num_tags))
        self.end = nn.Parameter(torch.zeros(num_tags))
        ones = torch.ones(num_tags, dtype=torch.bool)
        self.register_buffer("allowed_transitions", allowed_transitions if allowed_transitions is not None
                             else torch.ones(num_tags, num_tags, dtype=torch.bool), persistent=False)
        self.register_buffer("allowed_starts", allowed_starts if allowed_starts is not None else ones, persistent=False)

    def log_likelihood(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """log p(tags | x) per sentence. emissions = [batch, time, tags], tags/mask = [batch, time]; mask[:, 0] all True."""
        return self.path_score(emissions, tags, mask) - self.log_partition(emissions, mask)

    def path_score(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The unnormalised score of each sentence's tag path: start + emissions + transitions + end. [batch]"""
        mask = mask.to(emissions.dtype)
        emitted = emissions.gather(2, tags.unsqueeze(-1)).squeeze(-1)  # [batch, time]
        moved = self.transitions[tags[:, :-1], tags[:, 1:]]  # [batch, time - 1]
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)  # [batch]
        return (self.start[tags[:, 0]] + (emitted * mask).sum(1) + (moved * mask[:, 1:]).sum(1) + self.end[last])

    def _alphas(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[torch.Tensor]:
        """The forward recursion: alpha_t(k) = log sum over paths of y_1..y_t with y_t = k of their score,
        alpha_1 = start + e_1 and alpha_t(k) = logsumexp_j(alpha_{t-1}(j) + T[j, k]) + e_t(k). Each is
        [batch, tags]; past a sentence's end it stays as it was."""
        alphas = [self.start + emissions[:, 0]]
        for t in range(1, emissions.shape[1]):
            # [batch, from, 1] + [from, to] + [batch, 1, to] -> sum over `from`
            step = torch.logsumexp(alphas[-1].unsqueeze(2) + self.transitions + emissions[:, t].unsqueeze(1), dim=1)
            alphas.append(torch.where(mask[:, t].unsqueeze(1), step, alphas[-1]))  # padding leaves alpha as it was
        return alphas

    def log_partition(self, emissions: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """log Z per sentence, by the forward algorithm: logsumexp_k(alpha_T(k) + end(k)), [batch]."""
        return torch.logsumexp(self._alphas(emissions, mask)[-1] + self.end, dim=1)

    def marginals(self, emissions: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """p(y_t = k | x) for every position and tag, by forward-backward: [batch, time, tags].

        The backward recursion mirrors the forward one from the sentence's end: beta_T(k) = end(k) and
        beta_t(j) = logsumexp_k(T[j, k] + e_{t+1}(k) + beta_{t+1}(k)), so that
        p(y_t = k | x) = exp(alpha_t(k) + beta_t(k) - log Z).
        """
        batch, time, tags = emissions.shape
        alphas = self._alphas(emissions, mask)
        lengths = mask.sum(1)
        beta = self.end.expand(batch, tags).clone()  # log-sum of all path endings after position t
        betas = [None] * time
        for t in range(time - 1, -1, -1):
            is_last = (lengths - 1 == t).unsqueeze(1)
            if t < time - 1:
                # [from, to] + [batch, 1, to] -> sum over `to`
                step = torch.logsumexp(self.transitions + (emissions[:, t + 1] + beta).unsqueeze(1), dim=2)
                beta = torch.where(mask[:, t + 1].unsqueeze(1), step, beta)
            beta = torch.where(is_last, self.end.expand(batch, tags), beta)
            betas[t] = beta
        log_z = torch.logsumexp(alphas[-1] + self.end, dim=1)  # alphas stop moving after each sentence's end
        scores = torch.stack(alphas, 1) + torch.stack(betas, 1) - log_z[:, None, None]
        return scores.exp() * mask.unsqueeze(-1)

    def viterbi(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
        """The best tag path of each sentence (only as long as the sentence), never using a forbidden move."""
        transitions = self.transitions.masked_fill(~self.allowed_transitions, IMPOSSIBLE)
        score = (self.start + emissions[:, 0]).masked_fill(~self.allowed_starts, IMPOSSIBLE)  # [batch, tags]
        backpointers = []
        for t in range(1, emissions.shape[1]):
            candidates = score.unsqueeze(2) + transitions  # [batch, from, to]
            best, previous = candidates.max(dim=1)  # [batch, to]
            backpointers.append(previous)
            score = torch.where(mask[:, t].unsqueeze(1), best + emissions[:, t], score)
        score = score + self.end
        # the walk back reads one pointer at a time: on the CPU, so that a GPU is not waited on for each of them
        pointers = torch.stack(backpointers, dim=1).cpu() if backpointers else None  # [batch, time - 1, tags]
        paths = []
        for b, (length, tag) in enumerate(zip(mask.sum(1).tolist(), score.argmax(-1).tolist())):
            path = [tag]
            for t in range(length - 1, 0, -1):
                tag = int(pointers[b, t - 1, tag])
                path.append(tag)
            paths.append(path[::-1])
        return paths


def bio_constraints(tags: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """(allowed[from, to], allowed_start[to]) for BIO tags: I-X may only follow B-X or I-X."""
    def allowed(previous: str | None, current: str) -> bool:
        if not current.startswith("I-"):
            return True
        return previous is not None and previous != "O" and previous[2:] == current[2:]

    transitions = torch.tensor([[allowed(a, b) for b in tags] for a in tags], dtype=torch.bool)
    starts = torch.tensor([allowed(None, b) for b in tags], dtype=torch.bool)
    return transitions, starts
