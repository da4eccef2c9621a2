"""Choosing where tensors live."""

import torch

from ..catalogue import t

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


class DeviceUnavailable(RuntimeError):
    """The user asked for an accelerator this machine does not have."""


def resolve_device(name: str = "auto") -> torch.device:
    """`auto` picks CUDA, then Apple's MPS, then the CPU. Asking for a missing accelerator is an error."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise DeviceUnavailable("--device cuda was asked for, but PyTorch sees no CUDA GPU")
    if name == "mps" and not torch.backends.mps.is_available():
        raise DeviceUnavailable("--device mps was asked for, but this PyTorch has no Apple MPS support")
    if name not in DEVICE_CHOICES:
        raise ValueError(f"Unknown device '{name}'; choose one of {', '.join(DEVICE_CHOICES)}")
    return torch.device(name)


def describe_device(device: torch.device, lang: str = "en") -> str:
    """The device in words ("CPU (2 threads)"), in the visitor's language."""
    if device.type == "cuda":
        return t("device.cuda", lang, name=torch.cuda.get_device_name(device))
    if device.type == "mps":
        return t("device.mps", lang)
    threads = torch.get_num_threads()
    return t("device.cpu_one_thread", lang) if threads == 1 else t("device.cpu", lang, threads=threads)
