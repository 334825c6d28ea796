"""Targets one event of a sentence takes from another: a verb that shares the next verb's object, a
purpose clause's act of the same kind, and a concession that names no one it is made to."""
from __future__ import annotations

from dataclasses import replace


def shared_targets(out, cameo):
    """"Established ties with and opened an embassy in Tehran", "condemned and rejected the
    decision by Israel": an act that names no target of its own shares that of the verb whose
    object it shares, by the same doer; "mobilized lobby groups to help support the
    Palestinians": or that of an act of the same kind its purpose clause names."""
    for a in out:
        if not a.pairs or any(p.target is not None or p.source is None for p in a.pairs):
            continue
        kind = cameo[a.code].plover.type
        for b in out:
            shares = _shares_object(a.found.trigger, b.found.trigger) if b is not a else None
            if not shares or shares == "purpose" and cameo[b.code].plover.type != kind:
                continue
            shared = [p.target for p in b.pairs if p.target is not None
                      and any(p.source is not None and p.source.same_entity(q.source) for q in a.pairs)]
            pairs = [replace(p, target=t, evidence=replace(p.evidence, target_span=(t.start, t.end)
                                                           if t.start is not None else None))
                     for p in a.pairs for t in shared if not t.same_entity(p.source)]
            if pairs:
                a.pairs = pairs
                break


def same_act_targets(assembled, cameo):
    """"Obama lifted sanctions on Iran and the EU had lifted its sanctions as well": a concession
    (08) that names no one it is made to is made to whom the sentence's same act is."""
    named = {}
    for a in assembled:
        named.setdefault(a.code, next((p.target for p in a.pairs if p.target is not None), None))
    for a in assembled:
        t = named.get(a.code)
        if t is not None and cameo[a.code].root == "08":
            a.pairs = [replace(p, target=t) if p.target is None and p.source is not None
                       and not p.source.same_entity(t) else p for p in a.pairs]
    return assembled


def _shares_object(tok, other):
    """"object" when `other` is the verb whose object `tok` shares ("established ties with and
    opened an embassy in", "condemned and rejected the decision"); "purpose" when it heads a
    purpose clause of `tok` ("mobilized groups to help support"); else None."""
    if other.dep_ == "conj" and other.head.i == tok.i and tok.i < other.i:
        held = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        # "ties with and ...": a preposition left with no object of its own
        dangling = any(p.dep_ == "prep" and p.i < other.i and not any(c.dep_ in ("pobj", "pcomp")
                                                                      for c in p.children)
                       for h in held for p in h.children)
        # "condemned and rejected": nothing but the conjunction between the two verbs
        bare = all(w.dep_ in ("cc", "punct", "advmod") for w in tok.doc[tok.i + 1:other.i]) and not any(
            c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "dative", "attr") for c in tok.children)
        return "object" if dangling or bare else None
    cur = other
    for _ in range(2):
        if cur.dep_ not in ("xcomp", "advcl") or cur.head.i == cur.i:
            return None
        if cur.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            return None  # only a purpose: "after they opened", "when it shelled" are acts of their own
        cur = cur.head
        if cur.i == tok.i:
            return "purpose"
    return None
