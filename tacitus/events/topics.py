"""Topics an event is about, from keywords in its sentence (data/topics.tsv)."""
from __future__ import annotations

import re

from ..datafiles import read_tsv, split_list


class Topics:
    def __init__(self):
        self.rules = []
        for _, row in read_tsv("topics.tsv", ("topic", "keywords"), key="topic"):
            words = sorted(split_list(row["keywords"]), key=len, reverse=True)
            rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
            self.rules.append((row["topic"], rx))

    def __call__(self, text: str) -> list:
        """The topics of a text, in the order of topics.tsv (the coder asks once per sentence)."""
        low = text.lower()
        return [topic for topic, rx in self.rules if rx.search(low)]
