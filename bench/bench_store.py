#!/usr/bin/env python3
"""Benchmark the event store: ingest rate into DuckDB and PostgreSQL, and dyad-by-month queries
over 1,000,000 stored events.

    python bench/bench_store.py [--events 1000000] [--docs 400] [--no-postgres]

Ingest: documents built from the repo's sample texts, coded and stored by `ingest` (coding
included, since that is what a user waits for) and, separately, the store's write alone.
Query: synthetic events (random dyads among 60 countries, codes and days over ten years) loaded
through the store's own schema, then the dyad-by-month aggregate the dashboard asks for.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from tacitus.ingest.load import ingest  # noqa: E402
from tacitus.store import Store  # noqa: E402
from tacitus.store.rows import EVENT_FIELDS  # noqa: E402

DYAD_BY_MONTH = """
SELECT CAST(date_trunc('month', event_date) AS DATE) AS month, COUNT(*) AS events,
       AVG(goldstein) AS mean_goldstein, SUM(goldstein) AS total_goldstein,
       SUM(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
       SUM(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict
FROM events
WHERE (source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)
GROUP BY 1 ORDER BY 1"""
ALL_DYADS_BY_MONTH = """
SELECT source_country, target_country, CAST(date_trunc('month', event_date) AS DATE) AS month,
       COUNT(*), AVG(goldstein)
FROM events GROUP BY 1, 2, 3"""


def corpus(tmp, n_docs):
    items = [json.loads(x) for x in (ROOT / "samples" / "news.jsonl").read_text().splitlines() if x.strip()]
    path = Path(tmp) / "corpus.jsonl"
    with path.open("w") as fh:
        for i in range(n_docs):
            item = items[i % len(items)]
            fh.write(json.dumps({**item, "id": f"{item['id']}-{i}"}) + "\n")
    return path


def bench_ingest(url, path, coder):
    store = Store(url)
    start = time.perf_counter()
    report = ingest([str(path)], store, coder, batch_size=64)
    total = time.perf_counter() - start
    # the store's share: write the same coded documents again (replacing them)
    docs = list(coder.pipe(__import__("tacitus.ingest.readers", fromlist=["Reader"]).Reader().read([str(path)])))
    start = time.perf_counter()
    for i in range(0, len(docs), 64):
        store.write_batch(docs[i:i + 64], coder.versions)
    write = time.perf_counter() - start
    store.close()
    return {"documents": report.coded, "events": report.events, "ingest_s": round(total, 2),
            "docs_per_s": round(report.coded / total, 1), "events_per_s": round(report.events / total, 1),
            "store_write_s": round(write, 2), "store_events_per_s": round(report.events / write, 1)}


def synthetic_events(n, seed=3):
    import pyarrow as pa
    rng = random.Random(seed)
    countries = ["CHN", "RUS", "USA", "IND", "JPN", "DEU", "FRA", "GBR", "BRA", "TUR", "IRN", "ISR", "PSE", "UKR",
                 "PAK", "KOR", "PRK", "SAU", "EGY", "SYR"] + [f"X{i:02d}" for i in range(40)]
    codes = [("040", 1.0, 1), ("057", 8.0, 1), ("036", 4.0, 1), ("061", 6.4, 2), ("073", 7.4, 2), ("111", -2.0, 3),
             ("112", -2.0, 3), ("130", -4.4, 3), ("173", -5.0, 4), ("190", -10.0, 4), ("195", -10.0, 4)]
    start = date(2015, 1, 1)
    cols = {c: [] for c in EVENT_FIELDS}
    for i in range(n):
        s, t = rng.sample(countries, 2)
        code, g, q = rng.choice(codes)
        day = start + timedelta(days=rng.randrange(3650))
        row = dict.fromkeys(EVENT_FIELDS)
        row.update(event_id=f"syn-{i}", doc_id=f"doc-{i // 10}", sentence_idx=i % 10, event_date=day,
                   date_text=day.isoformat(), date_precision="day", source_code=s + "GOV", source_country=s,
                   target_code=t + "GOV", target_country=t, cameo=code, cameo_root=code[:2], goldstein=g,
                   quad_class=q, status="occurred", plover_type="CONSULT")
        for c in EVENT_FIELDS:
            cols[c].append(row[c])
    types = {"sentence_idx": pa.int64(), "quad_class": pa.int64(), "goldstein": pa.float64(), "event_date": pa.date32()}
    return pa.table({c: pa.array(v, type=types.get(c, pa.string())) for c, v in cols.items()})


def bench_query(url, table, label):
    store = Store(url)
    start = time.perf_counter()
    if store.db.kind == "duckdb":
        store.db.con.register("_syn", table)
        store.db.execute(f"INSERT INTO events SELECT * FROM _syn")
        store.db.con.unregister("_syn")
    else:
        rows = table.to_pylist()
        store.db.insert("events", EVENT_FIELDS, [[r[c] for c in EVENT_FIELDS] for r in rows])
    load = time.perf_counter() - start
    store.db.execute("ANALYZE") if store.db.kind == "postgresql" else None
    times = []
    for _ in range(5):
        start = time.perf_counter()
        _, rows = store.db.query(DYAD_BY_MONTH, ["CHN", "RUS", "RUS", "CHN"])
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    _, all_rows = store.db.query(ALL_DYADS_BY_MONTH)
    every = time.perf_counter() - start
    store.close()
    return {"store": label, "events": table.num_rows, "load_s": round(load, 2),
            "dyad_by_month_ms_median": round(sorted(times)[2] * 1000, 1), "dyad_months": len(rows),
            "all_dyads_by_month_s": round(every, 2), "all_dyad_months": len(all_rows)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    from tacitus.pipeline import Coder
    coder = Coder()
    results = {"ingest": [], "query": []}
    pg = None
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus(tmp, args.docs)
        urls = [("duckdb", str(Path(tmp) / "ingest.duckdb"))]
        if not args.no_postgres:
            from pgserver import ThrowawayPostgres
            pg = ThrowawayPostgres()
            if pg.available():
                urls.append(("postgresql", pg.start()))
            else:
                pg = None
        for label, url in urls:
            r = bench_ingest(url, path, coder)
            r["store"] = label
            results["ingest"].append(r)
            print(json.dumps(r), flush=True)
        table = synthetic_events(args.events)
        q_urls = [("duckdb", str(Path(tmp) / "query.duckdb"))]
        if pg is not None:
            import psycopg
            with psycopg.connect(urls[1][1], autocommit=True) as con:
                con.execute("CREATE DATABASE bench_query")
            q_urls.append(("postgresql", urls[1][1].rsplit("/", 1)[0] + "/bench_query"))
        for label, url in q_urls:
            r = bench_query(url, table, label)
            results["query"].append(r)
            print(json.dumps(r), flush=True)
        if pg is not None:
            pg.stop()
    out = ROOT / "bench" / "out" / "store.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
