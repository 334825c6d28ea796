"""The coder on Spark: the same batch function through `mapInArrow`, for teams on Spark or
Databricks (optional extra: `pip install tacitus[spark]`).

    from tacitus.scale.spark import code_spark
    events = code_spark(spark.read.parquet("news.parquet"))   # columns id, text, published, ...
    events.write.partitionBy("month").parquet("events/")
"""
from __future__ import annotations

from .batch import code_arrow, events_schema


def spark_schema():
    """The events' Spark schema, from the same Arrow schema the other paths write."""
    from pyspark.sql.pandas.types import from_arrow_schema
    return from_arrow_schema(events_schema())


def code_spark(frame, model: str | None = None):
    """A Spark DataFrame of documents (id, text, optional published, title, url, source) in, a
    DataFrame of events out; each executor loads the coder once and codes Arrow batches."""
    def code_batches(batches):
        for batch in batches:
            yield from code_arrow(batch, model).to_batches()

    return frame.mapInArrow(code_batches, spark_schema())
