"""PLOVER modes and contexts (stage plover_modes) scored on sentences of our own (tests/golden/modes.jsonl).

Each record gives the sentence's PLOVER type, its mode (null for a type the codebook gives no modes, or
where the sentence names none) and its contexts. The sentence's main event ("main": true) is scored:
- mode accuracy where a mode applies, over the sentences whose main event has the gold type (the mode
  stage's own share), and over all of them, a missing or wrongly typed main event counting as a miss;
- context precision and recall, micro-averaged over the main events' context lists.
Each figure has a floor just below what the coder reaches (docs/plover.md gives the figures); a change
that loses ground fails, and a floor is raised as the cue data improves.
"""
import json
from pathlib import Path

import pytest

from tacitus.errors import DataFileError
from tacitus.events.modes import load_contexts, load_modes

GOLD = Path(__file__).resolve().parent / "golden" / "modes.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
FLOORS = {"mode_typed": 0.97, "mode_all": 0.72, "context_precision": 0.69, "context_recall": 0.71}
REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "plover-modes.tsv"


def _main(doc):
    mains = [e for e in doc.events if e.main]
    return mains[0] if mains else (doc.events[0] if doc.events else None)


@pytest.fixture(scope="module")
def scores(coder):
    return score(coder)


def score(coder):
    """The figures, with the misses (id, gold type, gold mode, type, mode) and context errors."""
    typed = typed_ok = all_ok = moded = 0
    tp = fp = fn = 0
    misses, wrong = [], []
    for case in CASES:
        ev = _main(coder(case["text"], published=case["published"], id=case["id"]))
        got_type = ev.plover.type if ev else None
        got_mode = ev.plover.mode if ev else None
        if case["mode"] is not None:
            moded += 1
            if got_type == case["type"]:
                typed += 1
                typed_ok += got_mode == case["mode"]
            ok = got_type == case["type"] and got_mode == case["mode"]
            all_ok += ok
            if not ok:
                misses.append((case["id"], case["type"], case["mode"], got_type, got_mode))
        got = set(ev.plover.context) if ev else set()
        want = set(case["contexts"])
        if got != want:
            wrong.append((case["id"], sorted(want - got), sorted(got - want)))
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    return {"mode_typed": typed_ok / typed, "mode_all": all_ok / moded,
            "context_precision": tp / (tp + fp), "context_recall": tp / (tp + fn),
            "n_typed": typed, "n_moded": moded, "misses": misses, "contexts": wrong}


def test_gold_set_shape():
    assert len(CASES) >= 300
    ids = [c["id"] for c in CASES]
    assert len(set(ids)) == len(ids)
    modes = load_modes()
    known = {(t, r[1]) for t, rows in modes.items() for r in rows}
    for case in CASES:
        if case["mode"] is not None:
            assert (case["type"], case["mode"]) in known, case["id"]
    # every mode of the codebook has sentences, and so do types without modes
    assert known <= {(c["type"], c["mode"]) for c in CASES}
    assert any(c["type"] not in modes for c in CASES)


def test_modes_cover_the_codebook():
    if not REFERENCE.exists():
        pytest.skip("../shared is absent")
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()[1:]
    ref = {tuple(line.split("\t")[:2]) for line in lines if line.strip()}
    modes = load_modes()
    assert {(t, r[1]) for t, rows in modes.items() for r in rows} == ref


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_floor(scores, figure):
    assert scores[figure] >= FLOORS[figure], (figure, scores[figure], scores["misses"][:20])


@pytest.mark.parametrize("row, message", [
    ("CONSULT\tphone\tsentence\tphone\tten", "priority must be an integer"),
    ("CONSULTS\tphone\tsentence\tphone\t1", "unknown PLOVER type"),
    ("CONSULT\tphone\teverywhere\tphone\t1", "scope must be one of"),
    ("ASSAULT\taerial\tcameo\tbombs\t1", "cameo cues must be CAMEO codes"),
    ("CONSULT\tphone\tsentence\t\t1", "no cues"),
])
def test_bad_mode_row_names_file_and_line(tmp_path, row, message):
    path = tmp_path / "plover_modes.tsv"
    path.write_text("type\tmode\tscope\tcues\tpriority\nCONSULT\tvisit\ttrigger\tvisit\t1\n" + row + "\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as err:
        load_modes(path)
    assert "plover_modes.tsv:3" in str(err.value)


def test_bad_context_row_names_file_and_line(tmp_path):
    path = tmp_path / "plover_contexts.tsv"
    path.write_text("context\tcues\timplied_by\nmilitary\ttroops\t\nweather\train\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no context of the PLOVER codebook") as err:
        load_contexts(load_modes(), path)
    assert "plover_contexts.tsv:3" in str(err.value)
    path.write_text("context\tcues\timplied_by\nmilitary\ttroops\tmode:ASSAULT/laser\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no type/mode") as err:
        load_contexts(load_modes(), path)
    assert "plover_contexts.tsv:2" in str(err.value)
