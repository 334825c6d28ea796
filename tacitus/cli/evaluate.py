"""tacitus evaluate: score the coder on a gold file (the format of ../shared/eval/dev.jsonl)."""
from __future__ import annotations

import json
import sys

from .common import add_format, add_model

HELP = "Score the coder on gold sentences: precision, recall and F1 for roots, codes, PLOVER types and dyads."
EXAMPLE = """examples:
  tacitus evaluate ../shared/eval/dev.jsonl
  tacitus evaluate ../shared/eval/dev.jsonl --errors
  tacitus evaluate ../shared/eval/dev.jsonl --format json > scores.json"""


def add_arguments(p):
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold records: id, text, published, expected, complete")
    add_format(p, ("table", "json"), "table")
    p.add_argument("--errors", action="store_true", help="list the sentences with a wrong root set")
    add_model(p)


def run(args):
    from ..evaluation import evaluate, format_table, read_gold
    from ..pipeline import Coder

    records = read_gold(args.gold)
    result = evaluate(Coder(args.model), records)
    if args.format == "json":
        print(json.dumps(result.to_dict(with_errors=args.errors), indent=1))
    else:
        print(format_table(result, with_errors=args.errors))
    sys.stdout.flush()
    return 0
