#!/usr/bin/env python3
"""Benchmark: end-to-end coding speed and peak memory on a corpus built from the repo's own texts.

    python bench/bench_coder.py [--docs 1500] [--workers 1 2] [--out bench/out/coder.json]

The corpus: the sentences of samples/ and tests/golden/, shuffled with a fixed seed into documents
of 8-16 sentences, each dated. End to end means: JSON-lines text in, sentence splitting, language
analysis, actors, events, and JSON out, as `tacitus code` does. With --workers N > 1, documents are
split into chunks coded by N processes, each loading the coder once.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tacitus.ingest.readers import Reader  # noqa: E402
from tacitus.nlp.sentences import split_sentences  # noqa: E402
from tacitus.output import document_json  # noqa: E402


def own_sentences():
    texts = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in [ROOT / "samples" / "news.jsonl", ROOT / "tests" / "golden" / "sentences.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    for item in Reader().read([str(ROOT / "samples" / "briefing.html")]):
        texts.append(item.text)
    out = []
    for text in texts:
        out.extend(text[s:e].replace("\n", " ") for s, e in split_sentences(text))
    return [s for s in out if len(s) > 20]


def build_corpus(n_docs, seed=7, sentences_per_doc=(8, 16)):
    rng = random.Random(seed)
    sentences = own_sentences()
    lines = []
    for i in range(n_docs):
        k = rng.randint(*sentences_per_doc)
        text = " ".join(rng.choice(sentences) for _ in range(k))
        lines.append(json.dumps({"id": f"bench-{i}", "text": text,
                                 "published": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}))
    return lines


def code_lines(lines):
    """Worker: JSON lines in, (documents, sentences, events, bytes of output) out."""
    from tacitus.pipeline import Coder
    coder = _coder_cache.get("coder") or _coder_cache.setdefault("coder", Coder())
    reader = Reader()
    docs = list(reader._jsonl((line.encode("utf-8") for line in lines), "bench"))
    n_sent = n_events = out_bytes = 0
    for doc in coder.pipe(docs, batch_size=64):
        n_sent += len(doc.sentences)
        n_events += len(doc.events)
        out_bytes += len(document_json(doc))
    return len(docs), n_sent, n_events, out_bytes


_coder_cache = {}


def _warm(_):
    from tacitus.pipeline import Coder
    _coder_cache.setdefault("coder", Coder())
    return os.getpid()


def peak_mb():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run(lines, workers):
    if workers == 1:
        _warm(0)
        start = time.perf_counter()
        totals = code_lines(lines)
    else:
        chunks = [lines[i::workers * 4] for i in range(workers * 4)]
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_warm, range(workers)))  # load the model in every worker before timing
            start = time.perf_counter()
            results = list(pool.map(code_lines, chunks))
        totals = tuple(sum(r[i] for r in results) for i in range(4))
    elapsed = time.perf_counter() - start
    docs, sents, events, _ = totals
    own, children = peak_mb()
    return {"workers": workers, "documents": docs, "sentences": sents, "events": events,
            "seconds": round(elapsed, 2), "docs_per_s": round(docs / elapsed, 1),
            "sentences_per_s": round(sents / elapsed, 1),
            "peak_rss_mb_main": round(own), "peak_rss_mb_worker": round(children) if workers > 1 else round(own)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "coder.json"))
    args = ap.parse_args()
    lines = build_corpus(args.docs)
    results = []
    for w in args.workers:
        results.append(run(lines, w))
        print(json.dumps(results[-1]), flush=True)
    machine = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine()}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"machine": machine, "results": results}, indent=1))
    print(f"| workers | documents | sentences | seconds | sentences/s | documents/s | events | peak RSS per process (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['documents']:,} | {r['sentences']:,} | {r['seconds']} | {r['sentences_per_s']:,} | "
              f"{r['docs_per_s']:,} | {r['events']:,} | {r['peak_rss_mb_worker']} |")


if __name__ == "__main__":
    main()
