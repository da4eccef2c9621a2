"""Length-bucketed batches: padding only ever happens between sequences of similar length."""

import random
from collections.abc import Sequence

import torch

POOL_BATCHES = 50  # sort this many batches' worth of examples at a time


def bucket_batches(lengths: Sequence[int], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[list[int]]:
    """Group example indices into batches of similar length.

    Without shuffling, batches follow sorted length (for evaluation). With shuffling, examples are
    shuffled, sorted by length inside pools of POOL_BATCHES batches, cut into batches, and the
    batch order is shuffled: every epoch differs, yet each batch holds neighbours in length.
    """
    indices = list(range(len(lengths)))
    if not shuffle:
        indices.sort(key=lambda i: lengths[i])
        return [indices[i:i + batch_size] for i in range(0, len(indices), batch_size)]
    rng = rng or random.Random()
    rng.shuffle(indices)
    pool = batch_size * POOL_BATCHES
    batches = []
    for start in range(0, len(indices), pool):
        chunk = sorted(indices[start:start + pool], key=lambda i: lengths[i])
        batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def pad_sequences(sequences: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Lists of ids -> (ids [batch, longest] right-padded with pad_id, lengths [batch])."""
    lengths = torch.tensor([len(s) for s in sequences], dtype=torch.long)
    padded = torch.full((len(sequences), int(lengths.max())), pad_id, dtype=torch.long)
    for row, sequence in enumerate(sequences):
        padded[row, : len(sequence)] = torch.as_tensor(sequence, dtype=torch.long)
    return padded, lengths
