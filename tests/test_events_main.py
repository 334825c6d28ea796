"""Each sentence's main event (events/main.py): one per sentence that has any, the act of its main
clause, an act it denies giving way to one it reports."""
from collections import Counter

import pytest

from tacitus.events.main import MainEvent, _trigger_depth


def mains(coder, text):
    doc = coder(text, "2021-03-02")
    return doc, [ev for ev in doc.events if ev.main]


@pytest.mark.parametrize("text, trigger", [
    # the main clause's act, not the opening clause's
    ("After Japan eased its export controls, South Korea lifted its ban on Japanese seafood.", "lifted"),
    ("Before Serbia recalled its envoy, Kosovo had expelled two Serbian diplomats.", "expelled"),
    # the act, not the means named in a participle before it
    ("Shells fired by Armenian forces hit an Azerbaijani village on Sunday.", "hit"),
    ("Missiles fired by the Israeli air force struck a Syrian army depot after midnight.", "struck"),
    # the act, not a visit named in a relative clause
    ("The Indian foreign minister, who visited Dhaka last week, signed a water-sharing deal with Bangladesh "
     "on Monday.", "signed"),
    # a denied act yields to the one the sentence reports
    ("Peru will not send troops to Bolivia, the Peruvian defence minister said, but it condemned the coup.",
     "condemned"),
])
def test_the_main_event_is_the_main_clause_act(coder, text, trigger):
    doc, flagged = mains(coder, text)
    assert len(doc.events) >= 2, [(ev.cameo, ev.evidence.trigger) for ev in doc.events]
    assert [ev.evidence.trigger for ev in flagged] == [trigger]


def test_one_main_event_per_sentence_that_has_any(coder):
    text = ("Chile and Argentina signed a border treaty. The weather in Santiago was mild. Brazil welcomed the "
            "treaty. Uruguay praised both sides and offered to host the next round of talks.")
    doc, flagged = mains(coder, text)
    per_sentence = Counter(ev.evidence.sentence for ev in flagged)
    assert set(per_sentence) == {ev.evidence.sentence for ev in doc.events}
    assert set(per_sentence.values()) == {1}
    assert 1 not in per_sentence  # the sentence with no event has no main event


def test_main_is_in_the_json_and_false_on_the_others(coder):
    doc, flagged = mains(coder, "Kenya condemned the raid on Monday and recalled its ambassador to Ethiopia.")
    flags = [ev.to_dict()["main"] for ev in doc.events]
    assert flags.count(True) == 1 and flags.count(False) == len(flags) - 1


def test_a_sentence_without_a_parse_ranks_last_but_still_gets_its_main_event():
    class Sent:  # a sentence state the parser never saw
        parsed = None

    class Evidence:
        trigger_start = 0

    assert _trigger_depth(Sent(), Evidence()) == 64
    assert MainEvent.name == "main_event"


def test_event_but_is_dataclasses_replace():
    """Event.but, the main_event and plover_modes stages' copy, makes what dataclasses.replace makes."""
    from dataclasses import replace

    from tacitus.model import Evidence as Ev, Event, Plover
    ev = Event(None, None, "010", "Make statement", Plover("COMMENT"), 0.0, 1, "occurred", None,
               Ev(0, 0, 4, "text", "said", 0, 4, "p"), topics=["a"])
    for changes in ({"main": True}, {"plover": Plover("COMMENT", None, ("diplomatic",))}):
        copy = ev.but(**changes)
        assert copy == replace(ev, **changes) and copy is not ev and copy.topics is ev.topics
        assert vars(copy) == vars(replace(ev, **changes)) and ev.main is False
    with pytest.raises(TypeError):
        ev.but(mane=True)
