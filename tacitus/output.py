"""Writing coded documents: JSON lines (the eval contract), ICEWS/Phoenix-style TSV, a readable table."""
from __future__ import annotations

import json

FORMATS = ("jsonl", "tsv", "table")
TSV_COLUMNS = ["event_id", "event_date", "source_name", "source_sectors", "source_country", "event_text",
               "cameo_code", "intensity", "quad_class", "plover_type", "plover_mode", "status", "target_name",
               "target_sectors", "target_country", "story_id", "sentence_number", "publisher", "city",
               "source_code", "target_code", "trigger", "topics", "sentence"]


def document_json(doc, versions=None) -> str:
    d = doc.to_dict()
    if versions:
        d["coder"] = versions
    return json.dumps(d, ensure_ascii=False)


def _clean(value) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")


def tsv_rows(doc):
    for n, ev in enumerate(doc.events, 1):
        s, t = ev.source, ev.target
        yield [f"{doc.id}-{n}", ev.date, s and (s.name or s.text), s and s.sector, s and s.country, ev.name,
               ev.cameo, ev.goldstein, ev.quad_class, ev.plover.type, ev.plover.mode, ev.status,
               t and (t.name or t.text), t and t.sector, t and t.country, doc.id, ev.evidence.sentence,
               doc.source, ev.place, s and s.code, t and t.code, ev.evidence.trigger, "|".join(ev.topics),
               ev.evidence.text]


def table_lines(doc):
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


class Writer:
    """Writes documents to a stream in one format; the TSV header comes once."""

    def __init__(self, stream, fmt="jsonl", versions=None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.stream, self.fmt, self.versions = stream, fmt, versions
        self._header_done = False

    def write(self, doc):
        if self.fmt == "jsonl":
            self.stream.write(document_json(doc, self.versions) + "\n")
        elif self.fmt == "tsv":
            if not self._header_done:
                self.stream.write("\t".join(TSV_COLUMNS) + "\n")
                self._header_done = True
            for row in tsv_rows(doc):
                self.stream.write("\t".join(_clean(v) for v in row) + "\n")
        else:
            for line in table_lines(doc):
                self.stream.write(line + "\n")
        self.stream.flush()
