#!/usr/bin/env python3
"""Benchmark the HTTP API: /api/series for one dyad by month over 1,000,000 stored events.

    python bench/bench_api.py [--events 1000000]

The request goes through the whole stack (routing, validation, the store's SQL aggregate, JSON),
in-process with FastAPI's test client; timings are the median of 7 requests after one warm-up.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import synthetic_events  # noqa: E402
from tacitus.store import Store  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    args = ap.parse_args()
    from fastapi.testclient import TestClient
    from tacitus.web import create_app
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.duckdb")
        store = Store(db)
        store.db.con.register("_syn", synthetic_events(args.events))
        store.db.execute("INSERT INTO events SELECT * FROM _syn")
        store.close()
        results = {}
        with TestClient(create_app(db)) as client:
            for path in ("/api/series?a=CHN&b=RUS&by=month", "/api/series?a=CHN&by=month",
                         "/api/partners?actor=CHN", "/api/network?since=2020-01-01&until=2020-12-31&min_events=5",
                         "/api/events?dyad=CHN,RUS&limit=50"):
                client.get(path)
                times = []
                for _ in range(7):
                    start = time.perf_counter()
                    r = client.get(path)
                    times.append(time.perf_counter() - start)
                    assert r.status_code == 200, r.text
                results[path] = round(statistics.median(times) * 1000, 1)
                print(f"{path}: {results[path]} ms", flush=True)
    out = ROOT / "bench" / "out" / "api.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"events": args.events, "median_ms": results}, indent=1))


if __name__ == "__main__":
    main()
