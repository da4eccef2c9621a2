"""Length-bucketed batches: padding only ever happens between sequences of similar length."""

import dataclasses
import random
from collections.abc import Sequence
from typing import TypeVar

import torch
from torch.nn.utils.rnn import pad_sequence

T = TypeVar("T")

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
    tensors = [torch.as_tensor(s, dtype=torch.long) for s in sequences]
    return pad_sequence(tensors, batch_first=True, padding_value=pad_id), torch.tensor([len(s) for s in sequences])


def to_device(batch: T, device: torch.device) -> T:
    """A batch (a dataclass, or a tuple) with every tensor in it on `device`; None and other values as they are."""
    if isinstance(batch, (tuple, list)):
        return type(batch)(value.to(device) if isinstance(value, torch.Tensor) else value for value in batch)
    return dataclasses.replace(batch, **{field.name: value.to(device) for field in dataclasses.fields(batch)
                                         if isinstance(value := getattr(batch, field.name), torch.Tensor)})
