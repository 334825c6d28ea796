"""The coder's stages and the typed working state they read and write.

A stage is a small object with a `name`, a `level` (what one call works on: the whole batch, one
document, or one sentence of a document, read in order), and the fields of the working state it
`requires` and `assigns`, named "document.FIELD" or "sentence.FIELD" after the dataclasses below.
`check_stages` checks the chain once, when the coder loads, in the spirit of spaCy's
`requires`/`assigns` and `analyze_pipes`: every field a stage reads was assigned by an earlier
stage (or is given with the input), no two stages assign the same field, and every name is a field
that exists. A stage writes only the fields it assigns; tests/test_stages.py checks that on real
documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, ClassVar

from .errors import StageError

LEVELS = ("batch", "document", "sentence")


@dataclass
class SentenceState:
    """One sentence of a document as the stages build it up."""

    sentence: Any  # model.Sentence: index, offsets and text
    tokens: Any = None  # spaCy Doc from the tokenizer alone (every sentence)
    words: list = field(default_factory=list)  # token texts
    matches: list = field(default_factory=list)  # dictionary matches over `words`
    candidate: bool = False  # may hold an event: goes on to the parser
    parsed: Any = None  # spaCy Doc, tagged and parsed (candidates only)
    actors: Any = None  # actors.recognize.SentenceActors
    mentioned: list = field(default_factory=list)  # dictionary actors named, for the document context
    speaker: Any = None  # who speaks for what follows, when this sentence names a speaker
    triggers: list = field(default_factory=list)  # pattern matches on trigger words
    framed: list = field(default_factory=list)  # triggers with their frame and status
    found: list = field(default_factory=list)  # coded triggers with their argument tokens
    events: list = field(default_factory=list)  # model.Event records of this sentence


@dataclass
class DocumentState:
    """One document as the stages build it up; `sentences` are read in order."""

    document: Any  # model.Document: id, text, published, dateline
    day: date | None = None  # the publication day, the base for relative dates
    context: Any = None  # actors.context.DocumentContext, updated sentence by sentence
    sentences: list = field(default_factory=list)  # SentenceState, in order
    events: list = field(default_factory=list)  # the document's events, after document-level rules


# What the input gives before any stage runs.
GIVEN = frozenset({"document.document", "document.day", "sentence.sentence"})
STATE_FIELDS = frozenset({f"document.{f.name}" for f in fields(DocumentState)}
                         | {f"sentence.{f.name}" for f in fields(SentenceState)})


class Stage:
    """Base of every stage. Subclasses set the four class attributes and implement `__call__`:
    a batch stage takes a list of DocumentState, a document stage one DocumentState, a sentence
    stage a DocumentState and one of its SentenceStates."""

    name: ClassVar[str] = ""
    level: ClassVar[str] = "sentence"
    requires: ClassVar[tuple] = ()
    assigns: ClassVar[tuple] = ()

    def __call__(self, *state):  # pragma: no cover - the contract, implemented by each stage
        raise NotImplementedError


def check_stages(stages) -> None:
    """Raise StageError unless each stage's requirements are met by the stages before it."""
    assigned = set(GIVEN)
    names = set()
    for stage in stages:
        label = f"stage {stage.name!r}"
        if not stage.name or stage.name in names:
            raise StageError(f"{label}: every stage needs a unique name")
        names.add(stage.name)
        if stage.level not in LEVELS:
            raise StageError(f"{label}: level must be one of {LEVELS}, not {stage.level!r}")
        for name in (*stage.requires, *stage.assigns):
            if name not in STATE_FIELDS:
                raise StageError(f"{label}: {name!r} is no field of the working state")
        missing = [r for r in stage.requires if r not in assigned]
        if missing:
            raise StageError(f"{label} requires {missing}, which no earlier stage assigns")
        twice = [a for a in stage.assigns if a in assigned]
        if twice:
            raise StageError(f"{label} assigns {twice}, already assigned before it")
        assigned.update(stage.assigns)


def describe(stages) -> list[dict]:
    """The chain as data, for `tacitus stages` and docs/architecture.md."""
    return [{"name": s.name, "level": s.level, "requires": list(s.requires), "assigns": list(s.assigns),
             "doc": (type(s).__doc__ or "").strip().splitlines()[0] if type(s).__doc__ else ""} for s in stages]
