"""Stage `triggers`: the words of a parsed sentence that a pattern codes, with the pattern that
fits each best."""
from __future__ import annotations

from dataclasses import replace

from spacy.attrs import DEP, LEMMA, POS, TAG
from spacy.symbols import ADJ as _ADJ, AUX as _AUX, NOUN as _NOUN, PROPN as _PROPN, VERB as _VERB

from ..stages import Stage
from .features import Features, NominalFeatures
from .records import Trigger, Triggers
from .syntax import Syntax, lemma

_COLUMNS = [POS, TAG, DEP, LEMMA]
_NOUNS = (_NOUN, _PROPN)

# A show of force done together ("held a joint naval drill", "Indian and Mongolian troops began an
# exercise") is military cooperation, aimed at the partner, not at the place it is held near.
JOINT_FORCE = {"150": "062"}
# A deployment is joint only by its own word ("deployed a joint force"): two named sides that
# each deploy troops may be facing each other
JOINT_DEPLOYMENT = {"154": "062"}
JOINT_TARGETS = ("prep:with", "prep:alongside", "none")
# acts of force, which a fight "against hunger" is not
FORCE_ROOTS = ("18", "19", "20")
# "an aid convoy entered the town": a vehicle carrying aid that enters a place delivers aid there
AID_DELIVERY = "073"


def _modifier_participle(tok):
    """"a UN-brokered deal", "US-backed forces": a participle joined by a hyphen to its doer
    describes the noun it modifies; it reports no act of its own."""
    return tok.tag_ == "VBN" and tok.dep_ in ("amod", "compound") and tok.i > 0 \
        and tok.nbor(-1).text in ("-", "\u2013")


def _month_date(tok, syntax):
    """"on March 19", "in March", "last March", "March 2021": a capitalised month name in a date is
    a time, not the event word it is spelt like ("the March 8 march" keeps its second word)."""
    if not tok.text[:1].isupper():
        return False
    words = syntax.words
    kids = syntax.kids(tok)
    # "in March", not "took part in the March for Peace"
    if tok.dep_ == "pobj" and tok.head.lower_ in words.time_preps and not any(
            d == "det" and c.lower_ not in words.date_modifiers for d, c in kids) or tok.dep_ == "npadvmod":
        return True
    doc = tok.doc
    # a day number or year beside it ("March 19", "19 March", "March 2021"), however it was parsed
    if any(0 <= j < len(doc) and doc[j].like_num for j in (tok.i - 1, tok.i + 1)):
        return True
    return any(d in ("amod", "det", "nummod") and c.lower_ in words.date_modifiers for d, c in kids)


def choose(features, candidates):
    """The best pattern for the frame, and for each conjoined object's view of it: most constraints
    first, then the one naming more of the object ("continued their hunger strike"), then the rank;
    on a full tie the earlier pattern."""
    chosen = []
    for view in features.per_object():
        best = best_key = None
        for p in candidates:
            if best is not None and p.constraints < best_key[0]:
                break  # the candidates come by rank, fewest constraints last: none after this can win
            if not view.satisfies(p):
                continue
            key = (p.rank[0], len(view.object_lemmas & p.object) if p.object else 0) + p.rank[1:]
            if best is None or key > best_key:
                best, best_key = p, key
        if best is not None and best.code not in [c.code for c in chosen]:
            chosen.append(best)
    return chosen


class TriggerStage(Stage):
    """Pattern matches on the trigger words of a parsed sentence, with their features."""

    name = "triggers"
    level = "sentence"
    requires = ("sentence.parsed",)
    assigns = ("sentence.triggers",)

    def __init__(self, patterns, words, nominals=None):
        self.patterns = patterns
        self.words = words  # EventWords
        self.nominals = nominals or {}  # noun -> verb: "Iran's appeal to Washington" codes as "appeal"
        self._verb_tags, self._adjective_deps, self._lemmas = {}, {}, {}  # string hashes, read once each

    def __call__(self, doc_state, sent):
        sent.triggers = self.find(sent.parsed) if sent.parsed is not None else Triggers(None)

    def find(self, doc) -> Triggers:
        syntax = Syntax(doc, self.words)
        out = Triggers(syntax)
        seen = syntax.content_lemmas
        # the labels of every token from one array read: a Token object is built only for a token
        # a pattern may name (this runs on every token of every parsed sentence)
        for i, (pos_id, tag, dep, lemma_id) in enumerate(doc.to_array(_COLUMNS).tolist()):
            # the part of speech a pattern names for the token: syntax.is_verb, then noun, then a
            # predicate adjective
            pos = ("VERB" if pos_id == _VERB or (pos_id != _AUX and self._verb_tag(doc, tag)) else
                   "NOUN" if pos_id in _NOUNS else
                   "ADJ" if pos_id == _ADJ and self._adjective_dep(doc, dep) else None)
            if pos is None:
                continue
            tok = doc[i]
            lem = self._lower(doc, lemma_id)
            seen.add(lem)
            if lem in self.words.month_words and _month_date(tok, syntax):
                continue
            if tok.dep_ == "compound" and lem in self.words.kind_modifiers and tok.head.pos_ == "NOUN":
                continue  # "riot police", "strike group": a kind of unit or gear, not an event
            if tok.pos_ == "VERB":
                out.verbs.append(tok)
                out.verb_lemmas.append(lem)
            candidates = self.patterns.candidates(lem, pos)
            nominal = False
            if not candidates and tok.pos_ == "NOUN" and lem in self.nominals:
                candidates = self.patterns.candidates(self.nominals[lem], "VERB")
                nominal = bool(candidates)
            if not candidates:
                continue
            if _modifier_participle(tok):
                continue
            features = NominalFeatures(tok, syntax) if nominal else Features(tok, syntax)
            figurative = self._against_problem(features)
            delivery = self._aid_vehicle(tok, syntax)
            out.items.extend(Trigger(tok, self._jointly(self._delivered(p, delivery), tok, features, syntax),
                                     features)
                             for p in choose(features, candidates)
                             if not (figurative and p.code[:2] in FORCE_ROOTS))
        return out

    def _verb_tag(self, doc, tag) -> bool:
        """The tag (a hash) is one of the verb tags (VB, VBD, ...)."""
        known = self._verb_tags.get(tag)
        if known is None:
            known = self._verb_tags[tag] = doc.vocab.strings[tag].startswith("VB")
        return known

    def _adjective_dep(self, doc, dep) -> bool:
        """The dependency (a hash) is one a predicate adjective a pattern names has: acomp, ROOT."""
        known = self._adjective_deps.get(dep)
        if known is None:
            known = self._adjective_deps[dep] = doc.vocab.strings[dep] in ("acomp", "ROOT")
        return known

    def _lower(self, doc, lemma_id) -> str:
        """syntax.lemma of a token from its lemma's hash: the lemma's text, lowercased, once per hash."""
        lower = self._lemmas.get(lemma_id)
        if lower is None:
            lower = self._lemmas[lemma_id] = doc.vocab.strings[lemma_id].lower()
        return lower

    def _against_problem(self, features):
        """Whether what the trigger acts on is only a social or natural problem ("the battle
        against hunger", "vowed to fight corruption"): force against it is a figure of speech."""
        heads = features.objects or [o for w in ("against", "on") for o in features.preps.get(w, [])]
        return bool(heads) and all(lemma(o) in self.words.problem_nouns for o in heads)

    def _aid_vehicle(self, tok, syntax):
        """Whether the trigger's subject is a vehicle carrying aid ("a convoy carrying food", "the
        aid trucks"): its phrase names the vehicle (aid_vehicles) and what it carries (aid_cargo)."""
        for s in syntax.children(tok, "nsubj"):
            if lemma(s) in self.words.aid_vehicles and any(lemma(t) in self.words.aid_cargo for t in s.subtree):
                return True
        return False

    @staticmethod
    def _delivered(p, delivery):
        """An incursion (192 "entered the town") by a vehicle of aid is the aid's delivery there."""
        return replace(p, code=AID_DELIVERY) if delivery and p.code[:2] == "19" else p

    def _jointly(self, p, tok, features, syntax):
        """The pattern as military cooperation when its show of force is joint (JOINT_FORCE)."""
        joint = self.words.joint_modifiers
        if p.code in JOINT_DEPLOYMENT and not features.nominal and any(
                t.lower_ in joint for o in features.objects for t in syntax.children(o, "amod", "compound")):
            return replace(p, code=JOINT_DEPLOYMENT[p.code], target=JOINT_TARGETS)
        if p.code not in JOINT_FORCE or features.nominal:
            return p
        ruler = tok.head if tok.dep_ == "xcomp" else tok  # "plan to hold drills"
        # "Indian and Mongolian troops", "forces from Morocco, Mauritania and Senegal"
        parts = [m for s in syntax.children(ruler, "nsubj")
                 for m in [s, *syntax.children(s, "amod", "compound"),
                           *(o for prep in syntax.children(s, "prep") for o in syntax.children(prep, "pobj"))]]
        # two named parties, not one side's "warships and bombers"
        together = any(c.text[:1].isupper() for m in parts if m.text[:1].isupper()
                       for c in syntax.children(m, "conj"))
        if together or any(lemma(t) in joint for o in features.objects for t in o.subtree if t.i < o.i):
            return replace(p, code=JOINT_FORCE[p.code], target=JOINT_TARGETS)
        return p
