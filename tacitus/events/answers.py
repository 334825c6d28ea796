"""A rejection of "the call", "the demand", "the ultimatum" that names no one: the call is one the
document reported before, so whoever made it is the target ("ECOWAS gave the junta an ultimatum
... the putschists rejected the call")."""
from __future__ import annotations

from dataclasses import replace

from ..model import METHODS
from .records import trigger_token

# The roots of the acts a rejection can answer: appeals (02), offers (03), demands (10), threats (13).
ANSWERED_ROOTS = ("02", "03", "10", "13")
REFERRING = ("the", "this", "that", "these", "those")


def answered_targets(events, sentences, framing_nouns):
    """`events` with each untargeted rejection of a call reported earlier aimed at its maker."""
    out = []
    for i, ev in enumerate(events):
        if ev.target is None and ev.source is not None and ev.cameo.startswith("12") \
                and _refers_back(trigger_token(sentences[ev.evidence.sentence], ev), framing_nouns):
            maker = next((e.source for e in reversed(events[:i]) if e.source is not None
                          and e.cameo[:2] in ANSWERED_ROOTS and _other_side(e.source, ev.source)
                          and e.evidence.sentence <= ev.evidence.sentence), None)
            if maker is not None:
                evidence = replace(ev.evidence, method="context", confidence=METHODS["context"], target_span=None)
                ev = replace(ev, target=replace(maker, start=None, end=None, resolved_from="context"),
                             evidence=evidence)
        out.append(ev)
    return out


def _other_side(maker, rejecter):
    """Someone else, not the rejecter's own side (an actor with no country differs by its code)."""
    if maker.country and rejecter.country:
        return maker.country != rejecter.country
    return maker.code != rejecter.code


def _refers_back(tok, framing_nouns):
    """The rejected object is a call named by a definite article and nothing else: "rejected the call",
    not "rejected Moscow's call" or "the call by the opposition"."""
    if tok is None:
        return False
    for obj in tok.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in framing_nouns:
            kids = list(obj.children)
            return any(c.dep_ == "det" and c.lower_ in REFERRING for c in kids) and not any(
                c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                for c in kids)
    return False
