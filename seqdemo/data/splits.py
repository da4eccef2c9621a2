"""Fixed train / validation / test splits.

An example's split is decided by a hash of its key (usually its text), never by a random shuffle,
so it does not depend on file order, on the machine, or on which other examples exist. Identical
texts always land in the same split, so a duplicate can never leak from training into test.
Time series are the exception: they split by date (see `chronological_split`).
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")

SPLIT_NAMES = ("train", "validation", "test")


@dataclass(frozen=True)
class Splits(Generic[S]):
    """The three parts of a data set: lists of records, or data frames for time series."""

    train: S
    validation: S
    test: S

    def __getitem__(self, name: str) -> S:
        if name not in SPLIT_NAMES:
            raise KeyError(f"Unknown split '{name}'; choose one of {', '.join(SPLIT_NAMES)}")
        return getattr(self, name)

    def sizes(self) -> dict[str, int]:
        return {name: len(self[name]) for name in SPLIT_NAMES}


def unit_hash(key: str) -> float:
    """A number in [0, 1) that depends only on `key`."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def split_of(key: str, validation: float, test: float) -> str:
    h = unit_hash(key)
    if h < test:
        return "test"
    if h < test + validation:
        return "validation"
    return "train"


def hash_split(items: Iterable[T], key: Callable[[T], str], validation: float, test: float) -> Splits[list[T]]:
    buckets: dict[str, list[T]] = {name: [] for name in SPLIT_NAMES}
    for item in items:
        buckets[split_of(key(item), validation, test)].append(item)
    return Splits(**buckets)


def dedupe(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Keep the first item of each key, in order."""
    seen: set[str] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept


def chronological_split(n: int, validation: float, test: float) -> tuple[slice, slice, slice]:
    """Slices of a time-ordered sequence of length n: the oldest part trains, the newest tests."""
    n_test = round(n * test)
    n_validation = round(n * validation)
    n_train = n - n_test - n_validation
    return slice(0, n_train), slice(n_train, n_train + n_validation), slice(n_train + n_validation, n)
