"""A sequence tagger: one label per token, from a BiLSTM over token (and sub-token) features.

Token vectors can be enriched with a vector for each token's pair with its right neighbour
(bigrams: for Chinese characters, often a word), with dictionary matches (Chinese: is this
character inside a known word, person, place or organisation name?) and with a character CNN over
the token's spelling (English words: capitals, suffixes, @handles), as in Ma & Hovy (2016). The encoder's
outputs become per-tag emission scores, decoded by a linear-chain CRF or, for comparison,
independently per token with a softmax.
"""

from dataclasses import dataclass, replace

import torch
import torch.nn.functional as F
from torch import nn

from ..text.lexicon import masks_to_features
from .crf import LinearChainCRF, bio_constraints
from .encoder import RecurrentConfig, RecurrentEncoder


class CharCNN(nn.Module):
    """Characters of each token -> one vector per token (max over convolution windows)."""

    def __init__(self, num_chars: int, char_dim: int, filters: int, width: int = 3, padding_idx: int = 0):
        super().__init__()
        self.embedding = nn.Embedding(num_chars, char_dim, padding_idx=padding_idx)
        self.conv = nn.Conv1d(char_dim, filters, kernel_size=width, padding=width // 2)

    def forward(self, chars: torch.Tensor) -> torch.Tensor:
        # chars = [batch, time, letters]
        batch, time, letters = chars.shape
        embedded = self.embedding(chars.view(batch * time, letters)).transpose(1, 2)  # [batch*time, char_dim, letters]
        features = self.conv(embedded).masked_fill((chars.view(batch * time, 1, letters) == 0), float("-inf"))
        pooled = features.max(dim=2).values  # [batch*time, filters]
        return pooled.masked_fill(torch.isinf(pooled), 0.0).view(batch, time, -1)  # padding tokens get zeros


@dataclass
class TaggerOutput:
    emissions: torch.Tensor  # [batch, time, tags]
    mask: torch.Tensor  # [batch, time]
    loss: torch.Tensor | None = None  # when tags were given: mean negative log-likelihood per sentence (CRF) or token


@dataclass(frozen=True)
class TaggerConfig:
    vocab_size: int
    tags: tuple[str, ...]  # BIO tags; the CRF never allows I-X after anything but B-X or I-X
    embedding_dim: int
    recurrent: RecurrentConfig  # always read in both directions
    use_crf: bool = True
    bigram_vocab_size: int = 0
    bigram_dim: int = 0  # 0: the token vectors' size
    char_vocab_size: int = 0  # with characters: a character CNN reads each token's spelling
    char_dim: int = 30
    char_filters: int = 50
    lexicon_features: int = 0  # dictionary and segmentation features per token
    padding_idx: int = 0


class SequenceTagger(nn.Module):
    def __init__(self, config: TaggerConfig):
        super().__init__()
        self.config = config
        bigram_dim = config.bigram_dim or config.embedding_dim
        self.embedding = nn.Embedding(config.vocab_size, config.embedding_dim, padding_idx=config.padding_idx)
        self.bigram_embedding = (nn.Embedding(config.bigram_vocab_size, bigram_dim, padding_idx=config.padding_idx)
                                 if config.bigram_vocab_size else None)
        self.char_cnn = (CharCNN(config.char_vocab_size, config.char_dim, config.char_filters, padding_idx=config.padding_idx)
                         if config.char_vocab_size else None)
        self.lexicon_features = config.lexicon_features
        input_size = (config.embedding_dim + (bigram_dim if config.bigram_vocab_size else 0)
                      + (config.char_filters if config.char_vocab_size else 0) + config.lexicon_features)
        self.dropout = nn.Dropout(config.recurrent.dropout)
        self.encoder = RecurrentEncoder(input_size, replace(config.recurrent, bidirectional=True))
        self.emit = nn.Linear(self.encoder.output_size, len(config.tags))
        self.crf = LinearChainCRF(len(config.tags), *bio_constraints(list(config.tags))) if config.use_crf else None

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor, bigrams: torch.Tensor | None = None,
                chars: torch.Tensor | None = None, lexicon: torch.Tensor | None = None,
                tags: torch.Tensor | None = None) -> TaggerOutput:
        # tokens = [batch, time], tags = [batch, time]
        features = [self.embedding(tokens)]  # [batch, time, emb]
        if self.bigram_embedding is not None:
            features.append(self.bigram_embedding(bigrams))  # [batch, time, bigram_dim]
        if self.char_cnn is not None:
            features.append(self.char_cnn(chars))  # [batch, time, filters]
        if self.lexicon_features:
            features.append(masks_to_features(lexicon, self.lexicon_features))  # [batch, time, lexicon_features]
        encoded = self.encoder(self.dropout(torch.cat(features, dim=-1)), lengths)  # [batch, time, 2 * hidden]
        output = TaggerOutput(self.emit(self.dropout(encoded.outputs)).float(), encoded.mask)
        if tags is not None:
            output.loss = self.loss(output, tags)
        return output

    def loss(self, output: TaggerOutput, tags: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood per sentence (CRF) or per token (softmax)."""
        if self.crf is not None:
            return -self.crf.log_likelihood(output.emissions, tags, output.mask).mean()
        return F.cross_entropy(output.emissions[output.mask], tags[output.mask])

    def decode(self, output: TaggerOutput) -> tuple[list[list[int]], torch.Tensor]:
        """(best tag ids per sentence, per-position tag probabilities [batch, time, tags])."""
        if self.crf is not None:
            return self.crf.viterbi(output.emissions, output.mask), self.crf.marginals(output.emissions, output.mask)
        probabilities = torch.softmax(output.emissions, dim=-1)
        best = probabilities.argmax(-1)
        return [best[b, :n].tolist() for b, n in enumerate(output.mask.sum(1).tolist())], probabilities
