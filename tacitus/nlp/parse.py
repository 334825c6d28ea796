"""The parse stage: candidate sentences streamed through spaCy's `pipe` (tagger, parser,
lemmatizer), reusing the tokens the segment stage made."""
from __future__ import annotations

from ..stages import Stage
from .conjuncts import mend_conjuncts


class Parse(Stage):
    """Tag, parse and lemmatize the candidate sentences of the whole batch in one stream."""

    name = "parse"
    level = "batch"
    requires = ("sentence.tokens", "sentence.candidate")
    assigns = ("sentence.parsed",)

    def __init__(self, nlp, batch_size: int):
        self.nlp = nlp
        self.batch_size = batch_size

    def __call__(self, documents):
        candidates = [s for doc in documents for s in doc.sentences if s.candidate]
        for state, parsed in zip(candidates, self.nlp.pipe([s.tokens for s in candidates],
                                                          batch_size=self.batch_size)):
            state.parsed = mend_conjuncts(parsed)
