"""How long each Lab view takes to answer: `python -m seqdemo.bench.lab [--repeats 3]`.

Runs the functions behind each view in this process (models loaded once first, as the app's cache
holds them), and prints the median seconds of `--repeats` runs per view and setting. The views that
are meant to answer in about a second are the gradient flow, inside the cell and CRF paths; the
memory and clipping views train, which is their point.
"""

import argparse
import statistics
import time
from collections.abc import Callable

import torch

from ..lab.crf_paths import crf_paths
from ..lab.gradient_flow import ClippingSettings, FlowSettings, clipping_run, fresh_flow, trained_flow
from ..lab.inside import look_inside, look_inside_generator
from ..lab.memory_task import MemorySettings, train_one
from ..paths import SHIPPED_CHECKPOINTS
from ..serve import PredictorCache

REVIEW = "Not bad at all. I expected to hate it, but the acting was superb."
SPEECH = ("To be, or not to be, that is the question: Whether 'tis nobler in the mind to suffer The slings and arrows "
          "of outrageous fortune, Or to take arms against a sea of troubles And by opposing end them.")


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    cache = PredictorCache(torch.device("cpu"))
    sentiment = cache.get((SHIPPED_CHECKPOINTS / "sentiment" / "movie-reviews-bilstm-attention").resolve())
    shakespeare = cache.get((SHIPPED_CHECKPOINTS / "generation" / "shakespeare-char-lstm").resolve())
    msra = cache.get((SHIPPED_CHECKPOINTS / "ner" / "msra-bilstm-crf-full").resolve())
    views = {
        "gradient flow, 3 fresh cells, 100 steps x 64 units": lambda: [fresh_flow(c, FlowSettings()) for c in ("rnn", "lstm", "gru")],
        "gradient flow, 3 fresh cells, 500 steps x 256 units": lambda: [
            fresh_flow(c, FlowSettings(length=500, hidden_size=256)) for c in ("rnn", "lstm", "gru")],
        "gradient flow, the Shakespeare LSTM reading 200 characters": lambda: trained_flow(shakespeare, SPEECH),
        "inside the cell, sentiment, 17 words": lambda: look_inside(sentiment, REVIEW),
        "inside the cell, Shakespeare, 200 characters": lambda: look_inside_generator(shakespeare, SPEECH[:200]),
        "CRF paths, MSRA, one sentence": lambda: crf_paths(msra, "中国人民银行行长周小川昨天在北京会见了国际货币基金组织总裁。"),
    }
    training = {  # one run each: they take seconds to a minute by design
        "gradient clipping, two 100-step runs": lambda: (clipping_run(ClippingSettings(), False),
                                                         clipping_run(ClippingSettings(), True)),
        "memory, 3 cells at gap 5, 300 steps": lambda: [train_one(c, 5, MemorySettings()) for c in ("rnn", "lstm", "gru")],
        "memory, 3 cells at gap 50, 300 steps": lambda: [train_one(c, 50, MemorySettings()) for c in ("rnn", "lstm", "gru")],
    }
    print(f"{'view':62} seconds (median of {args.repeats} after a warm-up; training views once), "
          f"{torch.get_num_threads()} threads")
    for name, run in views.items():
        run()  # warm-up: first calls allocate and pick kernels
        print(f"{name:62} {median_seconds(run, args.repeats):8.3f}", flush=True)
    for name, run in training.items():
        print(f"{name:62} {median_seconds(run, 1):8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
