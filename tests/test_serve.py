"""The model registry: finds shipped and user-trained checkpoints from their JSON alone, loads lazily."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, running_app

from seqdemo.serve import PredictorCache, list_models
from seqdemo.serve.registry import unreadable_models
from seqdemo.train import CheckpointError


def test_shipped_sentiment_models_are_listed_with_their_test_accuracy():
    shipped = [e for e in list_models("sentiment") if e.shipped]
    assert {e.dataset for e in shipped} >= {"movie_reviews", "chinese_reviews"}
    assert all(0.5 < e.test_metrics["accuracy"] <= 1.0 for e in shipped)


def test_models_shipped_for_comparison_are_listed_but_never_the_default():
    from seqdemo.tasks import get_task
    from seqdemo.ui.models import example_rows, preferred_model

    compared = [e for e in list_models("sentiment") if e.for_comparison]
    assert sorted(e.name for e in compared) == ["imdb-bilstm-small", "imdb-gru-distilled", "imdb-lstm-small", "imdb-rnn-small",
                                               "imdb-transformer-small"]
    cells = [e for e in compared if e.name.endswith("-small")]  # one recipe, only the cell differs
    assert {e.settings.cell for e in cells} == {"rnn", "lstm", "transformer"} and {e.settings.pooling for e in cells} == {"last"}
    assert next(e for e in compared if e.name == "imdb-gru-distilled").settings.teacher == "movie-reviews-bilstm-attention"
    sentiment = get_task("sentiment")
    defaults = {preferred_model(sentiment, "en"), *(row[1] for row in example_rows(sentiment, {"en": ["x"]}))}
    assert defaults == {str(next(e.path for e in list_models("sentiment") if e.dataset == "movie_reviews"))}


def test_user_checkpoints_in_the_runs_folder_appear_and_broken_ones_are_skipped(tiny_sentiment_checkpoint, tmp_path, monkeypatch, cpu):
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    shutil.copytree(tiny_sentiment_checkpoint, tmp_path / "jobs" / "7" / "model")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.json").write_text("{not json")
    mine = [e for e in list_models("sentiment") if not e.shipped]
    assert [e.path for e in mine] == [tmp_path / "jobs" / "7" / "model"]
    cache = PredictorCache(cpu)
    assert cache.get(mine[0].path) is cache.get(mine[0].path)  # loaded once


def test_requests_arriving_together_load_a_model_once(tiny_sentiment_checkpoint, cpu):
    import threading

    cache, got = PredictorCache(cpu), []
    threads = [threading.Thread(target=lambda: got.append(cache.get(tiny_sentiment_checkpoint))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 4 and all(predictor is got[0] for predictor in got)


def test_the_warm_up_loads_every_shipped_model_and_answers_from_the_cache(cpu):
    from seqdemo.serve.registry import scan_models
    from seqdemo.serve.warmup import warm_up

    cache = PredictorCache(cpu)
    shipped = [entry.path for entry in scan_models()[0] if entry.shipped]
    assert not any(path in cache for path in shipped)
    assert warm_up(cache) == len(shipped) > 10
    assert all(path in cache for path in shipped)


def test_app_help_documents_its_flags():
    shown = subprocess.run([sys.executable, "app.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    for flag in ("--host", "--port", "--share", "--device", "--runs-dir"):
        assert flag in shown


def corrupt_runs_folder(runs, good_checkpoint) -> dict[str, object]:
    """Folders that are not checkpoints in the many ways hand-editing, copying or tampering makes them."""
    def copy(folder_name: str, **config_changes):
        folder = runs / folder_name
        shutil.copytree(good_checkpoint, folder)
        config = json.loads((folder / "config.json").read_text())
        config.update(config_changes)
        (folder / "config.json").write_text(json.dumps(config))
        return folder

    copy("created-a-number", created=5)
    copy("name-a-list", name=["a", "b"])
    copy("vocab-a-path", vocabs=["../../etc/passwd"])
    deep = runs / "deep"
    deep.mkdir()
    (deep / "config.json").write_text("[" * 200_000 + "]" * 200_000)
    (runs / "folder" / "config.json").mkdir(parents=True)
    (runs / "nan").mkdir()
    (runs / "nan" / "config.json").write_text('{"format": "seqdemo.checkpoint/1", "task": "sentiment", "lr": NaN}')
    return {"good": copy("good"),
            "huge": copy("huge", hyperparameters={**json.loads((good_checkpoint / "config.json").read_text())["hyperparameters"],
                                                  "hidden_size": 10**9}),
            "wide": copy("wide", hyperparameters={**json.loads((good_checkpoint / "config.json").read_text())["hyperparameters"],
                                                  "hidden_size": 1024, "layers": 4})}  # 400 MB of weights if built


def test_a_corrupt_runs_folder_is_skipped_and_tampered_settings_never_allocate(tiny_sentiment_checkpoint, tmp_path,
                                                                              monkeypatch, cpu):
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    models = corrupt_runs_folder(tmp_path, tiny_sentiment_checkpoint)
    mine = {e.path.name for e in list_models("sentiment") if not e.shipped}
    assert mine == {"good", "huge", "wide"}
    assert {u.path.name for u in unreadable_models()} == {"created-a-number", "name-a-list", "vocab-a-path", "deep",
                                                          "folder", "nan"}
    cache = PredictorCache(cpu)
    assert cache.get(models["good"]).predict("a fine film").label in ("negative", "positive")
    with pytest.raises(CheckpointError, match="hidden_size must be at most"):
        cache.get(models["huge"])
    with pytest.raises(CheckpointError, match="weights do not fit"):  # within bounds, but not what the file holds
        cache.get(models["wide"])
    # in a fresh process, so that the peak memory is this load's alone
    probe = ("import sys, torch; from seqdemo.serve import PredictorCache; from seqdemo.train import CheckpointError\n"
             "try: PredictorCache(torch.device('cpu')).get(sys.argv[1])\nexcept CheckpointError: pass\n"
             "print(next(int(line.split()[1]) // 1024 for line in open('/proc/self/status') if line.startswith('VmHWM')))")
    peak_mb = int(subprocess.run([sys.executable, "-c", probe, str(models["wide"])], cwd=ROOT, capture_output=True, text=True,
                                 check=True, timeout=120).stdout)
    # torch and the tasks take 370-450 MB here (more in a long test session's children); building this model
    # would have added 400 MB more
    assert peak_mb < 600


@pytest.mark.browser
@pytest.mark.slow
def test_the_app_starts_with_a_corrupt_runs_folder_and_the_pickers_say_so(tiny_sentiment_checkpoint, tmp_path, page):
    from playwright.sync_api import expect

    corrupt_runs_folder(tmp_path, tiny_sentiment_checkpoint)
    with running_app(tmp_path) as (url, process):
        page.goto(url)
        expect(page.locator("#sentiment-model")).to_contain_text("6 folder(s) in the runs folder could not be read",
                                                                 timeout=30_000)
    output = process.stdout.read()
    assert "skipping" in output and "nested too deeply" in output
    assert "Traceback" not in output


def test_a_model_with_several_attention_heads_shows_each_heads_weights(tmp_path, cpu):
    """Through the running app's API, as the page calls it: the per-head box opens, one shading per head."""
    from seqdemo.bench.client import AppClient
    from seqdemo.tasks import get_task
    from seqdemo.tasks.runner import train
    from seqdemo.tasks.settings import MAX_HEADS

    hparams = get_task("sentiment").hyperparameters("imdb", "quick", epochs=1, hidden_size=8, max_vocab=800,
                                                    pooling="mhsa", heads=2)
    model = train("sentiment", "imdb", hparams, tmp_path / "heads", cpu, limit=200)
    shipped = next(e.path for e in list_models("sentiment") if e.dataset == "movie_reviews")
    with running_app(tmp_path, "--no-warm-up") as (url, _):
        answer = AppClient(url).call("classify", "A gorgeous, funny film.", str(model), "en").data
        single_head_box = AppClient(url).call("classify", "A gorgeous, funny film.", str(shipped), "en").data[3]
    confidences, shaded, status, box, *heads = answer
    assert box["visible"] is True and len(heads) == MAX_HEADS
    assert [head["visible"] for head in heads] == [True, True] + [False] * (MAX_HEADS - 2)
    for head in heads[:2]:
        words = [piece["token"] for piece in head["value"]]
        assert "gorgeous" in words and "Head" in head["label"]
    assert single_head_box["visible"] is False  # a model with one attention layer keeps the box hidden


def test_loading_a_checkpoint_never_imports_the_compiler():
    """The shape check builds the model on the meta device without initialising it: initialisers on meta tensors
    would import torch._dynamo and sympy (about a second, and 70 MB the app keeps)."""
    probe = ("import sys, torch; from seqdemo.serve.registry import PredictorCache, scan_models\n"
             "cache = PredictorCache(torch.device('cpu'))\n"
             "for entry in scan_models()[0]:\n"  # every shipped model: each cell type builds its own way
             "    cache.get(entry.path)\n"
             "print(sorted(m for m in ('torch._dynamo', 'sympy') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "[]"


def test_a_checkpoint_archive_holds_the_folder_and_is_written_once_per_version(tiny_sentiment_checkpoint, tmp_path):
    import os
    import zipfile

    from seqdemo.serve.archive import checkpoint_archive

    folder = shutil.copytree(tiny_sentiment_checkpoint, tmp_path / "tiny")
    archive = checkpoint_archive(folder)
    with zipfile.ZipFile(archive) as zipped:
        assert sorted(zipped.namelist()) == sorted(f"tiny/{path.name}" for path in folder.iterdir())
    written = archive.stat().st_mtime_ns
    assert checkpoint_archive(folder) == archive and archive.stat().st_mtime_ns == written  # reused
    (folder / "metrics.json").write_text("{}")
    os.utime(folder / "metrics.json", (written / 1e9 + 5, written / 1e9 + 5))
    assert checkpoint_archive(folder) != archive  # a changed folder is a new version
