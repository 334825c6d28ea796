"""tacitus evaluate: the scorer's definitions, and agreement with the field's shared scorer."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.evaluation import actor_keys, evaluate, read_gold, score

ROOT = Path(__file__).resolve().parent.parent

GOLD = [
    {"id": "a", "text": "x", "expected": [
        {"source_actor": "USAGOV", "target_actor": "CHN", "code": "040", "ontology": "CAMEO"},
        {"source_actor": "USAGOV", "target_actor": "CHN", "code": "CONSULT", "ontology": "PLOVER"}], "complete": False},
    {"id": "b", "text": "y", "expected": [
        {"source_actor": None, "target_actor": None, "code": "1121", "ontology": "CAMEO"},
        {"source_actor": "IGOUNO", "target_actor": None, "code": "DISAPPROVE", "ontology": "PLOVER"}], "complete": False},
]


def ev(cameo, plover, source, target, status="occurred"):
    return {"cameo": cameo, "plover": {"type": plover}, "source": {"code": source}, "target": {"code": target},
            "status": status}


def test_score_counts_roots_codes_plover_and_dyads():
    predictions = {
        "a": {"events": [ev("042", "CONSULT", "USAGOV", "CHNGOV"), ev("190", "ASSAULT", "USA", "CHN")]},
        "b": {"events": [ev("112", "ACCUSE", "IGOUNOSCO", "IRN"), ev("111", "ACCUSE", "X", "Y", "negated")]},
    }
    result = score(GOLD, predictions).to_dict()
    assert (result["root"]["tp"], result["root"]["fp"], result["root"]["fn"]) == (2, 1, 0)
    assert (result["code"]["tp"], result["code"]["fp"], result["code"]["fn"]) == (0, 3, 2)
    # DISAPPROVE is the old name of ACCUSE; the negated event does not count
    assert (result["plover"]["tp"], result["plover"]["fp"]) == (2, 1)
    # IGOUNO matches IGOUNOSCO by its six-letter prefix; a missing gold target matches any target
    assert result["plover_dyad"]["tp"] == 2
    assert result["per_root"]["04"]["f1"] == 1.0 and result["per_root"]["19"]["precision"] == 0.0


def test_actor_keys_follow_the_shared_conventions():
    assert actor_keys("CHNGOV") == ["CHN"] and actor_keys("IGOUNOSCO") == ["IGOUNO"]
    assert actor_keys("JAPGOV") == ["JPN"] and actor_keys("---GOV") == [None] and actor_keys(None) == [None]
    assert actor_keys(["SDNGOV", "SDNREB"]) == ["SDN", "SDN"]


def test_read_gold_reports_file_and_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text('{"id": "a", "text": "t", "expected": []}\n{bad\n')
    with pytest.raises(Exception, match="gold.jsonl:2"):
        read_gold(p)


def test_evaluate_agrees_with_the_shared_scorer_to_three_decimals(coder, shared, tmp_path):
    gold_path = shared / "eval" / "dev.jsonl"
    records = read_gold(gold_path)
    ours = evaluate(coder, records).to_dict()
    run = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold_path), "--run",
                          f"{sys.executable} -m tacitus code --format jsonl"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    theirs = json.loads(run.stdout)
    for metric in ("root", "code", "plover", "dyad", "plover_dyad"):
        for k in ("precision", "recall", "f1"):
            assert round(ours[metric][k], 3) == round(theirs[metric][k], 3), (metric, k)


def test_evaluate_cli_prints_a_table_and_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "Chile praised Peru on Monday.", "published": "2020-01-08",
                                "expected": [{"source_actor": "CHL", "target_actor": "PER", "code": "051",
                                              "ontology": "CAMEO"}], "complete": False}) + "\n")
    table = subprocess.run([sys.executable, "-m", "tacitus", "evaluate", str(gold), "--errors"],
                           capture_output=True, text=True, cwd=ROOT)
    assert table.returncode == 0 and "root" in table.stdout and "per CAMEO root" in table.stdout
    js = subprocess.run([sys.executable, "-m", "tacitus", "evaluate", str(gold), "--format", "json"],
                        capture_output=True, text=True, cwd=ROOT)
    data = json.loads(js.stdout)
    assert data["root"]["f1"] == 1.0 and data["dyad"]["tp"] == 1
