"""The parse stage: candidate sentences streamed through spaCy's `pipe` (tagger, parser,
lemmatizer), reusing the tokens the segment stage made."""
from __future__ import annotations

from ..stages import Stage
from .conjuncts import mend_conjuncts
from .repair import repair


class Parse(Stage):
    """Tag, parse and lemmatize the candidate sentences of the whole batch in one stream."""

    name = "parse"
    level = "batch"
    requires = ("sentence.tokens", "sentence.candidate")
    assigns = ("sentence.parsed",)

    def __init__(self, nlp, batch_size: int, drill_nouns=frozenset(), speech_lemmas=frozenset(),
                 bearers=frozenset()):
        self.nlp = nlp
        self.batch_size = batch_size
        # the lexicon's drill_nouns, speech_lemmas and bearer_participles, for the parse repairs
        self.drill_nouns = drill_nouns
        self.speech_lemmas = speech_lemmas
        self.bearers = bearers

    def __call__(self, documents):
        candidates = [s for doc in documents for s in doc.sentences if s.candidate]
        for state, parsed in zip(candidates, self.nlp.pipe([s.tokens for s in candidates],
                                                          batch_size=self.batch_size)):
            state.parsed = repair(mend_conjuncts(parsed), self.drill_nouns, self.speech_lemmas,
                                  self.bearers)
