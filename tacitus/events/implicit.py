"""Acts whose parties the sentence leaves to the document: an agreement settled with no party
named ("the truce, reached after talks in Geneva, ...") is one between the document's two sides,
and an act welcomed ("welcomed the signing of the accord") that names its own doers stands as
an event besides the welcome."""
from __future__ import annotations

from .records import Found
from .status import status_of
from .syntax import lemma


def settled_agreements(syntax, found):
    """Found records for agreement nouns settled in a passive with no party named ("a peace deal
    was signed on Sunday", "the ceasefire, brokered by Qatar, ..."): done by the two sides the
    document gives (resolved in assembly, which drops them when it gives no pair). A trigger of
    the same verb that found no doer is replaced, not doubled. Returns the records and the tokens
    they keep free of what another trigger took in ("brokered by Qatar" takes in the truce)."""
    words = syntax.words
    if not syntax.has_lemma(words.agreement_nouns):
        return found, set()
    by_trigger = {f.trigger.i: f for f in found}
    out, free = list(found), set()
    for noun in syntax.doc:
        if noun.pos_ != "NOUN" or lemma(noun) not in words.agreement_nouns:
            continue
        verb = _settling_verb(syntax, noun)
        if verb is None or _own_parties(syntax, noun) or _own_parties(syntax, verb):
            continue  # ("deals reached with Israel": the verb names a party)
        agents = [o for a in syntax.children(verb, "agent") for o in syntax.children(a, "pobj")]
        mediated = lemma(verb) in words.mediating_verbs
        if agents and not mediated:
            continue  # "signed by Armenia and Azerbaijan": the pattern names them
        own = by_trigger.get(verb.i)
        trigger = noun if own is not None and own.sources else verb
        if trigger is noun and noun.i in by_trigger and by_trigger[noun.i].sources:
            continue
        code = "0871" if lemma(noun) in words.truce_nouns else "057"
        status = status_of(syntax, [verb], verb, "occurred")
        # (a mediator's tokens ride as targets, for assembly to keep it out of the pair; the
        # mediator's own event on the verb is not taken in)
        made = Found(trigger, code, "implicit:settled", [], agents if mediated else [], status,
                     clause=syntax.time_words([verb, noun]), consumed={noun.i, trigger.i}, pair="any")
        out = [f for f in out if not (f.trigger.i == trigger.i and not f.sources)] + [made]
        free.add(trigger.i)
    return out, free


def _settling_verb(syntax, noun):
    """"The deal was signed", "the truce, reached after talks": the passive verb that settles the
    noun, else None."""
    verbs = syntax.words.settling_verbs
    head = noun.head
    if noun.dep_ == "nsubjpass" and lemma(head) in verbs:
        return head
    if noun.dep_ == "nsubj" and lemma(head) == "be":
        # "a deal is to be signed next month"
        for c in syntax.children(head, "xcomp"):
            if lemma(c) in verbs and syntax.children(c, "auxpass"):
                return c
    for c in syntax.children(noun, "acl"):
        if c.tag_ == "VBN" and lemma(c) in verbs:
            return c
    return None


def _own_parties(syntax, noun):
    """"Iran's deal", "the accord between Chad and Sudan", "a pact with Moscow", "reached with
    Israel": the noun or its verb names who is party to it (or which one it is)."""
    if syntax.children(noun, "poss"):
        return True
    if any(c.pos_ == "PROPN" for c in syntax.children(noun, "compound", "amod", "nmod")):
        return True  # "the Iran nuclear deal", "the Paris accord": a named one, not the pair's
    return any(p.lower_ in ("between", "with", "among") for p in syntax.children(noun, "prep"))


def welcomed_acts(syntax, found, consumed):
    """"Welcomed the signing of the accord", "hailed the release of the hostages by Hamas": an
    event noun welcomed is its own event when its own words name its doer; a signing with none
    named that two sides welcome together ("the leaders", "Chile and Peru") is theirs (assembly
    drops it when the welcomers are one). The tokens it keeps free of `consumed`."""
    words = syntax.words
    if not syntax.has_lemma(words.welcoming_verbs):
        return set()
    free = set()
    by_trigger = {f.trigger.i: f for f in found}
    for f in found:
        tok = f.trigger
        if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or lemma(tok.head) not in words.welcoming_verbs:
            continue
        if f.sources and all(tok.left_edge.i <= getattr(s, "token", s).i <= tok.right_edge.i
                             for s in f.sources):
            free.add(tok.i)  # (its doer in its own words, not the welcome's subject)
        elif f.code == "057" and tok.head.i in by_trigger and by_trigger[tok.head.i].sources:
            f.sources, f.pair = by_trigger[tok.head.i].sources, "welcomers"
            free.add(tok.i)
    for f in found:
        if f.trigger.i in free and not syntax.dated(f.clause):
            f.clause = f.clause + syntax.time_words([f.trigger.head])  # "hailed on Sunday the release"
    return free & consumed
