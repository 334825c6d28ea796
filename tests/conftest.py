"""Shared fixtures: one real coder (spaCy model and dictionaries) per test session."""
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from tacitus.pipeline import Coder
    return Coder()


@pytest.fixture
def exploding(monkeypatch, coder):
    """The coder raises on any batch holding bad_records.MARKER (forked coding processes and the
    threads of an in-process Dask cluster inherit this; Coder.code_batch_safely then codes the
    others one by one); the session's coder may come from an earlier import of the module, so its
    own class is patched too."""
    from bad_records import MARKER
    from tacitus.pipeline import Coder
    for cls in {Coder, type(coder)}:
        real = cls.code_batch

        def code_batch(self, documents, real=real):
            if any(MARKER in d.text for d in documents):
                raise RuntimeError("a stage fell over")
            return real(self, documents)

        monkeypatch.setattr(cls, "code_batch", code_batch)
    return monkeypatch


@pytest.fixture(scope="session")
def shared():
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    return SHARED


def codes(actor):
    return actor.code if actor is not None else None


def find(doc, cameo_prefix, source=None, target=None):
    """Events of `doc` whose code starts with the prefix and whose actors start with the given codes."""
    out = []
    for ev in doc.events:
        if not ev.cameo.startswith(cameo_prefix):
            continue
        if source is not None and not (ev.source and ev.source.code.startswith(source)):
            continue
        if target is not None and not (ev.target and ev.target.code.startswith(target)):
            continue
        out.append(ev)
    return out


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server URL: $TACITUS_TEST_PG, else a throwaway server started here, else skip
    (or fail, when $TACITUS_REQUIRE_PG is set, as CI does)."""
    url = os.environ.get("TACITUS_TEST_PG")
    if url:
        yield url
        return
    from pgserver import ThrowawayPostgres
    server = ThrowawayPostgres()
    if not server.available():
        if os.environ.get("TACITUS_REQUIRE_PG"):
            pytest.fail("PostgreSQL is required ($TACITUS_REQUIRE_PG) but its binaries are not installed")
        pytest.skip("PostgreSQL binaries are not installed")
    try:
        url = server.start()
    except Exception as exc:  # noqa: BLE001 - any start failure is reported the same way
        if os.environ.get("TACITUS_REQUIRE_PG"):
            pytest.fail(f"could not start PostgreSQL: {exc}")
        pytest.skip(f"could not start PostgreSQL: {exc}")
    yield url
    server.stop()


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database of each kind: a DuckDB file, and a new PostgreSQL database."""
    if request.param == "duckdb":
        yield str(tmp_path / "events.duckdb")
        return
    import psycopg
    server = request.getfixturevalue("pg_server")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    base = server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory, coder):
    """The bundled samples coded into a DuckDB file, once per session: copy it before writing to it."""
    from tacitus.ingest.load import ingest
    from tacitus.store import Store
    db = tmp_path_factory.mktemp("samples") / "events.duckdb"
    with Store(str(db)) as store:
        report = ingest([str(ROOT / "samples")], store, coder)
    assert report.coded >= 3 and report.events > 10 and not report.failed
    return db
