"""Text generation: character- and word-level recurrent language models, sampled token by token.

Training reads each split as one long text cut into `batch_size` parallel streams; every batch is
the next `bptt` tokens of each stream, and the recurrent state is carried from one batch to the
next (truncated backpropagation through time), so the model sees context far beyond one chunk.
"""

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import torch

from ..data import Document, load_quantangshi, load_shakespeare, load_tang_poems
from ..hparams import Problem, hp
from ..models.encoder import STATEFUL_CELLS
from ..models.language_model import LanguageModel, LanguageModelConfig, detach_state
from ..models.sampling import next_token_distribution
from ..text.detokenize import detokenize
from ..text.tokenizers import get_tokenizer
from ..text.vocab import Vocab
from ..train import to_device
from .base import BadInput, Dataset, Task
from .settings import RecurrentSettings, TokenSettings

MAX_PROMPT_CHARS = 2_000  # longer prompts keep their end
MAX_NEW_TOKENS = 2_000
MAX_TEMPERATURE = 5.0
DOCUMENT_SEPARATOR = "\n\n"
POEM_DATASETS = ("tang_poems", "tang300")


@dataclass
class GenerationHyperparameters(RecurrentSettings, TokenSettings):
    tie_weights: bool = hp(False)
    bptt: int = hp(128, low=4, high=2048)


@dataclass
class Batch:
    inputs: torch.Tensor  # [streams, bptt]
    targets: torch.Tensor  # [streams, bptt]: the inputs shifted one token on
    first: bool  # the first chunk of a pass: start from a fresh state


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
    defaults = {"layers": 2, "hidden_size": 512, "dropout": 0.1}
    metric, mode = "loss", "min"
    datasets = {
        "shakespeare": Dataset(load_shakespeare, "en", {"tokenizer": "chars"}, recommended={"schedule": "cosine", "epochs": 4}),
        "shakespeare_words": Dataset(load_shakespeare, "en", {"tokenizer": "en_lines"},
                                     recommended={"tie_weights": True, "embedding_dim": 256, "hidden_size": 256,
                                                  "min_freq": 3, "bptt": 48, "dropout": 0.4}),
        "tang_poems": Dataset(load_quantangshi, "zh", {"tokenizer": "chars"},
                              recommended={"hidden_size": 512, "layers": 2, "embedding_dim": 256, "tie_weights": True,
                                           "dropout": 0.2, "min_freq": 3, "schedule": "cosine", "epochs": 4}),
        "tang300": Dataset(load_tang_poems, "zh", {"tokenizer": "chars"},
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

    def fit(self, hparams, dataset, train: Sequence[Document]) -> dict[str, Vocab]:
        return {"tokens": Vocab.build([self.tokens(dataset, self.corpus(train))], min_freq=hparams.min_freq,
                                      max_size=hparams.max_vocab)}

    def check(self, hparams, dataset: str) -> list[Problem]:
        problems = super().check(hparams, dataset)
        if hparams.cell not in STATEFUL_CELLS:  # a text is read in chunks, each carrying on from the last one's state
            problems.append(Problem("problem.stateless_cell", {"name": "cell", "cell": hparams.cell,
                                                               "choices": ", ".join(STATEFUL_CELLS)}, field="cell"))
        return problems

    def build_model(self, hparams, dataset, fitted, pretrained: bool) -> LanguageModel:
        return LanguageModel(LanguageModelConfig(len(fitted["tokens"]), hparams.embedding_dim,
                                                 hparams.recurrent(bidirectional=False), hparams.tie_weights))

    def encode(self, records: Sequence[Document], hparams, dataset, fitted) -> list[torch.Tensor]:
        """The whole split as one tensor of ids (a one-element list: the trainer's 'examples')."""
        return [torch.tensor(fitted["tokens"].encode(self.tokens(dataset, self.corpus(records))), dtype=torch.long)]

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

    def loss(self, model, batch: Batch) -> torch.Tensor:
        """A chunk read from a fresh state (see `CarriedStateLoss` for training)."""
        return model(batch.inputs, targets=batch.targets).loss

    def make_loss(self, hparams) -> "CarriedStateLoss":
        return CarriedStateLoss()

    def evaluate(self, model, examples, device, setup, final=False) -> dict[str, float]:
        """Loss per token over the whole split, read as 16 streams with the state carried along."""
        model.eval()
        total, count, state = 0.0, 0, None
        with torch.no_grad():
            for batch in self.batches(examples, 16, shuffle=False, bptt=256):
                batch = to_device(batch, device)
                output = model(batch.inputs, state, targets=batch.targets)
                state = output.state
                total += output.loss.item() * batch.targets.numel()
                count += batch.targets.numel()
        loss = total / max(count, 1)
        return {"loss": loss, "perplexity": math.exp(min(loss, 50)), "bits_per_token": loss / math.log(2), "tokens": float(count)}

    def form_scores(self, predictor: "TextGenerator", records: Sequence[Document], samples: int = 200,
                    temperature: float = 0.8) -> dict:
        """For a poem model: held-out regulated poems (4 or 8 lines of 5 or 7 characters) give the model their
        title and first couplet; it writes the rest (sampled, seed = the poem's number). Scored: the share whose
        every line has the first line's length (with 4 or 8 lines in all), the share whose even lines rhyme
        (`poem_form`), and, for scale, the share of the real poems that pass the same rhyme check."""
        from ..text.poem_form import even_lines_rhyme, poem_lines, regulated_length  # pypinyin: tens of MB, load late

        if predictor.dataset not in POEM_DATASETS:
            raise BadInput("not_a_poem_model")
        openings = []
        for record in records:
            title, _, body = record.text.strip("\n").partition("\n")
            if regulated_length(poem_lines(body)):
                openings.append((title, body.split("\n")[0], even_lines_rhyme(poem_lines(body))))
        openings = openings[:samples]
        right_length = rhyming = 0
        for seed, (title, first_couplet, _) in enumerate(openings):
            written = ""
            for token in predictor.generate(f"{title}\n{first_couplet}\n", max_tokens=120, temperature=temperature,
                                            seed=seed):
                written += token.text
                if DOCUMENT_SEPARATOR in written:
                    break
            lines = poem_lines(first_couplet + "\n" + written.split(DOCUMENT_SEPARATOR)[0])
            if regulated_length(lines) == len(poem_lines(first_couplet)[0]):
                right_length += 1
                rhyming += even_lines_rhyme(lines)
        count = max(1, len(openings))
        return {"poems": len(openings), "right_length": right_length / count, "rhyming": rhyming / count,
                "real_poems_rhyming": sum(real for _, _, real in openings) / count}

    def predictor(self, model, hparams, checkpoint) -> "TextGenerator":
        return TextGenerator(self, model, checkpoint)


def sampling_settings(max_tokens, temperature, top_k, top_p, seed) -> dict:
    """The sampling settings as numbers in their ranges (as typed in a form: numbers, strings or None), or
    BadInput naming the first one that is not. Any whole number is a seed (reduced to 63 bits)."""
    def number(value, kind, code, **limits):
        try:
            return kind(float(value)) if kind is int else kind(value)
        except (TypeError, ValueError, OverflowError):
            raise BadInput(code, **limits) from None

    settings = dict(max_tokens=number(max_tokens, int, "max_tokens", limit=MAX_NEW_TOKENS),
                    temperature=number(temperature, float, "temperature", limit=MAX_TEMPERATURE),
                    top_k=number(top_k, int, "top_k"), top_p=number(top_p, float, "top_p"))
    if not 0 <= settings["temperature"] <= MAX_TEMPERATURE:
        raise BadInput("temperature", limit=MAX_TEMPERATURE)
    if settings["top_k"] < 0:
        raise BadInput("top_k")
    if not 0 < settings["top_p"] <= 1:
        raise BadInput("top_p")
    if not 1 <= settings["max_tokens"] <= MAX_NEW_TOKENS:
        raise BadInput("max_tokens", limit=MAX_NEW_TOKENS)
    if seed is None or seed == "":
        return settings | {"seed": None}
    try:
        whole = int(seed) if isinstance(seed, (int, float)) else int(Decimal(str(seed).strip()))
    except (ArithmeticError, ValueError):  # NaN, infinity, words
        raise BadInput("seed") from None
    return settings | {"seed": whole % 2**63}


class CarriedStateLoss:
    """One training run's loss: the recurrent state flows from each chunk into the next of the same streams
    (truncated backpropagation through time), cut from the graph in between, and starts afresh with every
    pass over the text. The state lives here, in the run, as word_language_model keeps it in its loop."""

    def __init__(self):
        self.state = None

    def __call__(self, model, batch: Batch) -> torch.Tensor:
        output = model(batch.inputs, None if batch.first else self.state, targets=batch.targets)  # logits [streams, bptt, vocab]
        self.state = detach_state(output.state)
        return output.loss


class TextGenerator:
    def __init__(self, task: TextGenerationTask, model: LanguageModel, checkpoint):
        self.task, self.model = task, model
        model.join_lstm_weights()  # it answers one token at a time
        self.dataset = checkpoint.config["dataset"]
        self.vocab = checkpoint.fitted["tokens"]
        self.words = self.task.datasets[self.dataset].options["tokenizer"] != "chars"
        self.device = next(model.parameters()).device

    def prompt_ids(self, prompt: str) -> tuple[list[int], bool, int]:
        """(ids, whether the prompt was cut, how many of its tokens the vocabulary does not know)."""
        cut = len(prompt) > MAX_PROMPT_CHARS
        prompt = prompt[-MAX_PROMPT_CHARS:]
        tokens = self.task.tokens(self.dataset, DOCUMENT_SEPARATOR + prompt)  # as if a new document starts
        ids = self.vocab.encode(tokens)
        return ids, cut, sum(i == self.vocab.unk_id for i in ids)

    def generate(self, prompt: str, max_tokens: int = 300, temperature: float = 0.8, top_k: int = 0,
                 top_p: float = 1.0, seed: int | None = None) -> Iterator[GeneratedToken]:
        """Yields one token at a time, as soon as it is chosen. The same seed gives the same text.
        Settings are checked before the first token (`sampling_settings`)."""
        settings = sampling_settings(max_tokens, temperature, top_k, top_p, seed)
        ids, _, _ = self.prompt_ids(prompt or "")
        return self._tokens(ids, **settings)

    def _tokens(self, ids: list[int], max_tokens: int, temperature: float, top_k: int, top_p: float,
                seed: int | None) -> Iterator[GeneratedToken]:
        generator = torch.Generator().manual_seed(seed if seed is not None else random.randrange(2**31))
        unk = self.vocab.unk_id
        # each step in its own inference mode: a stream may be resumed on another thread between tokens
        with torch.inference_mode():
            output = self.model(torch.tensor([ids], device=self.device))  # read the prompt in one pass
        state, last = output.state, output.logits[0, -1]
        previous = self.vocab.itos[ids[-1]] if ids else "\n"
        for _ in range(max_tokens):
            last = last.clone()
            last[unk] = float("-inf")  # never write <unk>
            probabilities = next_token_distribution(last.cpu(), temperature, top_k, top_p)
            choice = int(torch.multinomial(probabilities, 1, generator=generator))
            token = self.vocab.itos[choice]
            yield GeneratedToken(self._spacing(previous, token) + token, float(probabilities[choice]))
            previous = token
            logits, state = self.model.step(torch.tensor([choice], device=self.device), state)  # [1, vocab]
            last = logits[0]

    def _spacing(self, previous: str, token: str) -> str:
        """Word models produce tokens, not text: put a space where `detokenize` would."""
        if not self.words:
            return ""
        return detokenize([previous, token])[len(previous):-len(token)] if token else ""

    def predict(self, prompt: str, **settings) -> Generation:
        """The whole continuation at once (the command line's `predict`); seed 0 unless given."""
        return Generation(prompt, list(self.generate(prompt, **{"seed": 0, **settings})))
