"""Shared fixtures: real tiny checkpoints, a real app process, a real headless browser."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import torch

from seqdemo.bench.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
torch.set_num_threads(1)  # tiny models run fastest on one thread, and leave a core to the app under test


@pytest.fixture(scope="session")
def cpu() -> torch.device:
    return torch.device("cpu")


@pytest.fixture(scope="session")
def tiny_sentiment_checkpoint(tmp_path_factory, cpu) -> Path:
    """A real sentiment checkpoint trained for one epoch on 300 IMDB reviews (seconds)."""
    from seqdemo.tasks import get_task
    from seqdemo.tasks.runner import train

    hparams = get_task("sentiment").hyperparameters("imdb", "quick", epochs=1, hidden_size=8, max_vocab=800)
    return train("sentiment", "imdb", hparams, tmp_path_factory.mktemp("ckpt") / "tiny", cpu, limit=300)


@pytest.fixture(scope="session")
def tiny_generation_checkpoint(tmp_path_factory, cpu) -> Path:
    """A one-layer character model trained briefly on two plays."""
    from seqdemo.tasks import get_task
    from seqdemo.tasks.runner import train

    hparams = get_task("generation").hyperparameters("shakespeare", "quick", epochs=1, hidden_size=32, embedding_dim=16,
                                                     bptt=32, batch_size=32)
    return train("generation", "shakespeare", hparams, tmp_path_factory.mktemp("ckpt") / "lm", cpu, limit=2)


@pytest.fixture(scope="session")
def tiny_translation_checkpoint(tmp_path_factory, cpu) -> Path:
    """An English-to-Chinese model with attention, trained for one epoch on 300 pairs."""
    from seqdemo.tasks import get_task
    from seqdemo.tasks.runner import train

    hparams = get_task("translation").hyperparameters("tatoeba_en_zh", "quick", epochs=1, hidden_size=16, decoder_hidden=32,
                                                      embedding_dim=16, beam_width=3)
    return train("translation", "tatoeba_en_zh", hparams, tmp_path_factory.mktemp("ckpt") / "mt", cpu, limit=300)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode}:\n{process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@contextmanager
def running_app(runs: Path, *flags: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`python app.py` on a free port with `runs` as its runs folder: (its URL, its process; read
    `process.stdout` only after the block). Stopped at the end of the block."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--runs-dir", str(runs), "--device", "cpu",
                                *flags], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url, process)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """`python app.py` on a free port, with an empty runs folder, for the whole test session."""
    with running_app(tmp_path_factory.mktemp("runs")) as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    yield page
    context.close()
