"""CAMEO codes with Goldstein scores, quad classes and their PLOVER types, from data/cameo.tsv."""
from __future__ import annotations

from dataclasses import dataclass

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError
from ..model import Plover

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: Plover

    @property
    def root(self):
        return self.code[:2]


class Cameo:
    """The CAMEO table. `Cameo()[code]` gives a CameoCode; unknown codes raise KeyError."""

    COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")

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
            self.codes[code] = CameoCode(code, row["name"], goldstein, quad, plover)

    def __getitem__(self, code):
        return self.codes[code]

    def __contains__(self, code):
        return code in self.codes

    def __iter__(self):
        return iter(self.codes.values())

    def roots(self):
        return sorted({c.root for c in self})
