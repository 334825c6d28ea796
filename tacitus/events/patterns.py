"""The verb and noun pattern dictionary (data/patterns.jsonl) and the framing tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

from ..datafiles import read_jsonl, read_tsv
from ..errors import DataFileError
from ..ontology import PLOVER_TYPES

TARGET_RE = re.compile(r"^(dobj|iobj|poss|none|prep:[a-z]+)$")
# A pattern's id: lowercase words and digits joined by hyphens ("040-meet-with", "0256-call-for-ceasefire").
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FRAMES = ("intent", "appeal", "demand", "threaten", "reject", "negate", "allege", "renounce", "cease")
# The phrasing of diplomatic readouts, then the general news verbs. The order is only the order of
# reading: which pattern wins is the tie rule (Pattern.preference), not the file or the line.
PATTERN_FILES = ("patterns_readouts.jsonl", "patterns.jsonl")
# The slots a pattern may constrain, most telling first, for the tie rule: the object names what
# is acted on ("hold talks"); a particle makes another verb ("call off"); an infinitive ("decline
# to comment"), a preposition's object ("call for restraint") and a bare preposition ("work with")
# each narrow the verb's sense less.
SLOT_ORDER = ("object", "particle", "xcomp", "pobj", "prep")
STRINGS = ("id", "code", "lemma", "pos", "particle", "note")
WORD_LISTS = ("object", "prep", "pobj", "xcomp")
ANY = frozenset({"*"})  # an object or complement slot that takes any word, only that there is one
# A pattern or frame row may name the PLOVER type (and a pattern the mode) of what it codes where the
# CAMEO mapping of its code gets PLOVER wrong (events/plover_types.py; data/README.md).
PLOVER_FIELDS = ("plover", "plover_mode")
FIELDS = frozenset(STRINGS + WORD_LISTS + PLOVER_FIELDS + ("target", "priority"))
POS = ("VERB", "NOUN", "ADJ")
DEFAULT_TARGET = ("dobj", "poss")


@dataclass(frozen=True)
class Pattern:
    id: str  # the entry's id: what an event names as the pattern that fired (evidence.pattern)
    code: str
    lemma: str
    pos: str
    particle: str | None
    object: frozenset | None
    prep: frozenset | None
    pobj: frozenset | None
    xcomp: frozenset | None
    target: tuple
    priority: int = 0
    plover: str | None = None  # the PLOVER type of what it codes, where the CAMEO mapping is wrong
    plover_mode: str | None = None  # and that type's mode (data/plover_modes.tsv)

    @cached_property
    def constraints(self):
        """The slots the pattern constrains; an object of any words ("*") is no constraint on what
        it is, so a named object of the same trigger wins over it ("returned the prisoners to")."""
        return sum(x is not None for x in (self.particle, self.object, self.prep, self.pobj, self.xcomp)) \
            - (self.object == ANY)

    @cached_property
    def rank(self):
        """Most constraints first; then a 4-digit code over a 3-digit one, a specific code over a
        residual one ending in 0 ("provided humanitarian aid": 073 before 070)."""
        return (self.constraints, len(self.code), not self.code.endswith("0"))

    @cached_property
    def preference(self):
        """The tie rule as a sort key, the smaller first (data/README.md, "Which pattern wins"): the
        rank (more constraints, a deeper code, a non-residual one), then the higher priority, then
        the more telling slots (SLOT_ORDER, each pattern's most telling slot compared first), last
        the id, which the contract tests keep from deciding between patterns that share their words.
        The extractor ranks by how many of the object's words a pattern names in the sentence too,
        so this order decides what its key leaves equal."""
        slots = tuple(i for i, name in enumerate(SLOT_ORDER) if getattr(self, name) is not None)
        return tuple(-x for x in self.rank) + (-self.priority, slots, self.id)

    def may_tie(self, other):
        """Whether one sentence may satisfy both patterns (of the same trigger) with the same rank:
        equally specific, both or neither with an object, a shared word in each slot both constrain."""
        if self.rank != other.rank or (self.object is None) != (other.object is None):
            return False
        for name, mine, theirs in zip(("particle",) + WORD_LISTS, self.constraint_key, other.constraint_key):
            if mine is None or theirs is None or name == "xcomp" and "*" in (mine | theirs):
                continue
            shared = mine == theirs if name == "particle" else bool(mine & theirs)
            if not shared:
                return False
        return True

    @cached_property
    def constraint_key(self):
        """What the trigger must have, slot by slot: two patterns of one trigger with the same key
        match exactly the same sentences."""
        return (self.particle,) + tuple(getattr(self, name) for name in WORD_LISTS)

    def covers(self, other):
        """Whether this pattern is satisfied whenever `other` (of the same trigger) is: it constrains
        the same slots, each to the same words or more ("*" in xcomp takes any verb)."""
        for mine, theirs, name in zip(self.constraint_key, other.constraint_key, ("particle",) + WORD_LISTS):
            if (mine is None) != (theirs is None):
                return False
            if name == "particle" and mine != theirs:
                return False
            if name != "particle" and mine is not None and not (mine >= theirs or name in ("xcomp", "object")
                                                                and "*" in mine):
                return False
        return True


_KIND_NAMES = {str: "a string", list: "a list of strings", int: "an integer"}


def _field(rec, name, kind, where):
    """The value of `name` if it has the type `kind`, else a DataFileError naming the field."""
    value = rec.get(name)
    if value is None or isinstance(value, kind) and not isinstance(value, bool):
        return value
    raise DataFileError(f"{name!r} must be {_KIND_NAMES[kind]}, not {type(value).__name__} {value!r}", where=where)


def _words(rec, name, where):
    value = _field(rec, name, list, where)
    if value is None:
        return None
    if not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{name!r} must be a non-empty list of words, not {value!r}", where=where)
    return frozenset(v.lower() for v in value)


def plover_type(value, where, modes=None, mode=None):
    """A PLOVER type (and mode of it) a data file names, checked: the type one of the codebook's,
    the mode one `modes` ({type: rows}, data/plover_modes.tsv) defines for it."""
    if value not in PLOVER_TYPES:
        raise DataFileError(f"unknown PLOVER type {value!r}", where=where)
    if mode is not None and modes is not None and mode not in {r[1] for r in modes.get(value, ())}:
        raise DataFileError(f"{mode!r} is no mode of PLOVER {value} in plover_modes.tsv", where=where)
    return value


def _plover(rec, where, modes):
    ptype, mode = (_field(rec, name, str, where) for name in PLOVER_FIELDS)
    if ptype is None:
        if mode is not None:
            raise DataFileError("plover_mode without plover", where=where)
        return None, None
    return plover_type(ptype, where, modes, mode), mode


def _pattern(rec, cameo, where, modes=None):
    """One entry of a pattern file as a Pattern, every field checked."""
    unknown = set(rec) - FIELDS
    if unknown:
        raise DataFileError(f"unknown fields {sorted(unknown)}", where=where)
    strings = {name: _field(rec, name, str, where) for name in STRINGS}
    pid, code, lemma = strings["id"], strings["code"] or "", (strings["lemma"] or "").strip().lower()
    if pid is None:
        raise DataFileError("no id", where=where)
    if not ID_RE.match(pid):
        raise DataFileError(f"id {pid!r} must be lowercase words and digits joined by '-'", where=where)
    if code not in cameo:
        raise DataFileError(f"CAMEO code {code!r} does not exist", where=where)
    if not lemma or " " in lemma:
        raise DataFileError(f"lemma {lemma!r} must be one word", where=where)
    pos = "VERB" if strings["pos"] is None else strings["pos"]
    if pos not in POS:
        raise DataFileError(f"pos must be VERB, NOUN or ADJ, not {pos!r}", where=where)
    particle = strings["particle"]
    if particle is not None and (not particle.strip() or " " in particle.strip()):
        raise DataFileError(f"particle {particle!r} must be one word", where=where)
    target = _field(rec, "target", list, where) or list(DEFAULT_TARGET)
    for t in target:
        if not isinstance(t, str) or not TARGET_RE.match(t):
            raise DataFileError(f"bad target {t!r}", where=where)
    priority = _field(rec, "priority", int, where) or 0
    lists = {name: _words(rec, name, where) for name in WORD_LISTS}
    return Pattern(pid, code, lemma, pos, particle.strip().lower() if particle else None, lists["object"],
                   lists["prep"], lists["pobj"], lists["xcomp"], tuple(target), priority,
                   *_plover(rec, where, modes))


class PatternBook:
    """Patterns indexed by (lemma, pos), validated against the CAMEO table on load."""

    def __init__(self, cameo, path=None, *, paths=None):
        from .modes import load_modes  # the modes a pattern's plover_mode may name
        self.modes = load_modes()
        self.by_key = {}
        self.by_id = {}
        self.where = {}  # id -> "file:line", for messages
        if paths is None:
            paths = [path] if path else None
        sources = [(p.name, p) for p in paths] if paths else [(name, None) for name in PATTERN_FILES]
        for name, file_path in sources:
            self._load(cameo, name, file_path)
        if not self.by_id:
            raise DataFileError("no patterns", where=sources[0][0])
        for group in self.by_key.values():
            # the extractor takes the first of equally ranked candidates: the tie rule's order
            group.sort(key=attrgetter("preference"))

    @property
    def count(self):
        return len(self.by_id)

    def _load(self, cameo, name, path):
        for n, rec in read_jsonl(name, path=path):
            where = f"{name}:{n}"
            pattern = _pattern(rec, cameo, where, self.modes)
            if pattern.id in self.by_id:
                raise DataFileError(f"duplicate id {pattern.id!r} (first at {self.where[pattern.id]})", where=where)
            self.by_id[pattern.id] = pattern
            self.where[pattern.id] = where
            self.by_key.setdefault((pattern.lemma, pattern.pos), []).append(pattern)

    def lemmas(self):
        return {lemma for lemma, _ in self.by_key}

    def shadowed(self):
        """(pattern, by) for each pattern that can never fire: `by`, of the same trigger, is
        satisfied whenever it is, names at least as many of the object's words, and wins every tie
        with it (by rank, else by the tie rule, which orders the candidates)."""
        out = []
        for group in self.by_key.values():
            for i, p in enumerate(group):
                by = next((q for j, q in enumerate(group) if j != i and q.covers(p)
                           and (q.rank, -j) > (p.rank, -i)), None)
                if by is not None:
                    out.append((p, by))
        return out

    def candidates(self, lemma, pos):
        """The patterns of a trigger in the tie rule's order: of those a caller ranks equal, the first wins."""
        return self.by_key.get((lemma, pos), ())


class Frames:
    """Framing words ("ready to", "urged ... to", "threatened to") and how they recode an act."""

    def __init__(self, cameo):
        self.words = {}
        for n, row in read_tsv("frames.tsv", ("word", "frame", "note"), key="word"):
            if row["frame"] not in FRAMES:
                raise DataFileError(f"unknown frame {row['frame']!r}", where=f"frames.tsv:{n}")
            self.words[row["word"]] = row["frame"]
        self.codes = {}
        self.plover = {}  # framed code -> the PLOVER type its frame rows name (where the CAMEO mapping is wrong)
        plover_at = {}
        for n, row in read_tsv("frame_codes.tsv", ("frame", "act", "code", "plover"), key=("frame", "act")):
            where = f"frame_codes.tsv:{n}"
            if row["frame"] not in FRAMES:
                raise DataFileError(f"unknown frame {row['frame']!r}", where=where)
            if row["code"] not in cameo:
                raise DataFileError(f"CAMEO code {row['code']!r} does not exist", where=where)
            self.codes[(row["frame"], row["act"])] = row["code"]
            if row["plover"]:
                ptype = plover_type(row["plover"], where)
                if self.plover.get(row["code"], ptype) != ptype:
                    raise DataFileError(f"{row['code']} is PLOVER {self.plover[row['code']]} at "
                                        f"{plover_at[row['code']]}, not {ptype}", where=where)
                self.plover[row["code"]], plover_at[row["code"]] = ptype, where

    def phrasal(self, lem, particles):
        """The frame of the phrasal verb `lem` makes with one of its particles ("rule out", "turn
        down"), else None."""
        return next((self.words[f"{lem} {p}"] for p in particles if f"{lem} {p}" in self.words), None)

    def recode(self, frame, code):
        """The code of `code` under `frame`, from the most specific row (0311 before 031 before 03)."""
        for k in (4, 3, 2):
            hit = self.codes.get((frame, code[:k]))
            if hit:
                return hit
        return None


# What purposes.tsv rows may be limited to: the frames, and protests (whose purpose is their digit).
PURPOSE_FRAMES = frozenset(FRAMES) | {"protest"}


class Purposes:
    """What a framed act is about when no pattern codes the act itself ("urged Uganda to repatriate
    criminals", "asked the EC for food aid", "agreed to hold joint exercises"): content words and
    the act code they evoke (data/purposes.tsv), read through the frame's table."""

    def __init__(self, frames):
        self.rows = []  # (words tuple, frames set or None, act)
        acts = {act for _, act in frames.codes}
        for n, row in read_tsv("purposes.tsv", ("words", "frames", "act", "note"), key=("words", "frames")):
            where = f"purposes.tsv:{n}"
            words = tuple(w.strip().lower() for w in row["words"].split("+"))
            if not all(words):
                raise DataFileError(f"empty word in {row['words']!r}", where=where)
            only = set(row["frames"].split()) or None
            if only and not only <= PURPOSE_FRAMES:
                raise DataFileError(f"unknown frame in {row['frames']!r}", where=where)
            if row["act"] not in acts:
                raise DataFileError(f"act {row['act']!r} has no row in frame_codes.tsv", where=where)
            self.rows.append((words, only, row["act"]))
        self.by_word = {}  # first word -> rows, so a lookup reads only the rows its words can start
        for r in self.rows:
            self.by_word.setdefault(r[0][0], []).append(r)

    def act(self, frame, lemmas):
        """The act evoked by a list of lemmas in text order: the entry with the most words wins,
        then the most specific code, then the earliest word."""
        position = {}
        for i, lem in enumerate(lemmas):
            position.setdefault(lem, i)
        best = None
        for words, only, act in (r for lem in position for r in self.by_word.get(lem, ())):
            if only and frame not in only or not all(w in position for w in words):
                continue
            key = (len(words), len(act), -min(position[w] for w in words))
            if best is None or key > best[0]:
                best = (key, act)
        return best[1] if best else None


def load_nominals():
    """Event nouns and the verbs whose patterns code them (data/nominals.tsv)."""
    return {row["noun"]: row["verb"] for _, row in read_tsv("nominals.tsv", ("noun", "verb"), key="noun")}


def load_instruments(cameo):
    """Weapons and the attack codes they refine to (data/instruments.tsv)."""
    out = {}
    for n, row in read_tsv("instruments.tsv", ("word", "code", "note"), key="word"):
        if row["code"] not in cameo:
            raise DataFileError(f"CAMEO code {row['code']!r} does not exist", where=f"instruments.tsv:{n}")
        out[row["word"]] = row["code"]
    return out
