"""Stage `framing`: what frames each trigger ("ready to X", "urged Y to X", "threatened to X",
"failed to X", "X, she said") and the status of its act, which together fix the event's code."""
from __future__ import annotations

from dataclasses import dataclass

from ..stages import Stage
from .records import Dropped, Framed
from .status import in_question, scheduled, setting_status, status_of
from .syntax import lemma


@dataclass(slots=True)
class _Walk:
    """The words above a trigger, up to the frame word that frames it (if any)."""

    chain: list
    frame: str | None = None
    head: object = None
    clause_head: object = None


class FramingStage(Stage):
    """The frame (intent, appeal, demand, threaten, reject, negation) and status of each trigger."""

    name = "framing"
    level = "sentence"
    requires = ("sentence.parsed", "sentence.triggers")
    assigns = ("sentence.framed", "sentence.dropped")

    def __init__(self, frames, cameo, words, nominals=None):
        self.frames = frames
        self.cameo = cameo
        self.codes = cameo.codes  # code -> CameoCode, read for every coded trigger
        self.words = words
        self.nominals = nominals or {}

    def __call__(self, doc_state, sent):
        triggers, framed, dropped = sent.triggers, [], []
        for trigger in triggers:
            f = self.frame(triggers.syntax, trigger)
            if f is None:
                dropped.append(Dropped(trigger.token, trigger.pattern.id, trigger.pattern.code, self.name, "alleged"))
            else:
                framed.append(f)
        sent.framed, sent.dropped = framed, dropped

    def recode(self, frame, code):
        return self.frames.recode(frame, code) or self.cameo.generic_code(frame)

    def frame(self, syntax, trigger) -> Framed | None:
        """The trigger framed, or None when the act is only alleged ("accused X of attacking Y")."""
        tok = trigger.token
        code = self._protective(syntax, tok, trigger.pattern.code)
        walk = None if self._charged_with(tok) or self._denied_report(tok) else self._walk(syntax, tok)
        if walk is None:
            return None
        act_code, status = code, "occurred"
        undaunted = walk.frame in ("undaunted", "unexcluded")
        if undaunted:  # the frame a stated plan of this act is: a threat of force, an intent to help
            future = walk.frame == "unexcluded" or any(
                c.dep_ == "aux" and c.lower_ in self.words.refusal_modals for c in walk.head.children)
            walk.frame = (self.codes[code].announced_as or "intent") if future else None
            if not future:  # "did not hesitate to condemn": it condemned
                walk.head = walk.clause_head = None
        if walk.frame == "negate":
            status = "negated"
        elif self._enacted(walk, code):  # the decision is the act: no frame, the decision's time words kept
            walk.frame, walk.head, walk.clause_head = None, None, None
        elif walk.frame:
            code = self.recode(walk.frame, code)
            if walk.frame == "appeal" and code[:2] == "02" and act_code[:3] in ("042", "043") \
                    and lemma(walk.head) in self.words.inviting_verbs:
                code = "036"  # "invited him to visit India": the host offers to meet; 026 is a third party's
        framed = Framed(trigger, code, act_code, code, status, walk.chain, walk.frame, walk.head,
                        walk.clause_head, walk.head)
        framed.status = status_of(syntax, walk.chain[:-1] if undaunted else walk.chain, tok, status,
                                  framed=walk.frame is not None)
        if framed.status == "negated" and (self._refuse(syntax, framed) or self._disavow(framed)):
            framed.status = "occurred"
        self._plan(syntax, framed)
        return framed

    def _enacted(self, walk, code):
        """"China decided to suspend consultations with the US", "Japan has decided to extend a grant
        to Vanuatu": a government's decision to cut relations or to extend aid is the act itself, not
        an intent or a threat of it (the lexicon's enacted_codes)."""
        head = walk.head
        return walk.frame == "intent" and head.tag_ in ("VBD", "VBN") and \
            lemma(head) in self.words.enacting_decisions and \
            any(code.startswith(p) for p in self.words.enacted_codes)

    def _protective(self, syntax, tok, code):
        """"Will send 100 troops to Estonia to reinforce NATO's flank": troops sent to protect an ally
        are military protection (074), not a show of force."""
        protective = self.codes[code].protective
        purposes = [lemma(a) for a in syntax.children(tok, "advcl") if syntax.infinitive(a)]
        if protective and any(p in self.words.protective_purposes for p in purposes):
            return protective
        if code[:2] in ("07", "15") and any(p in self.words.investigating_purposes for p in purposes):
            # "sent seven military experts to Saudi Arabia to investigate the attacks": people sent
            # to find out are an investigation (09), not aid or a show of force
            return "090"
        return code

    def _walk(self, syntax, tok):
        """Up from the trigger through control ("is ready to ...", "agreed to try to ..."), never into
        another speaker's clause ("X offered ... that Y believed could lead to an agreement"), to the
        first word with a frame; None if that frame is an allegation."""
        chain, cur = [tok], tok
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.dep_ in ("xcomp", "advcl") \
                and lemma(tok.head) in self.words.furthering_verbs:
            # "urged Japan to step up its support": the noun's act is what the frame asks for
            chain.append(tok.head)
            cur = tok.head
        head = syntax.governor(cur)
        if head is None and cur.dep_ in ("csubj", "nsubj") and self._predicate_frame(cur.head):
            head = cur.head  # "removing the sanctions is out of the question": its predicate frames it
        if head is None and cur.dep_ == "advcl" and syntax.infinitive(cur) \
                and self._frame_of(cur.head) in ("appeal", "demand") and (cur.i != tok.i or any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in cur.children)):
            # "called on Germany on Friday to speed up ...": the parser's adverbial clause; so is
            # "called for the junta to hand back power"
            head = cur.head
        if head is None and cur.dep_ == "advcl" and cur.tag_ == "VBG" and self._frame_of(cur.head) \
                and not any(c.dep_ == "mark" for c in cur.children) \
                and not any(t.is_punct for t in cur.doc[cur.head.i + 1:cur.i]):
            # "ruled out sending tanks": the parser hangs the gerund as a clause; after a comma
            # ("rejected the plan, urging ...") it is an act of its own
            head = cur.head
        while head is not None:
            if cur.dep_ == "acl" and cur.tag_ == "VBG" and lemma(head) in self.words.enacting_nouns:
                break  # "signed an executive order lifting sanctions": the order lifts them
            frame = self._frame_at(syntax, head)
            if frame == "allege":
                return None  # "accused X of attacking Y": the attack is alleged, not reported
            if frame == "intent" and self._timetable(head):
                frame = None  # "is expected to sign", "plans to visit": the act is on a timetable, planned
            if frame:
                chain.append(head)
                return _Walk(chain, frame, head, cur)
            if head.pos_ == "VERB" and cur.head.lower_ == "in" and cur.head.head is head:
                # "will play a role in facilitating talks": the role's verb carries the act's modal
                chain.append(head)
                cur, head = head, syntax.governor(head)
                continue
            if head.pos_ == "NOUN" and lemma(head) in self.words.effort_nouns and head.dep_ == "dobj":
                # "would make efforts to restore ties": the effort's verb carries the act's modal
                chain += [head, head.head]
                cur, head = head.head, syntax.governor(head.head)
                continue
            if head.dep_ in ("xcomp", "acomp") or head.pos_ in ("ADJ", "AUX") or (
                    head.dep_ == "ccomp" and not syntax.children(head, "nsubj", "nsubjpass")):
                chain.append(head)
                cur, head = head, syntax.governor(head) or (head.head if head.dep_ == "acomp" else None)
                continue
            break
        return _Walk(chain)

    def _frame_at(self, syntax, head):
        """The frame of a word met on the walk up, as its own object or negation reads it."""
        frame = self._frame_of(head)
        doubter = syntax.object_verb(head) if frame and head.pos_ == "NOUN" else None
        if doubter is not None and lemma(doubter) in self.words.doubting_verbs:
            frame = "allege"  # "questioned Kenya's commitment to send police": nothing is stated
        negated = any(c.dep_ == "neg" for c in head.children)
        if negated and (lemma(head) in self.words.undaunted_verbs or frame == "reject"):
            # "will not hesitate to strike", "did not rule out sending troops": a warning or a
            # pledge, not a refusal
            frame = "undaunted" if frame != "reject" else "unexcluded"
        return frame

    def _timetable(self, head):
        """A verb that puts the act under it on a timetable: "plans to", or a schedule word in the
        passive ("is expected to"); "Algeria expects to allow ..." is its intent."""
        lem = lemma(head)
        return head.pos_ == "VERB" and (lem in self.words.timetable_verbs or lem in self.words.schedule_words
                                        and any(c.dep_ == "auxpass" for c in head.children))

    def _frame_of(self, head):
        """The frame of a word: its lemma's, its phrasal verb's ("ruled out", "turned down"), or for an
        event noun its verb's ("an appeal" as "appeal")."""
        words, lem = self.frames.words, lemma(head)
        if lem == "be":
            return self._predicate_frame(head)
        if head.pos_ == "VERB":
            phrasal = self.frames.phrasal(lem, [c.lower_ for c in head.children if c.dep_ == "prt"])
            if phrasal:
                return phrasal
        return words.get(lem) or (words.get(self.nominals.get(lem, "")) if head.pos_ == "NOUN" else None)

    def _predicate_frame(self, be):
        """The frame of a phrase predicated with "be" ("is out of the question": frames.tsv's "be out of
        question"), the determiners left out; else None."""
        if lemma(be) != "be":
            return None
        for prep in be.children:
            words, cur = [prep.lower_], prep
            while cur.dep_ == "prep":
                nxt = next((c for c in cur.children if c.dep_ in ("prep", "pobj")), None)
                if nxt is None:
                    break
                words.append(nxt.lower_ if nxt.dep_ == "prep" else lemma(nxt))
                cur = nxt
            frame = self.frames.words.get("be " + " ".join(words)) if prep.dep_ == "prep" else None
            if frame:
                return frame
        return None

    def _denied_report(self, tok):
        """"Denied a report that Morocco had refused to receive the envoy": what a denied report
        or claim says is hearsay, not an act reported."""
        prev = tok
        for a in tok.ancestors:
            if a.pos_ == "NOUN" and a.dep_ == "dobj" and prev.dep_ in ("acl", "ccomp") \
                    and self._frame_of(a.head) == "allege":
                return True
            prev = a
        return False

    def _charged_with(self, tok):
        """"Blamed Russia for attacking", "accused militants of attacking" with "of" hung on the
        object: what someone is accused of, blamed or charged for is alleged, wherever the parser
        attaches the preposition."""
        prep = tok.head
        while prep.dep_ == "conj" and prep.head.dep_ == "prep":
            prep = prep.head  # "culpable for the murder and for threatening ..."
        if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or \
                prep.lower_ not in ("of", "for", "with", "in"):
            return False
        holder = prep.head
        verb = holder.head if holder.dep_ == "dobj" else holder
        if lemma(verb) in self.words.claiming_verbs and holder is not verb:
            return False  # "claimed responsibility for the bombing": the claimant owns the act
        # "culpable for the murder": an adjective of blame holds the act as its verb does
        return verb.pos_ in ("VERB", "ADJ") and self.frames.words.get(lemma(verb)) == "allege"

    def _refuse(self, syntax, framed):
        """A negated act that is a rejection (CAMEO 12). "Vowed never to hand power": a pledge not to
        act. "Syria will not accept any more refugees", "the teachers won't end their strike": a
        stated refusal of cooperation. Recodes `framed` and says whether it did."""
        chain, frame_word = framed.chain, framed.frame_word
        if frame_word is not None:
            below = chain[:chain.index(frame_word)] if frame_word in chain else []
            # "has no plans to hold talks", "no intention of returning": the intent noun itself denied
            denied = frame_word.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                                        for c in frame_word.children)
            # "pledged not to attack": a promise to hold force back is an intent to de-escalate
            renounced = self.frames.recode("renounce", framed.act_code)
            if self.frames.words.get(lemma(frame_word)) == "intent" and (
                    self.codes[framed.code].intent or renounced) and (
                    denied or any(c.dep_ == "neg" for t in below for c in t.children)):
                framed.code = renounced or self.recode("reject", framed.act_code)
                return True
            return False
        tok = framed.trigger.token
        verb = syntax.verb_of_noun(tok) if tok.pos_ == "NOUN" and len(chain) == 1 else None
        # "will not take part in new talks": the noun's refusal sits on the verb that takes it
        children = [c for t in chain + ([verb] if verb is not None else []) for c in t.children]
        # "would no longer buy": the negation sits on the adverb
        negation = next((c for c in children + [g for c in children if c.dep_ == "advmod" for g in c.children]
                         if c.dep_ == "neg"), None)
        modal = any(c.dep_ == "aux" and c.lower_ in self.words.refusal_modals for c in children)
        if negation is not None and modal and any(
                c.dep_ == "advmod" and c.lower_ in self.words.idle_adverbs for c in children):
            # "will not stand idly by": a warning of action, not a refusal of support
            framed.code = framed.act_code = self.cameo.generic_code("threaten")
            return True
        renewed = lemma(tok) in self.words.renewing_verbs
        if negation is not None and modal and (self.codes[framed.code].refusable or renewed):
            # "will no longer provide loans": a stop to the act (162x), else a refusal of it; "will not
            # extend the curfew": a restriction not renewed is eased (081x)
            ceased = self.frames.recode("cease", framed.code) if negation.head.dep_ == "advmod" or renewed \
                else None
            if ceased is None and not self.codes[framed.code].refusable:
                return False
            framed.code, framed.act_code = ceased or self.recode("reject", framed.code), framed.code
            framed.frame_word = negation
            return True
        return False

    def _disavow(self, framed):
        """"Britain does not support the referendum": a stance stated as not held is disapproval
        (CAMEO 110). Recodes `framed` and says whether it did."""
        tok = framed.trigger.token
        if framed.frame_word is not None or lemma(tok) not in self.words.stance_verbs or not any(
                c.dep_ == "aux" and c.lemma_.lower() == "do" for c in tok.children):
            return False
        framed.code = framed.act_code = self.cameo.generic_code("disapprove")
        return True

    def _plan(self, syntax, framed):
        """A stated future act is the speaker's intent or threat ("Portugal will support ...", Soares
        said); a framed act recoded by its frame is the planned act ("invited Wong to visit Jakarta
        next month"); a "must" under a verb of saying may be a demand (decided with the arguments)."""
        tok, chain = framed.trigger.token, framed.chain
        future = framed.status == "planned" or (framed.status == "hypothetical" and any(
            c.dep_ == "aux" and c.lower_ in self.words.reported_future for t in syntax.with_aspect(chain)
            for c in t.children))
        # "whether she will attend" is only asked; "the upcoming talks" are no one's stated plan
        asked = in_question(chain, syntax) or (
            tok.pos_ == "NOUN" and setting_status(self.words, tok) == "planned")
        if framed.frame_word is None and future and not asked and self._is_statement(syntax, tok) \
                and not scheduled(self.words, chain):
            frame = self.codes[framed.code].announced_as
            if frame == "threaten" and framed.code[:3] == "162" and not self._conditioned(syntax, chain):
                # "the WFP said it would cut rations": a stated plan to reduce aid with no condition
                # attached is a budget decision, the planned act; "would cut aid unless ..." is a
                # threat (other announced cuts, "will withdraw inspectors", stay threats, 13x)
                framed.planned, framed.status = framed.code, "planned"
            elif frame:
                framed.planned = framed.code
                framed.code = self.recode(frame, framed.code)
                framed.status = "occurred"
        elif framed.frame_word is not None and framed.status != "negated" and framed.code != framed.act_code:
            framed.planned = framed.act_code
        obliged = framed.frame_word is None and framed.status == "hypothetical" and any(
            c.dep_ == "aux" and c.lower_ in self.words.obligation_modals for t in chain for c in t.children)
        if obliged:
            framed.speech = self._speech_verb(tok)

    def _conditioned(self, syntax, chain):
        marks = self.words.condition_marks
        return any(m.dep_ == "mark" and m.lower_ in marks for t in chain for a in syntax.children(t, "advcl")
                   for m in a.children)

    def _speech_verb(self, tok):
        """The verb of saying whose reported clause holds `tok` ("X said (that) Y must ...")."""
        cur = tok
        for _ in range(4):
            head = cur.head
            if head.i == cur.i:
                return None
            if cur.dep_ in ("ccomp", "conj") and (head.lemma_.lower() in self.words.speech_lemmas
                                                  or head.lemma_.lower() in self.words.concluding_verbs):
                return head
            cur = head
        return None

    def _is_statement(self, syntax, tok):
        """The trigger sits in reported speech: the sentence has a verb of saying or announcing."""
        speech = self.words.speech_lemmas
        return syntax.has_lemma(speech) and any(t.lemma_.lower() in speech and t.pos_ == "VERB" for t in tok.sent)
