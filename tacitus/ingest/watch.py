"""Polling feeds (`tacitus watch`): each poll fetches every feed and codes its new items only.

The seen set is the store itself, so a restarted watch (another process, the next day, a cron job
of `--once`) sees what the last one stored: an item is seen when a document with its id is stored
with the same content hash (coded, or stored uncoded for its language; a failed one is tried
again), or when a stored document already has its content hash under another id (the feed issued
it again under a new guid). An item whose id is stored with other content (the feed corrected it)
is coded again and replaces it. Items go to the job runner (ingest/load.py), which stores them a
batch per transaction.

A poll names each feed in one line ("poll 3: feed URL: 2 new, 5 seen"); a feed that cannot be
fetched or read is one line and the other feeds go on, and is fetched again at the next poll. An
item that cannot be read is named once per process, not stored (it would be "new" at every poll).
`stop` (a threading.Event, set by the CLI on Ctrl-C) ends the watch cleanly: no further item is
taken, the items taken are coded and stored, and the rest are new at the next run.
"""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field

from ..model import Document
from ..store.rows import content_hash
from .fields import Problem, one_line
from .load import run_job
from .remote import is_url, url_items

__all__ = ["FeedPoll", "Watcher"]


@dataclass
class FeedPoll:
    """What one poll of one feed did."""
    feed: str
    new: int = 0  # items stored for the first time, or again because their content changed
    updated: int = 0  # of `new`: ids stored before with other content
    seen: int = 0
    left: int = 0  # new items not taken (not in `new`) because the watch was stopped: new at the next run
    coded: int = 0
    events: int = 0
    failed: int = 0  # items stored as failed (tried again at the next poll)
    languages: dict = field(default_factory=dict)  # items stored uncoded for their language
    error: str | None = None  # the feed could not be fetched or read

    def line(self, poll: int) -> str:
        head = f"poll {poll}: feed {self.feed}: "
        if self.error:
            return head + self.error
        parts = [f"{self.new} new" + (f" ({self.updated} updated)" if self.updated else ""), f"{self.seen} seen"]
        if self.new:
            parts.append(f"{self.coded} coded, {self.events} events")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.languages:
            parts.append(f"{sum(self.languages.values())} skipped for their language ("
                         + ", ".join(f"{k} {v}" for k, v in sorted(self.languages.items())) + ")")
        if self.left:
            parts.append(f"{self.left} left for the next run (stopped)")
        return head + ", ".join(parts)


class Watcher:
    """Polls `feeds` (URLs) into `store`, reading them with `reader` (a Reader: size limit, default
    date, timeout, fetch_pages). In one process (`workers` 0 or 1) the coder is loaded once, at the
    first new item; with more, each poll with new items starts its own pool."""

    def __init__(self, feeds, store, reader, *, coder=None, workers=1, model=None, batch_size=16,
                 say=None, stop=None):
        self.feeds, self.store, self.reader = list(feeds), store, reader
        self.coder, self.workers, self.model, self.batch_size = coder, workers, model, batch_size
        self.say = say or (lambda line: print(f"tacitus: {line}", file=sys.stderr, flush=True))
        self.stop = stop or threading.Event()
        self.polls = 0
        self.totals = {"new": 0, "seen": 0, "failed fetches": 0}
        self._named = set()  # item problems already named (once per process)

    def run(self, every: float, once: bool = False):
        """Poll now, then every `every` seconds until `stop` is set (or once)."""
        while not self.stop.is_set():
            self.poll()
            if once or self.stop.wait(every):
                break

    def poll(self) -> list[FeedPoll]:
        self.polls += 1
        results = []
        for url in self.feeds:
            if self.stop.is_set():
                break
            result = self._poll_feed(url)
            results.append(result)
            self.say(result.line(self.polls))
            self.totals["new"] += result.new
            self.totals["seen"] += result.seen
            self.totals["failed fetches"] += result.error is not None
        return results

    def _poll_feed(self, url) -> FeedPoll:
        where = one_line(url)
        result = FeedPoll(where)
        docs, errors, warnings = {}, [], []
        items = url_items(self.reader, url) if is_url(url) else self.reader.read([url])  # a feed file too
        for item in items:
            if isinstance(item, Document):
                docs[item.id] = item  # the same id twice in a feed: the later one, as ingest keeps
            elif item.where == where:
                (warnings if item.kind == "warning" else errors).append(item)
            else:
                self._name_once(url, item)
        if errors:  # malformed XML: "feed read despite an error: ...; feed with no items"
            result.error = "; ".join(p.message for p in warnings + errors)
        else:
            for warning in warnings:
                self._name_once(url, warning)
        todo = self._unseen(list(docs.values()), result)
        if not todo or self.stop.is_set():
            result.left, result.new = len(todo), 0
            return result
        taken = [0]
        report = run_job(self._until_stopped(todo, taken), self.store, self._coder(), workers=self.workers,
                         model=self.model, batch_size=self.batch_size)
        result.left = len(todo) - taken[0]
        result.new -= result.left
        result.coded, result.events, result.failed = report.coded, report.events, report.failed
        result.languages = dict(report.languages)
        for line in report.problems:
            if not line.startswith("skipped: ") or "language:" not in line:
                self.say(f"poll {self.polls}: feed {where}: {line.replace(f' {where}:', ' ', 1)}")
        return result

    def _unseen(self, docs, result: FeedPoll):
        """The documents not seen before (see the module's note), counting seen and new in `result`."""
        hashes = {d.id: content_hash(d) for d in docs}
        stored = self.store.stored_versions(list(hashes))
        elsewhere = self.store.stored_hashes({h for i, h in hashes.items() if i not in stored})
        todo, this_poll = [], set()
        for d in docs:
            h, old = hashes[d.id], stored.get(d.id)
            if (old and old[0] == h and old[2] != "failed") or (not old and (h in elsewhere or h in this_poll)):
                result.seen += 1
                continue
            this_poll.add(h)
            result.new += 1
            result.updated += bool(old and old[0] != h)
            todo.append(d)
        return todo

    def _until_stopped(self, docs, taken):
        for d in docs:
            if self.stop.is_set():
                return
            taken[0] += 1
            yield d

    def _coder(self):
        if self.workers > 1:
            return None
        if self.coder is None:
            from ..pipeline import Coder
            self.coder = Coder(self.model)
        return self.coder

    def _name_once(self, url, problem: Problem):
        place = problem.where.removeprefix(f"{one_line(url)}:")
        line = f"{problem.kind}: " + (f"{place}: " if place != problem.where else "") + problem.message
        if line not in self._named:
            self._named.add(line)
            self.say(f"poll {self.polls}: feed {one_line(url)}: {line}")
