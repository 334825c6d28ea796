"""events/document.py: the rules over a whole document's events."""
from stage_helpers import stage_named

from tacitus.actors.context import DocumentContext
from tacitus.model import Actor, Document, Event, Evidence, Plover, Sentence
from tacitus.stages import DocumentState, SentenceState

CHN = Actor("CHN", "CHN", None, "China")
RUS = Actor("RUS", "RUS", None, "Russia")


def event(source, target, cameo, sentence=0, status="occurred"):
    evidence = Evidence(sentence, 0, 1, "text", "t", 0, 1, "p")
    return Event(source, target, cameo, "name", Plover(None), 0.0, 1, status, None, evidence)


def document(coder, events_by_sentence, mentioned=(CHN, RUS)):
    ctx = DocumentContext(coder.dictionary.countries)
    ctx.observe(list(mentioned))
    doc = DocumentState(Document("d", "text"), context=ctx)
    for i, events in enumerate(events_by_sentence):
        sent = SentenceState(Sentence(i, 0, 1, "text"))
        sent.events = list(events)
        doc.sentences.append(sent)
    stage_named(coder, "document_rules")(doc)
    return doc


def test_untargeted_support_in_a_two_party_document_is_for_the_other_side(coder):
    doc = document(coder, [[event(CHN, None, "051")], [], []])
    [ev] = doc.events
    assert (ev.target.code, ev.target.resolved_from) == ("RUSGOV", "bilateral")


def test_a_short_text_is_not_a_two_party_document(coder):
    doc = document(coder, [[event(CHN, None, "051")]])
    assert doc.events[0].target is None


def test_a_meeting_with_no_one_else_is_dropped(coder):
    doc = document(coder, [[event(CHN, None, "040"), event(CHN, RUS, "040")]], mentioned=(CHN,))
    assert [(e.source.code, e.target.code) for e in doc.events] == [("CHN", "RUS")]


def test_one_act_is_one_event_and_participants_are_listed(coder):
    doc = document(coder, [[event(CHN, RUS, "042"), event(CHN, RUS, "042"), event(CHN, RUS, "042", status="planned")]])
    assert [e.status for e in doc.events] == ["occurred", "planned"]
    assert [a.code for a in doc.participants] == ["CHN", "RUS"]


def test_a_later_mention_of_the_same_meeting_is_no_second_event(coder):
    talks = [[event(CHN, RUS, "046"), event(RUS, CHN, "046")],
             [event(RUS, CHN, "046", 1), event(CHN, RUS, "040", 1)],
             [event(CHN, RUS, "046", 2, "historical")], [event(CHN, RUS, "046", 3, "planned")]]
    doc = document(coder, talks)
    assert [(e.source.code, e.cameo, e.evidence.sentence, e.status) for e in doc.events] == [
        ("CHN", "046", 0, "occurred"), ("RUS", "046", 0, "occurred"), ("CHN", "040", 1, "occurred"),
        ("CHN", "046", 3, "planned")]


def test_a_cooperative_act_between_a_country_and_its_own_government_is_no_event(coder):
    gov = Actor("CHNGOV", "CHN", "GOV", "Wang Yi", kind="person")
    police = Actor("CHNCOP", "CHN", "COP", "police")
    doc = document(coder, [[event(CHN, gov, "050"), event(gov, CHN, "050"), event(gov, police, "051"),
                            event(gov, CHN, "111"), event(gov, CHN, "073"), event(CHN, RUS, "050")]])
    assert [(e.source.code, e.target.code, e.cameo) for e in doc.events] == [
        ("CHNGOV", "CHNCOP", "051"), ("CHNGOV", "CHN", "111"), ("CHNGOV", "CHN", "073"), ("CHN", "RUS", "050")]
    doc = document(coder, [[event(CHN, gov, "050")]])
    assert [(e.source.code, e.target.code) for e in doc.events] == [("CHN", "CHNGOV")]  # the only reading
