"""The store's schema as numbered migrations, in SQL that DuckDB and PostgreSQL both accept.

A migration runs once, in a transaction, and is recorded in schema_migrations; running them again
does nothing. Add a migration to change the schema; never edit one that has shipped.
"""

# The events table as migration 1 created it; tacitus/columns.py says what it holds now.
EVENTS_V1 = [
    ("event_id", "TEXT PRIMARY KEY"), ("doc_id", "TEXT NOT NULL"), ("sentence_idx", "INTEGER"),
    ("event_date", "DATE"), ("date_text", "TEXT"), ("date_precision", "TEXT"),
    ("source_code", "TEXT"), ("source_country", "TEXT"), ("source_sector", "TEXT"), ("source_name", "TEXT"),
    ("source_text", "TEXT"), ("source_resolved_from", "TEXT"),
    ("target_code", "TEXT"), ("target_country", "TEXT"), ("target_sector", "TEXT"), ("target_name", "TEXT"),
    ("target_text", "TEXT"), ("target_resolved_from", "TEXT"),
    ("cameo", "TEXT NOT NULL"), ("cameo_root", "TEXT NOT NULL"), ("cameo_name", "TEXT"),
    ("goldstein", "DOUBLE PRECISION"), ("quad_class", "INTEGER"),
    ("plover_type", "TEXT"), ("plover_mode", "TEXT"), ("plover_context", "TEXT"),
    ("status", "TEXT NOT NULL"), ("place", "TEXT"), ("topics", "TEXT"),
    ("trigger", "TEXT"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
    ("span_start", "INTEGER"), ("span_end", "INTEGER"),
    ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("target_start", "INTEGER"), ("target_end", "INTEGER"),
    ("pattern", "TEXT"), ("speaker_code", "TEXT"), ("planned_cameo", "TEXT"), ("planned_date", "TEXT"),
    ("cluster_key", "TEXT"), ("coder_version", "TEXT"), ("dictionary_version", "TEXT"),
]
EVENTS_V3 = ["source_kind", "target_kind", "speaker_country", "speaker_sector", "speaker_name", "speaker_kind",
             "speaker_text", "speaker_resolved_from", "planned_name"]
EVENTS_V4 = [("method", "TEXT"), ("confidence", "DOUBLE PRECISION")]
EVENTS_V5 = [("main", "BOOLEAN")]
EVENTS_V7 = [("place_name", "TEXT"), ("place_country", "TEXT"), ("place_admin1", "TEXT"),
             ("latitude", "DOUBLE PRECISION"), ("longitude", "DOUBLE PRECISION"), ("place_kind", "TEXT"),
             ("geonames_id", "INTEGER")]
# The documents table as migration 1 created it, and the columns added since: DOCUMENT_COLUMNS
DOCUMENTS_V1 = [
    ("id", "TEXT PRIMARY KEY"), ("source", "TEXT"), ("url", "TEXT"), ("title", "TEXT"), ("published", "DATE"),
    ("date_source", "TEXT"), ("content_hash", "TEXT"), ("text", "TEXT"), ("status", "TEXT NOT NULL"),
    ("error", "TEXT"), ("origin", "TEXT"), ("n_sentences", "INTEGER"), ("n_events", "INTEGER"),
    ("coder_version", "TEXT"), ("dictionary_version", "TEXT"), ("coded_at", "TIMESTAMP"),
]
DOCUMENTS_V6 = [("language", "TEXT")]
DOCUMENT_COLUMNS = DOCUMENTS_V1 + DOCUMENTS_V6
SENTENCE_COLUMNS = [("doc_id", "TEXT NOT NULL"), ("idx", "INTEGER NOT NULL"), ("start_char", "INTEGER"),
                    ("end_char", "INTEGER"), ("text", "TEXT")]
ACTOR_COLUMNS = [("code", "TEXT PRIMARY KEY"), ("country", "TEXT"), ("sector", "TEXT"), ("name", "TEXT"),
                 ("kind", "TEXT")]


def _table(name, columns, extra=""):
    cols = ",\n  ".join(f"{c} {t}" for c, t in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {cols}{extra}\n)"


MIGRATIONS = [
    (1, "documents, sentences, actors, events", [
        _table("documents", DOCUMENTS_V1),
        _table("sentences", SENTENCE_COLUMNS, ",\n  PRIMARY KEY (doc_id, idx)"),
        _table("actors", ACTOR_COLUMNS),
        _table("events", EVENTS_V1),
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
        "CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, event_date)",
        "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
        "CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash)",
    ]),
    (2, "event clusters: one real-world event reported by several documents", [
        # same dyad, code and day: the duplicates that inflate GDELT and ICEWS counts
        """CREATE VIEW event_clusters AS
           SELECT cluster_key, source_code, target_code, cameo, event_date,
                  COUNT(*) AS mentions, COUNT(DISTINCT doc_id) AS documents,
                  MIN(event_id) AS first_event_id, AVG(goldstein) AS goldstein, MIN(quad_class) AS quad_class,
                  MIN(plover_type) AS plover_type
           FROM events
           WHERE status IN ('occurred', 'planned') AND event_date IS NOT NULL
           GROUP BY cluster_key, source_code, target_code, cameo, event_date""",
    ]),
    (3, "events keep their speaker whole, the actors' kind and the planned act's name", [
        f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} TEXT" for name in EVENTS_V3
    ]),
    (4, "events say how their actors were found, and with what confidence", [
        f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} {sql}" for name, sql in EVENTS_V4
    ]),
    (5, "events say which is their sentence's main event", [
        f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} {sql}" for name, sql in EVENTS_V5
    ]),
    (6, "documents keep their language; one not in a language the coder reads is stored as skipped", [
        f"ALTER TABLE documents ADD COLUMN IF NOT EXISTS {name} {sql}" for name, sql in DOCUMENTS_V6
    ]),
    (7, "events keep their place on the map: country, first-level division, coordinates, GeoNames id", [
        *[f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {name} {sql}" for name, sql in EVENTS_V7],
        "CREATE INDEX IF NOT EXISTS events_place ON events (place_country, latitude, longitude)",
    ]),
]
