"""Where things live on disk. Every other module asks here instead of building paths."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CHECKPOINTS = PROJECT_ROOT / "checkpoints"


def runs_dir() -> Path:
    """The folder for user-trained checkpoints and the job database.

    `app.py --runs-dir` and the CLI set SEQDEMO_RUNS_DIR so that worker processes agree with the app.
    """
    return Path(os.environ.get("SEQDEMO_RUNS_DIR", PROJECT_ROOT / "runs")).resolve()
