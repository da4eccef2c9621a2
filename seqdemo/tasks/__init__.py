"""The tasks, by name. Adding a task means adding a module here and one line below."""

from .base import BadInput, Dataset, Task
from .glucose import GlucoseTask
from .heartbeats import HeartbeatTask
from .ner import NerTask
from .sentiment import SentimentTask
from .stocks import StockTask
from .text_generation import TextGenerationTask
from .translation import TranslationTask

TASKS: dict[str, Task] = {task.name: task for task in (SentimentTask(), TextGenerationTask(), TranslationTask(), NerTask(),
                                                     HeartbeatTask(), StockTask(), GlucoseTask())}


def get_task(name: str) -> Task:
    try:
        return TASKS[name]
    except KeyError:
        raise ValueError(f"Unknown task '{name}'; choose one of {', '.join(TASKS)}") from None


__all__ = ["TASKS", "get_task", "Task", "Dataset", "BadInput"]
