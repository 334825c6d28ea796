"""Ingest: readers for text, JSON lines, HTML and stdin, and datelines."""
from .readers import Problem, Reader

__all__ = ["Reader", "Problem"]
