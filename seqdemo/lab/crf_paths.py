"""What the CRF adds to a tagger: the best tag of each token on its own, beside the best whole path.

A softmax tagger picks each token's likeliest tag separately, and can write impossible sequences (I-PER
after O, or after B-LOC). The CRF scores whole paths (each token's emission plus a learned score for
every move from one tag to the next) and Viterbi finds the best path; moves the BIO scheme forbids are
never taken. The path's probability is exp(score - log Z), Z summing over every path (forward algorithm).
"""

from dataclasses import dataclass

import torch

from ..tasks import BadInput
from ..tasks.ner import EntityRecognizer, Example
from ..train import to_device

MAX_CRF_TOKENS = 60  # one sentence's table stays readable


@dataclass
class CrfPaths:
    tokens: list[str]
    greedy: list[str]  # each token's likeliest tag by its emission alone
    viterbi: list[str]  # the CRF's best path
    marginal: list[float]  # the probability of the Viterbi tag at each token (forward-backward)
    viterbi_probability: float  # of the whole path
    greedy_probability: float  # of the greedy path; 0 when it breaks the BIO rules
    greedy_allowed: bool
    tag_names: list[str]
    transitions: torch.Tensor  # [from, to] learned scores
    allowed: torch.Tensor  # [from, to] bool: moves the BIO scheme allows


class NoCrf(Exception):
    """The model decides each token with a softmax: it has no paths to show."""


@torch.no_grad()
def crf_paths(recognizer: EntityRecognizer, text: str) -> CrfPaths:
    """The first sentence of `text` (its first MAX_CRF_TOKENS tokens) through the recognizer's CRF."""
    crf = recognizer.model.crf
    if crf is None:
        raise NoCrf()
    if not isinstance(text, str) or not text.strip():
        raise BadInput("empty")
    sentences = recognizer.sentences(text[:5_000])
    if not sentences:
        raise BadInput("no_tokens")
    tokens = sentences[0][:MAX_CRF_TOKENS]
    task, model = recognizer.task, recognizer.model
    model.eval()
    example = Example(*task.features([t.text for t in tokens], recognizer.hparams, recognizer.vocabs), [0] * len(tokens))
    output = to_device(task._batch([example]), recognizer.device).run(model)  # emissions = [1, time, tags]
    emissions, mask = output.emissions, output.mask
    greedy = emissions.argmax(-1)  # [1, time]
    viterbi = torch.tensor(crf.viterbi(emissions, mask), device=emissions.device)  # [1, time]
    log_z = crf.log_partition(emissions, mask)  # [1]
    marginals = crf.marginals(emissions, mask)[0]  # [time, tags]
    moves = list(zip(greedy[0, :-1].tolist(), greedy[0, 1:].tolist()))
    greedy_allowed = bool(crf.allowed_starts[greedy[0, 0]]) and all(bool(crf.allowed_transitions[a, b]) for a, b in moves)
    greedy_probability = torch.exp(crf.path_score(emissions, greedy, mask) - log_z).item() if greedy_allowed else 0.0
    names = list(recognizer.names)
    return CrfPaths(
        tokens=[t.text for t in tokens], greedy=[names[i] for i in greedy[0].tolist()],
        viterbi=[names[i] for i in viterbi[0].tolist()],
        marginal=[float(marginals[t, i]) for t, i in enumerate(viterbi[0].tolist())],
        viterbi_probability=torch.exp(crf.path_score(emissions, viterbi, mask) - log_z).item(),
        greedy_probability=greedy_probability, greedy_allowed=greedy_allowed, tag_names=names,
        transitions=crf.transitions.detach().cpu(), allowed=crf.allowed_transitions.cpu())
