"""The coder: documents in, documents with events out, through an ordered list of stages.

Each stage is a small class in the package its work belongs to; it declares what it reads and
writes on the typed working state (tacitus/stages.py), and the chain is checked once, when the
coder loads:

  segment        nlp/segment.py       sentences, tokens and dictionary matches      (batch)
  filter         nlp/segment.py       which sentences may hold an event              (batch)
  parse          nlp/parse.py         spaCy's tagger, parser, lemmatizer on those    (batch)
  context        actors/stage.py      the document context, on the dateline's side   (document)
  actors         actors/stage.py      each sentence's actors                         (sentence)
  reading        actors/stage.py      speaker, paragraphs, what the context remembers (sentence)
  triggers       events/triggers.py   pattern matches on trigger words               (sentence)
  framing        events/framing.py    each trigger's frame, status and final code    (sentence)
  arguments      events/arguments.py  source and target tokens; which triggers stand (sentence)
  assembly       events/assemble.py   sources, targets, pairs and evidence           (sentence)
  circumstances  time/stage.py        each event's date, status, place and topics    (sentence)
  document_rules events/document.py   the other side, lone meetings, repeats         (document)
  type_model     events/typed.py      a sentence with actors the rules gave no event (document)
  main_event     events/main.py       which event is each sentence's main one        (document)
  plover_modes   events/modes.py      each event's PLOVER mode and contexts          (document)

`Coder.code_batch` is a pure function of its input: no I/O, so a process pool, Dask or Spark can
each call it, and a single writer stores what it returns.
"""
from __future__ import annotations

import gc
from datetime import date

from . import __version__
from .actors.conventions import Conventions
from .actors.dictionary import ActorDictionary
from .actors.words import ActorWords
from .actors.resolve import ArgumentResolver
from .actors.speaker import Speakers
from .actors.stage import Actors, Context, Reading
from .events.assemble import Assembly
from .events.main import MainEvent
from .events.typed import TypeModelStage
from .events.typemodel import TypeModel
from .events.modes import PloverModes
from .events.plover_types import PloverTypes
from .events.document import DocumentRules
from .events import event_stages
from .events.patterns import Frames, PatternBook, Purposes, load_instruments, load_nominals
from .events.topics import Topics
from .lexicon import Lexicon
from .model import Document
from .nlp.inflect import surface_forms
from .nlp.parse import Parse
from .nlp.segment import Filter, Segment
from .nlp.spacy_model import irregular_forms, load_spacy
from .ontology import Cameo
from .stages import Chain, DocumentState
from .time.dateline import read_dateline
from .time.dates import DateResolver
from .geo.locate import Locate
from .time.stage import Circumstances


class Coder:
    """Loads the model and dictionaries once; codes text, documents and streams of documents."""

    def __init__(self, model: str | None = None, *, batch_size: int = 256):
        self.nlp = load_spacy(model)
        self.nlp.max_length = 2_000_000  # sentences are capped far below; this only guards the tokenizer
        self.model_name = f"{self.nlp.meta.get('lang', '')}_{self.nlp.meta.get('name', '')}"
        self.batch_size = batch_size
        self.cameo = Cameo()
        self.lexicon = Lexicon()
        self.resolver = ArgumentResolver(self.lexicon)
        self.patterns = PatternBook(self.cameo)
        self.frames = Frames(self.cameo)
        self.plover_types = PloverTypes(self.cameo, self.patterns, self.frames, self.lexicon["ordering_verbs"])
        self.dictionary = ActorDictionary(self._token_texts)
        self.topics = Topics()
        self.dates = DateResolver(self.lexicon)
        self.trigger_forms = frozenset(surface_forms(self.patterns.lemmas(), irregular_forms(self.nlp)))
        self.conventions = Conventions(self.dictionary, self._token_texts, self.lexicon)
        self.stages = self._stages()
        self.chain = Chain(self.stages)  # checks the stages' contracts, once
        self.versions = {**static_versions(model), "model": f"{self.model_name}-{self.nlp.meta.get('version', '')}",
                         "patterns": self.patterns.count}

    def _stages(self) -> list:
        lexicon = self.lexicon
        return [
            Segment(self.nlp.tokenizer, self.dictionary, lexicon),
            Filter(self.trigger_forms, lexicon),
            Parse(self.nlp, self.batch_size, lexicon["drill_nouns"], lexicon["speech_lemmas"],
                  lexicon["bearer_participles"]),
            Context(self.conventions, lexicon),
            Actors(self.dictionary, ActorWords.from_lexicon(lexicon)),
            Reading(Speakers(lexicon, self.resolver)),
            *event_stages(self.patterns, self.frames, cameo=self.cameo, lexicon=lexicon, nominals=load_nominals(),
                          instruments=load_instruments(self.cameo), purposes=Purposes(self.frames)),
            Assembly(self.cameo, self.resolver, self.conventions, lexicon),
            Circumstances(self.cameo, self.dates, self.topics, self.plover_types),
            DocumentRules(self.cameo, self.conventions, lexicon["framing_nouns"]),
            *self._type_model(),
            MainEvent(),
            PloverModes(pattern_mode=self.plover_types.mode),
            Locate(),
        ]

    def _type_model(self) -> list:
        """The type model stage, with the shipped weights; $TACITUS_TYPE_MODEL names other weights (an
        .npz with its .json header: cross-validation) or "off" (the rules alone), and
        $TACITUS_TYPE_THRESHOLD another threshold."""
        import os
        path = os.environ.get("TACITUS_TYPE_MODEL") or None
        if path == "off":
            return []
        threshold = os.environ.get("TACITUS_TYPE_THRESHOLD")
        return [TypeModelStage(self.cameo, self.dates, self.topics, TypeModel.load(path),
                               float(threshold) if threshold else None)]

    def _token_texts(self, text):
        """The token texts of `text` by the model's tokenizer, as the dictionary's names are indexed."""
        return [t.text for t in self.nlp.tokenizer(text)]

    # -- public API ----------------------------------------------------------------------------
    def __call__(self, text: str, published: str | date | None = None, *, id: str = "doc", title=None) -> Document:
        if isinstance(published, date):
            published = published.isoformat()
        doc = Document(id=id, text=text, published=published, title=title)
        return self.code_batch([read_dateline(doc)])[0]

    def pipe(self, documents, batch_size: int = 64):
        """Code a stream of Documents lazily, `batch_size` documents at a time, in order. A document
        that cannot be coded comes out with `error` set and no events; the others are not affected.

        Each item is a Document or a mapping with the fields of a JSON-lines record (`text`
        required; `id`, `published`, `title`, `url`, `source`), read as `tacitus code` reads a line;
        anything else, or a mapping that cannot be a document, is a TypeError naming the item and
        the field."""
        batch = []
        for index, item in enumerate(documents):
            batch.append(as_document(item, index))
            if len(batch) >= batch_size:
                yield from self.code_batch_safely(batch)
                batch = []
        if batch:
            yield from self.code_batch_safely(batch)

    def code_batch_safely(self, documents: list) -> list:
        try:
            return self.code_batch(documents)
        except Exception:  # noqa: BLE001 - find the document at fault, code the others
            out = []
            for doc in documents:
                try:
                    out.extend(self.code_batch([doc]))
                except Exception as exc:  # noqa: BLE001
                    doc.sentences, doc.events = [], []
                    doc.error = f"could not be coded: {type(exc).__name__}: {exc}"[:500]
                    out.append(doc)
            return out

    def code_batch(self, documents: list) -> list:
        """Code a list of Documents and return them with sentences, participants and events."""
        states = [DocumentState(doc, date.fromisoformat(doc.published) if doc.published else None)
                  for doc in documents]
        # A batch keeps every sentence's parse and records alive until it ends, and the cycle
        # collector would scan them again and again as the stages allocate (a tenth of the coding
        # time on wire text); what little cyclic garbage a batch makes is collected after it.
        # The states are dropped before the collector is switched back on, so that their parses
        # are freed by reference counting rather than scanned once more on the way out.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.chain(states)
            for state in states:
                doc = state.document
                doc.sentences = [s.sentence for s in state.sentences]
                doc.events, doc.participants = state.events, state.participants
                doc.dropped = sorted([d.to_dict(s.sentence, _named(s)) for s in state.sentences for d in s.dropped]
                                     + [d.to_dict(s.sentence, _named(s)) for s, d in state.dropped],
                                     key=lambda d: (d["sentence"], d["trigger_start"]))
            del states
        finally:
            if collecting:
                gc.enable()
        return documents


def as_document(item, index: int = 0) -> Document:
    """`item` (a Document or a mapping, the `index`-th of a stream) as a Document, or TypeError."""
    if isinstance(item, Document):
        return item
    from collections.abc import Mapping
    if isinstance(item, Mapping):
        from .ingest.readers import Problem, document_from_record
        doc = document_from_record(dict(item), f"item {index}", default_id=f"item-{index}")
        if isinstance(doc, Problem):
            raise TypeError(f"Coder.pipe: {doc}")
        return doc
    raise TypeError(f"Coder.pipe: item {index} is a {type(item).__name__}; give a tacitus.Document or a "
                    "mapping such as {'id': ..., 'text': ..., 'published': ...}")


def _named(sent):
    """The codes of the dictionary actors a sentence names, each once."""
    return list(dict.fromkeys(a.code for a in sent.mentioned))


def dictionary_version() -> str:
    """A short hash of every data file: two stores coded with the same dictionaries share it."""
    import hashlib
    from .datafiles import data_path
    h = hashlib.sha256()
    for path in sorted(data_path("").iterdir()):
        if path.suffix in (".tsv", ".jsonl"):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def static_versions(model: str | None = None) -> dict:
    """The versions that decide what a document's events are, known without loading the model:
    a writer fed by worker processes records these."""
    import os
    from importlib import metadata
    from .nlp.spacy_model import DEFAULT_MODEL
    name = model or os.environ.get("TACITUS_MODEL") or DEFAULT_MODEL
    try:
        model_version = metadata.version(name)
    except metadata.PackageNotFoundError:
        model_version = ""
    return {"coder": __version__, "model": f"{name}-{model_version}", "dictionaries": dictionary_version()}


def load(model: str | None = None, **kwargs) -> Coder:
    """Load a Coder: the spaCy model (TACITUS_MODEL or the packaged default) and every dictionary."""
    return Coder(model, **kwargs)
