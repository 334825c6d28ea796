"""Who speaks for what a sentence says: "Wang Yi said, ...", "Rebel commanders said they ..."."""
from __future__ import annotations

SPEAKER_SPAN = 14  # a verb of saying this far into the sentence introduces its speaker
TAIL_SPAN = 8  # or, after a closing quote, this near its end
QUOTES = ('"', "\u201c", "\u201d", "\u2018", "\u2019", "'")


class Speakers:
    """Finds the speaker a sentence names; built once per coder."""

    def __init__(self, lexicon, resolver):
        self.speech_words = lexicon["speech_words"]
        self.resolver = resolver

    def find(self, spacy_doc, actors, mentioned, context, words):
        """The subject of a verb of saying among the sentence's first words, else the last actor
        named before that verb; None when no such verb is there."""
        parsed = spacy_doc.has_annotation("DEP")
        if not any(w.lower() in self.speech_words for w in words[1:SPEAKER_SPAN]):
            return self._after_quote(spacy_doc, actors, context) if parsed else None
        for tok in spacy_doc[:SPEAKER_SPAN]:
            if tok.lower_ not in self.speech_words or tok.i == 0:
                continue
            # "X was quoted as saying": the passive subject speaks
            deps = ("nsubj", "nsubjpass") if tok.lower_ == "quoted" else ("nsubj",)
            subjects = [c for c in tok.children if c.dep_ in deps] if parsed else []
            if subjects:
                resolved = self.resolver.resolve(subjects, actors, context)
                if resolved:
                    return resolved[0]
            before = [a for a in mentioned if a.end is not None and a.end <= actors.offset + tok.idx]
            if before:
                return before[-1]
        return None

    def _after_quote(self, spacy_doc, actors, context):
        """"'We look forward to ...,' the ministers said.": a quoted sentence's speaker in its tail."""
        if len(spacy_doc) < 4 or spacy_doc[0].text not in QUOTES:
            return None
        for tok in spacy_doc[-TAIL_SPAN:]:
            if tok.lower_ in self.speech_words and any(t.text in QUOTES for t in spacy_doc[max(tok.i - 5, 0):tok.i]):
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                resolved = self.resolver.resolve(subjects, actors, context) if subjects else []
                return resolved[0] if resolved else None
        return None
