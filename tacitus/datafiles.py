"""Reading the package's data files, with errors that name file and line."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .errors import DataFileError


def data_path(name: str) -> Path:
    return Path(str(resources.files("tacitus") / "data" / name))


def read_tsv(name: str, columns: tuple, *, key: str | None = None, path: Path | None = None):
    """Rows of a TSV file with a header as (line number, dict). Checks columns and unique keys."""
    path = path or data_path(name)
    seen = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read data file: {exc}", where=str(path)) from exc
    if not lines:
        raise DataFileError("empty data file", where=str(path))
    header = lines[0].split("\t")
    if tuple(header) != tuple(columns):
        raise DataFileError(f"header is {header}, expected {list(columns)}", where=f"{path}:1")
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise DataFileError(f"{len(cells)} columns, expected {len(columns)}", where=f"{path}:{n}")
        row = dict(zip(columns, (c.strip() for c in cells)))
        if key:
            k = row[key] if isinstance(key, str) else tuple(row[c] for c in key)
            if k in seen:
                raise DataFileError(f"duplicate key {k!r} (first on line {seen[k]})", where=f"{path}:{n}")
            seen[k] = n
        yield n, row


def read_jsonl(name: str, *, path: Path | None = None):
    path = path or data_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read data file: {exc}", where=str(path)) from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"not valid JSON: {exc.msg}", where=f"{path}:{n}") from exc
        if not isinstance(rec, dict):
            raise DataFileError("each line must be a JSON object", where=f"{path}:{n}")
        yield n, rec


def split_list(cell: str) -> list:
    return [x.strip() for x in cell.split("|") if x.strip()]
