"""The scale-out paths read records as ingest does: on Dask (JSON lines in blocks, Parquet by row
groups) and on Spark, a record that is not JSON, not UTF-8, of the wrong types, too large, blank, or
that the coder falls over on is reported with its file and line (or row), and kept as failed where the
path stores, while every good record around it is coded."""
import random
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bad_records import GOOD, MAX_BYTES, archive, check_report
from hypothesis_profiles import profile
from tacitus.ingest.readers import Problem, Reader
from tacitus.store import Store

# -- the pieces of an input read back as the reader reads the file ---------------------------------

@profile(0.2)
@given(blocksize=st.integers(1, 400), seed=st.integers(0, 1000))
def test_blocks_of_any_size_read_every_line_once_as_the_reader_does(tmp_path_factory, blocksize, seed):
    from tacitus.scale.inputs import first_lines, pieces, read_piece, record_count
    path, _, _ = archive(tmp_path_factory.mktemp("blocks"), n_good=6, seed=seed)
    parts = pieces(str(path), blocksize)
    items = [i for p, first in zip(parts, first_lines(parts, [record_count(p) for p in parts]))
             for i in read_piece(p, first, MAX_BYTES)]
    assert items == list(Reader(max_bytes=MAX_BYTES).read([str(path)]))


# -- Dask ------------------------------------------------------------------------------------

def _documents(out):
    import pyarrow.dataset as ds
    return {d["id"]: d for d in ds.dataset(str(out / "documents"), format="parquet").to_table().to_pylist()}


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory):
    """A local cluster of two worker processes over an archive with bad records, in blocks of 2 kB."""
    from tacitus.scale import dask_run
    folder = tmp_path_factory.mktemp("dask")
    path, good, bad = archive(folder)
    summary = dask_run.cluster_code([str(path)], str(folder / "out"), workers=2, blocksize="2KB",
                                    max_bytes=MAX_BYTES)
    return folder / "out", path, good, bad, summary


def test_dask_codes_every_good_record_and_names_every_bad_one_by_file_and_line(dask_run):
    out, path, good, bad, summary = dask_run
    check_report(summary["problems"], path, bad)
    docs = _documents(out)
    assert {i for i, d in docs.items() if d["status"] == "coded"} == set(good) | {"surrogate", "nul"}
    assert all(docs[i]["origin"] == f"{path}:{n}" for i, n in good.items())
    failed = {d["origin"]: d for d in docs.values() if d["status"] == "failed"}
    assert set(failed) == {f"{path}:{n}" for kind, n, _ in bad if kind != "warning"}
    assert summary["failed"] == len(failed) and summary["documents"] == len(good) + 2 and summary["events"] >= len(good)


def test_a_record_without_an_id_is_named_by_its_line_as_ingest_names_it(dask_run):
    out, path, good, _, _ = dask_run
    (unnamed,) = [i for i in good if i.startswith("archive-")]
    ingested = [d.id for d in Reader().read([str(path)]) if not isinstance(d, Problem)]
    assert unnamed in ingested and _documents(out)[unnamed]["status"] == "coded"


def test_load_events_stores_the_failed_records_with_their_file_and_line(dask_run, store_url):
    from tacitus.scale.dask_run import load_output
    out, path, good, bad, _ = dask_run
    with Store(store_url) as store:
        report = load_output(str(out), store)
        failed = store.documents(status="failed", limit=1000)
        coded = {d["id"] for d in store.documents(status="coded", limit=1000)}
    assert coded == set(good) | {"surrogate", "nul"}
    assert sorted(d["origin"] for d in failed) == sorted(f"{path}:{n}" for k, n, _ in bad if k != "warning")
    assert all(d["error"] for d in failed) and report.failed == len(failed)


def test_dask_keeps_a_document_the_coder_falls_over_on_as_failed(tmp_path, exploding):
    from dask.distributed import Client, LocalCluster
    from tacitus.scale import dask_run
    path, good, bad = archive(tmp_path, n_good=20, seed=4, coder_falls=True)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        summary = dask_run.cluster_code([str(path)], str(tmp_path / "out"), client=client, blocksize="1KB",
                                        max_bytes=MAX_BYTES)
    check_report(summary["problems"], path, bad)
    boom = _documents(tmp_path / "out")["boom"]
    assert boom["status"] == "failed" and "a stage fell over" in boom["error"]


def test_parquet_rows_are_read_as_records_and_named_by_their_row(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from tacitus.scale import dask_run
    rng = random.Random(7)
    texts = [GOOD.format(i) for i in range(30)]
    bad = {rng.randrange(31): t for t in [None, " \u3000", "Chile met Peru. " * 250]}
    for at in sorted(bad):
        texts.insert(at, bad[at])
    ids = [None if i == 5 else f"p{i}" for i in range(len(texts))]
    path = tmp_path / "news.parquet"
    table = pa.table({"id": ids, "text": texts, "published": ["2021-03-01"] * len(texts)})
    pq.write_table(table, path, row_group_size=7)  # five row groups
    summary = dask_run.cluster_code([str(path)], str(tmp_path / "out"), workers=1, max_bytes=MAX_BYTES)
    rows = [n for n, t in enumerate(texts, 1) if t is None or not t.startswith("Chile and")]
    assert sorted(int(p.split(": ")[1].rsplit(":", 1)[1]) for p in summary["problems"]) == rows
    docs = _documents(tmp_path / "out")
    assert {d["id"] for d in docs.values() if d["status"] == "coded"} == \
        {i or "news-6" for i, t in zip(ids, texts) if t and t.startswith("Chile and")}


# -- Spark (and the Arrow batch function it calls) ---------------------------------------------

ROWS = [("a", GOOD.format(1)), (None, GOOD.format(2)), ("b", None), ("c", "\u200b "), ("d", GOOD.format(4) + "\x00"),
        ("e", GOOD.format(3))]


def test_the_arrow_batch_function_names_every_row_it_cannot_code(coder):
    import pyarrow as pa
    from tacitus.scale.batch import code_arrow
    problems = []
    events = code_arrow(pa.table({"id": [r[0] for r in ROWS], "text": [r[1] for r in ROWS]}), problems=problems)
    assert {r["doc_id"] for r in events.to_pylist()} == {"a", "d", "e"}
    assert problems == ["failed: a row without an id: no 'id': a row of a table needs one",
                        "failed: the row with id 'b': document 'b': no 'text' string in this record",
                        "skipped: the row with id 'c': document 'c' has empty text (white space or invisible "
                        "characters only)"]


def test_spark_gives_every_row_it_cannot_code_a_problem_row():
    import os
    import sys
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and no java is on this machine")
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    from pyspark.sql import SparkSession
    from tacitus.scale.spark import code_spark
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").config("spark.driver.host", "127.0.0.1")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        spark.sparkContext.setLogLevel("ERROR")
        out = [r.asDict() for r in code_spark(spark.createDataFrame(ROWS, "id string, text string")).collect()]
    finally:
        spark.stop()
    assert {r["doc_id"] for r in out if r["problem"] is None} == {"a", "d", "e"}
    problems = sorted(r["problem"] for r in out if r["problem"] is not None)
    assert [p.split(": ")[1] for p in problems] == ["a row without an id", "the row with id 'b'",
                                                    "the row with id 'c'"]
