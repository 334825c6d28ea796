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
