"""The job runner: a stream of documents coded into the store, in batches, losing nothing.

`run_job` is the one way documents reach the store: `tacitus ingest` (through `ingest`) and, for
events coded elsewhere, the Dask loader (through `BatchWriter`). The API's POST /api/documents
codes with `code_apart`, holding no store, then stores through the same writer (`held_for_writing`).

Idempotent: a document already stored with the same content hash and coder version is skipped.
Resumable: each batch is one transaction, so a run killed at any moment (kill -9 included) leaves
whole batches; running again skips what was stored and finishes the rest. Bad input and documents
that cannot be coded are stored as failed documents with their error and reported; nothing is
silently dropped. Coding processes, when there are several, feed this single writer (one process
owns a DuckDB file for writing).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document
from ..store.rows import DOCUMENT_FIELDS, content_hash, refused_document, stored_document
from .language import skip_reason
from .readers import Problem, Reader


@dataclass
class IngestReport:
    coded: int = 0
    skipped: int = 0  # already stored, unchanged
    stale: int = 0  # stored by another coder version and not re-coded (see recode)
    failed: int = 0
    languages: dict = field(default_factory=dict)  # documents stored uncoded for their language: {"zh": 2}
    sentences: int = 0
    events: int = 0
    problems: list = field(default_factory=list)  # "file:line: message" lines

    def to_dict(self):
        return {k: v for k, v in self.__dict__.items() if k != "problems"}


class BatchWriter:
    """The single writer: stores documents a batch (one transaction) at a time and counts them."""

    def __init__(self, store, report: IngestReport, *, batch_size=64, on_batch=None, versions=None):
        self.store, self.report, self.batch_size, self.on_batch = store, report, batch_size, on_batch
        self.versions = versions or {}  # recorded on documents that failed before any coding
        self.pending = []

    def coded(self, doc, versions):
        """A coded document; one that could not be coded (its `error` set), or whose events cannot
        be put in rows, is stored as failed."""
        if doc.error:
            self.failed(doc, doc.error, versions)
            return
        try:
            stored = stored_document(doc, versions)
        except Exception as exc:  # noqa: BLE001 - one document's odd value must not stop the batch
            self.failed(doc, f"could not be stored: {type(exc).__name__}: {exc}"[:500], versions)
            return
        self.add(stored)

    def failed(self, doc, message, versions=None, kind="failed"):
        """A document that could not be read (`kind` failed or skipped) or coded: stored with its error."""
        self.report.failed += 1
        self.report.problems.append(f"{kind}: {doc.origin or doc.id}: {message}")
        self.pending.append(stored_document(doc, versions or self.versions, "failed", message))
        self._maybe_flush()

    def not_coded(self, doc, reason):
        """A document stored with its text and language but not coded (status skipped): one in a
        language the coder does not read, never coded as if it were English."""
        self.report.languages[doc.language] = self.report.languages.get(doc.language, 0) + 1
        self.report.problems.append(f"skipped: {doc.origin or doc.id}: {reason}")
        self.pending.append(stored_document(doc, self.versions, "skipped", reason))
        self._maybe_flush()

    def add(self, stored):
        """A document already in its stored form (the loader of coded output sends these), coded or
        failed (its error then in its row, and named in the report)."""
        row = dict(zip(DOCUMENT_FIELDS, stored.document))
        if stored.status == "coded":
            self.report.coded += 1
            self.report.sentences += len(stored.sentences)
            self.report.events += len(stored.events)
        elif stored.status == "skipped":  # not coded for its language
            language = row.get("language")
            self.report.languages[language] = self.report.languages.get(language, 0) + 1
            self.report.problems.append(f"skipped: {_origin(stored)}: {row.get('error')}")
        else:
            self.report.failed += 1
            self.report.problems.append(f"failed: {_origin(stored)}: {row.get('error')}")
        self.pending.append(stored)
        self._maybe_flush()

    def _maybe_flush(self):
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self):
        if self.pending:
            try:
                self.store.write_stored(self.pending)
            except Exception:  # noqa: BLE001 - the database refused some value: find which document
                self._one_by_one(self.pending)
            self.pending = []
            if self.on_batch:
                self.on_batch(self.report)

    def _one_by_one(self, batch):
        """Each document of a refused batch in its own transaction; one the database still refuses
        is stored as failed, its values made storable, with the database's reason. A store that
        refuses even that (the connection is gone, the disk is full) raises: that is no bad input."""
        for stored in batch:
            try:
                self.store.write_stored([stored])
            except Exception as exc:  # noqa: BLE001
                reason = f"the database refused it: {type(exc).__name__}: {exc}"[:500]
                self.store.write_stored([refused_document(stored, reason)])
                if stored.status == "coded":
                    self.report.coded -= 1
                    self.report.sentences -= len(stored.sentences)
                    self.report.events -= len(stored.events)
                    self.report.failed += 1
                self.report.problems.append(f"failed: {_origin(stored)}: {reason}")


def _origin(stored):
    return dict(zip(DOCUMENT_FIELDS, stored.document)).get("origin") or stored.id


def unread_document(problem: Problem) -> Document:
    # stored under its origin: a fixed file replaces it, and the error stays queryable
    return Document(id=f"error:{problem.where}", text="", origin=problem.where)


def _new_documents(items, store, writer, coder_version, recode, batch_size):
    """The documents that need coding, checked against the store a batch at a time; problems and
    documents already stored are counted on the way."""
    report, batch = writer.report, []
    for item in items:
        if isinstance(item, Problem):
            if item.kind == "warning":
                report.problems.append(f"warning: {item}")
            else:
                writer.failed(unread_document(item), item.message, kind=item.kind)
            continue
        reason = skip_reason(item)
        if reason:  # stored uncoded, never coded as if it were English
            writer.not_coded(item, reason)
            continue
        for warning in item.warnings:
            report.problems.append(f"warning: {item.origin or item.id}: {warning}")
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _unstored(batch, store, report, coder_version, recode)
            batch = []
    yield from _unstored(batch, store, report, coder_version, recode)


def _unstored(batch, store, report, coder_version, recode):
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
            if old[1] == coder_version:
                report.skipped += 1
                continue
            if not recode:
                report.stale += 1
                continue
        yield d


def run_job(items, store, coder=None, *, workers=0, model=None, recode=False, batch_size=64,
            on_batch=None) -> IngestReport:
    """Code a stream of Documents (and reader Problems, stored as failures) into `store`.

    `workers` as everywhere (tacitus.scale.pool): N processes, or 0 for one per core unless the
    input is small; in one process, `coder` codes when given (else one is loaded for `model`).
    """
    from ..pipeline import static_versions
    from ..scale.pool import code_stream

    report = IngestReport()
    versions = coder.versions if coder is not None else static_versions(model)
    writer = BatchWriter(store, report, batch_size=batch_size, on_batch=on_batch, versions=versions)
    todo = _new_documents(items, store, writer, versions["coder"], recode, batch_size)
    stream = code_stream(todo, workers=workers, batch_size=batch_size, model=model, coder=coder)
    for doc in stream:
        writer.coded(doc, stream.versions)
    writer.flush()
    return report


def code_apart(documents, coder, *, batch_size=64):
    """Code documents in this process with `coder`, touching no store: (the coded documents, the
    versions that coded them), for `held_for_writing`. A document that cannot be coded comes back
    with `error` set, as in `run_job`."""
    from ..scale.pool import code_stream

    stream = code_stream(documents, workers=1, batch_size=batch_size, coder=coder)
    return list(stream), stream.versions


def held_for_writing(documents, store, versions) -> BatchWriter:
    """Documents coded elsewhere, in their stored form, held by the job runner's writer until its
    `flush()` writes them all in one transaction; `.report` then says what happened. One that
    could not be coded, or whose events cannot be put in rows, is held as failed, with its error.
    Making the rows needs no turn on the store: the API makes them off its store lock and takes
    the lock only to write."""
    documents = list(documents)
    writer = BatchWriter(store, IngestReport(), batch_size=len(documents) + 1, versions=versions)
    for doc in documents:
        writer.coded(doc, versions)
    return writer


def held_uncoded(doc, store, versions, reason) -> BatchWriter:
    """A document not to be coded (`reason`: "language: zh"), held by a writer until its `flush()`
    stores it uncoded, as skipped, with its text and language; the API's counterpart of `run_job`
    meeting one."""
    writer = BatchWriter(store, IngestReport(), batch_size=2, versions=versions)
    writer.not_coded(doc, reason)
    return writer


def ingest(paths, store, coder=None, *, recode=False, batch_size=64, reader=None, on_batch=None,
           workers=0, model=None) -> IngestReport:
    """Code and store the documents under `paths` (files, folders, "-"); returns what happened."""
    items = (reader or Reader()).read(paths)
    return run_job(items, store, coder, workers=workers, model=model, recode=recode, batch_size=batch_size,
                   on_batch=on_batch)
