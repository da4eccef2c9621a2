"""Dictionary matches as character features (in the spirit of SoftLexicon, Ma et al. 2020).

For each character: is it the Beginning, Middle or End of a dictionary word of two or more
characters, or a Single-character word, and of what kind (plain word, person, place,
organisation)? 4 positions x 4 kinds = 16 yes/no features, kept as one bit mask per character.
A name the training data never showed can still be found when the dictionary knows it.
"""

from collections.abc import Mapping, Sequence

import torch

from ..data.lexicon import WORD

KINDS = (WORD, "PER", "LOC", "ORG")
POSITIONS = "BMES"
FEATURES = len(KINDS) * len(POSITIONS)
MAX_WORD_CHARS = 8


def _bit(position: str, kind: str) -> int:
    return 1 << (POSITIONS.index(position) * len(KINDS) + KINDS.index(kind))


def lexicon_masks(chars: Sequence[str], lexicon: Mapping[str, str]) -> list[int]:
    """One bit mask per character: every dictionary word covering it, by position in the word and kind."""
    masks = [0] * len(chars)
    for start in range(len(chars)):
        for end in range(start + 1, min(start + MAX_WORD_CHARS, len(chars)) + 1):
            kind = lexicon.get("".join(chars[start:end]))
            if kind is None:
                continue
            if end - start == 1:
                masks[start] |= _bit("S", kind)
                continue
            masks[start] |= _bit("B", kind)
            masks[end - 1] |= _bit("E", kind)
            for inside in range(start + 1, end - 1):
                masks[inside] |= _bit("M", kind)
    return masks


def masks_to_features(masks: torch.Tensor, count: int = FEATURES) -> torch.Tensor:
    """[...] integer bit masks -> [..., count] floats of 0 and 1 (the lowest `count` bits)."""
    bits = 1 << torch.arange(count, device=masks.device)  # [count]
    # (mask // bit) % 2 rather than mask & bit: the same for these non-negative masks, and ONNX has no integer AND
    return torch.div(masks.unsqueeze(-1), bits, rounding_mode="floor").remainder(2).float()
