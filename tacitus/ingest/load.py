"""Ingest: read, code and store documents in batches, losing nothing.

Idempotent: a document already stored with the same content hash and coder version is skipped.
Resumable: each batch is one transaction, so a run killed at any moment (kill -9 included) leaves
whole batches; running again skips what was stored and finishes the rest. Bad input is stored as a
failed document with its error and reported; it is never silently dropped. With workers > 1,
coding processes feed this single writer (one process owns a DuckDB file for writing).
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


def ingest(paths, store, coder=None, *, recode=False, batch_size=64, reader=None, on_batch=None,
           workers=1, model=None) -> IngestReport:
    """Code and store the documents under `paths`; returns what happened.

    `coder` codes in this process; with `workers` > 1, that many processes code instead (each
    loading `model` once) and `coder` may be None.
    """
    from ..pipeline import static_versions
    from ..scale.pool import parallel_code

    reader = reader or Reader()
    report = IngestReport()
    versions = coder.versions if coder is not None else static_versions(model)
    failures = []

    def new_documents():
        """The documents that need coding, in batches checked against the store; problems noted."""
        batch = []

        def checked(batch):
            unique = {}
            for d in batch:  # the same id twice in one batch: the later text wins, as a re-ingest would
                if d.id in unique:
                    report.problems.append(f"warning: {d.origin or d.id}: document id {d.id!r} seen again; "
                                           "the later one is kept")
                unique[d.id] = d
            stored = store.stored_versions(list(unique))
            for d in unique.values():
                old = stored.get(d.id)
                if old and old[0] == content_hash(d) and old[2] == "coded":
                    if old[1] == versions["coder"]:
                        report.skipped += 1
                        continue
                    if not recode:
                        report.stale += 1
                        continue
                yield d

        for item in reader.read(paths):
            if isinstance(item, Problem):
                if item.kind == "warning":
                    report.problems.append(f"warning: {item}")
                    continue
                report.failed += 1
                report.problems.append(f"{item.kind}: {item}")
                # stored under its origin: a fixed file replaces it, and the error stays queryable
                failures.append((Document(id=f"error:{item.where}", text="", origin=item.where), item.message))
                continue
            for warning in item.warnings:
                report.problems.append(f"warning: {item.origin or item.id}: {warning}")
            batch.append(item)
            if len(batch) >= batch_size:
                yield from checked(batch)
                batch = []
        yield from checked(batch)

    def write(docs):
        nonlocal failures
        broken = [d for d in docs if d.error]  # could not be coded: stored as failed, with the reason
        for d in broken:
            report.failed += 1
            report.problems.append(f"failed: {d.origin or d.id}: {d.error}")
        failures += [(d, d.error) for d in broken]
        docs = [d for d in docs if not d.error]
        if not docs and not failures:
            return
        store.write_batch(docs, versions, failures)
        failures = []
        report.coded += len(docs)
        report.sentences += sum(len(d.sentences) for d in docs)
        report.events += sum(len(d.events) for d in docs)
        if on_batch:
            on_batch(report)

    if workers > 1 or coder is None:
        coded = parallel_code(new_documents(), workers=workers, batch_size=max(1, batch_size // 2), model=model)
    else:
        coded = coder.pipe(new_documents(), batch_size=batch_size)
    out = []
    for doc in coded:
        out.append(doc)
        if len(out) >= batch_size or len(failures) >= batch_size:
            write(out)
            out = []
    write(out)
    return report

