"""The PLOVER type model: a linear classifier over hashed word and character n-grams of a sentence.

The rules (triggers, frames, arguments) code what they recognise; a sentence with actors but no
trigger the pattern book knows ("X slammed Y's decision", "X handed Y 50 tonnes of rice") gives
them nothing. The type model names the PLOVER type such a sentence reports, or NONE, from its
words alone; the stage in events/typed.py decides when to use it.

Features (the SAME function builds them when training, scripts/train_type_model.py, and here):
lower-cased word unigrams and bigrams and character 3- to 5-grams within each word (padded with
"<" and ">" so that the start and end of a word count), hashed into `buckets` bins by zlib.crc32
(stable across processes and platforms, unlike Python's salted hash()), counted, the counts made
sublinear (1 + log tf) and the vector scaled to unit length. The model is a multinomial logistic
regression; its weights are stored only for the bins training saw (tacitus/data/type_model.npz,
header tacitus/data/type_model.json). Runtime needs numpy alone.
"""
from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from functools import lru_cache

import numpy as np

from ..datafiles import data_path

BUCKETS = 1 << 18
NONE = "NONE"  # the class of a sentence that reports no event
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
CHAR_NGRAMS = (3, 4, 5)
MODEL_FILE, HEADER_FILE = "type_model.npz", "type_model.json"


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def feature_strings(text: str) -> list[str]:
    """Every feature of the text, with repeats: 'w:' words, 'b:' word pairs, 'c:' character n-grams."""
    toks = words(text)
    out = [f"w:{t}" for t in toks]
    out += [f"b:{a} {b}" for a, b in zip(toks, toks[1:])]
    for t in toks:
        padded = f"<{t}>"
        for n in CHAR_NGRAMS:
            out += [f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    return out


@lru_cache(maxsize=1 << 16)
def _bucket(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


@lru_cache(maxsize=1 << 16)
def _word_bins(word: str, buckets: int) -> tuple:
    """The bins of a word's own features (its 'w:' feature and its character n-grams), hashed once
    per word: a word's features do not depend on its neighbours, and words repeat."""
    padded = f"<{word}>"
    return (_bucket(f"w:{word}", buckets),) + tuple(
        _bucket(f"c:{padded[i:i + n]}", buckets) for n in CHAR_NGRAMS for i in range(len(padded) - n + 1))


def featurize(text: str, buckets: int = BUCKETS) -> tuple[np.ndarray, np.ndarray]:
    """(bins, values): the sorted hashed bins of the text's features and their sublinear, unit-length
    weights. Deterministic: the same text gives the same arrays in every process. The counts are
    those of feature_strings(text), the same multiset of features, counted word by word."""
    toks = words(text)
    counts: Counter = Counter()
    for t in toks:
        counts.update(_word_bins(t, buckets))
    counts.update(_bucket(f"b:{a} {b}", buckets) for a, b in zip(toks, toks[1:]))
    keys = sorted(counts)  # Python ints: the counts are looked up by these, not by numpy scalars
    bins = np.array(keys, dtype=np.int64)
    values = np.array([1.0 + math.log(counts[b]) for b in keys], dtype=np.float64)
    norm = float(np.sqrt((values * values).sum()))
    if norm:
        values /= norm
    return bins, values


class TypeModel:
    """The shipped weights: `classes`, the bins seen in training (`rows`, sorted), their weight rows
    (`weights`, one column per class) and the intercepts."""

    def __init__(self, classes, rows, weights, intercept, buckets=BUCKETS, header=None):
        self.classes = list(classes)
        self.rows = np.asarray(rows, dtype=np.int64)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.buckets = int(buckets)
        self.header = header or {}
        self.threshold = float(self.header.get("threshold", 0.5))

    @classmethod
    def load(cls, path=None) -> "TypeModel":
        """The model in tacitus/data (or at `path`, an .npz with its .json header beside it)."""
        npz = data_path(MODEL_FILE) if path is None else path
        header_path = str(npz)[:-len(".npz")] + ".json"
        with open(header_path, encoding="utf-8") as fh:
            header = json.load(fh)
        with np.load(npz) as arrays:
            return cls(header["classes"], arrays["rows"], arrays["weights"], arrays["intercept"],
                       header["buckets"], header)

    def scores(self, text: str) -> np.ndarray:
        bins, values = featurize(text, self.buckets)
        at = np.searchsorted(self.rows, bins)
        at = np.minimum(at, len(self.rows) - 1)
        seen = self.rows[at] == bins
        z = values[seen].astype(np.float32) @ self.weights[at[seen]] + self.intercept
        return z

    def probabilities(self, text: str) -> np.ndarray:
        z = self.scores(text).astype(np.float64)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable class of the sentence and its probability."""
        p = self.probabilities(text)
        k = int(p.argmax())
        return self.classes[k], float(p[k])
