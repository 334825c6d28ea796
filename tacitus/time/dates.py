"""Resolving "tomorrow", "on Monday", "last week", "June 27-28", "February 3, 2022" to calendar dates.

Rules are our own: a general date parser finds false dates in running text ("a day", "the 20th"),
so only expressions attached to the event's clause are read, and only these forms are understood.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

# The calendar: names mapped to their numbers (months, weekdays) or to a shift in days. Each word
# carries a value the date rules compute with, which a word class of the lexicon does not hold.
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"])}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MDY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?(?:,?\s+(\d{4}))?", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_YEAR = re.compile(_MONTH + r"\s+(\d{4})", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _safe(y, m, d):
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date_text(text: str, anchor: date | None = None):
    """An explicit date in `text` ("February 3, 2022", "3 Feb", "2022-02-03") or None.

    Without a year, the year is taken from `anchor` (the document date), moved back a year when
    that would put a past report more than two months in the future.
    """
    m = _ISO.search(text)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for rx, order in ((_MDY, "md"), (_DMY, "dm")):
        m = rx.search(text)
        if not m:
            continue
        if order == "md":
            month, day, year = _month(m.group(1)), int(m.group(2)), m.group(3)
        else:
            day, month, year = int(m.group(1)), _month(m.group(2)), m.group(3)
        if year:
            return _safe(int(year), month, day)
        if anchor:
            d = _safe(anchor.year, month, day)
            if d and (d - anchor).days > 62:
                d = _safe(anchor.year - 1, month, day)
            return d
        return None
    return None


def _month(word):
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS[w[:3]]


class DateResolver:
    """Dates of events from the words attached to their trigger."""

    def __init__(self, lexicon):
        self.date_words = lexicon["date_expression_words"]  # "last week", "two years ago"

    def expression(self, tokens):
        """The date words among `tokens` (a trigger's own clause), as one string, or ''."""
        words = []
        for tok in tokens:
            low = tok.lower_
            if low == "may" and tok.pos_ != "PROPN":
                continue  # the modal, not the month
            if (low in RELATIVE_DAYS or low in WEEKDAYS or low.rstrip(".") in MONTHS or tok.ent_type_ == "DATE"
                    or low in self.date_words
                    or (tok.like_num and tok.text.isdigit()) or low in ("-", "–", ",")):
                words.append(tok)
        return words

    def resolve(self, tokens, anchor: date | None, future: bool):
        """(date, precision, historical) for the date words found in `tokens`.

        precision is "day", "month" or "year"; future=True resolves weekdays forward ("will meet on
        Monday") and past otherwise.
        """
        text = " ".join(t.text for t in tokens)
        low = text.lower()
        if anchor is not None:
            for word, shift in RELATIVE_DAYS.items():
                if re.search(rf"\b{word}\b", low):
                    return anchor + timedelta(days=shift), "day"
        explicit = parse_date_text(text, anchor)
        if explicit:
            return explicit, "day"
        if anchor is not None:
            m = re.search(r"\b(last|next|this|coming|past)\s+(week|month|year)\b", low)
            if m:
                step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[m.group(1)]
                unit = m.group(2)
                if unit == "week":
                    return anchor + timedelta(weeks=step), "week"
                if unit == "month":
                    y, mo = anchor.year, anchor.month + step
                    y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
                    return date(y, mo, 1), "month"
                return date(anchor.year + step, 1, 1), "year"
            for word, wd in WEEKDAYS.items():
                if re.search(rf"\b{word}\b", low):
                    if future:
                        return anchor + timedelta(days=(wd - anchor.weekday()) % 7), "day"
                    return anchor - timedelta(days=(anchor.weekday() - wd) % 7), "day"
        m = _MONTH_YEAR.search(text)
        if m:
            return date(int(m.group(2)), _month(m.group(1)), 1), "month"
        m = _YEAR.search(text)
        if m:
            return date(int(m.group(1)), 1, 1), "year"
        return None, None


def format_date(day: date | None, precision: str | None) -> str | None:
    if day is None:
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
