"""Sentiment analysis: a review in, positive or negative out, with the words that mattered shaded."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F

from ..data import LabeledText, load_chinese_reviews, load_imdb, load_movie_reviews, load_rotten_tomatoes
from ..data.probes import SENTIMENT as PROBES
from ..hparams import Problem, fields, hp
from ..models import ClassifierConfig, SequenceClassifier
from ..models.encoder import backward_in_eval_mode
from ..paths import SHIPPED_CHECKPOINTS
from ..text.glove import glove_embedding_matrix
from ..text.ngrams import bigrams
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import UNK, Vocab
from ..train import bucket_batches, pad_sequences, to_device
from .base import BadInput, Dataset, Task
from .calibration import Temperature, expected_calibration_error, fit_temperature
from .constructed_reviews import constructed_reviews
from .scores import classification_metrics
from .settings import BigramSettings, PretrainedSettings, ReaderSettings, TokenSettings

MAX_INPUT_CHARS = 20_000  # longer user input is cut before tokenizing
MAX_INPUT_TOKENS = 1_000  # and at most this many tokens reach the model (beginning and end kept)
LABELS = ("negative", "positive")
NO_TEACHER = "none"
# the shipped sentiment models a student may learn from, and the language each reads; a choice, never a path,
# because the Train form is open to strangers
TEACHERS = {"movie-reviews-bilstm-attention": "en"}


@dataclass
class SentimentHyperparameters(ReaderSettings, TokenSettings, PretrainedSettings, BigramSettings):
    max_tokens: int = hp(400, low=8, high=5000)
    constructed: float = hp(0.0, low=0.0, high=1.0)
    teacher: str = hp(NO_TEACHER, choices=(NO_TEACHER, *TEACHERS))
    distill_temperature: float = hp(2.0, low=1.0, high=20.0)
    distill_weight: float = hp(0.7, low=0.0, high=1.0)


DISTILL_SETTINGS = ("distill_temperature", "distill_weight")  # mean something only with a teacher


def distillation_loss(logits: torch.Tensor, teacher_logits: torch.Tensor, labels: torch.Tensor, temperature: float,
                      weight: float) -> torch.Tensor:
    """weight·T²·KL(teacher ‖ student), both softened by T, plus (1 − weight)·cross-entropy with the labels
    (Hinton et al., 2015). T² keeps the soft part's gradients the same size whatever T is."""
    # logits, teacher_logits = [batch, classes]; labels = [batch]
    student = F.log_softmax(logits / temperature, dim=-1)  # [batch, classes]
    teacher = F.log_softmax(teacher_logits / temperature, dim=-1)  # [batch, classes]
    soft = F.kl_div(student, teacher, reduction="batchmean", log_target=True)
    return weight * temperature**2 * soft + (1 - weight) * F.cross_entropy(logits, labels)


@dataclass
class Example:
    ids: list[int]
    bigram_ids: list[int] | None
    label: int
    source: str = ""
    teacher_logits: torch.Tensor | None = None  # [classes]: the teacher's raw scores, training examples only


@dataclass
class Batch:
    tokens: torch.Tensor  # [batch, time]
    bigrams: torch.Tensor | None  # [batch, time]
    lengths: torch.Tensor  # [batch]
    labels: torch.Tensor  # [batch]
    teacher_logits: torch.Tensor | None = None  # [batch, classes]


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
    head_weights: list[list[float]] | None = None  # multi-head attention pooling: per head, one per token, 0..1

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
        "movie_reviews": Dataset(load_movie_reviews, "en", {"tokenizer": "en_words"}, recommended={"constructed": 0.1}),
        "imdb": Dataset(load_imdb, "en", {"tokenizer": "en_words"}),
        "rotten_tomatoes": Dataset(load_rotten_tomatoes, "en", {"tokenizer": "en_words"}),
        "chinese_reviews": Dataset(
            load_chinese_reviews, "zh", {"tokenizer": "zh_chars"},
            recommended={"embeddings": "random", "embedding_dim": 128, "bigrams": True, "dropout": 0.5, "max_tokens": 300,
                         "constructed": 0.1},
        ),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 64, "epochs": 3, "max_tokens": 150, "max_vocab": 10000, "train_examples": 5000},
    }

    def check(self, hparams: SentimentHyperparameters, dataset: str) -> list[Problem]:
        return super().check(hparams, dataset) + self.glove_problems(hparams, dataset) + self.teacher_problems(hparams, dataset)

    def teacher_problems(self, hparams: SentimentHyperparameters, dataset: str) -> list[Problem]:
        """A teacher reads one language; the distillation settings need a teacher."""
        if hparams.teacher == NO_TEACHER:
            defaults = {f.name: f.default for f in fields(SentimentHyperparameters)}
            return [Problem("problem.teacher_only", {"name": name}, field=name)
                    for name in DISTILL_SETTINGS if getattr(hparams, name) != defaults[name]]
        language = self.datasets[dataset].language if dataset in self.datasets else None
        if hparams.teacher in TEACHERS and language is not None and language != TEACHERS[hparams.teacher]:
            return [Problem("problem.teacher_language", {"name": "teacher", "teacher": hparams.teacher}, field="teacher")]
        return []

    def training_records(self, records: Sequence[LabeledText], hparams, dataset: str) -> Sequence[LabeledText]:
        if not hparams.constructed:
            return records
        language = self.datasets[dataset].language
        return list(records) + constructed_reviews(records, language, hparams.constructed, hparams.seed)

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
            recurrent=hparams.recurrent(), pooling=hparams.pooling, heads=hparams.heads, padding_idx=vocab.pad_id,
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
            examples.append(Example(*self.to_ids(head_and_tail(tokens, hparams.max_tokens), fitted), record.label,
                                    record.source))
        return examples

    def encode_training(self, records: Sequence[LabeledText], hparams, dataset, fitted, device) -> list[Example]:
        examples = self.encode(records, hparams, dataset, fitted)
        if hparams.teacher == NO_TEACHER:
            return examples
        for example, logits in zip(examples, self.teacher_logits(hparams.teacher, records, device)):
            example.teacher_logits = logits
        return examples

    def teacher_logits(self, teacher: str, records: Sequence[LabeledText], device) -> torch.Tensor:
        """[records, classes]: a shipped model's raw scores (before the temperature it fitted), each record read
        with the teacher's own tokenizer, vocabulary and length limit."""
        from .runner import load_model  # the runner imports every task

        _task, teacher_hparams, model, checkpoint = load_model(SHIPPED_CHECKPOINTS / self.name / teacher, device)
        examples = self.encode(records, teacher_hparams, checkpoint.config["dataset"], checkpoint.fitted)
        return self._logits(model, examples, device)

    def batches(self, examples: list[Example], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        return [self._batch(examples, indices) for indices in bucket_batches([len(e.ids) for e in examples], batch_size,
                                                                             shuffle, rng)]

    @staticmethod
    def _batch(examples: list[Example], indices: list[int]) -> Batch:
        tokens, lengths = pad_sequences([examples[i].ids for i in indices], Vocab.pad_id)
        pairs = None if examples[0].bigram_ids is None else pad_sequences([examples[i].bigram_ids for i in indices], Vocab.pad_id)[0]
        teacher = None if examples[0].teacher_logits is None else torch.stack([examples[i].teacher_logits for i in indices])
        return Batch(tokens, pairs, lengths, torch.tensor([examples[i].label for i in indices]), teacher)

    def loss(self, model: SequenceClassifier, batch: Batch) -> torch.Tensor:
        return model(batch.tokens, batch.lengths, batch.bigrams, labels=batch.labels).loss

    def make_loss(self, hparams: SentimentHyperparameters):
        """Cross-entropy with the labels; with a teacher, mixed with matching its softened answers."""
        if hparams.teacher == NO_TEACHER:
            return self.loss

        def distilled(model: SequenceClassifier, batch: Batch) -> torch.Tensor:
            logits = model(batch.tokens, batch.lengths, batch.bigrams).logits  # [batch, classes]
            return distillation_loss(logits, batch.teacher_logits, batch.labels, hparams.distill_temperature,
                                     hparams.distill_weight)

        return distilled

    def _logits(self, model, examples: list[Example], device) -> torch.Tensor:
        """[examples, classes] in the examples' order."""
        model.eval()
        parts, order = [], []
        with torch.no_grad():
            for indices in bucket_batches([len(e.ids) for e in examples], 128, shuffle=False):
                batch = to_device(self._batch(examples, indices), device)
                parts.append(model(batch.tokens, batch.lengths, batch.bigrams).logits.cpu())
                order += indices
        logits = torch.cat(parts) if parts else torch.empty(0, len(LABELS))
        return logits[torch.argsort(torch.tensor(order))] if order else logits

    def calibrate(self, model, examples, device, setup) -> dict[str, Temperature]:
        labels = torch.tensor([e.label for e in examples])
        return {"temperature": fit_temperature(self._logits(model, examples, device), labels)}

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, Any]:
        """Accuracy and macro-F1 (and each source's accuracy when the data joins several); the log loss and
        the expected calibration error of the probabilities a visitor sees (after the temperature, if any)."""
        logits = self._logits(model, examples, device)
        temperature = setup.fitted.get("temperature") if setup is not None else None
        if temperature is not None:
            logits = temperature.apply(logits)
        labels = torch.tensor([e.label for e in examples])
        predictions = logits.argmax(-1)
        metrics = classification_metrics(predictions.tolist(), labels.tolist(), len(LABELS))
        by_source = {}
        for source in sorted({e.source for e in examples} - {""}):
            mine = torch.tensor([e.source == source for e in examples])
            by_source[source] = float((predictions[mine] == labels[mine]).float().mean())
        if final and by_source:
            metrics["accuracy_by_source"] = by_source
        else:  # each epoch's curves: one accuracy per source
            metrics |= {f"accuracy_{source}": accuracy for source, accuracy in by_source.items()}
        if len(examples):
            metrics["loss"] = float(F.cross_entropy(logits, labels))
            metrics["ece"] = expected_calibration_error(logits.softmax(-1), labels)
        return metrics

    def probe_scores(self, predictor: "SentimentPredictor", dataset: str) -> dict:
        """Accuracy on the hand-written negation and contrast sentences of the dataset's language, and the misses."""
        probes = PROBES[self.datasets[dataset].language]
        missed = [(text, LABELS[label]) for text, label in probes if predictor.predict(text).label != LABELS[label]]
        return {"probes": len(probes), "probe_accuracy": 1 - len(missed) / len(probes), "missed": missed}

    def predictor(self, model, hparams, checkpoint) -> "SentimentPredictor":
        return SentimentPredictor(self, model, hparams, checkpoint)


class SentimentPredictor:
    def __init__(self, task: SentimentTask, model: SequenceClassifier, hparams: SentimentHyperparameters, checkpoint):
        self.task = task
        self.model = model
        self.dataset = checkpoint.config["dataset"]
        self.vocabs = checkpoint.fitted
        self.temperature: Temperature | None = checkpoint.fitted.get("temperature")
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
        with backward_in_eval_mode(self.device):  # saliency below differentiates through the encoder
            output = self.model.classify_embedded(embedded, lengths)
        logits = output.logits if self.temperature is None else self.temperature.apply(output.logits)
        probabilities = torch.softmax(logits, dim=-1)[0]  # [classes], calibrated when the model has a temperature
        if output.attention is not None:
            weights, kind = output.attention[0].detach(), "attention"
        else:
            # gradient x input: how much each word vector pushes the winning class's score
            (gradient,) = torch.autograd.grad(output.logits[0].max(), embedded)
            weights, kind = (gradient * embedded).sum(-1)[0].abs().detach(), "saliency"
        weights = weights / weights.max().clamp_min(1e-12)
        heads = None
        if output.head_attention is not None:
            per_head = output.head_attention[0].detach()  # [heads, time]
            heads = (per_head / per_head.max(dim=-1, keepdim=True).values.clamp_min(1e-12)).tolist()
        unknown = sum(i == Vocab.unk_id for i in ids) / len(ids)
        return Prediction(labels=LABELS, probabilities=probabilities.tolist(), tokens=tokens, weights=weights.tolist(),
                          weight_kind=kind, text=text, chars_truncated=chars_truncated,
                          tokens_truncated=tokens_truncated, unknown_fraction=unknown, head_weights=heads)
