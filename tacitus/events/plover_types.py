"""An event's PLOVER type: the pattern's or the frame's own where it names one, else the CAMEO mapping.

PLOVER and CAMEO cut the world differently (PLOVER's ASSAULT takes the seizure of territory,
its SUPPORT a pledge of support, its ACCUSE a call for an investigation), so the CAMEO mapping
(data/cameo.tsv, from cameo2plover) gives the wrong PLOVER type for some of what a pattern codes.
A pattern (data/patterns.jsonl, `plover` and `plover_mode`) and a frame row (data/frame_codes.tsv,
`plover`) may name the type themselves; the CAMEO code, Goldstein score and quad class stay
those of the CAMEO code.

- the pattern's type holds while the event keeps the pattern's act: its code is in the pattern's
  CAMEO root (190 refined to 193 by the weapon named, 141 to 1411 by what a protest demands),
  not recoded by a frame into another root (an appeal 02, an intent 03, a threat 13 of the act);
- an event recoded by a frame (or coded by a frame with no pattern) takes the type of the frame
  rows that give its code, where they name one;
- else the CAMEO mapping.
"""
from __future__ import annotations

from ..model import Plover


class PloverTypes:
    """The PLOVER record of an event from its final CAMEO code and the id of the pattern that fired."""

    def __init__(self, cameo, patterns, frames):
        self.cameo = cameo
        self.patterns = patterns.by_id
        self.frames = frames.plover

    def __call__(self, code, pattern_id):
        info = self.cameo[code]
        pattern = self.patterns.get(pattern_id)  # None for "frame:appeal" and the like
        own = pattern is not None and code[:2] == pattern.code[:2]  # the pattern's act, not recoded
        if own and pattern.plover:
            ptype, mode = pattern.plover, pattern.plover_mode
        elif not own and code in self.frames:
            ptype, mode = self.frames[code], None
        else:
            return info.plover
        if ptype == info.plover.type:
            return info.plover if mode is None else Plover(ptype, mode, info.plover.context)
        return Plover(ptype, mode)

    def mode(self, pattern_id, ptype):
        """The mode the pattern names for its type, or None (the modes stage reads the rest)."""
        pattern = self.patterns.get(pattern_id)
        return pattern.plover_mode if pattern is not None and pattern.plover == ptype else None
