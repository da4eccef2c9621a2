"""Start the seqdemo web app: `python app.py`, then open http://127.0.0.1:7860."""

import argparse
import os
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home, before gradio is imported


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
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    os.environ["SEQDEMO_RUNS_DIR"] = str(args.runs_dir.resolve())  # inherited by worker processes

    from seqdemo.train.device import resolve_device
    from seqdemo.ui import build_app
    from seqdemo.ui.app import CSS

    device = resolve_device(args.device)
    app = build_app(device)
    app.queue(default_concurrency_limit=4)
    app.launch(server_name=args.host, server_port=args.port, share=args.share, css=CSS, show_error=False)


if __name__ == "__main__":
    main()
