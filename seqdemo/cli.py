"""Command line: `python -m seqdemo train|crossvalidate|evaluate|predict|export|jobs ...`."""

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from .catalogue import t
from .data import MissingDataError
from .export import FORMATS, ExportRefused
from .hparams import add_arguments, overrides_from_namespace
from .jobs import UnknownJob
from .jobs.service import JobRefused
from .tasks import TASKS, BadInput
from .tasks.runner import InvalidSettings
from .train import DEVICE_CHOICES, CheckpointError, DeviceUnavailable, NonFiniteLossError, ProgressBar, distributed, resolve_device
from .train.checkpoint import METRICS, headline, read_metrics


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m seqdemo", description="Train, evaluate and query seqdemo models.")
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="train a model and save a checkpoint")
    tasks = train.add_subparsers(dest="task", required=True)
    for task in TASKS.values():
        sub = tasks.add_parser(task.name, help=f"train a {task.name} model")
        _add_run_arguments(sub, task)
        sub.add_argument("--out", type=Path, required=True, help="checkpoint folder to write")

    crossvalidate = commands.add_parser(
        "crossvalidate", help="compare settings by k-fold cross-validation on the training and validation records "
                              "(each fold trains for exactly --epochs epochs); saves no model")
    tasks = crossvalidate.add_subparsers(dest="task", required=True)
    for task in TASKS.values():
        if task.records_are_exchangeable:
            sub = tasks.add_parser(task.name, help=f"cross-validate {task.name} settings")
            _add_run_arguments(sub, task)
            sub.add_argument("--folds", type=int, default=5, choices=range(2, 21), metavar="{2..20}",
                             help="folds (default: 5)")
            sub.add_argument("--json", action="store_true", help="print the result as JSON")

    evaluate = commands.add_parser("evaluate", help="score a checkpoint on a data split")
    evaluate.add_argument("checkpoint", type=Path)
    evaluate.add_argument("--split", default="test", choices=("train", "validation", "test"))
    evaluate.add_argument("--limit", type=int, default=None, help="use only the first N records of the split")
    evaluate.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")
    evaluate.add_argument("--probes", action="store_true",
                          help="score hand-written probes (negation, contrast) instead of a split, where the task has them")
    evaluate.add_argument("--poem-form", type=int, default=None, metavar="N",
                          help="for a Tang poem model: let it finish N held-out regulated poems from their first couplet "
                               "and score line lengths and rhyme")

    export = commands.add_parser("export", help="write a checkpoint's network as ONNX or TorchScript, checked against "
                                                "PyTorch on its test inputs")
    export.add_argument("checkpoint", type=Path)
    export.add_argument("--format", default="onnx", choices=FORMATS)
    export.add_argument("--out", type=Path, default=None,
                        help="file to write (default: model.onnx or model.torchscript.pt in the checkpoint folder)")

    predict = commands.add_parser("predict", help="run a checkpoint on one input")
    predict.add_argument("checkpoint", type=Path)
    predict.add_argument("text", help="the input, e.g. a review")
    predict.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    predict.add_argument("--json", action="store_true", help="print the full prediction as JSON")
    jobs = commands.add_parser("jobs", help="background training jobs (the Train tab's queue)")
    jobs.add_argument("--runs-dir", type=Path, default=None, help="runs folder holding jobs.db (default: $SEQDEMO_RUNS_DIR or runs/)")
    actions = jobs.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every job with its status and progress")
    for action, text in (("show", "one job: settings, metrics, log tail"), ("cancel", "cancel a queued or running job"),
                         ("resume", "queue a cancelled, interrupted or failed job again; it continues from its last epoch"),
                         ("delete", "delete a finished job and its files")):
        sub = actions.add_parser(action, help=text)
        sub.add_argument("job", type=int, help="job number")
        if action == "delete":
            sub.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _add_run_arguments(parser: argparse.ArgumentParser, task) -> None:
    """What every training run takes: data, starting point, device and every hyperparameter."""
    # argparse formats help with %: a "%" in the catalogue's text must reach it doubled
    datasets = "; ".join(f"{name}: {t(f'dataset.{name}')}" for name in task.datasets).replace("%", "%%")
    presets = "; ".join(f"{name}: {t(f'preset.{name}')}" for name in task.presets).replace("%", "%%")
    parser.add_argument("--dataset", required=True, choices=list(task.datasets), help=datasets)
    parser.add_argument("--preset", default="default", choices=list(task.presets), help=f"starting settings: {presets}")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N records of each split (smoke tests)")
    parser.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    add_arguments(parser, task.Hyperparameters, task.hyperparameters(), task.name)


def _jobs(args) -> int:
    from .jobs import JobStore
    from .jobs.service import JobService, database_path
    from .paths import runs_dir

    folder = args.runs_dir or runs_dir()
    if args.action == "list":
        store = JobStore(database_path(folder))
        print(f"{'id':>4}  {'status':<11} {'progress':>8}  {'epoch':>7}  {'best':>8}  name")
        for job in store.jobs():
            best = f"{job.best_metric:.4f}" if job.best_metric is not None else "-"
            print(f"{job.id:>4}  {job.status:<11} {job.progress:>8.0%}  {job.epoch:>3}/{job.epochs:<3}  {best:>8}  {job.name}")
        return 0
    service = JobService(folder)
    job = service.store.get(args.job)
    if args.action == "show":
        print(json.dumps({k: v for k, v in dataclasses.asdict(job).items()}, indent=2, ensure_ascii=False))
        print("\n".join(service.store.log_tail(job.id, 20)))
    elif args.action == "cancel":
        print(f"job {job.id} is now {service.cancel(job.id)}")
    elif args.action == "resume":
        service.resume(job.id)
        print(f"job {job.id} is queued again; the app's scheduler will continue it from its last finished epoch")
    elif args.action == "delete":
        if not args.yes and input(f"Delete job {job.id} ({job.name}) and its files? [y/N] ").strip().lower() != "y":
            return 1
        service.delete(job.id)
        print(f"job {job.id} deleted")
    return 0


def _settings(args):
    """The preset's settings with the flags the user typed on top."""
    task = TASKS[args.task]
    return task.hyperparameters(args.dataset, args.preset, **overrides_from_namespace(task.Hyperparameters, args))


def _train(args) -> int:
    from .tasks.runner import train

    hparams = _settings(args)
    # Under torchrun (`--nproc-per-node`, or `--nnodes` with a rendezvous endpoint for several machines) every
    # process joins one group; rank 0 alone shows progress and writes the checkpoint.
    with distributed.session(resolve_device(args.device)) as device:
        main = distributed.is_main()
        path = train(args.task, args.dataset, hparams, args.out, device,
                     callbacks=[ProgressBar()] if main else [], limit=args.limit)
    if not main:
        return 0
    if path is None:
        print("training stopped before it finished; no checkpoint was written", file=sys.stderr)
        return 1
    print(f"saved {path}")
    print("test: " + ", ".join(f"{k} {v:.4f}" for k, v in headline(read_metrics(path)["test"]).items())
          + f" (and every table in {path / METRICS})")
    return 0


def _crossvalidate(args) -> int:
    from .tasks.crossvalidation import cross_validate

    hparams = _settings(args)
    result = cross_validate(args.task, args.dataset, hparams, args.folds, resolve_device(args.device),
                            callbacks=[ProgressBar()], limit=args.limit)
    if args.json:
        print(json.dumps(result))
        return 0
    for number, fold in enumerate(result["folds"], start=1):
        print(f"fold {number}: " + ", ".join(f"{k} {v:.4f}" for k, v in fold.items() if k != "examples")
              + f" ({fold['examples']} held out)")
    pooled = result["pooled"]
    print(f"all {pooled['examples']} held out once: " + ", ".join(f"{k} {v:.4f}" for k, v in pooled.items() if k != "examples"))
    return 0


def _evaluate(args) -> int:
    from .tasks.runner import evaluate, poem_form, probe

    if args.poem_form is not None:
        scores = poem_form(args.checkpoint, resolve_device(args.device), args.poem_form)
        if args.json:
            print(json.dumps({"checkpoint": str(args.checkpoint), **scores}))
        else:
            print(f"{scores['poems']} held-out poems finished by the model: every line the right length "
                  f"{scores['right_length']:.1%}, even lines rhyme {scores['rhyming']:.1%} "
                  f"(the real poems: {scores['real_poems_rhyming']:.1%} pass the same rhyme check)")
        return 0
    if args.probes:
        scores = probe(args.checkpoint, resolve_device(args.device))
        if scores is None:
            print("error: this task has no probes", file=sys.stderr)
            return 2
        if args.json:
            print(json.dumps({"checkpoint": str(args.checkpoint), **scores}, ensure_ascii=False))
        else:
            print(f"probes: {scores['probe_accuracy']:.1%} of {scores['probes']} right")
            print("\n".join(f"  missed ({label}): {text}" for text, label in scores["missed"]))
        return 0

    metrics = evaluate(args.checkpoint, args.split, resolve_device(args.device), args.limit)
    if args.json:
        print(json.dumps({"checkpoint": str(args.checkpoint), "split": args.split, **metrics}))
    else:
        for name, value in headline(metrics).items():
            print(f"{args.split} {name}: {value:.4f}")
        tables = sorted(set(metrics) - set(headline(metrics)))
        if tables:
            print(f"(tables: {', '.join(tables)}; --json prints them)")
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


def _export(args) -> int:
    from .export import export

    report = export(args.checkpoint, args.format, args.out)
    print(f"wrote {report.path} ({report.format}): inputs {', '.join(report.inputs)} -> {report.output}")
    print(f"checked on {len(report.batches)} test batches {report.batches}: largest difference from PyTorch "
          f"{report.max_difference:.2e}")
    return 0 if report.max_difference < 1e-3 else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"train": _train, "crossvalidate": _crossvalidate, "evaluate": _evaluate, "predict": _predict,
                "export": _export, "jobs": _jobs}
    try:
        return handlers[args.command](args)
    except (BadInput, CheckpointError, DeviceUnavailable, ExportRefused, InvalidSettings, MissingDataError,
            NonFiniteLossError, JobRefused, UnknownJob) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
