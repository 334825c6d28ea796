#!/usr/bin/env python3
"""Benchmark: end-to-end coding speed and peak memory, with spaCy's own speed beside it.

    python bench/bench_coder.py [--corpus own wire articles] [--workers 1 2] [--out bench/out/coder.json]

End to end means what `tacitus code` does: JSON-lines documents in, sentence splitting, language
analysis, actors, events, dates, and JSON out; with --workers N > 1 through the same process pool
(`tacitus.scale.code_stream`), each worker loading the coder once. The model is loaded before
timing. Each (corpus, workers) run is a fresh process, so its peak memory is its own. Beside each,
the ceiling: spaCy's stock pipeline as the coder loads it less NER (tok2vec, tagger, parser,
attribute ruler, lemmatizer) over the same sentences with `nlp.pipe` (`n_process` = workers), so
every figure is also a ratio. The corpora:
  own       the repository's own texts: the sentences of samples/ and tests/golden/sentences.jsonl,
            shuffled with a fixed seed into 1,500 documents of 8-16 sentences, each dated
  wire      ../shared/eval/dev.jsonl sentences in 40 documents of 75 (bench/bench_alternate.py)
  articles  the English articles and readouts in ../shared, repeated to at least 5,000 sentences
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
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


def corpus(name):
    """The corpus `name` as JSON lines."""
    if name == "own":
        return build_corpus(1500)
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_alternate
    return [json.dumps(d) for d in bench_alternate.CORPORA[name]()]


def peak_mb():
    """(this process's peak RSS, the largest peak of its finished children), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own), round(children)


def time_coder(path, workers):
    """One run of the coder on the corpus file: the figures as a dict."""
    from tacitus.ingest.readers import Problem, Reader
    from tacitus.pipeline import Coder
    from tacitus.scale import code_stream
    docs = [d for d in Reader().read([path]) if not isinstance(d, Problem)]
    coder = Coder() if workers == 1 else None
    if coder is not None:
        coder.code_batch([docs[0]])  # the parser's first call is slow
    stream = code_stream(iter(docs), workers=workers, coder=coder)  # a pool's workers load here
    start = time.perf_counter()
    n_sent = n_events = 0
    for doc in stream:
        n_sent += len(doc.sentences)
        n_events += len(doc.events)
        document_json(doc)
    elapsed = time.perf_counter() - start
    own, children = peak_mb()
    return {"documents": len(docs), "sentences": n_sent, "events": n_events, "seconds": round(elapsed, 2),
            "sentences_per_s": round(n_sent / elapsed, 1),
            "peak_rss_mb_per_process": own if workers == 1 else children}


def time_spacy(path, workers):
    """spaCy alone on the corpus's sentences (as the coder splits them): sentences per second."""
    from tacitus.ingest.readers import Problem, Reader
    from tacitus.nlp.spacy_model import DEFAULT_MODEL
    import spacy
    texts = []
    for doc in Reader().read([path]):
        if not isinstance(doc, Problem):
            texts.extend(doc.text[s:e] for s, e in split_sentences(doc.text))
    nlp = spacy.load(os.environ.get("TACITUS_MODEL") or DEFAULT_MODEL, exclude=["ner"])
    list(nlp.pipe(texts[:50]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256, n_process=workers):
        pass
    elapsed = time.perf_counter() - start
    return {"spacy_sentences": len(texts), "spacy_sentences_per_s": round(len(texts) / elapsed, 1)}


def child(kind, path, workers):
    result = time_coder(path, workers) if kind == "coder" else time_spacy(path, workers)
    print(json.dumps(result))


def run(kind, path, workers):
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(workers)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=["own", "wire", "articles"], choices=["own", "wire", "articles"])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "coder.json"))
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], int(args.child[2]))
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.corpus:
        if name != "own" and not (ROOT.parent / "shared").is_dir():
            print(f"{name}: skipped, ../shared is absent", file=sys.stderr)
            continue
        path = out.parent / f"corpus-{name}.jsonl"
        path.write_text("\n".join(corpus(name)) + "\n", encoding="utf-8")
        for w in args.workers:
            r = {"corpus": name, "workers": w, **run("coder", path, w), **run("spacy", path, w)}
            r["ratio_to_spacy"] = round(r["sentences_per_s"] / r["spacy_sentences_per_s"], 3)
            results.append(r)
            print(json.dumps(r), flush=True)
    machine = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
               "processor": platform.processor() or platform.machine()}
    out.write_text(json.dumps({"machine": machine, "results": results}, indent=1))
    print("| corpus | workers | documents | sentences | seconds | sentences/s | spaCy alone, sentences/s | ratio | events | peak RSS per process (MB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['corpus']} | {r['workers']} | {r['documents']:,} | {r['sentences']:,} | {r['seconds']} | "
              f"{r['sentences_per_s']:,} | {r['spacy_sentences_per_s']:,} | {r['ratio_to_spacy']} | {r['events']:,} | "
              f"{r['peak_rss_mb_per_process']} |")


if __name__ == "__main__":
    main()
