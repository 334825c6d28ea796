"""Stage `arguments`: the source and target tokens of each coded trigger, the frames coded by
their content, the refinements of codes, and which coded triggers stand; and the facade that runs
the three stages as one call."""
import pytest

from handparse import MET, Book, Resources, parse, pattern
from tacitus.events.extract import Extractor
from tacitus.events.fallback import FallbackTargets
from tacitus.stages import SentenceState

EXPELLED = """
The the DET DT 1 det
ambassador ambassador NOUN NN 3 nsubjpass
was be AUX VBD 3 auxpass
expelled expel VERB VBN 3 ROOT
from from ADP IN 3 prep
Azerbaijan Azerbaijan PROPN NNP 4 pobj
"""
URGED = """
Germany Germany PROPN NNP 1 nsubj
urged urge VERB VBD 1 ROOT
Russia Russia PROPN NNP 1 dobj
to to PART TO 4 aux
negotiate negotiate VERB VB 1 xcomp
with with ADP IN 4 prep
Ukraine Ukraine PROPN NNP 5 pobj
"""
MUST_DISARM = """
The the DET DT 1 det
envoy envoy NOUN NN 2 nsubj
said say VERB VBD 2 ROOT
rebels rebel NOUN NNS 5 nsubj
must must AUX MD 5 aux
disarm disarm VERB VB 2 ccomp
"""
MUST_MEET = """
The the DET DT 1 det
envoy envoy NOUN NN 2 nsubj
said say VERB VBD 2 ROOT
rebels rebel NOUN NNS 5 nsubj
must must AUX MD 5 aux
meet meet VERB VB 2 ccomp
Kenya Kenya PROPN NNP 5 dobj
"""
THREAT_UNLESS = """
Turkey Turkey PROPN NNP 1 nsubj
threatened threaten VERB VBD 1 ROOT
to to PART TO 3 aux
attack attack VERB VB 1 xcomp
unless unless SCONJ IN 6 mark
Greece Greece PROPN NNP 6 nsubj
withdrew withdraw VERB VBD 3 advcl
"""
RECAPTURED = """
Rebels rebel NOUN NNS 1 nsubj
recaptured recapture VERB VBD 1 ROOT
the the DET DT 3 det
town town NOUN NN 1 dobj
from from ADP IN 1 prep
the the DET DT 6 det
army army NOUN NN 4 pobj
"""
AIRSTRIKES = """
Israeli israeli ADJ JJ 1 amod
airstrikes airstrike NOUN NNS 2 nsubj
killed kill VERB VBD 2 ROOT
15 15 NUM CD 4 nummod
people people NOUN NNS 2 dobj
"""
PROTESTED = """
Workers worker NOUN NNS 1 nsubj
protested protest VERB VBD 1 ROOT
to to PART TO 3 aux
demand demand VERB VB 1 advcl
the the DET DT 5 det
leader leader NOUN NN 7 poss
's 's PART POS 5 case
resignation resignation NOUN NN 3 dobj
"""
MEET = pattern("t-meet", "040", "meet", target=("dobj", "prep:with"))


@pytest.fixture(scope="module")
def res():
    return Resources()


def found(res, book, text, **data):
    return res.run(book, parse(text), **data).found


def texts(tokens):
    return [t.text for t in tokens]


def test_subject_and_object_are_source_and_target(res):
    [f] = found(res, Book(MEET), MET)
    assert (f.code, f.pattern, texts(f.sources), texts(f.targets)) == ("040", "t-meet", ["Japan"], ["Russia"])
    assert f.status == "occurred" and not f.passive and f.frame_word is None


def test_the_country_one_is_expelled_from_expels(res):
    [f] = found(res, Book(pattern("t-expel", "174", "expel")), EXPELLED)
    assert f.passive and texts(f.sources) == ["Azerbaijan"] and texts(f.targets) == ["ambassador"]


def test_the_appealer_is_the_source_and_the_one_urged_the_target(res):
    [f] = found(res, Book(pattern("t-negotiate", "046", "negotiate", target=("prep:with", "none"))), URGED)
    assert f.code == res.frames.recode("appeal", "046") and f.planned == "046"
    assert texts(f.sources) == ["Germany"] and texts(f.targets) == ["Russia"] and f.frame_word.text == "urged"
    assert f.frame_word.i in f.consumed


def test_what_a_speaker_says_another_must_do_is_a_demand(res):
    [f] = found(res, Book(), MUST_DISARM)
    assert (f.code, f.pattern, f.needs_target) == ("100", "frame:demand", True)
    assert texts(f.sources) == ["envoy"] and texts(f.targets) == ["rebels"] and f.frame_word.text == "said"


def test_a_coded_act_someone_must_do_is_the_speakers_demand(res):
    [f] = found(res, Book(MEET), MUST_MEET)
    assert f.code == res.frames.recode("demand", "040") and f.planned == "040" and f.status == "occurred"
    assert texts(f.sources) == ["envoy"] and texts(f.targets) == ["rebels"] and f.needs_target


def test_whom_a_threat_is_conditioned_on_is_its_target(res):
    [f] = found(res, Book(pattern("t-attack", "190", "attack", target=("dobj", "none"))), THREAT_UNLESS)
    assert res.cameo[f.code].condition_target == "replaces"
    assert texts(f.sources) == ["Turkey"] and texts(f.targets) == ["Greece"]


def test_fallback_targets_are_a_record_computed_when_asked(res):
    [f] = found(res, Book(pattern("t-recapture", "190", "recapture", target=("dobj",))), RECAPTURED)
    assert texts(f.targets) == ["town"] and isinstance(f.fallback, FallbackTargets)
    assert [texts(group) for group in f.fallback_targets] == [["army"]]  # cameo.tsv fallback_preps: from


def test_the_attack_named_as_subject_is_the_killing(res):
    book = Book(pattern("t-airstrike", "195", "airstrike", "NOUN", target=("prep:on", "none")),
                pattern("t-kill", "190", "kill", target=("dobj",)))
    [f] = found(res, book, AIRSTRIKES)
    assert f.trigger.text == "killed" and texts(f.sources) == ["Israeli"] and texts(f.targets) == ["people"]


def test_the_weapon_named_picks_the_code_of_a_generic_attack(res):
    book = Book(pattern("t-kill", "190", "kill", target=("dobj",)))
    [f] = found(res, book, AIRSTRIKES, instruments={"airstrike": "195"})
    assert f.code == "195"


def test_what_a_protest_demands_picks_its_subcode(res):
    book = Book(pattern("t-protest", "141", "protest", target=("none",)),
                pattern("t-demand-resignation", "1041", "demand", object="resignation"))
    [f] = found(res, book, PROTESTED)
    assert (f.trigger.text, f.code) == ("protested", "1411")


SENTENCES = [
    "Germany urged Russia to negotiate with Ukraine on Monday.",
    "Turkey threatened to impose sanctions on Greek goods unless Athens withdrew its ships.",
    "Israeli airstrikes killed 15 people in Gaza, officials said.",
    "The teachers won't end their strike, the union said.",
    "Japan is committed to deepening its cooperation with India and promised military aid to Manila.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_facade_and_the_stages_give_the_same_records(coder, text):
    parsed = coder.nlp(text)
    fields = ("trigger", "code", "pattern", "sources", "targets", "status", "frame_word", "clause", "consumed",
              "planned", "passive", "rank", "act_clause", "fallback_targets", "needs_target")
    # the coder's own registered event stages, against the facade built from the same data
    stages = [s for s in coder.stages if s.name in ("triggers", "framing", "arguments")]
    assert [s.name for s in stages] == ["triggers", "framing", "arguments"]
    state = SentenceState(sentence=None, parsed=parsed)
    for stage in stages:
        stage(None, state)
    extractor = Extractor(coder.patterns, coder.frames, stages[0].nominals, stages[2].refiner.instruments,
                          stages[2].purposes, cameo=coder.cameo, lexicon=coder.lexicon)
    facade = extractor.find(parsed)
    assert facade
    assert [[repr(getattr(f, n)) for n in fields] for f in facade] == \
        [[repr(getattr(f, n)) for n in fields] for f in state.found]


def test_the_event_stages_declare_a_chain_that_checks(res):
    from tacitus.stages import Stage, check_stages

    class Parsed(Stage):
        name, level, assigns = "parse", "sentence", ("sentence.parsed",)

    stages = res.stages(Book())
    check_stages([Parsed(), *stages])
    assert [(s.name, s.assigns) for s in stages] == [
        ("triggers", ("sentence.triggers",)), ("framing", ("sentence.framed", "sentence.dropped")),
        ("arguments", ("sentence.found",))]
