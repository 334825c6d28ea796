"""Event dates: date expressions near a trigger, resolved against the document date."""
from .dates import DateResolver, parse_date_text

__all__ = ["DateResolver", "parse_date_text"]
