"""Load and soak: `python -m seqdemo.bench.soak [--clients 32] [--seconds 180]` (or `make soak`).

Starts the app on a loopback port, uses every tab once (warm-up), then lets `--clients` concurrent API
clients call the tabs in turn for `--seconds`, rests, and prints per tab the calls, errors and the 50th
and 95th percentile latency, and the app's memory (RSS) when warm, after the load and after resting.
Nothing leaves this machine.
"""

import argparse
import itertools
import random
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable

from ..paths import SHIPPED_CHECKPOINTS
from .app_process import app_process, rss_mb
from .client import AppClient, CallFailed

REVIEWS = ["A wonderful, moving film with a superb cast.", "Dull, predictable and far too long.",
           "Not bad at all, though the ending drags.", "质量很好，物流也快，下次还会再来买。", "用了两天就坏了，非常失望。"]
SENTENCES = ["Where is the train station?", "I'd like a cup of coffee, please.", "Tom has been studying French for years."]
NER_TEXTS = ["中国人民银行行长周小川昨天在北京会见了国际货币基金组织总裁。", "Apple unveils the new iPhone in Cupertino tomorrow"]


def model(task: str, name: str) -> str:
    return str((SHIPPED_CHECKPOINTS / task / name).resolve())


def requests(rng: random.Random) -> dict[str, tuple]:
    """One call of every tab, with inputs drawn from the lists above: api name -> inputs."""
    beat = ", ".join(f"{v:.3f}" for v in [0.1 * ((i * 7) % 23) - 1 for i in range(140)])
    review = rng.choice(REVIEWS)
    sentiment_model = model("sentiment", "chinese-reviews-bilstm-attention" if any("\u4e00" <= c <= "\u9fff" for c in review)
                            else "movie-reviews-bilstm-attention")
    return {
        "classify": (review, sentiment_model, "en"),
        "generate": ("ROMEO:\n", model("generation", "shakespeare-char-lstm"), 200, 0.8, 0, 1.0, rng.randrange(1000), "en"),
        "translate": (rng.choice(SENTENCES), model("translation", "tatoeba-en-zh-attention"), 5, "en_zh", "en"),
        "translate_plain": (rng.choice(SENTENCES), model("translation", "tatoeba-en-zh-no-attention"), 5, "en_zh", "en"),
        "recognize": (NER_TEXTS[0], model("ner", "msra-bilstm-crf-full"), "zh"),
        "forecast_stocks": (rng.choice(["AAPL", "GOOG", "IBM", "MSFT"]), None, 60, 5, model("stocks", "stocks-lstm"), "en"),
        "classify_beat": (beat, model("heartbeats", "ecg5000-bilstm-attention"), None, "en"),
        "forecast_glucose": ("2010-09-20 08:00", model("glucose", "cgm-lstm"), "en"),
    }


def api_name(key: str) -> str:
    return key.removesuffix("_plain")


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values[0] if values else float("nan"))


def load(url: str, clients: int, seconds: float, seed: int = 0,
         each_second: Callable[[float], None] | None = None) -> tuple[dict[str, list[float]], dict[str, list[str]]]:
    """`clients` concurrent API clients call the tabs in turn for `seconds` (each starts at another tab): per tab,
    the seconds each answered call took, and the errors. `each_second(seconds into the load)` runs meanwhile."""
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def client_loop(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        client = AppClient(url)
        keys = itertools.cycle(sorted(requests(rng)))
        for _ in range(number):  # start at different tabs
            next(keys)
        while time.monotonic() < deadline:
            key = next(keys)
            try:
                answer = client.call(api_name(key), *requests(rng)[key])
                with lock:
                    results[key].append(answer.seconds)
            except CallFailed as error:
                with lock:
                    errors[key].append(str(error))

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    while any(thread.is_alive() for thread in threads):
        if each_second is not None:
            each_second(time.monotonic() - started)
        time.sleep(1)
    return dict(results), dict(errors)


def soak(clients: int, seconds: float, rest: float = 15.0, seed: int = 0) -> dict:
    with app_process() as (url, process, _):
        started_mb = rss_mb(process)
        warm_client = AppClient(url)
        for key, inputs in requests(random.Random(seed)).items():
            warm_client.call(api_name(key), *inputs)
        warm_mb = rss_mb(process)
        samples = []  # (seconds into the load, MB)
        results, errors = load(url, clients, seconds, seed, lambda at: samples.append((at, rss_mb(process))))
        time.sleep(rest)
        rested_mb = rss_mb(process)
    quarters = {f"{q * 25}% of the load": max((mb for at, mb in samples if at <= q * seconds / 4), default=warm_mb)
                for q in (1, 2, 3, 4)}
    return {"clients": clients, "seconds": seconds, "results": results, "errors": errors,
            "rss_mb": {"started": started_mb, "warm": warm_mb, **quarters, "after rest": rested_mb}}


def report(outcome: dict) -> str:
    lines = [f"{outcome['clients']} clients for {outcome['seconds']:.0f} s", "",
             f"{'tab':<18} {'calls':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8}"]
    for key in sorted(set(outcome["results"]) | set(outcome["errors"])):
        times = [1000 * s for s in outcome["results"].get(key, [])]
        lines.append(f"{key:<18} {len(times):>6} {len(outcome['errors'].get(key, [])):>6} "
                     f"{percentile(times, 50):>8.0f} {percentile(times, 95):>8.0f}")
    total = sum(len(v) for v in outcome["results"].values())
    lines += ["", f"calls: {total} ({total / outcome['seconds']:.1f}/s), errors: {sum(map(len, outcome['errors'].values()))}",
              "RSS (MB): " + ", ".join(f"{name} {value:.0f}" for name, value in outcome["rss_mb"].items())]
    for key, messages in outcome["errors"].items():
        lines.append(f"first error in {key}: {messages[0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seqdemo.bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--rest", type=float, default=15, help="idle seconds before the last memory reading")
    args = parser.parse_args(argv)
    outcome = soak(args.clients, args.seconds, args.rest)
    print(report(outcome))
    return 1 if outcome["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
