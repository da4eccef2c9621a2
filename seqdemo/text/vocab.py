"""A token <-> id mapping with the four special tokens every model here relies on."""

from collections import Counter
from collections.abc import Iterable

PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<bos>", "<eos>"
SPECIALS = (PAD, UNK, BOS, EOS)
FORMAT = "seqdemo.vocab/1"


class Vocab:
    pad_id, unk_id, bos_id, eos_id = range(4)

    def __init__(self, tokens: list[str]):
        if tuple(tokens[: len(SPECIALS)]) != SPECIALS:
            raise ValueError(f"A vocabulary must start with {SPECIALS}")
        if len(set(tokens)) != len(tokens):
            raise ValueError("A vocabulary may not repeat a token")
        self.itos = list(tokens)
        self.stoi = {token: i for i, token in enumerate(tokens)}

    @classmethod
    def build(cls, texts: Iterable[Iterable[str]], min_freq: int = 1, max_size: int | None = None) -> "Vocab":
        """The most frequent tokens (ties broken alphabetically), each seen at least `min_freq` times.

        `max_size` counts ordinary tokens only; the four specials come on top.
        """
        counts = Counter(token for text in texts for token in text)
        for special in SPECIALS:
            counts.pop(special, None)
        ranked = sorted((t for t, c in counts.items() if c >= min_freq), key=lambda t: (-counts[t], t))
        return cls(list(SPECIALS) + ranked[:max_size])

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, token: str) -> bool:
        return token in self.stoi

    def encode(self, tokens: Iterable[str]) -> list[int]:
        return [self.stoi.get(token, self.unk_id) for token in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.itos[i] for i in ids]

    FORMAT = FORMAT

    def to_json(self) -> dict:
        return {"tokens": self.itos}

    @classmethod
    def from_json(cls, data: dict) -> "Vocab":
        if not isinstance(data.get("tokens"), list) or not all(isinstance(token, str) for token in data["tokens"]):
            raise ValueError(f"not a seqdemo vocabulary ({FORMAT})")
        return cls(data["tokens"])


FULL_WIDTH_OFFSET = 0xFEE0  # "!".."~" and their full-width forms "！".."～"


def width_map(vocab: Vocab) -> dict[str, str]:
    """Typed ASCII characters to the full-width forms this vocabulary knows better (Chinese text writes "．"
    and "％" where people type "." and "%"): the form the training text used, so it is not <unk>."""
    mapping = {}
    for code in range(ord("!"), ord("~") + 1):
        half, full = chr(code), chr(code + FULL_WIDTH_OFFSET)
        if full in vocab and (half not in vocab or vocab.stoi[full] < vocab.stoi[half]):  # ranked by frequency
            mapping[half] = full
    return mapping
