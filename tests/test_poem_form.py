"""The simple form checks behind the poem model's form figure."""

import pytest

from seqdemo.tasks import get_task
from seqdemo.tasks.base import BadInput
from seqdemo.tasks.runner import load_model
from seqdemo.text.poem_form import even_lines_rhyme, poem_lines, regulated_length, rhyme_class

# 王之涣《登鹳雀楼》 and 王维《山居秋暝》's first half, as the corpus writes them: one couplet per line
QUATRAIN = "白日依山尽，黄河入海流。\n欲穷千里目，更上一层楼。"
OCTAVE = "空山新雨后，天气晚来秋。\n明月松间照，清泉石上流。\n竹喧归浣女，莲动下渔舟。\n随意春芳歇，王孙自可留。"


def test_a_quatrain_and_an_octave_are_regulated_and_rhyme():
    assert poem_lines(QUATRAIN) == ["白日依山尽", "黄河入海流", "欲穷千里目", "更上一层楼"]
    assert regulated_length(poem_lines(QUATRAIN)) == 5
    assert even_lines_rhyme(poem_lines(QUATRAIN))  # 流, 楼: both 油求
    assert regulated_length(poem_lines(OCTAVE)) == 5
    assert even_lines_rhyme(poem_lines(OCTAVE))  # 秋, 流, 舟, 留


def test_a_short_line_or_a_wrong_count_is_not_regulated():
    assert regulated_length(poem_lines("白日依山尽，黄河入海。\n欲穷千里目，更上一层楼。")) is None  # a 4-character line
    assert regulated_length(poem_lines("白日依山尽，黄河入海流。\n欲穷千里目，")) is None  # three lines
    assert regulated_length(poem_lines("朝辞白帝彩云间，千里江陵一日还。\n两岸猿声啼不住，轻舟已过万重山。")) == 7


def test_rhyme_classes_group_finals_as_folk_verse_does():
    assert rhyme_class("光") == rhyme_class("香") == rhyme_class("长")  # uang, iang, ang: 江阳
    assert rhyme_class("心") == rhyme_class("深")  # in, en: 人辰
    assert rhyme_class("流") != rhyme_class("山")
    assert rhyme_class("a") is None
    assert not even_lines_rhyme(["白日依山尽", "黄河入海流", "欲穷千里目", "更上一层山"])


def test_only_a_poem_model_has_a_form_figure(tiny_generation_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_generation_checkpoint, cpu)
    with pytest.raises(BadInput):
        get_task("generation").form_scores(task.predictor(model, hparams, checkpoint), [])
