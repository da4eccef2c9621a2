"""Which writing system a text is mostly in: used to warn when a model is given the other language."""

import unicodedata


def cjk_share(text: str) -> float:
    """Share of the letters in `text` that are CJK ideographs (0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("CJK" in unicodedata.name(c, "") for c in letters) / len(letters)


def dominant_language(text: str) -> str | None:
    """'zh' or 'en' when one clearly dominates, None for mixed text or text without letters."""
    letters = sum(c.isalpha() for c in text)
    if letters == 0:
        return None
    share = cjk_share(text)
    if share >= 0.7:
        return "zh"
    if share <= 0.1:
        return "en"
    return None
