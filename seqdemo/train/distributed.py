"""Helpers for data-parallel training across processes (torchrun + DistributedDataParallel).

With one process every helper is a no-op, so the trainer reads the same either way. With N
processes every rank builds the same batches (same seed), takes its own slice of each one, and
DDP averages the gradients: a step sees exactly the examples a single process would.
"""

import contextlib
import dataclasses
import os
from collections.abc import Iterator
from typing import Any

import torch
import torch.distributed as dist


def launched_by_torchrun() -> bool:
    return int(os.environ.get("WORLD_SIZE", "1")) > 1


def backend_for(device: torch.device) -> str:
    """gloo for CPU tensors; on CUDA, nccl for the gradients and gloo beside it, so that the small CPU
    tensors and objects of `any_rank` and `from_main` have a backend that takes them (nccl alone refuses)."""
    return "cpu:gloo,cuda:nccl" if device.type == "cuda" else "gloo"


@contextlib.contextmanager
def session(device: torch.device) -> Iterator[torch.device]:
    """Join the process group torchrun set up (on this machine or across several), for the length of a run,
    and yield the device this rank trains on: on CUDA, the GPU of its local rank. Alone, a no-op."""
    if not launched_by_torchrun() or (dist.is_available() and dist.is_initialized()):
        yield device
        return
    if device.type == "cuda":
        local = int(os.environ.get("LOCAL_RANK", "0"))
        device = torch.device("cuda", local % torch.cuda.device_count())
        torch.cuda.set_device(device)  # before the group exists, so nccl binds each rank to its own GPU
    dist.init_process_group(backend_for(device))
    try:
        yield device
    finally:
        dist.destroy_process_group()


def world_size() -> int:
    return dist.get_world_size() if dist.is_available() and dist.is_initialized() else 1


def rank() -> int:
    return dist.get_rank() if dist.is_available() and dist.is_initialized() else 0


def is_main() -> bool:
    return rank() == 0


def batch_size_of(batch: Any) -> int:
    for value in (batch if isinstance(batch, (tuple, list)) else
                  [getattr(batch, f.name) for f in dataclasses.fields(batch)]):
        if isinstance(value, torch.Tensor):
            return value.shape[0]
    raise TypeError(f"Cannot find the batch dimension of a {type(batch).__name__}")


def shard(batch: Any) -> Any:
    """This rank's rows of a batch (a dataclass or tuple whose tensors are batch-first)."""
    world = world_size()
    if world == 1:
        return batch
    take = lambda value: value[rank()::world] if isinstance(value, torch.Tensor) else value  # noqa: E731
    if isinstance(batch, (tuple, list)):
        return type(batch)(take(v) for v in batch)
    return dataclasses.replace(batch, **{f.name: take(getattr(batch, f.name)) for f in dataclasses.fields(batch)})


def any_rank(flag: bool) -> bool:
    """True on every rank if it is True on any rank (so all ranks stop at the same step)."""
    if world_size() == 1:
        return flag
    value = torch.tensor([int(flag)])
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return bool(value.item())


def from_main(value: Any) -> Any:
    """Rank 0's value, on every rank (validation runs once, on rank 0)."""
    if world_size() == 1:
        return value
    holder = [value]
    dist.broadcast_object_list(holder, src=0)
    return holder[0]
