"""Database backends behind one small interface: DuckDB (embedded, the default) and PostgreSQL.

SQL is written once with `?` placeholders; the PostgreSQL backend turns them into `%s`. Values
always travel as parameters, never inside SQL text. Bulk writes go through Arrow (DuckDB) or COPY
(PostgreSQL): row-by-row inserts are hundreds of times slower.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import StoreError


class Backend:
    kind = "?"

    def execute(self, sql, params=()):
        raise NotImplementedError

    def query(self, sql, params=()):
        """(column names, rows) of a SELECT."""
        raise NotImplementedError

    def insert(self, table, columns, rows):
        raise NotImplementedError

    @contextmanager
    def transaction(self):
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            self.commit()


class DuckDBBackend(Backend):
    kind = "duckdb"

    def __init__(self, path, read_only=False):
        import duckdb
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open DuckDB database {path}: {exc}") from exc
        self.path = str(path)

    def execute(self, sql, params=()):
        try:
            self.con.execute(sql, list(params))
        except Exception as exc:  # duckdb raises many classes; all are store errors to the user
            raise StoreError(f"{type(exc).__name__}: {exc}") from exc

    def query(self, sql, params=()):
        try:
            cur = self.con.execute(sql, list(params))
            cols = [d[0] for d in cur.description]
            return cols, cur.fetchall()
        except Exception as exc:
            raise StoreError(f"{type(exc).__name__}: {exc}") from exc

    def insert(self, table, columns, rows):
        if not rows:
            return
        import pyarrow as pa
        data = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)})
        self.con.register("_tacitus_batch", data)
        try:
            cols = ", ".join(columns)
            self.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _tacitus_batch")
        finally:
            self.con.unregister("_tacitus_batch")

    def begin(self):
        self.con.begin()

    def commit(self):
        self.con.commit()

    def rollback(self):
        self.con.rollback()

    def close(self):
        self.con.close()


class PostgresBackend(Backend):
    kind = "postgresql"

    def __init__(self, url):
        import psycopg
        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}".strip()) from exc
        self.url = url

    @staticmethod
    def _sql(sql):
        # our SQL has no literal '?' or '%': placeholders become psycopg's
        return re.sub(r"\?", "%s", sql.replace("%", "%%"))

    def execute(self, sql, params=()):
        import psycopg
        try:
            self.con.execute(self._sql(sql), list(params))
        except psycopg.Error as exc:
            raise StoreError(f"{type(exc).__name__}: {exc}".strip()) from exc

    def query(self, sql, params=()):
        import psycopg
        try:
            cur = self.con.execute(self._sql(sql), list(params))
            cols = [d.name for d in cur.description]
            return cols, cur.fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"{type(exc).__name__}: {exc}".strip()) from exc

    def insert(self, table, columns, rows):
        if not rows:
            return
        with self.con.cursor() as cur:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    # autocommit connection with explicit blocks: one transaction per batch, nothing half-written
    def begin(self):
        self.con.execute("BEGIN")

    def commit(self):
        self.con.execute("COMMIT")

    def rollback(self):
        self.con.execute("ROLLBACK")

    def close(self):
        self.con.close()


def connect(url):
    """A backend for a URL: postgresql://... or postgres://..., else a DuckDB file path (or :memory:)."""
    url = str(url)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url)
    if url.startswith("duckdb://"):
        url = url[len("duckdb://"):]
    return DuckDBBackend(url)
