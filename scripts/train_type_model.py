#!/usr/bin/env python3
"""Train the PLOVER type model (tacitus/events/typemodel.py) and write its weights to tacitus/data.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install '.[train]'
    PYTHONPATH=. /tmp/venv/bin/python scripts/train_type_model.py            # the shipped model
    PYTHONPATH=. /tmp/venv/bin/python scripts/train_type_model.py --folds 5 --hold 2 --out /tmp/m.npz

Training data, read in a fixed order (sorted by id) so that a rebuild gives the same file:
  ../shared/eval/plover-news.jsonl  real news sentences, the PLOVER type of each one's main event
  tests/golden/regression.jsonl     the regression corpus: the PLOVER type of its first expected
                                    event's CAMEO code (the package's ontology), NONE for a sentence
                                    that must give no event
  ../shared/eval/dev.jsonl          only with --with-dev (left out of the shipped model, so that
                                    the dev score stays a test)
RETREAT is trained as CONCEDE: the news set's annotators do not tell them apart.
--folds K --hold I leaves fold I of K of the news set out (folds stratified by type, by sentence,
dealt round-robin within each type after a shuffle with a fixed seed), for cross-validation
(scripts/cv_type_model.py). Multinomial logistic regression (scikit-learn, the `train` extra).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from tacitus.events.typemodel import BUCKETS, NONE, featurize
from tacitus.ontology import Cameo

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "eval" / "plover-news.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
REGRESSION = ROOT / "tests" / "golden" / "regression.jsonl"
OUT = ROOT / "tacitus" / "data" / "type_model.npz"
SAME = {"RETREAT": "CONCEDE"}
SEED = 16
VERSION = 1


def read(path):
    return sorted((json.loads(line) for line in open(path, encoding="utf-8") if line.strip()), key=lambda r: r["id"])


def folds(rows, k, seed=SEED):
    """{id: fold}: each type's sentences shuffled with a fixed seed and dealt round-robin."""
    by_type = {}
    for r in rows:
        by_type.setdefault(r["plover"], []).append(r["id"])
    out, rng, n = {}, random.Random(seed), 0
    for t in sorted(by_type):
        ids = by_type[t]
        rng.shuffle(ids)
        for i in ids:
            out[i] = n % k
            n += 1
    return out


def news_examples(rows):
    return [(r["text"], SAME.get(r["plover"], r["plover"])) for r in rows]


def corpus_examples(rows, cameo, code_field="code"):
    """(text, type) of each sentence: its first expected event's PLOVER type, NONE where none is
    expected; a sentence whose first event has no PLOVER type (a plain statement, 010) is left out."""
    out = []
    for r in rows:
        events = r.get("events", r.get("expected")) or []
        if not events:
            out.append((r["text"], NONE))
            continue
        code = events[0].get(code_field)
        plover = cameo.get(code).plover.type if code and cameo.get(code) else None
        if plover:
            out.append((r["text"], SAME.get(plover, plover)))
    return out


def train(examples, c=10.0, buckets=BUCKETS):
    rows, cols, vals = [], [], []
    for n, (text, _) in enumerate(examples):
        bins, values = featurize(text, buckets)
        rows += [n] * len(bins)
        cols += bins.tolist()
        vals += values.tolist()
    x = csr_matrix((vals, (rows, cols)), shape=(len(examples), buckets))
    y = [label for _, label in examples]
    model = LogisticRegression(C=c, max_iter=2000, tol=1e-5)
    model.fit(x, y)
    used = np.unique(x.indices)
    return list(model.classes_), used, model.coef_[:, used].T, model.intercept_


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--hold", type=int, default=-1, help="the fold of the news set to leave out")
    ap.add_argument("--with-dev", action="store_true")
    ap.add_argument("--no-regression", action="store_true")
    ap.add_argument("--C", type=float, default=10.0, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.5, help="written to the header; chosen by CV")
    ap.add_argument("--read-dropped", action="store_true",
                    help="the stage also reads sentences whose rules dropped a trigger (for CV)")
    args = ap.parse_args(argv)
    cameo = Cameo()
    news = read(NEWS)
    if args.folds:
        fold = folds(news, args.folds)
        news = [r for r in news if fold[r["id"]] != args.hold]
    examples = news_examples(news)
    sources = {"plover-news.jsonl": sha(NEWS)}
    if not args.no_regression:
        examples += corpus_examples(read(REGRESSION), cameo)
        sources["regression.jsonl"] = sha(REGRESSION)
    if args.with_dev:
        examples += corpus_examples(read(DEV), cameo)
        sources["dev.jsonl"] = sha(DEV)
    classes, used, weights, intercept = train(examples, args.C)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, rows=used.astype(np.int32), weights=weights.astype(np.float16),
                        intercept=intercept.astype(np.float32))
    header = {"version": VERSION, "classes": classes, "buckets": BUCKETS, "threshold": args.threshold,
              "skip_dropped": not args.read_dropped,
              "C": args.C, "examples": len(examples), "features": int(len(used)), "sources": sources,
              "folds": args.folds, "held_fold": args.hold if args.folds else None, "seed": SEED}
    args.out.with_suffix(".json").write_text(json.dumps(header, indent=1) + "\n", encoding="utf-8")
    print(f"{len(examples)} examples, {len(classes)} classes, {len(used)} bins -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
