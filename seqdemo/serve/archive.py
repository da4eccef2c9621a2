"""A shipped checkpoint folder as one .zip to download from its model card. Each archive is written once per
version of the folder (its files' latest change) into a cache folder, and reused by every visitor."""

import tempfile
import zipfile
from pathlib import Path

ARCHIVES = Path(tempfile.gettempdir()) / "seqdemo-archives"


def checkpoint_archive(folder: Path) -> Path:
    """`<task>-<name>-<version>.zip` holding the folder's files under `<name>/`, written on first request."""
    folder = Path(folder)
    files = sorted(path for path in folder.iterdir() if path.is_file())
    version = max((int(path.stat().st_mtime) for path in files), default=0)
    archive = ARCHIVES / f"{folder.parent.name}-{folder.name}-{version}.zip"
    if not archive.exists():
        ARCHIVES.mkdir(parents=True, exist_ok=True)
        partial = archive.with_suffix(f".{id(files)}.part")  # never served half-written
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
            for path in files:
                zipped.write(path, f"{folder.name}/{path.name}")
        partial.replace(archive)
    return archive
