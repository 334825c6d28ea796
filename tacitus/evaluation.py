"""Scoring the coder against gold sentences coded by people (CAMEO and PLOVER).

The definitions follow the field's shared scorer (../shared/eval/score.py): micro precision,
recall and F1 over sets of keys per sentence, for CAMEO roots, full CAMEO codes, PLOVER types, and
(source, target, root or type) dyads, where an actor is its country or organisation prefix and a
missing gold actor matches any actor. On top: per-root scores, a confusion table by root, and the
sentences the coder gets wrong.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .errors import InputError
from .model import Document

# Older PLOVER drafts' names, as gold files still use them.
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
              "SACTION": "SANCTION", "YIELD": "CONCEDE"}
ALIASES = {"JAP": "JPN"}
GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
NOT_COUNTED = {"negated", "hypothetical"}
METRICS = ("root", "code", "plover", "dyad", "plover_dyad")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, gold: set, pred: set):
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def scores(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    metrics: dict
    per_root: dict
    confusion: dict
    errors: list = field(default_factory=list)
    sentences: int = 0

    def to_dict(self, with_errors=False):
        d = {name: t.scores() for name, t in self.metrics.items()}
        d["per_root"] = {root: t.scores() for root, t in sorted(self.per_root.items())}
        d["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())}
        d["sentences"] = self.sentences
        if with_errors:
            d["errors"] = self.errors
        return d


def actor_keys(value):
    """The actor keys an actor field names: country or organisation prefix; None is a wildcard."""
    if value is None:
        return [None]
    if isinstance(value, list):
        return [k for v in value for k in actor_keys(v)] or [None]
    if isinstance(value, dict):
        value = value.get("code") or value.get("country")
        if value is None:
            return [None]
    value = str(value).strip().upper()
    if not value or value.startswith("---"):
        return [None]
    key = (value[:6] if len(value) >= 6 else value[:3]) if value.startswith(GROUP_PREFIXES) else value[:3]
    return [ALIASES.get(key, key)]


def plover_type(value):
    if isinstance(value, dict):
        value = value.get("type")
    if not value:
        return None
    value = str(value).strip().upper()
    return OLD_PLOVER.get(value, value)


def _cameo(value):
    if value is None:
        return None
    value = str(value).strip()
    return value if value[:2].isdigit() else None


def _match_dyads(gold, pred):
    """True positives, false positives and negatives, a gold wildcard matching any actor."""
    tp, used = 0, set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and g[2] == p[2] and (g[0] is None or g[0] == p[0]) and (g[1] is None or g[1] == p[1]):
                tp += 1
                used.add(i)
                break
    return tp, len(pred) - len(used), len(gold) - tp


def read_gold(path):
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON: {exc.msg}", where=f"{path}:{n}") from exc
            if not isinstance(rec, dict) or "id" not in rec or "text" not in rec or "expected" not in rec:
                raise InputError("a gold record needs 'id', 'text' and 'expected'", where=f"{path}:{n}")
            records.append(rec)
    return records


def score(gold_records, predictions: dict) -> Evaluation:
    """Score predicted documents ({id: {"events": [...]}} in the JSON form) against gold records."""
    metrics = {name: Tally() for name in METRICS}
    per_root, confusion, errors = {}, Counter(), []
    for rec in gold_records:
        doc = predictions.get(str(rec["id"])) or {}
        events = [e for e in doc.get("events", []) if str(e.get("status", "")).lower() not in NOT_COUNTED]
        gold_cameo = [e for e in rec["expected"] if e.get("ontology") == "CAMEO"]
        gold_plover = [e for e in rec["expected"] if e.get("ontology") == "PLOVER"]
        pred_codes = {c for c in (_cameo(e.get("cameo")) for e in events) if c}
        if gold_cameo or rec.get("complete"):
            gold_codes = {e["code"] for e in gold_cameo}
            gold_roots, pred_roots = {c[:2] for c in gold_codes}, {c[:2] for c in pred_codes}
            metrics["root"].add_sets(gold_roots, pred_roots)
            metrics["code"].add_sets(gold_codes, pred_codes)
            for root in gold_roots | pred_roots:
                per_root.setdefault(root, Tally()).add_sets(gold_roots & {root}, pred_roots & {root})
            for g in gold_roots - pred_roots:
                for p in (pred_roots - gold_roots) or {"none"}:
                    confusion[(g, p)] += 1
            if gold_roots != pred_roots:
                errors.append({"id": rec["id"], "text": rec["text"], "gold": sorted(gold_codes),
                               "predicted": sorted(pred_codes)})
        if gold_plover:
            metrics["plover"].add_sets({plover_type(e["code"]) for e in gold_plover},
                                       {t for t in (plover_type(e.get("plover")) for e in events) if t})
        for name, gold, kind in (("dyad", gold_cameo, "root"), ("plover_dyad", gold_plover, "plover")):
            key = (lambda e: e["code"][:2]) if kind == "root" else (lambda e: plover_type(e["code"]))
            gold_dyads = {(s, t, key(e)) for e in gold if e.get("source_actor") or e.get("target_actor")
                          for s in actor_keys(e.get("source_actor")) for t in actor_keys(e.get("target_actor"))}
            if not gold_dyads and not (kind == "root" and rec.get("complete") and not gold_cameo):
                continue
            if kind == "root":
                pred = {(s, t, c[:2]) for e in events for c in [_cameo(e.get("cameo"))] if c
                        for s in actor_keys(e.get("source")) for t in actor_keys(e.get("target"))}
            else:
                pred = {(s, t, p) for e in events for p in [plover_type(e.get("plover"))] if p
                        for s in actor_keys(e.get("source")) for t in actor_keys(e.get("target"))}
            tp, fp, fn = _match_dyads(sorted(gold_dyads, key=str), sorted(pred, key=str))
            t = metrics[name]
            t.tp, t.fp, t.fn = t.tp + tp, t.fp + fp, t.fn + fn
    return Evaluation(metrics, per_root, dict(confusion), errors, len(gold_records))


def evaluate(coder, gold_records, batch_size=64) -> Evaluation:
    """Code the gold sentences with `coder` and score the result."""
    docs = (Document(id=str(r["id"]), text=r["text"], published=r.get("published")) for r in gold_records)
    predictions = {d.id: d.to_dict() for d in coder.pipe(docs, batch_size=batch_size)}
    return score(gold_records, predictions)


def format_table(result: Evaluation, with_errors=False) -> str:
    lines = [f"{result.sentences} sentences", "", f"{'metric':<12} {'precision':>9} {'recall':>7} {'F1':>6}"
             f" {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, t in result.metrics.items():
        s = t.scores()
        lines.append(f"{name:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
                     f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    lines += ["", "per CAMEO root", f"{'root':<6} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>5}"]
    for root, t in sorted(result.per_root.items()):
        s = t.scores()
        lines.append(f"{root:<6} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} {t.tp + t.fn:>5}")
    if result.confusion:
        lines += ["", "missed gold root -> what was predicted instead (count)"]
        top = sorted(result.confusion.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
        lines += [f"  {g} -> {p}: {n}" for (g, p), n in top]
    if with_errors:
        lines += ["", "sentences with a wrong root set (gold | predicted)"]
        for e in result.errors:
            lines.append(f"  {e['id']}: {' '.join(e['gold']) or '-'} | {' '.join(e['predicted']) or '-'}  "
                         f"{e['text'][:110]}")
    return "\n".join(lines)
