"""Events: the pattern dictionary, and the stages that code the events of a parsed sentence:
`triggers` (pattern matches on trigger words), `framing` (frame and status of each trigger) and
`arguments` (source and target tokens, refinements, and which coded triggers stand)."""
from __future__ import annotations

from .arguments import ArgumentStage
from .framing import FramingStage
from .triggers import TriggerStage
from .words import EventWords


def event_stages(patterns, frames, *, cameo, lexicon, nominals=None, instruments=None, purposes=None) -> list:
    """The three sentence stages of the event coder, in order, sharing one set of word classes."""
    words = EventWords.from_lexicon(lexicon)
    return [TriggerStage(patterns, words, nominals),
            FramingStage(frames, cameo, words, nominals),
            ArgumentStage(frames, cameo, words, instruments, purposes)]
