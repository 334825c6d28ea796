"""The coder's stages and the typed working state they read and write.

A stage is a small object with a `name`, a `level` (what one call works on: the whole batch, one
document, or one sentence of a document, read in order), and the fields of the working state it
`requires`, `assigns` and `updates`, named "document.FIELD" or "sentence.FIELD" after the
dataclasses below. `assigns` are the fields a stage sets; `updates` the fields an earlier stage set
that this one changes in place through their own methods (the document context, which every
sentence read adds to: "Brazil and Argentina agreed ..." makes a later "they" the pair).
`check_stages` checks the chain once, when the coder loads, in the spirit of spaCy's
`requires`/`assigns` and `analyze_pipes`: every field a stage reads was assigned by an earlier
stage (or is given with the input), no two stages assign the same field, and every name is a field
that exists. `Chain` runs the stages in order; `watched` wraps them so that a stage writing a field
it does not declare raises StageError (tests/test_stages.py runs the real coder that way).

Stages of one level that follow each other run as a group: batch stages over the whole batch;
then, document by document, each document stage once and each sentence stage on every sentence in
order, all sentence stages of a group on one sentence before the next sentence (the document
context read so far is what resolves "he" and "both sides").
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
    groups: list = field(default_factory=list)  # lists of two or more actors named together ("Turkey and Greece")
    speaker: Any = None  # who speaks in this sentence: named here, or carried on from the paragraph
    triggers: list = field(default_factory=list)  # pattern matches on trigger words
    framed: list = field(default_factory=list)  # triggers with their frame and status
    found: list = field(default_factory=list)  # coded triggers with their argument tokens
    assembled: list = field(default_factory=list)  # events.assemble.Assembled: actors paired, evidence
    events: list = field(default_factory=list)  # model.Event records of this sentence
    dropped: list = field(default_factory=list)  # events.records.Dropped: triggers that give no event, and why

    @property
    def doc(self):
        """The best analysis there is of the sentence: parsed if it was a candidate, else tokens."""
        return self.parsed if self.parsed is not None else self.tokens


@dataclass
class DocumentState:
    """One document as the stages build it up; `sentences` are read in order."""

    document: Any  # model.Document: id, text, published
    day: date | None = None  # the publication day, the base for relative dates
    context: Any = None  # actors.context.DocumentContext, updated sentence by sentence
    sentences: list = field(default_factory=list)  # SentenceState, in order
    events: list = field(default_factory=list)  # the document's events, after document-level rules
    participants: list = field(default_factory=list)  # the document's main actors, most prominent first
    dropped: list = field(default_factory=list)  # (SentenceState, events.records.Dropped) the document rules dropped


# What the input gives before any stage runs.
GIVEN = frozenset({"document.document", "document.day"})
STATE_FIELDS = frozenset({f"document.{f.name}" for f in fields(DocumentState)}
                         | {f"sentence.{f.name}" for f in fields(SentenceState)})


class Stage:
    """Base of every stage. Subclasses set the class attributes and implement `__call__`: a batch
    stage takes a list of DocumentState, a document stage one DocumentState, a sentence stage a
    DocumentState and one of its SentenceStates."""

    name: ClassVar[str] = ""
    level: ClassVar[str] = "sentence"
    requires: ClassVar[tuple] = ()
    assigns: ClassVar[tuple] = ()
    updates: ClassVar[tuple] = ()

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
        for name in (*stage.requires, *stage.assigns, *stage.updates):
            if name not in STATE_FIELDS:
                raise StageError(f"{label}: {name!r} is no field of the working state")
        missing = [r for r in (*stage.requires, *stage.updates) if r not in assigned]
        if missing:
            raise StageError(f"{label} requires {missing}, which no earlier stage assigns")
        twice = [a for a in stage.assigns if a in assigned]
        if twice:
            raise StageError(f"{label} assigns {twice}, already assigned before it")
        assigned.update(stage.assigns)


def describe(stages) -> list[dict]:
    """The chain as data, for `tacitus stages` and docs/architecture.md."""
    return [{"name": s.name, "level": s.level, "requires": list(s.requires), "assigns": list(s.assigns),
             "updates": list(s.updates), "doc": _first_line(type(s).__doc__)} for s in stages]


def _first_line(text):
    return text.strip().splitlines()[0] if text and text.strip() else ""


class Chain:
    """The stages in order, checked once; calling it runs them over a batch of DocumentStates."""

    def __init__(self, stages):
        self.stages = list(stages)
        check_stages(self.stages)
        self.plan = _plan(self.stages)

    def __call__(self, documents: list) -> list:
        for level, group in self.plan:
            if level == "batch":
                for stage in group:
                    stage(documents)
                continue
            for doc in documents:  # a run of document and sentence stages, document by document
                for sub_level, stages in group:
                    if sub_level == "document":
                        for stage in stages:
                            stage(doc)
                    else:
                        for sent in doc.sentences:
                            for stage in stages:
                                stage(doc, sent)
        return documents


def _plan(stages):
    """[("batch", [stage, ...]) | ("documents", [(level, [stage, ...]), ...])], precomputed once so
    that a sentence costs no more than a loop over its stages."""
    plan = []
    for stage in stages:
        if stage.level == "batch":
            if plan and plan[-1][0] == "batch":
                plan[-1][1].append(stage)
            else:
                plan.append(("batch", [stage]))
            continue
        if not plan or plan[-1][0] != "documents":
            plan.append(("documents", []))
        runs = plan[-1][1]
        if runs and runs[-1][0] == stage.level:
            runs[-1][1].append(stage)
        else:
            runs.append((stage.level, [stage]))
    return plan


# -- checking that stages write only what they declare ----------------------------------------------
class Watched(Stage):
    """A stage run under watch: every field it does not assign or update must look the same after
    the call as before (same object, same items, same attributes, two levels deep)."""

    def __init__(self, stage):
        self.stage = stage
        self.name, self.level = stage.name, stage.level
        self.requires, self.assigns, self.updates = stage.requires, stage.assigns, stage.updates
        self.free = {*stage.assigns, *stage.updates}

    def __call__(self, *state):
        before = self._fingerprints(state)
        self.stage(*state)
        after = self._fingerprints(state)
        changed = sorted({name for key, fp in before.items() if after.get(key) != fp
                          for name in [key[1]] if name not in self.free})
        if changed:
            raise StageError(f"stage {self.name!r} wrote {changed}, which it does not assign")

    def _fingerprints(self, state):
        docs = state[0] if self.level == "batch" else [state[0]]
        out = {}
        for doc in docs:
            for f in fields(doc):
                out[(id(doc), f"document.{f.name}")] = _fingerprint(getattr(doc, f.name))
            for sent in doc.sentences:
                for f in fields(sent):
                    out[(id(sent), f"sentence.{f.name}")] = _fingerprint(getattr(sent, f.name))
        return out


def watched(stages) -> list:
    return [Watched(s) for s in stages]


def _fingerprint(value, depth=2):
    if isinstance(value, (SentenceState, DocumentState)):
        return type(value), id(value)  # a state's own fields are fingerprinted one by one
    if isinstance(value, (list, tuple)):
        inner = tuple(_fingerprint(x, depth - 1) for x in value) if depth else ()
        return type(value), id(value), len(value), inner
    if isinstance(value, dict):
        inner = tuple((k, _fingerprint(x, depth - 1)) for k, x in value.items()) if depth else ()
        return dict, id(value), len(value), inner
    if depth and hasattr(value, "__dict__") and not isinstance(value, type):
        # a private attribute is the value's own cache (SentenceActors' phrases), not a field written
        return type(value), id(value), tuple((k, _fingerprint(x, depth - 1)) for k, x in vars(value).items()
                                             if not k.startswith("_"))
    return type(value), id(value)
