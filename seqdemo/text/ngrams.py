"""Neighbouring-token pairs: cheap word information for text read character by character."""

from .vocab import EOS


def bigrams(tokens: list[str]) -> list[str]:
    """One pair per position: the token and the one after it (the last pairs with <eos>)."""
    return [a + b for a, b in zip(tokens, tokens[1:] + [EOS])]
