"""Sentiment analysis: a review in, positive or negative out, with the words that mattered shaded."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ..data import LabeledText, load_chinese_reviews, load_imdb, load_rotten_tomatoes
from ..hparams import Problem, hp
from ..models import ClassifierConfig, SequenceClassifier
from ..text.glove import glove_embedding_matrix
from ..text.ngrams import bigrams
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import UNK, Vocab
from ..train import bucket_batches, pad_sequences, to_device
from .base import BadInput, Dataset, Task
from .scores import classification_metrics
from .settings import BigramSettings, PretrainedSettings, ReaderSettings, TokenSettings

MAX_INPUT_CHARS = 20_000  # longer user input is cut before tokenizing
MAX_INPUT_TOKENS = 1_000  # and at most this many tokens reach the model (beginning and end kept)
LABELS = ("negative", "positive")


@dataclass
class SentimentHyperparameters(ReaderSettings, TokenSettings, PretrainedSettings, BigramSettings):
    max_tokens: int = hp(400, low=8, high=5000)


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
    defaults = {"embeddings": "glove_tuned", "embedding_dim": 50, "min_freq": 2, "max_vocab": 30000}
    metric, mode = "accuracy", "max"
    records_are_exchangeable = True
    datasets = {
        "imdb": Dataset(load_imdb, "en", {"tokenizer": "en_words"}),
        "rotten_tomatoes": Dataset(load_rotten_tomatoes, "en", {"tokenizer": "en_words"}),
        "chinese_reviews": Dataset(
            load_chinese_reviews, "zh", {"tokenizer": "zh_chars"},
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

    def fit(self, hparams, dataset, train: Sequence[LabeledText]) -> dict[str, Vocab]:
        texts = [[t.text for t in self.tokenize(dataset, r.text)] for r in train]
        vocabs = {"words": Vocab.build(texts, min_freq=hparams.min_freq, max_size=hparams.max_vocab)}
        if hparams.bigrams:
            vocabs["bigrams"] = Vocab.build(map(bigrams, texts), min_freq=hparams.min_freq, max_size=hparams.max_vocab)
        return vocabs

    @staticmethod
    def to_ids(tokens: list[str], vocabs: dict[str, Vocab]) -> tuple[list[int], list[int] | None]:
        bigram_vocab = vocabs.get("bigrams")
        return vocabs["words"].encode(tokens), bigram_vocab.encode(bigrams(tokens)) if bigram_vocab else None

    def build_model(self, hparams, dataset, fitted, pretrained: bool) -> SequenceClassifier:
        vocab = fitted["words"]
        model = SequenceClassifier(ClassifierConfig(
            vocab_size=len(vocab), num_classes=len(LABELS), embedding_dim=hparams.embedding_dim,
            recurrent=hparams.recurrent(), pooling=hparams.pooling, padding_idx=vocab.pad_id,
            bigram_vocab_size=len(fitted["bigrams"]) if "bigrams" in fitted else 0))
        if pretrained and hparams.embeddings != "random":
            matrix, _coverage = glove_embedding_matrix(vocab, seed=hparams.seed)
            model.embedding.weight.data.copy_(matrix)
        model.embedding.weight.requires_grad = hparams.embeddings != "glove_frozen"
        return model

    def encode(self, records: Sequence[LabeledText], hparams, dataset, fitted) -> list[Example]:
        examples = []
        for record in records:
            tokens = [t.text for t in self.tokenize(dataset, record.text)] or [UNK]
            examples.append(Example(*self.to_ids(head_and_tail(tokens, hparams.max_tokens), fitted), record.label))
        return examples

    def batches(self, examples: list[Example], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        out = []
        for indices in bucket_batches([len(e.ids) for e in examples], batch_size, shuffle, rng):
            tokens, lengths = pad_sequences([examples[i].ids for i in indices], Vocab.pad_id)
            pairs = None if examples[0].bigram_ids is None else pad_sequences([examples[i].bigram_ids for i in indices], Vocab.pad_id)[0]
            out.append(Batch(tokens, pairs, lengths, torch.tensor([examples[i].label for i in indices])))
        return out

    def loss(self, model: SequenceClassifier, batch: Batch) -> torch.Tensor:
        return model(batch.tokens, batch.lengths, batch.bigrams, labels=batch.labels).loss

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, float]:
        model.eval()
        predictions, labels, total_loss = [], [], 0.0
        with torch.no_grad():
            for batch in self.batches(examples, 128, shuffle=False):
                batch = to_device(batch, device)
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
        self.vocabs = checkpoint.fitted
        self.device = next(model.parameters()).device

    def _one_row(self, ids: list[int] | None) -> torch.Tensor | None:
        return None if ids is None else torch.tensor([ids], device=self.device)  # [1, time]

    def predict(self, text: str) -> Prediction:
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty")
        chars_truncated = len(text) > MAX_INPUT_CHARS
        text = text[:MAX_INPUT_CHARS]
        tokens = self.task.tokenize(self.dataset, text)
        if not tokens:
            raise BadInput("no_tokens")
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
