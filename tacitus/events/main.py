"""Stage `main_event`: which of a sentence's events is the one the sentence reports.

Wire-story coders give one event per sentence; users who want that filter on `main`. The main
event is the one whose trigger stands highest in the sentence's dependency tree: the act of the
main clause ("the PA lifted its boycott" over the "allowed ... to import" of its opening
clause, "struck an arms depot" over the "missiles fired by" that names its means). An event the
sentence denies or only supposes yields to one it reports; then the event with both actors
named; then the earlier in the sentence.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH

from ..stages import Stage

UNREAL = ("negated", "hypothetical")  # statuses of acts that did not happen and are not planned
MAX_DEPTH = 64  # a guard against a malformed tree with a cycle; real sentences are far shallower


class MainEvent(Stage):
    """One event per sentence that has any is flagged `main`."""

    name = "main_event"
    level = "document"
    requires = ("document.sentences", "document.events")
    updates = ("document.events",)

    def __call__(self, doc):
        if not doc.events:
            return
        ranked = {}
        offsets = {}  # sentence index -> its tokens' start and end offsets, read once
        for n, ev in enumerate(doc.events):
            key = self._rank(doc.sentences, ev, offsets) + (n,)
            best = ranked.get(ev.evidence.sentence)
            if best is None or key < best[0]:
                ranked[ev.evidence.sentence] = (key, n)
        mains = {n for _, n in ranked.values()}
        doc.events = [ev.but(main=True) if n in mains else ev for n, ev in enumerate(doc.events)]

    @staticmethod
    def _rank(sentences, ev, offsets=None):
        """The sort key of an event among its sentence's: lower is more the sentence's own act."""
        sent = sentences[ev.evidence.sentence] if ev.evidence.sentence < len(sentences) else None
        return (ev.status in UNREAL, _trigger_depth(sent, ev.evidence, offsets),
                (ev.source is None) + (ev.target is None), ev.evidence.trigger_start)


def _trigger_depth(sent, evidence, offsets=None) -> int:
    """How many arcs the trigger word is below the root of its sentence's parse (0: the root)."""
    parsed = getattr(sent, "parsed", None)
    if parsed is None:
        return MAX_DEPTH
    offset = evidence.trigger_start - sent.sentence.start
    token = _token_at(parsed, offset, offsets, sent.sentence.index)
    if token is None:
        return MAX_DEPTH
    depth = 0
    while token.head.i != token.i and depth < MAX_DEPTH:
        token, depth = token.head, depth + 1
    return depth


def _token_at(parsed, offset, offsets=None, key=None):
    """The token whose characters hold `offset`, else None. Tokens are in order and do not overlap,
    so it is the last one starting at or before the offset; found by bisection on the tokens'
    offsets, read from one array (no Token objects built for the tokens before it)."""
    if offsets is None:
        offsets = {}
    spans = offsets.get(key)
    if spans is None or spans[0] is not parsed:
        rows = parsed.to_array([IDX, LENGTH]).tolist()
        spans = offsets[key] = (parsed, [a for a, _ in rows], [a + n for a, n in rows])
    _, starts, ends = spans
    k = bisect_right(starts, offset) - 1
    if k >= 0 and offset < ends[k]:
        return parsed[k]
    return None
