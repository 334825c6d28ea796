"""Checks on the fields and text of one record, shared by every reader: what can become a Document,
and the one-line Problem for what cannot."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_ID_CHARS = 512
BOM = b"\xef\xbb\xbf"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Anything that is not white space, a control or format character, or U+FFFD: a text without one has
# nothing to code (NBSP, ZWSP, ideographic space, BOM, soft hyphen and direction marks included).
_VISIBLE = re.compile("[^\\s\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffd]")


@dataclass
class Problem:
    """A document that could not be read: where (file:line), why, and whether it failed or was
    skipped (or, with kind "warning", a note on one that was read). Always one line when printed."""

    where: str
    message: str
    kind: str = "failed"  # failed | skipped | warning

    def __post_init__(self):
        self.where, self.message = one_line(self.where), one_line(self.message)

    def __str__(self):
        return f"{self.where}: {self.message}"


class FieldError(ValueError):
    """A record field that cannot be used: its message becomes the record's Problem."""


def one_line(text) -> str:
    """`text` with line breaks, control characters and lone surrogates written as escapes, so that a
    message (or a file name from a foreign file system) prints as one line and can be stored."""
    text = str(text)
    if _UNPRINTABLE.search(text) is None:
        return text
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


def is_blank(text: str) -> bool:
    """Is there nothing to code: only white space, control or invisible format characters?"""
    return _VISIBLE.search(text) is None


def storable_text(text: str, name: str = "text"):
    """(text, warning or None): lone surrogates and NUL characters replaced by U+FFFD, one for one."""
    replaced, count = _UNSTORABLE.subn("\ufffd", text)
    if not count:
        return text, None
    return replaced, f"'{name}': {count:,} NUL or lone surrogate character(s) replaced by U+FFFD"


def too_large(size, limit: int, what: str = "document") -> str:
    """The one message for a document over the size limit: what the limit is and how to lift it."""
    size = f"{size:,} bytes, " if size is not None else ""
    return (f"{what} too large: {size}over the limit of {limit:,} bytes per document (coding "
            "holds a whole document in memory); split it, or raise the limit with --max-bytes")


def brief(value) -> str:
    """A short description of a JSON value for a message: never the whole of a large or deep one."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int) and value.bit_length() > 128:
        return "a very large number"  # repr() of a huge int is slow, and refused past 4,300 digits
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return repr(value[:40]) + ("..." if len(value) > 40 else "")
    return "an object" if isinstance(value, dict) else "an array"


def _is_nan(value) -> bool:
    """NaN: how pandas (and so a Dask or Spark table) writes a missing value."""
    return isinstance(value, float) and value != value


def record_id(value, default_id):
    """A record's id as a string: a string or an integer; absent, null or "" gives `default_id`."""
    if value is None or value == "" or _is_nan(value):
        return default_id if default_id is not None else ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        value = int(value)  # 12.0 from a spreadsheet or pandas export is the id 12
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError(f"'id' must be a string or an integer, not {brief(value)}")
    if isinstance(value, int):
        if value.bit_length() > 128:
            raise FieldError("'id' is an integer too large for an id: use a string")
        return str(value)
    if len(value) > MAX_ID_CHARS:
        raise FieldError(f"'id' is too long: {len(value):,} characters, at most {MAX_ID_CHARS}")
    bad = _CONTROL.search(value)
    if bad:
        raise FieldError(f"'id' holds a control character or lone surrogate (U+{ord(bad.group()):04X} at "
                         f"position {bad.start() + 1})")
    return value


def optional_string(record: dict, name: str, warnings: list):
    """title, url or source: a string or null; a number is taken as its digits, as a user expects
    (a source named 7, a title 1984); an object, an array or a boolean is a mistake."""
    value = record.get(name)
    if value is None or _is_nan(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, int) and value.bit_length() > 128:
            raise FieldError(f"'{name}' is a number too large to use as text: use a string")
        return str(value)
    if not isinstance(value, str):
        raise FieldError(f"'{name}' must be a string or null, not {brief(value)}")
    value, warning = storable_text(value, name)
    if warning:
        warnings.append(warning)
    return value


def record_text(record: dict, max_bytes: int, warnings: list) -> str:
    """The record's text, storable, at most `max_bytes` of UTF-8."""
    text = record.get("text")
    if text is None:
        raise FieldError("no 'text' string in this record")
    if not isinstance(text, str):
        raise FieldError(f"'text' must be a string, not {brief(text)}")
    # a character is at most 4 bytes of UTF-8: encode only when the length alone cannot decide
    size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > max_bytes else len(text)
    if size > max_bytes:
        raise FieldError(too_large(size, max_bytes, "text"))
    text, warning = storable_text(text)
    if warning:
        warnings.append(warning)
    return text

