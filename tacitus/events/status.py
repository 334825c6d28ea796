"""The status of an act: occurred, planned, hypothetical, negated or historical, from the words on
the trigger and on the verbs that frame it."""
from __future__ import annotations

from .syntax import lemma


def status_of(syntax, chain, tok, status):
    """`chain` is the trigger and the words framing it; a status already "negated" (by a negating
    frame such as "failed to") stays so."""
    if status == "negated":
        return status
    words = syntax.words
    auxiliaries = set()
    chain = syntax.with_aspect(chain)
    first = chain[0]
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
        chain.append(first)
    verb = syntax.verb_of_noun(tok) if tok.pos_ == "NOUN" and len(chain) == 1 else None
    if verb is not None:
        chain.append(verb)  # "will not take part in talks": the verb's negation and modals are the noun's
    if tok.pos_ == "NOUN" and _in_condition(syntax, tok):
        return "hypothetical"
    for t in chain:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and t.pos_ == "NOUN"):
                return "negated"
            if c.dep_ in ("aux", "auxpass"):
                auxiliaries.add(c.lower_)
            if c.dep_ == "mark" and c.lower_ in words.hypothetical_marks:
                return "hypothetical"
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in words.prospective_modifiers for c in tok.children):
        return "planned"  # "Brown's upcoming visit to China"
    ancestors = list(tok.ancestors)[:4]
    if any(lemma(a) in words.history_words for a in ancestors) or (
            tok.pos_ == "NOUN" and any(lemma(c) in words.history_words for c in tok.head.children)):
        return "historical"
    if auxiliaries & words.modal_hypothetical:
        return "hypothetical"
    if auxiliaries & words.modal_future or ("going" in auxiliaries and "to" in auxiliaries):
        return "planned"
    if scheduled(words, chain):
        return "planned"
    return "occurred"


def scheduled(words, chain):
    """"Is due to visit", "are set to sign", "is expected to arrive": the act is on a timetable,
    reported as planned, not announced as anyone's intent."""
    return any(lemma(t) in words.schedule_words and t.pos_ in ("ADJ", "VERB") for t in chain[1:]) or any(
        t.dep_ == "xcomp" and lemma(t.head) in words.schedule_words for t in chain)


def _in_condition(syntax, tok):
    """"will withdraw unless the president arranged a ceasefire and held elections": an event
    noun that is the object of the verb of an "if"/"unless" clause (or of its conjuncts) is only
    the condition, whatever that verb is, unless a definite or possessive word presupposes it."""
    if any(_presupposes(c) for c in tok.children):
        return False  # "if Israel widened its offensive": the offensive is going on
    cur = syntax.object_verb(tok)
    if cur is None:
        return False
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur.pos_ == "VERB" and any(
        c.dep_ == "mark" and c.lower_ in syntax.words.hypothetical_marks for c in cur.children)


def _presupposes(word):
    """A possessive, a definite article or a demonstrative: the noun names something that is."""
    if word.dep_ == "poss":
        return True
    return word.dep_ == "det" and (word.morph.get("Definite") == ["Def"] or word.morph.get("PronType") == ["Dem"])
