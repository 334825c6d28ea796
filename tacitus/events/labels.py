"""Acts labelled as crimes: "the strike, which Ukraine called a war crime", "the shelling could
amount to a war crime, Amnesty said". Whoever calls an act a crime accuses its doer (CAMEO 112x),
though no verb of accusing is used."""
from __future__ import annotations

from .clauses import FORCE_ROOTS
from .records import Found
from .syntax import lemma, with_conjuncts

LABELLED_ROOTS = FORCE_ROOTS + ("17",)  # acts of force and of repression can be called crimes
WAR_CRIME, CRIME = "1124", "1121"


def labelled_crimes(syntax, found, codes):
    """One accusation per crime noun that labels an act ("called the attack a war crime",
    "described the shelling as genocide", "may constitute crimes against humanity", X said): the
    labeller or speaker is the source, the doer of the act labelled the target."""
    words = syntax.words
    if not syntax.has_lemma(words.crime_labels):
        return []
    by_token = {}
    for f in found:
        by_token.setdefault(f.trigger.i, f)
    out = []
    for noun in syntax.doc:
        if noun.pos_ != "NOUN" or lemma(noun) not in words.crime_labels:
            continue
        labelled, accusers, verb = _labelling(syntax, noun)
        if verb is None or not accusers:
            continue
        accused = _doers(syntax, labelled, by_token, codes)
        if not accused:
            continue
        kinds = {lemma(noun)} | {lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")}
        kinds |= {lemma(o) for o in syntax.prep_objects(noun, ("against",))}  # "crimes against humanity"
        code = WAR_CRIME if kinds & words.war_crime_words else CRIME
        out.append(Found(noun, code, "frame:allege", accusers, accused, "occurred", frame_word=verb,
                         clause=syntax.time_words([verb]), consumed={noun.i}, needs_target=True))
    return out


def _labelling(syntax, noun):
    """(what is labelled, who labels it, the labelling verb) for a crime noun, else (None, [], None)."""
    words, head = syntax.words, noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        head = head.head if head.head.dep_ != "dobj" else head.head.head  # "described the shelling as"
        noun_dep = "oprd"
    elif noun.dep_ == "appos":
        # "called the strike on the station a war crime": the parser may hang the label on the object
        head = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), noun.head)
        noun_dep = "oprd" if any(a.dep_ == "dobj" and a.head.i == head.i for a in noun.ancestors) else "appos"
    else:
        noun_dep = noun.dep_
    if noun_dep == "oprd" and lemma(head) in words.labelling_verbs:
        objs = syntax.children(head, "dobj")
        return (_antecedent(objs[0]) if objs else None), with_conjuncts(syntax.children(head, "nsubj")), head
    if noun.dep_ == "pobj" and head.lower_ == "to":
        head = head.head  # "could amount to a war crime"
    elif noun.dep_ not in ("attr", "dobj"):
        return None, [], None
    if lemma(head) not in words.equating_verbs:
        return None, [], None
    subj = syntax.children(head, "nsubj")
    return (_antecedent(subj[0]) if subj else None), _speaker(syntax, head), head


def _antecedent(tok):
    """"the strike, which Ukraine called ...": the noun a relative pronoun stands for."""
    if tok.tag_ in ("WDT", "WP"):
        cur = tok
        while cur.dep_ != "relcl" and cur.head.i != cur.i:
            cur = cur.head
        return cur.head if cur.dep_ == "relcl" else None
    return tok


def _speaker(syntax, verb):
    """Who says the act is a crime: the subject of the verb of saying above the clause, or of one
    in the sentence's attribution tail ("..., Amnesty said")."""
    speech = syntax.words.speech_lemmas
    said = next((a for a in list(verb.ancestors)[:6] if lemma(a) in speech), None)
    if said is None:
        said = next((c for c in verb.sent.root.children if c.dep_ in ("ccomp", "parataxis")
                     and c.i > verb.i and lemma(c) in speech), None)
    return with_conjuncts(syntax.children(said, "nsubj")) if said is not None else []


def _doers(syntax, labelled, by_token, codes):
    """The doer of the labelled act: the coded act it is, or that it is the object or place of
    ("struck a hospital in Kharkiv, which ..."); else the noun's owner."""
    cur = labelled
    for _ in range(4):
        if cur is None:
            return []
        f = by_token.get(cur.i)
        # an act called a crime is one of force whatever its word codes ("the strike": 143 or 19x)
        if f is not None and (codes[f.code].root in LABELLED_ROOTS or cur.i == labelled.i):
            return list(f.sources)
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head.head
        elif cur.dep_ in ("dobj", "nsubjpass"):
            cur = cur.head
        else:
            break
    if labelled is None or labelled.pos_ == "PROPN":
        return [labelled] if labelled is not None else []  # "the group, which X said ...": its own doer
    # "Israel's blockade", "the Russian strike", "the shelling by government forces"
    owners = [c for c in labelled.children if c.dep_ == "poss" or c.dep_ in ("amod", "compound")
              and c.i < labelled.i and c.text[:1].isupper()] + syntax.prep_objects(labelled, ("by",))
    return with_conjuncts(owners) if owners else []
