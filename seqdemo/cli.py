"""Command line: `python -m seqdemo train|evaluate|predict ...`."""

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from .data import MissingDataError
from .hparams import add_arguments, overrides_from_namespace
from .tasks import TASKS, BadInput
from .tasks.runner import InvalidSettings
from .train import DEVICE_CHOICES, ProgressBar, CheckpointError, DeviceUnavailable, NonFiniteLossError, resolve_device


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m seqdemo", description="Train, evaluate and query seqdemo models.")
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="train a model and save a checkpoint")
    tasks = train.add_subparsers(dest="task", required=True)
    for task in TASKS.values():
        sub = tasks.add_parser(task.name, help=f"train a {task.name} model",
                               formatter_class=argparse.ArgumentDefaultsHelpFormatter)
        sub.add_argument("--dataset", required=True, choices=list(task.datasets),
                         help="; ".join(f"{name}: {d.summary}" for name, d in task.datasets.items()))
        sub.add_argument("--preset", default="default", choices=list(task.presets), help="starting hyperparameters")
        sub.add_argument("--out", type=Path, required=True, help="checkpoint folder to write")
        sub.add_argument("--limit", type=int, default=None, help="use only the first N records of each split (smoke tests)")
        sub.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
        add_arguments(sub, task.Hyperparameters)

    evaluate = commands.add_parser("evaluate", help="score a checkpoint on a data split")
    evaluate.add_argument("checkpoint", type=Path)
    evaluate.add_argument("--split", default="test", choices=("train", "validation", "test"))
    evaluate.add_argument("--limit", type=int, default=None, help="use only the first N records of the split")
    evaluate.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")

    predict = commands.add_parser("predict", help="run a checkpoint on one input")
    predict.add_argument("checkpoint", type=Path)
    predict.add_argument("text", help="the input, e.g. a review")
    predict.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    predict.add_argument("--json", action="store_true", help="print the full prediction as JSON")
    return parser


def _train(args) -> int:
    from .tasks.runner import train

    task = TASKS[args.task]
    hparams = task.hyperparameters(args.dataset, args.preset, **overrides_from_namespace(task.Hyperparameters, args))

    path = train(args.task, args.dataset, hparams, args.out, resolve_device(args.device),
                 callbacks=[ProgressBar()], limit=args.limit)
    metrics = json.loads((path / "metrics.json").read_text())
    print(f"saved {path}")
    print("test: " + ", ".join(f"{k} {v:.4f}" for k, v in metrics["test"].items()))
    return 0


def _evaluate(args) -> int:
    from .tasks.runner import evaluate

    metrics = evaluate(args.checkpoint, args.split, resolve_device(args.device), args.limit)
    if args.json:
        print(json.dumps({"checkpoint": str(args.checkpoint), "split": args.split, **metrics}))
    else:
        for name, value in metrics.items():
            print(f"{args.split} {name}: {value:.4f}")
    return 0


def _predict(args) -> int:
    from .tasks.runner import load_model

    task, hparams, model, checkpoint = load_model(args.checkpoint, resolve_device(args.device))
    prediction = task.predictor(model, hparams, checkpoint).predict(args.text)
    if args.json:
        print(json.dumps(dataclasses.asdict(prediction), ensure_ascii=False))
    else:
        print(prediction.summary())
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"train": _train, "evaluate": _evaluate, "predict": _predict}
    try:
        return handlers[args.command](args)
    except (BadInput, CheckpointError, DeviceUnavailable, InvalidSettings, MissingDataError, NonFiniteLossError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
