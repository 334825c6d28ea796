"""The syntactic frame of a trigger, which a pattern's constraints are checked against: its
particle, objects, prepositions and controlled verbs; an event noun's frame read as its verb's."""
from __future__ import annotations

from .syntax import lemma, with_conjuncts


# What a pattern's object names for any group of people ("released 19 Christians", "two Americans")
PERSON = "person"
MODIFIERS = ("compound", "amod", "nmod")  # the dependencies of an object's words a pattern may name


def _people(tok, words):
    """A noun for people: a people noun ("villagers", "Christians") or a capitalised plural
    ("Iranians"), which names people of a nation or faith."""
    return lemma(tok) in words.people_nouns or tok.tag_ == "NNPS" and tok.i > 0 and tok.text.endswith("s")


class Features:
    """The syntactic frame of a trigger: particle, objects, prepositions, controlled verbs."""

    nominal = False

    def __init__(self, tok, syntax):
        self.tok = tok
        words = syntax.words
        kids = syntax.kids
        self.passive = syntax.is_passive(tok)
        # "stepped down", "pulled back": the parser often leaves intransitive particles as adverbs
        self.particles = {c.lower_ for d, c in kids(tok)
                          if d == "prt" or (d in ("advmod", "prep") and c.lower_ in words.particles)}
        objs = syntax.children(tok, "nsubjpass") if self.passive else syntax.children(tok, "dobj", "attr")
        if self.passive and not objs and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            objs = [tok.head]  # "the pact ratified by the Senate": the noun undergoes the act
        if tok.pos_ in ("NOUN", "PROPN"):
            objs = []
        elif not objs and not self.passive:
            # "hosted Prime Minister Viktor Orban Friday" parsed as a time phrase on the verb
            objs = [c for c in syntax.children(tok, "npadvmod") if syntax.unglued(c) is not c]
            # "kidnapped up to 16 advisers": the parser reads the quantity "up to" as particle and preposition
            counted = [o for c in syntax.children(tok, "prt", "advmod") if c.lower_ == "up"
                       for p in syntax.children(c, "prep") if p.lower_ == "to"
                       for o in syntax.children(p, "pobj") if syntax.children(o, "nummod")]
            if not objs and counted:
                objs = counted
                self.particles.discard("up")
            if not objs:
                # "denounced as an ugly crime Serbia's suppression of ...": the object shifted past "as"
                objs = [a for p in syntax.children(tok, "prep") if p.lower_ == "as"
                        for o in syntax.children(p, "pobj") for a in syntax.children(o, "appos")
                        if a.pos_ == "NOUN"]
            if not objs and lemma(tok) in words.permitting_verbs:
                # "refused to allow observers to monitor the vote": whom it allows is its object
                objs = [s for c in syntax.children(tok, "ccomp", "xcomp") for s in syntax.children(c, "nsubj")]
            objs = objs or [s for c in _small_clauses(tok, kids) for s in syntax.children(c, "nsubj")]
        if not objs and not self.passive and lemma(tok) in words.deployment_verbs:
            objs = syntax.children(tok, "nsubj")  # "army units deployed along the border": what is deployed
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            objs = _gap_objects(tok, objs, syntax)
        self.objects = [syntax.unglued(o) for o in with_conjuncts(objs)]
        self.object_lemmas = _object_lemmas(self.objects, words, kids)
        # "made the helicopters available", "made 50 tonnes of rice available to Nepal": a predicate
        # adjective on the verb, or after the object (or its "of" phrase), says what the act does to it
        self.complements = _complements(tok, self.objects, kids)
        self.object_lemmas.update(lemma(c) for c in self.complements)
        self.preps = self._preps(tok, syntax)
        self.pobj_lemmas = {w: {lemma(o) for o in objs} | {lemma(c) for o in objs for d, c in kids(o)
                                                           if d in ("compound", "amod")}
                            | _gerund_objects(objs, kids) for w, objs in self.preps.items()}
        self.xcomps = syntax.children(tok, "xcomp")
        # "called for sanctions against Iran to be lifted": a passive infinitive hung on the verb as an
        # adverbial clause is the complement of its object, not a purpose
        self.xcomp_lemmas = {lemma(x) for x in self.xcomps} | {
            lemma(a) for a in syntax.children(tok, "advcl") if a.i > tok.i and syntax.infinitive(a)
            and any(d == "auxpass" for d, _ in syntax.kids(a))}
        if lemma(tok) in words.permitting_verbs:
            # "allowed refugees to return": the parser's clause with its own subject is the complement
            self.xcomp_lemmas |= {lemma(c) for c in syntax.children(tok, "ccomp") if syntax.infinitive(c)}
        # "is calling on Beijing to restrain Pyongyang": the parser often hangs the complement of
        # an appeal as an adverbial clause; a pattern open to any complement ("*") takes it too
        self.any_complement = bool(self.xcomps) or any(syntax.infinitive(a) and a.i > tok.i
                                                       for a in syntax.children(tok, "advcl"))

    def _preps(self, tok, syntax):
        preps = {}
        for h in [tok] + self.objects + self.complements:
            for p in syntax.children(h, "prep", "agent", "dative"):
                pobjs = [syntax.unglued(syntax.visitor(o) or o)
                         for c in with_conjuncts(syntax.children(p, "pobj", "pcomp"))
                         for o in (c.dep_ == "pcomp" and _clause_object(syntax, p, [c]) or [c])]
                if pobjs and all(o.lower_ in syntax.words.date_words or o.like_num for o in pobjs):
                    continue
                if not pobjs and h is tok:
                    # "will call on Indian Prime Minister Modi": the parser hung the object on the verb
                    pobjs = [o for o in syntax.children(tok, "dobj") if o.i > p.i] or _clause_object(
                        syntax, p, syntax.children(tok, "advcl"))
                if p.dep_ == "dative" and p.pos_ in ("NOUN", "PROPN", "PRON"):
                    preps.setdefault("iobj", []).append(p)
                    continue
                preps.setdefault(p.lower_, []).extend(pobjs)
        return preps

    def per_object(self):
        """This frame, and one view per conjoined direct object when there are several."""
        yield self
        if len(self.objects) > 1:
            for o in self.objects:
                view = object.__new__(Features)
                view.__dict__.update(self.__dict__)
                view.object_lemmas = {lemma(o)} | {lemma(c) for c in o.children
                                                    if c.dep_ in ("compound", "amod", "nmod")}
                yield view

    def satisfies(self, p):
        if p.particle and p.particle not in self.particles:
            return False
        if p.object and not (self.object_lemmas & p.object or "*" in p.object and self.objects):
            return False
        if p.prep:
            present = [w for w in p.prep if w in self.preps]
            if not present:
                return False
            if p.pobj and not any(self.pobj_lemmas.get(w, set()) & p.pobj for w in present):
                return False
        elif p.pobj and not any(lem & p.pobj for lem in self.pobj_lemmas.values()):
            return False
        if p.xcomp and not (self.xcomp_lemmas & p.xcomp or ("*" in p.xcomp and self.any_complement)):
            return False
        if p.xcomp and "*" in p.xcomp and "none" not in p.target and not self._addressee(p):
            return False  # "asked Kenya to ..." appeals to Kenya; "who asked not to be named", to no one
        return True

    def _addressee(self, p):
        """Whether a slot of the pattern's target holds a word."""
        return any(spec == "dobj" and self.objects or spec.startswith("prep:") and self.preps.get(spec[5:])
                   for spec in p.target)


def _object_lemmas(objects, words, kids):
    """The lemmas a pattern's object constraint is checked against: each object's, PERSON for a
    noun of people, its modifiers' and what it is "of"."""
    out = set()
    for o in objects:
        out.add(lemma(o))
        if _people(o, words):
            out.add(PERSON)
        # "in-depth discussions": a preposition glued on by a hyphen says nothing of the object
        out.update(lemma(c) for d, c in kids(o) if d in MODIFIERS and c.pos_ != "ADP")
        # "allow the return of inspectors", "demanded the release of prisoners": what the act is of
        out.update(lemma(x) for d, p in kids(o) if d == "prep" and p.lower_ == "of"
                   for e, x in kids(p) if e == "pobj")
    return out


def _complements(tok, objects, kids):
    """The object complements of a verb: an "oprd" adjective, or an adjective after the object or
    its "of" phrase ("rice available")."""
    out = [c for d, c in kids(tok) if d == "oprd" and c.pos_ == "ADJ"] + _small_clauses(tok, kids)
    for o in objects:
        heads = [o] + [x for d, p in kids(o) if d == "prep" and p.lower_ == "of"
                       for e, x in kids(p) if e == "pobj"]
        out.extend(c for h in heads for d, c in kids(h) if d == "amod" and c.i > h.i and c.pos_ == "ADJ")
    return out


def _small_clauses(tok, kids):
    """"found the minister guilty of fraud": the parser reads the object and its predicate adjective
    as a verbless clause; its subject is the verb's object, the adjective its complement (or it
    keeps the object on the verb and hangs the bare adjective after it: "who found the leader guilty")."""
    objects = [o.i for d, o in kids(tok) if d == "dobj"]
    return [c for d, c in kids(tok) if d == "ccomp" and c.pos_ == "ADJ" and tok.pos_ == "VERB"
            and (any(e == "nsubj" for e, _ in kids(c)) or any(i < c.i for i in objects))
            and not any(e in ("aux", "cop") for e, _ in kids(c))]


def _gerund_objects(objs, kids):
    """"accused Russia of violating human rights", "of misusing public funds": a gerund's object
    says what the preposition's act is about as much as the gerund does."""
    return {lemma(x) for o in objs if o.dep_ == "pcomp" for d, c in kids(o) if d == "dobj"
            for x in [c, *(m for e, m in kids(c) if e in ("compound", "amod"))]}


def _gap_objects(tok, objs, syntax):
    """"the treaty that Australia signed", "the envoy whom Mali expelled", "the sanctions the EU
    imposed": a relative clause's object is the noun it describes, whether a pronoun stands for it
    or the slot is empty. A clause with its own subject pronoun ("rebels who attacked"), a relative
    adverb ("the town where ...") or a stranded preposition has no such gap."""
    rel = syntax.words.object_relatives
    if objs:
        return [tok.head if o.lower_ in rel else o for o in objs]
    kids = syntax.kids(tok)
    subj = [c for d, c in kids if d == "nsubj"]
    if not subj or subj[0].lower_ in rel:
        return objs
    if any(d in ("ccomp", "xcomp") or (d == "advmod" and c.tag_ == "WRB") for d, c in kids):
        return objs
    if any(d == "prep" and not syntax.children(c, "pobj", "pcomp") for d, c in kids):
        return objs
    return [tok.head]


class NominalFeatures(Features):
    """The frame of an event noun read as its verb: "Iran's appeal to Washington", "the release of
    prisoners by Israel", "a Russian attack on Kharkiv". The owner (possessive, nationality, "by",
    "from") is the source; "of" is the object, or the doer for nouns like "visit"."""

    nominal = True

    def __init__(self, tok, syntax):
        self.tok = tok
        words = syntax.words
        self.passive = False
        self.particles = set()
        of = with_conjuncts([o for p in syntax.children(tok, "prep") if p.lower_ == "of"
                             for o in syntax.children(p, "pobj")])
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if owners and not of and lemma(tok) in words.patient_nominals:
            owners, of = [], owners  # "Israel's destruction", "Navalny's arrest": the owner undergoes it
        # "aid from Japan": from names the giver; "its withdrawal from the talks": what is left
        leaving = lemma(tok) in words.leaving_nominals
        owners += [o for p in syntax.children(tok, "prep", "agent")
                   if p.lower_ == "by" or p.lower_ == "from" and not leaving for o in syntax.children(p, "pobj")]
        owners += [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                   and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.text[:1].isupper()]
        if not owners and tok.dep_ == "nsubjpass":
            # "a pledge of aid was made by the EU": the doer of the verb the noun undergoes makes it
            owners = syntax.prep_objects(tok.head, ("by",), deps=("agent",))
        if not owners and of and lemma(tok) in words.intransitive_nominals:
            if lemma(tok) not in words.deployment_verbs:
                owners, of = of, []
            elif tok.dep_ != "dobj":
                owners = of  # "the deployment of troops": who moves is what is posted, unless a verb's
                # subject made it ("made a heavy deployment of riot police")
        self.sources = with_conjuncts(owners)
        self.objects = of
        self.object_lemmas = {lemma(o) for o in of} | {lemma(c) for o in of for c in o.children
                                                      if c.dep_ in ("compound", "amod", "nmod")}
        self.preps = {}
        for p in syntax.children(tok, "prep"):
            if p.lower_ in ("of", "by") or p.lower_ == "from" and not leaving:
                continue
            pobjs = with_conjuncts(syntax.children(p, "pobj", "pcomp"))
            if pobjs and not all(o.lower_ in words.date_words or o.like_num for o in pobjs):
                self.preps.setdefault(p.lower_, []).extend(pobjs)
        self.pobj_lemmas = {w: {lemma(o) for o in objs} for w, objs in self.preps.items()}
        self.xcomps = [c for c in tok.children if c.dep_ == "acl"]
        self.xcomp_lemmas = {lemma(x) for x in self.xcomps}
        self.any_complement = bool(self.xcomps)

    def per_object(self):
        yield self


def _clause_object(syntax, prep, clauses):
    """"Granted asylum to five officers holed up in a house": the parser made the object of the
    preposition the subject of a clause after it (the verb's or the preposition's own)."""
    return [s for c in clauses for s in syntax.children(c, "nsubj") if s.left_edge.i == prep.i + 1]
