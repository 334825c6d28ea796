#!/usr/bin/env python3
"""Benchmark: peak memory of `tacitus code` on one large plain-text document.

    python bench/bench_memory.py [--sizes 1 5 20] [--workdir /tmp/tacitus-bench-memory] [--out FILE]

For each size (in MB, 10**6 bytes) it writes one document of generated wire-like sentences
(paragraphs of three to six sentences, a fixed seed, so every run codes the same text), then runs
`python -m tacitus code` on it in a child process with the size limit lifted (--max-bytes just above
the file's size) and reads that child's own peak resident memory from os.wait4. The figure is what
one `tacitus code` process needs for the whole document: model, dictionaries and every sentence of
the document in flight at once. Rerun it after coding moves to bounded chunks of sentences: the
peak should then stop growing with the size. A last line says whether the default limit refuses
the largest size, and with what message.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COUNTRIES = ["Russia", "China", "India", "Japan", "France", "Germany", "Brazil", "Chile", "Peru", "Kenya",
             "Egypt", "Turkey", "Iran", "Israel", "Ukraine", "Poland", "Mexico", "Canada", "Australia", "Spain"]
OFFICIALS = ["foreign minister", "defence minister", "president", "prime minister", "trade minister",
             "ambassador", "interior minister"]
ACTIONS = ["signed a trade agreement with", "held talks with", "accused", "criticised", "praised",
           "threatened sanctions against", "agreed to expand energy cooperation with", "met the envoy of",
           "condemned the missile test by", "offered humanitarian aid to", "expelled two diplomats of",
           "called for a ceasefire with", "urged restraint on", "rejected the proposal of"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "in March",
        "on Sunday", "earlier this month", "yesterday"]
TAILS = ["according to a statement from the ministry", "officials said", "state media reported",
         "after a meeting in the capital", "in a joint communique", "the spokesman told reporters",
         "amid rising tension over the border", "during a visit to the region"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    if rng.random() < 0.4:
        a = f"The {rng.choice(OFFICIALS)} of {a}"
    return f"{a} {rng.choice(ACTIONS)} {b} {rng.choice(WHEN)}, {rng.choice(TAILS)}."


def generate(size: int, seed: int = 15, one_line: bool = False) -> str:
    """About `size` bytes of wire-like paragraphs (ASCII, so characters are bytes); with `one_line`,
    the same sentences as one line with no paragraph breaks, as a scraped page may give."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(para)
        total += len(para) + 2
    return (" " if one_line else "\n\n").join(paragraphs)[:size - 1].rstrip() + "\n"


def peak_of(cmd: list) -> dict:
    """Run `cmd` as a child; its exit status, wall seconds, peak RSS (MB) and last stderr line."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err.strip().splitlines()
    refusal = [line for line in lines if "too large" in line]
    return {"rc": proc.returncode, "seconds": round(time.perf_counter() - start, 1),
            "peak_mb": round(usage.ru_maxrss / 1024), "stderr": lines[-1] if lines else "",
            "refusal": refusal[0] if refusal else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="document sizes in MB")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/tacitus-bench-memory"))
    ap.add_argument("--one-line", action="store_true", help="the whole document on one line")
    ap.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    from tacitus.ingest.readers import DEFAULT_MAX_BYTES
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    print(f"{'MB':>6} {'chars':>12} {'seconds':>8} {'peak RSS MB':>12}  exit  summary")
    for mb in args.sizes:
        path = args.workdir / f"wire-{mb:g}mb{'-one-line' if args.one_line else ''}.txt"
        path.write_text(generate(int(mb * 1_000_000), one_line=args.one_line), encoding="utf-8")
        size = path.stat().st_size
        row = peak_of([sys.executable, "-m", "tacitus", "code", str(path), "--published", "2024-05-20",
                       "--max-bytes", str(size + 1)])
        results.append({"mb": mb, "bytes": size, "path": str(path), **row})
        print(f"{mb:>6g} {size:>12,} {row['seconds']:>8} {row['peak_mb']:>12,}  {row['rc']:>4}  {row['stderr']}")
    largest = max(results, key=lambda r: r["bytes"])
    refused = peak_of([sys.executable, "-m", "tacitus", "code", largest["path"]])
    print(f"default limit {DEFAULT_MAX_BYTES:,} bytes on the {largest['mb']:g} MB text: exit {refused['rc']}, "
          f"peak {refused['peak_mb']:,} MB: {refused['refusal'] or refused['stderr']}")
    if args.out:
        args.out.write_text(json.dumps({"default_max_bytes": DEFAULT_MAX_BYTES, "results": results,
                                        "default_limit": refused}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
