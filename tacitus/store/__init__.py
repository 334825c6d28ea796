"""The store: DuckDB by default (one file), PostgreSQL for a shared server; one schema, one query layer."""
from .query import EventFilter, query_text
from .store import DEFAULT_DB, Store, default_url

__all__ = ["Store", "EventFilter", "DEFAULT_DB", "default_url", "query_text"]
