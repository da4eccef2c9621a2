"""The Complete Tang Poems (全唐诗) from the npm package chinese-poetry: 57,607 poems in traditional
characters, converted here to simplified: OpenCC's phrase-aware conversion first, then MediaWiki's
table (zhconv) for the variant forms OpenCC leaves alone (劒 -> 剑, 遶 -> 绕, 鴈 -> 雁: about 16,000
characters of the collection), so one word is one character sequence for the model.

`make install` unpacks the poem files into `<venv>/share/chinese-poetry/` (scripts/install-chinese-poetry).
Each poem becomes a title line and its lines; repeated poems are dropped, then poems are split whole
by a hash of their text: 2 % validation, 2 % test (over a thousand poems each).
"""

import json
import sys
from pathlib import Path

from ._package import MissingDataError
from .records import Document
from .splits import Splits, dedupe, hash_split

POETRY_DIR = Path(sys.prefix) / "share" / "chinese-poetry"
SEPARATOR = "\n\n\n"  # never inside a poem
INSTALL_HINT = f"scripts/install-chinese-poetry {POETRY_DIR}   (or: make install)"


def load_quantangshi(folder: Path = POETRY_DIR) -> Splits[list[Document]]:
    import zhconv
    from opencc import OpenCC  # traditional -> simplified characters

    files = sorted(folder.glob("poet.tang.*.json"), key=lambda f: int(f.stem.rsplit(".", 1)[1]))
    if not files:
        raise MissingDataError(f"The Tang poems of chinese-poetry are not installed ({folder} has none). Install them with: {INSTALL_HINT}")
    raw = []
    for file in files:
        for poem in json.loads(file.read_text(encoding="utf-8")):
            lines = [line.strip() for line in poem.get("paragraphs", []) if line.strip()]
            if lines:
                raw.append(f"{poem.get('title', '')}\t{poem.get('author', '')}\n" + "\n".join(lines))
    # One conversion call for the whole collection: a hundred thousand small calls take minutes.
    converted = zhconv.convert(OpenCC("t2s").convert(SEPARATOR.join(raw)), "zh-cn").split(SEPARATOR)
    if len(converted) != len(raw):
        raise ValueError("a poem contains the separator used for conversion")
    poems = []
    for poem in converted:
        heading, body = poem.split("\n", 1)
        title, author = heading.rsplit("\t", 1)
        poems.append(Document(title=f"{title} · {author}", text=f"{title}\n{body}\n"))
    poems = dedupe(poems, key=lambda p: p.text)
    return hash_split(poems, key=lambda p: p.text, validation=0.02, test=0.02)
