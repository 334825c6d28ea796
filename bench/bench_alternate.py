#!/usr/bin/env python3
"""Old against new: the coder of two source trees timed alternately on the same corpora, same machine.

    python bench/bench_alternate.py --old /path/to/old/checkout [--new .] [--rounds 5]
                                    [--corpus own wire articles] [--out bench/out/alternate.json]

Each round codes every corpus once with each tree, old then new (the order flips every round), in a
fresh process per run (`PYTHONPATH=TREE python bench/bench_alternate.py --worker ...`), the model
loaded before timing. Run-to-run noise on a shared 2-core machine is a few per cent: compare the
means over rounds, not single runs. Each run also reports its CPU time: on a machine shared with other
work, sentences per CPU second are steadier than per wall-clock second. The corpora:
  own       the repository's own texts, as bench/bench_coder.py builds them (1,500 documents)
  wire      ../shared/eval/dev.jsonl sentences (codebook sentences of real wire copy), shuffled with
            a fixed seed into 40 documents of 75 sentences
  articles  the English articles and readouts of ../shared/articles and ../shared/readouts, repeated
            until there are at least 5,000 sentences
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def wire_corpus(docs=40, per_doc=75, seed=11):
    rows = [json.loads(line) for line in (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rng = random.Random(seed)
    out = []
    for i in range(docs):
        picked = [rng.choice(rows)["text"] for _ in range(per_doc)]
        out.append({"id": f"wire-{i}", "text": "\n".join(picked), "published": "2024-03-15"})
    return out


def article_corpus(min_sentences=5000):
    sys.path.insert(0, str(ROOT))
    from tacitus.nlp.sentences import split_sentences
    paths = sorted((SHARED / "articles").glob("*.txt")) + sorted((SHARED / "readouts").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out, n = [], 0
    while n < min_sentences:
        for text in texts:
            out.append({"id": f"article-{len(out)}", "text": text, "published": None})
            n += sum(1 for _ in split_sentences(text))
    return out


def own_corpus():
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_coder import build_corpus
    return [json.loads(line) for line in build_corpus(1500)]


CORPORA = {"own": own_corpus, "wire": wire_corpus, "articles": article_corpus}


def worker(corpus_path):
    """Time one tree (the one on PYTHONPATH) on one corpus; print one JSON line."""
    from tacitus.ingest.readers import Problem, Reader
    from tacitus.output import document_json
    from tacitus.pipeline import Coder
    coder = Coder()

    def read():  # the reader's public path, the same in both trees
        return [d for d in Reader().read([corpus_path]) if not isinstance(d, Problem)]

    coder.code_batch(read()[:2])  # warm the parser's first call
    docs = read()
    if not docs:
        raise SystemExit(f"{corpus_path}: no documents read")
    start, cpu = time.perf_counter(), time.process_time()
    sentences = events = 0
    for doc in coder.pipe(docs, batch_size=64):
        sentences += len(doc.sentences)
        events += len(doc.events)
        document_json(doc)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    import resource
    print(json.dumps({"sentences": sentences, "events": events, "seconds": elapsed, "cpu_seconds": cpu,
                      "sentences_per_s": sentences / elapsed, "sentences_per_cpu_s": sentences / cpu,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_tree(tree, corpus_path):
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(corpus_path)],
                          capture_output=True, text=True, env=env, cwd=tree)
    if proc.returncode:
        raise SystemExit(f"{tree}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", type=Path)
    ap.add_argument("--new", type=Path, default=ROOT)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", nargs="+", default=["own", "wire"], choices=sorted(CORPORA))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "alternate.json")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.old is None:
        ap.error("--old is required")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in args.corpus:
        # absolute: each worker runs with its own tree as working directory
        paths[name] = (args.out.parent / f"corpus-{name}.jsonl").resolve()
        paths[name].write_text("".join(json.dumps(d) + "\n" for d in CORPORA[name]()), encoding="utf-8")
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    runs = {name: {"old": [], "new": []} for name in args.corpus}
    for r in range(args.rounds):
        order = ("old", "new") if r % 2 == 0 else ("new", "old")
        for name in args.corpus:
            for which in order:
                res = run_tree(trees[which], paths[name])
                runs[name][which].append(res)
                print(f"round {r + 1} {name} {which}: {res['sentences_per_s']:.0f} sentences/s "
                      f"({res['sentences']} sentences, {res['events']} events, {res['peak_rss_mb']:.0f} MB)",
                      flush=True)
    summary = summarise(runs)
    machine = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine()}
    args.out.write_text(json.dumps({"machine": machine, "trees": {k: str(v) for k, v in trees.items()},
                                    "summary": summary, "runs": runs}, indent=1))
    print("| corpus | sentences | old sentences/s | new sentences/s | new/old | new/old by CPU time | events old / new |")
    print("|---|---|---|---|---|---|---|")
    for name, s in summary.items():
        by_cpu = f"{s['cpu_ratio']:.3f}" if s["cpu_ratio"] else "-"
        print(f"| {name} | {s['sentences']:,} | {s['old']:.0f} | {s['new']:.0f} | {s['ratio']:.3f} | {by_cpu} | "
              f"{s['events_old']:,} / {s['events_new']:,} |")


def summarise(runs):
    out = {}
    for name, by in runs.items():
        mean = {k: sum(r["sentences_per_s"] for r in v) / len(v) for k, v in by.items()}
        cpu = {k: sum(r.get("sentences_per_cpu_s", 0) for r in v) / len(v) for k, v in by.items()}
        out[name] = {"sentences": by["new"][0]["sentences"], "old": mean["old"], "new": mean["new"],
                     "ratio": mean["new"] / mean["old"], "cpu_ratio": cpu["new"] / cpu["old"] if cpu["old"] else None, "events_old": by["old"][0]["events"],
                     "events_new": by["new"][0]["events"]}
    return out


if __name__ == "__main__":
    main()
