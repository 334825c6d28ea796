"""Readers: plain text, JSON lines, HTML and stdin into Documents; bad input into Problems."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..model import Document
from ..time.dateline import read_dateline
from .html import html_to_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class Problem:
    """A document that could not be read: where (file:line), why, and whether it failed or was skipped."""

    where: str
    message: str
    kind: str = "failed"  # failed | skipped

    def __str__(self):
        return f"{self.where}: {self.message}"


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


def finish(doc: Document) -> Document:
    """Fill the document date from the dateline when metadata gave none, and say where it came from
    (the rule lives in time/dateline.py, which the coder reads too)."""
    return read_dateline(doc)


class Reader:
    """Turns paths (files, folders, '-') into a stream of Documents and Problems, in order."""

    def __init__(self, max_bytes=DEFAULT_MAX_BYTES, published=None):
        self.max_bytes = max_bytes
        self.published = published  # a default date for documents that carry none

    def read(self, paths):
        for path in paths:
            if path == "-":
                yield from self._stdin()
                continue
            p = Path(path)
            if p.is_dir():
                for child in sorted(p.rglob("*")):
                    if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES:
                        yield from self.read_file(child)
            else:
                yield from self.read_file(p)

    def read_file(self, path: Path):
        where = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as fh:
                    yield from self._jsonl(fh, where)
            except OSError as exc:
                yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        if size > self.max_bytes:
            yield Problem(where, f"too large ({size:,} bytes; the limit is {self.max_bytes:,}, see --max-bytes)")
            return
        try:
            raw = path.read_bytes()
        except OSError as exc:
            yield Problem(where, f"cannot read: {exc.strerror or exc}")
            return
        text = self._decode(raw, where)
        if isinstance(text, Problem):
            yield text
            return
        if suffix in HTML_SUFFIXES:
            yield from self._html(text, where, path.stem)
        else:
            yield from self._text(text, where, path.stem)

    # -- formats -------------------------------------------------------------------------------
    def _decode(self, raw: bytes, where: str):
        if not raw.strip():
            return Problem(where, "empty file: nothing to code", "skipped")
        if b"\x00" in raw[:8192]:
            return Problem(where, "binary file (NUL bytes): not text")
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return Problem(where, f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}")

    def _text(self, text, where, stem):
        lines = text.strip().splitlines()
        title = None
        first = lines[0].strip() if lines else ""
        if len(lines) > 1 and first and len(first) < 150 and not first.endswith((".", "!", "?", '"', "”")):
            title = first
        doc = Document(id=stem, text=text, title=title, published=self.published, origin=where)
        yield finish(doc)

    def _html(self, html, where, stem):
        title, text, published = html_to_text(html)
        if not text.strip():
            yield Problem(where, "HTML page with no main text", "skipped")
            return
        doc = Document(id=stem, text=text, title=title, published=normalise_date(published) or self.published,
                       origin=where)
        yield finish(doc)

    def _jsonl(self, lines, where):
        for n, raw in enumerate(lines, 1):
            here = f"{where}:{n}"
            if len(raw) > self.max_bytes:
                yield Problem(here, f"line too large ({len(raw):,} bytes)")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
            except UnicodeDecodeError as exc:
                yield Problem(here, f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem(here, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(rec, dict):
                yield Problem(here, "each line must be a JSON object with 'id' and 'text'")
                continue
            text = rec.get("text")
            if not isinstance(text, str):
                yield Problem(here, "no 'text' string in this record")
                continue
            doc_id = rec.get("id")
            doc_id = str(doc_id) if doc_id is not None else f"{Path(where).stem}-{n}"
            if not text.strip():
                yield Problem(here, f"document {doc_id!r} has empty text", "skipped")
                continue
            published = normalise_date(rec.get("published"))
            if rec.get("published") and not published:
                yield Problem(here, f"document {doc_id!r}: 'published' is not a date: {rec.get('published')!r}; "
                                    "coded without it", "warning")
            doc = Document(id=doc_id, text=text, published=published or self.published, title=rec.get("title"),
                           url=rec.get("url"), source=rec.get("source"), origin=here)
            yield finish(doc)

    def _stdin(self):
        data = sys.stdin.buffer.read()
        text = self._decode(data, "<stdin>")
        if isinstance(text, Problem):
            yield text
            return
        head = text.lstrip()[:1]
        if head == "{":
            yield from self._jsonl(text.splitlines(), "<stdin>")
        elif head == "<":
            yield from self._html(text, "<stdin>", "stdin")
        else:
            yield from self._text(text, "<stdin>", "stdin")
