"""A small progress line on stderr (no dependency): documents, sentences and events per second."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool, stream=None, every=0.5):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.every = every
        self.started = time.perf_counter()
        self.last = 0.0
        self.docs = self.sentences = self.events = 0

    def update(self, doc):
        self.docs += 1
        self.sentences += len(doc.sentences)
        self.events += len(doc.events)
        now = time.perf_counter()
        if self.enabled and now - self.last >= self.every:
            self.last = now
            self._draw(now)

    def _draw(self, now):
        rate = self.sentences / max(now - self.started, 1e-9)
        self.stream.write(f"\r{self.docs:,} documents, {self.sentences:,} sentences, {self.events:,} events "
                          f"({rate:,.0f} sentences/s)")
        self.stream.flush()

    def close(self):
        if self.enabled:
            self._draw(time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()
