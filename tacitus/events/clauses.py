"""Acts that share their actors across a time clause: "Four soldiers were killed Saturday when
rebels attacked their base" reports one attack and its toll. The passive killing names no doer;
the clause that says when it happened names who attacked, and the attack's object ("their base")
belongs to those killed."""
from __future__ import annotations

from spacy.attrs import DEP, LEMMA

from .subjects import subject
from .syntax import with_conjuncts

FORCE_ROOTS = ("18", "19", "20")  # assault, fight, mass violence: the acts a toll is counted for


def share_time_clause_actors(syntax, found, codes, marks):
    """For each passive act of force with no doer whose time clause (`marks`: "when", "as") holds
    an act of force that names one: that doer is the passive act's doer, and the passive act's
    victims are the clause's target when the clause names none that is an actor."""
    by_token = {f.trigger.i: f for f in found}
    for f in found:
        if not f.passive or f.sources or codes[f.code].root not in FORCE_ROOTS:
            continue
        for clause in syntax.children(f.trigger, "advcl"):
            g = by_token.get(clause.i)
            if g is None or not g.sources or codes[g.code].root not in FORCE_ROOTS:
                continue
            if not any(c.dep_ in ("advmod", "mark") and c.lower_ in marks for c in clause.children):
                continue
            f.sources = list(g.sources)
            if f.targets and all(_owned_by_pronoun(t) for t in g.targets):
                g.targets = list(f.targets)
            break


def share_meeting_actors(syntax, found, codes):
    """"Conveyed his concerns to his Chinese counterpart during the talks", "following the talks,
    the two ministers signed ...": a meeting noun with no owner, at the time of a verb
    (`simultaneous_preps`), was held by that verb's subject, with whom the verb addresses ("to",
    "with") when the meeting names no one; not when the verb is an act of conflict ("clashed with
    police during the summit"). Only a meeting with an article ("the talks", "a courtesy call"):
    one the report is about. So for the talks a speaker tells of ("the ministry said of the talks with
    Kyrgyzstan"), and for a meeting the act was done in that names its partner ("discussed Ukraine
    in a call with Macron"), which is then an event of its own. Returns the meetings so freed."""
    by_token, freed = None, set()
    for f in found:
        t = f.trigger
        code = codes[f.code]
        by_phone = code.plover.mode == "phone"
        if _owned(f, by_phone) or t.pos_ != "NOUN" or code.root != "04" or not code.reciprocal:
            continue  # a meeting, talks or a call, held by both sides
        if not any(d == "det" for d, _ in syntax.kids(t)):
            continue  # "after negotiations over many months": no meeting the report is about
        held_in = _held_in(syntax, t, by_phone)
        verb = syntax.simultaneous_verb(t) or _spoken_of(syntax, t) or held_in
        if verb is None:
            continue
        if by_token is None:
            by_token = {g.trigger.i: g for g in found}
        g = by_token.get(verb.i)
        if g is not None and not codes[g.code].cooperative:
            continue
        f.sources = list(g.sources) if g is not None and g.sources else subject(syntax, verb)
        # ("following the talks, the two met with journalists": who is met after is no party to them)
        if not f.targets and t.head.lower_ not in syntax.words.antecedent_preps:
            f.targets = with_conjuncts([o for p in syntax.children(verb, "prep", "dative")
                                        if p.lower_ in ("to", "with") for o in syntax.children(p, "pobj")])
        if held_in is not None:
            freed.add(t.i)
    for g in found if freed else ():
        g.consumed -= freed
    return freed


def _owned(found, by_phone):
    """Whether a meeting noun names who held it: a call's lowercase modifier ("a telephone call", "a
    video call") says how it was held, not by whom. (Other meetings keep theirs: "agreed to mediation
    in the final status talks with X" tells of talks the report is not about.)"""
    return any(not by_phone or s.dep_ not in ("compound", "amod") or not s.text.islower() for s in found.sources)


def _held_in(syntax, tok, by_phone=False):
    """The verb of an act done in a meeting that names its partner ("in a call with X"), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or not syntax.prep_objects(tok, ("with",)):
        return None
    head = prep.head
    if by_phone and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj"):
        # "thanked Japan for its support in a call with X": the parser hangs the call on a noun of
        # the act; the act was done in the call (but "mediation in the talks with X" is of the talks)
        head = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    return head if head.pos_ == "VERB" else None


def _spoken_of(syntax, tok):
    """The verb of saying that `tok` is what is told of ("said of the talks"), else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.lower_ in syntax.words.bare_time_words and verb.dep_ in ("pobj", "npadvmod"):
        # "said on Sunday of the talks": the parser hangs the "of" on the day the verb is dated by
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    return verb if verb.lemma_.lower() in syntax.words.speech_lemmas else None


def aim_concessions(syntax, found, codes):
    """"Ethiopia went ahead with the filling despite objections from Egypt", "despite warnings from
    Washington, Israeli forces launched ...": a conflictual act named after a concessive
    preposition (`concessive_preps`) with no target is aimed at the doer of the act it is against."""
    words = syntax.words
    for f in found:
        t = f.trigger
        prep = t.head
        if f.targets or t.pos_ != "NOUN" or t.dep_ != "pobj" or prep.lower_ not in words.concessive_preps \
                or codes[f.code].cooperative:
            continue
        verb = prep.head
        if prep.dep_ == "prep" and verb.i != prep.i and verb.pos_ in ("VERB", "AUX"):
            f.targets = subject(syntax, verb)


def _owned_by_pronoun(tok):
    """"their base", "its convoy": a thing whose owner is a pronoun, or the pronoun itself."""
    tok = getattr(tok, "token", tok)  # an actors.resolve.Deep argument holds its token
    return tok.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def merge_tolls(found, codes, toll_verbs):
    """"Carried out a bomb attack, killing six", "six were killed when a car bomb exploded", "an
    ambush that killed two soldiers", "stormed a post and killed nine": a generic killing (the
    code a weapon would refine) tied to another act of force is that act's toll. The toll is
    dropped; its victims become the act's targets when the act names none, and its doer the act's
    when the act names none or only a pronoun."""
    by_token = {f.trigger.i: f for f in found}
    tolls = set()
    for f in found:
        if not _is_toll(f, codes, toll_verbs):
            continue
        for g in _linked(f.trigger, by_token):
            if g is f or id(g) in tolls or codes[g.code].root not in FORCE_ROOTS:
                continue
            if _is_toll(g, codes, toll_verbs):  # "killed three and wounded five": two tolls
                continue
            if not g.targets and f.targets:
                g.targets = list(f.targets)
            elif f.targets:
                # "wounded six soldiers when they shelled a border post": where the act lands names
                # no actor, so the victims it counts are whom it was done to
                g.fallback = _VictimsFirst([getattr(v, "token", v) for v in f.targets], g.fallback)
            if f.sources and (not g.sources or all(getattr(s, "pos_", None) == "PRON" for s in g.sources)):
                # ("killed 40 people when they shelled a camp": who kills is who shells)
                g.sources = list(f.sources)
            tolls.add(id(f))
            break
    return [f for f in found if id(f) not in tolls] if tolls else found


class _VictimsFirst:
    """A toll's victims, tried before the act's own fallback targets."""

    def __init__(self, victims, rest):
        self.victims, self.rest = victims, rest

    def lists(self):
        return [self.victims] + (self.rest.lists() if self.rest is not None else [])


def _linked(tok, by_token):
    """The coded triggers a toll verb hangs on or holds: its head (an advcl or a relative clause on
    an attack noun), a light verb's object, and the time clauses it governs."""
    near = [tok.head] + [c for c in tok.children if c.dep_ == "advcl"]
    near += [o for o in tok.head.children if o.dep_ == "dobj"]
    return [by_token[t.i] for t in near if t.i in by_token]


def _is_toll(f, codes, toll_verbs):
    """A killing or wounding coded by a root's "not specified below" code (180, 190): no weapon or
    manner of its own."""
    return f.trigger.lemma_.lower() in toll_verbs and codes[f.code].by_weapon and f.code.endswith("0")


def toll_head(tok, toll_verbs):
    """"shelled a market, killing 20", "launched rocket fire, killing or wounding 50": a toll
    participle (`toll_verbs`) with no subject of its own counts the victims of the act it hangs
    on; that act's token index, else None."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "advcl" or first.tag_ != "VBG" or tok.lemma_.lower() not in toll_verbs:
        return None
    if any(c.dep_ in ("nsubj", "mark") for c in first.children):
        return None
    return first.head.i


def share_claimed_acts(syntax, found, consumed, codes, claiming):
    """"Al-Shabaab claimed the attack on the hotel", "claimed responsibility for the bombing", "ten
    were killed in an ambush claimed by the rebels": whoever claims an act of force did it. The
    claimed act stands as an event of its own with the claimant as its doer; the claim (015) is
    the claimant's statement, not the act."""
    by_token = {}  # one trigger may code several events ("killed two soldiers and a contractor")
    for f in found:
        by_token.setdefault(f.trigger.i, []).append(f)
    for f in [f for f in found if f.trigger.lemma_.lower() in claiming]:
        _claim(syntax, f.trigger, by_token, consumed, codes, f.consumed)
    # a passive claim ("claimed by the rebels") codes nothing of its own; the labels are read from
    # one array, a Token built only for a clause whose lemma is a claiming verb
    doc = syntax.doc
    strings = doc.vocab.strings
    clause_deps = (strings["acl"], strings["advcl"])
    for i, (dep, lem) in enumerate(doc.to_array([DEP, LEMMA]).tolist()):
        if dep in clause_deps and strings[lem].lower() in claiming and i not in by_token \
                and _passive_claim(syntax, doc[i]):
            _claim(syntax, doc[i], by_token, consumed, codes, set())


def _passive_claim(syntax, tok):
    """A participle claim on the act it follows: "an ambush claimed by the rebels" (the parser may
    tag the participle as a past tense when it hangs it as a clause)."""
    return tok.dep_ in ("acl", "advcl") and not syntax.children(tok, "nsubj") and (
        tok.tag_ == "VBN" or bool(syntax.children(tok, "agent")))


def _claim(syntax, tok, by_token, consumed, codes, taken):
    if any(c.dep_ == "neg" for c in tok.children):
        return
    if _passive_claim(syntax, tok):
        # the act it hangs on, the acts that noun names, and the killing done in it ("killed in an
        # ambush claimed by"); what it hangs on is no part of the claim
        claimant, head, taken = syntax.prep_objects(tok, ("by",)), tok.head, set()
        acts = [head] + [o for p in syntax.children(head, "prep") for o in syntax.children(p, "pobj")]
        if head.dep_ == "pobj" and head.head.head.pos_ == "VERB":
            acts.append(head.head.head)
    elif syntax.is_passive(tok):
        # "responsibility for the bombing was claimed by the rebels"
        claimant, objs = syntax.prep_objects(tok, ("by",)), syntax.children(tok, "nsubjpass")
        acts = objs + [o for h in objs for o in syntax.prep_objects(h, ("for",))]
    else:
        claimant = [s for s in syntax.children(tok, "nsubj") if s.dep_ != "expl"]
        objs = syntax.children(tok, "dobj")
        acts = objs + [o for h in [tok] + objs for o in syntax.prep_objects(h, ("for",))]
        if len(acts) == len(objs) and tok.dep_ == "conj":
            acts.append(tok.head)  # "a bomber killed 12 officers, and the Taliban claimed responsibility"
    if not claimant or any(c.lower_ == "no" for s in claimant for c in s.children if c.dep_ == "det"):
        return  # "no group has claimed the attack": nobody is known to have done it
    for a in acts:
        acts_found = [g for g in by_token.get(a.i, ()) if a.i != tok.i and codes[g.code].root in FORCE_ROOTS]
        for g in acts_found:
            g.sources = list(claimant)  # "claimed the rocket attack": the claimant, not the weapon
        if acts_found and a.i in taken:  # the claim's object is the act, not a part of the claim
            consumed.discard(a.i)


def partner_across_clause(syntax, found, codes):
    """"While the finance ministry was negotiating a loan, the IMF approved ...": talks held by one
    side (a singular subject) with no one else named, in a clause of the same time ("while", "as"),
    are held with the subject of the clause it opens."""
    for f in found:
        t = f.trigger
        code = codes[f.code]
        if f.targets or len(f.sources) != 1 or t.dep_ != "advcl" or code.root != "04" or not code.reciprocal:
            continue
        if f.sources[0].tag_ in ("NNS", "NNPS"):
            continue  # "while the two governments negotiated": both sides are named already
        if any(c.dep_ == "mark" and c.lower_ in ("while", "as") for c in t.children):
            f.targets = with_conjuncts(syntax.children(t.head, "nsubj"))
