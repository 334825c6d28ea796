"""Arguments by word order, for a trigger whose dependency frame names no actor that resolves.

A parser that misreads one attachment ("Boko Haram fighters abducted 40 women" parsed as the
fighters who were abducted) leaves the frame with no doer, and the event would be lost. Shallow
coders such as TABARI read the actor before the verb as its source; this is that reading, used
only where the frame found no one: the nearest actor phrase before the trigger in its clause, a
subject first. Places ("in Maiduguri") and the attribution tail ("..., residents said") are not
doers. Events found this way say so (`evidence.method: "surface"`), with a lower confidence.
"""
from __future__ import annotations

from .resolve import torn_between

BOUNDARIES = (";", ":", "—", "–")  # a clause ends here; an actor beyond it is someone else's


class SurfaceArguments:
    def __init__(self, resolver, lexicon):
        self.resolver = resolver
        self.speech_lemmas = lexicon["speech_lemmas"]
        self.place_preps = lexicon["locative_preps"]  # "in Kabul", "from the border": where, not who

    def source(self, trigger, sentence_actors, context, *, any_trigger=False):
        """The actors of the nearest phrase before `trigger` that names one, or []. Only a verb that
        reports an act of its own is read this way: a finite verb, or a participle with an object
        of its own ("fighters abducted 40 women"); an event noun, an infinitive or a gerund is
        part of a phrase whose frame says who acts, or nobody does. With `any_trigger` (for a
        sentence that would otherwise give no event at all) every trigger is."""
        if not any_trigger and not _reports_an_act(trigger):
            return []
        if any(torn_between(c) for c in trigger.children):
            return []  # "shot two teenagers when they stormed ...": the doer is "they", whoever that is
        for head in self._candidates(trigger, sentence_actors):
            actors = [a for a in self.resolver.resolve([head], sentence_actors, context) if a.kind != "place"]
            if actors:
                return actors
        return []

    def _candidates(self, trigger, sentence_actors):
        """Phrase heads before the trigger that hold a dictionary mention: subjects first, then the
        rest, nearest first."""
        doc, mention_at = trigger.doc, sentence_actors.mention_at
        heads, seen = [], set()
        for i in range(trigger.i - 1, -1, -1):
            tok = doc[i]
            if tok.text in BOUNDARIES:
                break
            m = mention_at.get(i)
            if m is None or m.entry.kind == "place":
                continue
            head = _phrase_head(tok, trigger)
            if head.i in seen or head.i >= trigger.i or self._placed(head) or self._speaker(head, trigger):
                continue
            seen.add(head.i)
            heads.append(head)
        return sorted(heads, key=lambda h: h.dep_ not in ("nsubj", "nsubjpass", "ROOT"))

    def _placed(self, tok):
        """The phrase is where something happens ("in Kabul", "from the border"), not who acts."""
        return tok.dep_ == "pobj" and tok.head.lower_ in self.place_preps

    def _speaker(self, tok, trigger):
        """The subject of a verb of saying before the act ("officials said rebels ..."): who reports the
        act, not its doer. A verb of saying after it closes the sentence ("..., residents said") and
        says nothing of who acted, however the parser hangs the words before it."""
        head = tok.head
        return tok.dep_ == "nsubj" and head.i < trigger.i and head.lemma_.lower() in self.speech_lemmas


def _reports_an_act(tok):
    if tok.pos_ != "VERB":
        return False
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and any(c.dep_ == "dobj" for c in tok.children)


def _phrase_head(tok, trigger):
    """Up from a name to the noun its phrase is about ("Boko Haram" -> "fighters"), not past the trigger."""
    while tok.dep_ in ("compound", "amod", "nmod", "flat", "nummod") and tok.head.i != tok.i \
            and tok.head.i != trigger.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok
