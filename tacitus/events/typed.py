"""Stage `type_model`: an event the rules did not find, typed by the PLOVER type model.

Where a sentence names at least one actor but the rules gave it no event (no trigger the pattern
book knows, or none whose frame held), the type model (events/typemodel.py) reads the sentence;
if its most probable class is a PLOVER type, not NONE, with a probability of at least the
threshold chosen by cross-validation (the model file's header; docs/accuracy.md), the sentence
gets one event: the actors it names in order of surface, the first as source and the next other
one as target (TABARI's reading of a sentence whose verb it does not know), the type from the
model and, as CAMEO code, the type's generic code: the lowest code of the type under the CAMEO
root that maps most of its codes to the type in cameo.tsv (ASSAULT 180, ACCUSE 110, AGREE 030 ...).
Its evidence says `method` "model" and `confidence` the model's probability; its trigger is the
root of the sentence's parse (the first word after the source where it was not parsed).
A sentence whose rules dropped a trigger (a denied, supposed or unpaired act: events/records.py)
is left as the rules left it. Runs after the document rules, before `main_event`, so that the
event it adds is its sentence's main one.
"""
from __future__ import annotations

from collections import Counter

from ..model import Evidence, Event, Plover
from ..stages import Stage
from ..time.dates import format_date
from ..time.stage import dated_status
from .typemodel import NONE, TypeModel

METHOD = "model"
MODALS = frozenset({"will", "would", "shall", "could", "may", "might", "should", "must", "'ll", "’ll"})


def generic_codes(cameo) -> dict:
    """{PLOVER type: CAMEO code}: under the root with the most codes of the type (the lower root on
    a tie), the lowest code of the type."""
    by_root = {}
    for info in cameo:
        t = info.plover.type if info.plover else None
        if t:
            by_root.setdefault(t, Counter())[info.code[:2]] += 1
    out = {}
    for t, roots in by_root.items():
        root = min(roots, key=lambda r: (-roots[r], r))
        out[t] = min(i.code for i in cameo if i.code[:2] == root and i.plover and i.plover.type == t)
    out.setdefault("CONCEDE", out.get("RETREAT"))
    return out


class TypeModelStage(Stage):
    """A sentence the rules gave no event but that names an actor: typed by the model."""

    name = "type_model"
    level = "document"
    requires = ("document.day", "document.sentences", "document.events", "sentence.mentioned",
                "sentence.events", "sentence.dropped", "sentence.speaker")
    updates = ("document.events",)

    def __init__(self, cameo, dates, topics, model: TypeModel | None = None, threshold: float | None = None):
        self.cameo, self.dates, self.topics = cameo, dates, topics
        self.model = model if model is not None else TypeModel.load()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.codes = generic_codes(cameo)
        # cross-validation reads every sentence the rules gave no event, to measure both choices
        self.skip_dropped = bool(self.model.header.get("skip_dropped", True))

    def __call__(self, doc):
        coded = {ev.evidence.sentence for ev in doc.events}
        added = []
        for sent in doc.sentences:
            if sent.events or (sent.dropped and self.skip_dropped) or sent.sentence.index in coded:
                continue
            actors = _subject_first(sent, _named_actors(sent))
            if not actors:
                continue
            # the trigger depends on the actors alone: a sentence whose act is unsure or that has no
            # word to stand as trigger gets no event whatever the model says, so it is not read
            trig = _trigger(sent, actors[0])
            if trig is None or trig[3]:
                continue
            label, p = self.model.predict(sent.sentence.text)
            if label == NONE or p < self.threshold or label not in self.codes:
                continue
            event = self._event(doc, sent, actors, label, p, trig)
            if event is not None:
                added.append(event)
        if added:
            doc.events = sorted(doc.events + added, key=lambda ev: (ev.evidence.sentence, ev.evidence.trigger_start))

    def _event(self, doc, sent, actors, label, p, trig):
        source = actors[0]
        # the next actor that is another party: not the source again, nor a part or the whole of it
        # ("Jaishankar and India's defence minister", "the US and its State Department")
        target = next((a for a in actors[1:] if not _nested(a, source)), None)
        info = self.cameo[self.codes[label]]
        if target is None and info.needs_partner:
            return None
        t_start, t_end, t_text, _ = trig
        spans = [(t_start, t_end)] + [(a.start, a.end) for a in (source, target) if a is not None]
        evidence = Evidence(sentence=sent.sentence.index, start=min(x for x, _ in spans), end=max(y for _, y in spans),
                            text=sent.sentence.text, trigger=t_text, trigger_start=t_start, trigger_end=t_end,
                            pattern=f"model:{label}", source_span=(source.start, source.end),
                            target_span=(target.start, target.end) if target is not None else None,
                            method=METHOD, confidence=round(p, 3))
        plover = info.plover if info.plover.type == label else Plover(label)
        when, precision = self.dates.resolve(list(sent.doc), doc.day, False)
        status, when, precision = dated_status("occurred", when, precision, doc.day)
        return Event(source=source, target=target, cameo=info.code, name=info.name, plover=plover,
                     goldstein=info.goldstein, quad_class=info.quad_class, status=status,
                     date=format_date(when, precision), evidence=evidence,
                     topics=list(self.topics(sent.sentence.text)), speaker=sent.speaker)


def _named_actors(sent):
    """The dictionary actors the sentence names, by surface order, each mention once."""
    seen, out = set(), []
    for a in sorted((a for a in sent.mentioned if a.start is not None and not a.code.startswith("---")),
                    key=lambda a: (a.start, a.end)):
        if (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            out.append(a)
    return out


def _subject_first(sent, actors):
    """The actors with the source first. In a parsed sentence whose main verb has a subject, the
    source is the first actor named inside the subject, and a sentence whose subject names none
    gets no event ("The attack comes a week after a siege at a Bamako hotel": the capital is a
    place there, not a doer); a fragment or an unparsed sentence keeps the surface order."""
    doc = sent.doc
    if not actors or doc is None or not doc.has_annotation("DEP"):
        return actors
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subj is None:
        return actors
    base = sent.sentence.start
    lo, hi = base + subj.left_edge.idx, base + subj.right_edge.idx + len(subj.right_edge.text)
    inside = [a for a in actors if lo <= a.start and a.end <= hi]
    if not inside:
        return []
    return [inside[0]] + [a for a in actors if a is not inside[0]]


def _nested(a, b) -> bool:
    """One actor's code is the other's or extends it (IND and INDGOV, USA and USAGOVDOS)."""
    return a.same_entity(b) or a.code.startswith(b.code) or b.code.startswith(a.code)


def _trigger(sent, source):
    """(start, end, text, unreal) in document offsets: the parse's root verb, else the first word
    after the source's mention; unreal where the root verb has a modal ("will lead", "would be
    represented"): the model types acts, not plans or suppositions, which the rules read."""
    doc, base = sent.doc, sent.sentence.start
    if doc is None or not len(doc):
        return None
    tok, unreal = None, False
    if doc.has_annotation("DEP"):
        tok = next((t for t in doc if t.dep_ == "ROOT" and not (source.start <= base + t.idx < source.end)), None)
        unreal = tok is not None and any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
    else:  # not parsed (no trigger word at all): any modal word makes the sentence's act unsure
        unreal = any(t.lower_ in MODALS for t in doc)
    if tok is None:
        tok = next((t for t in doc if base + t.idx >= source.end and t.is_alpha), None) or doc[0]
    return base + tok.idx, base + tok.idx + len(tok.text), tok.text, unreal
