"""tacitus watch: a local server's feed that grows between polls, fails once (500) and returns
malformed XML once; new items only are coded, the store is the seen set across restarts, and
Ctrl-C stops cleanly. Feeds of our own writing."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from feedserver import FeedServer, Response

from tacitus.cli.watch import duration
from tacitus.ingest.readers import Reader
from tacitus.ingest.watch import Watcher
from tacitus.store import Store

ROOT = Path(__file__).resolve().parent.parent

ITEMS = [
    ("bw-1", "Ministers meet in Lima", "The foreign ministers of Chile and Peru met in Lima on Monday to discuss trade."),
    ("bw-2", "Accord on quotas", "Iceland and Norway signed an agreement on fishing quotas in Reykjavik on Monday."),
    ("bw-3", "Envoy recalled", "Ghana recalled its ambassador to Togo on Tuesday after a dispute over the border."),
    ("bw-4", "边境会谈", "越南和老挝的官员星期二在河内举行了边境会谈，并签署了一项合作协议。"),
    ("bw-5", "Talks resume", "Delegations from Serbia and Kosovo resumed talks in Brussels on Wednesday."),
]
MALFORMED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Border Wire</ti<item>>'


def rss(items, title="Border Wire"):
    body = "".join(f"<item><guid>{guid}</guid><title>{head}</title><pubDate>Mon, 07 Apr 2025 09:00:00 GMT</pubDate>"
                   f"<description>{text}</description></item>" for guid, head, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://wire.example/</link>{body}</channel></rss>")


def watcher(db, feeds, coder, lines, **kw):
    store = Store(str(db))
    return store, Watcher(feeds, store, Reader(timeout=5), coder=coder, say=lines.append, **kw)


def test_periods_take_seconds_minutes_and_hours():
    assert [duration(v) for v in ("30s", "15m", "1h", "1h30m", "90", "0.5s")] == [30, 900, 3600, 5400, 90, 0.5]
    for bad in ("", "soon", "0s", "15x", "1h 30", "-5m"):
        with pytest.raises(argparse.ArgumentTypeError):
            duration(bad)


def test_a_growing_feed_that_fails_once_and_is_malformed_once_codes_new_items_only(tmp_path, coder):
    db = tmp_path / "w.duckdb"
    with FeedServer({"/wire.rss": [Response(rss(ITEMS[:2])), Response("down", 500, "text/plain"),
                                   Response(MALFORMED), Response(rss(ITEMS[:2] + ITEMS[3:]))],
                     "/other.rss": [Response(rss([ITEMS[2]], title="Other Wire"))]}) as server:
        wire, other = server.url("/wire.rss"), server.url("/other.rss")
        lines = []
        store, w = watcher(db, [wire, other], coder, lines)
        with store:
            polls = [w.poll() for _ in range(4)]
            docs = {d["id"]: d for d in store.documents(limit=50)}
    assert [p[0].new for p in polls] == [2, 0, 0, 2] and [p[0].seen for p in polls] == [0, 0, 0, 2]
    assert [p[1].new for p in polls] == [1, 0, 0, 0]  # the other feed goes on while this one fails
    assert lines[0].startswith(f"poll 1: feed {wire}: 2 new, 0 seen, 2 coded, ")
    assert lines[1].startswith(f"poll 1: feed {other}: 1 new, 0 seen, 1 coded, ")
    assert lines[2] == f"poll 2: feed {wire}: cannot fetch: HTTP 500 Internal Server Error"
    assert lines[3] == f"poll 2: feed {other}: 0 new, 1 seen"
    assert lines[4].startswith(f"poll 3: feed {wire}: feed read despite an error: SAXParseException")
    assert lines[4].endswith("; feed with no items") and "\n" not in lines[4]
    assert lines[6] == (f"poll 4: feed {wire}: 2 new, 2 seen, 1 coded, {polls[3][0].events} events, "
                        "1 skipped for their language (zh 1)")
    assert len(lines) == 8  # one line per feed and poll: the language skip is in the count, not a line
    assert {i: docs[i]["status"] for i in docs} == {"bw-1": "coded", "bw-2": "coded", "bw-3": "coded",
                                                     "bw-4": "skipped", "bw-5": "coded"}
    assert w.totals == {"new": 5, "seen": 5, "failed fetches": 2}


def test_a_restarted_watch_sees_what_the_last_one_stored(store_url, coder):
    db = store_url  # DuckDB and PostgreSQL
    with FeedServer({"/wire.rss": [Response(rss(ITEMS))]}) as server:
        url = server.url("/wire.rss")
        lines = []
        store, w = watcher(db, [url], coder, lines)
        with store:
            (first,) = w.poll()
        assert (first.new, first.seen) == (5, 0)
        store, w = watcher(db, [url], coder, lines)  # another watch, a fresh connection
        with store:
            (again,) = w.poll()
        assert (again.new, again.seen) == (0, 5)
        run = subprocess.run([sys.executable, "-m", "tacitus", "watch", url, "--once", "--db", str(db)],
                             capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"tacitus: poll 1: feed {url}: 0 new, 5 seen\n" in run.stderr
    assert run.stderr.rstrip().splitlines()[-1].startswith("tacitus: watch done after 1 poll: 0 new, 5 seen, 0 failed")


def test_an_item_reissued_under_a_new_id_is_seen_and_a_corrected_one_is_coded_again(store_url, coder):
    db = store_url  # DuckDB and PostgreSQL
    guid, head, text = ITEMS[0]
    corrected = text.replace("on Monday", "on Tuesday")
    with FeedServer({"/wire.rss": [Response(rss([ITEMS[0]])), Response(rss([("bw-1-again", head, text)])),
                                   Response(rss([(guid, head, corrected)]))]}) as server:
        lines = []
        store, w = watcher(db, [server.url("/wire.rss")], coder, lines)
        with store:
            counts = [(p.new, p.updated, p.seen) for (p,) in (w.poll(), w.poll(), w.poll())]
            stored = store.document(guid)
            assert store.document("bw-1-again") is None
    assert counts == [(1, 0, 0), (0, 0, 1), (1, 1, 0)]
    assert "1 new (1 updated), 0 seen" in lines[2]
    assert stored["text"] == corrected


def test_an_item_that_cannot_be_read_is_named_once_and_not_stored(tmp_path, coder):
    db = tmp_path / "w.duckdb"
    feed = rss([ITEMS[0]]).replace("</channel>", "<item><guid>bw-empty</guid><title>Gallery</title></item></channel>")
    with FeedServer({"/wire.rss": [Response(feed)]}) as server:
        url = server.url("/wire.rss")
        lines = []
        store, w = watcher(db, [url], coder, lines)
        with store:
            w.poll()
            w.poll()
            assert store.document("bw-empty") is None
    named = [line for line in lines if "bw-empty" in line]
    assert named == [f"poll 1: feed {url}: skipped: item 2: item 'bw-empty' has no content or summary"]
    assert lines[-1] == f"poll 2: feed {url}: 0 new, 1 seen"


def test_stop_ends_the_watch_between_polls_and_leaves_untaken_items_for_the_next_run(tmp_path, coder):
    db = tmp_path / "w.duckdb"
    with FeedServer({"/wire.rss": [Response(rss(ITEMS[:3]))]}) as server:
        lines, stop = [], threading.Event()
        store, w = watcher(db, [server.url("/wire.rss")], coder, lines, stop=stop, batch_size=1)
        real = w._until_stopped

        def stop_after_first(docs, taken):
            for d in real(docs, taken):
                yield d
                stop.set()  # Ctrl-C while the first item is being coded

        w._until_stopped = stop_after_first
        with store:
            started = time.monotonic()
            w.run(every=60)
            assert time.monotonic() - started < 60  # no wait for the next poll
            assert [d["id"] for d in store.documents()] == ["bw-1"]
    assert lines == [f"poll 1: feed {server.url('/wire.rss')}: 1 new, 0 seen, 1 coded, "
                     f"{lines[0].split(', ')[3]}, 2 left for the next run (stopped)"]


def test_ctrl_c_stops_a_watch_process_cleanly_with_a_final_line(tmp_path):
    db = tmp_path / "w.duckdb"
    with FeedServer({"/wire.rss": [Response(rss(ITEMS[:2]))]}) as server:
        url = server.url("/wire.rss")
        proc = subprocess.Popen([sys.executable, "-m", "tacitus", "watch", url, "--every", "1s", "--db", str(db)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            seen = []
            for line in proc.stderr:  # wait for the second poll: the first one coded both items
                seen.append(line)
                if line.startswith("tacitus: poll 2:"):
                    break
            proc.send_signal(signal.SIGINT)
            _, rest = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
    lines = [*seen, *rest.splitlines(keepends=True)]
    assert proc.returncode == 0, "".join(lines)
    assert lines[0].startswith(f"tacitus: poll 1: feed {url}: 2 new, 0 seen, 2 coded")
    assert lines[1] == f"tacitus: poll 2: feed {url}: 0 new, 2 seen\n"
    assert any(line.startswith("tacitus: stopping:") for line in lines)
    assert lines[-1].startswith("tacitus: watch stopped after ") and "2 new" in lines[-1]
    with Store(str(db), read_only=True) as store:
        assert {d["id"] for d in store.documents()} == {"bw-1", "bw-2"}
