"""A meeting that names no one else but the body it is a meeting of: "Trump attended a meeting of the
North Atlantic Council", "Macron is hosting a UN climate summit", "the minister attended an EU
summit". The convening organisation is the other party (CAMEO codes consultation with an IGO the way
it codes consultation with a state), where no partner is named in the frame."""
from __future__ import annotations

from dataclasses import replace

from ..model import Actor
from .records import trigger_token

# The dependents of a meeting noun that name whose meeting it is: "a NATO summit", "the summit's
# host", "a meeting of the council"; a place ("a summit in Brussels") is not a party.
OWNER_DEPS = ("compound", "nmod", "poss", "amod")
MEETING_OF = ("of",)
# Only a body of states convenes a meeting it can be a party to: a multilateral organisation.
CONVENER_PREFIX = "IGO"


def convened_targets(events, sentences, needs_partner):
    """`events` with each untargeted meeting aimed at the organisation whose meeting it is."""
    out = []
    for ev in events:
        if ev.target is None and ev.source is not None and needs_partner(ev.cameo):
            sent = sentences[ev.evidence.sentence]
            convener = _convener(sent, trigger_token(sent, ev), ev.source)
            if convener is not None:
                evidence = replace(ev.evidence, target_span=(convener.start, convener.end))
                ev = replace(ev, target=convener, evidence=evidence)
        out.append(ev)
    return out


def _meeting_nouns(tok):
    """The meeting the trigger names: the noun itself, or what a verb attends, hosts or holds."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return [tok]
    return [c for c in tok.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")]


def _convener(sent, tok, source):
    if tok is None or sent.actors is None:
        return None
    for noun in _meeting_nouns(tok):
        owners = [c for c in noun.children if c.dep_ in OWNER_DEPS]
        owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in MEETING_OF
                   for p in c.children if p.dep_ == "pobj"]
        for owner in sorted(owners, key=lambda t: t.i):
            for actor in sent.actors.actors_of(owner):
                if isinstance(actor, Actor) and actor.code.startswith(CONVENER_PREFIX) \
                        and actor.code != source.code:
                    return actor
    return None
