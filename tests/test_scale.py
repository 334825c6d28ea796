"""Scale: the batch function, and parity of the process pool, Dask and Spark with the plain loop."""
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tacitus.ingest.readers import Reader
from tacitus.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _key(e):
    return (e["event_id"], e["cameo"], e["source_code"], e["target_code"], e["date_text"], e["status"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """About two hundred documents from the sample news items, in two JSON-lines files."""
    items = [json.loads(x) for x in (ROOT / "samples" / "news.jsonl").read_text().splitlines() if x.strip()]
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for part in range(2):
        p = folder / f"part{part}.jsonl"
        with p.open("w") as fh:
            for k in range(part * 3, part * 3 + 3 if part == 0 else part * 3 + 2):
                for item in items:
                    fh.write(json.dumps({**item, "id": f"{item['id']}-{k}"}) + "\n")
        paths.append(p)
    return paths


@pytest.fixture(scope="module")
def plain_events(corpus, coder):
    from tacitus.scale.batch import events_table
    docs = list(Reader().read([str(p) for p in corpus]))
    coded = coder.code_batch(docs)
    return sorted(_key(e) for e in events_table(coded, coder.versions).to_pylist())


def test_code_arrow_is_documents_in_events_out(coder):
    import pyarrow as pa
    from tacitus.scale.batch import code_arrow, events_schema
    table = pa.table({"id": ["a", "b"], "text": ["Chile praised Peru on Monday.", "Heavy rain fell."],
                      "published": ["2020-01-08", "2020-01-08"]})
    events = code_arrow(table)
    assert events.schema == events_schema()
    rows = events.to_pylist()
    assert [r["doc_id"] for r in rows] == ["a"] and rows[0]["cameo"].startswith("05")
    assert rows[0]["month"] == "2020-01" and code_arrow(table).to_pylist() == rows


def test_process_pool_gives_the_plain_loop_events(corpus, plain_events, coder):
    from tacitus.scale.batch import events_table
    from tacitus.scale.pool import parallel_code
    docs = Reader().read([str(p) for p in corpus])
    coded = list(parallel_code(docs, workers=2, batch_size=16))
    assert sorted(_key(e) for e in events_table(coded, coder.versions).to_pylist()) == plain_events


def test_dask_local_cluster_gives_the_plain_loop_events_and_resumes(corpus, plain_events, tmp_path, coder):
    from tacitus.scale import dask_run
    out = tmp_path / "out"
    stops = []

    def interrupt(entry):  # the run dies after its first input is done
        stops.append(entry)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dask_run.cluster_code([str(p) for p in corpus], str(out), workers=2, blocksize="16KB", on_input=interrupt)
    assert list(dask_run.done_inputs(str(out))) == [str(corpus[0])]
    summary = dask_run.cluster_code([str(p) for p in corpus], str(out), workers=2, blocksize="16KB")
    assert summary["skipped_inputs"] == 1 and summary["inputs"] == 1
    import pyarrow.dataset as ds
    events = ds.dataset(str(out / "events"), format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted(_key(e) for e in events) == plain_events
    store = Store(str(tmp_path / "events.duckdb"))
    dask_run.load_output(str(out), store)
    n_docs = sum(1 for p in corpus for line in p.read_text().splitlines() if line.strip())
    assert store.counts()["documents"] == n_docs and store.counts()["events"] == len(plain_events)
    store.close()


def test_spark_local_mode_gives_the_plain_loop_events(corpus, plain_events):
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and no java is on this machine")
    pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed")
    from pyspark.sql import SparkSession
    from tacitus.scale.spark import code_spark
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").config("spark.driver.host", "127.0.0.1")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        spark.sparkContext.setLogLevel("ERROR")
        rows = [json.loads(x) for p in corpus for x in p.read_text().splitlines() if x.strip()]
        frame = spark.createDataFrame([(r["id"], r["text"], r["published"]) for r in rows],
                                      "id string, text string, published string")
        events = [r.asDict() for r in code_spark(frame).collect()]
    finally:
        spark.stop()
    assert pyspark and sorted(_key(e) for e in events) == plain_events


def test_auto_workers_codes_a_small_input_in_this_process_with_the_given_coder(coder):
    from tacitus.scale.pool import code_stream
    docs = list(Reader().read([str(ROOT / "samples" / "news.jsonl")]))[:5]
    stream = code_stream(iter(docs), workers=0, coder=coder)
    coded = list(stream)
    assert stream.processes == 1 and stream.versions is coder.versions
    assert [d.id for d in coded] == [d.id for d in docs] and any(d.events for d in coded)


@pytest.mark.parametrize("cores, chars, expected", [(2, 10, 1), (2, 60_000, 2), (1, 60_000, 1), (4, 60_000, 4)])
def test_auto_workers_start_a_pool_only_for_an_input_that_pays_for_it(monkeypatch, cores, chars, expected):
    from tacitus.model import Document
    from tacitus.scale import pool
    monkeypatch.setattr(pool.os, "cpu_count", lambda: cores)
    docs = [Document(id=f"d{i}", text="x" * (chars // 4)) for i in range(4)]
    processes, stream = pool.resolve_workers(iter(docs), pool.AUTO)
    assert processes == expected and [d.id for d in stream] == [d.id for d in docs]
    assert pool.resolve_workers(iter(docs), 3)[0] == 3  # a number given is the number used


def test_pool_batches_are_cut_by_size_so_both_workers_stay_busy():
    from tacitus.model import Document
    from tacitus.scale.pool import _batches
    # 40 long documents, as a wire archive cut into stories of 75 sentences: by count alone (32
    # per batch) one worker would get 32 and the other 8; cut by size, the work comes in even parts.
    long_docs = [Document(id=str(i), text="Officials met in the capital on Monday. " * 300) for i in range(40)]
    sizes = [len(b) for b in _batches(long_docs, 32, chars=40_000)]
    assert sum(sizes) == 40 and len(sizes) >= 10 and max(sizes) - min(sizes) <= 1
    short_docs = [Document(id=str(i), text="Chile praised Peru.") for i in range(100)]
    assert [len(b) for b in _batches(short_docs, 32, chars=40_000)] == [32, 32, 32, 4]
    one_huge = [Document(id="big", text="x" * 100_000), Document(id="next", text="y")]
    assert [[d.id for d in b] for b in _batches(one_huge, 32, chars=40_000)] == [["big"], ["next"]]
