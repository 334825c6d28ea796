"""Golden sentences written by the developers (tests/golden/sentences.jsonl), one test each."""
import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden" / "sentences.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
# Known limits, each a real gap rather than a wrong expectation (see docs/accuracy.md).
KNOWN_LIMITS = {
    "g-005": "a king named by title and regnal number ('King Abdullah II') is not in the office-holder file",
    "g-028": "a nominal trigger whose parties hang on its object ('signing of a pact between X and Y')",
    "g-040": "'received X from Y' reverses source and target; not yet a frame",
    "g-041": "passive without an agent: the source sits in 'from the UAE' on the subject",
    "g-063": "'found X guilty of' (116) is not a pattern",
    "g-066": "a flag state in a compound adjective ('British-flagged') is not an actor",
    "g-067": "'ruled out sending' is not yet a rejection frame",
    "g-090": "a flag state in a compound adjective ('British-flagged') is not an actor",
    "g-106": "'drove X out of' (201) is not a pattern",
}


def _matches(want, ev, digits=2):
    """The event has the wanted CAMEO code to `digits` digits, and actors with the wanted countries."""
    if ev["cameo"][:digits] != want["code"][:digits]:
        return False
    for side in ("source", "target"):
        code = want.get(side)
        got = ev[side]["code"] if ev.get(side) else None
        if code is None:
            continue
        if not got or not got.startswith(code[:3]):
            return False
    if want.get("status") and ev["status"] != want["status"]:
        return False
    return True


def _params():
    for case in CASES:
        marks = ()
        if case["id"] in KNOWN_LIMITS:
            # strict: a known limit that starts passing fails the run, so this list stays true
            marks = pytest.mark.xfail(reason=KNOWN_LIMITS[case["id"]], strict=True)
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_golden_sentence(coder, case):
    doc = coder(case["text"], published=case.get("published"), id=case["id"])
    got = [e.to_dict() for e in doc.events]
    counted = [e for e in got if e["status"] not in ("negated", "hypothetical")]
    wanted = [w for w in case["events"] if w.get("status") not in ("negated", "hypothetical", "historical")]
    for want in wanted:
        assert any(_matches(want, e) for e in got), (want, [(e["cameo"], e["source"] and e["source"]["code"],
                                                            e["target"] and e["target"]["code"]) for e in got])
    if not case["events"]:
        assert not [e for e in counted if e["status"] != "historical"], counted
