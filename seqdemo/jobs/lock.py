"""One scheduler per runs folder: an exclusive lock on a file in it, held while the app runs.

The operating system drops the lock when its holder exits, however it exits (kill -9 included), so
a crashed app never blocks the next start. A second app on the same folder is refused with a plain
message instead of running the queue twice (which would break `--max-jobs`).
"""

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

LOCK_FILE = "app.lock"


class RunsFolderBusy(RuntimeError):
    def __init__(self, folder: Path, holder: str):
        super().__init__(f"Another seqdemo app (process {holder or '?'}) is already serving the runs folder {folder}. "
                         "Stop it first, or start this one with another --runs-dir.")


class FolderLock:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self._file = None

    def acquire(self) -> None:
        """Take the lock or raise RunsFolderBusy naming the process that holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        file = open(self.path, "a+")
        try:
            if fcntl is not None:
                fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            file.seek(0)
            holder = file.read().strip()
            file.close()
            raise RunsFolderBusy(self.folder, holder) from None
        file.seek(0)
        file.truncate()
        file.write(str(os.getpid()))
        file.flush()
        self._file = file

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the descriptor releases the lock
            self._file = None
