"""CAMEO codes with Goldstein scores, quad classes and their PLOVER types, from data/cameo.tsv."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError
from ..model import Plover

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


# The coder's properties of a code, one column each in cameo.tsv ("yes" or empty); what each means
# and the sentence behind it are in data/README.md.
FLAGS = ("reciprocal", "joint", "refusable", "needs_partner", "bilateral", "domestic", "locative", "aimed")
ANNOUNCED_AS = ("intent", "threaten")
# The event coder's properties, after the columns above: flags, and columns whose values are
# checked against the choices below (a CAMEO code for `protective`, words for `fallback_preps`).
EVENT_FLAGS = ("by_weapon", "by_reform", "doer_target")
GENERIC_FOR = ("intent", "appeal", "demand", "threaten", "reject", "disapprove", "pessimism")  # recoding frames
REFORMS = ("leadership", "policy", "rights", "institutions")  # CAMEO's four kinds of political change
CONDITION_TARGET = ("replaces", "fallback")
# Kinds of act the coder names by their CAMEO root, for the rules that single them out.
KINDS = {"statement": "01", "intent": "03", "consultation": "04", "rejection": "12", "protest": "14"}
EVENT_COLUMNS = ("generic_for", "protective", "by_weapon", "by_reform", "reform", "condition_target",
                 "doer_target", "fallback_preps")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: Plover
    reciprocal: bool = False  # done between both sides: "X met Y" is also Y meeting X
    joint: bool = False  # a compound subject with no object does it to each other
    refusable: bool = False  # negated or refused, it is a rejection (12x)
    announced_as: str | None = None  # the frame an announcement of this act is: intent or threaten
    needs_partner: bool = False  # a meeting with no one else is no interaction
    bilateral: bool = False  # with no target, in a two-party document it is aimed at the other side
    domestic: bool = False  # with no one else named, it is done to the actor's own country
    locative: bool = False  # with no target, the place it happens in names the target
    aimed: bool = False  # aimed at someone else: one's own forces are the means, not the target
    generic_for: str | None = None  # the frame this is the generic code of: an act the framing table misses
    protective: str | None = None  # the code it becomes when done to protect someone (a show of force: 074)
    by_weapon: bool = False  # a generic attack: the weapon named picks the code (data/instruments.tsv)
    by_reform: bool = False  # a protest: the reform it demands picks its 4-digit subcode
    reform: str | None = None  # the political change the act is about (leadership, policy, rights, institutions)
    condition_target: str | None = None  # whose act it is conditioned on is its target: always, or as a fallback
    doer_target: bool = False  # aimed at another's act: the doer of the act named is the target
    fallback_preps: tuple = ()  # more prepositions whose object may be the target, when none is stated

    # What the coder reads of the code itself, set once: the stages ask on every coded trigger.
    root: str = field(init=False, repr=False, compare=False)
    statement: bool = field(init=False, repr=False, compare=False)  # 01: made, not made to anyone in particular
    intent: bool = field(init=False, repr=False, compare=False)  # 03: an expressed intent to cooperate
    consultation: bool = field(init=False, repr=False, compare=False)  # 04: meetings, talks, visits
    rejection: bool = field(init=False, repr=False, compare=False)  # 12
    protest: bool = field(init=False, repr=False, compare=False)  # 14

    def __post_init__(self):
        root = self.code[:2]
        object.__setattr__(self, "root", root)
        for kind, kind_root in KINDS.items():
            object.__setattr__(self, kind, root == kind_root)

    @property
    def parent(self):
        """The 3-digit code a 4-digit one refines (a 3-digit code is its own parent)."""
        return self.code[:3]

    @property
    def residual(self):
        """The root's residual 3-digit code ("120" for 122): the root's unspecified act."""
        return self.code[:2] + "0"

    @property
    def cooperative(self):
        """Verbal or material cooperation (quad classes 1 and 2: roots 01-08)."""
        return self.quad_class <= 2


class Cameo:
    """The CAMEO table. `Cameo()[code]` gives a CameoCode; unknown codes raise KeyError."""

    COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context",
               *FLAGS[:3], "announced_as", *FLAGS[3:], *EVENT_COLUMNS)

    def __init__(self, path=None):
        self.codes = {}
        for n, row in read_tsv("cameo.tsv", self.COLUMNS, key="code", path=path):
            code = row["code"]
            where = f"cameo.tsv:{n}"
            if not (code.isdigit() and len(code) in (3, 4)):
                raise DataFileError(f"bad CAMEO code {code!r}", where=where)
            ptype = row["plover_type"] or None
            if ptype and ptype not in PLOVER_TYPES:
                raise DataFileError(f"unknown PLOVER type {ptype!r}", where=where)
            try:
                goldstein = float(row["goldstein"])
                quad = int(row["quad_class"])
            except ValueError as exc:
                raise DataFileError(f"bad number: {exc}", where=where) from exc
            plover = Plover(ptype, row["plover_mode"] or None, tuple(split_list(row["plover_context"])))
            self.codes[code] = CameoCode(code, row["name"], goldstein, quad, plover,
                                         announced_as=self._announced_as(row, where),
                                         **{flag: self._flag(row, flag, where) for flag in FLAGS + EVENT_FLAGS},
                                         **self._event_values(row, where))
        self._check_references()

    @staticmethod
    def _flag(row, column, where):
        value = row[column]
        if value not in ("", "yes"):
            raise DataFileError(f"{column} must be 'yes' or empty, not {value!r}", where=where)
        return value == "yes"

    @staticmethod
    def _announced_as(row, where):
        value = row["announced_as"]
        if value and value not in ANNOUNCED_AS:
            raise DataFileError(f"announced_as must be one of {ANNOUNCED_AS} or empty, not {value!r}", where=where)
        return value or None

    @staticmethod
    def _choice(row, column, choices, where):
        value = row[column]
        if value and value not in choices:
            raise DataFileError(f"{column} must be one of {choices} or empty, not {value!r}", where=where)
        return value or None

    def _event_values(self, row, where):
        preps = tuple(row["fallback_preps"].split())
        if any(not p.isalpha() or not p.islower() for p in preps):
            raise DataFileError(f"fallback_preps must be lowercase words, not {row['fallback_preps']!r}", where=where)
        protective = row["protective"] or None
        if protective and not (protective.isdigit() and len(protective) in (3, 4)):
            raise DataFileError(f"protective must be a CAMEO code, not {protective!r}", where=where)
        return {"generic_for": self._choice(row, "generic_for", GENERIC_FOR, where),
                "reform": self._choice(row, "reform", REFORMS, where),
                "condition_target": self._choice(row, "condition_target", CONDITION_TARGET, where),
                "protective": protective, "fallback_preps": preps}

    def _check_references(self):
        """Codes a column names exist; a frame has one generic code; a protest refined by its
        reform has a subcode for each reform."""
        generic, self._subcodes = {}, {}
        for c in self.codes.values():
            if c.reform and len(c.code) == 4:
                self._subcodes[(c.parent, c.reform)] = c.code
        for c in self.codes.values():
            if c.protective and c.protective not in self.codes:
                raise DataFileError(f"{c.code}: protective code {c.protective!r} does not exist", where="cameo.tsv")
            if c.generic_for in generic:
                raise DataFileError(f"{c.code}: {c.generic_for!r} already has the generic code "
                                    f"{generic[c.generic_for]}", where="cameo.tsv")
            if c.generic_for:
                generic[c.generic_for] = c.code
            if c.by_reform and any(self.subcode(c.code, r) is None for r in REFORMS):
                raise DataFileError(f"{c.code}: by_reform needs a subcode with each reform {REFORMS}",
                                    where="cameo.tsv")
        missing = [f for f in GENERIC_FOR if f not in generic]
        if self.codes and missing:
            raise DataFileError(f"no generic code for the frames {missing}", where="cameo.tsv")
        self.generic = generic

    def subcode(self, code, reform):
        """The 4-digit subcode of `code` about `reform` ("141" + policy -> "1412"), or None."""
        return self._subcodes.get((code, reform))

    def generic_code(self, frame):
        """The generic code of a frame ("intent" -> "030"): what it makes of an act it has no row for."""
        return self.generic[frame]

    def get(self, code):
        return self.codes.get(code)

    def __getitem__(self, code):
        return self.codes[code]

    def __contains__(self, code):
        return code in self.codes

    def __iter__(self):
        return iter(self.codes.values())

    def roots(self):
        return sorted({c.root for c in self})
