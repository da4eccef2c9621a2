"""Translation between English and Chinese with an encoder-decoder, with or without attention.

Sentences are read as spaCy English words (case kept) or Chinese characters. The model picked by
validation BLEU (greedy decoding) is scored once on the test pairs with beam search; BLEU is
sacrebleu's, tokenised with `zh` for Chinese output and `13a` for English.
"""

import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass

import sacrebleu
import torch

from ..data import TranslationPair, load_tatoeba
from ..hparams import Problem, hp
from ..models.decoding import Hypothesis, beam_search, greedy
from ..models.seq2seq import CELL_STEPS, Seq2Seq, Seq2SeqConfig
from ..text.detokenize import detokenize
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import Vocab
from ..train import bucket_batches, pad_sequences, to_device
from .base import BadInput, Dataset, LossFunction, Task
from .settings import RecurrentSettings, TokenSettings

MAX_INPUT_CHARS = 500  # longer input is cut (Tatoeba sentences are short; the model never saw long ones)
MAX_BEAM = 10
# twelve epochs (validation BLEU still rose at the fifth), label smoothing and the last three epochs averaged:
# about two and a half hours on one CPU core
RECOMMENDED = {"schedule": "cosine", "epochs": 12, "label_smoothing": 0.1, "average_last": 3}


@dataclass
class TranslationHyperparameters(RecurrentSettings, TokenSettings):
    """`cell` is the encoder's and the decoder's; `layers`, `hidden_size` the bidirectional encoder's."""

    RENAMED = {"encoder_layers": "layers"}  # the first checkpoints' name for the encoder's depth

    decoder_hidden: int = hp(256, low=4, high=4096)
    attention: bool = hp(True, basic=True)
    teacher_forcing: float = hp(1.0, low=0.0, high=1.0)
    label_smoothing: float = hp(0.0, low=0.0, high=0.5)
    max_tokens: int = hp(40, low=4, high=500)
    beam_width: int = hp(5, low=1, high=MAX_BEAM)
    length_penalty: float = hp(1.0, low=0.0, high=3.0)


@dataclass
class Example:
    source: list[int]
    target: list[int]  # <bos> ... <eos>
    reference: str  # the target sentence as written


@dataclass
class Batch:
    source: torch.Tensor  # [batch, src]
    lengths: torch.Tensor  # [batch]
    target: torch.Tensor  # [batch, tgt]


@dataclass
class Translation:
    source_tokens: list[Token]  # with offsets into `source`
    source: str
    text: str  # the best translation
    tokens: list[str]  # its output tokens (after <unk> copying)
    attention: list[list[float]]  # [output token][source token]
    alternatives: list[tuple[str, float]]  # (translation, normalised log-probability), best first
    truncated: bool
    unknown: int  # source tokens the vocabulary does not know

    def summary(self) -> str:
        return self.text + "".join(f"\n  {score:7.3f}  {text}" for text, score in self.alternatives[1:])


def side(direction: str) -> dict[str, str]:
    source, target = direction.split("_")
    tokenizer = {"en": "en_cased", "zh": "zh_chars"}
    return {"source": source, "target": target, "source_tokenizer": tokenizer[source],
            "target_tokenizer": tokenizer[target]}


def bleu(hypotheses: list[str], references: list[str], target_language: str) -> float:
    """Corpus BLEU as sacrebleu computes it: `zh` tokenisation for Chinese output, `13a` for English."""
    return sacrebleu.corpus_bleu(hypotheses, [references], tokenize="zh" if target_language == "zh" else "13a").score


def join_tokens(tokens: list[str], language: str) -> str:
    return "".join(tokens) if language == "zh" else detokenize(tokens)


class TranslationTask(Task):
    name = "translation"
    Hyperparameters = TranslationHyperparameters
    defaults = {"cell": "gru", "embedding_dim": 256, "hidden_size": 256, "min_freq": 2, "max_vocab": 30000}
    metric, mode = "bleu", "max"
    datasets = {
        "tatoeba_en_zh": Dataset(load_tatoeba, "en", side("en_zh"),
                                 recommended=RECOMMENDED),
        "tatoeba_zh_en": Dataset(load_tatoeba, "zh", side("zh_en"),
                                 recommended=RECOMMENDED),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 128, "decoder_hidden": 128, "embedding_dim": 128, "epochs": 2, "train_examples": 8000},
        "no_attention": {"attention": False},
    }

    def tokenize(self, dataset: str, text: str, which: str) -> list[Token]:
        return get_tokenizer(self.datasets[dataset].options[f"{which}_tokenizer"])(text)

    def _sides(self, dataset: str, pair: TranslationPair) -> tuple[str, str]:
        options = self.datasets[dataset].options
        return getattr(pair, options["source"]), getattr(pair, options["target"])

    def fit(self, hparams, dataset, train: Sequence[TranslationPair]) -> dict[str, Vocab]:
        sources, targets = zip(*(self._sides(dataset, p) for p in train))
        build = lambda texts, which: Vocab.build(  # noqa: E731
            ([t.text for t in self.tokenize(dataset, text, which)] for text in texts),
            min_freq=hparams.min_freq, max_size=hparams.max_vocab)
        return {"source": build(sources, "source"), "target": build(targets, "target")}

    def check(self, hparams, dataset: str) -> list[Problem]:
        problems = super().check(hparams, dataset)
        if hparams.cell not in CELL_STEPS:  # the decoder writes one word at a time with a recurrent cell
            problems.append(Problem("problem.decoder_cell", {"name": "cell", "cell": hparams.cell.upper(),
                                                             "choices": ", ".join(CELL_STEPS)}, field="cell"))
        return problems

    def build_model(self, hparams, dataset, fitted, pretrained: bool) -> Seq2Seq:
        return Seq2Seq(Seq2SeqConfig(len(fitted["source"]), len(fitted["target"]), hparams.embedding_dim,
                                     hparams.recurrent(bidirectional=True), hparams.decoder_hidden, hparams.attention,
                                     padding_idx=Vocab.pad_id))

    def encode(self, records: Sequence[TranslationPair], hparams, dataset, fitted) -> list[Example]:
        examples = []
        for pair in records:
            source, target = self._sides(dataset, pair)
            source_ids = fitted["source"].encode(t.text for t in self.tokenize(dataset, source, "source"))[: hparams.max_tokens]
            target_ids = fitted["target"].encode(t.text for t in self.tokenize(dataset, target, "target"))[: hparams.max_tokens]
            if source_ids and target_ids:
                examples.append(Example(source_ids, [Vocab.bos_id] + target_ids + [Vocab.eos_id], target))
        return examples

    def batches(self, examples: list[Example], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        return [self._batch(examples, indices)
                for indices in bucket_batches([len(e.source) for e in examples], batch_size, shuffle, rng)]

    @staticmethod
    def _batch(examples: list[Example], indices: list[int]) -> Batch:
        source, lengths = pad_sequences([examples[i].source for i in indices], Vocab.pad_id)
        target, _ = pad_sequences([examples[i].target for i in indices], Vocab.pad_id)
        return Batch(source, lengths, target)

    def loss(self, model: Seq2Seq, batch: Batch, teacher_forcing: float = 1.0, label_smoothing: float = 0.0) -> torch.Tensor:
        return model(batch.source, batch.lengths, batch.target, teacher_forcing, label_smoothing).loss

    def make_loss(self, hparams) -> LossFunction:
        return functools.partial(self.loss, teacher_forcing=hparams.teacher_forcing, label_smoothing=hparams.label_smoothing)

    def evaluate(self, model: Seq2Seq, examples: list[Example], device, setup, final: bool = False) -> dict[str, float]:
        """Loss and BLEU with greedy decoding; the final test score adds BLEU with beam search."""
        model.eval()
        target_language = self.datasets[setup.dataset].options["target"]
        target_vocab = setup.fitted["target"]
        total_loss, total_tokens, greedy_texts, references = 0.0, 0, [], []
        with torch.no_grad():
            for indices in bucket_batches([len(e.source) for e in examples], 128, shuffle=False):
                batch = to_device(self._batch(examples, indices), device)
                references += [examples[i].reference for i in indices]
                tokens = int((batch.target[:, 1:] != Vocab.pad_id).sum())
                total_loss += model(batch.source, batch.lengths, batch.target).loss.item() * tokens
                total_tokens += tokens
                for hypothesis in greedy(model, batch.source, batch.lengths, Vocab.bos_id, Vocab.eos_id, max_len=batch.target.shape[1] + 10):
                    greedy_texts.append(join_tokens(target_vocab.decode(hypothesis.tokens), target_language))
        metrics = {"loss": total_loss / max(total_tokens, 1),
                   "bleu": bleu(greedy_texts, references, target_language),
                   "examples": float(len(examples))}
        if final and setup.hparams.beam_width > 1:
            beam_texts = []
            with torch.no_grad():
                for example in examples:
                    source = torch.tensor([example.source], device=device)  # [1, src]
                    lengths = torch.tensor([len(example.source)], device=device)
                    best = beam_search(model, source, lengths, Vocab.bos_id, Vocab.eos_id,
                                       max_len=len(example.source) * 2 + 10, width=setup.hparams.beam_width,
                                       alpha=setup.hparams.length_penalty)[0]
                    beam_texts.append(join_tokens(target_vocab.decode(best.tokens), target_language))
            metrics["bleu_greedy"] = metrics["bleu"]
            metrics["bleu"] = bleu(beam_texts, [e.reference for e in examples], target_language)
            metrics["beam_width"] = float(setup.hparams.beam_width)
        return metrics

    def predictor(self, model, hparams, checkpoint) -> "Translator":
        return Translator(self, model, hparams, checkpoint)


class Translator:
    def __init__(self, task: TranslationTask, model: Seq2Seq, hparams: TranslationHyperparameters, checkpoint):
        self.task, self.model, self.hparams = task, model, hparams
        self.dataset = checkpoint.config["dataset"]
        self.options = task.datasets[self.dataset].options
        self.source_vocab, self.target_vocab = checkpoint.fitted["source"], checkpoint.fitted["target"]
        self.device = next(model.parameters()).device

    def predict(self, text: str, beam_width: int = 5, max_len: int | None = None) -> Translation:
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty")
        if not 1 <= beam_width <= MAX_BEAM:
            raise BadInput("beam", limit=MAX_BEAM)
        truncated = len(text) > MAX_INPUT_CHARS
        text = text[:MAX_INPUT_CHARS]
        tokens = self.task.tokenize(self.dataset, text, "source")
        if not tokens:
            raise BadInput("no_tokens")
        tokens = tokens[: self.hparams.max_tokens * 3]
        ids = self.source_vocab.encode(t.text for t in tokens)
        source = torch.tensor([ids], device=self.device)
        lengths = torch.tensor([len(ids)], device=self.device)
        limit = max_len or len(ids) * 2 + 10
        self.model.eval()
        if beam_width == 1:
            hypotheses = greedy(self.model, source, lengths, Vocab.bos_id, Vocab.eos_id, limit)
        else:
            hypotheses = beam_search(self.model, source, lengths, Vocab.bos_id, Vocab.eos_id, limit, beam_width,
                                     self.hparams.length_penalty)
        outputs = [self._words(h, tokens) for h in hypotheses]
        best = hypotheses[0]
        return Translation(
            source_tokens=tokens, source=text, text=join_tokens(outputs[0], self.options["target"]), tokens=outputs[0],
            attention=[w.tolist() for w in best.attention],
            alternatives=[(join_tokens(words, self.options["target"]), h.normalized(self.hparams.length_penalty))
                          for words, h in zip(outputs, hypotheses)],
            truncated=truncated, unknown=sum(i == Vocab.unk_id for i in ids))

    def _words(self, hypothesis: Hypothesis, source_tokens: list[Token]) -> list[str]:
        """Output tokens, with each <unk> replaced by the source token it attended to most (a name, a number...)."""
        words = self.target_vocab.decode(hypothesis.tokens)
        for i, token in enumerate(hypothesis.tokens):
            if token == Vocab.unk_id and i < len(hypothesis.attention):
                words[i] = source_tokens[int(hypothesis.attention[i].argmax())].text
        return words
