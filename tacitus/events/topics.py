"""Topics an event is about, from keywords in its sentence (data/topics.tsv)."""
from __future__ import annotations

import re

from ..datafiles import read_tsv, split_list


class Topics:
    def __init__(self):
        self.rules = []
        self._last = (None, [])
        for _, row in read_tsv("topics.tsv", ("topic", "keywords"), key="topic"):
            words = sorted(split_list(row["keywords"]), key=len, reverse=True)
            rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
            self.rules.append((row["topic"], rx))

    def __call__(self, text: str) -> list:
        # every event of a sentence asks about the same text: answer the last one from memory
        if text != self._last[0]:
            low = text.lower()
            self._last = (text, [topic for topic, rx in self.rules if rx.search(low)])
        return list(self._last[1])
