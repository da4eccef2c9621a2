"""Start `python app.py` on a free loopback port with a throwaway runs folder, and read its memory."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from ..paths import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 120) -> float:
    """Seconds until the page answered 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@contextmanager
def serving(command: list[str], port: int, cwd: Path) -> Iterator[tuple[str, psutil.Process, float]]:
    """A web server started with `command` on 127.0.0.1:`port`: (its URL, the process, seconds until it answered 200),
    stopped when the block ends."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"})
    url = f"http://127.0.0.1:{port}/"
    try:
        seconds = wait_until_serving(url, process)
        yield url, psutil.Process(process.pid), seconds
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def app_process(*flags: str) -> Iterator[tuple[str, psutil.Process, float]]:
    """`python app.py` serving on 127.0.0.1 only with a throwaway runs folder: (its URL, the process, seconds until
    it answered), stopped when the block ends."""
    with tempfile.TemporaryDirectory(prefix="seqdemo-bench-") as runs:
        port = free_port()
        command = [sys.executable, str(PROJECT_ROOT / "app.py"), "--port", str(port), "--runs-dir", runs, "--device", "cpu",
                   *flags]
        with serving(command, port, PROJECT_ROOT) as served:
            yield served


def rss_mb(process: psutil.Process) -> float:
    return process.memory_info().rss / 2**20
