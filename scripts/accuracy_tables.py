#!/usr/bin/env python3
"""Print the Markdown tables of docs/accuracy.md from `tacitus evaluate --format json` output.

    .venv/bin/tacitus evaluate ../shared/eval/dev.jsonl --format json | python3 scripts/accuracy_tables.py
"""
import json
import sys


def main():
    r = json.load(sys.stdin)
    print("| metric | precision | recall | F1 | tp | fp | fn |")
    print("|---|---|---|---|---|---|---|")
    for m in ("root", "code", "plover", "dyad", "plover_dyad"):
        s = r[m]
        print(f"| {m} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} |")
    print()
    print("| root | precision | recall | F1 | gold |")
    print("|---|---|---|---|---|")
    for root, s in r["per_root"].items():
        print(f"| {root} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['tp'] + s['fn']} |")


if __name__ == "__main__":
    main()
