"""The event coder of one parsed sentence as one call, over the three event stages (triggers,
framing, arguments): the interface the pipeline has used so far, kept while it moves to stages."""
from __future__ import annotations

from ..lexicon import Lexicon
from ..ontology import Cameo
from ..stages import SentenceState
from . import event_stages
from .records import Found

__all__ = ["Extractor", "Found"]


class Extractor:
    """Codes the triggers of one parsed sentence."""

    def __init__(self, patterns, frames, nominals=None, instruments=None, purposes=None, *, cameo=None,
                 lexicon=None):
        self.stages = event_stages(patterns, frames, cameo=cameo or Cameo(), lexicon=lexicon or Lexicon(),
                                   nominals=nominals, instruments=instruments, purposes=purposes)

    def find(self, doc) -> list[Found]:
        """The coded triggers of a parsed sentence (a spaCy Doc)."""
        state = SentenceState(sentence=None, parsed=doc)
        for stage in self.stages:
            stage(None, state)
        return state.found
