"""Ingest: readers for text, JSON lines, HTML, RSS and Atom feeds (files or URLs) and stdin; datelines
and languages; the job runner that stores them (load.py) and the feed poller of `tacitus watch` (watch.py)."""
from .readers import Problem, Reader

__all__ = ["Reader", "Problem"]
