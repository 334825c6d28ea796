"""The regression corpus (tests/golden/regression.jsonl): sentences of our own in wire and readout
style, each with the events a careful CAMEO coder expects, grouped by the construction they test.

The corpus is scored as a whole, not sentence by sentence: per construction and per root, the share
of expected events whose root the coder finds in that sentence (root recall), whose full code it
finds, and whose code and both actors it finds; and the share of no-event sentences that stay
empty. Each share has a floor just below what the coder reaches; a change that loses ground fails,
and a change that gains ground should raise the floor. `python tests/test_regression.py` prints
the table that docs/accuracy.md reports.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "golden" / "regression.jsonl"
CONSTRUCTIONS = ("bare_time", "actor_list", "governing_verb", "light_verb", "negated_future", "passive",
                 "relative_clause", "coordination", "attribution", "parenthetical", "long_sentence", "readout")
LISTED = ("occurred", "planned")

# Floors: the share measured on 2026-12-08 (at 55fb5df) less 0.02, rounded down, never lowered; see
# docs/accuracy.md for the figures. Raise them as the coder improves.
FLOORS = {
    'all': {'root': 0.88, 'code': 0.74, 'event': 0.49, 'no_event': 0.90},
    'construction:actor_list': {'root': 0.88, 'code': 0.70, 'event': 0.49, 'no_event': 0.85},
    'construction:attribution': {'root': 0.89, 'code': 0.78, 'event': 0.55, 'no_event': 0.91},
    'construction:bare_time': {'root': 0.92, 'code': 0.82, 'event': 0.64, 'no_event': 0.90},
    'construction:coordination': {'root': 0.88, 'code': 0.73, 'event': 0.42, 'no_event': 0.91},
    'construction:governing_verb': {'root': 0.90, 'code': 0.78, 'event': 0.61, 'no_event': 0.92},
    'construction:light_verb': {'root': 0.88, 'code': 0.72, 'event': 0.45, 'no_event': 0.98},
    'construction:long_sentence': {'root': 0.85, 'code': 0.65, 'event': 0.33, 'no_event': 0.67},
    'construction:negated_future': {'root': 0.87, 'code': 0.67, 'event': 0.30, 'no_event': 0.87},
    'construction:parenthetical': {'root': 0.89, 'code': 0.70, 'event': 0.41, 'no_event': 0.90},
    'construction:passive': {'root': 0.88, 'code': 0.81, 'event': 0.46, 'no_event': 0.95},
    'construction:readout': {'root': 0.89, 'code': 0.77, 'event': 0.64, 'no_event': 0.95},
    'construction:relative_clause': {'root': 0.88, 'code': 0.74, 'event': 0.44, 'no_event': 0.88},
    'root:01': {'root': 0.72, 'code': 0.72, 'event': 0.39},
    'root:02': {'root': 0.94, 'code': 0.58, 'event': 0.49},
    'root:03': {'root': 0.91, 'code': 0.65, 'event': 0.47},
    'root:04': {'root': 0.91, 'code': 0.85, 'event': 0.70},
    'root:05': {'root': 0.94, 'code': 0.92, 'event': 0.76},
    'root:06': {'root': 0.80, 'code': 0.69, 'event': 0.47},
    'root:07': {'root': 0.86, 'code': 0.78, 'event': 0.57},
    'root:08': {'root': 0.86, 'code': 0.81, 'event': 0.55},
    'root:09': {'root': 0.87, 'code': 0.50, 'event': 0.26},
    'root:10': {'root': 0.93, 'code': 0.54, 'event': 0.34},
    'root:11': {'root': 0.84, 'code': 0.69, 'event': 0.52},
    'root:12': {'root': 0.96, 'code': 0.66, 'event': 0.29},
    'root:13': {'root': 0.90, 'code': 0.59, 'event': 0.38},
    'root:14': {'root': 0.83, 'code': 0.44, 'event': 0.30},
    'root:15': {'root': 0.92, 'code': 0.86, 'event': 0.40},
    'root:16': {'root': 0.86, 'code': 0.77, 'event': 0.50},
    'root:17': {'root': 0.89, 'code': 0.81, 'event': 0.43},
    # 18 and 19 follow the kind of force, not of actor (events/assemble.py _by_kind_of_force), since
    # 2026-12-07: an armed attack by rebels is 190
    'root:18': {'root': 0.89, 'code': 0.82, 'event': 0.33},
    'root:19': {'root': 0.87, 'code': 0.77, 'event': 0.36},
    'root:20': {'root': 0.82, 'code': 0.76, 'event': 0.24},
}


def records():
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _code(actor):
    if actor is None:
        return None
    return actor["code"] if isinstance(actor, dict) else actor


def score(recs, coded):
    """{group: {measure: (hits, total)}} for groups 'all', 'construction:X' and 'root:NN'."""
    tally = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for rec, doc in zip(recs, coded):
        got = [e for e in doc["events"] if e["status"] in LISTED or e["status"] in ("negated", "historical")]
        groups = ("all", f"construction:{rec['construction']}")
        if not rec["events"]:
            empty = not [e for e in doc["events"] if e["status"] in LISTED]
            for g in groups:
                tally[g]["no_event"][0] += empty
                tally[g]["no_event"][1] += 1
            continue
        for exp in rec["events"]:
            code = exp["code"]
            hits = {
                "root": any(e["cameo"][:2] == code[:2] for e in got),
                "code": any(e["cameo"] == code for e in got),
                "event": any(e["cameo"] == code and _code(e["source"]) == exp["source"]
                             and _code(e["target"]) == exp["target"] for e in got),
            }
            for g in (*groups, f"root:{code[:2]}"):
                for measure, hit in hits.items():
                    tally[g][measure][0] += hit
                    tally[g][measure][1] += 1
    return tally


def code(coder, recs):
    """The coder's JSON of each record's sentence, in order."""
    from tacitus.ingest.readers import finish
    from tacitus.model import Document
    docs = [finish(Document(id=r["id"], text=r["text"], published=r.get("published"))) for r in recs]
    return [d.to_dict(explain=True) for d in coder.pipe(docs)]


@pytest.fixture(scope="module")
def tally(coded_corpus):
    return score(*coded_corpus)


def test_corpus_is_well_formed():
    if not CORPUS.exists():
        pytest.skip("no regression corpus")
    from tacitus.ontology import Cameo
    cameo = Cameo()
    recs = records()
    assert len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        assert r["construction"] in CONSTRUCTIONS, r["id"]
        assert r["text"].strip() and r["note"].strip(), r["id"]
        for e in r["events"]:
            assert e["code"] in cameo, (r["id"], e["code"])
            assert e.get("status", "occurred") in ("occurred", "planned", "negated", "hypothetical", "historical")


@pytest.mark.parametrize("construction", CONSTRUCTIONS)
def test_each_construction_has_its_sentences(construction):
    if not CORPUS.exists():
        pytest.skip("no regression corpus")
    assert sum(r["construction"] == construction for r in records()) >= 30


def test_floors_per_construction_and_root(tally):
    below = []
    for group, floors in FLOORS.items():
        for measure, floor in floors.items():
            hits, total = tally[group][measure]
            if total and hits / total < floor:
                below.append(f"{group} {measure}: {hits}/{total} = {hits / total:.3f} < {floor}")
    assert not below, "\n".join(below)


def precision_by_method(recs, coded):
    """{method: (right, events)}: of the events coded with each evidence.method, those whose root
    and source are those of an expected event of their sentence (the confidence that
    tacitus.model.METHODS gives each method)."""
    out = defaultdict(lambda: [0, 0])
    for rec, doc in zip(recs, coded):
        expected = {(e["code"][:2], e["source"]) for e in rec["events"]}
        for e in doc["events"]:
            if e["status"] in LISTED:
                right = (e["cameo"][:2], _code(e["source"])) in expected
                out[e["evidence"]["method"]][0] += right
                out[e["evidence"]["method"]][1] += 1
    return dict(out)


@pytest.fixture(scope="module")
def coded_corpus(coder):
    if not CORPUS.exists():
        pytest.skip("no regression corpus")
    recs = records()
    return recs, code(coder, recs)


def test_each_methods_confidence_is_what_it_measures(coded_corpus):
    # evidence.confidence is a measured share, not a guess: re-measure it whenever the coder changes
    from tacitus.model import METHODS
    # an event typed by the type model carries the model's own probability (events/typed.py)
    measured = {m: v for m, v in precision_by_method(*coded_corpus).items() if m != "model"}
    assert set(measured) <= set(METHODS)
    off = {m: (round(r / t, 2), METHODS[m]) for m, (r, t) in measured.items() if abs(r / t - METHODS[m]) > 0.05}
    assert not off, f"measured share vs METHODS: {off}"


# the reasons a trigger gives no event because an argument was not found (tacitus/events/records.py)
NO_ARGUMENT = {"no source", "no target", "no partner"}


def silent_drops(coded):
    """(sentences where a trigger fired and two or more actors are named, those of them that give no
    event because an argument was not found): the accuracy issue's measure of silent drops."""
    fired = [d for d in coded if (d["events"] or d["dropped"]) and len({p["code"] for p in d["participants"]}) >= 2]
    lost = [d for d in fired if not d["events"] and NO_ARGUMENT & {x["reason"] for x in d["dropped"]}]
    return len(fired), len(lost)


def test_no_argument_found_is_rare_where_two_actors_are_named(coded_corpus):
    fired, lost = silent_drops(coded_corpus[1])
    assert fired > 1000 and lost / fired <= 0.03, (fired, lost)


def test_no_argument_found_is_rare_on_the_dev_set(coder, shared):
    recs = [json.loads(line) for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    fired, lost = silent_drops(code(coder, recs))
    assert fired > 200 and lost / fired <= 0.03, (fired, lost)


def table(tally):
    rows = ["| group | root recall | code | code and actors | no-event sentences kept empty |",
            "|---|---|---|---|---|"]
    for group in sorted(tally, key=lambda g: (g != "all", g)):
        cells = []
        for measure in ("root", "code", "event", "no_event"):
            hits, total = tally[group][measure]
            cells.append(f"{hits / total:.2f} ({hits}/{total})" if total else "")
        rows.append(f"| {group} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tacitus.pipeline import Coder
    recs = records()
    coded = code(Coder(), recs)
    print(table(score(recs, coded)))
    print("\n| evidence.method | events | root and source right |\n|---|---|---|")
    for method, (right, total) in sorted(precision_by_method(recs, coded).items()):
        print(f"| {method} | {total:,} | {right / total:.2f} ({right}/{total}) |")
