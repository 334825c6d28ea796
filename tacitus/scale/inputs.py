"""A cluster run's inputs cut into tasks, each read by the ingest reader: a JSON-lines file in blocks
of whole lines, a Parquet file by row groups. Every record becomes a Document or a Problem naming
its file and line (for Parquet, its row, from 1), as `tacitus ingest` reads it, so a bad record is
reported and stored as failed, never dropped, and cannot stop its task."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..ingest.readers import DEFAULT_MAX_BYTES, Reader, document_from_record, lines_of


@dataclass(frozen=True)
class Piece:
    """One task's share of an input file: `length` bytes from `offset`, cut at line ends (JSON lines),
    or the row group `offset` of `length` rows (Parquet)."""

    path: str  # the file, for fsspec
    where: str  # the file as problems name it
    parquet: bool
    offset: int
    length: int


def _fs(path):
    import fsspec
    return fsspec.core.url_to_fs(str(path))


def is_parquet(path) -> bool:
    return str(path).rstrip("/").endswith("parquet")


def _files(fs, root, parquet):
    """The files of one input: a file, a glob, or (Parquet) a dataset folder."""
    if parquet and fs.isdir(root):
        return sorted(f for f in fs.find(root) if not PurePosixPath(f).name.startswith(("_", ".")))
    return sorted(fs.glob(root)) if any(c in root for c in "*?[") else [root]


def pieces(path, blocksize: int) -> list:
    """The pieces of one input (a path, a glob or a Parquet folder), file by file, in order."""
    import pyarrow.parquet as pq
    fs, root = _fs(path)
    parquet = is_parquet(path)
    local = "file" in ((fs.protocol,) if isinstance(fs.protocol, str) else fs.protocol)
    out = []
    for name in _files(fs, root, parquet):
        where = str(path) if name == root else (name if local else fs.unstrip_protocol(name))
        if parquet:
            with fs.open(name, "rb") as fh:  # the footer only
                meta = pq.ParquetFile(fh).metadata
            out += [Piece(name, where, True, g, meta.row_group(g).num_rows) for g in range(meta.num_row_groups)]
        else:
            size = fs.size(name)
            out += [Piece(name, where, False, start, blocksize) for start in range(0, max(size, 1), blocksize)]
    return out


def _block(piece) -> bytes:
    from fsspec.utils import read_block
    fs, _ = _fs(piece.path)
    with fs.open(piece.path, "rb") as fh:
        return read_block(fh, piece.offset, piece.length, delimiter=b"\n")


def record_count(piece) -> int:
    """How many lines (or rows) the piece holds, for the line numbers of the pieces after it: a
    block is read for this once more, which costs far less than coding it."""
    return piece.length if piece.parquet else _block(piece).count(b"\n")


def read_piece(piece, first: int, max_bytes: int = DEFAULT_MAX_BYTES) -> list:
    """The reader's Documents and Problems of one piece whose first record is line (row) `first`."""
    if not piece.parquet:
        lines = lines_of(io.BytesIO(_block(piece)), max_bytes)
        return list(Reader(max_bytes).json_lines(lines, piece.where, first))
    import pyarrow.parquet as pq
    fs, _ = _fs(piece.path)
    with fs.open(piece.path, "rb") as fh:
        records = pq.ParquetFile(fh).read_row_group(piece.offset).to_pylist()
    stem = PurePosixPath(piece.where).stem
    return [document_from_record(r, f"{piece.where}:{n}", max_bytes=max_bytes, default_id=f"{stem}-{n}")
            for n, r in enumerate(records, first)]


def first_lines(all_pieces, counts) -> list:
    """Each piece's first line (row), from the counts of the pieces before it in the same file."""
    firsts, line, previous = [], 1, None
    for piece, count in zip(all_pieces, counts):
        if piece.path != previous:
            line, previous = 1, piece.path
        firsts.append(line)
        line += count
    return firsts
