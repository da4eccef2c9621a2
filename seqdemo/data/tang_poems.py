"""Classical Chinese poems from Debian's `fortunes-zh`: 313 Tang poems (tang300) and 95 Song ci (song100).

Each fortune is a title line, an author line (both wrapped in ANSI colour codes) and the poem.
Poems are split whole by a hash of title and text: 10 % test, 10 % validation, 80 % train.
"""

import re
from pathlib import Path

from ._package import MissingDataError
from .records import Document
from .splits import Splits, hash_split

FORTUNES_DIR = Path("/usr/share/games/fortunes")
INSTALL_HINT = "sudo apt-get install fortunes-zh   (Debian/Ubuntu)"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TITLE_PREFIX = re.compile(r"^(题目[:：])?")
_AUTHOR_PREFIX = re.compile(r"^作者[:：]")


def parse_fortune(entry: str) -> Document | None:
    lines = [_ANSI.sub("", line).strip() for line in entry.strip().splitlines()]
    lines = [line for line in lines if line]
    if len(lines) < 3 or not _AUTHOR_PREFIX.match(lines[1]):
        return None
    title = _TITLE_PREFIX.sub("", lines[0])
    author = _AUTHOR_PREFIX.sub("", lines[1])
    return Document(title=f"{title} · {author}", text="\n".join(lines[2:]) + "\n")


def load_tang_poems(collections: tuple[str, ...] = ("tang300", "song100")) -> Splits[list[Document]]:
    poems = []
    for name in collections:
        path = FORTUNES_DIR / name
        if not path.is_file():
            raise MissingDataError(f"The Debian package 'fortunes-zh' is not installed ({path} is missing). Install it with: {INSTALL_HINT}")
        for entry in path.read_text(encoding="utf-8").split("\n%\n"):
            poem = parse_fortune(entry)
            if poem is not None:
                poems.append(poem)
    return hash_split(poems, key=lambda p: p.title + p.text, validation=0.1, test=0.1)
