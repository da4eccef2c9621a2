"""Inside a shipped sentiment model reading one sentence: its first layer's gates, the path of its hidden
state, and what it would answer after each word."""

from dataclasses import dataclass

import torch

from ..tasks import BadInput
from ..tasks.sentiment import LABELS, MAX_INPUT_CHARS, SentimentPredictor
from .cells import CELL_NAMES, gate_values, principal_path

MAX_LAB_TOKENS = 80  # enough for a few sentences; a heat map wider than this is unreadable


@dataclass
class Inside:
    tokens: list[str]
    gates: dict[str, torch.Tensor]  # gate name -> [time, hidden], the first layer's forward direction
    path: torch.Tensor  # [time, 2]: that direction's hidden state on its two main directions (PCA)
    running: list[float] | None  # sentiment: after each token, the probability of "positive" given the text so far
    truncated: bool


def first_layer(model, text: str):
    """The recurrent layer whose gates are shown, once the text and the layer are known to be readable."""
    if not isinstance(text, str) or not text.strip():
        raise BadInput("empty")
    layer = model.encoder.layers[0][0]  # the first layer's forward direction
    if type(layer) not in CELL_NAMES:
        raise BadInput("gates_not_shown")
    return layer


def seen_by(layer, embedded: torch.Tensor, tokens: list[str], running: list[float] | None, truncated: bool) -> Inside:
    """embedded = [1, time, input]: the layer's gates and hidden-state path as it reads them."""
    gates = gate_values(layer, embedded[0])  # each [time, hidden]
    return Inside(tokens=tokens, gates={k: v.cpu() for k, v in gates.items()}, path=principal_path(gates["hidden"].cpu()),
                  running=running, truncated=truncated)


@torch.no_grad()
def look_inside(predictor: SentimentPredictor, text: str) -> Inside:
    task, model, dataset = predictor.task, predictor.model, predictor.dataset
    layer = first_layer(model, text)
    tokens = [token.text for token in task.tokenize(dataset, text[:MAX_INPUT_CHARS])]
    if not tokens:
        raise BadInput("no_tokens")
    truncated, tokens = len(tokens) > MAX_LAB_TOKENS, tokens[:MAX_LAB_TOKENS]
    device = predictor.device
    ids, bigram_ids = task.to_ids(tokens, predictor.vocabs)
    embedded = model.embed(torch.tensor([ids], device=device),
                           None if bigram_ids is None else torch.tensor([bigram_ids], device=device))  # [1, time, input]

    # Every prefix at once: row k reads the first k + 1 tokens (right-padded).
    n = len(tokens)
    prefixes = [task.to_ids(tokens[:k + 1], predictor.vocabs) for k in range(n)]
    pad = predictor.vocabs["words"].pad_id
    words = torch.full((n, n), pad, device=device)  # [prefixes, time]
    pairs = torch.full((n, n), pad, device=device) if bigram_ids is not None else None
    for k, (prefix_ids, prefix_bigrams) in enumerate(prefixes):
        words[k, :k + 1] = torch.tensor(prefix_ids)
        if pairs is not None:
            pairs[k, :k + 1] = torch.tensor(prefix_bigrams)
    logits = model(words, torch.arange(1, n + 1, device=device), pairs).logits  # [prefixes, classes]
    if predictor.temperature is not None:
        logits = predictor.temperature.apply(logits)
    positive = torch.softmax(logits, dim=-1)[:, LABELS.index("positive")]  # [prefixes]
    return seen_by(layer, embedded, tokens, positive.tolist(), truncated)


@torch.no_grad()
def look_inside_generator(generator, text: str) -> Inside:
    """The same view for a shipped text generation model (a `TextGenerator`) reading a prompt: no running
    verdict (it has none), the gates of its first layer as it reads."""
    model = generator.model
    layer = first_layer(model, text)
    ids, _, _ = generator.prompt_ids(text[:MAX_INPUT_CHARS])
    ids = ids[len(generator.prompt_ids("")[0]):]  # without the document break it puts before every prompt
    truncated, ids = len(ids) > MAX_LAB_TOKENS, ids[:MAX_LAB_TOKENS]
    embedded = model.embedding(torch.tensor([ids], device=generator.device))  # [1, time, emb]
    return seen_by(layer, embedded, [generator.vocab.itos[i] for i in ids], None, truncated)
