"""The catalogue: every sentence in both languages, every key the code asks for present."""

import re
import unicodedata
from pathlib import Path

from seqdemo.catalogue import AREAS, every_entry

STRINGS = every_entry()

SOURCE = Path(__file__).resolve().parent.parent / "seqdemo"


def test_every_string_has_english_and_chinese():
    for key, entry in STRINGS.items():
        assert {"en", "zh"} <= set(entry), key
        assert all(entry[lang].strip() for lang in ("en", "zh")), key


def test_placeholders_match_between_languages():
    for key, entry in STRINGS.items():
        if "en" in entry:
            assert set(re.findall(r"{(\w+)", entry["en"])) == set(re.findall(r"{(\w+)", entry["zh"])), key


def test_every_literal_key_used_in_the_code_exists():
    used = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[\w.]+)["']""", text))
        used |= set(re.findall(r"""(?:label|value|info|placeholder)=["']([a-z_]+\.[\w.]+)["']""", text))
        used |= set(re.findall(r"""Problem\(\s*["']([a-z_]+\.[\w.]+)["']""", text))
        used |= set(re.findall(r"""JobRefused\(\s*["']([a-z_]+\.[\w.]+)["']""", text))
    missing = sorted(key for key in used if key not in STRINGS)
    assert used and not missing, missing


def test_every_task_dataset_and_preset_has_its_strings():
    from seqdemo.tasks import TASKS

    keys = []
    for task in TASKS.values():
        keys += [f"task.{task.name}"] + [f"dataset.{d}" for d in task.datasets] + [f"preset.{p}" for p in task.presets]
    missing = [key for key in keys if key not in STRINGS]
    assert not missing, missing


def test_every_setting_of_every_task_has_help_and_a_label_in_both_languages():
    from seqdemo.hparams import fields
    from seqdemo.tasks import TASKS

    for task in TASKS.values():
        for field in fields(task.Hyperparameters):
            for lang in ("en", "zh"):
                assert field.help(lang, task.name) and field.label(lang), (task.name, field.name, lang)


def test_every_input_problem_the_code_raises_has_its_message():
    raised = set()
    for path in SOURCE.rglob("*.py"):
        raised |= set(re.findall(r"""BadInput\(\s*["'](\w+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(code for code in raised if f"input.{code}" not in STRINGS)
    assert raised and not missing, missing


def test_every_key_belongs_to_an_area_and_areas_do_not_repeat_keys():
    import importlib

    seen: dict[str, str] = {}
    for area in set(AREAS.values()):
        for key in importlib.import_module(f"seqdemo.catalogue.{area}").STRINGS:
            assert AREAS[key.split(".")[0]] == area, key
            assert key not in seen, f"{key} in {area} and {seen[key]}"
            seen[key] = area


def closes_bold(text: str, at: int) -> bool:
    """CommonMark: `**` at `at` can close bold only if it is right-flanking: not after a space, and when
    after punctuation, only before a space, punctuation or the end."""
    def punctuation(char: str) -> bool:
        return unicodedata.category(char)[0] in "PS"
    before, after = text[at - 1], text[at + 2] if at + 2 < len(text) else " "
    return not before.isspace() and (not punctuation(before) or after.isspace() or punctuation(after))


def test_bold_text_closes_where_it_is_meant_to():
    # "**心搏分类。**心电图" shows its asterisks: a closing ** after 。 must not touch the next character
    for key, entry in STRINGS.items():
        for lang, template in entry.items():
            # as shown: a value in place of each placeholder (a percentage ends in punctuation)
            text = re.sub(r"\{[^{}]*\}", lambda m: "1%" if m.group().endswith("%}") else "x", template)
            marks = [m.start() for m in re.finditer(r"\*\*", text)]
            for closing in marks[1::2]:
                assert closes_bold(text, closing), f"{key} ({lang}): {text[max(0, closing - 12):closing + 6]!r}"
