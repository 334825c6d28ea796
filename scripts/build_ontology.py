#!/usr/bin/env python3
"""Build tacitus/data/cameo.tsv from the reference tables in ../shared/reference.

    python3 scripts/build_ontology.py ../shared/reference

Keeps only facts (code, name, Goldstein score) from the CAMEO table and the CAMEO->PLOVER
mapping; descriptions and usage notes are not copied. Run again when the reference changes.
"""
import csv
import re
import sys
from pathlib import Path

# Decisions on the faults of cameo2plover-2021.txt (see ../shared/reference/README.md).
# "175:" appears twice with the same value: keep it once. The header "08:" appears as CONCEDE and
# as RETREAT: the root takes CONCEDE (its first reading, and 080 "Yield" is CONCEDE); 084-087 keep
# their own RETREAT lines.
ROOT_OVERRIDES = {"08": ("CONCEDE", "", "")}
# "1712: ASSAULT, seize": the row gives destroying property a COERCE mode ("seize", as for 171 and
# 1711, its parent and sibling) under the type ASSAULT. The mode and the siblings agree, so the type
# follows them: COERCE.
# "0813"/"0814" (ease a curfew, a state of emergency or martial law) are children of 081 "Ease
# administrative sanctions" (CONCEDE, legal) but stand at the end of the RETREAT block, moved there
# by a late edit (the row notes only that "ease" is no longer a mode). Lifting a restriction laid
# on one's own population is a concession, as for their parent and siblings 0811, 0812: CONCEDE.
CODE_OVERRIDES = {"1712": ("COERCE", "seize", "human_security"),
                  "0813": ("CONCEDE", "", "legal"), "0814": ("CONCEDE", "", "legal")}

# PLOVER has no category for public statements (01) and folds appeals (02) into REQUEST. Appeals
# take the mode and context of the matching demand (021 <- 101, 0233 <- 1033). Statements take
# the type whose meaning they carry; the residual 010 "make statement" has none on purpose.
STATEMENTS = {"011": ("REJECT", "", ""), "012": ("ACCUSE", "", ""), "013": ("SUPPORT", "", ""),
              "014": ("AGREE", "", ""), "015": ("CONCEDE", "", ""), "016": ("REJECT", "", ""),
              "017": ("SUPPORT", "", ""), "018": ("SUPPORT", "", "diplomatic"),
              "019": ("AGREE", "", "diplomatic")}


def quad_class(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_plover(path):
    mapping, roots = {}, {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        ptype, mode, context = parts[0].upper(), parts[1], parts[2].replace(" ", "")
        value = (ptype, mode, context.replace(";", "|"))
        target = roots if len(code) == 2 else mapping
        if code in target and target[code] != value and code not in ROOT_OVERRIDES:
            sys.exit(f"{path}:{n}: {code} mapped twice, differently: {target[code]} vs {value}")
        target.setdefault(code, value)
    roots.update(ROOT_OVERRIDES)
    mapping.update(CODE_OVERRIDES)
    return mapping, roots


BASE_COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")


def main(reference):
    reference = Path(reference)
    mapping, roots = read_plover(reference / "cameo2plover-2021.txt")
    rows = []
    with open(reference / "cameo-codes.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            code = rec["code"]
            if len(code) == 2:
                continue
            if code[:2] == "01":
                ptype, mode, context = STATEMENTS.get(code[:3], ("", "", ""))
            elif code[:2] == "02":
                demand = "10" + code[2:]
                _, mode, context = mapping.get(demand) or mapping.get(demand[:3]) or roots["10"]
                ptype = "REQUEST"
            else:
                ptype, mode, context = mapping.get(code) or mapping.get(code[:3]) or roots[code[:2]]
            rows.append([code, rec["name"], rec["goldstein"], str(quad_class(code)), ptype, mode, context])
    out = Path(__file__).resolve().parent.parent / "tacitus" / "data" / "cameo.tsv"
    # the coder's property columns are kept by hand: carry them over from the table as it is
    old = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    header = old[0].split("\t") if old else []
    extra = header[len(BASE_COLUMNS):] if header[:len(BASE_COLUMNS)] == list(BASE_COLUMNS) else []
    kept = {line.split("\t")[0]: line.split("\t")[len(BASE_COLUMNS):] for line in old[1:] if extra}
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join([*BASE_COLUMNS, *extra]) + "\n")
        for row in rows:
            fh.write("\t".join(row + kept.get(row[0], [""] * len(extra))) + "\n")
    print(f"wrote {len(rows)} codes to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
