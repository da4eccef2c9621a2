"""Compression of every shipped model: `python -m seqdemo.bench.compression [--models NAME ...] [--out FILE]`.

Each shipped checkpoint, on the CPU with one thread, in full precision, with int8 weights
(`seqdemo.lab.quantization`) and with 50 and 90 % of each weight tensor pruned (`seqdemo.lab.pruning`): its
size on disk, its size zlib-compressed (as in a .zip), the median time of one input's forward pass, and the
task's test figure on the whole test split through the task's own `evaluate`. A text generator also gets the
seconds for 200 sampled characters. Translation's BLEU is the greedy one (the per-epoch figure, `BEAM_NOTE`):
beam search (width 5) over the 2,870 test sentences took about 17 minutes per variant on a busy 2-core CPU, where
greedy decoding of the whole split took about 2.

Prints a markdown table as it goes and writes it to `--out` after each model.
"""

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from ..lab.pruning import compressed_bytes, one_input_milliseconds, pruned, saved_bytes
from ..lab.quantization import quantized
from ..paths import SHIPPED_CHECKPOINTS
from ..tasks.base import Setup
from ..tasks.runner import encoded_split, load_model
from ..train.checkpoint import WEIGHTS

FIGURES = {  # task -> the test figure compared (each task's headline figure, as the model pickers show it)
    "sentiment": "accuracy", "heartbeats": "accuracy", "ner": "f1", "translation": "bleu",
    "generation": "loss", "stocks": "loss", "glucose": "loss",
}
SHARES = ("accuracy", "f1")  # figures between 0 and 1: compared in percentage points
LOWER_IS_BETTER = ("loss",)  # losses: compared in per cent of the full-precision figure
TOLERANCE = 0.5  # points (or per cent) a compressed model may lose and still "hold"
GENERATED_CHARACTERS = 200
BEAM_NOTE = "greedy BLEU"
VARIANTS: dict[str, Callable[[nn.Module], nn.Module]] = {
    "full precision": lambda model: model,
    "int8": quantized,
    "pruned 50 %": lambda model: pruned(model, 0.5),
    "pruned 90 %": lambda model: pruned(model, 0.9),
}


@dataclass(frozen=True)
class Row:
    task: str
    model: str
    variant: str
    file_bytes: int
    zipped_bytes: int
    milliseconds: float  # one input's forward pass, median
    figure: float
    loss_points: float  # how much worse than full precision, in points (or per cent for losses); <= 0 is as good
    generation_seconds: float | None  # 200 sampled characters (text generators only)


def worse_by(metric: str, before: float, after: float) -> float:
    """How much worse `after` is than `before`: percentage points for shares, points for BLEU, per cent of
    `before` for losses."""
    if metric in LOWER_IS_BETTER:
        return 100 * (after - before) / before
    return (before - after) * (100 if metric in SHARES else 1)


def generation_seconds(task, model: nn.Module, hparams, checkpoint, repeats: int = 3) -> float:
    """The median seconds to sample GENERATED_CHARACTERS tokens after an empty prompt (seed 0)."""
    predictor = task.predictor(model, hparams, checkpoint)
    predictor.predict("", max_tokens=10)  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        predictor.predict("", max_tokens=GENERATED_CHARACTERS)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


@torch.no_grad()
def measure(path: Path, log: Callable[[str], None] = print) -> list[Row]:
    """Every variant of one checkpoint, full precision first."""
    device = torch.device("cpu")
    task, hparams, model, checkpoint = load_model(path, device)
    examples = encoded_split(task, hparams, checkpoint, "test")
    setup = Setup(hparams, checkpoint.config["dataset"], checkpoint.fitted)
    one = task.batches(examples[:1] if isinstance(examples, list) else examples, 1, shuffle=False)[0]
    metric = FIGURES[task.name]
    rows: list[Row] = []
    for variant, make in VARIANTS.items():
        started = time.perf_counter()
        smaller = make(model)
        figure = float(task.evaluate(smaller, examples, device, setup)[metric])
        int8 = variant == "int8"
        rows.append(Row(task.name, path.name, variant, len(saved_bytes(smaller)) if int8 else (path / WEIGHTS).stat().st_size,
                        compressed_bytes(smaller), one_input_milliseconds(task, smaller, one), figure,
                        worse_by(metric, rows[0].figure, figure) if rows else 0.0,
                        generation_seconds(task, smaller, hparams, checkpoint) if task.name == "generation" else None))
        log(f"  {path.name}, {variant}: {metric} {figure:.4f} ({time.perf_counter() - started:.0f} s)")
    return rows


HEADER = ("| model | figure | variant | file MB | zipped MB | one input ms | test figure | worse by | holds | "
          f"{GENERATED_CHARACTERS} chars s |\n|---|---|---|---:|---:|---:|---:|---:|:-:|---:|")


def table_row(row: Row) -> str:
    metric = FIGURES[row.task]
    shown = f"{row.figure:.1%}" if metric in SHARES else f"{row.figure:.3f}" if metric in LOWER_IS_BETTER else f"{row.figure:.2f}"
    unit = "%" if metric in LOWER_IS_BETTER else " pt"
    full = row.variant == "full precision"
    name = metric + (f" ({BEAM_NOTE})" if row.task == "translation" else "")
    return (f"| {row.model if full else ''} | {name if full else ''} | {row.variant} | {row.file_bytes / 1e6:.2f} | "
            f"{row.zipped_bytes / 1e6:.2f} | {row.milliseconds:.1f} | {shown} | "
            f"{'' if full else f'{row.loss_points:+.2f}{unit}'} | {'' if full else '✓' if row.loss_points <= TOLERANCE else '✗'} | "
            f"{'' if row.generation_seconds is None else f'{row.generation_seconds:.2f}'} |")


def shipped_checkpoints(names: list[str] | None) -> list[Path]:
    found = sorted(path.parent for path in SHIPPED_CHECKPOINTS.glob(f"*/*/{WEIGHTS}"))
    return [path for path in found if not names or path.name in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="*", help="checkpoint folder names (default: every shipped model)")
    parser.add_argument("--out", type=Path, help="also write the markdown table here")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    lines = [f"Measured with {torch.get_num_threads()} thread, torch {torch.__version__}; 'worse by' is in percentage "
             f"points for accuracy and F1, BLEU points, and per cent of the loss; it holds within {TOLERANCE}.", "",
             HEADER]
    print("\n".join(lines), flush=True)
    for path in shipped_checkpoints(args.models):
        for row in measure(path, log=lambda message: print(message, flush=True)):
            lines.append(table_row(row))
            print(lines[-1], flush=True)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
