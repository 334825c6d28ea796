"""Possessive conjuncts the parser misreads, mended on the parsed sentence before anyone reads it. It
looks only at a few tokens around each possessive, so the cost is one pass.

  "Minister A of Viet Nam and Sudan's Minister B agreed": the parser reads "Viet Nam and Sudan" as
  one object of "of" and hangs A on B; it is A and B, B being Sudan's.
"""
from __future__ import annotations

from spacy.attrs import DEP, LOWER

_POSSESSIVE = ("'s", "’s")
_NAME_LINKS = ("of", "the", "for", "and", "on")


def mend_conjuncts(doc):
    """Mend `doc` in place; returns it. The labels are read as an array: this runs on every parsed
    sentence, and the mending never relabels a possessive marker."""
    strings = doc.vocab.strings
    case_id, possessive_ids = strings["case"], {strings[w] for w in _POSSESSIVE}
    cc_id, or_id = strings["cc"], strings["or"]
    for i, (dep, lower) in enumerate(doc.to_array([DEP, LOWER]).tolist()):
        if dep == case_id and lower in possessive_ids:
            _possessive_conjunct(doc[i].head)
        elif dep == cc_id and lower == or_id and 0 < i < len(doc) - 1:
            _abbreviation_gloss(doc, i)
    return doc


def _abbreviation_gloss(doc, i):
    """"Inspectors of the International Atomic Energy Agency, or IAEA, ...": ", or" and a name in
    capitals right after a name gloss it; the parser's conjunct is an apposition, not a second one."""
    abbr, name = doc[i + 1], doc[i - 2] if doc[i - 1].is_punct and i >= 2 else None
    if abbr.dep_ != "conj" or not abbr.is_upper or abbr.pos_ != "PROPN" or name is None \
            or name.pos_ != "PROPN" or doc[i - 1].text != ",":
        return
    if i + 2 < len(doc) and not doc[i + 2].is_punct:
        return  # "Britain, or USA officials": a name in capitals that leads a phrase is no gloss
    initials, j = [], i - 2
    while j >= 0 and (doc[j].is_title or doc[j].lower_ in _NAME_LINKS and initials):
        if doc[j].is_title:
            initials.append(doc[j].text[0])
        j -= 1
    if len(abbr.text) > 1 and "".join(reversed(initials)).endswith(abbr.text):
        abbr.dep_ = "appos"  # its letters are the name's initials: not "France, Germany, or UK"


def _possessive_conjunct(owner):
    """`owner` ("Sudan" of "Sudan's") was read as a conjunct inside an "of" phrase of A, and A as a
    modifier of B, the noun right after "Sudan's", or B as A's apposition: make A and B the
    conjuncts, Sudan B's owner."""
    first, doc = owner.head, owner.doc
    if owner.dep_ != "conj" or first.dep_ != "pobj" or first.head.lower_ != "of" or owner.i + 2 >= len(doc):
        return
    a, b = first.head.head, doc[owner.i + 2]
    while b.dep_ in ("compound", "flat") and b.head.i > b.i:
        b = b.head  # the names and titles after "Sudan's" up to the noun they name
    if a.pos_ not in ("PROPN", "NOUN") or b.pos_ not in ("PROPN", "NOUN"):
        return
    if a.dep_ == "nmod" and a.head.i == b.i:
        a.head, a.dep_ = (b.head if b.head.i != b.i else a), b.dep_
    elif not (b.dep_ == "appos" and b.head.i == a.i):
        return
    cc = [c for c in first.children if c.dep_ == "cc" and first.i < c.i < owner.i]
    b.head, b.dep_ = a, "conj"
    owner.head, owner.dep_ = b, "poss"
    for c in cc:
        c.head = a
