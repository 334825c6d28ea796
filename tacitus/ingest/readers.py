"""Readers: plain text, JSON lines, HTML, RSS and Atom feeds and stdin into Documents; bad input
into Problems.

Every record is checked here, before anything downstream sees it: a record that cannot become a
Document is a Problem naming file:line and the reason in one line, and the batch goes on. Text is
made storable on the way in (lone surrogates and NUL characters, which neither DuckDB nor PostgreSQL
accepts, become U+FFFD, with a warning); a text of nothing but white space or invisible characters is
skipped as empty.
"""
from __future__ import annotations

import errno
import io
import json
import os
import stat
import sys
from datetime import date, datetime
from pathlib import Path

from ..model import Document
from ..time.dateline import read_dateline
from .fields import (BOM, MAX_ID_CHARS, FieldError, Problem, brief, is_blank, one_line, optional_string,
                     record_id, record_text, storable_text, too_large)
from .feeds import FEED_SUFFIXES, feed_documents, looks_like_feed
from .html import HTMLError, html_to_text
from .language import detect, language_code
from .remote import TIMEOUT, Fetcher, is_url, url_items

# Coding holds every sentence of a document in memory at once (see bench/bench_memory.py): the
# limit keeps one document's peak well below 1.5 GB. --max-bytes lifts it.
DEFAULT_MAX_BYTES = 4 * 1000 * 1000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
READ_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
FEED_LIMIT = 16  # a feed file holds many items: it may be this many times --max-bytes (each item at most that)
OPTIONAL_FIELDS = ("title", "url", "source")

__all__ = ["DEFAULT_MAX_BYTES", "MAX_ID_CHARS", "Problem", "Reader", "document_from_record", "finish",
           "is_blank", "lines_of", "normalise_date", "storable_text"]


def normalise_date(value):
    """An ISO date string (YYYY-MM-DD) from metadata, or None if it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _record_date(record: dict, warnings: list):
    value = record.get("published")
    if value is None or value == "":
        return None
    if isinstance(value, date):  # a date or timestamp column of a cluster's table
        value = value.isoformat()
    found = normalise_date(value) if isinstance(value, str) else None
    if not found:
        warnings.append(f"'published' is not a date: {brief(value)}; coded without it")
    return found


def document_from_record(record, where: str, *, published=None, max_bytes: int = DEFAULT_MAX_BYTES,
                         default_id: str | None = None):
    """A Document from one JSON object (a JSON-lines record, an API body, a cluster row), or a
    Problem at `where` saying in one line why it cannot be one.

    Fields: `text` (a string, required; a text of only white space or invisible characters is a
    "skipped" Problem), `id` (a string of at most MAX_ID_CHARS printable characters, or an integer;
    absent, null or "" gives `default_id`, or "" for the caller to name), `published` (an ISO date; a
    bad one is a warning and the document is coded without it, or with `published`, the default),
    `title`, `url`, `source` (a string or null; a number is taken as its digits; an object, an array
    or a boolean is a Problem). NaN, as pandas writes a missing value, counts as null everywhere.
    Lone surrogates and NUL characters in the strings are replaced by U+FFFD, with a warning.
    Warnings go to the Document's `warnings`; the Document is `finish`ed.
    """
    if not isinstance(record, dict):
        return Problem(where, "each line must be a JSON object with 'id' and 'text'")
    warnings = []
    try:
        doc_id = record_id(record.get("id"), default_id)
        text = record_text(record, max_bytes, warnings)
        title, url, source = (optional_string(record, name, warnings) for name in OPTIONAL_FIELDS)
    except FieldError as exc:
        named = record.get("id")
        who = f"document {named!r}: " if isinstance(named, str) and 0 < len(named) <= MAX_ID_CHARS else ""
        return Problem(where, f"{who}{exc}")
    if is_blank(text):
        return Problem(where, f"document {doc_id!r} has empty text (white space or invisible characters "
                              "only)", "skipped")
    day = _record_date(record, warnings)
    doc = Document(id=doc_id, text=text, published=day or published, title=title, url=url, source=source,
                   origin=where, language=_record_language(record, warnings),
                   warnings=[f"document {doc_id!r}: {w}" for w in warnings])
    return finish(doc)


def _record_language(record: dict, warnings: list):
    """A record's own `language` tag ("zh", "en-GB"), which wins over detection; a bad one is a warning."""
    value = record.get("language")
    if value is None or value == "" or value != value:  # NaN: a missing value from a table
        return None
    code = language_code(value)
    if code is None:
        warnings.append(f"'language' is not a language tag: {brief(value)}; detected instead")
    return code


def finish(doc: Document) -> Document:
    """Fill the document date from the dateline when metadata gave none, and say where it came from
    (the rule lives in time/dateline.py, which the coder reads too); and its language, when its
    source declared none (ingest/language.py)."""
    if not doc.language:
        doc.language = detect(doc.text)
    return read_dateline(doc)


def lines_of(stream, limit: int):
    """The lines of a binary stream, split on b"\\n" only (never at U+2028, form feeds or lone CRs,
    so line numbers are the file's), without the b"\\n". A line over `limit` bytes comes as its size
    in bytes (an int) and is never held in memory whole."""
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        body = line[:-1] if line.endswith(b"\n") else line
        if len(body) <= limit:
            yield body
            continue
        size = len(body)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line) - line.endswith(b"\n")
        yield size


def parse_json_line(raw: bytes, where: str):
    """The JSON value on one line, or a Problem; None for a blank line."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(where, f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}")
    if is_blank(line):
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        # the decoder's own messages sometimes end in "at" ("Invalid control character at")
        joint = " " if exc.msg.endswith(" at") else " at "
        return Problem(where, f"malformed JSON: {exc.msg}{joint}column {exc.colno}")
    except RecursionError:
        return Problem(where, "malformed JSON: nested too deeply to read")
    except ValueError as exc:  # an integer of more than 4,300 digits
        return Problem(where, f"malformed JSON: {str(exc).split(';')[0]}")


class Reader:
    """Turns paths (files, folders, '-', feed URLs) into a stream of Documents and Problems, in order."""

    def __init__(self, max_bytes=DEFAULT_MAX_BYTES, published=None, *, fetch_pages=False, timeout=TIMEOUT):
        self.max_bytes = max_bytes
        self.published = published  # a default date for documents that carry none
        self.fetch_pages = fetch_pages  # a feed item with no text is read from its linked page
        self.fetcher = Fetcher(timeout)  # for feed URLs (ingest/remote.py)

    def read(self, paths):
        for path in paths:
            if is_url(path):
                yield from url_items(self, path)
                continue
            if path == "-":
                yield from self._stdin(sys.stdin.buffer)
                continue
            p = Path(path)
            if p.is_dir():
                for item in self._folder(p, {}, set()):
                    yield from (item,) if isinstance(item, Problem) else self.read_file(item)
            else:
                yield from self.read_file(p)

    def _folder(self, folder: Path, seen: dict, above: set):
        """The readable files under `folder` in path order, and a Problem for each entry that cannot
        be read. Links are followed, each folder read once: a link back into a folder being read (a
        loop) or to one already read is a warning, a dangling link is skipped, an unreadable entry fails."""
        try:
            key = (folder.stat().st_dev, folder.stat().st_ino)
            if key in seen:
                why = ("leads back into a folder being read (a loop)" if key in above
                       else "leads to a folder already read")
                yield Problem(one_line(folder), f"symbolic link {why}: not read again", "warning")
                return
            seen[key] = folder
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Problem(one_line(folder), f"cannot read folder: {exc.strerror or exc}")
            return
        for entry in entries:
            path = folder / entry.name
            try:
                mode = os.stat(entry.path).st_mode  # follows links
            except OSError as exc:
                yield self._unreadable(path, exc, entry.is_symlink())
                continue
            if stat.S_ISDIR(mode):
                yield from self._folder(path, seen, above | {key})
            elif path.suffix.lower() not in READ_SUFFIXES:
                continue  # other files (images, spreadsheets, .DS_Store) are not documents
            elif stat.S_ISREG(mode):
                yield path
            else:
                yield Problem(one_line(path), "not a regular file (a pipe, socket or device): not read", "warning")

    @staticmethod
    def _unreadable(path: Path, exc: OSError, link: bool) -> Problem:
        if not link:
            return Problem(one_line(path), f"cannot read: {exc.strerror or exc}")
        if exc.errno == errno.ELOOP:
            return Problem(one_line(path), "symbolic link loop (the link leads back to itself): not read", "warning")
        if exc.errno == errno.ENOENT:
            return Problem(one_line(path), f"dangling symbolic link (to {os.readlink(path)!r}, which does not exist): "
                                           "skipped", "skipped")
        return Problem(one_line(path), f"cannot follow symbolic link: {exc.strerror or exc}")

    def read_file(self, path: Path):
        where = one_line(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as fh:
                    yield from self.json_lines(lines_of(fh, self.max_bytes), where)
            except OSError as exc:
                yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        limit = self.max_bytes * (FEED_LIMIT if suffix in FEED_SUFFIXES else 1)
        if size > limit:
            yield Problem(where, too_large(size, limit, "feed" if suffix in FEED_SUFFIXES else "document"))
            return
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        if suffix in FEED_SUFFIXES:
            yield from self.feed(raw, where, one_line(path.stem), named=suffix != ".xml")
            return
        yield from self._document(raw, where, one_line(path.stem), html=suffix in HTML_SUFFIXES)

    # -- formats -------------------------------------------------------------------------------
    def _document(self, raw: bytes, where: str, stem: str, html: bool):
        text = self._decode(raw, where)
        if isinstance(text, Problem):
            yield text
        elif html:
            yield from self._html(text, where, stem)
        else:
            yield from self._text(text, where, stem)

    def feed(self, raw: bytes, where: str, stem: str, named: bool = True, page=None):
        """The finished Documents and Problems of a feed's bytes (`page`: see feed_documents)."""
        if not raw.strip():
            yield Problem(where, "empty file: nothing to code", "skipped")
            return
        for item in feed_documents(raw, where, stem, published=self.published, max_bytes=self.max_bytes,
                                   named=named, page=page):
            yield item if isinstance(item, Problem) else finish(item)

    def _decode(self, raw: bytes, where: str):
        if not raw.strip():
            return Problem(where, "empty file: nothing to code", "skipped")
        if b"\x00" in raw[:8192]:
            return Problem(where, "binary file (NUL bytes): not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return Problem(where, f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}")
        if is_blank(text):
            return Problem(where, "empty file: nothing to code (white space or invisible characters only)", "skipped")
        return text

    def _text(self, text, where, stem):
        text, warning = storable_text(text)
        lines = text.strip().splitlines()
        title = None
        first = lines[0].strip() if lines else ""
        if len(lines) > 1 and first and len(first) < 150 and not first.endswith((".", "!", "?", '"', "”")):
            title = first
        doc = Document(id=stem, text=text, title=title, published=self.published, origin=where,
                       warnings=[warning] if warning else [])
        yield finish(doc)

    def _html(self, html, where, stem):
        try:
            title, text, published, language = html_to_text(html)
        except HTMLError as exc:
            yield Problem(where, f"HTML that cannot be parsed: {str(exc)[:80]}")
            return
        if is_blank(text):
            yield Problem(where, "HTML page with no main text", "skipped")
            return
        text, warning = storable_text(text)
        title = storable_text(title)[0] if title else title
        doc = Document(id=stem, text=text, title=title, published=normalise_date(published) or self.published,
                       origin=where, language=language, warnings=[warning] if warning else [])
        yield finish(doc)

    def json_lines(self, lines, where: str, first: int = 1):
        """The Documents and Problems of JSON lines (bytes, or an int for a line over the limit, as
        `lines_of` gives them) read from `where`, the first being its line `first`: a cluster task
        reading one block of a file gives the line its block starts at."""
        stem = Path(where).stem
        for n, raw in enumerate(lines, first):
            here = f"{where}:{n}"
            if isinstance(raw, int):
                yield Problem(here, too_large(raw, self.max_bytes, "line"))
                continue
            rec = parse_json_line(raw, here)
            if isinstance(rec, Problem):
                yield rec
            elif rec is not None:
                yield document_from_record(rec, here, published=self.published, max_bytes=self.max_bytes,
                                           default_id=f"{stem}-{n}")

    def _stdin(self, stream):
        """JSON lines when the input starts with '{' (read line by line: one bad line is one Problem,
        and the input may be any size), else one text or HTML document of at most max_bytes."""
        head = b""
        while True:  # past leading blank lines, to see what the input is
            chunk = stream.read(1 << 16)
            head += chunk
            if not chunk or head.removeprefix(BOM).strip():
                break
        stream = _Prefixed(head, stream)
        if head.removeprefix(BOM).lstrip()[:1] == b"{":
            yield from self.json_lines(lines_of(stream, self.max_bytes), "<stdin>")
            return
        feed = looks_like_feed(head.removeprefix(BOM))
        limit = self.max_bytes * (FEED_LIMIT if feed else 1)
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield Problem("<stdin>", too_large(None, limit, "feed" if feed else "document"))
            return
        if feed:
            yield from self.feed(data, "<stdin>", "stdin")
            return
        text = self._decode(data, "<stdin>")
        if isinstance(text, Problem):
            yield text
        elif text.lstrip()[:1] == "<":
            yield from self._html(text, "<stdin>", "stdin")
        else:
            yield from self._text(text, "<stdin>", "stdin")


class _Prefixed:
    """A binary stream whose first bytes were already read: they come first, then the rest."""

    def __init__(self, head: bytes, stream):
        self.head, self.stream = io.BytesIO(head), stream

    def readline(self, limit: int) -> bytes:
        part = self.head.readline(limit)
        if part.endswith(b"\n") or len(part) == limit:
            return part
        return part + self.stream.readline(limit - len(part))

    def read(self, size: int) -> bytes:
        part = self.head.read(size)
        return part if len(part) == size else part + self.stream.read(size - len(part))
