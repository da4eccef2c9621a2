"""Start the seqdemo web app: `python app.py`, then open http://127.0.0.1:7860."""

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home, before gradio is imported
# Events without a limit of their own run up to 4 at once: set where Gradio reads it, when a page's Blocks is made
# (calling `queue` again would build the whole app's routes and configuration once more, 0.3 s of start-up).
os.environ.setdefault("GRADIO_DEFAULT_CONCURRENCY_LIMIT", "4")

MAX_QUEUED_PER_SHARED_SESSION = 3  # on a shared app, how many jobs one login may have waiting or running
# One request at a time gains nothing from torch's thread pool on small models, and the threads of concurrent
# requests fought over it: one thread served sentiment 29 % faster with one client and 8-16 % faster with
# several (2-core CPU). Set here rather than in the environment, which training workers would inherit.
APP_TORCH_THREADS = 1
COMPRESS_FROM_BYTES = 1000  # the page and its config travel gzipped (share links cross the internet)
TRIM_EVERY_SECONDS = 10  # how often freed memory goes back to the system (hand_back_free_memory)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from seqdemo.paths import runs_dir
    from seqdemo.train.device import DEVICE_CHOICES

    parser = argparse.ArgumentParser(description="seqdemo: try, compare and train classic sequence models in the browser.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 for every network interface)")
    parser.add_argument("--port", type=int, default=7860, help="port to listen on")
    parser.add_argument("--share", action="store_true", help="also publish a temporary public gradio.live link")
    parser.add_argument("--device", default="auto", choices=DEVICE_CHOICES,
                        help="where models run: auto picks CUDA, then Apple MPS, then the CPU")
    parser.add_argument("--runs-dir", type=Path, default=runs_dir(),
                        help="folder for trained models and the job database (env SEQDEMO_RUNS_DIR)")
    parser.add_argument("--max-jobs", type=int, default=1,
                        help="training jobs that may run at once; the rest wait in a queue (default 1)")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="load each model when it is first asked for, instead of every shipped model in the "
                             "background once the app is listening (less memory when only a few tabs are used)")
    parser.add_argument("--int8-on-cpu", dest="int8", action="store_true",
                        help="on the CPU, serve int8 weights for the tasks whose shipped models keep their test "
                             "figure within 0.5 points with them (see README, Compression); ignored on a GPU")
    parser.add_argument("--auth", metavar="USER:PASSWORD", action="append", default=[],
                        help="require this login (repeat for several users); needed with --share to allow training jobs")
    args = parser.parse_args(argv)
    if args.max_jobs < 1:
        parser.error("--max-jobs must be at least 1")
    if any(":" not in pair for pair in args.auth):
        parser.error("--auth takes USER:PASSWORD")
    return args


def _glibc():
    """The C library when it is glibc (whose allocator the two functions below tune), else None."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def limit_memory_arenas(arenas: int = 2) -> None:
    """glibc gives threads that allocate at once their own memory arenas and rarely hands memory back; Gradio
    answers from many threads, and under load the app's memory crept up without end (1,376 MB to 1,489 MB in
    four minutes of 32 clients; with two arenas it stays at 1,135). Elsewhere this does nothing."""
    M_ARENA_MAX = -8
    if (libc := _glibc()) is not None:
        libc.mallopt(M_ARENA_MAX, arenas)


def hand_back_free_memory(every_seconds: float = TRIM_EVERY_SECONDS) -> None:
    """glibc keeps the pages that answered requests freed inside its heaps, between objects still in use;
    `malloc_trim` returns them to the system (with every tab used once, 798 -> 768 MB; a call takes about 3 ms).
    A background thread does so every few seconds. Elsewhere this does nothing."""
    import threading
    import time

    if (libc := _glibc()) is None:
        return

    def trim_for_ever():
        while True:
            time.sleep(every_seconds)
            libc.malloc_trim(0)

    threading.Thread(target=trim_for_ever, name="malloc-trim", daemon=True).start()


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    limit_memory_arenas()  # before any thread exists
    os.environ["SEQDEMO_RUNS_DIR"] = str(args.runs_dir.resolve())  # inherited by worker processes

    import torch
    from starlette.middleware import Middleware
    from starlette.middleware.gzip import GZipMiddleware  # it leaves server-sent events (answers as they stream) alone

    from seqdemo.jobs.lock import RunsFolderBusy
    from seqdemo.jobs.service import Access, JobService
    from seqdemo.serve import PredictorCache
    from seqdemo.serve.warmup import start_warm_up
    from seqdemo.train.device import resolve_device
    from seqdemo.ui import build_app
    from seqdemo.ui.app import CSS, MAX_UPLOAD_BYTES, SESSIONS_KEPT
    from seqdemo.ui.logins import LoginGuard
    from seqdemo.ui.sessions import install as sessions_on_demand

    torch.set_num_threads(APP_TORCH_THREADS)
    sessions_on_demand()
    device = resolve_device(args.device)
    # Strangers must not start, stop or read other people's jobs: see seqdemo.jobs.service.Access.
    shared = args.share or not is_loopback(args.host)
    access = Access(shared=shared, logins=bool(args.auth),
                    max_active_per_login=MAX_QUEUED_PER_SHARED_SESSION if shared else None)
    try:
        jobs = JobService(args.runs_dir, device=device.type, max_jobs=args.max_jobs, access=access).start()
    except RunsFolderBusy as error:
        raise SystemExit(f"error: {error}") from None
    if args.int8 and device.type != "cpu":
        print(f"note: --int8-on-cpu is ignored on {device.type}: int8 kernels run on the CPU; serving full precision",
              file=sys.stderr)
    cache = PredictorCache(device, int8=args.int8)
    app = build_app(device, jobs, cache)
    auth = LoginGuard(dict(pair.split(":", 1) for pair in args.auth)).verify if args.auth else None
    try:
        app.launch(server_name=args.host, server_port=args.port, share=args.share, auth=auth, css=CSS, show_error=False,
                   max_file_size=MAX_UPLOAD_BYTES, state_session_capacity=SESSIONS_KEPT, prevent_thread_lock=True,
                   app_kwargs={"middleware": [Middleware(GZipMiddleware, minimum_size=COMPRESS_FROM_BYTES)]})
        if args.warm_up:
            start_warm_up(cache)
        hand_back_free_memory()
        app.block_thread()
    finally:
        jobs.stop()


if __name__ == "__main__":
    main()
