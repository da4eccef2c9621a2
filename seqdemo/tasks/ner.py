"""Named-entity recognition: a BiLSTM-CRF tags each character (Chinese) or word (English) with BIO labels.

MSRA's official test set and a fixed WNUT-16 split are scored at the entity level (exact type and
span), micro-averaged, as seqeval does.
"""

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from ..data import TaggedSentence, load_chinese_lexicon, load_msra, load_wnut16
from ..hparams import Problem, hp
from ..models import CELLS
from ..models.crf import bio_constraints
from ..models.tagger import SequenceTagger, TaggerOutput
from ..text.entities import entity_scores, spans
from ..text.glove import glove_embedding_matrix
from ..text.lexicon import FEATURES as LEXICON_FEATURES, lexicon_masks
from ..text.ngrams import bigrams
from ..text.segmenter import segmentation_masks
from ..text.tokenizers import Token, get_tokenizer
from ..text.vocab import Vocab
from ..train import TrainingHyperparameters, bucket_batches, pad_sequences
from .base import BadInput, Dataset, Task

MAX_INPUT_CHARS = 20_000  # longer input is cut; shorter input is split into sentences
MAX_SENTENCE_TOKENS = 250  # longer sentences are cut into pieces (training, evaluation and the tab alike)
MAX_WORD_CHARS = 20  # characters of a word the character CNN reads
EMBEDDINGS = ("random", "glove_frozen", "glove_tuned")
_SENTENCE = {"zh": re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*"), "en": re.compile(r"[^.!?\n]+[.!?]*")}


@dataclass
class NerHyperparameters(TrainingHyperparameters):
    cell: str = hp("lstm", "Recurrent cell: RNN, LSTM or GRU.", choices=tuple(CELLS))
    layers: int = hp(1, "Stacked bidirectional layers.", low=1, high=4)
    hidden_size: int = hp(256, "Units in each direction of each layer.", low=4, high=2048)
    embedding_dim: int = hp(100, "Size of each character or word vector.", low=4, high=1024)
    embeddings: str = hp("random", "Word vectors: random, or GloVe (English, 50 dimensions) frozen or fine-tuned.", choices=EMBEDDINGS)
    bigrams: bool = hp(True, "Also give the model each pair of neighbouring tokens: for Chinese characters, often a word.")
    bigram_dim: int = hp(100, "Size of each bigram vector.", low=4, high=1024)
    bigram_min_freq: int = hp(2, "Bigrams seen fewer times in training become <unk>.", low=1, high=1000)
    lexicon: bool = hp(False, "Chinese: tell the model which dictionary words, names, places and organisations each character belongs to.")
    segmenter: bool = hp(False, "Chinese: tell the model how a word segmenter splits the sentence, and which words it takes for "
                                "names, places and organisations.")
    char_features: bool = hp(False, "Read each word's spelling with a character CNN (capitals, suffixes, @handles).")
    decoder: str = hp("crf", "Output layer: a CRF that scores whole tag sequences, or a softmax per token.", choices=("crf", "softmax"))
    dropout: float = hp(0.5, "Dropout on the inputs and before the output layer.", low=0.0, high=0.9)
    lowercase: bool = hp(False, "Look words up in lower case (the character CNN still sees the capitals).")
    min_freq: int = hp(1, "Tokens seen fewer times in training become <unk>.", low=1, high=1000)
    max_vocab: int = hp(100000, "Largest vocabulary.", low=100, high=1000000)


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

    def to(self, device: torch.device) -> "Batch":
        move = lambda x: None if x is None else x.to(device)  # noqa: E731
        return Batch(move(self.tokens), move(self.bigrams), move(self.chars), move(self.lexicon), move(self.lengths),
                     move(self.tags))

    def run(self, model: SequenceTagger) -> TaggerOutput:
        return model(self.tokens, self.lengths, self.bigrams, self.chars, self.lexicon)


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
    metric, mode = "f1", "max"
    records_are_exchangeable = True
    datasets = {
        "msra": Dataset(load_msra, "zh", "MSRA news, Chinese, character by character (PER, LOC, ORG)",
                        {"tokenizer": "zh_chars", "types": ("PER", "LOC", "ORG")},
                        recommended={"lexicon": True, "segmenter": True, "bigram_dim": 50, "bigram_min_freq": 3, "epochs": 12,
                                     "schedule": "cosine"}),
        "wnut16": Dataset(load_wnut16, "en", "WNUT-16 tweets, English, 10 entity types",
                          {"tokenizer": "en_cased", "types": ("company", "facility", "geo-loc", "movie", "musicartist", "other",
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

    def build_vocabs(self, hparams, dataset, train: Sequence[TaggedSentence]) -> dict[str, Vocab]:
        words = [self._lookup(s.tokens, hparams) for s in train]
        vocabs = {"words": Vocab.build(words, min_freq=hparams.min_freq, max_size=hparams.max_vocab)}
        if hparams.bigrams:
            vocabs["bigrams"] = Vocab.build(map(bigrams, words), min_freq=hparams.bigram_min_freq, max_size=hparams.max_vocab)
        if hparams.char_features:
            vocabs["chars"] = Vocab.build(([c for token in s.tokens for c in token] for s in train))
        return vocabs

    def build_model(self, hparams, dataset, vocabs, pretrained: bool) -> SequenceTagger:
        tags = self.tags(dataset)
        transitions, starts = bio_constraints(tags)
        model = SequenceTagger(
            len(vocabs["words"]), hparams.embedding_dim, len(tags), hparams.cell, hparams.hidden_size, hparams.layers,
            hparams.dropout, hparams.decoder == "crf", bigram_vocab_size=len(vocabs["bigrams"]) if "bigrams" in vocabs else 0,
            char_vocab_size=len(vocabs["chars"]) if "chars" in vocabs else 0, bigram_dim=hparams.bigram_dim,
            lexicon_features=LEXICON_FEATURES * (hparams.lexicon + hparams.segmenter), allowed_transitions=transitions,
            allowed_starts=starts, padding_idx=Vocab.pad_id)
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

    def encode(self, records: Sequence[TaggedSentence], hparams, dataset, vocabs) -> list[Example]:
        index = {tag: i for i, tag in enumerate(self.tags(dataset))}
        examples = []
        for record in records:
            for piece in cut(record, MAX_SENTENCE_TOKENS):
                examples.append(Example(*self.features(piece.tokens, hparams, vocabs), [index[t] for t in piece.tags]))
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
        if examples[0].char_ids is not None:
            letters = max(len(word) for e in examples for word in e.char_ids)
            chars = torch.zeros(len(examples), tokens.shape[1], letters, dtype=torch.long)
            for b, e in enumerate(examples):
                for t, word in enumerate(e.char_ids):
                    chars[b, t, : len(word)] = torch.tensor(word, dtype=torch.long)
        return Batch(tokens, pairs, chars, lexicon, lengths, tags)

    def loss(self, model, batch: Batch) -> torch.Tensor:
        tagger = model.module if hasattr(model, "module") else model
        return tagger.loss(batch.run(model), batch.tags)

    def evaluate(self, model: SequenceTagger, examples: list[Example], device, setup, final: bool = False) -> dict[str, float]:
        names = self.tags(setup.dataset)
        gold, predicted, total_loss, sentences = [], [], 0.0, 0
        model.eval()
        with torch.no_grad():
            for batch in self.batches(examples, 64, shuffle=False):
                batch = batch.to(device)
                output = batch.run(model)
                total_loss += float(model.loss(output, batch.tags)) * batch.tokens.shape[0]
                sentences += batch.tokens.shape[0]
                paths, _ = model.decode(output)
                for b, path in enumerate(paths):
                    gold.append([names[i] for i in batch.tags[b, : len(path)].tolist()])
                    predicted.append([names[i] for i in path])
        report = entity_scores(gold, predicted)
        metrics = {name: report["micro"][name] for name in ("precision", "recall", "f1")}
        types = [kind for kind in report if kind != "micro"]
        metrics |= {f"{kind}_f1": report[kind]["f1"] for kind in types}
        if final:  # the one-off test score also breaks precision and recall down by type
            metrics |= {f"{kind}_{name}": report[kind][name] for kind in types for name in ("precision", "recall", "support")}
        return metrics | {"loss": total_loss / max(sentences, 1), "entities": report["micro"]["support"]}

    def predictor(self, model, hparams, checkpoint) -> "EntityRecognizer":
        return EntityRecognizer(self, model, hparams, checkpoint)


class EntityRecognizer:
    def __init__(self, task: NerTask, model: SequenceTagger, hparams: NerHyperparameters, checkpoint):
        self.task, self.model, self.hparams = task, model, hparams
        self.dataset = checkpoint.config["dataset"]
        self.language = task.datasets[self.dataset].language
        self.vocabs = checkpoint.vocabs
        self.names = task.tags(self.dataset)
        self.tokenize = get_tokenizer(task.datasets[self.dataset].options["tokenizer"])
        self.device = next(model.parameters()).device

    def sentences(self, text: str) -> list[list[Token]]:
        """Tokens of each sentence, with offsets into `text`; over-long sentences are cut into pieces."""
        pieces = []
        for sentence in _SENTENCE[self.language].finditer(text):
            tokens = [Token(t.text, t.start + sentence.start(), t.end + sentence.start()) for t in self.tokenize(sentence.group())]
            pieces += [tokens[i:i + MAX_SENTENCE_TOKENS] for i in range(0, len(tokens), MAX_SENTENCE_TOKENS)]
        return pieces

    def predict(self, text: str) -> Recognition:
        if not isinstance(text, str) or not text.strip():
            raise BadInput("empty", "Please enter some text.")
        truncated = len(text) > MAX_INPUT_CHARS
        text = text[:MAX_INPUT_CHARS]
        sentences = self.sentences(text)
        if not sentences:
            raise BadInput("no_tokens", "The text has no words the model can read.")
        examples = [Example(*self.task.features([t.text for t in s], self.hparams, self.vocabs), [0] * len(s)) for s in sentences]
        entities = []
        self.model.eval()
        with torch.no_grad():
            for start in range(0, len(examples), 64):
                batch = self.task._batch(examples[start:start + 64]).to(self.device)
                paths, probabilities = self.model.decode(batch.run(self.model))
                for b, path in enumerate(paths):
                    tokens = sentences[start + b]
                    for kind, first, last in spans([self.names[i] for i in path]):
                        confidence = sum(float(probabilities[b, t, path[t]]) for t in range(first, last)) / (last - first)
                        begin, end = tokens[first].start, tokens[last - 1].end
                        entities.append(Entity(kind, text[begin:end], begin, end, confidence))
        return Recognition(text=text, entities=entities, truncated=truncated, sentences=len(sentences))
