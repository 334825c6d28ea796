"""Text for analysis: invisible and control characters as plain spaces, one for one.

A zero-width space glued to a name ("Russia\\u200b") or a stray BEL character makes the tokenizer
see a word that no dictionary holds, and an actor drops out of the event. Mapping each such
character to one space keeps the text the same length, so every offset into the analysed text
(sentence spans, actor and trigger positions) is also an offset into the original, which is what
the store and the evidence quote.
"""
from __future__ import annotations

import re

# C0 controls except tab and line feed, DEL, C1 controls; zero-width space, non-joiner and joiner,
# word joiner, and the zero-width no-break space (a BOM inside a text).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")


def analysis_text(text: str) -> str:
    """`text` with zero-width and control characters (other than newline and tab) replaced by a
    space each: same length, same offsets; the text itself when there is none."""
    return _INVISIBLE.sub(" ", text)
