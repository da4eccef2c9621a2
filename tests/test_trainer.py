"""The generic trainer and checkpoints, on a tiny synthetic task and a tiny real one."""

import json
import os
import pickle
import random
import shutil

import pytest
import torch
import torch.nn.functional as F

from seqdemo.models import ClassifierConfig, RecurrentConfig, SequenceClassifier
from seqdemo.tasks.runner import load_model
from seqdemo.text import Vocab
from seqdemo.train import (
    Callback,
    CheckpointError,
    NonFiniteLossError,
    Trainer,
    TrainingHyperparameters,
    bucket_batches,
    load_checkpoint,
    pad_sequences,
    save_checkpoint,
)


def contains_token_task(n=256, seed=0):
    """Label 1 when token 7 occurs in the sequence: learnable by any recurrent model."""
    rng = random.Random(seed)
    sequences = [[rng.randrange(4, 12) for _ in range(rng.randrange(2, 12))] for _ in range(n)]
    return sequences, [int(7 in s) for s in sequences]


def make_batches(sequences, labels, batch_size, rng=None):
    out = []
    for idx in bucket_batches([len(s) for s in sequences], batch_size, shuffle=rng is not None, rng=rng):
        tokens, lengths = pad_sequences([sequences[i] for i in idx], 0)
        out.append((tokens, lengths, torch.tensor([labels[i] for i in idx])))
    return out


def loss_fn(model, batch):
    tokens, lengths, labels = batch
    return F.cross_entropy(model(tokens, lengths).logits, labels)


def tiny_model(seed=0):
    torch.manual_seed(seed)
    return SequenceClassifier(ClassifierConfig(12, 2, 8, RecurrentConfig("gru", 16, bidirectional=True), "max"))


def test_bucketed_batches_cover_every_example_once_and_group_similar_lengths():
    lengths = [random.Random(i).randrange(1, 500) for i in range(1000)]
    batches = bucket_batches(lengths, 32, shuffle=True, rng=random.Random(0))
    assert sorted(i for b in batches for i in b) == list(range(1000))
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches) / len(batches)
    assert spread < 40  # versus ~480 for random batches


def test_loss_falls_on_a_tiny_set(cpu):
    sequences, labels = contains_token_task()
    model = tiny_model()
    settings = TrainingHyperparameters(lr=0.01, epochs=8, patience=8, weight_decay=0.0)
    trainer = Trainer(model, settings, cpu, metric="neg_loss")

    def evaluate(m):
        losses = [loss_fn(m, b).item() for b in make_batches(sequences, labels, 64)]
        return {"neg_loss": -sum(losses) / len(losses)}

    before = evaluate(model.eval())["neg_loss"]
    result = trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 32, rng), loss_fn, evaluate)
    assert result.history[-1]["train_loss"] < result.history[0]["train_loss"]
    assert -result.best_metrics["neg_loss"] < 0.5 * -before


@pytest.mark.parametrize("optimizer", ["adam", "adamw", "rmsprop"])
def test_weight_decay_is_applied_by_either_optimiser(cpu, optimizer):
    # Adam as an L2 penalty on the gradient, AdamW decoupled: never silently dropped
    model = tiny_model()
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    trainer = Trainer(model, TrainingHyperparameters(optimizer=optimizer, weight_decay=0.5, lr=0.001), cpu, metric="accuracy")
    for parameter in model.parameters():
        parameter.grad = torch.zeros_like(parameter)  # no loss gradient: only the decay moves the weights
    trainer.optimizer.step()
    for name, parameter in model.named_parameters():
        if parameter.ndim >= 2:  # weight matrices shrink
            assert parameter.abs().sum() < before[name].abs().sum(), name
        else:  # biases (and norm weights, CRF start/end scores) are not decayed
            assert torch.equal(parameter, before[name]), name


def test_early_stopping_stops_after_patience_epochs_without_improvement(cpu):
    sequences, labels = contains_token_task(64)
    settings = TrainingHyperparameters(epochs=50, patience=2)
    trainer = Trainer(tiny_model(), settings, cpu, metric="accuracy")
    result = trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 32, rng), loss_fn, lambda m: {"accuracy": 0.5})
    assert result.stopped_early and result.epochs_run == 3 and result.best_epoch == 1


def test_a_final_fit_runs_every_epoch_and_keeps_the_last(cpu):
    sequences, labels = contains_token_task(64)
    settings = TrainingHyperparameters(epochs=4, patience=1, final_fit=True)
    trainer = Trainer(tiny_model(), settings, cpu, metric="accuracy")
    scores = iter([0.9, 0.1, 0.2, 0.3])
    result = trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 32, rng), loss_fn, lambda m: {"accuracy": next(scores)})
    assert not result.stopped_early and result.epochs_run == 4 and result.best_epoch == 4


def test_model_ends_with_its_best_weights(cpu):
    sequences, labels = contains_token_task(64)
    scores = iter([0.3, 0.9, 0.1])
    snapshots = []

    def evaluate(m):
        snapshots.append({k: v.clone() for k, v in m.state_dict().items()})
        return {"accuracy": next(scores)}

    trainer = Trainer(tiny_model(), TrainingHyperparameters(epochs=3, patience=5, lr=0.05), cpu, metric="accuracy")
    result = trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 16, rng), loss_fn, evaluate)
    assert result.best_epoch == 2
    assert all(torch.equal(v, snapshots[1][k]) for k, v in trainer.model.state_dict().items())


def test_nan_loss_stops_training_with_a_clear_error(cpu):
    sequences, labels = contains_token_task(64)
    trainer = Trainer(tiny_model(), TrainingHyperparameters(epochs=2), cpu, metric="accuracy")
    with pytest.raises(NonFiniteLossError, match="nan"):
        trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 16, rng),
                    lambda m, b: loss_fn(m, b) * float("nan"), lambda m: {"accuracy": 0.0})


def test_stop_request_ends_training_after_the_current_step(cpu):
    from seqdemo.train import Callback

    class StopAtStep3(Callback):
        def on_step(self, trainer, step, loss):
            if step == 3:
                trainer.request_stop()

    sequences, labels = contains_token_task(256)
    trainer = Trainer(tiny_model(), TrainingHyperparameters(epochs=5), cpu, metric="accuracy", callbacks=[StopAtStep3()])
    result = trainer.fit(lambda epoch, rng: make_batches(sequences, labels, 16, rng), loss_fn, lambda m: {"accuracy": 0.0})
    assert result.cancelled and trainer.step == 3 and result.epochs_run == 0


def save_tiny(tmp_path, model=None):
    model = model or tiny_model()
    vocab = Vocab.build([["a", "b"]])
    return model, save_checkpoint(tmp_path / "ckpt", {"task": "sentiment", "dataset": "imdb", "hyperparameters": {}}, model,
                                  {"words": vocab},
                                  {"test": {"accuracy": 0.5}})


def test_checkpoint_round_trip_gives_identical_outputs(tmp_path):
    model, path = save_tiny(tmp_path)
    restored = tiny_model(seed=1)
    load_checkpoint(path).load_weights(restored)
    tokens, lengths = torch.randint(4, 12, (3, 9)), torch.tensor([9, 4, 1])
    model.eval(), restored.eval()
    assert torch.equal(model(tokens, lengths).logits, restored(tokens, lengths).logits)
    assert sorted(os.listdir(path)) == ["config.json", "fitted_words.json", "metrics.json", "model.safetensors"]


def test_an_embedding_table_reads_from_the_file_and_training_it_leaves_the_file_alone(tmp_path):
    model, path = save_tiny(tmp_path)
    weights = path / "model.safetensors"
    stored = weights.read_bytes()
    restored = tiny_model(seed=1)
    load_checkpoint(path).load_weights(restored)
    table = restored.embedding.weight
    assert table.untyped_storage().nbytes() == len(stored)  # the file's pages, not a copy
    assert torch.equal(table, model.embedding.weight) and table.requires_grad
    optimizer = torch.optim.SGD(restored.parameters(), lr=1.0)
    restored(torch.randint(4, 12, (2, 5)), torch.tensor([5, 3])).logits.sum().backward()
    optimizer.step()
    assert not torch.equal(restored.embedding.weight, model.embedding.weight)
    assert weights.read_bytes() == stored


def test_a_tied_embedding_table_stays_tied_to_its_twin(tmp_path):
    class Tied(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(10, 4)
            self.decoder = torch.nn.Linear(4, 10, bias=False)
            self.decoder.weight = self.embedding.weight

    model = Tied()
    save_checkpoint(tmp_path / "ckpt", {"task": "generation", "dataset": "x", "hyperparameters": {}}, model, {}, {})
    restored = Tied()
    load_checkpoint(tmp_path / "ckpt").load_weights(restored)  # which maps the embedding tables it may
    assert restored.decoder.weight is restored.embedding.weight
    assert torch.equal(restored.embedding.weight, model.embedding.weight)


def test_trained_sentiment_checkpoint_round_trip(tiny_sentiment_checkpoint, cpu):
    task, hparams, model, checkpoint = load_model(tiny_sentiment_checkpoint, cpu)
    predictor = task.predictor(model, hparams, checkpoint)
    first = predictor.predict("A fine film.").probabilities
    _, _, model2, _ = load_model(tiny_sentiment_checkpoint, cpu)
    assert task.predictor(model2, hparams, checkpoint).predict("A fine film.").probabilities == first
    config = json.loads((tiny_sentiment_checkpoint / "config.json").read_text())
    assert config["command"] and config["versions"]["torch"] == torch.__version__
    assert "accuracy" in json.loads((tiny_sentiment_checkpoint / "metrics.json").read_text())["test"]


def test_corrupted_weights_are_refused(tmp_path):
    _, path = save_tiny(tmp_path)
    (path / "model.safetensors").write_bytes(b"\x00garbage" * 10)
    with pytest.raises(CheckpointError, match="not a valid safetensors"):
        load_checkpoint(path)


class _Exploit:
    marker = None

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_pickled_weights_are_refused_and_never_executed(tmp_path):
    _, path = save_tiny(tmp_path)
    _Exploit.marker = str(tmp_path / "pwned")
    (path / "model.safetensors").write_bytes(pickle.dumps({"weight": _Exploit()}))
    with pytest.raises(CheckpointError):
        load_checkpoint(path)
    torch.save({"weight": torch.zeros(2)}, path / "model.safetensors")  # a torch pickle under the right name
    with pytest.raises(CheckpointError):
        load_checkpoint(path)
    assert not (tmp_path / "pwned").exists()


def test_missing_or_foreign_config_is_refused(tmp_path):
    _, path = save_tiny(tmp_path)
    (path / "config.json").write_text(json.dumps({"task": "sentiment"}))
    with pytest.raises(CheckpointError, match="format"):
        load_checkpoint(path)
    (path / "config.json").unlink()
    with pytest.raises(CheckpointError, match="config.json is missing"):
        load_checkpoint(path)


def test_a_crash_while_saving_leaves_the_old_checkpoint_untouched(tmp_path, monkeypatch):
    model, path = save_tiny(tmp_path)
    before = {name: (path / name).read_bytes() for name in os.listdir(path)}

    def crash(self):
        raise OSError("disk full")

    monkeypatch.setattr(Vocab, "to_json", crash)
    with pytest.raises(OSError, match="disk full"):
        save_checkpoint(path, {"task": "sentiment", "dataset": "imdb"}, tiny_model(seed=5), {"words": Vocab.build([])}, {})
    assert {name: (path / name).read_bytes() for name in os.listdir(path)} == before
    assert os.listdir(tmp_path) == ["ckpt"]  # no half-written folder left behind
    with pytest.raises(OSError):
        save_checkpoint(tmp_path / "fresh", {"task": "sentiment"}, model, {"words": Vocab.build([])}, {})
    assert not (tmp_path / "fresh").exists()


def test_a_first_format_checkpoint_still_loads(tiny_sentiment_checkpoint, tmp_path, cpu):
    """Models trained before fitted vocabularies had their name: `vocab_<name>.json`, listed under "vocabs"."""
    old = tmp_path / "old"
    shutil.copytree(tiny_sentiment_checkpoint, old)
    config = json.loads((old / "config.json").read_text())
    config["format"], config["vocabs"] = "seqdemo.checkpoint/1", config.pop("fitted")
    for name in config["vocabs"]:
        (old / f"fitted_{name}.json").rename(old / f"vocab_{name}.json")
    (old / "config.json").write_text(json.dumps(config))
    task, hparams, model, checkpoint = load_model(old, cpu)
    _, _, model_now, checkpoint_now = load_model(tiny_sentiment_checkpoint, cpu)
    assert checkpoint.fitted["words"].itos == checkpoint_now.fitted["words"].itos
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), model_now.state_dict().values()))


def test_the_cosine_schedule_warms_up_then_decays_to_a_tenth():
    from seqdemo.train import get_lr

    rates = [get_lr(step, 1000, 0.01) for step in range(1000)]
    warmup = int(0.02 * 1000)
    assert rates[0] == pytest.approx(0.01 / warmup) and rates[warmup - 1] == pytest.approx(0.01)
    assert all(a <= b for a, b in zip(rates[:warmup], rates[1:warmup]))  # rising
    assert all(a >= b for a, b in zip(rates[warmup:], rates[warmup + 1:]))  # then falling
    assert rates[-1] == pytest.approx(0.001, rel=0.01) and get_lr(5000, 1000, 0.01) == pytest.approx(0.001)


def test_a_cosine_run_sets_every_steps_rate_by_get_lr_and_has_no_plateau_scheduler(cpu):
    from seqdemo.train import get_lr

    sequences, labels = contains_token_task()
    settings = TrainingHyperparameters(lr=0.01, epochs=2, schedule="cosine")
    seen = []

    class Rates(Callback):
        def on_step(self, trainer, step, loss):
            seen.append((trainer.step - 1, trainer.optimizer.param_groups[0]["lr"]))

    trainer = Trainer(tiny_model(), settings, cpu, metric="accuracy", callbacks=[Rates()])
    assert trainer.scheduler is None
    batches = make_batches(sequences, labels, 64)
    trainer.fit(lambda epoch, rng: batches, loss_fn, lambda m: {"accuracy": 0.5})
    total = 2 * len(batches)
    assert [lr for _, lr in seen] == pytest.approx([get_lr(step, total, 0.01) for step, _ in seen])


def test_checkpoint_averaging_keeps_the_average_only_when_validation_likes_it(cpu):
    from seqdemo.train.trainer import average_states

    states = [{"w": torch.tensor([1.0, 3.0]), "n": torch.tensor(1)}, {"w": torch.tensor([3.0, 5.0]), "n": torch.tensor(2)}]
    assert average_states(states)["w"].tolist() == [2.0, 4.0] and average_states(states)["n"] == 2
    sequences, labels = contains_token_task()
    batches = make_batches(sequences, labels, 64)
    for averaged_is_better in (True, False):
        trainer = Trainer(tiny_model(), TrainingHyperparameters(lr=0.01, epochs=3, patience=5, average_last=3), cpu,
                          metric="accuracy")
        scores = iter([0.5, 0.6, 0.7, 0.9 if averaged_is_better else 0.1])  # three epochs, then the average
        result = trainer.fit(lambda epoch, rng: batches, loss_fn, lambda m, scores=scores: {"accuracy": next(scores)})
        assert result.averaged == (3 if averaged_is_better else 0)
        assert result.best_metrics["accuracy"] == (0.9 if averaged_is_better else 0.7)


def test_a_state_saved_with_one_parameter_group_still_resumes(cpu):
    # training states written before biases were kept out of weight decay hold one optimiser group
    trainer = Trainer(tiny_model(), TrainingHyperparameters(), cpu, metric="accuracy")
    state = trainer.state_dict()
    state["optimizer"] = torch.optim.AdamW(trainer.model.parameters(), lr=0.01).state_dict()
    resumed = Trainer(tiny_model(seed=1), TrainingHyperparameters(), cpu, metric="accuracy")
    resumed.load_state_dict(state)
    assert all(torch.equal(a, b) for a, b in zip(resumed.model.parameters(), trainer.model.parameters()))


def test_a_classifier_records_training_accuracy_beside_validation_accuracy(tiny_sentiment_checkpoint):
    history = json.loads((tiny_sentiment_checkpoint / "metrics.json").read_text())["history"]
    assert all(0 <= record["train_accuracy"] <= 1 and "validation_accuracy" in record for record in history)


def test_a_cuda_process_group_also_carries_cpu_tensors():
    """nccl alone refuses the CPU flags and objects that ranks agree on; on CUDA the group pairs it with gloo."""
    from seqdemo.train import distributed

    assert distributed.backend_for(torch.device("cuda", 0)) == "cpu:gloo,cuda:nccl"
    assert distributed.backend_for(torch.device("cpu")) == "gloo"
