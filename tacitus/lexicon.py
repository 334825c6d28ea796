"""The coder's word classes (data/lexicon.tsv): speech verbs, control verbs, framing nouns, ...

Each class is one row: its name, its words, a note saying what the coder does with it and why, and
an example sentence of the rule it serves. Words are lowercase; "_" stands for the space inside a
phrase ("prime_minister"), and abbreviations keep their inner dots ("u.s"). Stages read a class by name through `Lexicon`; the file
is validated when it loads, with errors that name file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafiles import read_tsv
from .errors import DataFileError

COLUMNS = ("class", "words", "note", "example")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
# lowercase words; apostrophes for contractions ("'ll", "wo"), hyphens for compounds, dots inside
# abbreviations ("u.s"), "_" for the space of a phrase ("prime_minister" is "prime minister"), and
# CAMEO code prefixes written as digits ("054")
_WORD = re.compile(r"[a-z'][a-z'.\-_]*|[0-9]{2,4}")


@dataclass(frozen=True)
class WordClass:
    name: str
    words: frozenset
    note: str
    example: str
    where: str  # file:line, for messages

    def __contains__(self, word):
        return word in self.words

    def __iter__(self):
        return iter(self.words)


class Lexicon:
    """`Lexicon()["speech_words"]` is that class's frozenset of words; an unknown class raises KeyError."""

    def __init__(self, path: Path | None = None):
        self.classes: dict[str, WordClass] = {}
        for n, row in read_tsv("lexicon.tsv", COLUMNS, key="class", path=path):
            where = f"lexicon.tsv:{n}"
            self.classes[row["class"]] = self._word_class(row, where)

    @staticmethod
    def _word_class(row, where) -> WordClass:
        name = row["class"]
        if not _NAME.fullmatch(name):
            raise DataFileError(f"class name {name!r} must be lower_snake_case", where=where)
        words = row["words"].split()
        if not words:
            raise DataFileError(f"class {name!r} has no words", where=where)
        for word in words:
            if not _WORD.fullmatch(word):
                raise DataFileError(f"class {name!r}: {word!r} is not a lowercase word", where=where)
        dupes = sorted({w for w in words if words.count(w) > 1})
        if dupes:
            raise DataFileError(f"class {name!r} lists {dupes} twice", where=where)
        if not row["note"]:
            raise DataFileError(f"class {name!r} has no note saying what it is for", where=where)
        return WordClass(name, frozenset(w.replace("_", " ") for w in words), row["note"], row["example"], where)

    def __getitem__(self, name: str) -> frozenset:
        return self.entry(name).words

    def entry(self, name: str) -> WordClass:
        try:
            return self.classes[name]
        except KeyError:
            raise KeyError(f"no word class {name!r} in lexicon.tsv") from None

    def __contains__(self, name: str) -> bool:
        return name in self.classes

    def __iter__(self):
        return iter(self.classes.values())
