"""Frames coded by what they frame when no pattern codes the act: what a speaker says another must
do, and a framing verb whose clause is about a known kind of act (data/purposes.tsv)."""
from __future__ import annotations

from .fallback import FallbackTargets
from .records import Found
from .status import status_of
from .subjects import subject
from .syntax import lemma, with_conjuncts


def obligations(syntax, triggers, found, cameo):
    """"The administration declared that China must drop barriers to US exports": what a speaker
    says another must do is a demand of that other (CAMEO 10), even when no pattern codes the act.
    (Acts that are coded become demands in the arguments stage.)"""
    words = syntax.words
    out = []
    fired = {f.trigger.i for f in found}
    for tok, lem in zip(triggers.verbs, triggers.verb_lemmas):
        if lem not in words.speech_lemmas and lem not in words.obligation_speech:
            continue
        for comp in syntax.children(tok, "ccomp"):
            modal = {c.lower_ for c in comp.children if c.dep_ == "aux"}
            needs = lemma(comp) in words.obligation_verbs and syntax.children(comp, "xcomp")
            if not (modal & words.obligation_modals or needs and "to" not in modal):
                continue
            speaker = with_conjuncts(syntax.children(tok, "nsubj"))
            obliged = with_conjuncts(syntax.children(comp, "nsubj"))
            if not speaker or not obliged or any(t.i in fired for t in comp.subtree):
                continue
            out.append(Found(comp, cameo.generic_code("demand"), "frame:demand", speaker, obliged, "occurred",
                             frame_word=tok, clause=syntax.time_words([tok]), consumed={comp.i}, needs_target=True))
    return out


def framed_contents(syntax, triggers, found, stage):
    """"Turkey refused to commit to any direct assistance": a framing verb with no pattern of its
    own whose clause is about a known kind of act (data/purposes.tsv) is coded by its frame and
    that content (here 122, a refusal of aid). The outermost frame speaks. `stage` is the arguments
    stage, for its frames, purposes and CAMEO table."""
    frames, cameo = stage.frames, stage.cameo
    out = []
    fired = {f.trigger.i for f in found} | {f.frame_word.i for f in found if f.frame_word is not None}
    taken = set()
    for tok, lem in zip(triggers.verbs, triggers.verb_lemmas):
        frame = frames.words.get(lem)
        if frame not in cameo.generic or tok.i in fired or tok.i in taken:
            continue
        clauses = syntax.children(tok, "xcomp", "ccomp")
        inside = [w for c in clauses for w in c.subtree]
        if not clauses or any(w.i in fired for w in inside):
            continue
        # what the clause is about, not who is to do it
        skip = {w.i for c in clauses for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for w in x.subtree}
        act = stage.purposes.act(frame, [w.lemma_.lower() for w in inside if w.i not in skip])
        code = frames.recode(frame, act) if act else None
        sources = subject(syntax, tok)
        if not code or not sources:
            continue
        taken |= {t.i for c in clauses for t in c.subtree}
        f = Found(tok, code, "frame:" + frame, sources, [], "occurred", clause=syntax.time_words([tok]),
                  consumed=set(taken), fallback=FallbackTargets(syntax, tok, None, cameo[code], ("none",)))
        f.status = status_of(syntax, [tok], tok, "occurred")
        if f.status == "negated":
            continue
        out.append(f)
    return out


def refusals(syntax, triggers, found, stage):
    """Refusals whose act no pattern codes. A refusal verb over a clause: "Belgrade refused to hand
    over the commander", "ruled out handing power" (by the clause's content, data/purposes.tsv, else
    a rejection of no named kind, 120). A future act stated as not to be done: "the junta will not
    release Bazoum" (1243), "Kyiv would never cede territory" (124), read as under a refusal. And
    the warnings a negated refusal makes: "will not hesitate to respond", "would not rule out a
    ground operation" (a threat, 13x)."""
    frames, cameo = stage.frames, stage.cameo
    fired = {f.trigger.i for f in found} | {f.frame_word.i for f in found if f.frame_word is not None}
    out = []
    for tok, lem in zip(triggers.verbs, triggers.verb_lemmas):
        read = None if tok.i in fired else _refusal(syntax, tok, lem, stage)
        if read is None:
            continue
        frame, act, targets, clause = read
        sources = subject(syntax, tok)
        if act is None or not sources:
            continue
        code = frames.recode(frame, act) if act != "generic" else cameo.generic_code(frame)
        if not code:
            continue
        consumed = {tok.i} | ({clause.i} if clause is not None else set())
        out.append(Found(tok, code, "frame:" + frame, sources, targets, "occurred",
                         clause=syntax.time_words([tok]), consumed=consumed,
                         fallback=FallbackTargets(syntax, tok, None, cameo[code], ())))
        fired |= consumed
    return out


def _refusal(syntax, tok, lem, stage):
    """(frame, act, target tokens, clause) of a refusal or warning `tok` states, or None."""
    words, frame = syntax.words, _frame(syntax, tok, lem, stage.frames)
    negated = any(d == "neg" for d, _ in syntax.kids(tok))
    if negated and any(d == "advmod" and c.lower_ in words.idle_adverbs for d, c in syntax.kids(tok)):
        # "will not sit idly by": a warning of action
        return ("threaten", "generic", [], None) if _negated_future(syntax, tok) else None
    if negated and (frame == "reject" or lem in words.undaunted_verbs):
        if not _negated_future(syntax, tok):
            return None
        clause = (syntax.children(tok, "xcomp") or syntax.children(tok, "dobj") or [None])[0]
        if clause is None:
            return None
        act = _content(syntax, clause, stage, "threaten", generic=lem in words.undaunted_verbs)
        return "threaten", act, [], clause
    if frame == "reject":
        # "ruled out handing over the two men": the parser may take the gerund for a noun
        clauses = syntax.children(tok, "xcomp") or [
            o for o in syntax.children(tok, "dobj") if o.lower_.endswith("ing")]
        if not clauses:
            return None
        return "reject", _content(syntax, clauses[0], stage, "reject", generic=_generic(syntax, clauses[0])), [], \
            clauses[0]
    if (lem in words.refused_acts or lem in stage.purposes.by_word) and _negated_future(syntax, tok):
        act = _content(syntax, tok, stage, "reject", generic=lem in words.refused_acts)
        return "reject", act, with_conjuncts(syntax.children(tok, "dobj")), None
    return None


def _frame(syntax, tok, lem, frames):
    """The frame of a verb, or of its phrasal verb ("rule out", "turn down")."""
    frame = frames.words.get(lem)
    return frame if frame is not None else frames.phrasal(lem, [c.lower_ for c in syntax.children(tok, "prt")])


def _generic(syntax, clause):
    """A refused clause with no known content is a rejection, unless it is only withholding words
    ("declined to be named", "refused to give details")."""
    return lemma(clause) not in syntax.words.reticent_verbs and not syntax.is_passive(clause)


def _negated_future(syntax, tok):
    """"Will not release", "would never cede", "will no longer host": a future act negated, not in a
    condition ("if it will not ...")."""
    kids = syntax.kids(tok)
    neg = any(d == "neg" for d, _ in kids) or any(
        d == "advmod" and any(g.dep_ == "neg" for g in c.children) for d, c in kids)
    modal = any(d == "aux" and c.lower_ in syntax.words.refusal_modals for d, c in kids)
    marks = syntax.words.hypothetical_marks
    return neg and modal and not any(d == "mark" and c.lower_ in marks for d, c in kids)


def _content(syntax, head, stage, frame, generic):
    """The act a refused clause is about (data/purposes.tsv, read under `frame`), "generic" for an
    act of no named kind when `generic`, else None."""
    skip = {w.i for x in syntax.children(head, "nsubj", "nsubjpass") for w in x.subtree}
    act = stage.purposes.act(frame, [w.lemma_.lower() for w in head.subtree if w.i not in skip])
    return act or ("generic" if generic else None)
