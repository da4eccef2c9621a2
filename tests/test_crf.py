"""The CRF against brute force over every tag path, and its masking."""

import itertools

import pytest
import torch

from seqdemo.models.crf import LinearChainCRF, bio_constraints


@torch.no_grad()
def brute_force(crf: LinearChainCRF, emissions: torch.Tensor, length: int) -> dict[tuple[int, ...], float]:
    """Score of every tag path of one sentence: emissions = [time, tags]."""
    tags = emissions.shape[1]
    scores = {}
    for path in itertools.product(range(tags), repeat=length):
        score = crf.start[path[0]] + crf.end[path[-1]] + sum(emissions[t, path[t]] for t in range(length))
        score = score + sum(crf.transitions[path[t - 1], path[t]] for t in range(1, length))
        scores[path] = float(score)
    return scores


@pytest.fixture
def crf():
    torch.manual_seed(0)
    model = LinearChainCRF(3)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.normal_()
    return model


def test_log_likelihood_equals_brute_force_over_all_paths(crf):
    emissions = torch.randn(2, 4, 3)
    mask = torch.tensor([[True] * 4, [True, True, True, False]])
    tags = torch.tensor([[0, 2, 1, 1], [2, 2, 0, 1]])
    likelihood = crf.log_likelihood(emissions, tags, mask).detach()
    for b, length in enumerate([4, 3]):
        scores = brute_force(crf, emissions[b], length)
        log_z = torch.logsumexp(torch.tensor(list(scores.values())), dim=0)
        expected = scores[tuple(tags[b, :length].tolist())] - log_z
        assert float(likelihood[b]) == pytest.approx(float(expected), abs=1e-4)


def test_viterbi_equals_brute_force_argmax(crf):
    emissions = torch.randn(3, 5, 3)
    mask = torch.tensor([[True] * 5, [True] * 2 + [False] * 3, [True] * 4 + [False]])
    paths = crf.viterbi(emissions, mask)
    for b, length in enumerate([5, 2, 4]):
        scores = brute_force(crf, emissions[b], length)
        assert tuple(paths[b]) == max(scores, key=scores.get)


def test_masked_positions_do_not_change_the_score(crf):
    emissions = torch.randn(1, 3, 3)
    padded = torch.cat([emissions, torch.randn(1, 4, 3) * 100], dim=1)
    tags = torch.tensor([[1, 0, 2]])
    padded_tags = torch.cat([tags, torch.tensor([[2, 2, 1, 0]])], dim=1)
    mask = torch.tensor([[True] * 3 + [False] * 4])
    short = crf.log_likelihood(emissions, tags, torch.ones(1, 3, dtype=torch.bool))
    long = crf.log_likelihood(padded, padded_tags, mask)
    assert torch.allclose(short, long, atol=1e-5)
    assert crf.viterbi(padded, mask) == crf.viterbi(emissions, torch.ones(1, 3, dtype=torch.bool))


def test_marginals_equal_brute_force_and_sum_to_one(crf):
    emissions = torch.randn(2, 4, 3)
    mask = torch.tensor([[True] * 4, [True, True, False, False]])
    marginals = crf.marginals(emissions, mask).detach()
    for b, length in enumerate([4, 2]):
        scores = brute_force(crf, emissions[b], length)
        log_z = torch.logsumexp(torch.tensor(list(scores.values())), dim=0)
        for t in range(length):
            for k in range(3):
                expected = sum(torch.exp(torch.tensor(s) - log_z) for p, s in scores.items() if p[t] == k)
                assert float(marginals[b, t, k]) == pytest.approx(float(expected), abs=1e-4)
    assert torch.allclose(marginals[0].sum(-1), torch.ones(4), atol=1e-5)
    assert not marginals[1, 2:].any()


def test_bio_constraints_forbid_impossible_moves_at_decode_time():
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    transitions, starts = bio_constraints(tags)
    assert not transitions[0, 2] and not transitions[1, 4] and transitions[1, 2] and transitions[2, 2] and transitions[4, 3]
    assert starts.tolist() == [True, True, False, True, False]
    crf = LinearChainCRF(5, transitions, starts)
    emissions = torch.full((1, 3, 5), -5.0)
    emissions[0, :, 2] = 5.0  # the emissions alone would say I-PER, I-PER, I-PER
    path = crf.viterbi(emissions, torch.ones(1, 3, dtype=torch.bool))[0]
    assert path[0] != 2 and all(not tags[b].startswith("I-") or tags[a][2:] == tags[b][2:] and tags[a] != "O"
                                for a, b in zip(path, path[1:]))
