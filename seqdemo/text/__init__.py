"""Text to integers: tokenizers, vocabularies, pretrained word vectors."""

from .tokenizers import Token, get_tokenizer
from .vocab import Vocab

__all__ = ["Token", "get_tokenizer", "Vocab"]
