"""Every document's language: declared (a page's, a record's, a post's own tag) or detected; a
document not in English is stored and reported as skipped (`language: zh`), never coded as English."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.ingest import language
from tacitus.ingest.language import detect, language_code, skip_reason
from tacitus.ingest.readers import Problem, Reader, document_from_record

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday and agreed to reopen the border."
CHINESE = "肯尼亚和埃塞俄比亚外长星期二在内罗毕会晤，同意重新开放两国边境，并加强贸易合作。"
RUSSIAN = "Министры иностранных дел Кении и Эфиопии встретились во вторник в Найроби и договорились открыть границу."
FRENCH = "Les ministres des affaires étrangères du Kenya et de l'Éthiopie se sont rencontrés mardi à Nairobi."
SPANISH = "Los ministros de exteriores de Kenia y Etiopía se reunieron el martes en Nairobi para hablar de la frontera."
GERMAN = "Die Außenminister von Kenia und Äthiopien trafen sich am Dienstag in Nairobi und einigten sich auf die Grenze."
ARABIC = "التقى وزيرا خارجية كينيا وإثيوبيا في نيروبي يوم الثلاثاء واتفقا على إعادة فتح الحدود."


@pytest.mark.parametrize("text, code", [(ENGLISH, "en"), (CHINESE, "zh"), (RUSSIAN, "ru"), (FRENCH, "fr"),
                                        (SPANISH, "es"), (GERMAN, "de"), (ARABIC, "ar")])
def test_each_language_of_its_own_is_detected(text, code):
    assert detect(text) == code
    assert detect(text * 50) == code  # a long document: a sample of it is enough


@pytest.mark.parametrize("text, code", [
    ("Chile met Peru.", "en"), ("Putin.", "en"), ("Macron et Merkel", "en"), ("NATO summit in Madrid", "en"),
    ("Berlin, Paris", "en"),  # a few Latin-script words: too few to call another language; coded as before
    ("中国", "zh"), ("北京会谈", "zh"), ("Москва", "ru"), ("Путин и Си", "ru"), ("القاهرة", "ar"),
    ("東京で会談した。", "ja"), ("서울", "ko"),  # another script says its language however short
    ("2024-05-20", None), ("", None), ("...", None),  # no letters: no language
])
def test_short_texts(text, code):
    assert detect(text) == code


def test_a_mostly_english_text_quoting_another_language_is_english():
    assert detect(f"{ENGLISH} The banner read \"Мир\" and the guests said \"merci\" twice.") == "en"
    assert detect(f"{CHINESE} (Reuters)") == "zh"


def test_language_tags_are_read_as_their_language():
    assert [language_code(t) for t in ("en-GB", "zh_Hans_CN", " RU ", "fr", "yue")] == ["en", "zh", "ru", "fr", "yue"]
    assert [language_code(t) for t in ("", "english!", "x", None, 7, "en--")] == [None] * 6


def test_the_detector_is_built_once_and_only_when_needed():
    language._detector.cache_clear()
    detect(CHINESE), detect("Chile met Peru."), detect("")  # script or length decide: no detector
    assert language._detector.cache_info().currsize == 0
    detect(ENGLISH), detect(FRENCH)
    info = language._detector.cache_info()
    assert info.currsize == 1 and info.misses == 1 and info.hits == 1


def test_every_document_read_carries_its_language(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.txt").write_text(CHINESE)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": RUSSIAN}, ensure_ascii=False) + "\n")
    docs = list(Reader().read([str(tmp_path)]))
    assert [(d.id, d.language) for d in docs] == [("a", "en"), ("b", "zh"), ("c", "ru")]
    assert [skip_reason(d) for d in docs] == [None, "language: zh", "language: ru"]


def test_a_declared_tag_overrides_detection(tmp_path):
    tagged = document_from_record({"id": "t", "text": ENGLISH, "language": "zh-CN"}, "x.jsonl:1")
    assert tagged.language == "zh" and skip_reason(tagged) == "language: zh"
    english = document_from_record({"id": "e", "text": FRENCH, "language": "en"}, "x.jsonl:2")
    assert english.language == "en" and skip_reason(english) is None
    page = tmp_path / "page.html"
    page.write_text(f'<html lang="ru"><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>')
    (doc,) = Reader().read([str(page)])
    assert doc.language == "ru"
    page.write_text('<html><head><meta http-equiv="Content-Language" content="de-AT"></head>'
                    f'<body><article><p>{ENGLISH}</p></article></body></html>')
    (doc,) = Reader().read([str(page)])
    assert doc.language == "de"
    page.write_text(f'<html><body><article><p>{CHINESE}</p><p>{CHINESE}</p></article></body></html>')
    (doc,) = Reader().read([str(page)])
    assert doc.language == "zh"  # no tag: detected


def test_a_bad_language_tag_is_a_warning_and_the_text_decides():
    doc = document_from_record({"id": "b", "text": CHINESE, "language": "Chinese!"}, "x.jsonl:1")
    assert doc.language == "zh" and any("'language' is not a language tag" in w for w in doc.warnings)
    doc = document_from_record({"id": "n", "text": ENGLISH, "language": None}, "x.jsonl:2")
    assert doc.language == "en" and not any("language" in w for w in doc.warnings)
    assert not isinstance(document_from_record({"id": "o", "text": ENGLISH, "language": ["en"]}, "x:3"), Problem)


def _tacitus(*args):
    return subprocess.run([sys.executable, "-m", "tacitus", *args], capture_output=True, text=True, cwd=ROOT)


def test_code_skips_other_languages_with_one_line_each_and_codes_the_english(tmp_path):
    lines = [{"id": "en", "text": "Russia and China signed an energy agreement on Monday.", "published": "2024-05-20"},
             {"id": "zh", "text": CHINESE, "published": "2024-05-20"},
             {"id": "ru", "text": RUSSIAN, "published": "2024-05-20"},
             {"id": "tagged", "text": ENGLISH, "language": "fr", "published": "2024-05-20"}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    run = _tacitus("code", str(path), "--format", "jsonl")
    assert run.returncode == 1, run.stderr  # some documents were skipped
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["en"]
    skipped = [line for line in run.stderr.splitlines() if line.startswith("tacitus: skipped:")]
    assert skipped == [f"tacitus: skipped: {path}:2: language: zh", f"tacitus: skipped: {path}:3: language: ru",
                       f"tacitus: skipped: {path}:4: language: fr"]
    assert "1 coded, 3 skipped, 0 failed" in run.stderr


def test_ingest_stores_other_languages_uncoded_with_their_language(store_url, tmp_path, coder):
    from tacitus.ingest.load import ingest
    from tacitus.store import Store
    (tmp_path / "a.txt").write_text("On May 4, 2021, Chile and Peru signed a trade agreement.")
    (tmp_path / "b.txt").write_text(CHINESE, encoding="utf-8")
    (tmp_path / "c.txt").write_text(RUSSIAN, encoding="utf-8")
    with Store(store_url) as store:
        report = ingest([str(tmp_path)], store, coder=coder, workers=1)
        assert (report.coded, report.failed, report.languages) == (1, 0, {"zh": 1, "ru": 1})
        assert "skipped: " + str(tmp_path / "b.txt") + ": language: zh" in report.problems
        docs = {d["id"]: d for d in store.documents()}
        assert {k: (d["status"], d["language"], d["error"]) for k, d in docs.items()} == {
            "a": ("coded", "en", None), "b": ("skipped", "zh", "language: zh"), "c": ("skipped", "ru", "language: ru")}
        assert store.document("b")["text"] == CHINESE and store.counts()["by_status"] == {"coded": 1, "skipped": 2}
        assert all(e["doc_id"] == "a" for e in store.events())
        again = ingest([str(tmp_path)], store, coder=coder, workers=1)  # idempotent: nothing stored twice
        assert (again.coded, again.skipped, again.languages) == (0, 1, {"zh": 1, "ru": 1})
        assert store.counts()["documents"] == 3


def test_ingest_summary_counts_the_languages(tmp_path):
    (tmp_path / "b.txt").write_text(CHINESE, encoding="utf-8")
    (tmp_path / "c.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "d.txt").write_text(ARABIC, encoding="utf-8")
    run = _tacitus("ingest", str(tmp_path), "--db", str(tmp_path / "t.duckdb"))
    assert run.returncode == 1, run.stderr
    assert "3 skipped for their language (ar 1, ru 1, zh 1)" in run.stderr
    assert f"tacitus: skipped: {tmp_path / 'd.txt'}: language: ar" in run.stderr.splitlines()


def test_a_store_made_before_languages_gains_the_column(tmp_path, monkeypatch):
    from tacitus.store import Store, schema
    url = str(tmp_path / "old.duckdb")
    monkeypatch.setattr("tacitus.store.store.MIGRATIONS", schema.MIGRATIONS[:5])
    Store(url, migrate=True).close()
    monkeypatch.undo()
    with Store(url) as store:
        assert [v for v, _, _ in store.migrations()] == [1, 2, 3, 4, 5, 6, 7]
        cols, _ = store.db.query("SELECT * FROM documents LIMIT 0")
        assert "language" in cols


def test_the_api_stores_a_chinese_document_uncoded_and_says_so(tmp_path):
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    def no_coder():
        raise AssertionError("a Chinese document must not reach the English coder")

    auth = {"Authorization": "Bearer secret"}
    app = create_app(str(tmp_path / "events.duckdb"), token="secret", coder_factory=no_coder)
    with TestClient(app) as client:
        r = client.post("/api/documents", json={"id": "zh-1", "text": CHINESE}, headers=auth)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "not_coded" and "language: zh" in r.json()["error"]["message"]
        r = client.post("/api/documents", json={"id": "t-1", "text": ENGLISH, "language": "ru"}, headers=auth)
        assert r.status_code == 422 and "language: ru" in r.json()["error"]["message"]
        items = client.get("/api/documents?status=skipped").json()["items"]
    assert [(d["id"], d["language"]) for d in items] == [("t-1", "ru"), ("zh-1", "zh")]


def test_a_store_not_migrated_yet_lists_its_documents_without_a_language(tmp_path):
    from datetime import datetime

    from tacitus.store import Store, schema
    from tacitus.store.backends import connect
    path = str(tmp_path / "old.duckdb")
    db = connect(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TIMESTAMP)")
    for version, name, statements in schema.MIGRATIONS[:5]:
        for sql in statements:
            db.execute(sql)
        db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime(2025, 1, 1)])
    db.execute("INSERT INTO documents (id, text, status) VALUES ('old', 'Chile met Peru.', 'coded')")
    db.close()
    with Store(path, read_only=True) as store:  # as `tacitus serve` opens it: no migration
        assert [(d["id"], d["language"]) for d in store.documents()] == [("old", None)]


def test_the_cluster_paths_skip_other_languages_and_store_them_as_skipped(monkeypatch, coder, tmp_path):
    import pyarrow as pa

    from tacitus.ingest.load import BatchWriter, IngestReport
    from tacitus.scale import batch, dask_run
    from tacitus.store import Store
    monkeypatch.setattr(batch, "worker_coder", lambda model=None: coder)
    table = pa.table({"id": ["en", "zh"], "text": ["Chile praised Peru on Monday.", CHINESE],
                      "published": ["2020-01-08", "2020-01-08"], "origin": ["t:1", "t:2"]})
    problems = []
    events = batch.code_arrow(table, problems=problems)  # Spark's unit
    assert set(events.column("doc_id").to_pylist()) == {"en"} and problems == ["skipped: t:2: language: zh"]
    skipped = []  # Dask's unit, and the documents it writes for load-events
    coded, failed, lines = dask_run._sorted_out(batch.documents_from_arrow(table), None, skipped)
    assert [d.id for d in coded] == ["en"] and not failed and "skipped: t:2: language: zh" in lines
    docs = dask_run._documents_table(coded, failed, coder.versions, skipped).to_pylist()
    assert [(d["id"], d["status"], d["language"], d["error"]) for d in docs] == [
        ("en", "coded", "en", None), ("zh", "skipped", "zh", "language: zh")]
    with Store(str(tmp_path / "t.duckdb")) as store:
        report = IngestReport()
        writer = BatchWriter(store, report)
        for d in docs:
            writer.add(dask_run._stored(d, []))
        writer.flush()
        assert (report.coded, report.failed, report.languages) == (1, 0, {"zh": 1})
        assert store.document("zh")["status"] == "skipped" and store.document("zh")["language"] == "zh"
