"""Ingest: read, code and store documents in batches, losing nothing.

Idempotent: a document already stored with the same content hash and coder version is skipped.
Resumable: each batch is one transaction, so a run killed at any moment (kill -9 included) leaves
whole batches; running again skips what was stored and finishes the rest. Bad input is stored as a
failed document with its error and reported; it is never silently dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document
from ..store.rows import content_hash
from .readers import Problem, Reader


@dataclass
class IngestReport:
    coded: int = 0
    skipped: int = 0  # already stored, unchanged
    stale: int = 0  # stored by another coder version and not re-coded (see recode)
    failed: int = 0
    sentences: int = 0
    events: int = 0
    problems: list = field(default_factory=list)  # "file:line: message" lines

    def to_dict(self):
        return {k: v for k, v in self.__dict__.items() if k != "problems"}


def ingest(paths, store, coder, *, recode=False, batch_size=64, reader=None, on_batch=None) -> IngestReport:
    """Code and store the documents under `paths`; returns what happened."""
    reader = reader or Reader()
    report = IngestReport()
    batch, failures = [], []

    def flush():
        nonlocal batch, failures
        if not batch and not failures:
            return
        unique = {}
        for d in batch:  # the same id twice in one batch: the later text wins, as a re-ingest would
            if d.id in unique:
                report.problems.append(f"warning: {d.origin or d.id}: document id {d.id!r} seen again; "
                                       "the later one is kept")
            unique[d.id] = d
        batch = list(unique.values())
        stored = store.stored_versions([d.id for d in batch])
        todo = []
        for d in batch:
            old = stored.get(d.id)
            if old and old[0] == content_hash(d) and old[2] == "coded":
                if old[1] == coder.versions["coder"]:
                    report.skipped += 1
                    continue
                if not recode:
                    report.stale += 1
                    continue
            todo.append(d)
        coded = coder.code_batch(todo) if todo else []
        store.write_batch(coded, coder.versions, failures)
        report.coded += len(coded)
        report.sentences += sum(len(d.sentences) for d in coded)
        report.events += sum(len(d.events) for d in coded)
        if on_batch:
            on_batch(report)
        batch, failures = [], []

    for item in reader.read(paths):
        if isinstance(item, Problem):
            if item.kind == "warning":
                report.problems.append(f"warning: {item}")
                continue
            report.failed += 1
            report.problems.append(f"{item.kind}: {item}")
            # stored under its origin so that a fixed file can replace it and the error stays queryable
            failures.append((Document(id=f"error:{item.where}", text="", origin=item.where), item.message))
        else:
            for warning in item.warnings:
                report.problems.append(f"warning: {item.origin or item.id}: {warning}")
            batch.append(item)
        if len(batch) >= batch_size or len(failures) >= batch_size:
            flush()
    flush()
    return report
