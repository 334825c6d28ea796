#!/usr/bin/env python3
"""Cross-validate the PLOVER type model with the whole coder, the way accuracy.py scores it.

    PYTHONPATH=. /tmp/venv/bin/python scripts/cv_type_model.py --coder ".venv/bin/python -m tacitus"

For each of K folds of ../shared/eval/plover-news.jsonl (scripts/train_type_model.py: stratified
by type, by sentence, fixed seed) a model is trained on the other folds and the regression corpus,
and the coder, with that model (TACITUS_TYPE_MODEL) and threshold 0, codes the held fold; the
held sentences are scored with ../shared/eval/accuracy.py's own functions. Model events below a
threshold are then left out, for each threshold in a grid, and with and without the sentences
whose rules dropped a trigger (`--explain`): the table says which threshold to ship. Nothing of a
held fold is seen by the model that codes it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train_type_model as tm  # noqa: E402

ACCURACY = tm.ROOT.parent / "shared" / "eval" / "accuracy.py"
GRID = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01)


def scorer():
    spec = importlib.util.spec_from_file_location("accuracy", ACCURACY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def code_fold(coder, rows, model_path, tmp):
    docs = Path(tmp) / "held.jsonl"
    docs.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], "published": "2020-01-01"}) + "\n"
                            for r in rows), encoding="utf-8")
    env = {**os.environ, "TACITUS_TYPE_MODEL": str(model_path), "TACITUS_TYPE_THRESHOLD": "0"}
    out = subprocess.run(shlex.split(coder) + ["code", "--format", "jsonl", "--explain", str(docs)],
                         capture_output=True, text=True, env=env, check=True)
    return {d["id"]: d for d in map(json.loads, (x for x in out.stdout.splitlines() if x.startswith("{")))}


def keep(doc, threshold, read_dropped):
    evs = doc.get("events") or []
    rules = [e for e in evs if e["evidence"].get("method") != "model"]
    if rules:
        return evs
    if doc.get("dropped") and not read_dropped:
        return []
    return [e for e in evs if (e["evidence"].get("confidence") or 0) >= threshold]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--coder", default=".venv/bin/python -m tacitus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--work", type=Path, default=None, help="keep the fold models and outputs here")
    args = ap.parse_args(argv)
    acc = scorer()
    news = tm.read(tm.NEWS)
    fold = tm.folds(news, args.folds)
    work = args.work or Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    docs = {}
    for k in range(args.folds):
        path = work / f"fold{k}.npz"
        cached = work / f"fold{k}.out.json"
        if not cached.exists():
            if not path.exists():
                tm.main(["--folds", str(args.folds), "--hold", str(k), "--out", str(path), "--C", str(args.C),
                         "--threshold", "0", "--read-dropped"])
            held = [r for r in news if fold[r["id"]] == k]
            cached.write_text(json.dumps(code_fold(args.coder, held, path, work)), encoding="utf-8")
        docs.update(json.loads(cached.read_text(encoding="utf-8")))
        print(f"fold {k} coded", file=sys.stderr)
    gold = [acc.OLD_NAMES.get(r["plover"], r["plover"]) for r in news]
    classes = sorted(set(gold))
    best = None
    print(f"{'threshold':>9} {'dropped':>8} {'accuracy':>8} {'macro F1':>8} {'coverage':>8} {'model events':>12}")
    for read_dropped in (False, True):
        for t in GRID:
            evs = {r["id"]: keep(docs[r["id"]], t, read_dropped) for r in news}
            pred = [acc.plover_type(e) if e else acc.NONE for e in (acc.main_event(r, evs[r["id"]]) for r in news)]
            a, macro, per = acc.scores(gold, pred, classes)
            cov = sum(bool(evs[r["id"]]) for r in news) / len(news)
            n_model = sum(any(e["evidence"].get("method") == "model" for e in evs[r["id"]]) for r in news)
            print(f"{t:9.2f} {'read' if read_dropped else 'skipped':>8} {a:8.3f} {macro:8.3f} {cov:8.3f} {n_model:12}")
            if best is None or (a, macro) > best[0]:
                best = ((a, macro), t, read_dropped, per, cov)
    (a, macro), t, read_dropped, per, cov = best
    print(f"\nbest: threshold {t}, dropped sentences {'read' if read_dropped else 'skipped'}: "
          f"accuracy {a:.3f} macro F1 {macro:.3f} coverage {cov:.3f}")
    print(f"{'type':10} {'gold':>5} {'precision':>9} {'recall':>7} {'F1':>6}")
    for c in sorted(classes, key=lambda c: -per[c][0]):
        ng, p, r, f = per[c]
        print(f"{c:10} {ng:5} {p:9.3f} {r:7.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
