"""The coder on Spark: the same batch function through `mapInArrow`, for teams on Spark or
Databricks (optional extra: `pip install tacitus[spark]`).

    from tacitus.scale.spark import code_spark
    out = code_spark(spark.read.parquet("news.parquet"))   # columns id, text, published, ...
    out.where("problem IS NULL").drop("problem").write.partitionBy("month").parquet("events/")
    out.where("problem IS NOT NULL").select("problem").write.text("problems/")

Each row is read as `tacitus ingest` reads a record. One that cannot be read or coded gives no event
but a row of its own whose `problem` says where and why ("failed: the row with id 'x': 'text' must
be a string"; a frame with an `origin` column is named by it), as Spark's own readers keep a
malformed record in `_corrupt_record` instead of dropping it.
"""
from __future__ import annotations

from .batch import code_arrow, events_schema


def output_schema():
    """The events' Arrow schema and the `problem` column."""
    import pyarrow as pa
    return events_schema().append(pa.field("problem", pa.string()))


def spark_schema():
    """The output's Spark schema, from the same Arrow schema the other paths write."""
    from pyspark.sql.pandas.types import from_arrow_schema
    return from_arrow_schema(output_schema())


def code_batches(batches, model: str | None = None):
    """Arrow batches of documents in, batches of events and of problems out (mapInArrow's function)."""
    import pyarrow as pa
    schema = output_schema()
    for batch in batches:
        problems = []
        events = code_arrow(batch, model, problems)
        yield from events.append_column("problem", pa.nulls(events.num_rows, pa.string())).to_batches()
        if problems:
            yield pa.RecordBatch.from_pylist([{"problem": p} for p in problems], schema=schema)


def code_spark(frame, model: str | None = None):
    """A Spark DataFrame of documents (id, text, optional published, title, url, source) in, a
    DataFrame of events (and of the rows that could not be coded, `problem` set) out; each executor
    loads the coder once and codes Arrow batches."""
    return frame.mapInArrow(lambda batches: code_batches(batches, model), spark_schema())
