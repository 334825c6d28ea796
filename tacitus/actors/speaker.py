"""Who speaks for what a sentence says: "Wang Yi said, ...", "Rebel commanders said they ..."."""
from __future__ import annotations

SPEAKER_SPAN = 14  # a verb of saying this far into the sentence introduces its speaker


class Speakers:
    """Finds the speaker a sentence names; built once per coder."""

    def __init__(self, lexicon, resolver):
        self.speech_words = lexicon["speech_words"]
        self.resolver = resolver

    def find(self, spacy_doc, actors, mentioned, context, words):
        """The subject of a verb of saying among the sentence's first words, else the last actor
        named before that verb; None when no such verb is there."""
        if not any(w.lower() in self.speech_words for w in words[1:SPEAKER_SPAN]):
            return None
        parsed = spacy_doc.has_annotation("DEP")
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
