"""Repairs of parse shapes the small English parser gets wrong in short wire sentences, made
on the parsed tokens (no second parse): a sentence read as a noun phrase whose verb became a
modifier ("Lebanese army units deployed along the border", "North Korea test-fired two missiles
off its coast"), and a modifier of a drill read as a verb ("began snap military exercises",
"carried out missile firing drills")."""
from __future__ import annotations

from spacy.attrs import DEP, TAG

_DRILL_TAGS = ("VB", "VBP", "VBG", "JJ")


def repair(doc, drill_nouns, speech_lemmas=frozenset(), bearers=frozenset()):
    """Mend `doc` in place where one of the shapes is found; return it. One pass over the labels
    read as an array (no Token objects but for the few it needs): this runs on every parsed
    sentence."""
    strings = doc.vocab.strings
    root_id, subject_id, pcomp_id, vbg_id = strings["ROOT"], strings["nsubj"], strings["pcomp"], strings["VBG"]
    amod_id = strings["amod"]
    clause_ids, tag_ids = {strings["xcomp"], strings["advcl"]}, {strings[t] for t in _DRILL_TAGS}
    root, subjects = None, []
    for i, (dep, tag) in enumerate(doc.to_array([DEP, TAG]).tolist()):
        if dep == root_id and root is None:
            root = doc[i]
        elif dep == subject_id:
            subjects.append(doc[i])
        elif dep in clause_ids and tag in tag_ids:
            _drill_modifier(doc, doc[i], drill_nouns)
        elif dep == pcomp_id and tag == vbg_id and doc[i].lemma_ in bearers:
            _bearer_participle(doc[i])
        elif dep == amod_id and tag == vbg_id and i and doc[i - 1].text == ",":
            _participle_appositive(doc[i])
    if root is None:
        return doc
    if root.pos_ in ("NOUN", "PROPN"):
        _noun_root(doc, root)
        return doc
    if root.tag_ in ("VBD", "VBZ", "VBP") and root.i > 2:
        _swallowed_subject(doc, root)
    for s in subjects:
        _swallowed_name(doc, s)
    if root.lemma_ in speech_lemmas:
        _reported_subject(root)
    # "Lebanese army units deployed along the border, a military source said": a verb of saying
    # with two subjects had the reported clause read as a noun phrase, the first of them
    if len(subjects) < 2 or root.lemma_ not in speech_lemmas:
        return doc
    subjects = [s for s in subjects if s.head.i == root.i]
    if len(subjects) > 1 and subjects[0].pos_ in ("NOUN", "PROPN"):
        _noun_root(doc, subjects[0], root)
    return doc


def _noun_root(doc, root, governor=None):
    """"Units deployed along the border": a past verb hung after the subject as a participle
    (acl) with no subject of its own is the sentence's verb. "North Korea test-fired two missiles":
    a past-tense verb (VBD, never a participle) before the noun, with a name glued to that noun
    before it, is the verb, the name its subject and the noun its object. With a `governor` (the
    verb of saying the noun phrase was made subject of), the verb becomes its complement clause."""
    after = [c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == root.i + 1]
    if not after:
        after = _after_appositive(doc, root)
    if after:
        verb = after[0]
        _make_root(verb, root, "nsubj", governor)
        verb.tag_ = "VBD"
        return
    before = [c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.pos_ == "VERB"]
    names = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and before and c.i < before[0].i]
    if not before or not names:
        return
    verb = before[0]
    for c in list(root.children):
        if c.i > root.i and c.dep_ in ("prep", "npadvmod", "punct"):
            c.head = verb
    _make_root(verb, root, "dobj", governor)
    names[-1].head, names[-1].dep_ = verb, "nsubj"


_APPOSITIVE_ENDS = (",", "\u2014", "\u2013", "-", "--", ")")


def _after_appositive(doc, root):
    """"Japan, the largest donor, handed over ...", "Norway \u2014 long a broker \u2014 offered ...": a
    past verb hung as a modifier (acl) on the noun or on its appositive, right after the punctuation
    that closes the appositive, with no subject or agent of its own, is the sentence's verb. Any
    of the noun's own children after the verb go with it."""
    # (or a relative clause set off the same way: "Denmark — which has given ... — pledged")
    appos = [c for c in root.children if c.i > root.i and (c.dep_ == "appos" or (
        c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text in _APPOSITIVE_ENDS))]
    if not appos:
        return []
    for owner in (root, *appos):
        for c in owner.children:
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > appos[0].i \
                    and doc[c.i - 1].text in _APPOSITIVE_ENDS \
                    and not any(k.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for k in c.children):
                for k in list(root.children):
                    if k.i > c.i:
                        k.head = c
                return [c]
    return []


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


def _swallowed_subject(doc, root):
    """"After a meeting that both sides described as frank, Vietnam's prime minister and his
    Australian counterpart agreed ...": a finite verb with no subject, right after a noun phrase
    that opens after a comma and that the parser hung inside the opening clause, has that phrase
    as its subject. The phrase's words before the comma go back to its old head."""
    if any(c.dep_ in _SUBJECT_DEPS for c in root.children):
        return
    comma = next((k for k in range(root.i - 2, max(root.i - 14, 0), -1) if doc[k].text == ","), None)
    if comma is None:
        return
    span = doc[comma + 1:root.i]
    heads = [t for t in span if not comma < t.head.i < root.i]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or heads[0].head.i > comma \
            or any(t.tag_.startswith("VB") and t.dep_ != "amod" for t in span):
        return
    noun, old = heads[0], heads[0].head
    for c in list(noun.children):
        if c.i <= comma:
            c.head = old
    noun.head, noun.dep_ = root, "nsubj"


def _swallowed_name(doc, subj):
    """"After the massacre in Moura, United Nations investigators said ...": a name right before
    the subject's phrase and right after a comma, read as a conjunct (with no "and") of a noun in
    the opening clause, names whom the subject belongs to."""
    edge = subj.left_edge.i
    if edge < 3:
        return
    name = doc[edge - 1]
    while name.dep_ != "conj" and name.head.i < edge and name.head.i > name.i:
        name = name.head
    if name.dep_ != "conj" or name.pos_ != "PROPN" or name.right_edge.i != edge - 1 \
            or doc[name.left_edge.i - 1].text != "," or any(c.dep_ == "cc" for c in name.head.children):
        return
    name.head, name.dep_ = subj, "compound"


def _reported_subject(verb):
    """"The police chief said the bomb that struck a bus ..., had been planted by militants": a verb
    of saying with a noun for object and, after it, a reported clause with an auxiliary but no
    subject: the noun is that clause's subject (of its passive, where the clause is one)."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    said = [c for c in verb.children if c.dep_ == "ccomp" and objs and c.i > objs[0].i]
    if not said:
        return
    kids = [k.dep_ for k in said[0].children]
    if any(d in _SUBJECT_DEPS for d in kids) or not any(d in ("aux", "auxpass") for d in kids):
        return
    objs[0].head, objs[0].dep_ = said[0], "nsubjpass" if "auxpass" in kids else "nsubj"


def _participle_appositive(tok):
    """"Militiamen drove families out of El Geneina, burning homes and ...": an -ing word right after
    a comma, read as the modifier of a bare noun in apposition, is a participle clause on the verb
    above, the noun its object."""
    noun = tok.head
    if noun.dep_ != "appos" or noun.i != tok.i + 1 or any(c.dep_ == "det" for c in noun.children):
        return
    verb = noun.head
    for _ in range(6):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB":
        return
    tok.head, tok.dep_ = verb, "advcl"
    noun.head, noun.dep_ = tok, "dobj"


def _make_root(verb, noun, dep, governor):
    if governor is None:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = governor, "ccomp"
    noun.head, noun.dep_ = verb, dep


def _drill_modifier(doc, tok, drill_nouns):
    """"Began snap military exercises", "carried out missile firing drills": a bare or -ing verb
    right after the verb (or its particle), with no "to", mark or subject pronoun of its own, whose
    object is a drill (`drill_nouns`) that follows it with nothing but modifiers between, modifies
    that drill, and the drill is the verb's object."""
    head = tok.head
    if head.i == tok.i or head.pos_ != "VERB" or any(c.dep_ == "dobj" for c in head.children):
        return
    if any(c.dep_ in ("aux", "mark", "nsubjpass") or (c.dep_ == "nsubj" and c.pos_ == "PRON")
           for c in tok.children):
        return
    between = doc[head.i + 1:tok.i]
    if any(not (t.dep_ == "prt" and t.head.i == head.i) and t.head.i != tok.i for t in between):
        return
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in drill_nouns or obj.i < tok.i or \
            any(t.dep_ not in ("amod", "compound", "nmod") for t in doc[tok.i + 1:obj.i]):
        return
    for c in list(tok.children):
        if c.i == obj.i:
            continue
        if c.i < tok.i:
            c.head, c.dep_ = obj, "compound"  # "missile firing drills"
        else:
            c.head = head  # "near the Polish border", "on Tuesday"
    obj.head, obj.dep_ = head, "dobj"
    tok.head, tok.dep_ = obj, "amod"


def _bearer_participle(tok):
    """"Held talks with visiting Egyptian Foreign Minister X": a participle of a visit (`bearers`)
    read as the preposition's clause, its guest as the object, modifies the guest, who is the
    preposition's object ("with his visiting counterpart")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)
    if obj is None or tok.head.dep_ != "prep" or any(c.dep_ == "prep" for c in tok.children):
        return
    obj.head, obj.dep_ = tok.head, "pobj"
    tok.head, tok.dep_ = obj, "amod"
