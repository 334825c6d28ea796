"""POST /api/documents runs the job runner of `tacitus ingest`: a document the coder cannot code
is stored as failed and answered in the API's one error shape."""
import pytest
from fastapi.testclient import TestClient

from tacitus.pipeline import Coder
from tacitus.web import create_app

AUTH = {"Authorization": "Bearer secret"}


class FailingCoder:
    """The real coder's batch machinery around a parser that always falls over."""

    pipe = Coder.pipe
    code_batch_safely = Coder.code_batch_safely

    def __init__(self, versions):
        self.versions = versions

    def code_batch(self, documents):
        raise RuntimeError("the parser fell over")


@pytest.fixture
def failing(tmp_path, coder):
    broken = FailingCoder(coder.versions)
    app = create_app(str(tmp_path / "events.duckdb"), token="secret", coder_factory=lambda: broken)
    with TestClient(app) as client:
        yield client


def test_a_document_that_cannot_be_coded_is_a_json_error_and_stored_as_failed(failing):
    r = failing.post("/api/documents", json={"id": "broken", "text": "Chile praised Peru on Monday."}, headers=AUTH)
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message"} and err["status"] == 422 and err["code"] == "not_coded"
    assert "broken" in err["message"] and "the parser fell over" in err["message"]
    failed = failing.get("/api/documents?status=failed").json()["items"]
    assert [d["id"] for d in failed] == ["broken"] and "the parser fell over" in failed[0]["error"]


def test_posting_the_same_document_again_with_replace_stores_it_once(tmp_path, coder):
    app = create_app(str(tmp_path / "events.duckdb"), token="secret", coder_factory=lambda: coder)
    payload = {"id": "twice", "text": "Chile and Peru signed a trade agreement.", "published": "2021-05-04"}
    with TestClient(app) as client:
        first = client.post("/api/documents", json=payload, headers=AUTH).json()
        second = client.post("/api/documents?replace=true", json=payload, headers=AUTH).json()
        counts = client.get("/api/health").json()["counts"]
    assert first["events"] and second["events"] == first["events"]
    assert counts["documents"] == 1 and counts["events"] == len(first["events"])
