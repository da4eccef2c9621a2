"""Dynamic int8 quantisation: the weights of the recurrent and linear layers stored as 8-bit integers (one
scale per tensor), the activations quantised on the fly at each call, so no calibration data is needed.

Which API: PyTorch's eager-mode `torch.ao.quantization.quantize_dynamic`, although PyTorch marks it deprecated
in favour of torchao. torchao's `quantize_` (0.18) converts nn.Linear only, and most of these models' weights sit in
their LSTM and GRU layers; on a 2-core x86 CPU at batch 1 it was also slower than full precision (a 512x2048 +
2048x100 MLP: 3.6 ms with int8 dynamic activations, 0.67 ms weight-only, 0.58 ms in fp32), while
`quantize_dynamic` made 200 Shakespeare characters 1.6 times faster (0.24 s to 0.15 s) and its weights 13.3 to
3.4 MB. It ships inside torch, so the torch pin in requirements.txt holds it; a torch upgrade must re-check it.

It is not faster everywhere: every step of an int8 LSTM quantises its input and state first, which costs more
than a narrow layer saves. The text generator's 512-unit layers gain (above), but a 64-unit LSTM reading 150
words took 2.0 ms against 0.5 ms in fp32 (fastest of 50, one thread), and the small classifiers slow down likewise.

What stays in full precision: embedding tables (an int8 table needs another scheme, and the movie-review
model's 1.5 M-entry table is most of it: it barely shrinks, which the compression table shows), vanilla RNN
layers (PyTorch has no dynamic int8 kernel for them), attention's own projections, S4D's recurrence
parameters, convolutions, norms and CRF transitions.
"""

import warnings

import torch
from torch import nn

QUANTIZED_LAYERS = {nn.LSTM, nn.GRU, nn.Linear}  # exact types: attention's NonDynamicallyQuantizableLinear stays


def quantized(model: nn.Module) -> nn.Module:
    """An int8 copy of `model` for CPU inference (the original is untouched), in eval mode. Its LSTM and GRU
    layers become PyTorch's dynamic quantised modules, called the same way (`LanguageModel.step` then runs
    them one step at a time through their own forward)."""
    with warnings.catch_warnings():  # the deprecation notice, repeated on every call; the docstring says why
        warnings.filterwarnings("ignore", message=r".*(deprecated|will be removed).*")
        return torch.ao.quantization.quantize_dynamic(model, quantizable(model), dtype=torch.qint8).eval()


def quantizable(model: nn.Module) -> set[str]:
    """The names of the layers int8 takes: LSTM, GRU and linear layers, except inside a Transformer layer, whose
    fused forward reads its linear layers' weights as tensors (an int8 layer's `weight` is a method)."""
    inside_transformer = {f"{name}.{inner}" for name, module in model.named_modules()
                          if isinstance(module, nn.TransformerEncoderLayer) for inner, _ in module.named_modules()}
    return {name for name, module in model.named_modules()
            if type(module) in QUANTIZED_LAYERS and name not in inside_transformer}

