"""The form of a regulated Tang poem, checked the simple way: every line the same length (five or seven
characters) and the even lines rhyming.

Rhyme is judged by the last character's modern Mandarin final, grouped into the thirteen rhyme classes
of folk verse (十三辙). Tang rhymes followed the pronunciation of their time, and a character can be read
several ways, so real Tang poems do not all pass this check; score a model's poems beside the real ones.
"""

import re
from collections.abc import Sequence

from pypinyin import Style, lazy_pinyin

REGULATED_LENGTHS = (5, 7)  # characters per line: 五言 and 七言
REGULATED_LINE_COUNTS = (4, 8)  # 绝句 and 律诗
LINE_END = re.compile(r"[，。？！；、,.?!;：:\s]+")

RHYME_CLASSES = {
    "中东": "ong iong eng ing ueng",
    "人辰": "en in uen vn",
    "江阳": "ang iang uang",
    "言前": "an ian uan van",
    "发花": "a ia ua",
    "梭波": "o e uo",
    "乜斜": "ie ve",
    "一七": "i v er",
    "姑苏": "u",
    "怀来": "ai uai",
    "灰堆": "ei uei",
    "遥条": "ao iao",
    "油求": "ou iou",
}
# pypinyin's finals in their full written forms (strict): iou, uei, uen, and v for ü
RHYME_CLASS_OF_FINAL = {final: name for name, finals in RHYME_CLASSES.items() for final in finals.split()}


def poem_lines(body: str) -> list[str]:
    """The lines of a poem's body: the pieces between punctuation marks and line breaks."""
    return [line for line in LINE_END.split(body) if line]


def rhyme_class(character: str) -> str | None:
    """The character's rhyme class (its most common reading), or None for what is not a Chinese character."""
    final = lazy_pinyin(character, style=Style.FINALS, strict=True, errors="ignore")
    return RHYME_CLASS_OF_FINAL.get(final[0]) if final else None


def regulated_length(lines: Sequence[str]) -> int | None:
    """5 or 7 when the poem has 4 or 8 lines of that many characters each, else None."""
    if len(lines) in REGULATED_LINE_COUNTS and len(lines[0]) in REGULATED_LENGTHS and len(set(map(len, lines))) == 1:
        return len(lines[0])
    return None


def even_lines_rhyme(lines: Sequence[str]) -> bool:
    """Do the 2nd, 4th, ... lines all end in characters of one rhyme class?"""
    classes = {rhyme_class(line[-1]) for line in lines[1::2] if line}
    return len(classes) == 1 and None not in classes
