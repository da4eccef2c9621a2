"""The cosine learning-rate schedule, as a pure function of the step (nanoGPT's `get_lr`)."""

import math

WARMUP_FRACTION = 0.02  # of all steps: a short linear warm-up from near zero
FLOOR = 0.1  # the rate ends at this fraction of its peak, not at zero


def get_lr(step: int, total_steps: int, peak: float) -> float:
    """The learning rate for optimiser step `step` (from 0) of `total_steps`: a linear warm-up over the first
    2 % of steps, then half a cosine down to a tenth of `peak` at the last step."""
    warmup = max(1, int(WARMUP_FRACTION * total_steps))
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total_steps - warmup))
    return peak * (FLOOR + (1 - FLOOR) * 0.5 * (1 + math.cos(math.pi * progress)))
