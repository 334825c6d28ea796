"""Writing coded documents: JSON lines (the eval contract), ICEWS/Phoenix-style TSV, a readable table."""
from __future__ import annotations

import json

from .columns import CODE_TSV, document_event_rows, escape_json, header, tsv_line, values

FORMATS = ("jsonl", "tsv", "table")
TSV_COLUMNS = header(CODE_TSV)


def document_json(doc, versions=None, explain=False) -> str:
    d = doc.to_dict(explain=explain)
    if versions:
        d["coder"] = versions
    # U+2028, U+2029 and lone surrogates escaped: the same JSON, one line for every reader (and
    # byte for byte what it was on any text without them)
    return escape_json(json.dumps(d, ensure_ascii=False))


def tsv_rows(doc):
    """One row per event, in the columns of tacitus.columns.CODE_TSV."""
    for row in document_event_rows(doc):
        yield values(CODE_TSV, row)


def table_lines(doc, explain=False):
    head = f"{doc.id}  ({doc.published or 'date unknown'}"
    head += f", from {doc.date_source})" if doc.date_source else ")"
    yield head
    if not doc.events:
        yield "  no events"
    for ev in doc.events:
        src = ev.source.code if ev.source else "-"
        tgt = ev.target.code if ev.target else "-"
        yield (f"  {ev.date or '?':<10}  {src:<10} {ev.cameo:<5} {tgt:<10} {ev.plover.type or '-':<9} "
               f"{ev.goldstein:>5}  {ev.status:<10} {ev.name[:34]:<34}  \"{ev.evidence.trigger}\" s{ev.evidence.sentence}")
    for d in doc.dropped if explain else ():
        yield f"  no event    \"{d['trigger']}\" s{d['sentence']} ({d['code']}, {d['pattern']}): {d['reason']}"


class Writer:
    """Writes documents to a stream in one format; the TSV header comes once."""

    def __init__(self, stream, fmt="jsonl", versions=None, explain=False):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        if explain and fmt == "tsv":
            raise ValueError("--explain needs --format jsonl or table: a TSV row is an event")
        self.stream, self.fmt, self.versions, self.explain = stream, fmt, versions, explain
        self._header_done = False

    def write(self, doc):
        if self.fmt == "jsonl":
            self.stream.write(document_json(doc, self.versions, self.explain) + "\n")
        elif self.fmt == "tsv":
            if not self._header_done:
                self.stream.write(tsv_line(TSV_COLUMNS))
                self._header_done = True
            for row in tsv_rows(doc):  # escaped, not flattened: see tacitus.columns.tsv_field
                self.stream.write(tsv_line(row))
        else:
            for line in table_lines(doc, self.explain):
                self.stream.write(line + "\n")
        self.stream.flush()
