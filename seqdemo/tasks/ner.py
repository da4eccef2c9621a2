"""Named-entity recognition: a BiLSTM-CRF tags each character (Chinese) or word (English) with BIO labels.

MSRA's package test file (close to the SIGHAN-2006 test set, not the same) and a fixed WNUT-16 split
are scored at the entity level (exact type and span), micro-averaged, as seqeval does.
"""

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence

from ..data import TaggedSentence, load_chinese_lexicon, load_msra, load_wnut16
from ..hparams import Problem, hp
from ..models.tagger import SequenceTagger, TaggerConfig, TaggerOutput
from ..text.entities import entity_scores, spans
from ..text.glove import glove_embedding_matrix
from ..text.lexicon import FEATURES as LEXICON_FEATURES
from ..text.lexicon import lexicon_masks
from ..text.ngrams import bigrams
from ..text.segmenter import segmentation_masks
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import Vocab, width_map
from ..train import bucket_batches, pad_sequences, to_device
from .base import BadInput, Dataset, Task
from .settings import BigramSettings, PretrainedSettings, RecurrentSettings, TokenSettings

MAX_INPUT_CHARS = 20_000  # longer input is cut; shorter input is split into sentences
MAX_SENTENCE_TOKENS = 250  # longer sentences are cut into pieces (training, evaluation and the tab alike)
MAX_WORD_CHARS = 20  # characters of a word the character CNN reads
_SENTENCE = {"zh": re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*"), "en": re.compile(r"[^.!?\n]+[.!?]*")}


@dataclass
class NerHyperparameters(RecurrentSettings, TokenSettings, PretrainedSettings, BigramSettings):
    """The encoder always reads in both directions: a tag depends on what follows as much as on what precedes."""

    bigram_dim: int = hp(100, low=4, high=1024)
    bigram_min_freq: int = hp(2, low=1, high=1000)
    lexicon: bool = hp(False)
    segmenter: bool = hp(False)
    char_features: bool = hp(False)
    decoder: str = hp("crf", choices=("crf", "softmax"), basic=True)
    lowercase: bool = hp(False)


@dataclass
class Example:
    ids: list[int]
    bigram_ids: list[int] | None
    char_ids: list[list[int]] | None
    lexicon_masks: list[int] | None
    tags: list[int]


@dataclass
class Batch:
    tokens: torch.Tensor  # [batch, time]
    bigrams: torch.Tensor | None  # [batch, time]
    chars: torch.Tensor | None  # [batch, time, letters]
    lexicon: torch.Tensor | None  # [batch, time] bit masks of dictionary matches
    lengths: torch.Tensor  # [batch]
    tags: torch.Tensor  # [batch, time]

    def run(self, model: SequenceTagger, with_tags: bool = False) -> TaggerOutput:
        return model(self.tokens, self.lengths, self.bigrams, self.chars, self.lexicon, tags=self.tags if with_tags else None)


@dataclass
class Entity:
    type: str
    text: str
    start: int  # character offsets into the input
    end: int
    confidence: float  # the model's probability for the entity's tags, averaged over its tokens


@dataclass
class Recognition:
    text: str  # the text that was read (possibly cut)
    entities: list[Entity]
    truncated: bool
    sentences: int

    def summary(self) -> str:
        return "\n".join(f"{e.type:<12} {e.confidence:5.1%}  {e.text}" for e in self.entities) or "(no entities)"


_MARKUP = re.compile(r"<[^<>]*>")


def nameable(text: str, begin: int, end: int) -> bool:
    """Whether text[begin:end] can be a name: it has a letter or digit (not emoji or punctuation alone) and is
    not inside markup such as <script> (markup is shown as text, never read as a name)."""
    if not any(c.isalnum() for c in text[begin:end]):
        return False
    return not any(tag.start() < end and begin < tag.end() for tag in _MARKUP.finditer(text))


def tag_names(entity_types: Sequence[str]) -> list[str]:
    return ["O"] + [f"{prefix}-{kind}" for kind in entity_types for prefix in "BI"]


def cut(sentence: TaggedSentence, limit: int) -> list[TaggedSentence]:
    """Very long training sentences, cut into pieces (never inside an entity when avoidable)."""
    pieces, start = [], 0
    while len(sentence.tokens) - start > limit:
        end = start + limit
        while end > start + limit // 2 and sentence.tags[end].startswith("I-"):
            end -= 1
        pieces.append(TaggedSentence(sentence.tokens[start:end], sentence.tags[start:end]))
        start = end
    pieces.append(TaggedSentence(sentence.tokens[start:], sentence.tags[start:]))
    return pieces


class NerTask(Task):
    name = "ner"
    Hyperparameters = NerHyperparameters
    defaults = {"hidden_size": 256, "embedding_dim": 100, "bigrams": True, "dropout": 0.5, "max_vocab": 100000}
    metric, mode = "f1", "max"
    records_are_exchangeable = True
    datasets = {
        "msra": Dataset(load_msra, "zh", {"tokenizer": "zh_chars_cased", "types": ("PER", "LOC", "ORG")},
                        recommended={"lexicon": True, "segmenter": True, "bigram_dim": 50, "bigram_min_freq": 3, "epochs": 12,
                                     "schedule": "cosine"}),
        "wnut16": Dataset(load_wnut16, "en", {"tokenizer": "en_cased", "types": ("company", "facility", "geo-loc", "movie", "musicartist", "other",
                                                              "person", "product", "sportsteam", "tvshow")},
                          recommended={"bigrams": False, "char_features": True, "embeddings": "glove_tuned",
                                       "embedding_dim": 50, "lowercase": True, "hidden_size": 100, "epochs": 40,
                                       "batch_size": 16, "patience": 8, "lr_patience": 3}),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 64, "epochs": 2, "train_examples": 5000},
        "softmax": {"decoder": "softmax"},
    }

    def check(self, hparams: NerHyperparameters, dataset: str) -> list[Problem]:
        problems = super().check(hparams, dataset) + self.glove_problems(hparams, dataset)
        if (hparams.lexicon or hparams.segmenter) and dataset in self.datasets and self.datasets[dataset].language != "zh":
            problems.append(Problem("problem.lexicon_language"))
        return problems

    def tags(self, dataset: str) -> list[str]:
        return tag_names(self.datasets[dataset].options["types"])

    def _lookup(self, tokens: Sequence[str], hparams) -> list[str]:
        return [t.lower() for t in tokens] if hparams.lowercase else list(tokens)

    def fit(self, hparams, dataset, train: Sequence[TaggedSentence]) -> dict[str, Vocab]:
        words = [self._lookup(s.tokens, hparams) for s in train]
        vocabs = {"words": Vocab.build(words, min_freq=hparams.min_freq, max_size=hparams.max_vocab)}
        if hparams.bigrams:
            vocabs["bigrams"] = Vocab.build(map(bigrams, words), min_freq=hparams.bigram_min_freq, max_size=hparams.max_vocab)
        if hparams.char_features:
            vocabs["chars"] = Vocab.build([c for token in s.tokens for c in token] for s in train)
        return vocabs

    def build_model(self, hparams, dataset, vocabs, pretrained: bool) -> SequenceTagger:
        model = SequenceTagger(TaggerConfig(
            vocab_size=len(vocabs["words"]), tags=tuple(self.tags(dataset)), embedding_dim=hparams.embedding_dim,
            recurrent=hparams.recurrent(bidirectional=True), use_crf=hparams.decoder == "crf",
            bigram_vocab_size=len(vocabs["bigrams"]) if "bigrams" in vocabs else 0, bigram_dim=hparams.bigram_dim,
            char_vocab_size=len(vocabs["chars"]) if "chars" in vocabs else 0,
            lexicon_features=LEXICON_FEATURES * (hparams.lexicon + hparams.segmenter), padding_idx=Vocab.pad_id))
        if pretrained and hparams.embeddings != "random":
            matrix, _coverage = glove_embedding_matrix(vocabs["words"], seed=hparams.seed)
            model.embedding.weight.data.copy_(matrix)
        model.embedding.weight.requires_grad = hparams.embeddings != "glove_frozen"
        return model

    def features(self, tokens: Sequence[str], hparams, vocabs) -> tuple[list[int], list[int] | None, list[list[int]] | None,
                                                                        list[int] | None]:
        words = self._lookup(tokens, hparams)
        ids = vocabs["words"].encode(words)
        pair_ids = vocabs["bigrams"].encode(bigrams(words)) if "bigrams" in vocabs else None
        char_ids = [vocabs["chars"].encode(token[:MAX_WORD_CHARS]) for token in tokens] if "chars" in vocabs else None
        masks = None
        if hparams.lexicon or hparams.segmenter:  # dictionary matches in the low bits, the segmentation above them
            matches = lexicon_masks(tokens, load_chinese_lexicon()) if hparams.lexicon else [0] * len(tokens)
            shift = LEXICON_FEATURES if hparams.lexicon else 0
            words = segmentation_masks(tokens) if hparams.segmenter else [0] * len(tokens)
            masks = [match | word << shift for match, word in zip(matches, words)]
        return ids, pair_ids, char_ids, masks

    def encode(self, records: Sequence[TaggedSentence], hparams, dataset, fitted) -> list[Example]:
        index = {tag: i for i, tag in enumerate(self.tags(dataset))}
        examples = []
        for record in records:
            for piece in cut(record, MAX_SENTENCE_TOKENS):
                examples.append(Example(*self.features(piece.tokens, hparams, fitted), [index[t] for t in piece.tags]))
        return examples

    def batches(self, examples: list[Example], batch_size: int, shuffle: bool, rng: random.Random | None = None) -> list[Batch]:
        return [self._batch([examples[i] for i in indices])
                for indices in bucket_batches([len(e.ids) for e in examples], batch_size, shuffle, rng)]

    @staticmethod
    def _batch(examples: list[Example]) -> Batch:
        tokens, lengths = pad_sequences([e.ids for e in examples], Vocab.pad_id)
        tags, _ = pad_sequences([e.tags for e in examples], 0)
        pairs = None if examples[0].bigram_ids is None else pad_sequences([e.bigram_ids for e in examples], Vocab.pad_id)[0]
        lexicon = None if examples[0].lexicon_masks is None else pad_sequences([e.lexicon_masks for e in examples], 0)[0]
        chars = None
        if examples[0].char_ids is not None:  # [batch, time, letters]: each word's letters, padded twice over
            letters = max(len(word) for e in examples for word in e.char_ids)
            words = [pad_sequences(e.char_ids, 0)[0] for e in examples]  # each [time, its longest word]
            chars = pad_sequence([F.pad(w, (0, letters - w.shape[1])) for w in words], batch_first=True)
        return Batch(tokens, pairs, chars, lexicon, lengths, tags)

    def loss(self, model, batch: Batch) -> torch.Tensor:
        return batch.run(model, with_tags=True).loss

    def evaluate(self, model: SequenceTagger, examples: list[Example], device, setup, final: bool = False) -> dict[str, Any]:
        names = self.tags(setup.dataset)
        gold, predicted, total_loss, sentences = [], [], 0.0, 0
        model.eval()
        with torch.no_grad():
            for batch in self.batches(examples, 64, shuffle=False):
                batch = to_device(batch, device)
                output = batch.run(model, with_tags=True)
                total_loss += float(output.loss) * batch.tokens.shape[0]
                sentences += batch.tokens.shape[0]
                paths, _ = model.decode(output)
                for b, path in enumerate(paths):
                    gold.append([names[i] for i in batch.tags[b, : len(path)].tolist()])
                    predicted.append([names[i] for i in path])
        report = entity_scores(gold, predicted)
        metrics = {name: report["micro"][name] for name in ("precision", "recall", "f1")}
        types = [kind for kind in report if kind != "micro"]
        if final:  # the one-off test score breaks precision, recall and F1 down by type
            metrics["per_type"] = {kind: {name: report[kind][name] for name in ("precision", "recall", "f1", "support")}
                                   for kind in types}
        else:  # each epoch's curves: one F1 per type
            metrics |= {f"{kind}_f1": report[kind]["f1"] for kind in types}
        return metrics | {"loss": total_loss / max(sentences, 1), "entities": report["micro"]["support"]}

    def predictor(self, model, hparams, checkpoint) -> "EntityRecognizer":
        return EntityRecognizer(self, model, hparams, checkpoint)


class EntityRecognizer:
    def __init__(self, task: NerTask, model: SequenceTagger, hparams: NerHyperparameters, checkpoint):
        self.task, self.model, self.hparams = task, model, hparams
        self.dataset = checkpoint.config["dataset"]
        self.language = task.datasets[self.dataset].language
        self.vocabs = checkpoint.fitted
        self.names = task.tags(self.dataset)
        self.tokenize = get_tokenizer(task.datasets[self.dataset].options["tokenizer"])
        self.width = width_map(self.vocabs["words"])  # "." -> "．" where the training text writes the latter
        self.device = next(model.parameters()).device

    def _as_trained(self, token: str) -> str:
        return "".join(self.width.get(c, c) for c in token)

    def sentences(self, text: str) -> list[list[Token]]:
        """Tokens of each sentence as the training text writes them, with offsets into `text`; over-long
        sentences are cut into pieces."""
        pieces = []
        for sentence in _SENTENCE[self.language].finditer(text):
            tokens = [Token(self._as_trained(t.text), t.start + sentence.start(), t.end + sentence.start())
                      for t in self.tokenize(sentence.group())]
            pieces += [tokens[i:i + MAX_SENTENCE_TOKENS] for i in range(0, len(tokens), MAX_SENTENCE_TOKENS)]
        return pieces

    def predict(self, text: str) -> Recognition:
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty")
        truncated = len(text) > MAX_INPUT_CHARS
        text = text[:MAX_INPUT_CHARS]
        sentences = self.sentences(text)
        if not sentences:
            raise BadInput("no_tokens")
        examples = [Example(*self.task.features([t.text for t in s], self.hparams, self.vocabs), [0] * len(s)) for s in sentences]
        entities = []
        self.model.eval()
        with torch.no_grad():
            for start in range(0, len(examples), 64):
                batch = to_device(self.task._batch(examples[start:start + 64]), self.device)
                paths, probabilities = self.model.decode(batch.run(self.model))
                probabilities = probabilities.cpu()  # [batch, time, tags], read one token at a time below
                for b, path in enumerate(paths):
                    tokens = sentences[start + b]
                    for kind, first, last in spans([self.names[i] for i in path]):
                        confidence = sum(float(probabilities[b, t, path[t]]) for t in range(first, last)) / (last - first)
                        begin, end = tokens[first].start, tokens[last - 1].end
                        if nameable(text, begin, end):
                            entities.append(Entity(kind, text[begin:end], begin, end, confidence))
        return Recognition(text=text, entities=entities, truncated=truncated, sentences=len(sentences))
