"""Mass killings (CAMEO 202). The codebook codes a killing as mass killing on the reporter's own
words ("massacre", "slaughter", "genocide": patterns do that) and for killing "a substantial number
of people", which it does not count. The rule here counts: a generic killing (180 or 190, no weapon
named and not the toll of another act of force, both decided before this runs) of unarmed people
(`victim_nouns`, `people_nouns`) given as MASS_KILLING or more ("killed at least 45 farmers",
"beheaded 20 villagers", "killed hundreds of civilians") is a mass killing. Fighters, soldiers and
police killed in any number stay an attack, and so does a killing whose weapon says its kind
("killed 46 civilians in an air raid": 195)."""
from __future__ import annotations

from .syntax import lemma, with_conjuncts

# The smallest count of unarmed victims one killing must have to be a mass killing: the codebook
# gives no number; twenty is where wire reports start to speak of massacres of villagers.
MASS_KILLING = 20
# What a counting noun stands for at the least ("scores of villagers" is forty or more).
COUNTING = {"dozen": 24, "score": 40, "hundred": 100, "thousand": 1000, "million": 1000000}


def mass_killings(found, words):
    """Recode, in place, the generic killings of `found` whose victims are many unarmed people."""
    for f in found:
        tok = f.trigger
        if f.code not in ("180", "190") or lemma(tok) not in words.killing_verbs or not f.sources \
                or _in_fighting(tok, words):
            continue
        victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not victims and tok.dep_ == "conj":
            # "hundreds of men were rounded up and killed": the first verb's subject or object
            victims = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
        # "rounded up villagers and killed 32 of them": the people counted are the first verb's
        earlier = [c for c in tok.head.children if c.dep_ == "dobj"] if tok.dep_ == "conj" else []
        if any(_count(v, words, earlier[:1]) >= MASS_KILLING for v in with_conjuncts(victims)):
            f.code = "202"


def _in_fighting(tok, words):
    """"Israeli strikes killed 30 people", "floods killed dozens": a killing whose subject is an
    attack or a disaster is its toll; "40 people were killed in clashes between ...": so is one in
    fighting between two sides. (A one-sided raid in which gunmen kill 45 farmers is the massacre.)"""
    fighting = words.joint_verbs | {f"{w}ing" for w in words.joint_verbs}
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "relcl":
        subjects.append(tok.head)  # "the explosion that killed 20 people"
    tolls = words.attack_nouns | words.problem_nouns | words.disaster_nouns
    # a plural at the head of a sentence is often tagged a name, its lemma left plural ("Landslides")
    if any(lemma(c) in tolls or c.lower_[:-1] in tolls for c in subjects):
        return True
    phrases = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "amid")]
    return any(lemma(o) in fighting for p in phrases for o in p.children if o.dep_ == "pobj")


def _count(tok, words, earlier=()):
    """How many unarmed people the noun phrase names at the least; 0 when it names none or armed.
    `earlier`: whom "them" in "32 of them" stands for."""
    head, count = tok, 0
    digits = tok.text.replace(",", "")
    if tok.tag_ == "CD" and digits.isdigit():
        # "killed at least 32 of them", "40 of the villagers"
        kinds = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"]
        kind = list(earlier)[:1] if kinds and kinds[0].lower_ == "them" else kinds[:1]
        if not kind:
            return 0
        head, count = kind[0], int(digits)
    elif lemma(tok) in COUNTING:
        # "hundreds of civilians", "two hundred villagers"
        kinds = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"]
        if not kinds:
            return 0
        head, count = kinds[0], COUNTING[lemma(tok)] * max(1, _number(tok))
    count = count or _number(head)
    unarmed = lemma(head) in words.victim_nouns or lemma(head) in words.people_nouns
    return count if unarmed else 0


def _number(tok):
    """The number a noun's numeral gives it ("45 farmers", "more than 1,200 civilians"), else 0."""
    for c in tok.children:
        if c.dep_ == "nummod" and c.like_num:
            digits = c.text.replace(",", "")
            if digits.isdigit():
                return int(digits)
    return 0
