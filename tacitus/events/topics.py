"""Topics an event is about, from keywords in its sentence (data/topics.tsv)."""
from __future__ import annotations

import re

from ..datafiles import read_tsv, split_list


_WORD = re.compile(r"\w+")


class Topics:
    def __init__(self):
        self.rules = []
        for _, row in read_tsv("topics.tsv", ("topic", "keywords"), key="topic"):
            words = sorted(split_list(row["keywords"]), key=len, reverse=True)
            rx = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
            # A keyword that begins with a word character can only match (between word boundaries)
            # where a whole word of the text is its first word: a set test spares most searches.
            firsts = {_WORD.match(w).group() for w in words} if all(_WORD.match(w) for w in words) else None
            self.rules.append((row["topic"], rx, firsts))

    def __call__(self, text: str) -> list:
        """The topics of a text, in the order of topics.tsv (the coder asks once per sentence)."""
        low = text.lower()
        words = set(_WORD.findall(low))
        return [topic for topic, rx, firsts in self.rules
                if (firsts is None or not words.isdisjoint(firsts)) and rx.search(low)]
