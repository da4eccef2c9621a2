"""Heartbeat classification: scores on hand-made cases, beat parsing, and a real tiny model's answers."""

import random

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from seqdemo.data import LabeledSeries, load_ecg5000
from seqdemo.models import ClassifierEnsemble, RecurrentConfig, SeriesClassifier, SeriesClassifierConfig
from seqdemo.tasks import BadInput, get_task
from seqdemo.tasks.heartbeats import BEAT_LENGTH, MAX_SAMPLES, augmented, member_accuracies, normalise, oversampled, parse_beat
from seqdemo.tasks.runner import load_model, train
from seqdemo.tasks.scores import classification_metrics, confusion_matrix


def test_classification_scores_on_a_hand_made_case():
    labels = [0, 0, 0, 1, 1, 2]
    predictions = [0, 0, 1, 1, 2, 2]
    assert confusion_matrix(predictions, labels, 3) == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]
    scores = classification_metrics(predictions, labels, 3, per_class=True)
    assert scores["accuracy"] == pytest.approx(4 / 6)
    per_class = scores["per_class"]
    assert (per_class["precision"][0], per_class["recall"][0]) == (1.0, pytest.approx(2 / 3))
    assert (per_class["precision"][2], per_class["recall"][2]) == (0.5, 1.0)
    assert scores["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert scores["confusion"][1][2] == 1 and per_class["support"] == [3, 2, 1]
    assert "per_class" not in classification_metrics(predictions, labels, 3)


def test_beats_are_normalised_and_resampled():
    beat = normalise(np.sin(np.linspace(0, 6, 70)) * 40 + 300)
    assert beat.shape == (BEAT_LENGTH,) and beat.dtype == np.float32
    assert abs(beat.mean()) < 1e-5 and beat.std() == pytest.approx(1.0, abs=1e-4)
    assert parse_beat("1, 2;3\n4 5 " + " ".join(["0"] * 20)).tolist()[:5] == [1, 2, 3, 4, 5]


def test_augmented_beats_are_new_normalised_and_reproducible():
    beat = load_ecg5000().train[0].values
    first, again = augmented(beat, random.Random(1)), augmented(beat, random.Random(1))
    assert np.array_equal(first, again) and first.shape == beat.shape
    assert abs(first.mean()) < 1e-5 and first.std() == pytest.approx(1.0, abs=1e-4)
    assert 0.01 < np.abs(first - normalise(beat)).mean() < 0.5  # a variant, not another beat


def test_oversampling_lifts_rare_classes_and_leaves_common_ones():
    beats = [LabeledSeries(np.full(3, float(i), dtype=np.float32), label)
             for i, label in enumerate([0] * 20 + [1] * 12 + [2] * 3 + [3])]
    out = oversampled(beats, 0.5, random.Random(0))
    counts = {label: sum(b.label == label for b in out) for label in range(4)}
    assert counts == {0: 20, 1: 12, 2: 10, 3: 10}
    class_2_copies = sorted(sum(b is original for b in out) for original in beats[32:35])
    assert class_2_copies == [3, 3, 4]  # 10 from 3 beats: as even as the count allows
    assert oversampled(beats, 0.0, random.Random(0)) == beats


@pytest.mark.parametrize("text, code, params", [
    ("", "beat_empty", {}),
    ("1, 2, abc, 4", "beat_not_number", {"position": 3, "cell": "abc"}),
    ("1, 2, nan" + ", 1" * 30, "beat_not_finite", {"position": 3}),
    ("1, 2, 3", "beat_too_short", {"count": 3}),
    ("1 " * (MAX_SAMPLES + 1), "beat_too_long", {}),
    ("5 " * 50, "beat_flat", {}),
    ("<script>1</script>, 2", "beat_not_number", {"position": 1}),
])
def test_bad_beats_are_refused_with_the_reason(text, code, params):
    with pytest.raises(BadInput) as refused:
        parse_beat(text)
    assert refused.value.code == code
    assert params.items() <= refused.value.params.items()


@pytest.fixture(scope="module")
def classifier(tmp_path_factory, cpu):
    """A BiLSTM with attention trained for two epochs on 100 ECG5000 beats."""
    hparams = get_task("heartbeats").hyperparameters("ecg5000", "quick", epochs=2, hidden_size=8)
    path = train("heartbeats", "ecg5000", hparams, tmp_path_factory.mktemp("ckpt") / "ecg", cpu, limit=100)
    task, hparams, model, checkpoint = load_model(path, cpu)
    return task.predictor(model, hparams, checkpoint)


def test_a_test_beat_gets_probabilities_and_attention(classifier):
    beat = load_ecg5000().test[0].values
    result = classifier.predict(beat.tolist())
    assert len(result.probabilities) == 5 and sum(result.probabilities) == pytest.approx(1.0, abs=1e-5)
    assert len(result.attention) == BEAT_LENGTH and max(result.attention) == pytest.approx(1.0)
    assert not result.resampled and result.label in result.classes


def test_a_pasted_beat_of_another_length_is_resampled(classifier):
    text = ", ".join(f"{v:.3f}" for v in np.cos(np.linspace(0, 9, 250)))
    result = classifier.predict(text)
    assert result.resampled and result.original_length == 250 and len(result.values) == BEAT_LENGTH


def test_a_final_fit_trains_on_all_training_beats(tmp_path, cpu):
    hparams = get_task("heartbeats").hyperparameters("ecg5000", "quick", epochs=1, hidden_size=4, final_fit=True)
    path = train("heartbeats", "ecg5000", hparams, tmp_path / "ecg", cpu, limit=40)
    config = load_model(path, cpu)[3].config
    assert config["data_sizes"]["train"] == 80 and config["data_sizes"]["validation"] == 40


def test_an_fcn_branch_model_reads_the_beat_both_ways_and_keeps_its_attention(tmp_path, cpu):
    hparams = get_task("heartbeats").hyperparameters("ecg5000", "quick", epochs=1, hidden_size=4, fcn_branch=True)
    path = train("heartbeats", "ecg5000", hparams, tmp_path / "ecg", cpu, limit=40)
    task, hparams, model, checkpoint = load_model(path, cpu)
    assert hparams.fcn_branch and model.fcn is not None
    # the classifier reads the attention summary (2 directions x 4) beside the FCN's 128 channel means
    assert model.classify.in_features == 2 * 4 + 128
    result = task.predictor(model, hparams, checkpoint).predict(load_ecg5000().test[0].values.tolist())
    assert sum(result.probabilities) == pytest.approx(1.0, abs=1e-5) and len(result.attention) == BEAT_LENGTH


def tiny_classifier() -> SeriesClassifier:
    return SeriesClassifier(SeriesClassifierConfig(1, 3, RecurrentConfig("lstm", 4, bidirectional=True), "attention"))


def test_an_ensemble_answers_with_its_members_mean_probability_and_attention():
    torch.manual_seed(0)
    members = [tiny_classifier(), tiny_classifier()]
    series, lengths = torch.randn(5, 12, 1), torch.full((5,), 12)
    alone = [member(series, lengths) for member in members]
    together = ClassifierEnsemble(members)(series, lengths)
    mean_probabilities = (alone[0].logits.softmax(-1) + alone[1].logits.softmax(-1)) / 2
    assert torch.allclose(together.logits.softmax(-1), mean_probabilities, atol=1e-6)
    assert torch.allclose(together.attention, (alone[0].attention + alone[1].attention) / 2)
    assert torch.allclose(together.attention.sum(-1), torch.ones(5))


def test_each_ensemble_member_learns_as_if_it_were_alone(cpu):
    task = get_task("heartbeats")
    hparams = task.hyperparameters("ecg5000", "quick", hidden_size=4, members=2, dropout=0.0)
    torch.manual_seed(0)
    ensemble = task.build_model(hparams, "ecg5000", {}, pretrained=False)
    assert isinstance(ensemble, ClassifierEnsemble) and len(ensemble.members) == 2
    beats = task.encode(load_ecg5000().train[:6], hparams, "ecg5000", {})
    batch = task.batches(beats, 6, shuffle=False)[0]
    task.loss(ensemble, batch).backward()
    member = ensemble.members[1]
    from_ensemble = [p.grad.clone() for p in member.parameters()]
    member.zero_grad()
    F.cross_entropy(member(batch.series, batch.lengths).logits, batch.labels).backward()
    for shared, alone in zip(from_ensemble, (p.grad for p in member.parameters())):
        assert torch.allclose(shared, alone, atol=1e-6)


def test_an_ensemble_checkpoint_reports_each_members_test_accuracy(tmp_path, cpu):
    hparams = get_task("heartbeats").hyperparameters("ecg5000", "quick", epochs=1, hidden_size=4, members=2)
    path = train("heartbeats", "ecg5000", hparams, tmp_path / "ecg", cpu, limit=40)
    task, hparams, model, checkpoint = load_model(path, cpu)
    assert isinstance(model, ClassifierEnsemble)
    accuracies = member_accuracies(checkpoint.metrics["test"])
    assert len(accuracies) == 2 and all(0 <= accuracy <= 1 for accuracy in accuracies)
    result = task.predictor(model, hparams, checkpoint).predict(load_ecg5000().test[0].values.tolist())
    assert sum(result.probabilities) == pytest.approx(1.0, abs=1e-5) and len(result.attention) == BEAT_LENGTH
