"""The first stages: sentences, tokens and dictionary matches for every sentence, and the filter
that sends only the sentences that may hold an event on to the parser."""
from __future__ import annotations

import re

from ..model import Sentence
from ..stages import SentenceState, Stage
from ..time.dateline import without_lead_in
from .normalise import analysis_text
from .sentences import SentenceSplitter

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")  # the words a trigger form is looked up by


class Segment(Stage):
    """Split every document into sentences, tokenize them all with spaCy's tokenizer (cheap) and
    find the dictionary's actor names in each."""

    name = "segment"
    level = "batch"
    requires = ("document.document",)
    assigns = ("document.sentences", "sentence.sentence", "sentence.tokens", "sentence.words",
               "sentence.matches")

    def __init__(self, tokenizer, dictionary, lexicon):
        self.tokenizer = tokenizer
        self.dictionary = dictionary
        self.split = SentenceSplitter(lexicon["abbreviations"])

    def __call__(self, documents):
        states, analysed = [], []
        for doc in documents:
            text = doc.document.text
            # wire copy's dateline ("KABUL (Reuters) -") is cut from the sentence it opens
            doc.sentences = [SentenceState(Sentence(i, start, end, text[start:end]))
                             for i, (start, end) in enumerate(without_lead_in(text, self.split(text)))]
            states.extend(doc.sentences)
            # the words are read with invisible and control characters as spaces, one for one, so
            # that "Russia\u200b" is Russia and every offset still points into the original text
            clean = analysis_text(text)
            analysed.extend(clean[s.sentence.start:s.sentence.end] for s in doc.sentences)
        tokenized = self.tokenizer.pipe(analysed, batch_size=1000)
        for state, tokens in zip(states, tokenized):
            state.tokens = tokens
            state.words = [t.text for t in tokens]
            state.matches = list(self.dictionary.match(state.words))


class Filter(Stage):
    """May a sentence hold an event? It needs a trigger word and someone to do it: a dictionary
    mention, a referring word ("he", "both sides") or a capitalised word after the first."""

    name = "filter"
    level = "batch"
    requires = ("sentence.sentence", "sentence.words", "sentence.matches")
    assigns = ("sentence.candidate",)

    def __init__(self, trigger_forms, lexicon):
        self.trigger_forms = frozenset(trigger_forms)
        self.referring_words = lexicon["referring_words"]

    def __call__(self, documents):
        for doc in documents:
            for state in doc.sentences:
                state.candidate = self.is_candidate(state.sentence.text, state.words, state.matches)

    def is_candidate(self, text, words, matches) -> bool:
        if not any(w in self.trigger_forms for w in _WORD.findall(text.lower())):
            return False
        return bool(matches) or any(w.lower() in self.referring_words or (i > 0 and w[:1].isupper())
                                    for i, w in enumerate(words))
