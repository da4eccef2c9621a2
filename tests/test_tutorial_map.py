"""The tutorial map: one entry per concept of the tutorial, each placed in the app or said to be missing, and
the README's copy of the map kept equal to the data."""

from pathlib import Path

import pytest

from seqdemo.lab.tutorial_map import CONCEPTS, README_END, README_START, STATUS_WORDS, STATUSES, markdown

README = Path(__file__).resolve().parent.parent / "README.md"
CONCEPT_COUNT = 45


def test_every_concept_appears_once_in_order():
    assert [c.number for c in CONCEPTS] == list(range(1, CONCEPT_COUNT + 1))


def test_every_status_is_one_of_three():
    assert {c.status for c in CONCEPTS} <= set(STATUSES)


@pytest.mark.parametrize("field", ["name_en", "name_zh", "sections", "where_en", "where_zh"])
def test_every_entry_has_its_texts(field):
    empty = [c.number for c in CONCEPTS if not getattr(c, field).strip()]
    assert not empty, f"concepts without {field}: {empty}"


def test_chinese_texts_are_chinese():
    latin_only = [c.number for c in CONCEPTS
                  if not any("\u4e00" <= ch <= "\u9fff" for ch in c.name_zh + c.where_zh)]
    assert not latin_only, f"concepts whose Chinese text has no Chinese: {latin_only}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_has_a_row_per_concept_with_the_status_in_words(lang):
    rows = [line for line in markdown(lang).splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == CONCEPT_COUNT
    for concept, row in zip(CONCEPTS, rows):
        assert row.startswith(f"| {concept.number} | ")
        assert row.count(" | ") == 3, f"row {concept.number} has a stray cell separator"
        where = row.split(" | ")[3]
        assert where.startswith(f"**{STATUS_WORDS[lang][concept.status]}"), f"row {concept.number}: {where[:40]}"


def test_the_readme_carries_the_map():
    text = README.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        pytest.fail(f"README.md has no tutorial map yet: add the block from `{README_START}` to `{README_END}`, "
                    "as printed by `python -c 'from seqdemo.lab.tutorial_map import readme_block; "
                    "print(readme_block())'`")
    block = text.split(README_START, 1)[1].split(README_END, 1)[0]
    assert block.strip() == markdown("en").strip(), (
        "README.md's tutorial map differs from seqdemo/lab/tutorial_map.py: replace the block between the "
        "markers with `readme_block()`'s output")
