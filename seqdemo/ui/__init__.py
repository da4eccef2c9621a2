"""Gradio tabs. They ask `serve` for predictors and render what comes back; they never train or read data."""

from .app import build_app

__all__ = ["build_app"]
