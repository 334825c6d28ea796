"""events/assemble.py: sources and targets resolved, pairs directed, codes decided, evidence spans."""
import pytest
from stage_helpers import run_until

from tacitus.events.assemble import Assembled, _by_kind_of_force
from tacitus.model import Actor


def assembled(coder, text):
    [doc] = run_until(coder, "assembly", text)
    return [a for s in doc.sentences for a in s.assembled]


def pairs(item):
    return [(p.source.code if p.source else None, p.target.code if p.target else None, p.code) for p in item.pairs]


def test_an_act_between_both_is_mirrored(coder):
    [meeting] = assembled(coder, "Chile met Peru on Monday.")
    assert isinstance(meeting, Assembled) and meeting.code == "040"
    assert pairs(meeting) == [("CHL", "PER", "040"), ("PER", "CHL", "040")]
    ev = meeting.pairs[0].evidence
    assert (ev.trigger, ev.trigger_start, ev.source_span, ev.target_span) == ("met", 6, (0, 5), (10, 14))


def test_a_lone_travellers_talks_are_a_visit_to_the_host(coder):
    [trip] = assembled(coder, "Sudan's envoy returned to Geneva for talks.")
    assert trip.found.code == "044"  # what the pattern said, left as it was
    assert trip.code == "042" and pairs(trip) == [("SDNGOV", "CHE", "042")]


def test_a_protest_is_aimed_at_its_own_authorities(coder):
    [protest] = assembled(coder, "Thai students protested on Monday.")
    [pair] = protest.pairs
    assert (pair.source.code, pair.target.code, pair.target.resolved_from) == ("THAEDU", "THAGOV", "domestic")


def test_a_compound_subject_that_clashes_acts_on_each_other(coder):
    [clash] = assembled(coder, "Rebels and soldiers clashed near Kharkiv.")
    assert sorted(pairs(clash)) == [("UKRMIL", "UKRREB", "190"), ("UKRREB", "UKRMIL", "190")]


def test_no_doer_no_event(coder):
    assert assembled(coder, "Welcome old friends to visit us.") == []


@pytest.mark.parametrize("code, sector, country, expected", [
    ("190", "REB", "SYR", "190"),  # an armed attack is conventional force whoever makes it
    ("180", "REB", "SYR", "180"),  # unconventional violence (a weapon, a manner) stays so
    ("180", "MIL", "SYR", "190"),  # a state's forces use conventional force
    ("180", "MIL", None, "180"),
    ("042", "REB", "SYR", "042"),
])
def test_the_kind_of_force_follows_the_force(code, sector, country, expected):
    source = Actor((country or "---") + sector, country, sector)
    assert _by_kind_of_force(code, source) == expected
    assert _by_kind_of_force(code, None) == code


@pytest.mark.parametrize("text, code", [
    ("Gunmen attacked a village with machetes on Monday.", "180"),
    ("Militants carried out a bomb attack on a checkpoint in Kandahar on Friday.", "183"),
    ("Rebels attacked an army base in the north on Sunday.", "190"),
])
def test_the_weapon_names_the_kind_of_force(coder, text, code):
    [event] = assembled(coder, text)
    assert {p.code for p in event.pairs} == {code}


@pytest.mark.parametrize("text, code", [
    ("Militants carried out a bomb attack on a market in Kano on Friday, killing six people.", "183"),
    ("Six soldiers were killed when a roadside bomb exploded near their convoy in Helmand on Friday.", "1833"),
    ("Syrian jets bombed a hospital in Idlib on Monday, killing nine patients.", "195"),
    ("Rebels stormed a police post in the east and killed four officers.", "190"),
])
def test_a_toll_is_part_of_the_attack_it_counts(coder, text, code):
    assert [p.code for e in assembled(coder, text) for p in e.pairs][:1] == [code]
    assert len(assembled(coder, text)) == 1


def test_tolls_with_no_attack_named_stand(coder):
    # "killed ... and wounded ...": two counts of violence with no attack to fold into
    codes = [p.code for e in assembled(coder, "Gunmen killed three villagers and wounded five others in Zamfara.")
             for p in e.pairs]
    assert codes and codes[0][:2] == "18"
