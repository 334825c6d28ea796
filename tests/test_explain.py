"""No silent drops: every trigger a pattern fires on gives an event or is listed, with the stage
that dropped it and why (`tacitus code --explain`)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.events.records import REASONS

ROOT = Path(__file__).resolve().parent.parent


def dropped(coder, text):
    doc = coder(text, published="2025-03-14")
    return [(d["trigger"], d["stage"], d["reason"]) for d in doc.dropped], doc


@pytest.mark.parametrize("text,trigger", [
    ("Greece accused Turkey of violating its airspace.", "violating"),
    ("Kenyan officials have accused Somali militants of attacking a border post.", "attacking"),
    ("The opposition accuses the Zambian police of torturing detainees.", "torturing"),
    ("Ukraine blamed Russia for attacking a grain port.", "attacking"),  # "for" on the verb
])
def test_an_alleged_act_is_listed_as_alleged(coder, text, trigger):
    drops, doc = dropped(coder, text)
    assert (trigger, "framing", "alleged") in drops
    assert doc.events  # the accusation itself is the event


@pytest.mark.parametrize("text", [
    "Vietnam's cabinet met on Friday to review the budget.",
    "The Kenyan parliament met in an emergency session on Tuesday.",
])
def test_a_meeting_with_no_one_else_is_listed_as_without_a_partner(coder, text):
    drops, doc = dropped(coder, text)
    assert [d[1:] for d in drops] == [("document_rules", "no partner")] and not doc.events


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks on fishing rights in Lima on Monday.",
    "Japan's prime minister hosted talks with South Korea's president in Tokyo.",
])
def test_the_noun_of_a_light_verb_is_part_of_its_event(coder, text):
    drops, doc = dropped(coder, text)
    assert doc.events
    assert all(stage == "arguments" and reason == "part of another event" for _, stage, reason in drops)


def test_every_listed_reason_is_a_known_one_and_names_its_sentence(coder):
    text = ("Greece accused Turkey of violating its airspace. Vietnam's cabinet met on Friday. "
            "Chile and Peru held talks in Lima.")
    doc = coder(text, published="2025-03-14")
    assert {d["reason"] for d in doc.dropped} <= set(REASONS)
    for d in doc.dropped:
        sentence = doc.sentences[d["sentence"]]
        assert text[d["trigger_start"]:d["trigger_start"] + len(d["trigger"])] == d["trigger"]
        assert sentence.start <= d["trigger_start"] < sentence.end
        assert isinstance(d["actors"], list) and d["pattern"] and d["code"]


def test_the_default_output_is_unchanged_and_explain_adds_the_list(coder):
    doc = coder("Greece accused Turkey of violating its airspace.", published="2025-03-14")
    assert "dropped" not in doc.to_dict() and doc.to_dict(explain=True)["dropped"] == doc.dropped


def tacitus(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tacitus", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT)


def test_code_explain_lists_drops_in_json_lines_and_in_the_table():
    text = "Greece accused Turkey of violating its airspace. Vietnam's cabinet met on Friday.\n"
    run = tacitus("code", "-", "--published", "2025-03-14", "--explain", stdin=text)
    assert run.returncode == 0, run.stderr
    [doc] = [json.loads(line) for line in run.stdout.splitlines()]
    assert {(d["trigger"], d["reason"]) for d in doc["dropped"]} == {("violating", "alleged"), ("met", "no partner")}
    table = tacitus("code", "-", "--published", "2025-03-14", "--explain", "--format", "table", stdin=text)
    assert 'no event    "met" s1' in table.stdout and "no partner" in table.stdout


def test_explain_with_tsv_is_a_usage_error():
    run = tacitus("code", "-", "--explain", "--format", "tsv", stdin="Chile praised Peru.\n")
    assert run.returncode == 2 and run.stderr.strip().count("\n") == 0 and "--explain" in run.stderr
