"""A fast rule-based sentence splitter for news and readouts.

The parser only sees sentences that may hold an event, so splitting happens before spaCy. Rules:
a sentence ends at . ! ? (and closing quotes) followed by space and a capital, digit or quote,
except after known abbreviations and initials; blank lines and short lines (titles, datelines)
end a sentence; so does a line that ends with terminal punctuation.
"""
from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def _is_abbreviation(chunk: str, abbreviations) -> bool:
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in abbreviations:
        return True
    # initials: "F.W." or "W." in "George W. Bush"
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))


def _line_spans(text: str):
    """Blocks of text between hard boundaries (blank lines, title-like lines)."""
    lines = text.split("\n")
    pos = 0
    block_start = None
    for i, line in enumerate(lines):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            if block_start is not None:
                yield block_start, line_start - 1
                block_start = None
            continue
        if block_start is None:
            block_start = line_start
        stripped = line.rstrip()
        hard_end = (stripped.endswith((".", "!", "?", '"', "”", ":")) or len(stripped) < 60 or i == 0)
        if hard_end:
            yield block_start, line_end
            block_start = None
    if block_start is not None:
        yield block_start, len(text)


class SentenceSplitter:
    """Splits texts with one set of abbreviations (the lexicon's "abbreviations"); built once per coder."""

    def __init__(self, abbreviations):
        self.abbreviations = frozenset(abbreviations)

    def __call__(self, text: str):
        return _split(text, self.abbreviations)


def split_sentences(text: str, abbreviations=None):
    """Yield (start, end) character offsets of the sentences in `text`. Without `abbreviations`,
    the lexicon's are read (for one-off callers; the coder holds a SentenceSplitter)."""
    if abbreviations is None:
        from ..lexicon import Lexicon
        abbreviations = Lexicon()["abbreviations"]
    return _split(text, abbreviations)


def _split(text, abbreviations):
    for block_start, block_end in _line_spans(text):
        block = text[block_start:block_end]
        cursor = 0
        for m in _END.finditer(block):
            chunk = block[cursor:m.end()]
            if m.group().startswith(".") and len(m.group()) == 1 and _is_abbreviation(chunk.rstrip(), abbreviations):
                continue
            yield from _trimmed(text, block_start + cursor, block_start + m.end())
            cursor = m.end()
        yield from _trimmed(text, block_start + cursor, block_end)


MAX_SENTENCE = 1500  # characters: longer runs (tables, lists without stops) are cut at spaces


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
