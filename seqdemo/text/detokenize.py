"""Turning generated word tokens back into readable text."""

import re

_NO_SPACE_BEFORE = re.compile(r"^([.,!?;:%)\]}]|'s|'re|'ll|'ve|'m|'d|n't|'S|N'T)$")
_NO_SPACE_AFTER = {"(", "[", "{", "\n", "$"}


def detokenize(tokens: list[str]) -> str:
    """Join English word tokens with spaces, except before punctuation and contractions and around
    line breaks: ["I", "do", "n't", "know", "."] -> "I don't know."."""
    out: list[str] = []
    for token in tokens:
        if out and token != "\n" and out[-1] not in _NO_SPACE_AFTER and not _NO_SPACE_BEFORE.match(token):
            out.append(" ")
        out.append(token)
    return "".join(out)
