"""tacitus watch: poll feeds and code their new items into the store, until Ctrl-C."""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import threading

from ..ingest.readers import DEFAULT_MAX_BYTES
from .common import add_db, add_fetching, add_model, add_published, add_workers, count, published_date

HELP = "Poll RSS or Atom feeds and code their new items into the database, until Ctrl-C."
EXAMPLE = """examples:
  tacitus watch https://mfa.example/press.rss https://news.example/world.atom --every 15m --db events.duckdb
  tacitus watch https://mfa.example/press.rss --once --db events.duckdb      # one poll, as from cron
  tacitus watch https://news.example/world.rss --every 1h --fetch-pages --db postgresql://localhost/tacitus

Each poll fetches every feed and codes only the items not stored before: the database is the
seen set (an item is seen when its id is stored with the same text, title and date, or its
content is stored under another id), so a restarted watch codes nothing twice; an item the feed
corrected is coded again. One line per feed and poll ("poll 3: feed URL: 2 new, 5 seen, 2 coded,
3 events"), one line per feed that cannot be fetched or read (it is fetched again at the next
poll, the other feeds go on), and each item that cannot be read is named once. Ctrl-C (or
SIGTERM) stops cleanly: the items taken are coded and stored, the rest are new at the next run,
and the last line sums up; a second Ctrl-C abandons the batch being coded (nothing stored is lost).
--every takes 30s, 15m, 1h or 1h30m (a bare number is seconds).
exit status: 0 stopped by Ctrl-C or SIGTERM, or --once with every feed read; 1 --once and some feed
could not be fetched or read; 2 nothing could run (bad arguments, model or database missing);
3 internal error (a bug in tacitus)."""

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(value):
    """Seconds from '30s', '15m', '1h', '1h30m' or '90' (an argparse type)."""
    text = value.strip().lower()
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd]?)", text)
    if not parts or re.sub(r"(\d+(?:\.\d+)?)\s*([smhd]?)", "", text).strip() or \
            (len(parts) > 1 and any(not unit for _, unit in parts)):
        raise argparse.ArgumentTypeError(f"{value!r} is not a period: give 30s, 15m, 1h or 1h30m")
    seconds = sum(float(n) * _UNITS[unit or "s"] for n, unit in parts)
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is no time at all: give 30s, 15m or 1h")
    return seconds


def add_arguments(p):
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (http or https, RSS or Atom), or feed files")
    add_db(p)
    p.add_argument("--every", type=duration, default=duration("15m"), metavar="PERIOD",
                   help="time between polls: 30s, 15m, 1h (default: 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit (for cron and tests)")
    add_fetching(p)
    add_published(p)
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest item accepted")
    p.add_argument("--batch-size", type=count, default=16, help="items per transaction (default: 16)")
    add_model(p)
    add_workers(p, "coding processes (default 0: one, loading the model once, unless a poll brings many "
                   "items; N starts a pool of N for each poll with new items)")


def run(args):
    from ..ingest.readers import Reader
    from ..ingest.watch import Watcher
    from ..store import Store

    reader = Reader(max_bytes=args.max_bytes, published=published_date(args), fetch_pages=args.fetch_pages,
                    timeout=args.timeout)
    stop, me = threading.Event(), os.getpid()

    def on_signal(signum, frame):
        if os.getpid() != me:  # a forked coding process (--workers N): the watch itself stops
            return
        if stop.is_set():  # the second time: abandon the batch being coded
            raise KeyboardInterrupt
        stop.set()
        print("tacitus: stopping: finishing the items taken (Ctrl-C again to abandon them)", file=sys.stderr,
              flush=True)

    handlers = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    abandoned = False
    try:
        with Store(args.db) as store:
            watcher = Watcher(args.feeds, store, reader, workers=args.workers, model=args.model,
                              batch_size=max(args.batch_size, 1), stop=stop)
            try:
                watcher.run(args.every, once=args.once)
            except KeyboardInterrupt:
                abandoned = True
    finally:
        for s, handler in handlers.items():
            signal.signal(s, handler)
        reader.fetcher.close()
    t = watcher.totals
    how = ("stopped; the batch being coded was abandoned and is new at the next run" if abandoned
           else "stopped" if stop.is_set() else "done")
    print(f"tacitus: watch {how} after {watcher.polls} poll{'s' * (watcher.polls != 1)}: {t['new']} new, "
          f"{t['seen']} seen, {t['failed fetches']} failed fetch{'es' * (t['failed fetches'] != 1)}; "
          f"everything coded is stored in {store.url}", file=sys.stderr, flush=True)
    return 1 if args.once and not stop.is_set() and t["failed fetches"] else 0
