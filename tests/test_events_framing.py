"""Stage `framing`: the frame word above each trigger, the status of its act, and the code they
make of it."""
import pytest

from handparse import Book, Resources, parse, pattern

READY = """
Japan Japan PROPN NNP 1 nsubj
is be AUX VBZ 1 ROOT
ready ready ADJ JJ 1 acomp
to to PART TO 4 aux
work work VERB VB 2 xcomp
with with ADP IN 4 prep
India India PROPN NNP 5 pobj
"""
FAILED = """
Iran Iran PROPN NNP 1 nsubj
failed fail VERB VBD 1 ROOT
to to PART TO 3 aux
meet meet VERB VB 1 xcomp
the the DET DT 5 det
envoys envoy NOUN NNS 3 dobj
"""
ACCUSED = """
Iran Iran PROPN NNP 1 nsubj
accused accuse VERB VBD 1 ROOT
Israel Israel PROPN NNP 1 dobj
of of ADP IN 1 prep
attacking attack VERB VBG 3 pcomp
ships ship NOUN NNS 4 dobj
"""
WILL_SEND_SAID = """
Japan Japan PROPN NNP 2 nsubj
will will AUX MD 2 aux
send send VERB VB 7 ccomp
aid aid NOUN NN 2 dobj
, , PUNCT , 7 punct
the the DET DT 6 det
minister minister NOUN NN 7 nsubj
said say VERB VBD 7 ROOT
"""
WILL_NOT_ACCEPT = """
Syria Syria PROPN NNP 3 nsubj
will will AUX MD 3 aux
not not PART RB 3 neg
accept accept VERB VB 3 ROOT
refugees refugee NOUN NNS 3 dobj
"""
MET_IF = """
Talks talk NOUN NNS 1 nsubj
follow follow VERB VBP 1 ROOT
if if SCONJ IN 4 mark
Japan Japan PROPN NNP 4 nsubj
meets meet VERB VBZ 1 advcl
Russia Russia PROPN NNP 4 dobj
"""
MUST_SAID = """
The the DET DT 1 det
envoy envoy NOUN NN 2 nsubj
said say VERB VBD 2 ROOT
rebels rebel NOUN NNS 5 nsubj
must must AUX MD 5 aux
meet meet VERB VB 2 ccomp
Kenya Kenya PROPN NNP 5 dobj
"""
MEET = pattern("t-meet", "040", "meet", target=("dobj", "prep:with"))


@pytest.fixture(scope="module")
def res():
    return Resources()


def framed(res, book, text):
    return res.run(book, parse(text), upto=2).framed


def test_a_frame_word_recodes_the_act_it_governs(res):
    [f] = framed(res, Book(pattern("t-work-with", "060", "work", prep="with", target=("prep:with",))), READY)
    assert (f.frame, f.frame_head.text, f.clause_head.text) == ("intent", "ready", "work")
    assert f.act_code == "060" and f.code == res.frames.recode("intent", "060") and f.planned == "060"
    assert [t.text for t in f.chain] == ["work", "ready"] and f.status == "occurred"


def test_a_negating_frame_negates(res):
    [f] = framed(res, Book(MEET), FAILED)
    assert (f.frame, f.status, f.code, f.planned) == ("negate", "negated", "040", None)


def test_an_alleged_act_is_no_event(res):
    assert framed(res, Book(pattern("t-attack", "190", "attack")), ACCUSED) == []


def test_a_stated_future_act_is_an_intent(res):
    [f] = framed(res, Book(pattern("t-send-aid", "070", "send", object="aid")), WILL_SEND_SAID)
    assert f.frame_word is None and f.planned == "070"
    assert f.code == res.frames.recode("intent", "070") and f.status == "occurred"


def test_a_stated_refusal_of_cooperation_is_a_rejection(res):
    [f] = framed(res, Book(pattern("t-accept-refugees", "073", "accept", object="refugee")), WILL_NOT_ACCEPT)
    assert f.status == "occurred" and f.frame_word.text == "not"
    assert res.cameo[f.code].rejection and f.act_code == "073"


def test_a_condition_makes_the_act_hypothetical(res):
    [f] = framed(res, Book(MEET), MET_IF)
    assert f.status == "hypothetical" and f.speech is None


def test_must_under_a_verb_of_saying_names_the_speech_verb(res):
    [f] = framed(res, Book(MEET), MUST_SAID)
    assert f.status == "hypothetical" and f.speech.text == "said" and f.code == "040"
