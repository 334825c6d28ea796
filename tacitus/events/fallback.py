"""Where the one acted on may still be named when a pattern's own slots hold no actor: computed
only when the pipeline asks, since most events find their target in the pattern's slots."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors.resolve import Deep
from .syntax import lemma, with_conjuncts


@dataclass(slots=True, eq=False)  # one trigger's, compared by identity
class FallbackTargets:
    """The fallback targets of one coded trigger: lists of argument tokens, in the order to try.
    The actor a threat or demand is conditioned on ("threatened to ban voting if Hamas ran", "will
    withdraw unless the government ..."); the one a framed act is done to, against or for
    ("promised to continue military aid to Mozambique", "threatened to impose restrictions against
    German goods"); the one an unpatterned complement names ("threatened to stop negotiations with
    the US")."""

    syntax: Any  # syntax.Syntax of the sentence
    token: Any  # the trigger
    frame_word: Any  # the framing token, if any
    code: Any  # ontology.CameoCode of the event as first coded
    target: tuple  # the pattern's target slots

    def lists(self):
        syntax, tok, code = self.syntax, self.token, self.code
        if "none" in self.target[:1] and (
                code.statement or self.frame_word is None and not syntax.children(tok, "xcomp", "ccomp")):
            return []
        out = []
        heads = [tok] + syntax.children(tok, "xcomp", "ccomp")
        if code.protest:
            # "began a hunger strike to protest against Sweden's decision", "blocked a road to show
            # their disapproval of US policies": the purpose names whom a protest is aimed at
            heads += [a for a in syntax.children(tok, "advcl") if syntax.infinitive(a)]
        if code.condition_target:
            cond = syntax.condition_subjects([t for t in (self.frame_word,) if t is not None] + heads)
            if cond:
                out.append(cond)
        holders = self._holders(heads)
        for words in self._preps():
            objs = [o for h in holders for p in syntax.children(h, "prep") if p.lower_ in words
                    for o in syntax.children(p, "pobj") if o.lower_ not in syntax.words.date_words
                    and lemma(o) not in syntax.words.topic_nouns]  # "views on the reform of the UN"
            if objs:
                out.append(with_conjuncts(objs))
        self._add_act_parties(out, holders)
        if code.protest:
            # "threw stones during demonstrations against violations by the army": what the
            # protest the act is part of is against
            during = [o for p in syntax.children(tok, "prep") if p.lower_ in syntax.words.simultaneous_preps
                      for o in syntax.children(p, "pobj")]
            against = [o for h in during for p in syntax.children(h, "prep") if p.lower_ == "against"
                       for o in syntax.children(p, "pobj")]
            if against:
                out.append([Deep(o) for o in with_conjuncts(against)])
        if tok.pos_ == "VERB":
            comp_objs = [o for h in heads[1:] for o in syntax.children(h, "dobj")]
            if comp_objs:
                out.append([Deep(o) for o in comp_objs])
        return out

    def _holders(self, heads):
        """The complement (or the act itself) and its objects: who the act goes to or against."""
        syntax, tok = self.syntax, self.token
        holders = []
        for h in heads:
            holders += [h] + [o for o in syntax.children(h, "dobj", "attr") for o in [o] + syntax.children(o, "conj")]
        if self.code.consultation:
            # "arrived in Cairo for talks with Egyptian mediators": who the talks are with
            holders += [o for p in syntax.children(tok, "prep") if p.lower_ == "for"
                        for o in syntax.children(p, "pobj")]
        # "engaged in ethnic cleansing against the Albanians": the act named after "in"
        if lemma(tok) in syntax.words.participation_verbs:
            holders += [o for p in syntax.children(tok, "prep") if p.lower_ in ("in", "into")
                        for o in syntax.children(p, "pobj") if o.pos_ == "NOUN"]
        if self.code.protest:
            # "in defiance of Chinese authorities", "in protest at the decision of Sweden"
            holders += [o for h in holders for p in syntax.children(h, "prep") if p.lower_ == "in"
                        for o in syntax.children(p, "pobj") if lemma(o) in syntax.words.opposition_nouns]
        return holders

    def _preps(self):
        """Groups of prepositions to look after, in order: cooperation "against the PKK" is not
        cooperation with the PKK; some acts take their target "from" or "by" (cameo.tsv
        `fallback_preps`: "recaptured the town from rebels", "demanded an admission by Moscow"); a
        protest is "of" whom it defies."""
        preps = [("against",)] if not self.code.cooperative else []
        preps.append(self.syntax.words.towards_preps)
        if self.code.fallback_preps:
            preps.append(self.code.fallback_preps)
        if self.code.protest:
            preps.insert(0, ("of",))
        return preps

    def _add_act_parties(self, out, holders):
        syntax = self.syntax
        if self.code.doer_target:
            # "denounced Serbia's suppression of the unrest": whose act is condemned or rejected
            doers = [x for o in holders[1:] for x in [c for c in o.children if c.dep_ == "poss"]
                     + [x for p in syntax.children(o, "prep", "agent") if p.lower_ == "by"
                        for x in syntax.children(p, "pobj")]]
            if doers:
                out.insert(0, with_conjuncts(doers))
        # "mounted an invasion of Lebanon", "imposed a blockade on ... ": who undergoes the act named
        patients = [x for o in holders[1:] if lemma(o) in syntax.words.patient_nominals
                    for x in [c for c in o.children if c.dep_ == "poss"]
                    + [x for p in syntax.children(o, "prep") if p.lower_ == "of" for x in syntax.children(p, "pobj")]]
        if patients:
            out.append(with_conjuncts(patients))
