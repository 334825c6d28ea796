"""Ingest: readers for text, JSON lines, HTML, RSS and Atom feeds and stdin; datelines and languages."""
from .readers import Problem, Reader

__all__ = ["Reader", "Problem"]
