"""Stage `arguments`: each framed trigger coded with its source and target tokens, then the
passes that code frames with no pattern of their own, the refinements of codes by what the parse
adds (purpose, protest purpose, weapon), and the choice of which coded triggers stand."""
from __future__ import annotations

from ..actors.resolve import Deep
from ..stages import Stage
from .clauses import (aim_concessions, merge_tolls, partner_across_clause, share_claimed_acts,
                      share_meeting_actors, share_time_clause_actors)
from .contents import framed_contents, obligations, refusals
from .fallback import FallbackTargets
from .implicit import settled_agreements, welcomed_acts
from .features import NominalFeatures
from .labels import labelled_crimes
from .records import Dropped, Found
from .mass import mass_killings
from .refine import Refiner
from .select import select
from .subjects import noun_arguments, participle_arguments, subject, targets
from .syntax import is_verb, lemma, with_conjuncts


class ArgumentStage(Stage):
    """Coded triggers with their source and target tokens and fallback targets."""

    name = "arguments"
    level = "sentence"
    requires = ("sentence.parsed", "sentence.triggers", "sentence.framed")
    assigns = ("sentence.found",)
    updates = ("sentence.dropped",)

    def __init__(self, frames, cameo, words, instruments=None, purposes=None):
        self.frames = frames
        self.cameo = cameo
        self.codes = cameo.codes  # code -> CameoCode, read for every coded trigger
        self.words = words
        self.toll_marks = words.toll_marks
        self.purposes = purposes
        self.refiner = Refiner(frames, cameo, instruments or {}, purposes)

    def __call__(self, doc_state, sent):
        if sent.parsed is None:
            sent.found = []
            return
        triggers = sent.triggers
        syntax = triggers.syntax
        found, consumed = [], set()
        for framed in sent.framed:
            f = self.found(syntax, framed)
            found.append(f)
            consumed |= f.consumed
        share_time_clause_actors(syntax, found, self.codes, self.toll_marks)
        share_claimed_acts(syntax, found, consumed, self.codes, self.words.claiming_verbs)
        consumed -= share_meeting_actors(syntax, found, self.codes)
        partner_across_clause(syntax, found, self.codes)
        aim_concessions(syntax, found, self.codes)
        found += obligations(syntax, triggers, found, self.cameo)
        found, settled = settled_agreements(syntax, found)
        if self.purposes is not None:
            found += framed_contents(syntax, triggers, found, self)
            found += refusals(syntax, triggers, found, self)
        labels = labelled_crimes(syntax, found, self.codes)
        # "called the strike a war crime" is no strike called; "was met with condemnation", no meeting
        verbs = {f.frame_word.i for f in labels if lemma(f.frame_word) in self.words.labelling_verbs}
        verbs |= {v.i for v in (self._received(syntax, f.trigger) for f in found) if v is not None}
        verbs |= self._performed_orders(syntax, found)
        if verbs:
            found, consumed = self._without_verbs(found, verbs, consumed)
        found += labels
        self.refiner.refine(syntax, found, consumed)
        consumed -= welcomed_acts(syntax, found, consumed) | settled
        merged = merge_tolls(found, self.codes, self.words.toll_verbs)
        mass_killings(merged, self.words)
        sent.found = select(syntax, merged, consumed, self.cameo)
        kept = {id(f) for f in sent.found}
        sent.dropped.extend(Dropped(f.trigger, f.pattern, f.code, self.name, "part of another event")
                            for f in found if id(f) not in kept)

    @staticmethod
    def _without_verbs(found, verbs, consumed):
        """The coded triggers less those of `verbs`, which code no act of their own; what those took
        in is free again."""
        kept = [f for f in found if f.trigger.i not in verbs]
        freed = set().union(*(f.consumed for f in found if f.trigger.i in verbs))
        freed -= set().union(*(f.consumed for f in kept))
        return kept, consumed - freed

    def _performed_orders(self, syntax, found):
        """"The junta ordered the closure of the border", "ordered the arrest of ...": a bare order
        whose object is an act of its own is that act, done by whoever orders it; the order codes
        nothing. The verbs of such orders."""
        demand = self.cameo.generic_code("demand")
        acts = {f.trigger.i for f in found if f.trigger.pos_ == "NOUN" and f.code[:2] != demand[:2]}
        # (an order not given, or only foretold, is no act done: "has not ordered", "may order")
        return {f.trigger.i for f in found if acts and f.code == demand and f.trigger.pos_ == "VERB"
                and lemma(f.trigger) in self.words.performing_verbs
                and not any(d == "neg" or c.tag_ == "MD" for d, c in syntax.kids(f.trigger))
                and any(o.i in acts for o in syntax.children(f.trigger, "dobj"))}

    def _reaction_verb(self, syntax, tok):
        """The verb that draws an event noun ("drew criticism") or receives it ("met with criticism")."""
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and lemma(tok.head) in self.words.drawing_verbs:
            return tok.head
        return self._received(syntax, tok)

    def _received(self, syntax, tok):
        """"The test was met with condemnation from Japan", "the plan met with criticism": the verb an
        event noun is received with, else None."""
        verb = tok.head.head
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "with" and verb.pos_ == "VERB" \
                and lemma(verb) in self.words.drawing_verbs:
            return verb
        return None

    def recode(self, frame, code):
        return self.frames.recode(frame, code) or self.cameo.generic_code(frame)

    def found(self, syntax, framed) -> Found:
        trigger = framed.trigger
        tok, feats, pattern = trigger.token, trigger.features, trigger.pattern
        # "held talks", "called for talks": the noun is part of this event, not a second one
        consumed = {o.i for o in feats.objects if o.pos_ == "NOUN"}
        if pattern.pos == "VERB":
            # ("praised the ties during their meeting": a meeting at the time of the act is its own event)
            # (nor is "despite objections from Egypt": what it went ahead against)
            own = self.words.simultaneous_preps | self.words.concessive_preps
            consumed |= {o.i for w, objs in feats.preps.items() if w != "iobj" and w not in own
                         for o in objs if o.pos_ == "NOUN" and not self._journey_on(tok, w, o)}
            if self.codes[pattern.code].root == "11":
                consumed |= _charges(syntax, tok, feats)
        sources, found_targets = self._own_arguments(syntax, trigger)
        head = framed.frame_head
        if head is not None:
            consumed.add(head.i)
            sources, found_targets = self._framed_arguments(syntax, framed, sources, found_targets)
        if not sources and tok.dep_ in ("pcomp", "pobj") and head is not None:
            # "Australia is committed to deepening ...": the framed subject, passive or not
            # "Egypt has no intention of returning to talks": who has the intention
            holder = head.head if head.pos_ == "NOUN" and head.dep_ == "dobj" else head
            sources = with_conjuncts(syntax.children(holder, "nsubj", "nsubjpass")) or subject(syntax, holder)
        if self.codes[framed.framed_code].condition_target == "replaces":
            # "threatened to ban voting in East Jerusalem if Hamas ran": the one whose act the
            # threat is conditioned on is its target
            cond = syntax.condition_subjects([t for t in (head, tok) if t is not None]
                                             + syntax.children(tok, "xcomp", "ccomp"))
            if cond:
                found_targets = cond
        code, planned, status, demanded = framed.code, framed.planned, framed.status, False
        speaker = with_conjuncts(syntax.children(framed.speech, "nsubj")) if framed.speech is not None else []
        if speaker and not any(a.i == b.i for a in speaker for b in sources):
            # "Jack Straw said the government and the rebels must reach an agreement": the speaker
            # demands the act of those it names (CAMEO 10x)
            planned, code = code, self.recode("demand", code)
            found_targets, sources, status = sources, speaker, "occurred"
            consumed.add(framed.speech.i)
            demanded = True
        # the act's own time words, and those of the verbs that frame it
        act_clause = syntax.time_words([tok] + ([tok.head] if tok.dep_ == "conj" else []))
        if not act_clause:
            act_clause = syntax.time_words(self._time_holders(syntax, tok, pattern))
        elif not syntax.dated(act_clause) and self._reaction_verb(syntax, tok) is not None:
            # "met with criticism from the Commission on Friday": the reaction came then
            act_clause += syntax.time_words([self._reaction_verb(syntax, tok)])
        if not syntax.dated(act_clause):
            act_clause += syntax.setting_times(tok)
        # "held talks on Friday and agreed to step up cooperation": a conjoined frame shares its time
        frame_clause = syntax.time_words(framed.chain[1:] + [t.head for t in framed.chain[-1:]
                                                             if len(framed.chain) > 1 and t.dep_ == "conj"])
        if planned:  # the intent, appeal or threat is dated by its own words (or the document date)
            clause = frame_clause
        else:
            clause, act_clause = act_clause + frame_clause, []
        return Found(tok, code, pattern.id, sources, found_targets, status, framed.frame_word, clause, consumed,
                     planned, passive=feats.passive and pattern.pos == "VERB" or self._receiving(trigger),
                     rank=pattern.rank,
                     act_clause=act_clause, needs_target=demanded or self._accusation(pattern, tok),
                     fallback=FallbackTargets(syntax, tok, framed.frame_word, self.codes[code], pattern.target))

    def _journey_on(self, tok, prep, noun):
        # nor is the journey it was done on: "on his first state visit to Rwanda, expressed regret"
        # (but "arrived on a visit" is that visit)
        words = self.words
        return prep == "on" and lemma(noun) in words.travel_nouns and lemma(tok) not in words.journey_verbs

    def _time_holders(self, syntax, tok, pattern):
        """A word with no time of its own that shares its clause's: "visiting X held talks on
        Monday", "at the end of their meeting yesterday, they agreed"."""
        if tok.tag_ == "VBG" and lemma(tok) in self.words.bearer_participles:
            verb = tok.head if is_verb(tok.head) else syntax.clause_verb(tok)
        elif tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "on" \
                and lemma(tok.head.head) in self.words.journey_verbs:
            verb = tok.head.head  # "arrived on a state visit on Sunday"
        elif self._reaction_verb(syntax, tok) is not None:
            verb = self._reaction_verb(syntax, tok)  # "drew criticism from Turkey on Monday"
        elif tok.pos_ == "NOUN":
            verb = syntax.simultaneous_verb(tok)
        else:
            verb = None
        return [verb] if verb is not None else []

    def _own_arguments(self, syntax, trigger):
        """Sources and targets as the trigger's own phrase gives them."""
        tok, feats, pattern = trigger.token, trigger.features, trigger.pattern
        if trigger.nominal:
            sources = feats.sources
            if tok.dep_ == "dobj" and lemma(tok.head) in self.words.drawing_verbs:
                return self._drawn_arguments(syntax, tok, sources, targets(syntax, feats, pattern))
            received = self._received(syntax, tok)
            if received is not None:
                return self._drawn_arguments(syntax, tok, sources, targets(syntax, feats, pattern), received)
            if not sources and tok.dep_ == "dobj" and lemma(tok.head) in self.words.performing_verbs:
                # "Italy announced a suspension of air links": who announces or orders the act does it
                sources = subject(syntax, tok.head)
            return sources, targets(syntax, feats, pattern)
        if pattern.pos == "NOUN":
            return noun_arguments(syntax, tok, pattern)
        if tok.tag_ == "VBG" and lemma(tok) in self.words.bearer_participles:
            described = participle_arguments(syntax, tok)
            if described is not None:
                return described
        if self._accusation(pattern, tok):
            return self._accusation_arguments(syntax, tok)
        if self._receiving(trigger):
            return self._giver(syntax, tok, feats), subject(syntax, tok, feats.passive)
        return subject(syntax, tok, feats.passive), targets(syntax, feats, pattern)

    def _receiving(self, trigger):
        # "received 500 tonnes of rice from Morocco": aid (CAMEO 07) is given to the subject
        return trigger.pattern.pos == "VERB" and not trigger.features.passive and \
            lemma(trigger.token) in self.words.receiving_verbs and self.codes[trigger.pattern.code].root == "07"

    @staticmethod
    def _giver(syntax, tok, feats):
        """Who gives what `tok` receives: the "from" object, else a nationality on what is received
        ("received German tanks")."""
        givers = syntax.prep_objects(tok, ("from",))
        return with_conjuncts(givers) or [c for o in feats.objects for c in syntax.children(o, "amod")
                                          if c.text[:1].isupper()]

    @staticmethod
    def _drawn_arguments(syntax, tok, sources, own_targets, received=None):
        """"The siege has drawn condemnation from the UN": the one it comes from does the act, to
        the one who drew it (or the doer inside it: "Israel's expansion of settlements"); so for
        what is met with it."""
        verb = received if received is not None else tok.head
        drawn = syntax.children(verb, "nsubjpass") or subject(syntax, verb)
        drawer = [t.head.head if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl" else t for t in drawn]
        if not drawer and verb.dep_ == "advcl":
            drawer = subject(syntax, verb.head)  # "passed the bill, drawing condemnation from"
        return sources or with_conjuncts(syntax.prep_objects(verb, ("from",))), \
            own_targets or [Deep(t) for t in drawer]

    def _accusation(self, pattern, tok):
        # an accusation names whom it accuses, or it is no event
        return pattern.pos == "ADJ" and lemma(tok) in self.words.accusing_adjectives

    def _accusation_arguments(self, syntax, tok):
        """"The Russian state was culpable for the attack," she said: who says so accuses the one
        the adjective is said of; said by nobody, nobody is known to accuse."""
        if lemma(tok.head) != "be":
            return [], []
        speaker = next((a for a in list(tok.ancestors)[:6] if lemma(a) in self.words.speech_lemmas), None)
        if speaker is None:
            # "X is culpable for the famine, a senior official said": the attribution tail
            speaker = next((c for c in tok.sent.root.children if c.dep_ in ("ccomp", "parataxis")
                            and c.i > tok.i and lemma(c) in self.words.speech_lemmas), None)
        accused = subject(syntax, tok)
        return (with_conjuncts(syntax.children(speaker, "nsubj")) if speaker is not None else []), accused

    def _framed_arguments(self, syntax, framed, sources, found_targets):
        """Who frames the act and whom the frame addresses: the appealer is the source, the one
        appealed to the target; a nominal frame's owner frames the act."""
        head, frame, cur = framed.frame_head, framed.frame, framed.clause_head
        if lemma(head) == "be" and cur.dep_ in ("csubj", "nsubj"):
            # "said that removing the sanctions is out of the question": the speaker refuses it
            return (subject(syntax, head.head) if head.dep_ == "ccomp" else []) or sources, found_targets
        if head.pos_ == "NOUN":
            # "an appeal from X to lay down arms": with no owner, nobody is known to appeal
            sources = NominalFeatures(head, syntax).sources
            if not sources and head.dep_ == "dobj" and (lemma(head.head) in self.words.reaching_verbs
                                                        or lemma(head.head) in self.words.avowing_verbs):
                # "Israel and the Palestinians reached a consensus to exchange ...", "voiced
                # readiness to talk": whoever reached or voices it holds it
                sources = subject(syntax, head.head)
            tgt = syntax.prep_objects(head, ("to", "on", "upon", "against", "for"))
            if frame in ("appeal", "demand") and tgt:
                found_targets = with_conjuncts(tgt)
            elif frame in ("appeal", "demand") and cur.dep_ in ("ccomp", "acl"):
                found_targets = syntax.children(cur, "nsubj") or found_targets
        elif frame in ("appeal", "demand"):
            gov = head.head if head.pos_ == "ADJ" else head
            src = subject(syntax, gov)
            tgt = syntax.children(gov, "dobj") or syntax.prep_objects(gov, ("on", "upon", "to"))
            if cur.dep_ in ("ccomp", "advcl"):  # "urged that Iran ...", "called for Iran to ..."
                tgt = syntax.children(cur, "nsubj") or tgt
            if src:
                sources = src
            if tgt and _rallied(framed, found_targets, tgt):
                # "urged the EC to support the PLO": calling on others to back a third party rallies
                # support on its behalf (053), aimed at the party backed, not at those called on
                framed.code = "053"
            elif tgt:
                found_targets = with_conjuncts(tgt)
        elif frame == "threaten":
            tok = framed.trigger.token
            if not sources and framed.trigger.features.passive and framed.trigger.pattern.pos == "VERB" \
                    and tok.dep_ == "ccomp" and tok.head.i == head.i and any(c.tag_ == "MD" for c in tok.children):
                # "warned Seoul that any drills would be met with force": a threatened act with no
                # doer of its own is the warner's; "Iran was warned by the G7 that ...", the G7's
                sources = subject(syntax, head)
                found_targets = syntax.children(head, "nsubjpass" if syntax.is_passive(head) else "dobj") \
                    or found_targets
            elif not found_targets:
                found_targets = syntax.children(head, "dobj")
        if framed.trigger.nominal and head.pos_ != "NOUN" and frame != "negate":
            # "refused to respond to a demand from the US": the refusal is the subject's
            doer = with_conjuncts(syntax.children(head, "nsubj")) or subject(syntax, head)
            # "agreed to step up cooperation", "urged Japan to step up its support": the noun's act is
            # the framed one, whose doer is the frame's subject, or the one appealed to
            furthered = len(framed.chain) > 2 and lemma(framed.chain[1]) in self.words.furthering_verbs
            if doer and furthered:
                sources = sources if frame in ("appeal", "demand") else doer
            elif doer:
                found_targets, sources = sources or found_targets, doer
        return sources, found_targets


def _rallied(framed, backed, called):
    """The framed act backs (051, 052) a named party other than those called on: not "urged Japan
    to support it" nor "to support the plan" (an appeal for policy support, 022)."""
    if framed.frame != "appeal" or framed.act_code[:3] not in ("051", "052"):
        return False
    called = {t.i for t in called}
    heads = [t.token if isinstance(t, Deep) else t for t in backed]
    return bool(heads) and all(t.i not in called and _named_party(t) for t in heads)


def _named_party(tok):
    """A named party ("the PLO", "Kosovo") or a sector of one ("the Polish government")."""
    if tok.tag_ in ("PRP", "PRP$"):
        return False
    # (the parser runs without NER: a proper noun, or a capitalised modifier such as a demonym)
    return tok.pos_ == "PROPN" or any(c.dep_ in ("amod", "compound") and c.text[:1].isupper()
                                      for c in tok.children)


def _charges(syntax, tok, feats):
    """"Accused X of violating rights, ignoring the law and jailing critics": what the accusation
    charges, each conjoined gerund, is its content, not a reported act. The parser may hang the
    list's later gerunds on the accusing verb; a lone "..., vowing to retaliate" is the accuser's
    own act."""
    out = {o.i for w, objs in feats.preps.items() if w in ("of", "for")
           for o in objs if o.dep_ in ("pcomp", "conj") and o.pos_ == "VERB"}
    charge = min((p.i for p in syntax.children(tok, "prep") if p.lower_ in ("of", "for")), default=None)
    if charge is not None:
        out |= {w.i for c in syntax.children(tok, "advcl") if c.i > charge and c.tag_ == "VBG"
                and any(x.tag_ == "VBG" for x in syntax.children(c, "conj"))
                for w in [c, *syntax.children(c, "conj")]}
    return out
