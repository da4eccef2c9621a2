"""Text generation: character- and word-level recurrent language models, sampled token by token.

Training reads each split as one long text cut into `batch_size` parallel streams; every batch is
the next `bptt` tokens of each stream, and the recurrent state is carried from one batch to the
next (truncated backpropagation through time), so the model sees context far beyond one chunk.
"""

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from ..data import Document, load_quantangshi, load_shakespeare, load_tang_poems
from ..hparams import hp
from ..models import CELLS
from ..models.language_model import LanguageModel, detach_state
from ..models.sampling import next_token_distribution
from ..text.detokenize import detokenize
from ..text.tokenizers import get_tokenizer
from ..text.vocab import Vocab
from ..train import TrainingHyperparameters
from .base import BadInput, Dataset, Task

MAX_PROMPT_CHARS = 2_000  # longer prompts keep their end
MAX_NEW_TOKENS = 2_000
MAX_TEMPERATURE = 5.0
DOCUMENT_SEPARATOR = "\n\n"


@dataclass
class GenerationHyperparameters(TrainingHyperparameters):
    cell: str = hp("lstm", "Recurrent cell: plain RNN, LSTM (gated memory) or GRU (lighter gating).", choices=tuple(CELLS))
    layers: int = hp(2, "Stacked recurrent layers.", low=1, high=4)
    hidden_size: int = hp(512, "Units in each recurrent layer.", low=4, high=2048)
    embedding_dim: int = hp(64, "Size of each token vector.", low=4, high=1024)
    dropout: float = hp(0.1, "Dropout on token vectors, between layers and before the output layer.", low=0.0, high=0.9)
    tie_weights: bool = hp(False, "Share the input embedding with the output layer (fewer parameters; helps word models).")
    bptt: int = hp(128, "Tokens per training chunk; the state is carried on to the next chunk.", low=4, high=2048)
    min_freq: int = hp(1, "Tokens seen fewer times in training become <unk>.", low=1, high=1000)
    max_vocab: int = hp(50000, "Largest vocabulary; rarer tokens become <unk>.", low=10, high=500000)


@dataclass
class Batch:
    inputs: torch.Tensor  # [streams, bptt]
    targets: torch.Tensor  # [streams, bptt]: the inputs shifted one token on
    first: bool  # the first chunk of a pass: start from a fresh state

    def to(self, device: torch.device) -> "Batch":
        return Batch(self.inputs.to(device), self.targets.to(device), self.first)


@dataclass
class GeneratedToken:
    text: str  # as it appears in the output
    probability: float  # the model's probability of this token when it was chosen


@dataclass
class Generation:
    prompt: str
    tokens: list[GeneratedToken]

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens)

    def summary(self) -> str:
        return self.prompt + self.text


def streams(ids: torch.Tensor, count: int) -> torch.Tensor:
    """[tokens] -> [count, tokens // count]: the text cut into `count` contiguous streams."""
    length = ids.numel() // count
    return ids[: length * count].view(count, length)


class TextGenerationTask(Task):
    name = "generation"
    Hyperparameters = GenerationHyperparameters
    metric, mode = "loss", "min"
    datasets = {
        "shakespeare": Dataset(load_shakespeare, "en", "Shakespeare's plays, character by character (held-out plays test)",
                               {"tokenizer": "chars"}, recommended={"schedule": "cosine", "epochs": 4}),
        "shakespeare_words": Dataset(load_shakespeare, "en", "Shakespeare's plays, word by word", {"tokenizer": "en_lines"},
                                     recommended={"tie_weights": True, "embedding_dim": 256, "hidden_size": 256,
                                                  "min_freq": 3, "bptt": 48, "dropout": 0.4}),
        "tang_poems": Dataset(load_quantangshi, "zh", "The Complete Tang Poems (57,607 poems), character by character",
                              {"tokenizer": "chars"},
                              recommended={"hidden_size": 512, "layers": 2, "embedding_dim": 256, "tie_weights": True,
                                           "dropout": 0.2, "min_freq": 3, "schedule": "cosine", "epochs": 4}),
        "tang300": Dataset(load_tang_poems, "zh", "300 Tang poems and 100 Song ci (fortunes-zh): small, quick to train",
                           {"tokenizer": "chars"},
                           recommended={"hidden_size": 256, "layers": 2, "embedding_dim": 128, "bptt": 64,
                                        "batch_size": 16, "dropout": 0.3, "epochs": 40}),
    }
    presets = {
        "default": {},
        "quick": {"hidden_size": 128, "layers": 1, "epochs": 2, "train_examples": 6},
    }

    def tokens(self, dataset: str, text: str) -> list[str]:
        return [t.text for t in get_tokenizer(self.datasets[dataset].options["tokenizer"])(text)]

    def corpus(self, documents: Sequence[Document]) -> str:
        return DOCUMENT_SEPARATOR.join(d.text.strip("\n") for d in documents) + "\n"

    def build_vocabs(self, hparams, dataset, train: Sequence[Document]) -> dict[str, Vocab]:
        return {"tokens": Vocab.build([self.tokens(dataset, self.corpus(train))], min_freq=hparams.min_freq,
                                      max_size=hparams.max_vocab)}

    def build_model(self, hparams, dataset, vocabs, pretrained: bool) -> LanguageModel:
        return LanguageModel(len(vocabs["tokens"]), hparams.embedding_dim, hparams.cell, hparams.hidden_size,
                             hparams.layers, hparams.dropout, hparams.tie_weights)

    def encode(self, records: Sequence[Document], hparams, dataset, vocabs) -> list[torch.Tensor]:
        """The whole split as one tensor of ids (a one-element list: the trainer's 'examples')."""
        return [torch.tensor(vocabs["tokens"].encode(self.tokens(dataset, self.corpus(records))), dtype=torch.long)]

    def batches(self, examples: list[torch.Tensor], batch_size: int, shuffle: bool, rng: random.Random | None = None,
                bptt: int = 128) -> list[Batch]:
        ids = examples[0]
        if shuffle:  # a different cut each epoch, so chunk boundaries move
            ids = ids[(rng or random.Random()).randrange(bptt):]
        data = streams(ids, min(batch_size, max(1, (ids.numel() - 1) // 2)))  # [streams, length]
        out = []
        for start in range(0, data.shape[1] - 1, bptt):
            end = min(start + bptt, data.shape[1] - 1)
            out.append(Batch(data[:, start:end], data[:, start + 1:end + 1], first=start == 0))
        return out

    def training_batches(self, examples, hparams, rng):
        return self.batches(examples, hparams.batch_size, shuffle=True, rng=rng, bptt=hparams.bptt)

    _carried = None  # the training state passed from one chunk to the next

    def loss(self, model, batch: Batch) -> torch.Tensor:
        # The state carried across chunks lives on the task object: one training run per process.
        if batch.first:
            self._carried = None
        logits, state = model(batch.inputs, self._carried)  # [streams, bptt, vocab]
        self._carried = detach_state(state)
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch.targets.reshape(-1))

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, float]:
        """Loss per token over the whole split, read as 16 streams with the state carried along."""
        model.eval()
        total, count, state = 0.0, 0, None
        with torch.no_grad():
            for batch in self.batches(examples, 16, shuffle=False, bptt=256):
                batch = batch.to(device)
                logits, state = model(batch.inputs, state)
                total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch.targets.reshape(-1), reduction="sum").item()
                count += batch.targets.numel()
        loss = total / max(count, 1)
        return {"loss": loss, "perplexity": math.exp(min(loss, 50)), "bits_per_token": loss / math.log(2), "tokens": float(count)}

    def predictor(self, model, hparams, checkpoint) -> "TextGenerator":
        return TextGenerator(self, model, checkpoint)


class TextGenerator:
    def __init__(self, task: TextGenerationTask, model: LanguageModel, checkpoint):
        self.task, self.model = task, model
        self.dataset = checkpoint.config["dataset"]
        self.vocab = checkpoint.vocabs["tokens"]
        self.words = self.task.datasets[self.dataset].options["tokenizer"] != "chars"
        self.device = next(model.parameters()).device

    def check(self, temperature: float, top_k: int, top_p: float, max_tokens: int) -> None:
        if not 0 <= temperature <= MAX_TEMPERATURE:
            raise BadInput("temperature", f"Temperature must be between 0 and {MAX_TEMPERATURE}.", limit=MAX_TEMPERATURE)
        if top_k < 0:
            raise BadInput("top_k", "Top-k must be 0 (off) or more.")
        if not 0 < top_p <= 1:
            raise BadInput("top_p", "Top-p must be above 0 and at most 1.")
        if not 1 <= max_tokens <= MAX_NEW_TOKENS:
            raise BadInput("max_tokens", f"Length must be between 1 and {MAX_NEW_TOKENS}.", limit=MAX_NEW_TOKENS)

    def prompt_ids(self, prompt: str) -> tuple[list[int], bool, int]:
        """(ids, whether the prompt was cut, how many of its tokens the vocabulary does not know)."""
        cut = len(prompt) > MAX_PROMPT_CHARS
        prompt = prompt[-MAX_PROMPT_CHARS:]
        tokens = self.task.tokens(self.dataset, DOCUMENT_SEPARATOR + prompt)  # as if a new document starts
        ids = self.vocab.encode(tokens)
        return ids, cut, sum(i == self.vocab.unk_id for i in ids)

    def generate(self, prompt: str, max_tokens: int = 300, temperature: float = 0.8, top_k: int = 0,
                 top_p: float = 1.0, seed: int | None = None) -> Iterator[GeneratedToken]:
        """Yields one token at a time, as soon as it is chosen. The same seed gives the same text."""
        self.check(temperature, top_k, top_p, max_tokens)
        ids, _, _ = self.prompt_ids(prompt or "")
        generator = torch.Generator().manual_seed(seed if seed is not None else random.randrange(2**31))
        unk = self.vocab.unk_id
        with torch.no_grad():
            logits, state = self.model(torch.tensor([ids], device=self.device))  # read the prompt in one pass
            last = logits[0, -1]
            previous = self.vocab.itos[ids[-1]] if ids else "\n"
            for _ in range(max_tokens):
                last[unk] = float("-inf")  # never write <unk>
                probabilities = next_token_distribution(last.cpu(), temperature, top_k, top_p)
                choice = int(torch.multinomial(probabilities, 1, generator=generator))
                token = self.vocab.itos[choice]
                yield GeneratedToken(self._spacing(previous, token) + token, float(probabilities[choice]))
                previous = token
                logits, state = self.model(torch.tensor([[choice]], device=self.device), state)
                last = logits[0, -1]

    def _spacing(self, previous: str, token: str) -> str:
        """Word models produce tokens, not text: put a space where `detokenize` would."""
        if not self.words:
            return ""
        return detokenize([previous, token])[len(previous):-len(token)] if token else ""

    def predict(self, prompt: str, **settings) -> Generation:
        """The whole continuation at once (the command line's `predict`); seed 0 unless given."""
        return Generation(prompt, list(self.generate(prompt, **{"seed": 0, **settings})))
