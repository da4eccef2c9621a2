"""Token ids or numeric series -> recurrent encoder -> pooling -> class scores; and ensembles of such classifiers.

Given `labels`, a classifier's forward pass also returns its loss (the mean cross-entropy), so the trainer
can call any model, wrapped for data parallelism or not, the same way.
"""

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from .encoder import RecurrentConfig, RecurrentEncoder
from .pooling import make_pooling, split_heads


@dataclass
class ClassifierOutput:
    logits: torch.Tensor  # [batch, classes]
    attention: torch.Tensor | None  # [batch, time] when the pooling is attention (with several heads, their mean)
    head_attention: torch.Tensor | None = None  # [batch, heads, time] with multi-head attention pooling
    member_logits: torch.Tensor | None = None  # [members, batch, classes] from an ensemble
    loss: torch.Tensor | None = None  # [] when labels were given


def classification_loss(logits: torch.Tensor, labels: torch.Tensor | None) -> torch.Tensor | None:
    return None if labels is None else F.cross_entropy(logits, labels)


@dataclass(frozen=True)
class ClassifierConfig:
    vocab_size: int
    num_classes: int
    embedding_dim: int
    recurrent: RecurrentConfig
    pooling: str = "attention"
    heads: int = 4  # multi-head attention pooling ("mhsa"): heads sharing the encoder's output width
    bigram_vocab_size: int = 0  # with bigrams: each position also gets a vector for (token, next token)
    padding_idx: int = 0


class SequenceClassifier(nn.Module):
    """With bigrams, each position's vector is concatenated with one for the pair (token, next token): for
    Chinese characters, that pair is often a word. Dropout (the recurrent setting's) acts on the token
    vectors and before the classifier."""

    def __init__(self, config: ClassifierConfig):
        super().__init__()
        self.config = config
        dropout = config.recurrent.dropout
        self.embedding = nn.Embedding(config.vocab_size, config.embedding_dim, padding_idx=config.padding_idx)
        self.bigram_embedding = (nn.Embedding(config.bigram_vocab_size, config.embedding_dim, padding_idx=config.padding_idx)
                                 if config.bigram_vocab_size else None)
        self.embedding_dropout = nn.Dropout(dropout)
        input_size = config.embedding_dim * (2 if config.bigram_vocab_size else 1)
        self.encoder = RecurrentEncoder(input_size, config.recurrent)
        self.pooling = make_pooling(config.pooling, self.encoder.output_size, config.heads)
        self.output_dropout = nn.Dropout(dropout)
        self.classify = nn.Linear(self.encoder.output_size, config.num_classes)

    def embed(self, tokens: torch.Tensor, bigrams: torch.Tensor | None = None) -> torch.Tensor:
        # tokens, bigrams = [batch, time] ids
        embedded = self.embedding(tokens)  # [batch, time, emb]
        if self.bigram_embedding is not None:
            embedded = torch.cat([embedded, self.bigram_embedding(bigrams)], dim=-1)  # [batch, time, 2 * emb]
        return embedded

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor, bigrams: torch.Tensor | None = None,
                labels: torch.Tensor | None = None) -> ClassifierOutput:
        # tokens = [batch, time] ids, lengths = [batch], labels = [batch]
        return self.classify_embedded(self.embed(tokens, bigrams), lengths, labels)

    def classify_embedded(self, embedded: torch.Tensor, lengths: torch.Tensor,
                          labels: torch.Tensor | None = None) -> ClassifierOutput:
        """The rest of the forward pass, from word vectors: lets saliency take gradients w.r.t. them."""
        # embedded = [batch, time, input]
        encoded = self.encoder(self.embedding_dropout(embedded), lengths)  # outputs = [batch, time, dirs * hidden]
        pooled, weights = self.pooling(encoded)  # [batch, dirs * hidden]
        attention, head_attention = split_heads(weights)
        logits = self.classify(self.output_dropout(pooled)).float()  # [batch, classes]
        return ClassifierOutput(logits=logits, attention=attention, head_attention=head_attention,
                                loss=classification_loss(logits, labels))


class FullyConvolutional(nn.Module):
    """The FCN of Wang et al. (2017) for time series: three convolutions (128, 256, 128 channels;
    widths 8, 5, 3) with batch norm and ReLU, then the mean of each channel over time."""

    CHANNELS, WIDTHS = (128, 256, 128), (8, 5, 3)

    def __init__(self, input_features: int):
        super().__init__()
        layers, channels_in = [], input_features
        for channels, width in zip(self.CHANNELS, self.WIDTHS):
            # "same" padding, spelled out: an even width pads one more zero on the right
            layers += [nn.ConstantPad1d(((width - 1) // 2, width // 2), 0.0), nn.Conv1d(channels_in, channels, width),
                       nn.BatchNorm1d(channels), nn.ReLU()]
            channels_in = channels
        self.layers = nn.Sequential(*layers)
        self.output_size = channels_in

    def forward(self, series: torch.Tensor) -> torch.Tensor:
        # series = [batch, time, features]
        return self.layers(series.transpose(1, 2)).mean(-1)  # [batch, channels]


@dataclass(frozen=True)
class SeriesClassifierConfig:
    input_features: int
    num_classes: int
    recurrent: RecurrentConfig
    pooling: str = "attention"
    heads: int = 4  # multi-head attention pooling ("mhsa")
    conv_channels: int = 0  # a 1-D convolution before the recurrent layers (0: none)
    conv_layers: int = 1
    conv_width: int = 5
    fcn_branch: bool = False  # a fully convolutional network beside the recurrent one, as in LSTM-FCN


class SeriesClassifier(nn.Module):
    """Numeric series -> (optional 1-D convolution) -> recurrent encoder -> pooling -> class scores.

    The tutorial's heartbeat classifier is this with a BiLSTM and attention pooling. The convolution,
    when asked for, turns each sample and its neighbours into local shape features (slopes, peaks)
    before the recurrent layers read the whole beat. With `fcn_branch`, a fully convolutional network
    reads the raw series beside the recurrent one and the classifier sees both summaries, as in
    LSTM-FCN (Karim et al., 2017).
    """

    def __init__(self, config: SeriesClassifierConfig):
        super().__init__()
        self.config = config
        channels = config.conv_channels
        convolutions = []
        for layer in range(config.conv_layers if channels else 0):
            convolutions += [nn.Conv1d(channels if layer else config.input_features, channels, config.conv_width,
                                       padding=config.conv_width // 2), nn.BatchNorm1d(channels), nn.ReLU()]
        self.conv = nn.Sequential(*convolutions) if convolutions else None
        self.encoder = RecurrentEncoder(channels or config.input_features, config.recurrent)
        self.pooling = make_pooling(config.pooling, self.encoder.output_size, config.heads)
        self.fcn = FullyConvolutional(config.input_features) if config.fcn_branch else None
        self.output_dropout = nn.Dropout(config.recurrent.dropout)
        self.classify = nn.Linear(self.encoder.output_size + (self.fcn.output_size if self.fcn else 0), config.num_classes)

    def forward(self, series: torch.Tensor, lengths: torch.Tensor, labels: torch.Tensor | None = None) -> ClassifierOutput:
        # series = [batch, time, features], lengths = [batch]; the FCN branch assumes no padding
        shape = self.fcn(series) if self.fcn is not None else None  # [batch, fcn channels]
        if self.conv is not None:
            series = self.conv(series.transpose(1, 2)).transpose(1, 2)  # [batch, time, channels]
        encoded = self.encoder(series, lengths)  # outputs = [batch, time, dirs * hidden]
        pooled, weights = self.pooling(encoded)  # [batch, dirs * hidden]
        attention, head_attention = split_heads(weights)
        if shape is not None:
            pooled = torch.cat([pooled, shape], dim=-1)  # [batch, dirs * hidden + fcn channels]
        logits = self.classify(self.output_dropout(pooled)).float()  # [batch, classes]
        return ClassifierOutput(logits=logits, attention=attention, head_attention=head_attention,
                                loss=classification_loss(logits, labels))


class ClassifierEnsemble(nn.Module):
    """Classifiers of one design started from different random weights and trained side by side; the
    ensemble's answer is their mean probability, which is steadier than any one member's when the
    training set is small. Each member is trained on its own loss, not the average's: the ensemble's
    loss is the sum of the members' (so each member's gradient is what it would be alone)."""

    def __init__(self, members: list[nn.Module]):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, *inputs, labels: torch.Tensor | None = None) -> ClassifierOutput:
        outputs = [member(*inputs, labels=labels) for member in self.members]
        member_logits = torch.stack([output.logits for output in outputs])  # [members, batch, classes]
        # log of the mean probability: [batch, classes]
        log_probabilities = torch.logsumexp(member_logits.log_softmax(-1), dim=0) - math.log(len(outputs))
        attention = None
        if outputs[0].attention is not None:
            attention = torch.stack([output.attention for output in outputs]).mean(0)  # [batch, time]
        loss = None if labels is None else sum(output.loss for output in outputs)
        return ClassifierOutput(logits=log_probabilities, attention=attention, member_logits=member_logits, loss=loss)
