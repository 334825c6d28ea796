"""The event store: documents, sentences, actors and events in DuckDB or PostgreSQL.

One schema and one query layer for both. A batch of coded documents is written in one
transaction, after deleting whatever those documents had before: a batch is stored whole or not at
all, so an ingest killed at any moment loses nothing already committed and stores nothing twice.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

from ..errors import StoreError
from .backends import connect
from .query import SORTS, EventFilter, _contains, query_text, where_clause
from .rows import DOCUMENT_FIELDS, EVENT_FIELDS, SENTENCE_FIELDS, event_json, stored_document
from .schema import MIGRATIONS

DEFAULT_DB = "tacitus.duckdb"
MAX_PAGE = 10_000


def _select(publisher=False):
    """Events with their sentence (and the document's publisher, for exports that carry it)."""
    sql = ("SELECT e.*, s.text AS sentence_text" + (", d.source AS publisher" if publisher else "") +
           " FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx")
    return sql + (" LEFT JOIN documents d ON d.id = e.doc_id" if publisher else "")


def default_url():
    return os.environ.get("TACITUS_DB") or DEFAULT_DB


class Store:
    """A connection to one event database. `Store("events.duckdb")`, `Store("postgresql://...")`."""

    def __init__(self, url=None, *, migrate=True, read_only=False):
        self.url = str(url or default_url())
        self.db = connect(self.url) if not read_only else self._read_only(self.url)
        if migrate and not read_only:
            self.migrate()

    @staticmethod
    def _read_only(url):
        from .backends import DuckDBBackend
        if url.startswith(("postgresql://", "postgres://")):
            return connect(url)
        return DuckDBBackend(url, read_only=True)

    # -- schema --------------------------------------------------------------------------------
    def migrate(self):
        """Apply the migrations not applied yet; returns the versions applied now."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                        "name TEXT, applied_at TIMESTAMP)")
        _, rows = self.db.query("SELECT version FROM schema_migrations")
        done = {r[0] for r in rows}
        applied = []
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            with self.db.transaction():
                for sql in statements:
                    self.db.execute(sql)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                [version, name, datetime.now(timezone.utc).replace(tzinfo=None)])
            applied.append(version)
        return applied

    def migrations(self):
        return self.db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")[1]

    # -- writing -------------------------------------------------------------------------------
    def stored_versions(self, ids):
        """{document id: (content hash, coder version, status)} for the ids already stored."""
        rows = self._rows_in("SELECT id, content_hash, coder_version, status FROM documents WHERE id IN ({})", ids)
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def stored_hashes(self, hashes):
        """{content hash: a document id holding it} for the hashes some stored document (not a failed
        one) already has: the same item again under another id (tacitus watch)."""
        rows = self._rows_in("SELECT content_hash, MIN(id) FROM documents WHERE content_hash IN ({}) "
                             "AND status <> 'failed' GROUP BY content_hash", hashes)
        return {r[0]: r[1] for r in rows}

    def _rows_in(self, sql, values, chunk=500):
        """The rows of `sql` with its IN ({}) list filled by `values`, asked 500 at a time (the
        databases' limits on bound parameters)."""
        values, out = list(values), []
        for i in range(0, len(values), chunk):
            part = values[i:i + chunk]
            out.extend(self.db.query(sql.format(", ".join("?" for _ in part)), part)[1])
        return out

    def write_batch(self, documents, versions, failures=()):
        """Store coded documents (with sentences, actors, events) and failed ones (with their error),
        replacing what those ids had, in one transaction."""
        self.write_stored([stored_document(d, versions) for d in documents] +
                          [stored_document(d, versions, "failed", err) for d, err in failures])

    def write_stored(self, stored):
        """Store documents in their stored form (tacitus.store.rows.StoredDocument), replacing what
        those ids had, in one transaction: the batch is stored whole or not at all."""
        stored = list(stored)
        if not stored:
            return
        events = [r for s in stored for r in s.events]
        with self.db.transaction():
            self.delete_documents([s.id for s in stored])
            self.db.insert("documents", DOCUMENT_FIELDS, [s.document for s in stored])
            self.db.insert("sentences", SENTENCE_FIELDS, [r for s in stored for r in s.sentences])
            self.db.insert("events", EVENT_FIELDS, [[r.get(c) for c in EVENT_FIELDS] for r in events])
            self._upsert_actors(events)

    def delete_documents(self, ids):
        """Delete documents with their sentences and events (inside the caller's transaction)."""
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            for table, col in (("events", "doc_id"), ("sentences", "doc_id"), ("documents", "id")):
                self.db.execute(f"DELETE FROM {table} WHERE {col} IN ({marks})", chunk)

    def _upsert_actors(self, events):
        """Add the actors of these event rows that the actors table does not know yet."""
        actors = {}
        for row in events:
            for side in ("source", "target"):
                code = row.get(f"{side}_code")
                if code is None or code.startswith("---"):
                    continue
                kind = row.get(f"{side}_kind") or "country"
                # a person's name is not the name of the office's actor code
                actors.setdefault(code, [code, row.get(f"{side}_country"), row.get(f"{side}_sector"),
                                         row.get(f"{side}_name") if kind != "person" else None, kind])
        if not actors:
            return
        codes = list(actors)
        _, rows = self.db.query(f"SELECT code FROM actors WHERE code IN ({', '.join('?' for _ in codes)})", codes)
        known = {r[0] for r in rows}
        self.db.insert("actors", ["code", "country", "sector", "name", "kind"],
                       [v for k, v in actors.items() if k not in known])

    # -- reading -------------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None, *, limit=100, offset=0, sort="date"):
        """Events matching the filter in their JSON form: `Event.to_dict`'s, for every field the
        store keeps, with `event_id`, `doc_id` and the versions that coded them."""
        return [event_json(r) for r in self.event_rows(flt, limit=limit, offset=offset, sort=sort)]

    def event_rows(self, flt: EventFilter | None = None, *, limit=100, offset=0, sort="date", publisher=False):
        """Events matching the filter as flat rows (dicts keyed by tacitus.columns' names)."""
        flt = flt or EventFilter()
        if sort not in SORTS:
            raise StoreError(f"sort must be one of {', '.join(SORTS)}")
        limit = max(0, min(int(limit), MAX_PAGE))
        where, params = where_clause(flt)
        cols, rows = self.db.query(f"{_select(publisher)} WHERE {where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
                                   params + [limit, int(offset)])
        return [dict(zip(cols, r)) for r in rows]

    def iter_event_rows(self, flt: EventFilter | None = None, batch=5000):
        """All matching events as flat rows, with their document's publisher, in pages, for exports."""
        offset = 0
        while True:
            rows = self.event_rows(flt, limit=batch, offset=offset, sort="date", publisher=True)
            if not rows:
                return
            yield from rows
            offset += batch

    def count_events(self, flt: EventFilter | None = None):
        where, params = where_clause(flt or EventFilter())
        _, rows = self.db.query(f"SELECT COUNT(*) FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id "
                                f"AND s.idx = e.sentence_idx WHERE {where}", params)
        return rows[0][0]

    def document(self, doc_id):
        cols, rows = self.db.query("SELECT * FROM documents WHERE id = ?", [query_text("document id", doc_id)])
        return dict(zip(cols, rows[0])) if rows else None

    def documents(self, *, status=None, limit=100, offset=0):
        cond, params = ("WHERE status = ?", [query_text("status", status)]) if status else ("", [])
        # a store opened read-only before migration 6 has no language column: it answers null
        language = "language" if "language" in self._columns("documents") else "NULL AS language"
        cols, rows = self.db.query(f"SELECT id, source, url, title, published, {language}, status, error, origin, "
                                   f"n_sentences, n_events, coder_version FROM documents {cond} ORDER BY id "
                                   f"LIMIT ? OFFSET ?", params + [min(int(limit), MAX_PAGE), int(offset)])
        return [dict(zip(cols, r)) for r in rows]

    def _columns(self, table):
        return self.db.query(f"SELECT * FROM {table} LIMIT 0")[0]

    def actors(self, q=None, *, limit=100, offset=0):
        """Known actors, optionally those whose code or name contains `q`."""
        q = query_text("actor search", q)
        cond, params = ("WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'", [_contains(q), _contains(q)]) \
            if q else ("", [])
        cols, rows = self.db.query(f"SELECT code, country, sector, name, kind FROM actors {cond} ORDER BY code "
                                   f"LIMIT ? OFFSET ?", params + [min(int(limit), MAX_PAGE), int(offset)])
        return [dict(zip(cols, r)) for r in rows]

    def counts(self):
        out = {}
        for table in ("documents", "sentences", "events", "actors"):
            out[table] = self.db.query(f"SELECT COUNT(*) FROM {table}")[1][0][0]
        _, rows = self.db.query("SELECT status, COUNT(*) FROM documents GROUP BY status")
        out["by_status"] = dict(rows)
        return out

    def clusters(self, flt: EventFilter | None = None, limit=100):
        """Real-world events: same dyad, code and day, with how many mentions and documents report them."""
        where, params = where_clause(flt or EventFilter(), text_column="e.trigger")  # no sentence join here
        cols, rows = self.db.query(
            f"SELECT e.cluster_key, MIN(e.source_code) AS source_code, MIN(e.target_code) AS target_code, "
            f"MIN(e.cameo) AS cameo, MIN(e.event_date) AS event_date, COUNT(*) AS mentions, "
            f"COUNT(DISTINCT e.doc_id) AS documents FROM events e WHERE {where} AND e.status IN ('occurred', 'planned') "
            f"GROUP BY e.cluster_key ORDER BY documents DESC, event_date LIMIT ?", params + [int(limit)])
        return [dict(zip(cols, r)) for r in rows]

    def close(self):
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
