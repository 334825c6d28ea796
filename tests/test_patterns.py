"""The pattern dictionary: entries with ids, every field checked on load, errors that name file:line."""
import json

import pytest

from tacitus.datafiles import data_path
from tacitus.errors import DataFileError
from tacitus.events.patterns import PATTERN_FILES, PatternBook
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


def test_every_shipped_pattern_has_its_id_written_in_the_file(cameo):
    written = [json.loads(line).get("id") for name in PATTERN_FILES
               for line in data_path(name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(written) and len(set(written)) == len(written)
    assert set(written) == set(PatternBook(cameo).by_id)


def test_an_event_names_the_id_of_the_pattern_that_fired(coder):
    doc = coder("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow.")
    fired = {ev.evidence.pattern for ev in doc.events}
    assert fired == {"040-meet"}, fired


def first(cameo, tmp_path, lemma, *entries):
    """The candidate the extractor takes among equally ranked ones, with the entries in either order."""
    winners = set()
    for n, order in enumerate((entries, entries[::-1])):
        book = PatternBook(cameo, path=write(tmp_path / f"patterns{n}.jsonl", *order))
        winners.add(book.candidates(lemma, "VERB")[0].id)
    assert len(winners) == 1, f"the file order decided: {winners}"
    return winners.pop()


def test_a_deeper_code_wins_whatever_the_priority_or_the_order(tmp_path, cameo):
    deep = entry(id="0331-offer-aid", code="0331", lemma="offer", object=["aid"])
    shallow = entry(id="033-offer-aid", code="033", lemma="offer", object=["aid"], priority=5)
    assert first(cameo, tmp_path, "offer", shallow, deep) == "0331-offer-aid"


def test_a_specific_code_wins_over_a_residual_one(tmp_path, cameo):
    specific = entry(id="073-provide-aid", code="073", lemma="provide", object=["aid"])
    residual = entry(id="070-provide-aid", code="070", lemma="provide", object=["aid"])
    assert first(cameo, tmp_path, "provide", residual, specific) == "073-provide-aid"


def test_between_equally_specific_patterns_the_priority_wins(tmp_path, cameo):
    war = entry(id="094-investigate", code="094", lemma="investigate", object=["war", "atrocity"], priority=1)
    crime = entry(id="091-investigate", code="091", lemma="investigate", object=["crime", "war"])
    assert first(cameo, tmp_path, "investigate", crime, war) == "094-investigate"


def test_without_a_priority_the_more_telling_slot_wins(tmp_path, cameo):
    # "cut off supplies to the city": a particle makes another verb; a bare preposition says less
    particle = entry(id="162-cut-off-aid", code="162", lemma="cut", particle="off", object=["supply"])
    prep = entry(id="191-cut", code="191", lemma="cut", object=["supply"], prep=["to"])
    assert first(cameo, tmp_path, "cut", prep, particle) == "162-cut-off-aid"


def test_the_id_decides_only_what_nothing_else_does(tmp_path, cameo):
    a = entry(id="153-send-police", code="153", lemma="send", object=["police"])
    b = entry(id="154-send-troop", code="154", lemma="send", object=["troop"])
    assert first(cameo, tmp_path, "send", b, a) == "153-send-police"


@pytest.mark.parametrize("other,tie", [
    pytest.param(entry(id="036-hold-talks", code="036", object=["talks", "meeting"]), True, id="shared-object-word"),
    pytest.param(entry(id="036-hold-meeting", code="036", object=["meeting"]), False, id="no-shared-word"),
    pytest.param(entry(id="036-hold-with", code="036", object=None, prep=["with"]), False, id="object-against-none"),
    pytest.param(entry(id="0311-hold-talks", code="0311", object=["talks"]), False, id="deeper-code"),
    pytest.param(entry(id="036-hold-talks-with", code="036", object=["talks"], prep=["with"]), False, id="more-constraints"),
])
def test_patterns_may_tie_when_equally_specific_and_sharing_a_word_in_each_slot(tmp_path, cameo, other, tie):
    book = PatternBook(cameo, path=write(tmp_path / "patterns.jsonl", entry(), other))
    assert book.by_id["043-hold-talks"].may_tie(book.by_id[other["id"]]) is tie


def test_a_pattern_covered_by_one_that_wins_every_tie_is_shadowed(tmp_path, cameo):
    wide = entry(id="043-hold-talks", object=["talks", "negotiation"])
    narrow = entry(id="043-hold-negotiation", object=["negotiation"])
    deeper = entry(id="0311-hold-negotiation", code="0311", object=["negotiation"])
    book = PatternBook(cameo, path=write(tmp_path / "patterns.jsonl", narrow, wide, deeper))
    # the narrow one loses every tie to the deeper one (on its code), and the wider one does not
    # shadow it: without a priority the id puts it first
    assert [p.id for p, _ in book.shadowed()] == ["043-hold-negotiation"]


@pytest.mark.parametrize("text,code,pattern", [
    ("The tribunal investigated war crimes in the province.", "094", "094-investigate"),
    ("Human rights groups accused the army of war crimes.", "1124", "1124-accuse"),
])
def test_a_modifier_that_refines_the_act_wins_the_tie(coder, text, code, pattern):
    # "war crimes" names both a war-crimes pattern and a crimes pattern: the priority keeps the refinement
    events = [(ev.cameo, ev.evidence.pattern) for ev in coder(text, published="2020-05-05").events]
    assert (code, pattern) in events, events
