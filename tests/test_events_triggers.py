"""Stage `triggers`: which words a pattern codes, and which pattern fits each best."""
import pytest

from handparse import MET, Book, Resources, parse, pattern
from tacitus.events.features import NominalFeatures
from tacitus.events.triggers import TriggerStage
from tacitus.stages import SentenceState

STEPPED_DOWN = """
The the DET DT 1 det
leader leader NOUN NN 2 nsubj
stepped step VERB VBD 2 ROOT
down down ADV RB 2 advmod
"""
HUNGER_STRIKE = """
Prisoners prisoner NOUN NNS 1 nsubj
continued continue VERB VBD 1 ROOT
their their PRON PRP$ 4 poss
hunger hunger NOUN NN 4 compound
strike strike NOUN NN 1 dobj
"""
APPEAL = """
Iran Iran PROPN NNP 2 poss
's 's PART POS 0 case
appeal appeal NOUN NN 2 ROOT
to to ADP IN 2 prep
Washington Washington PROPN NNP 3 pobj
"""


@pytest.fixture(scope="module")
def res():
    return Resources()


def triggers(res, book, text, **data):
    return res.run(book, parse(text), upto=1, **data).triggers


def test_a_verb_with_a_pattern_is_a_trigger(res):
    book = Book(pattern("t-meet", "040", "meet", target=("dobj",)))
    found = triggers(res, book, MET)
    assert [(t.token.text, t.pattern.id) for t in found] == [("met", "t-meet")]
    assert [v.text for v in found.verbs] == ["met"]
    assert found.items[0].features.objects[0].text == "Russia"


def test_a_sentence_with_no_pattern_has_no_triggers_but_keeps_its_verbs(res):
    found = triggers(res, Book(), MET)
    assert list(found) == [] and [v.text for v in found.verbs] == ["met"]


def test_a_particle_left_as_an_adverb_counts(res):
    book = Book(pattern("t-step-up", "151", "step", particle="up"),
                pattern("t-step-down", "0831", "step", particle="down", target=("none",)))
    assert [t.pattern.id for t in triggers(res, book, STEPPED_DOWN)] == ["t-step-down"]


def test_the_pattern_naming_more_of_the_object_wins(res):
    book = Book(pattern("t-continue-strike", "143", "continue", object="strike"),
                pattern("t-continue-hunger", "142", "continue", object="hunger strike"))
    assert [t.pattern.id for t in triggers(res, book, HUNGER_STRIKE)] == ["t-continue-hunger"]


def test_an_event_noun_is_coded_by_its_verbs_patterns(res):
    book = Book(pattern("t-appeal", "020", "appeal", target=("prep:to", "none")))
    found = triggers(res, book, APPEAL, nominals={"appeal": "appeal"})
    assert [t.token.text for t in found] == ["appeal"]
    assert found.items[0].nominal and isinstance(found.items[0].features, NominalFeatures)
    assert [s.text for s in found.items[0].features.sources] == ["Iran"]


def test_an_unparsed_sentence_has_no_triggers(res):
    stage = res.stages(Book())[0]
    assert isinstance(stage, TriggerStage) and stage.requires == ("sentence.parsed",)
    state = SentenceState(sentence=None)
    stage(None, state)
    assert list(state.triggers) == [] and state.triggers.verbs == []
