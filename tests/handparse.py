"""Hand-built parses and a small pattern book for the event stage tests: a test pins what a stage
does with a given parse, not what the parser or the pattern files happen to say today."""
from spacy.tokens import Doc
from spacy.lang.en import English

from tacitus.events import event_stages
from tacitus.events.patterns import Frames, Pattern, Purposes
from tacitus.lexicon import Lexicon
from tacitus.ontology import Cameo
from tacitus.stages import SentenceState

VOCAB = English().vocab  # English lexical attributes: lower_, like_num
# "Japan met Russia": the plainest frame, shared by the stage tests
MET = """
Japan Japan PROPN NNP 1 nsubj
met meet VERB VBD 1 ROOT
Russia Russia PROPN NNP 1 dobj
"""


def parse(text):
    """A Doc from lines of "word lemma POS TAG head dep", head the 0-based index of the head (the
    root is its own head)."""
    rows = [line.split() for line in text.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], heads=[int(r[4]) for r in rows], deps=[r[5] for r in rows])


def pattern(pid, code, lemma, pos="VERB", *, particle=None, object=None, prep=None, pobj=None, xcomp=None,
            target=("dobj", "poss")):
    words = [frozenset(w.split()) if w else None for w in (object, prep, pobj, xcomp)]
    return Pattern(pid, code, lemma, pos, particle, *words, tuple(target))


class Book:
    """A pattern book of the patterns given, in order."""

    def __init__(self, *patterns):
        self.by_key = {}
        for p in patterns:
            self.by_key.setdefault((p.lemma, p.pos), []).append(p)

    def candidates(self, lemma, pos):
        return self.by_key.get((lemma, pos), ())


class Resources:
    """The data the stages read besides patterns, loaded once for a test module."""

    def __init__(self):
        self.cameo = Cameo()
        self.lexicon = Lexicon()
        self.frames = Frames(self.cameo)
        self.purposes = Purposes(self.frames)

    def stages(self, book, nominals=None, instruments=None):
        return event_stages(book, self.frames, cameo=self.cameo, lexicon=self.lexicon, nominals=nominals,
                            instruments=instruments, purposes=self.purposes)

    def run(self, book, doc, upto=3, **data):
        """The sentence state after the first `upto` event stages."""
        state = SentenceState(sentence=None, parsed=doc)
        for stage in self.stages(book, **data)[:upto]:
            stage(None, state)
        return state
