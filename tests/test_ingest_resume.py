"""An ingest killed with SIGKILL mid-way, then run again, stores every document exactly once."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _corpus(path, copies=8):
    items = [json.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_text().splitlines() if line.strip()]
    with path.open("w") as fh:
        for k in range(copies):
            for item in items:
                fh.write(json.dumps({**item, "id": f"{item['id']}-{k}"}) + "\n")
    return len(items) * copies


def _children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def _ingest(corpus, db, workers=1):
    return [sys.executable, "-m", "tacitus", "ingest", str(corpus), "--db", str(db), "--batch-size", "8", "--progress",
            "--workers", str(workers)]


@pytest.mark.parametrize("workers", [1, 2])
def test_killed_ingest_resumes_with_every_document_once(tmp_path, workers):
    corpus = tmp_path / "corpus.jsonl"
    n = _corpus(corpus)
    db = tmp_path / "events.duckdb"
    proc = subprocess.Popen(_ingest(corpus, db, workers), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, cwd=ROOT)
    seen = []

    def read():
        while True:
            chunk = proc.stderr.read(64)
            if not chunk:
                return
            seen.append(chunk.decode(errors="replace"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        text = "".join(seen)
        last = text.rsplit("\r", 1)[-1]
        if " coded," in last and int(last.split(" coded,")[0].strip().replace(",", "") or 0) >= 40:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    children = _children(proc.pid)
    assert len(children) >= (workers if workers > 1 else 0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # the coding processes notice their parent is gone and end themselves
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(c) for c in children):
        time.sleep(0.2)
    assert not [c for c in children if _alive(c)]
    con = duckdb.connect(str(db), read_only=True)
    partial = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    con.close()
    assert 0 < partial < n  # killed mid-way, with whole batches committed
    rerun = subprocess.run(_ingest(corpus, db, workers), capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stderr
    con = duckdb.connect(str(db), read_only=True)
    docs, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone()
    events_per_doc = con.execute("SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id "
                                 "WHERE d.n_events IS NOT NULL").fetchone()[0]
    expected_events = con.execute("SELECT SUM(n_events) FROM documents").fetchone()[0]
    dup_events = con.execute("SELECT COUNT(*) - COUNT(DISTINCT event_id) FROM events").fetchone()[0]
    con.close()
    assert docs == distinct == n
    assert events_per_doc == expected_events and dup_events == 0
    # and a third run adds nothing
    third = subprocess.run(_ingest(corpus, db), capture_output=True, text=True, cwd=ROOT)
    assert f"0 coded, {n} already stored" in third.stderr
