"""The pattern dictionary: entries with ids, every field checked on load, errors that name file:line."""
import json

import pytest

from tacitus.errors import DataFileError
from tacitus.events.patterns import PatternBook
from tacitus.ontology import Cameo

GOOD = {"id": "040-meet", "code": "040", "lemma": "meet"}


@pytest.fixture(scope="module")
def cameo():
    return Cameo()


def write(path, *entries):
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def entry(**fields):
    out = {"id": "043-hold-talks", "code": "043", "lemma": "hold", "object": ["talks"]}
    out.update(fields)
    return {k: v for k, v in out.items() if v is not None}


@pytest.mark.parametrize("bad,message", [
    pytest.param(entry(particle=["off"]), r"'particle' must be a string, not list", id="particle-list"),
    pytest.param(entry(code=["043"]), r"'code' must be a string, not list", id="code-list"),
    pytest.param(entry(lemma=["hold"]), r"'lemma' must be a string, not list", id="lemma-list"),
    pytest.param(entry(pos=["VERB"]), r"'pos' must be a string, not list", id="pos-list"),
    pytest.param(entry(id=["043-hold-talks"]), r"'id' must be a string, not list", id="id-list"),
    pytest.param(entry(note=["why"]), r"'note' must be a string, not list", id="note-list"),
    pytest.param(entry(code=43), r"'code' must be a string, not int", id="code-number"),
    pytest.param(entry(object="talks"), r"'object' must be a list of strings, not str", id="object-string"),
    pytest.param(entry(prep="with"), r"'prep' must be a list of strings, not str", id="prep-string"),
    pytest.param(entry(target="dobj"), r"'target' must be a list of strings, not str", id="target-string"),
    pytest.param(entry(object=[]), r"'object' must be a non-empty list of words", id="object-empty"),
    pytest.param(entry(object=["talks", 3]), r"'object' must be a non-empty list of words", id="object-number-word"),
    pytest.param(entry(target=[["dobj"]]), r"bad target \['dobj'\]", id="target-nested"),
    pytest.param(entry(target=["subject"]), r"bad target 'subject'", id="target-unknown"),
    pytest.param(entry(priority="high"), r"'priority' must be an integer, not str", id="priority-string"),
    pytest.param(entry(priority=True), r"'priority' must be an integer, not bool", id="priority-bool"),
    pytest.param(entry(examples=["they held talks"]), r"unknown fields \['examples'\]", id="unknown-field"),
    pytest.param(entry(code="999"), r"CAMEO code '999' does not exist", id="unknown-code"),
    pytest.param(entry(lemma="hold up"), r"lemma 'hold up' must be one word", id="lemma-two-words"),
    pytest.param(entry(pos="ADV"), r"pos must be VERB, NOUN or ADJ, not 'ADV'", id="pos-unknown"),
    pytest.param(entry(particle="out of"), r"particle 'out of' must be one word", id="particle-two-words"),
    pytest.param(entry(id=None), r"no id", id="id-missing"),
    pytest.param(entry(id="043 hold talks"), r"id '043 hold talks' must be lowercase words", id="id-spaces"),
    pytest.param(entry(id="040-meet"), r"duplicate id '040-meet' \(first at patterns.jsonl:1\)", id="id-duplicate"),
])
def test_a_malformed_field_is_a_data_file_error_naming_file_and_line(tmp_path, cameo, bad, message):
    path = write(tmp_path / "patterns.jsonl", GOOD, bad)
    with pytest.raises(DataFileError, match=r"^patterns.jsonl:2: " + message):
        PatternBook(cameo, path=path)


def test_an_id_is_unique_across_pattern_files(tmp_path, cameo):
    first = write(tmp_path / "patterns_readouts.jsonl", GOOD)
    second = write(tmp_path / "patterns.jsonl", entry(), dict(GOOD, lemma="encounter"))
    with pytest.raises(DataFileError, match=r"^patterns.jsonl:2: duplicate id '040-meet' \(first at patterns_readouts.jsonl:1\)"):
        PatternBook(cameo, paths=[first, second])


def test_a_pattern_is_known_by_its_id_not_its_line(tmp_path, cameo):
    path = write(tmp_path / "patterns.jsonl", GOOD, entry())
    book = PatternBook(cameo, path=path)
    assert book.by_id["043-hold-talks"].code == "043"
    assert [p.id for p in book.candidates("hold", "VERB")] == ["043-hold-talks"]
    assert book.where["043-hold-talks"] == "patterns.jsonl:2"


def test_every_shipped_pattern_has_an_id(cameo):
    book = PatternBook(cameo)
    assert book.count == sum(len(ps) for ps in book.by_key.values())
    assert all(p.id == pid for pid, p in book.by_id.items())


def test_an_event_names_the_id_of_the_pattern_that_fired(coder):
    doc = coder("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow.")
    fired = {ev.evidence.pattern for ev in doc.events}
    assert fired == {"040-meet"}, fired
