"""Actors: dictionaries, recognition in sentences, and document context."""
