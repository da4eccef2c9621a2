"""Tokenizers, by name, so a checkpoint can record which one it was trained with.

- `en_words`: spaCy's blank English tokenizer (rules only, no model download), lower-cased to
  match GloVe's vocabulary.
- `zh_chars`: spaCy's blank Chinese pipeline, which segments by character (Latin letters and
  digits included), lower-cased, whitespace dropped.
- `en_cased`: the same words with their case kept (translation, where the output must be cased).
- `zh_chars_cased`: Chinese characters with Latin letters as typed (named entities: WHO is not who).
- `en_lines`: spaCy's English words with their case, plus a token for every line break (word
  language models, which must learn where lines end).
- `chars`: every character is a token, whitespace included (for character language models).

Every tokenizer also reports where each token sits in the original text, so a tab can shade the
user's own words.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Token:
    text: str  # normalised form used for lookup in the vocabulary
    start: int  # character offsets into the original text
    end: int


Tokenizer = Callable[[str], list[Token]]


@cache
def _spacy_tokenizer(lang: str):
    import spacy  # imported lazily: it takes about a second

    return spacy.blank(lang).tokenizer


def _spacy_tokens(lang: str, text: str, lower: bool) -> list[Token]:
    tokens = []
    for tok in _spacy_tokenizer(lang)(text):
        if tok.is_space:
            continue
        word = tok.text.lower() if lower else tok.text
        tokens.append(Token(word, tok.idx, tok.idx + len(tok.text)))
    return tokens


def en_words(text: str) -> list[Token]:
    return _spacy_tokens("en", text, lower=True)


def en_cased(text: str) -> list[Token]:
    return _spacy_tokens("en", text, lower=False)


def zh_chars(text: str) -> list[Token]:
    return _spacy_tokens("zh", text, lower=True)


def zh_chars_cased(text: str) -> list[Token]:
    return _spacy_tokens("zh", text, lower=False)


def en_lines(text: str) -> list[Token]:
    """spaCy English words with their case, and every line break as a "\n" token (word language models)."""
    tokens = []
    for tok in _spacy_tokenizer("en")(text):
        if tok.is_space:
            tokens += [Token("\n", tok.idx + i, tok.idx + i + 1) for i, c in enumerate(tok.text) if c == "\n"]
        else:
            tokens.append(Token(tok.text, tok.idx, tok.idx + len(tok.text)))
            if "\n" in tok.whitespace_:
                tokens.append(Token("\n", tok.idx + len(tok.text), tok.idx + len(tok.text) + 1))
    return tokens


def chars(text: str) -> list[Token]:
    return [Token(c, i, i + 1) for i, c in enumerate(text)]


TOKENIZERS: dict[str, Tokenizer] = {"en_words": en_words, "en_cased": en_cased, "en_lines": en_lines, "zh_chars": zh_chars,
                                     "zh_chars_cased": zh_chars_cased,
                                     "chars": chars}


def get_tokenizer(name: str) -> Tokenizer:
    try:
        return TOKENIZERS[name]
    except KeyError:
        raise ValueError(f"Unknown tokenizer '{name}'; choose one of {', '.join(TOKENIZERS)}") from None
