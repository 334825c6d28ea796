"""Codes made more specific by what the rest of the parse says: what a framed act is about
(data/purposes.tsv), what a protest demands, and the weapon of a generic attack
(data/instruments.tsv)."""
from __future__ import annotations

ACCORD = "019"  # CAMEO's "express accord": agreement on a view, not on an act


def lemma_of(tok):
    return tok.lemma_.lower()


class Refiner:
    def __init__(self, frames, cameo, instruments, purposes):
        self.frames = frames
        self.cameo = cameo
        self.codes = cameo.codes  # code -> CameoCode, read for every coded trigger
        self.instruments = instruments  # weapon word -> code, for generic attacks
        self.purposes = purposes

    def refine(self, syntax, found, consumed):
        """Refine the codes of `found` in place; a protest's demand joins `consumed`."""
        self._accords(syntax, found)  # before purposes: a view agreed on is about no act
        if self.purposes is not None:
            for f in found:
                self._by_purpose(syntax, f)
        self._protests(syntax, found, consumed)
        for f in found:
            self._by_instrument(syntax, f)
        self._outlooks(syntax, found)

    def _accords(self, syntax, found):
        """"Agreed that a political solution was the only way forward": an intent made by a verb of
        agreeing whose clause only says what something is (a verb like "be", no modal) and holds no
        coded act is accord on a view (019); "agreed that teams would resume work" stays an intent."""
        words = syntax.words
        intent = self.cameo.generic_code("intent")
        for f in found:
            t = f.trigger
            if f.code != intent or t.pos_ != "VERB" or t.lemma_.lower() not in words.accord_verbs:
                continue
            clauses = syntax.children(t, "ccomp")
            if not clauses or any(lemma_of(c) not in words.equating_verbs or any(
                    d == "aux" for d, _ in syntax.kids(c)) for c in clauses):
                continue
            inside = {w.i for c in clauses for w in c.subtree}
            if not any(g.trigger.i in inside for g in found):
                f.code = ACCORD

    def _outlooks(self, syntax, found):
        """"Warned that the economy was close to collapse": a warning addressed to no one whose clause
        reports no act and foretells nothing threatens nothing; it is a pessimistic comment (012)."""
        threat = self.cameo.generic_code("threaten")
        for f in found:
            t = f.trigger
            if f.code != threat or t.pos_ != "VERB" or self.frames.words.get(t.lemma_.lower()) != "threaten" \
                    or syntax.children(t, "dobj", "dative"):
                continue
            clauses = syntax.children(t, "ccomp")
            inside = {w.i for c in clauses for w in c.subtree}
            # "warned that it would take countermeasures": a consequence foretold is a threat
            modals = syntax.words.modal_future | syntax.words.modal_hypothetical | syntax.words.reported_future
            foretold = any(c.dep_ == "aux" and c.lower_ in modals for cl in clauses for c in cl.children)
            if clauses and not foretold and not any(g.trigger.i in inside for g in found):
                f.code = self.cameo.generic_code("pessimism")

    def _by_purpose(self, syntax, f):
        """An appeal, intent, demand, threat or refusal coded only by its own verb ("urged Uganda to
        repatriate criminals", "asked the EC for food aid"): what it is about picks the subcode."""
        code = self.codes[f.code]
        frame = code.generic_for
        # "rejected calls for economic aid" (122): content may also narrow a code to its subcode
        narrow = frame is None and len(f.code) == 3 and self.codes[code.residual].generic_for
        frame = frame or narrow
        if not frame:
            return
        t = f.trigger
        clauses = [c for c in t.children if c.dep_ in ("xcomp", "ccomp")]
        # "rejected calls by Annan, ..., to adopt reforms": the parser may hang the clause on the verb
        clauses += [c for c in t.children if c.dep_ == "advcl" and syntax.infinitive(c)]
        if frame == "intent" and not narrow and any(c.dep_ == "neg" for x in clauses for c in x.children):
            # "vowed not to return the Golan Heights": a pledge not to act is a refusal
            frame = "reject"
            f.code = self.cameo.generic_code("reject")
        # "urged the military to ...": with a clause, the object is who is addressed, not the content
        parts = clauses + [c for c in t.children if c.dep_ in ("dobj", "attr") and not clauses
                           or c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "of")]
        skip = {w.i for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for w in s.subtree}
        act = self.purposes.act(frame, [w.lemma_.lower() for p in parts for w in p.subtree if w.i not in skip])
        if act and act[:2] == "08" and frame == "demand" and not clauses \
                and t.lemma_.lower() in syntax.words.command_verbs:
            # "a judge ordered the release of Temer": a release ordered with no one told to do it
            # is done by whoever orders it ("ordered the junta to release him" stays a demand)
            f.code = act
            return
        recoded = self.frames.recode(frame, act) if act else None
        if recoded and (not narrow or self.codes[recoded].parent == f.code != recoded):
            f.code = recoded

    def _reform(self, code):
        """The political change an act demands or concedes ("demanded the leader's resignation":
        leadership), by its code or its parent's; a protest's own subcode demands nothing more."""
        c = self.cameo.get(code)
        if c is None or c.protest:
            return None
        return c.reform or self.codes[c.parent].reform

    def _protests(self, syntax, found, consumed):
        """"Staged demonstrations to demand political reform", "blocked roads demanding the leader's
        resignation": what a protest demands picks its 4-digit code (leadership, policy, rights,
        institutions), and the demand is part of the protest."""
        for f in found:
            if not self.codes[f.code].by_reform:
                continue
            for g in found:
                t = g.trigger
                if g is f or t.dep_ not in ("advcl", "xcomp", "acl", "conj") or \
                        not any(a.i == f.trigger.i for a in t.ancestors):  # the parser may hang it lower
                    continue
                reform = self._reform(g.code)
                if reform:
                    f.code = self.cameo.subcode(f.code, reform)
                    consumed.add(t.i)
                    break
            if self.codes[f.code].by_reform and self.purposes is not None:
                # no coded demand: what the protest is for or against ("against the party's
                # leader", "to show disapproval of US military policies") may still say
                t = f.trigger
                parts = [c for c in t.children if c.dep_ in ("advcl", "xcomp", "acl")
                         or c.dep_ == "prep" and c.lower_ in ("against", "over", "for", "in", "at")]
                parts += [c for o in syntax.children(t, "dobj") for c in o.children
                          if c.dep_ == "prep" and c.lower_ in ("against", "over", "for", "in")]
                lemmas = [w.lemma_.lower() for c in parts for w in c.subtree if w.dep_ not in ("nsubj",)]
                act = self.purposes.act("protest", lemmas)
                c = self.cameo.get(act) if act else None
                if c is not None and c.reform and not c.protest:
                    f.code = self.cameo.subcode(f.code, c.reform)

    def _by_instrument(self, syntax, f):
        """"Killed ... in a car bomb attack", "attacked civilians with sarin gas", "killed in an air
        raid": the weapon named picks the code of a generic attack (data/instruments.tsv)."""
        if not self.codes[f.code].by_weapon:
            return
        t = f.trigger
        words = []
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "with", "by", "during"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        words += [w.lemma_.lower() for w in o.subtree]
        # "a car bomb attack"; "carried out a bomb attack", where the light verb holds the event
        nouns = [t] if t.pos_ == "NOUN" else [o for o in t.children if o.dep_ == "dobj"]
        words += [c.lemma_.lower() for n in nouns for c in n.children if c.dep_ in ("compound", "amod")]
        # "a roadside bombing killed one soldier": the weapon is the subject
        subject_of = t.head if t.dep_ == "conj" and not syntax.children(t, "nsubj") else t
        # the subject's own modifiers only: "fighters of a group that X calls terrorist" names no weapon
        words += [w.lemma_.lower() for c in subject_of.children if c.dep_ == "nsubj" for w in _modifiers(c)]
        codes = [self.instruments[w] for w in words if w in self.instruments]
        if codes:
            # the most specific weapon wins: "car bomb" -> 1832 before "bomb" -> 183
            f.code = max(codes, key=lambda c: (len(c), c))


def _modifiers(tok):
    """A noun and its chain of compounds and adjectives ("a car bomb attack": attack, bomb, car)."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in ("compound", "amod")]
    return out
