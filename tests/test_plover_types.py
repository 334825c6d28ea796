"""PLOVER coded as PLOVER: a pattern or frame row may name the PLOVER type (and a pattern the mode) of
what it codes where the CAMEO mapping is wrong; checked on load, errors naming file:line; the
CAMEO code, Goldstein score and quad class stay the CAMEO code's (events/plover_types.py)."""
import json
from types import SimpleNamespace

import pytest

from tacitus.errors import DataFileError
from tacitus.events.patterns import Frames, PatternBook
from tacitus.events.plover_types import PloverTypes
from tacitus.ontology import Cameo


@pytest.fixture(scope="module")
def cameo():
    return Cameo()


def book(tmp_path, cameo, *entries):
    path = tmp_path / "patterns.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return PatternBook(cameo, path=path)


GOOD = {"id": "040-meet", "code": "040", "lemma": "meet"}
SEIZE = {"id": "192-seize-town", "code": "192", "lemma": "seize", "object": ["town"], "plover": "ASSAULT"}


@pytest.mark.parametrize("bad,message", [
    pytest.param(dict(SEIZE, plover="FIGHT"), r"unknown PLOVER type 'FIGHT'", id="type-unknown"),
    pytest.param(dict(SEIZE, plover="assault"), r"unknown PLOVER type 'assault'", id="type-lowercase"),
    pytest.param(dict(SEIZE, plover=["ASSAULT"]), r"'plover' must be a string, not list", id="type-list"),
    pytest.param(dict(SEIZE, plover_mode="aerial", plover=None), r"plover_mode without plover", id="mode-alone"),
    pytest.param(dict(SEIZE, plover_mode="phone"), r"'phone' is no mode of PLOVER ASSAULT", id="mode-of-other-type"),
])
def test_a_bad_plover_field_is_a_data_file_error_naming_file_and_line(tmp_path, cameo, bad, message):
    bad = {k: v for k, v in bad.items() if v is not None}
    with pytest.raises(DataFileError, match=r"^patterns.jsonl:2: " + message):
        book(tmp_path, cameo, GOOD, bad)


def test_a_frame_row_naming_a_type_is_checked_and_one_code_has_one_type(tmp_path, cameo, monkeypatch):
    from tacitus.events import patterns as module
    rows = {"frames.tsv": "word\tframe\tnote\nurge\tappeal\t\n"}

    def fake_read_tsv(name, columns, key=None, path=None):
        text = rows.get(name)
        if text is None:
            return real(name, columns, key=key, path=path)
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return real(name, columns, key=key, path=p)
    real = module.read_tsv
    monkeypatch.setattr(module, "read_tsv", fake_read_tsv)
    rows["frame_codes.tsv"] = "frame\tact\tcode\tplover\nappeal\t09\t0234\tFIGHT\n"
    with pytest.raises(DataFileError, match=r"frame_codes.tsv:2: unknown PLOVER type 'FIGHT'"):
        module.Frames(cameo)
    rows["frame_codes.tsv"] = "frame\tact\tcode\tplover\nappeal\t09\t0234\tACCUSE\ndemand\t09\t0234\tREQUEST\n"
    with pytest.raises(DataFileError, match=r"frame_codes.tsv:3: 0234 is PLOVER ACCUSE at .*frame_codes.tsv:2"):
        module.Frames(cameo)
    rows["frame_codes.tsv"] = "frame\tact\tcode\tplover\nappeal\t09\t0234\tACCUSE\nappeal\t08\t025\t\n"
    assert module.Frames(cameo).plover == {"0234": "ACCUSE"}


def frame_table(cameo, plover=None):
    """The shipped frames' recoding with a frame-row PLOVER table of the test's own."""
    return SimpleNamespace(plover=plover or {}, recode=Frames(cameo).recode)


def resolver(tmp_path, cameo, *entries, frames=None):
    return PloverTypes(cameo, book(tmp_path, cameo, GOOD, *entries), frame_table(cameo, frames))


def test_the_pattern_type_wins_while_the_event_keeps_its_act(tmp_path, cameo):
    types = resolver(tmp_path, cameo, SEIZE)
    assert cameo["192"].plover.type != "ASSAULT"
    assert types("192", "192-seize-town").type == "ASSAULT"
    assert types("040", "040-meet") is cameo["040"].plover  # no type of its own: the CAMEO mapping


def test_a_pattern_refined_to_a_subcode_keeps_its_type_but_a_frame_recoding_does_not(tmp_path, cameo):
    attack = {"id": "190-hit", "code": "190", "lemma": "hit", "plover": "COERCE"}
    types = resolver(tmp_path, cameo, attack)
    assert types("193", "190-hit").type == "COERCE"  # the weapon named refines the attack
    assert types("138", "190-hit") is cameo["138"].plover  # "threatened to hit": a threat, by CAMEO


def test_a_frame_row_types_what_it_recodes_and_what_a_frame_codes_alone(tmp_path, cameo):
    types = resolver(tmp_path, cameo, {"id": "090-investigate", "code": "090", "lemma": "investigate"},
                     frames={"0234": "ACCUSE"})
    assert types("0234", "090-investigate").type == "ACCUSE"  # "called for an investigation"
    assert types("0234", "frame:appeal").type == "ACCUSE"
    direct = {"id": "0234-seek-probe", "code": "0234", "lemma": "seek", "object": ["probe"]}
    types = resolver(tmp_path, cameo, direct, frames={"0234": "ACCUSE"})
    assert types("0234", "0234-seek-probe") is cameo["0234"].plover  # a pattern's own code: not the frame's


def test_the_mode_a_pattern_names_is_kept_by_the_modes_stage(tmp_path, cameo):
    types = resolver(tmp_path, cameo, dict(SEIZE, plover_mode="firearms"))
    assert types("192", "192-seize-town").mode == "firearms"
    assert types.mode("192-seize-town", "ASSAULT") == "firearms"
    assert types.mode("192-seize-town", "COERCE") is None
    assert types.mode("040-meet", "CONSULT") is None


def test_the_cameo_code_goldstein_and_quad_class_stay_the_codes(coder, monkeypatch):
    """A type of the pattern's own changes plover.type alone."""
    text = "Rebels seized the town of Kidal on Monday."
    before = coder(text, "2020-01-01").events
    assert before, "the sentence must give an event"
    ev = before[0]
    pattern = coder.patterns.by_id[ev.evidence.pattern]
    other = "ASSAULT" if ev.plover.type != "ASSAULT" else "COERCE"
    from dataclasses import replace
    monkeypatch.setitem(coder.plover_types.patterns, pattern.id, replace(pattern, plover=other))
    after = coder(text, "2020-01-01").events[0]
    assert after.plover.type == other
    assert (after.cameo, after.goldstein, after.quad_class, after.source, after.target) == \
        (ev.cameo, ev.goldstein, ev.quad_class, ev.source, ev.target)


def test_a_planned_meeting_is_agree_and_a_planned_act_of_another_root_keeps_its_type(tmp_path, cameo):
    types = resolver(tmp_path, cameo)
    assert types("040", "040-meet", "planned").type == "AGREE"  # "will meet": the intent to meet, 036
    assert types("040", "040-meet", "occurred").type == "CONSULT"
    assert types("162", None, "planned") is cameo["162"].plover  # "would prohibit all aid": SANCTION


def test_a_cooperative_act_not_done_is_reject_a_conflictual_one_keeps_its_type(tmp_path, cameo):
    types = resolver(tmp_path, cameo)
    assert types("057", None, "negated").type == "REJECT"  # "failed to reach agreement"
    assert types("080", None, "negated").type == "REJECT"  # "did not give permission"
    assert types("190", None, "negated") is cameo["190"].plover


def test_an_ordered_sanction_or_coercion_is_the_act_an_ordered_attack_is_not(tmp_path, cameo):
    types = PloverTypes(cameo, book(tmp_path, cameo, GOOD), frame_table(cameo), ordering_verbs={"order"})
    ordered = SimpleNamespace(planned="173", frame_word=SimpleNamespace(lemma_="order"))
    assert types("100", "frame:demand", "occurred", ordered).type == "COERCE"  # "ordered them jailed"
    urged = SimpleNamespace(planned="173", frame_word=SimpleNamespace(lemma_="urge"))
    assert types("100", "frame:demand", "occurred", urged).type == cameo["100"].plover.type  # an appeal
    attack = SimpleNamespace(planned="190", frame_word=SimpleNamespace(lemma_="order"))
    assert types("100", "frame:demand", "occurred", attack).type == cameo["100"].plover.type


def test_property_seized_by_armed_forces_is_assault_by_police_coerce(tmp_path, cameo):
    types = resolver(tmp_path, cameo)
    assert types("1711", None, "occurred", None, SimpleNamespace(sector="MIL")).type == "ASSAULT"
    assert types("1711", None, "occurred", None, SimpleNamespace(sector="REB")).type == "ASSAULT"
    assert types("1711", None, "occurred", None, SimpleNamespace(sector="COP")).type == "COERCE"
    assert types("1712", None, "occurred", None, SimpleNamespace(sector="MIL")).type == "COERCE"


GOLDEN = [json.loads(line) for line in open(__file__.rsplit("/", 1)[0] + "/golden/plover_types.jsonl", encoding="utf-8")
          if line.strip()]


@pytest.mark.parametrize("rec", GOLDEN, ids=[r["id"] for r in GOLDEN])
def test_the_main_event_has_the_plover_type_of_our_own_sentences(coder, rec):
    """Sentences of our own (tests/golden/plover_types.jsonl, the same ids as r-h39-* of the
    regression corpus): the main event's CAMEO code and PLOVER type."""
    events = coder(rec["text"], rec["published"]).events
    main = next((ev for ev in events if ev.main), None)
    assert main is not None, rec["note"]
    assert (main.cameo, main.plover.type) == (rec["cameo"], rec["plover"]), rec["note"]
