"""The typed records that flow between the event stages: a trigger and the pattern it matched, the
trigger framed, and the coded trigger (`Found`) with its argument tokens."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Trigger:
    """A trigger word and the pattern it matched (the triggers stage)."""

    token: Any  # spaCy Token
    pattern: Any  # patterns.Pattern
    features: Any  # features.Features, or NominalFeatures for an event noun coded by its verb's patterns

    @property
    def nominal(self):
        return self.features.nominal


@dataclass(slots=True)
class Triggers:
    """What the triggers stage finds in one sentence: its triggers, its verbs (for the passes that
    code a frame with no pattern of its own), and the sentence's syntax, read once for all stages."""

    syntax: Any  # syntax.Syntax
    verbs: list = field(default_factory=list)  # tokens tagged VERB, in order
    verb_lemmas: list = field(default_factory=list)  # their lemmas, lowercase, in the same order
    items: list = field(default_factory=list)  # Trigger, in token order

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


@dataclass(slots=True)
class Framed:
    """A trigger with its frame and status (the framing stage)."""

    trigger: Trigger
    code: str  # the event's code: the act's, recoded by its frame, a refusal or a stated plan
    act_code: str  # the framed act's own code
    framed_code: str  # the code as the frame word left it, before a refusal or a stated plan
    status: str  # occurred, planned, hypothetical, negated or historical
    chain: list  # the trigger and the words above it, up to the frame word
    frame: str | None = None  # the frame (frames.tsv) of the frame word
    frame_head: Any = None  # the word that frames the trigger ("urged", "ready", "appeal")
    clause_head: Any = None  # the word right under frame_head: its clause holds the framed act
    frame_word: Any = None  # what the event names as its framing: frame_head, or a refusal's negation
    planned: str | None = None  # the code of the stated future act, when the event is an intent or threat
    speech: Any = None  # the verb of saying whose "must" clause holds the act: a demand by its speaker


@dataclass(slots=True)
class Found:
    """One coded trigger before actors are resolved and directions expanded."""

    trigger: object  # spaCy token
    code: str
    pattern: str  # the id of the pattern that fired, or "frame:FRAME" for a frame with no pattern
    sources: list
    targets: list
    status: str
    frame_word: object = None  # the framing token, if any
    clause: list = field(default_factory=list)  # tokens to search for dates and places
    consumed: set = field(default_factory=set)  # token indexes that must not fire on their own
    planned: str | None = None  # the code of the stated future act, when the event is an intent or threat
    passive: bool = False
    rank: tuple = ()
    act_clause: list = field(default_factory=list)  # time words of the planned act, when framed
    fallback: Any = None  # fallback.FallbackTargets: computed only when asked
    needs_target: bool = False  # drop the event unless its target resolves to an actor
    # who does an act the sentence names no party to: the document's two sides ("any"), or the
    # two or more sources ("welcomers") of the act it is welcomed by
    pair: str | None = None

    @property
    def fallback_targets(self):
        """Where to look, in order, when `targets` names no actor: lists of argument tokens."""
        return self.fallback.lists() if self.fallback is not None else []


@dataclass(slots=True)
class Dropped:
    """A trigger that matched a pattern and gives no event, with the reason (`tacitus code
    --explain` lists them): nothing a pattern fires on is lost without a word."""

    trigger: Any  # spaCy Token
    pattern: str
    code: str
    stage: str  # the stage that decided: framing, arguments or assembly
    reason: str  # one of REASONS

    def to_dict(self, sentence, actors=()):
        """`actors`: the codes of the actors the sentence names, for judging the drop."""
        return {"sentence": sentence.index, "trigger": self.trigger.text, "actors": list(actors),
                "trigger_start": sentence.start + self.trigger.idx, "pattern": self.pattern, "code": self.code,
                "stage": self.stage, "reason": self.reason}


# Why a trigger gives no event. "no source" and "no target" are the arguments not found: the ones
# the no-silent-drops measure counts against the coder (docs/accuracy.md).
REASONS = {
    "alleged": "the act is only alleged (\"accused X of attacking Y\")",
    "part of another event": "its object, frame, purpose or weapon is coded with another trigger",
    "background": "a passive in a background clause with no doer (\"..., where 28 were killed\")",
    "no source": "no actor found for who acts",
    "no target": "the act needs a target and none resolved to an actor",
    "no partner": "a meeting or talks with no one else named",
}
NO_ARGUMENT = ("no source", "no target", "no partner")


def trigger_token(sent, ev):
    """The parsed trigger token of an assembled event `ev` of sentence state `sent` (matched by its
    document offset), or None: the document rules read an event's tokens through it."""
    return next((a.found.trigger for a in sent.assembled
                 if sent.sentence.start + a.found.trigger.idx == ev.evidence.trigger_start), None)
