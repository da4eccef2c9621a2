"""Load, once the app is listening, what a visitor's first request would otherwise wait for: every shipped
model's weights, and the tokenizers that load on first use (spaCy about half a second; jieba and its
349,045-word list over a second).

It runs in a background thread started after the server answers, so it never delays the first page;
requests that arrive meanwhile simply load what they need themselves (the cache loads each model once).
"""

import logging
import threading
import time

from ..tasks import get_task
from .registry import PredictorCache, scan_models

log = logging.getLogger(__name__)

# A sentence in each input language: one prediction loads the task's tokenizer and word features.
FIRST_INPUT = {"en": "A short sentence.", "zh": "北京的天气很好。"}
TASKS_READING_TEXT = ("sentiment", "ner", "translation")  # generation reads characters; the rest read numbers
TAB_ORDER = ("sentiment", "generation", "translation", "ner", "stocks", "heartbeats", "glucose")  # first tabs first


def warm_up(cache: PredictorCache) -> int:
    """Load every readable shipped model and run each text model once; the number of models warmed."""
    warmed = 0
    shipped = [entry for entry in scan_models()[0] if entry.shipped]
    for entry in sorted(shipped, key=lambda e: (TAB_ORDER.index(e.task) if e.task in TAB_ORDER else len(TAB_ORDER),
                                                e.for_comparison)):
        try:
            predictor = cache.get(entry.path)
            language = get_task(entry.task).datasets[entry.dataset].language
            if entry.task in TASKS_READING_TEXT and language in FIRST_INPUT:
                predictor.predict(FIRST_INPUT[language])
            warmed += 1
        except Exception:  # a model that cannot load says so when it is asked; warming must not stop the app
            log.warning("could not warm up %s", entry.path, exc_info=True)
    return warmed


def start_warm_up(cache: PredictorCache) -> threading.Thread:
    # Not niced: a thread the OS sets aside while it holds Python's interpreter lock would stall every request.
    def run():
        started = time.perf_counter()
        warmed = warm_up(cache)
        log.info("warmed up %d shipped models in %.1f s", warmed, time.perf_counter() - started)

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread
