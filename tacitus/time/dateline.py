"""The document's date and place from its dateline: "On February 3, 2022, ...", "BEIJING, Feb. 3
(Xinhua) --", "NEW DELHI (Sputnik - 10th September, 2020)".

Readers (ingest/) fill a document's missing date from it on the way in, with `read_dateline`; the
coder reads the dateline's place, whose country is a readout's own side. Both live here, with the
other date rules, so that neither reaches into the other's package.
"""
from __future__ import annotations

import re
from datetime import date

from .dates import parse_date_text

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DATE_ONLY = re.compile(r"^\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$")
_LEADS = [
    re.compile(r"^\s*(?:[Oo]n\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b"),
    re.compile(r"^\s*(?:[Oo]n\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})\b"),
    re.compile(r"^\s*(?:[Oo]n\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?P<d>\d{4}-\d{2}-\d{2})\b"),
    # BEIJING, Feb. 3 (Xinhua) --   /   MOSCOW, February 3, 2022 (TASS) -
    re.compile(r"^\s*[A-Z][A-Z .'-]{2,40},\s*(?P<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)"),
    # NEW DELHI (Sputnik - 10th September, 2020)
    re.compile(r"^\s*[A-Z][A-Z .'-]{2,40}\s*\([^)]*?(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8},?\s+\d{4}"
               r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s*\)"),
    # 10 Downing Street, 4 October 2022.   /   The Kremlin, Moscow, March 21, 2023
    re.compile(r"^\s*(?:[A-Z0-9][\w'.-]*\s+){0,4}[A-Z][\w'.-]*,\s*(?:[A-Z][\w'.-]*,\s*)?(?P<d>\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}"
               r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*(?:[.:—–-]|$)"),
]
# The place a dateline names before its date: "WASHINGTON, March 14 —", "10 Downing Street, 4 October".
_PLACE = re.compile(r"^\s*(?P<p>[A-Z0-9][^,(]{1,40}?)\s*(?:,|\()")


def dateline_date(text: str):
    """(date, matched text) from the start of the first lines of `text`, or (None, None).

    A dateline without a year takes the first year written in the opening of the document; with
    none there, the date stays unknown rather than guessed.
    """
    head_lines = [line for line in text.strip().splitlines()[:8] if line.strip()][:4]
    for line in head_lines:
        for rx in _LEADS:
            m = rx.match(line)
            if not m:
                continue
            found = m.group("d")
            d = parse_date_text(found)
            if d is None:
                year = _YEAR.search(text[:2000])
                if year:
                    d = parse_date_text(found, date(int(year.group(1)), 12, 31))
            if d is not None:
                return d, found
        lead = _lead_in(line)  # "Beirut, March 3 (Reuters) -": its date, in the year the text names
        if lead and lead.group("date") and not lead.group("date").strip(", ").endswith("day"):
            year = _YEAR.search(text[:2000])
            found = lead.group("date").strip(", ")
            d = parse_date_text(found, date(int(year.group(1)), 12, 31)) if year else parse_date_text(found)
            if d is not None:
                return d, found
    # readouts that sign off with the place and date ("Moscow\nMarch 21, 2023")
    for line in [x for x in text.strip().splitlines()[-3:] if x.strip()]:
        if _DATE_ONLY.match(line):
            d = parse_date_text(line)
            if d is not None:
                return d, line.strip()
    return None, None


def dateline_place(text: str):
    """The place named by the document's dateline ("WASHINGTON", "10 Downing Street"), or None.
    Only a line that is a dateline (it gives the document's date) is read."""
    head_lines = [line for line in text.strip().splitlines()[:8] if line.strip()][:4]
    for line in head_lines:
        for rx in _LEADS[3:]:
            if rx.match(line):
                m = _PLACE.match(line)
                return m.group("p").strip() if m else None
        lead = _lead_in(line)  # "KHARTOUM (AP) —": a wire dateline with no date
        if lead:
            return lead.group("place")
    return None


# The lead-in of wire copy before its first sentence: "HANOI, Vietnam, May 23, 2005 (VNA) —",
# "KABUL (Reuters) -", "GENEVA, May 23 --", "NEW DELHI (Sputnik - 10th September, 2020) -".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_WORDS = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|del|el|al|la|es|upon|on))*?"
_LEAD_IN = re.compile(
    rf"(?P<place>{_WORDS})(?:,\s*{_WORDS}){{0,2}}"
    rf"(?P<date>,\s*(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|[A-Z][a-z]+day))?"
    r"(?P<agency>\s*\([^()]{1,60}\))?\s*(?:—|–|--|-)\s*(?=[\"“‘'A-Z0-9])")


def _lead_in(sentence: str):
    """The match of a wire dateline opening `sentence`, or None. A capitalised word before a dash
    ("Russia — the country that ...") is only a dateline when it is in capitals, or a date or an
    agency in brackets follows it."""
    m = _LEAD_IN.match(sentence)
    if not m or m.end() >= len(sentence):
        return None
    place = m.group("place")
    if not (m.group("date") or m.group("agency") or (place.isupper() and len(place) > 1)):
        return None
    return m


def lead_in_end(sentence: str) -> int:
    """Where the sentence proper begins after a wire dateline, or 0 when it opens with none."""
    m = _lead_in(sentence)
    return m.end() if m else 0


def without_lead_in(text: str, spans):
    """Sentence spans with the wire dateline cut from the one it opens, so that the parser reads the
    first sentence like any other; offsets still point into `text`. Only a sentence at the start of
    one of the document's first lines is read."""
    spans = list(spans)
    heads = _line_starts(text, 4)
    for i, (start, end) in enumerate(spans):
        if start > heads[-1]:
            break
        if start in heads:
            cut = lead_in_end(text[start:end])
            if cut:
                spans[i] = (start + cut, end)
                break
    return spans


def _line_starts(text, n):
    """Offsets of the first `n` non-blank lines' first characters (the text is not split whole)."""
    starts, pos = [], 0
    while pos < len(text) and len(starts) < n:
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        if line.strip():
            starts.append(pos + len(line) - len(line.lstrip()))
        pos = nl + 1
    return starts or [0]


def read_dateline(doc):
    """Fill the document date from the dateline when metadata gave none, and say where it came from."""
    if doc.published:
        doc.date_source = doc.date_source or "metadata"
        return doc
    head = doc.text if not doc.title or doc.text.lstrip().startswith(doc.title) else doc.title + "\n" + doc.text
    found, _ = dateline_date(head)
    if found:
        doc.published, doc.date_source = found.isoformat(), "dateline"
    else:
        doc.date_source = None
        doc.warnings.append("no document date in metadata or dateline: relative dates stay unresolved")
    return doc
