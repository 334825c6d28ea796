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
