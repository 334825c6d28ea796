"""Which coded triggers of a sentence stand as events: one event per reported act, so a trigger
that is part of another's event (its object, its frame, its purpose, its weapon) does not fire on
its own."""
from __future__ import annotations

from .clauses import FORCE_ROOTS
from .syntax import lemma


def select(syntax, found, consumed, cameo):
    """The coded triggers that stand, in order. `consumed` holds the tokens the per-trigger pass
    and the protest refinement took in."""
    codes = cameo.codes  # code -> CameoCode
    found, consumed = _drop_mutual(found, consumed)
    found = _merge_subject_acts(found, codes)
    # "dismissed an appeal from Gbagbo to lay down arms": the appeal is what is rejected, part
    # of the rejection, not a second event
    rejected = {i for g in found if codes[g.code].rejection for i in g.consumed}
    found = [f for f in found if not (f.frame_word is not None and f.frame_word.pos_ == "NOUN"
                                      and f.frame_word.i in rejected and not codes[f.code].rejection)]
    found, consumed = _specific_frames(found, consumed, codes)
    # "voiced its readiness to hold talks": the act the noun frames is the intent the verb voices
    voiced = {f.frame_word.head.i: codes[f.code].root for f in found if f.frame_word is not None
              and f.frame_word.pos_ == "NOUN" and f.frame_word.dep_ == "dobj" and f.sources}
    found = [f for f in found if voiced.get(f.trigger.i) != codes[f.code].root or f.frame_word is not None]
    fired = {f.trigger.i: codes[f.code].root for f in found}
    protests = {f.trigger.i for f in found if codes[f.code].plover.type == "PROTEST"}
    frames = {f.frame_word.i for f in found if f.frame_word is not None and f.frame_word.pos_ == "NOUN"}
    for f in found:
        # "demanded a meeting ... to discuss X", "staged protests to demand Y": the purpose is
        # part of the act it serves, not a second event; so is "summoned the ambassador to
        # complain", a purpose of the same kind as the act
        t = p = f.trigger
        if t.dep_ == "xcomp" and lemma(t.head) in syntax.words.helping_verbs and t.head.dep_ == "advcl" \
                and fired.get(t.head.head.i, codes[f.code].root) != codes[f.code].root:
            # "sent material to help defend Saudi Arabia": the help is the purpose, the defence done by
            # the act it serves; helping to back what the act also backs names whom it is for
            p = t.head
        if p.head.i in fired and syntax.infinitive(p) and (
                p.dep_ == "advcl" or p.dep_ == "xcomp" and f.frame_word is None
                and fired[p.head.i] == codes[f.code].root):
            consumed.add(t.i)
            _repressive_purpose(f, t, found, codes)
        elif t.head.i in protests and codes[f.code].plover.type in ("DEMAND", "REQUEST") and \
                t.dep_ == "advcl" and t.tag_ == "VBG" and not syntax.children(t, "nsubj", "mark"):
            # "blocked roads demanding his reinstatement": what protesters demand as they protest
            # is the protest's content (its subcode), not a second event
            consumed.add(t.i)
        elif codes[f.code].root == "01" and any(o.i in frames for o in syntax.children(t, "dobj")):
            # "reached a consensus to exchange information": the accord is the coded act's frame
            consumed.add(t.i)
        elif _describes_noun(syntax, t, fired):
            # "cooperate with inspectors probing the sites": what the noun's referent is doing; but
            # "dispersed demonstrators protesting the results" says they protest, an act of their own
            if codes[f.code].root == "14":
                f.sources = [t.head]
            else:
                consumed.add(t.i)
        elif t.pos_ == "NOUN" and t.dep_ == "dobj" and lemma(t.head) in syntax.words.monitoring_verbs:
            # "sent to oversee a ceasefire between Ethiopia and Eritrea": what is watched over
            consumed.add(t.i)
        elif _describes_source(syntax, t):
            # "..., according to a senator who acted as a go-between": who the source is, not news
            consumed.add(t.i)
    return [f for f in found if f.trigger.i not in consumed]


def _repressive_purpose(purpose, tok, found, codes):
    """"Fired live rounds to disperse the protesters", "opened fire to break up the rally": force used
    for an assault that is not itself force (violent repression) is that repression."""
    code = codes[purpose.code]
    if code.plover.type != "ASSAULT" or code.root in FORCE_ROOTS:
        return
    for g in found:
        if g.trigger.i == tok.head.i and codes[g.code].root in FORCE_ROOTS:
            g.code, g.targets = purpose.code, g.targets or purpose.targets


def _describes_noun(syntax, tok, fired):
    """A present participle with no subject of its own on a noun ("inspectors probing the sites",
    "a convoy carrying aid") describes the noun, unless the noun is a text that says what the
    participle says ("a resolution demanding ...") or an act whose toll it counts."""
    head, words = tok.head, syntax.words
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or head.pos_ not in ("NOUN", "PROPN") or head.i in fired:
        return False
    if syntax.children(tok, "nsubj") or lemma(tok) in words.toll_verbs:
        return False
    return not {lemma(head)} & (words.message_nouns | words.framing_nouns | words.enacting_nouns)


def _describes_source(syntax, tok):
    """The trigger is in a clause describing the source of a report in its tail: "according to
    a senator who acted as a go-between", "a member of the team trying to broker a pact said"."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("relcl", "acl"):
            break
        if _misread_tail(syntax, cur):
            return True
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    else:
        return False
    noun = cur.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "a member of the team trying to ...": the member speaks
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":
        return noun.head.head.lower_ in syntax.words.attribution_heads
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.lemma_.lower() in syntax.words.speech_lemmas and any(
        d in ("ccomp", "parataxis") and c.i < noun.i for d, c in syntax.kids(verb))


def _misread_tail(syntax, cur):
    """"X accused Y of ..., a member of the team trying to broker a pact has said": the parser makes
    the tail's noun the subject of the participle and leaves the speech verb after it with none; the
    participle describes the one who speaks."""
    subj = syntax.children(cur, "nsubj") if cur.dep_ == "advcl" and cur.tag_ == "VBG" else []
    edge = subj[0].left_edge.i if len(subj) == 1 else 0
    if edge == 0 or subj[0].i > cur.i or subj[0].doc[edge - 1].text != ",":
        return False
    verb = subj[0].sent.root
    return verb.i > cur.i and verb.lemma_.lower() in syntax.words.speech_lemmas \
        and not syntax.children(verb, "nsubj") \
        and any(d == "ccomp" and c.i < subj[0].i for d, c in syntax.kids(verb))


def _drop_mutual(found, consumed):
    """Two triggers that each took the other in ("agreed to US mediation": the verb's pattern names
    the noun, the noun is framed by the verb): the more specific pattern keeps the event."""
    losers = set()
    for a in found:
        for b in found:
            if a is not b and b.trigger.i in a.consumed and a.trigger.i in b.consumed and a.rank >= b.rank \
                    and id(a) not in losers:
                losers.add(id(b))
    if losers:
        found = [f for f in found if id(f) not in losers]
        consumed = set().union(*(f.consumed for f in found)) if found else set()
    return found, consumed


def _merge_subject_acts(found, codes):
    """"Israeli airstrikes killed 15 people": the attack named as the subject is the killing; "US
    drone strikes killed ...": who struck is who killed."""
    by_trigger = {f.trigger.i: f for f in found}
    subject_acts = [f for f in found if f.trigger.pos_ == "NOUN" and f.trigger.dep_ == "nsubj"
                    and f.trigger.head.i in by_trigger
                    and codes[by_trigger[f.trigger.head.i].code].root == codes[f.code].root]
    for f in subject_acts:
        if f.sources:
            by_trigger[f.trigger.head.i].sources = f.sources
    merged = {id(f) for f in subject_acts}
    return [f for f in found if id(f) not in merged]


def _specific_frames(found, consumed, codes):
    """"Agreed to encourage progress in the consultations": where the framed act says no more than
    its frame's generic code (030) and the frame word's own event names the kind of act (036, from
    what the clause is about), the frame word's event stands instead."""
    by_trigger = {f.trigger.i: f for f in found}
    losers, freed = set(), set()
    for f in found:
        g = by_trigger.get(f.frame_word.i) if f.frame_word is not None else None
        if g is not None and g is not f and codes[f.code].generic_for and g.code != f.code \
                and codes[g.code].root == codes[f.code].root and len(g.code) >= len(f.code):
            losers.add(id(f))
            freed.add(g.trigger.i)
    if not losers:
        return found, consumed
    found = [f for f in found if id(f) not in losers]
    still = {i for f in found for i in f.consumed}
    return found, (consumed - freed) | (freed & still)
