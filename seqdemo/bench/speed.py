"""The speed benchmark: `python -m seqdemo.bench.speed` (or `make bench`).

Measures, in one run on the machine at hand, what a visitor feels, each beside a bare Gradio app (one
text box) started and loaded the same way where a comparison makes sense, so the figures read as
ratios that travel between machines:

- start-up: seconds from `python app.py` to the first HTTP 200, app against bare Gradio, interleaved, and
  beside them a plain Gradio page of our page's shape (`plain_page`);
- the page: bytes of HTML as sent with and without gzip;
- every tab's server-side latency through a raw API client (first call right after start, then the
  median of the next few), and generation speed in characters per second;
- memory (RSS): after start, once the warm-up has loaded every shipped model, with every tab used, after a
  soak of concurrent clients, and its creep from a tenth of the soak to the end (concurrent requests'
  working sets come at once; a leak creeps);
- in Chromium: seconds until the page is usable, and until a language switch has redrawn the page
  (the footer and the open tab), and the same for the plain page of our page's shape.

The plain page is what Gradio itself costs for a page of our size and events, whatever our Python side does.

Nothing leaves this machine. It prints a table; the README quotes it with the machine it ran on.
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from ..catalogue import LANGUAGES, t
from ..paths import PROJECT_ROOT
from .app_process import app_process, free_port, rss_mb, serving
from .browser import CHROMIUM, CHROMIUM_ARGS
from .client import AppClient
from .plain_page import FOOTER, OPEN_TAB_MARK, PLAIN_SWITCH
from .soak import api_name, load, model, requests

BARE_APP = """
import sys
import gradio as gr

with gr.Blocks() as demo:
    box = gr.Textbox(label="Text", elem_id="bare-text")
    box.submit(lambda text: text, box, box)
demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
"""
LATER_CALLS = 5  # per tab, after the first
GENERATION_LENGTHS = (200, 2000)
PAGE_LOADS = 3  # of each page in Chromium, alternated: the median is reported
# After each load of ours, switch there and back and there again: (language, what the footer then matches). A switch
# redraws what is always in sight, then the open tab (one more event): both count, the tab read from its button.
LANGUAGE_SWITCHES = (("zh", "/[\\u4e00-\\u9fff]/"), ("en", "/^[^\\u4e00-\\u9fff]*Models run on/"), ("zh", "/[\\u4e00-\\u9fff]/"))
GENERATION_RUNS = 5  # per length: the median is reported (a shared CPU's neighbours come and go)
# The warm-up has loaded every shipped model when the app's memory has held still this long (it grows with each).
WARM_UP_SETTLED_SECONDS, WARM_UP_TIMEOUT = 5, 180
# Concurrent requests hold more memory than one at a time (their working sets): memory is judged flat when it
# does not creep once the load has run this share of the soak.
SOAK_SETTLING = 0.1


@contextmanager
def bare_gradio() -> Iterator[tuple[str, psutil.Process, float]]:
    """(URL, process, seconds to the first 200) of a one-text-box Gradio app."""
    with tempfile.TemporaryDirectory(prefix="seqdemo-bare-") as folder:
        script = Path(folder) / "bare.py"
        script.write_text(BARE_APP)
        port = free_port()
        with serving([sys.executable, str(script), str(port)], port, Path(folder)) as served:
            yield served


def page_config(url: str) -> bytes:
    """The page configuration the app at `url` sends a browser."""
    with urllib.request.urlopen(url + "config") as answer:
        return answer.read()


@contextmanager
def plain_page(config: bytes) -> Iterator[tuple[str, psutil.Process, float]]:
    """(URL, process, seconds to the first 200) of our page's shape in plain Gradio, built from our page's `config`."""
    with tempfile.TemporaryDirectory(prefix="seqdemo-plain-") as folder:
        path = Path(folder) / "config.json"
        path.write_bytes(config)
        port = free_port()
        with serving([sys.executable, "-m", "seqdemo.bench.plain_page", str(path), str(port)], port, PROJECT_ROOT) as served:
            yield served


def start_up(rounds: int) -> dict[str, list[float]]:
    """Seconds to the first 200, alternating the bare app, ours and our page's shape in plain Gradio (built from
    our first start's page) so that all three meet the same machine."""
    times: dict[str, list[float]] = {"bare": [], "app": [], "plain": []}
    config = b""
    for _ in range(rounds):
        with bare_gradio() as (_url, _process, seconds):
            times["bare"].append(seconds)
        with app_process() as (url, _process, seconds):
            times["app"].append(seconds)
            config = config or page_config(url)
        with plain_page(config) as (_url, _process, seconds):
            times["plain"].append(seconds)
    return times


def page_bytes(url: str) -> tuple[int, int]:
    """(sent plainly, sent to a browser that accepts gzip) bytes of the page's HTML."""
    with urllib.request.urlopen(url) as response:
        plain = len(response.read())
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as response:
        sent = len(response.read())  # urllib does not unpack it: these are the bytes on the wire
    return plain, sent


def tab_latencies(url: str) -> dict[str, tuple[float, float]]:
    """api name -> (first call, median of the next LATER_CALLS) in seconds, server side. Every tab's first call
    comes first, as a visitor's would after a start (while the warm-up loads the rest), then the later ones."""
    client, rng = AppClient(url), random.Random(0)
    first = {key: client.call(api_name(key), *requests(rng)[key]).seconds for key in requests(rng)}
    return {key: (seconds, statistics.median(client.call(api_name(key), *requests(rng)[key]).seconds
                                             for _ in range(LATER_CALLS)))
            for key, seconds in first.items()}


def generation_speed(url: str) -> dict[int, tuple[float, float]]:
    """characters asked -> median (seconds to the last update, to the first) for the Shakespeare model."""
    client, result = AppClient(url), {}
    for length in GENERATION_LENGTHS:
        answers = [client.call("generate", "ROMEO:\n", model("generation", "shakespeare-char-lstm"), length, 0.8, 0, 1.0,
                               0, "en") for _ in range(GENERATION_RUNS)]
        result[length] = (statistics.median(a.seconds for a in answers), statistics.median(a.first_seconds for a in answers))
    return result


def warmed_up_rss() -> float:
    """MB of a fresh app once its warm-up has loaded every shipped model (and read a sentence with each text
    model), before any visitor: its memory has held still for WARM_UP_SETTLED_SECONDS."""
    with app_process() as (_url, process, _seconds):
        started, still_since, last = time.perf_counter(), time.perf_counter(), rss_mb(process)
        while time.perf_counter() - still_since < WARM_UP_SETTLED_SECONDS:
            if time.perf_counter() - started > WARM_UP_TIMEOUT:
                raise TimeoutError(f"the app's memory was still growing after {WARM_UP_TIMEOUT} s")
            time.sleep(0.5)
            now = rss_mb(process)
            if abs(now - last) >= 1:
                still_since, last = time.perf_counter(), now
        return last


def browser_times(app_url: str, bare_url: str, plain_url: str) -> dict[str, float] | str:
    """Median seconds until each page is usable in Chromium (PAGE_LOADS loads of each, alternated), and until a
    language switch has redrawn ours (LANGUAGE_SWITCHES after each load), or the plain page's one event has
    redrawn the same."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright is not installed (it comes with the test requirements)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    times: dict[str, list[float]] = {"bare page usable": [], "page usable": [], "language switch": [],
                                     "plain page usable": [], "plain page switch": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(PAGE_LOADS):
                for name, url, ready in (("bare page usable", bare_url, "#bare-text textarea"),
                                         ("page usable", app_url, f"#{OPEN_TAB_MARK}"),
                                         ("plain page usable", plain_url, f"#{OPEN_TAB_MARK}")):
                    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
                    page = context.new_page()
                    started = time.perf_counter()
                    page.goto(url, wait_until="commit")
                    page.locator(ready).wait_for(state="visible", timeout=60_000)
                    times[name].append(time.perf_counter() - started)
                    if name == "page usable":
                        times["language switch"] += _language_switches(page)
                    if name == "plain page usable":
                        times["plain page switch"] += _plain_switches(page)
                    context.close()
        finally:
            browser.close()
    return {name: statistics.median(values) for name, values in times.items()}


def _language_switches(page) -> list[float]:
    """Seconds from clicking a language until the footer and the open tab read it, for each of LANGUAGE_SWITCHES."""
    return _switch_times(page, [
        (page.get_by_label(LANGUAGES[code], exact=True),
         f"{footer}.test(document.querySelector('#{FOOTER}').innerText)"
         f" && document.querySelector('#{OPEN_TAB_MARK}').innerText.trim() === {json.dumps(t('sentiment.submit', code))}")
        for code, footer in LANGUAGE_SWITCHES])


def _plain_switches(page) -> list[float]:
    """The same for the plain page's switch, whose one event writes the language code before every text it redraws."""
    return _switch_times(page, [
        (page.locator(f"#{PLAIN_SWITCH}").get_by_label(code, exact=True),
         f"['#{FOOTER}', '#{OPEN_TAB_MARK}'].every(selector => document.querySelector(selector).innerText.startsWith('{code}:'))")
        for code, _ in LANGUAGE_SWITCHES])


def _switch_times(page, switches) -> list[float]:
    """For each (radio option, JavaScript condition), half a second apart: seconds from checking the option until the
    condition holds."""
    times = []
    for option, redrawn in switches:
        page.wait_for_timeout(500)
        started = time.perf_counter()
        option.check()
        page.wait_for_function(f"() => {redrawn}", timeout=30_000)
        times.append(time.perf_counter() - started)
    return times


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    return f"{platform.processor() or platform.machine()}, {psutil.cpu_count()} cores, {memory:.0f} GiB, {platform.system()}"


def python_speed() -> float:
    """Seconds for ten million steps of a Python loop: how fast this machine is right now (a shared virtual machine's
    speed varies with its neighbours), printed before and after the run to read its figures by."""
    started, total = time.perf_counter(), 0
    for step in range(10_000_000):
        total += step
    return time.perf_counter() - started


def run(rounds: int, soak_clients: int, soak_seconds: float) -> list[tuple[str, str, str]]:
    """Rows of (measure, seqdemo, bare Gradio or ratio)."""
    rows = []
    starts = start_up(rounds)
    app_start, bare_start, plain_start = (statistics.median(starts[name]) for name in ("app", "bare", "plain"))
    rows.append(("start-up to first HTTP 200", f"{app_start:.2f} s", f"{bare_start:.2f} s (x{app_start / bare_start:.2f})"))
    rows.append(("start-up of a plain Gradio page of our page's shape", f"{plain_start:.2f} s",
                 f"x{plain_start / bare_start:.2f} the bare app"))
    rows.append(("RSS once the warm-up has loaded every shipped model", f"{warmed_up_rss():.0f} MB", ""))
    with bare_gradio() as (bare_url, bare_process, _), app_process() as (url, process, _):
        rows.append(("RSS after start", f"{rss_mb(process):.0f} MB", f"{rss_mb(bare_process):.0f} MB"))
        plain, sent = page_bytes(url)
        bare_plain, bare_sent = page_bytes(bare_url)
        rows.append(("page HTML, plain / as sent gzipped", f"{plain / 1e3:.0f} / {sent / 1e3:.0f} KB",
                     f"{bare_plain / 1e3:.1f} / {bare_sent / 1e3:.1f} KB"))
        for key, (first, later) in tab_latencies(url).items():
            rows.append((f"{key}: first call, then median", f"{1e3 * first:.0f} ms, {1e3 * later:.0f} ms", ""))
        for length, (last, first) in generation_speed(url).items():
            rows.append((f"generate {length} characters (first update), median of {GENERATION_RUNS}",
                         f"{last:.2f} s ({1e3 * first:.0f} ms)", f"{length / last:.0f} characters/s"))
        warm = rss_mb(process)
        rows.append(("RSS with every tab used", f"{warm:.0f} MB", ""))
        under_load: list[tuple[float, float]] = []  # (seconds into the soak, RSS)
        results, _errors = load(url, soak_clients, soak_seconds,
                                each_second=lambda seconds: under_load.append((seconds, rss_mb(process))))
        calls = sum(map(len, results.values()))
        soaked = rss_mb(process)
        rows.append((f"RSS after {soak_seconds:.0f} s of {soak_clients} clients ({calls} calls)", f"{soaked:.0f} MB",
                     f"{100 * (soaked / warm - 1):+.1f} % on warm"))
        settled_at = SOAK_SETTLING * soak_seconds
        settled = next((rss for seconds, rss in under_load if seconds >= settled_at), soaked)
        rows.append((f"RSS under load: at {settled_at:.0f} s, then at the end", f"{settled:.0f} MB, {soaked:.0f} MB",
                     f"{100 * (soaked / settled - 1):+.1f} % (creep)"))
        with plain_page(page_config(url)) as (plain_url, _, _):
            browser = browser_times(url, bare_url, plain_url)
        if isinstance(browser, str):
            rows.append(("Chromium", "not measured", browser))
        else:
            bare_usable = browser["bare page usable"]
            rows.append((f"Chromium: page usable, median of {PAGE_LOADS}", f"{browser['page usable']:.2f} s",
                         f"{bare_usable:.2f} s (x{browser['page usable'] / bare_usable:.2f})"))
            rows.append(("Chromium: a plain Gradio page of our page's shape usable", f"{browser['plain page usable']:.2f} s",
                         f"x{browser['plain page usable'] / bare_usable:.2f} the bare page"))
            rows.append((f"Chromium: language switch, open tab redrawn, median of {len(LANGUAGE_SWITCHES) * PAGE_LOADS}",
                         f"{browser['language switch']:.2f} s",
                         f"the plain page's one event redrawing the same: {browser['plain page switch']:.2f} s"))
    return rows


def table(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| measure | seqdemo | bare Gradio / note |", "|---|---|---|"]
    return "\n".join(lines + [f"| {a} | {b} | {c} |" for a, b, c in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seqdemo.bench.speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="start-ups of each app, alternated (default 3)")
    parser.add_argument("--soak-clients", type=int, default=8)
    parser.add_argument("--soak-seconds", type=float, default=60)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}; load average before: {os.getloadavg()[0]:.2f}; ten million Python loop steps: "
          f"{python_speed():.2f} s", flush=True)
    print(table(run(args.rounds, args.soak_clients, args.soak_seconds)))
    print(f"ten million Python loop steps after the run: {python_speed():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
