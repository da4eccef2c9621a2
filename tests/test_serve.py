"""The model registry: finds shipped and user-trained checkpoints from their JSON alone, loads lazily."""

import shutil
import subprocess
import sys

from conftest import ROOT
from seqdemo.serve import PredictorCache, list_models


def test_shipped_sentiment_models_are_listed_with_their_test_accuracy():
    shipped = [e for e in list_models("sentiment") if e.shipped]
    assert {e.dataset for e in shipped} >= {"imdb", "chinese_reviews"}
    assert all(0.5 < e.test_metrics["accuracy"] <= 1.0 for e in shipped)


def test_user_checkpoints_in_the_runs_folder_appear_and_broken_ones_are_skipped(tiny_sentiment_checkpoint, tmp_path, monkeypatch, cpu):
    monkeypatch.setenv("SEQDEMO_RUNS_DIR", str(tmp_path))
    shutil.copytree(tiny_sentiment_checkpoint, tmp_path / "jobs" / "7" / "model")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.json").write_text("{not json")
    mine = [e for e in list_models("sentiment") if not e.shipped]
    assert [e.path for e in mine] == [tmp_path / "jobs" / "7" / "model"]
    cache = PredictorCache(cpu)
    assert cache.get(mine[0].path) is cache.get(mine[0].path)  # loaded once


def test_app_help_documents_its_flags():
    shown = subprocess.run([sys.executable, "app.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    for flag in ("--host", "--port", "--share", "--device", "--runs-dir"):
        assert flag in shown
