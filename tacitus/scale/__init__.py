"""Scale: the coder as a pure batch function, run by a local process pool, Dask or Spark."""
from .batch import code_arrow, code_documents, documents_from_arrow, events_table
from .pool import CodedStream, code_stream, parallel_code

__all__ = ["code_documents", "code_arrow", "documents_from_arrow", "events_table", "parallel_code", "code_stream",
           "CodedStream"]
