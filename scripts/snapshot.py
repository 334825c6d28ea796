#!/usr/bin/env python3
"""Snapshot the coder's output on every corpus we must not change, and diff two snapshots.

    python scripts/snapshot.py snap OUTDIR            # code each corpus, one JSON-lines file each
    python scripts/snapshot.py diff OLD NEW [--base REV]

A refactor that claims "output unchanged" proves it with `diff`: every document's JSON must be
equal, byte for byte once serialised, apart from `evidence.pattern` and, under `coder`, the data
files' hash and the pattern count (they name the dictionaries' version and change with any data
edit). `evidence.pattern` was `file:line` before patterns had ids; `diff` maps both sides to the
pattern's id by reading the pattern files as they were at REV (the snapshot's commit) and as they
are now, matching entries by content.

The corpora: ../shared/eval/dev.jsonl and plover-news.jsonl, tests/golden/*.jsonl, samples/,
../shared/readouts/*.txt and ../shared/articles/*.txt (English only).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def corpora():
    out = {
        "dev": [SHARED / "eval" / "dev.jsonl"],
        "news": [SHARED / "eval" / "plover-news.jsonl"],
        "golden": [ROOT / "tests" / "golden" / "sentences.jsonl"],
        "coverage": [ROOT / "tests" / "golden" / "coverage.jsonl"],
        "samples": sorted(p for p in (ROOT / "samples").iterdir() if p.is_file()),
        "readouts": sorted((SHARED / "readouts").glob("*.txt")),
        "articles": sorted((SHARED / "articles").glob("*.txt")),
    }
    return {k: [p for p in v if p.exists()] for k, v in out.items()}


def snap(outdir: Path, python: str):
    outdir.mkdir(parents=True, exist_ok=True)
    for name, paths in corpora().items():
        if not paths:
            continue
        cmd = [python, "-m", "tacitus", "code", "--format", "jsonl", *map(str, paths)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        (outdir / f"{name}.jsonl").write_text(proc.stdout, encoding="utf-8")
        print(f"{name}: {len(proc.stdout.splitlines())} documents; {proc.stderr.strip().splitlines()[-1:]}")


def _strip(entry: dict) -> str:
    # an entry is the same pattern with a new id or an explicit tie priority: neither says what it matches
    return json.dumps({k: v for k, v in entry.items() if k not in ("id", "priority")}, sort_keys=True)


def _pattern_files(read) -> dict:
    """{file:line -> content key} for the pattern files as `read(name)` gives them."""
    out = {}
    for name in ("patterns.jsonl", "patterns_readouts.jsonl"):
        text = read(name)
        if text is None:
            continue
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip():
                entry = json.loads(line)
                out[f"{name}:{i}"] = (entry.get("id"), _strip(entry))
    return out


def pattern_map(base: str | None) -> dict:
    """Map any pattern reference (old file:line at `base`, or an id now) to one canonical key."""
    def now(name):
        p = ROOT / "tacitus" / "data" / name
        return p.read_text(encoding="utf-8") if p.exists() else None

    def then(name):
        proc = subprocess.run(["git", "show", f"{base}:tacitus/data/{name}"], capture_output=True, text=True,
                              cwd=ROOT)
        return proc.stdout if proc.returncode == 0 else None

    current = _pattern_files(now)
    by_content = {content: (pid or ref) for ref, (pid, content) in current.items()}
    mapping = {ref: (pid or ref) for ref, (pid, _) in current.items()}
    mapping.update({pid: pid for pid, _ in current.values() if pid})
    if base:
        for ref, (_, content) in _pattern_files(then).items():
            mapping[ref] = by_content.get(content, f"unmatched {ref}")
    return mapping


def normalise(line: str, mapping: dict) -> str:
    doc = json.loads(line)
    # the hash of the data files and the pattern count change with any edit to the data, by design
    for key in ("dictionaries", "patterns"):
        if key in doc.get("coder", {}):
            doc["coder"][key] = "*"
    for ev in doc.get("events", []):
        pat = ev.get("evidence", {}).get("pattern")
        if pat is not None:
            ev["evidence"]["pattern"] = mapping.get(pat, pat)
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


def diff(old: Path, new: Path, base: str | None) -> int:
    mapping = pattern_map(base)
    bad = 0
    for path in sorted(old.glob("*.jsonl")):
        other = new / path.name
        a = path.read_text(encoding="utf-8").splitlines()
        b = other.read_text(encoding="utf-8").splitlines() if other.exists() else []
        changed = [i for i, (x, y) in enumerate(zip(a, b)) if normalise(x, mapping) != normalise(y, mapping)]
        events = sum(len(json.loads(x).get("events", [])) for x in a)
        if len(a) != len(b):
            print(f"{path.stem}: {len(a)} documents before, {len(b)} after")
            bad += 1
        print(f"{path.stem}: {len(a)} documents, {events} events, {len(changed)} changed")
        for i in changed[:5]:
            print(f"  line {i + 1}: {json.loads(a[i]).get('id')}")
        bad += len(changed)
    print("identical" if not bad else f"{bad} differences")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snap")
    s.add_argument("outdir", type=Path)
    s.add_argument("--python", default=sys.executable)
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    d.add_argument("--base", help="the commit the old snapshot was made at (maps file:line patterns)")
    args = ap.parse_args()
    if args.cmd == "snap":
        snap(args.outdir, args.python)
        return 0
    return diff(args.old, args.new, args.base)


if __name__ == "__main__":
    sys.exit(main())
