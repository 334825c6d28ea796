"""The verb and noun pattern dictionary (data/patterns.jsonl) and the framing tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..datafiles import read_jsonl, read_tsv
from ..errors import DataFileError

FIELDS = {"code", "lemma", "pos", "particle", "object", "prep", "pobj", "xcomp", "target", "note"}
TARGET_RE = re.compile(r"^(dobj|iobj|poss|none|prep:[a-z]+)$")
FRAMES = ("intent", "appeal", "demand", "threaten", "reject", "negate", "allege")
# The phrasing of diplomatic readouts, then the general news verbs (on a tie, the earlier wins).
PATTERN_FILES = ("patterns_readouts.jsonl", "patterns.jsonl")


@dataclass(frozen=True)
class Pattern:
    id: str  # "patterns.jsonl:LINE"
    code: str
    lemma: str
    pos: str
    particle: str | None
    object: frozenset | None
    prep: frozenset | None
    pobj: frozenset | None
    xcomp: frozenset | None
    target: tuple

    @cached_property
    def constraints(self):
        return sum(x is not None for x in (self.particle, self.object, self.prep, self.pobj, self.xcomp))

    @cached_property
    def rank(self):
        """Most constraints first; then a 4-digit code over a 3-digit one, a specific code over a
        residual one ending in 0 ("provided humanitarian aid": 073 before 070)."""
        return (self.constraints, len(self.code), not self.code.endswith("0"))


def _lemmas(rec, name, where):
    value = rec.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DataFileError(f"{name!r} must be a list of words", where=where)
    return frozenset(v.lower() for v in value)


class PatternBook:
    """Patterns indexed by (lemma, pos), validated against the CAMEO table on load."""

    def __init__(self, cameo, path=None):
        self.by_key = {}
        self.count = 0
        sources = [(path.name, path) for path in [path]] if path else [(name, None) for name in PATTERN_FILES]
        for name, file_path in sources:
            self._load(cameo, name, file_path)
        if not self.count:
            raise DataFileError("no patterns", where=PATTERN_FILES[0])

    def _load(self, cameo, name, path):
        for n, rec in read_jsonl(name, path=path):
            where = f"{name}:{n}"
            unknown = set(rec) - FIELDS
            if unknown:
                raise DataFileError(f"unknown fields {sorted(unknown)}", where=where)
            code, lemma = str(rec.get("code", "")), str(rec.get("lemma", "")).strip().lower()
            if code not in cameo:
                raise DataFileError(f"CAMEO code {code!r} does not exist", where=where)
            if not lemma or " " in lemma:
                raise DataFileError(f"lemma {lemma!r} must be one word", where=where)
            pos = rec.get("pos", "VERB")
            if pos not in ("VERB", "NOUN", "ADJ"):
                raise DataFileError(f"pos must be VERB, NOUN or ADJ, not {pos!r}", where=where)
            target = rec.get("target") or ["dobj", "poss"]
            if isinstance(target, str):
                target = [target]
            for t in target:
                if not TARGET_RE.match(str(t)):
                    raise DataFileError(f"bad target {t!r}", where=where)
            particle = rec.get("particle")
            pattern = Pattern(where, code, lemma, pos, particle.lower() if particle else None,
                              _lemmas(rec, "object", where), _lemmas(rec, "prep", where),
                              _lemmas(rec, "pobj", where), _lemmas(rec, "xcomp", where), tuple(target))
            self.by_key.setdefault((lemma, pos), []).append(pattern)
            self.count += 1

    def lemmas(self):
        return {lemma for lemma, _ in self.by_key}

    def candidates(self, lemma, pos):
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
        for n, row in read_tsv("frame_codes.tsv", ("frame", "act", "code"), key=("frame", "act")):
            where = f"frame_codes.tsv:{n}"
            if row["frame"] not in FRAMES:
                raise DataFileError(f"unknown frame {row['frame']!r}", where=where)
            if row["code"] not in cameo:
                raise DataFileError(f"CAMEO code {row['code']!r} does not exist", where=where)
            self.codes[(row["frame"], row["act"])] = row["code"]

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
