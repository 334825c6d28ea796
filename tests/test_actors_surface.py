"""actors/surface.py: the doer by word order when the dependency frame names no one, on parses
built by hand as the small model misreads them."""
from datetime import date

import pytest
from spacy.tokens import Doc

from tacitus.actors.context import DocumentContext
from tacitus.actors.recognize import SentenceActors
from tacitus.actors.surface import SurfaceArguments
from tacitus.actors.words import ActorWords


def sentence(coder, rows):
    """rows: (word, POS, TAG, head, dep)."""
    words, pos, tags, heads, deps = zip(*rows)
    doc = Doc(coder.nlp.vocab, words=list(words), pos=list(pos), tags=list(tags), heads=list(heads),
              deps=list(deps), lemmas=[{"said": "say"}.get(w.lower(), w.lower()) for w in words])
    actors = SentenceActors(doc, coder.dictionary, ActorWords.from_lexicon(coder.lexicon), date(2025, 3, 14), 0)
    return doc, actors


@pytest.fixture
def surface(coder):
    return SurfaceArguments(coder.resolver, coder.lexicon)


# "Kenyan troops raided a camp near Mandera, officials said." with the subject hung on "said"
MISREAD = [("Kenyan", "ADJ", "JJ", 1, "amod"), ("troops", "NOUN", "NNS", 9, "nsubj"),
           ("raided", "VERB", "VBD", 1, "acl"), ("a", "DET", "DT", 4, "det"), ("camp", "NOUN", "NN", 2, "dobj"),
           ("near", "ADP", "IN", 4, "prep"), ("Mandera", "PROPN", "NNP", 5, "pobj"), (",", "PUNCT", ",", 9, "punct"),
           ("officials", "NOUN", "NNS", 9, "nsubj"), ("said", "VERB", "VBD", 9, "ROOT"), (".", "PUNCT", ".", 9, "punct")]


def test_the_actor_before_a_finite_verb_is_its_doer_whatever_the_parse(coder, surface):
    doc, actors = sentence(coder, MISREAD)
    [troops] = surface.source(doc[2], actors, DocumentContext(coder.dictionary.countries))
    assert (troops.code, troops.text) == ("KENMIL", "Kenyan troops")


def test_a_place_or_a_speaker_before_the_act_is_not_its_doer(coder, surface):
    # "In Nairobi, officials said Somali gunmen raided a camp." with "gunmen" unknown to the parse
    rows = [("In", "ADP", "IN", 3, "prep"), ("Nairobi", "PROPN", "NNP", 0, "pobj"), ("officials", "NOUN", "NNS", 3, "nsubj"),
            ("said", "VERB", "VBD", 3, "ROOT"), ("someone", "PRON", "NN", 5, "nsubj"), ("raided", "VERB", "VBD", 3, "ccomp"),
            ("a", "DET", "DT", 7, "det"), ("camp", "NOUN", "NN", 5, "dobj"), (".", "PUNCT", ".", 3, "punct")]
    doc, actors = sentence(coder, rows)
    assert surface.source(doc[5], actors, DocumentContext(coder.dictionary.countries)) == []


def test_a_clause_boundary_stops_the_search(coder, surface):
    # "Chad protested; a militia raided the camp." : Chad is not the militia's doer
    rows = [("Chad", "PROPN", "NNP", 1, "nsubj"), ("protested", "VERB", "VBD", 1, "ROOT"), (";", "PUNCT", ":", 1, "punct"),
            ("a", "DET", "DT", 4, "det"), ("crowd", "NOUN", "NN", 5, "nsubj"), ("raided", "VERB", "VBD", 1, "conj"),
            ("the", "DET", "DT", 7, "det"), ("camp", "NOUN", "NN", 5, "dobj"), (".", "PUNCT", ".", 1, "punct")]
    doc, actors = sentence(coder, rows)
    assert surface.source(doc[5], actors, DocumentContext(coder.dictionary.countries)) == []


@pytest.mark.parametrize("tag,dep,any_trigger,found", [
    ("VBG", "pcomp", False, False),  # a gerund is part of a phrase whose frame says who acts
    ("VBG", "pcomp", True, True),  # unless the sentence would give no event at all
    ("VBN", "acl", False, False),  # a participle with no object of its own: "the camp raided"
])
def test_only_a_verb_that_reports_an_act_is_read_by_word_order(coder, surface, tag, dep, any_trigger, found):
    rows = [(w, p, t, h, d) for w, p, t, h, d in MISREAD]
    rows[2] = ("raided", "VERB", tag, 1, dep)
    if not found or tag == "VBN":
        rows[4] = ("camp", "NOUN", "NN", 9, "dobj")  # the object hangs elsewhere
    doc, actors = sentence(coder, rows)
    got = surface.source(doc[2], actors, DocumentContext(coder.dictionary.countries), any_trigger=any_trigger)
    assert bool(got) == found


def test_events_say_how_their_actors_were_found(coder):
    from tacitus.model import METHODS
    doc = coder("Chile and Peru met in Lima on Monday. The two sides signed a fishing accord.", published="2025-03-14")
    methods = {(e.cameo, e.evidence.method) for e in doc.events}
    assert ("040", "frame") in methods and ("057", "context") in methods
    assert all(e.evidence.confidence == METHODS[e.evidence.method] for e in doc.events)
    assert doc.events[0].to_dict()["evidence"]["method"] == "frame"
