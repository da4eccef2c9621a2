"""Knowledge distillation for sentiment: a student learns from a shipped teacher's softened answers."""

import math
import random

import pytest
import torch

from seqdemo.data import load_imdb
from seqdemo.paths import SHIPPED_CHECKPOINTS
from seqdemo.tasks import get_task
from seqdemo.tasks.runner import limit_splits, load_model, train
from seqdemo.tasks.sentiment import TEACHERS, distillation_loss
from seqdemo.train import load_checkpoint

TEACHER = "movie-reviews-bilstm-attention"


@pytest.fixture(scope="module")
def task():
    return get_task("sentiment")


@pytest.fixture(scope="module")
def reviews():
    return limit_splits(load_imdb(), 40).train


def student_settings(task, **overrides):
    return task.hyperparameters("imdb", "quick", epochs=1, hidden_size=8, max_vocab=800, cell="gru", bidirectional=False,
                                **overrides)


def test_the_loss_is_the_softened_kl_times_t_squared_plus_cross_entropy():
    student, teacher, labels = torch.tensor([[1.0, -1.0]]), torch.tensor([[0.5, 2.5]]), torch.tensor([1])
    temperature, weight = 2.0, 0.25

    def softmax(row):
        exps = [math.exp(x / temperature) for x in row]
        return [e / sum(exps) for e in exps]

    p, q = softmax([0.5, 2.5]), softmax([1.0, -1.0])  # teacher's, student's
    kl = sum(pi * math.log(pi / qi) for pi, qi in zip(p, q))
    cross_entropy = -math.log(math.exp(-1.0) / (math.exp(1.0) + math.exp(-1.0)))
    expected = weight * temperature**2 * kl + (1 - weight) * cross_entropy
    assert float(distillation_loss(student, teacher, labels, temperature, weight)) == pytest.approx(expected, rel=1e-6)


def test_each_teacher_reads_the_language_it_is_declared_to(task):
    for name, language in TEACHERS.items():
        dataset = load_checkpoint(SHIPPED_CHECKPOINTS / "sentiment" / name).config["dataset"]
        assert task.datasets[dataset].language == language


def test_the_teacher_scores_each_review_raw_with_its_own_vocabulary(task, reviews, cpu):
    short = [r for r in reviews if len(r.text.split()) < 150][:3]
    logits = task.teacher_logits(TEACHER, short, cpu)  # [reviews, classes]
    _task, hparams, model, checkpoint = load_model(SHIPPED_CHECKPOINTS / "sentiment" / TEACHER, cpu)
    teacher = task.predictor(model, hparams, checkpoint)
    for review, row in zip(short, logits):
        calibrated = teacher.temperature.apply(row).softmax(-1)
        assert calibrated.tolist() == pytest.approx(teacher.predict(review.text).probabilities, abs=1e-5)


def test_a_review_scored_beside_a_longer_one_gets_the_same_teacher_scores(task, reviews, cpu):
    by_length = sorted(reviews, key=lambda r: len(r.text))
    alone = task.teacher_logits(TEACHER, by_length[:1], cpu)
    padded = task.teacher_logits(TEACHER, [by_length[0], by_length[-1]], cpu)  # one batch: the short one is padded
    assert torch.allclose(alone[0], padded[0], atol=1e-5)


def test_training_examples_carry_the_teacher_scores_and_the_loss_uses_them(task, reviews, cpu):
    hparams = student_settings(task, teacher=TEACHER, distill_weight=1.0)
    fitted = task.fit(hparams, "imdb", reviews)
    examples = task.encode_training(reviews, hparams, "imdb", fitted, cpu)
    expected = task.teacher_logits(TEACHER, reviews, cpu)
    assert torch.allclose(torch.stack([e.teacher_logits for e in examples]), expected)
    assert all(e.teacher_logits is None for e in task.encode(reviews, hparams, "imdb", fitted))  # held-out: none

    batch = task.batches(examples, 16, shuffle=True, rng=random.Random(0))[0]
    model = task.build_model(hparams, "imdb", fitted, pretrained=False).eval()
    distilled = task.make_loss(hparams)
    flipped = type(batch)(batch.tokens, batch.bigrams, batch.lengths, 1 - batch.labels, batch.teacher_logits)
    hard = task.make_loss(student_settings(task))
    with torch.no_grad():
        assert float(distilled(model, batch)) == pytest.approx(float(distilled(model, flipped)))  # weight 1: teacher only
        assert float(hard(model, batch)) != pytest.approx(float(distilled(model, batch)))


def test_a_student_trains_from_the_teacher_and_records_which(task, tmp_path, cpu):
    hparams = student_settings(task, teacher=TEACHER)
    out = train("sentiment", "imdb", hparams, tmp_path / "student", cpu, limit=200)
    checkpoint = load_checkpoint(out)
    assert checkpoint.config["hyperparameters"]["teacher"] == TEACHER
    assert checkpoint.config["parameters"] < 100_000  # a small student; the teacher has 1.75 M


def test_a_teacher_for_chinese_reviews_is_refused_naming_the_setting(task):
    hparams = task.hyperparameters("chinese_reviews", teacher=TEACHER)
    assert [p.field for p in task.check(hparams, "chinese_reviews")] == ["teacher"]
    assert task.check(task.hyperparameters("imdb", teacher=TEACHER), "imdb") == []


@pytest.mark.parametrize("name, value", [("distill_temperature", 4.0), ("distill_weight", 0.2)])
def test_distillation_settings_without_a_teacher_are_refused(task, name, value):
    problems = task.check(task.hyperparameters("imdb", **{name: value}), "imdb")
    assert [(p.key, p.field) for p in problems] == [("problem.teacher_only", name)]
