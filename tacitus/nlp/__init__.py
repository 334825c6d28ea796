"""Language analysis: sentence splitting, the candidate filter, and spaCy loading."""
from .sentences import split_sentences
from .spacy_model import DEFAULT_MODEL, load_spacy

__all__ = ["split_sentences", "load_spacy", "DEFAULT_MODEL"]
