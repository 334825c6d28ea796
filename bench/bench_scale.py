#!/usr/bin/env python3
"""Benchmark scale-out: `tacitus ingest --workers N` end to end (raw text to stored events) and the
Dask local cluster, with peak memory per process; and a large synthetic corpus coded and stored
with memory sampled over time to show that it stays flat.

    python bench/bench_scale.py [--docs 3000] [--big 100000]

The corpus is built from the repository's own texts (bench_coder.build_corpus).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_coder import build_corpus  # noqa: E402


def tree_rss_mb(pid):
    """Resident memory of a process and each of its descendants, in MB."""
    out = {}
    try:
        children = subprocess.run(["ps", "-o", "pid=,rss=", "--ppid", str(pid)], capture_output=True,
                                  text=True).stdout.split("\n")
        own = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True).stdout.strip()
        out[pid] = int(own or 0) / 1024
        for line in children:
            if line.strip():
                cpid, rss = line.split()
                out[int(cpid)] = int(rss) / 1024
    except (ValueError, OSError):
        pass
    return out


def run_ingest(corpus, db, workers):
    cmd = [sys.executable, "-m", "tacitus", "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
           "--batch-size", "64"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
    samples = []
    while proc.poll() is None:
        samples.append((round(time.perf_counter() - start, 1), tree_rss_mb(proc.pid)))
        time.sleep(1.0)
    err = proc.stderr.read()
    elapsed = time.perf_counter() - start
    line = [x for x in err.splitlines() if " coded" in x][-1]
    sentences = int(line.split(";")[1].split("sentences")[0].strip().replace(",", ""))
    peak = max((max(s.values()) for _, s in samples if s), default=0)
    return {"workers": workers, "seconds": round(elapsed, 1), "sentences": sentences,
            "sentences_per_s": round(sentences / elapsed, 1), "peak_rss_mb_per_process": round(peak),
            "rss_over_time": [(t, round(sum(s.values()))) for t, s in samples[:: max(1, len(samples) // 20)]],
            "summary": line}


def run_dask(corpus, out, workers):
    from tacitus.scale.dask_run import cluster_code
    start = time.perf_counter()
    summary = cluster_code([str(corpus)], str(out), workers=workers, blocksize="1MB")
    elapsed = time.perf_counter() - start
    return {"workers": workers, "seconds": round(elapsed, 1), "documents": summary["documents"],
            "documents_per_s": round(summary["documents"] / elapsed, 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--big", type=int, default=0, help="also code and store a corpus of this many documents")
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(build_corpus(args.docs)) + "\n")
        results["ingest"] = []
        for w in (1, 2):
            r = run_ingest(corpus, Path(tmp) / f"w{w}.duckdb", w)
            results["ingest"].append(r)
            print(json.dumps({k: v for k, v in r.items() if k != "rss_over_time"}), flush=True)
        n_sent = results["ingest"][0]["sentences"]
        r = run_dask(corpus, Path(tmp) / "dask-out", 2)
        r["sentences_per_s"] = round(n_sent / r["seconds"], 1)
        results["dask"] = r
        print(json.dumps(r), flush=True)
        if args.big:
            big = Path(tmp) / "big.jsonl"
            with big.open("w") as fh:  # wire-length items: 2 to 6 sentences
                for line in build_corpus(args.big, seed=11, sentences_per_doc=(2, 6)):
                    fh.write(line + "\n")
            r = run_ingest(big, Path(tmp) / "big.duckdb", 2)
            results["big"] = r
            print(json.dumps(r), flush=True)
    out = ROOT / "bench" / "out" / "scale.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
