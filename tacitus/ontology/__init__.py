"""CAMEO codes with Goldstein scores, quad classes and their PLOVER types, from data/cameo.tsv."""
from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def root(self):
        return self.code[:2]

    @property
    def cooperative(self):
        """Verbal or material cooperation (quad classes 1 and 2: roots 01-08)."""
        return self.quad_class <= 2


class Cameo:
    """The CAMEO table. `Cameo()[code]` gives a CameoCode; unknown codes raise KeyError."""

    COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context",
               *FLAGS[:3], "announced_as", *FLAGS[3:])

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
                                         **{flag: self._flag(row, flag, where) for flag in FLAGS})

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

    def __getitem__(self, code):
        return self.codes[code]

    def __contains__(self, code):
        return code in self.codes

    def __iter__(self):
        return iter(self.codes.values())

    def roots(self):
        return sorted({c.root for c in self})
