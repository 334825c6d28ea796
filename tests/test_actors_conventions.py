"""actors/conventions.py: the actors the coder supplies when a sentence does not name them."""
from datetime import date

from spacy.tokens import Doc

from tacitus.actors.context import DocumentContext
from tacitus.actors.recognize import SentenceActors
from tacitus.actors.words import ActorWords
from tacitus.model import Actor


def test_the_datelines_place_names_the_home_country(coder):
    home = coder.conventions.home_country
    assert (home("WASHINGTON"), home("10 Downing Street"), home("Somewhere Else"), home(None)) == \
        ("USA", "GBR", None, None)


def test_own_authorities_and_own_country(coder):
    students = Actor("THAEDU", "THA", "EDU", None, "group")
    gov = coder.conventions.own_government(students)
    land = coder.conventions.own_country(students)
    assert (gov.code, gov.kind, gov.name, gov.resolved_from) == ("THAGOV", "country", "Thailand", "domestic")
    assert (land.code, land.kind, land.sector, land.resolved_from) == ("THA", "place", None, "domestic")


def test_the_other_side_is_its_government_as_the_document_named_it(coder):
    ctx = DocumentContext(coder.dictionary.countries)
    lavrov = Actor("RUSGOV", "RUS", "GOV", "Sergey Lavrov", "person", 10, 22, "Lavrov")
    ctx.observe([lavrov])
    named, by_code = coder.conventions.other_side("RUS", ctx), coder.conventions.other_side("CHN", ctx)
    assert (named.name, named.start, named.text, named.resolved_from) == ("Sergey Lavrov", None, None, "bilateral")
    assert (by_code.code, by_code.name) == ("CHNGOV", "China")


def test_where_force_lands_names_the_country(coder):
    # "Artillery shelled positions near Kharkiv." built by hand: the place hangs off the object
    words = ["Artillery", "shelled", "positions", "near", "Kharkiv", "."]
    doc = Doc(coder.nlp.vocab, words=words, heads=[1, 1, 1, 2, 3, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
              pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])
    actors = SentenceActors(doc, coder.dictionary, ActorWords.from_lexicon(coder.lexicon), date(2022, 2, 3), 0)
    [place] = coder.conventions.located(doc[1], actors)
    assert (place.code, place.country, place.sector, place.kind) == ("UKR", "UKR", None, "place")
    assert coder.conventions.located(doc[0], actors) == []
