"""From checkpoints on disk to predictors the tabs can call."""

from .registry import ModelEntry, PredictorCache, list_models

__all__ = ["ModelEntry", "PredictorCache", "list_models"]
