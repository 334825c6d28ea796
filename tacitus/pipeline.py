"""The coder: documents in, documents with events out.

Stages, in order, for a batch of documents:
  split     sentences by rules (no model)                    -> Document.sentences
  tokenize  every sentence with spaCy's tokenizer (cheap)
  filter    sentences holding a trigger word go on to the parser; the rest only feed the context
  parse     candidate sentences, streamed through spaCy's `pipe` (tagger, parser, lemmatizer)
  actors    dictionary mentions per sentence; document context (participants, speakers, anaphora)
  events    patterns on triggers, framing, status, dates, places, topics -> Document.events

`Coder.code_batch` is a pure function of its input: no I/O, so a process pool, Dask or Spark can
each call it, and a single writer stores what it returns.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import __version__
from .actors.context import DocumentContext
from .actors.dictionary import ActorDictionary
from .actors.recognize import SentenceActors
from .actors.resolve import ArgumentResolver, Deep, unknown_subject
from .events.extract import Extractor
from .events.patterns import Frames, PatternBook, Purposes, load_instruments, load_nominals
from .events.topics import Topics
from .ingest.dateline import dateline_place
from .lexicon import Lexicon
from .model import Actor, Document, Event, Evidence, Sentence
from .nlp.inflect import surface_forms
from .nlp.sentences import split_sentences
from .nlp.spacy_model import irregular_forms, load_spacy
from .ontology import Cameo
from .time.dates import DateResolver, format_date

# Meetings and talks that mean nothing without someone else ("the cabinet met").
SOLITARY_MEETINGS = {"040", "043", "044", "046"}
# Codes that need someone on the receiving end; in a bilateral readout that is the other side.
NEEDS_TARGET = ("03", "05", "04", "018", "019")
# A compound subject with no object does these to each other.
JOINT_ROOTS = {"03", "04", "05", "06", "07", "08"}
# Acts whose object is by nature the actor's own polity (CAMEO codebook): political reform and
# its intent, easing or imposing administrative sanctions (curfews, martial law, bans on parties),
# threats of those, violent repression, and resigning.
DOMESTIC_CODES = ("034", "0351", "0352", "081", "083", "172", "132", "175", "1241", "1242")
# commitments made to someone, not with them: "promised aid to Mozambique" is not mutual
ONE_SIDED = {"promise", "pledge", "vow", "offer", "commit", "volunteer", "propose", "guarantee", "assure"}
JOINT_VERBS = {"clash", "fight", "exchange", "swap", "trade", "battle", "skirmish"}
# Acts aimed at a place: with no other target, the place's country is the target.
LOCATIVE_ROOTS = {"08", "13", "15", "16", "17", "18", "19", "20"}
LOCATIVE_CODES = {"042", "043"}  # a visit's host is where it goes; a discussion is not
AIMED_ROOTS = {"13", "15", "17", "18", "19", "20"}  # force and pressure are aimed at someone else
LOCATIVE_PREPS = {"in", "into", "on", "near", "at", "from", "to", "across", "over", "against", "inside", "outside"}
IRREGULAR_SECTORS = {"REB", "UAF", "CVL", "CRM", "IMG", "SEP", "INS"}
# Subordinating words of background clauses.
BACKGROUND_MARKS = {"after", "before", "since", "when", "as", "while", "because", "although", "though"}
# One reported act is one event: "X visited Y" is X's visit (042), not also Y's hosting (043).
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


class Coder:
    """Loads the model and dictionaries once; codes text, documents and streams of documents."""

    def __init__(self, model: str | None = None, *, batch_size: int = 256):
        self.nlp = load_spacy(model)
        self.nlp.max_length = 2_000_000  # sentences are capped far below; this only guards the tokenizer
        self.model_name = f"{self.nlp.meta.get('lang', '')}_{self.nlp.meta.get('name', '')}"
        self.batch_size = batch_size
        self.cameo = Cameo()
        self.lexicon = Lexicon()
        self._speech_words = self.lexicon["speech_words"]
        self._referring_words = self.lexicon["referring_words"]
        self.resolver = ArgumentResolver(self.lexicon)
        self.patterns = PatternBook(self.cameo)
        self.frames = Frames(self.cameo)
        self.dictionary = ActorDictionary(lambda s: [t.text for t in self.nlp.tokenizer(s)])
        self.topics = Topics()
        self.extractor = Extractor(self.patterns, self.frames, load_nominals(), load_instruments(self.cameo),
                                   Purposes(self.frames), cameo=self.cameo, lexicon=self.lexicon)
        self.dates = DateResolver()
        self.trigger_forms = frozenset(surface_forms(self.patterns.lemmas(), irregular_forms(self.nlp)))
        self.versions = {**static_versions(model), "model": f"{self.model_name}-{self.nlp.meta.get('version', '')}",
                         "patterns": self.patterns.count}

    # -- public API ----------------------------------------------------------------------------
    def __call__(self, text: str, published: str | date | None = None, *, id: str = "doc", title=None) -> Document:
        if isinstance(published, date):
            published = published.isoformat()
        doc = Document(id=id, text=text, published=published, title=title)
        from .ingest.readers import finish
        return self.code_batch([finish(doc)])[0]

    def pipe(self, documents, batch_size: int = 64):
        """Code a stream of Documents lazily, `batch_size` documents at a time, in order. A document
        that cannot be coded comes out with `error` set and no events; the others are not affected."""
        batch = []
        for doc in documents:
            batch.append(doc)
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
        jobs = []  # (document, sentence, tokens doc, is candidate)
        for doc in documents:
            doc.sentences, doc.events = [], []
            for i, (start, end) in enumerate(split_sentences(doc.text)):
                sent = Sentence(i, start, end, doc.text[start:end])
                doc.sentences.append(sent)
        texts = [(doc, s) for doc in documents for s in doc.sentences]
        tokenized = list(self.nlp.tokenizer.pipe([s.text for _, s in texts], batch_size=1000))
        words = [[t.text for t in toks] for toks in tokenized]
        matches = [list(self.dictionary.match(w)) for w in words]
        candidates = [i for i, (_, s) in enumerate(texts) if self._is_candidate(s.text, words[i], matches[i])]
        parsed = dict(zip(candidates, self.nlp.pipe([tokenized[i] for i in candidates],
                                                     batch_size=self.batch_size)))
        by_doc = {}
        for i, (doc, sent) in enumerate(texts):
            by_doc.setdefault(id(doc), []).append((sent, parsed.get(i), tokenized[i], matches[i], words[i]))
        for doc in documents:
            self._code_document(doc, by_doc.get(id(doc), []))
        return documents

    # -- stages --------------------------------------------------------------------------------
    def _is_candidate(self, text: str, words, matches) -> bool:
        """May this sentence hold an event? It needs a trigger word and someone to do it: a
        dictionary mention, a referring word ("he", "both sides") or a name."""
        if not any(w in self.trigger_forms for w in _WORD.findall(text.lower())):
            return False
        return bool(matches) or any(w.lower() in self._referring_words or (i > 0 and w[:1].isupper())
                                    for i, w in enumerate(words))

    def _code_document(self, doc: Document, sentences):
        day = date.fromisoformat(doc.published) if doc.published else None
        ctx = DocumentContext(self.dictionary.countries)
        ctx.home = self._home_country(doc.text)
        paragraph_end = -1
        events = []
        for sent, parsed, tokens, matches, words in sentences:
            spacy_doc = parsed if parsed is not None else tokens
            actors = SentenceActors(spacy_doc, self.dictionary, day, sent.start, matches, words)
            mentioned = self._mentioned(actors, ctx)
            if sent.start > paragraph_end:  # a new paragraph: a new speaker must introduce itself
                ctx.speaker = None
                nl = doc.text.find("\n", sent.end)
                paragraph_end = nl if nl >= 0 else len(doc.text)
            speaker = self._speaker(spacy_doc, actors, mentioned, ctx, words)
            if speaker is not None:
                ctx.speaker = speaker
            ctx.begin_sentence()
            ctx.observe(mentioned)
            ctx.sentence_countries = sorted((a.start or 0, a.country) for a in mentioned if a.country)
            if parsed is None:
                continue
            for found in self.extractor.find(parsed):
                events.extend(self._events(doc, sent, parsed, actors, ctx, found, day))
        self._fill_bilateral_targets(events, ctx, len(sentences))
        # "Israel's cabinet met on Sunday": a meeting or talks with no one else is no interaction
        events = [ev for ev in events if ev.target is not None or ev.cameo not in SOLITARY_MEETINGS]
        doc.events = self._dedupe(events)
        doc.participants = [ctx.best[k] for k in ctx.participants()[:6] if k in ctx.best]
        return doc

    def _home_country(self, text):
        """The country of the dateline's place: a readout's "WASHINGTON, March 14 —" is the US side."""
        place = dateline_place(text)
        if not place:
            return None
        words = [t.text for t in self.nlp.tokenizer(place)]
        for _, _, entry in self.dictionary.match(words):
            value = entry.value
            code = getattr(value, "code", None) or getattr(value, "country", None)
            if entry.kind in ("country", "capital", "place", "adjective") and code and len(code) == 3:
                return code
        return None

    def _mentioned(self, actors: SentenceActors, ctx):
        """Every dictionary actor named in the sentence, for the document context; "Turkey and
        Greece" is also remembered as a group for a later "they"."""
        out, seen = [], set()
        parsed = actors.doc.has_annotation("DEP")
        for m in actors.mention_at.values():
            if id(m) in seen or m.entry.kind in ("sector", "title"):
                continue
            seen.add(id(m))
            head = actors.doc[m.end - 1]
            if parsed:
                named = [a for a in actors.actors_of(head) if hasattr(a, "code")]
                if len([a for a in named if not a.code.startswith("---")]) >= 2:
                    ctx.observe_group(named)
                out.extend(named)
            else:
                out.extend(actors._assemble(head, list(actors.doc[m.start:m.end]), [m]))
        return out

    def _speaker(self, spacy_doc, actors, mentioned, ctx, words=None):
        """"Wang Yi said, ...", "Rebel commanders said they ...": who speaks for what follows."""
        if words is not None and not any(w.lower() in self._speech_words for w in words[1:14]):
            return None
        for tok in spacy_doc[:14]:
            if tok.lower_ not in self._speech_words or tok.i == 0:
                continue
            # "X was quoted as saying": the passive subject speaks
            deps = ("nsubj", "nsubjpass") if tok.lower_ == "quoted" else ("nsubj",)
            subjects = [c for c in tok.children if c.dep_ in deps] if spacy_doc.has_annotation("DEP") else []
            if subjects:
                resolved = self.resolver.resolve(subjects, actors, ctx)
                if resolved:
                    return resolved[0]
            before = [a for a in mentioned if a.end is not None and a.end <= actors.offset + tok.idx]
            if before:
                return before[-1]
        return None

    def _events(self, doc, sent, parsed, actors, ctx, found, day):
        sources = self.resolver.resolve(found.sources, actors, ctx)
        targets, stated_target = self._named_targets(found, sources, actors, ctx)
        if found.needs_target and not [t for t in targets if not any(t.same_entity(s) for s in sources)]:
            return []
        if not sources and found.sources:
            unk = unknown_subject(found.sources[0], sent.start)
            if unk is not None:
                sources = [unk]
        if not sources and found.passive and _in_relative_clause(found.trigger):
            # "a curfew in Montenegro, where 28 people have been killed": background with no doer
            return []
        if not sources and not (targets and found.passive):
            # no one acts: "Welcome old friends to visit us" codes nothing; but a passive
            # ("Aristide has been accused of ...") reports an act whose doer goes unnamed
            return []
        targets = self._implied_targets(found, sources, targets, actors)
        domestic = not targets and found.code[:2] == "14"  # a protest with no stated target is aimed
        # at the protesters' own authorities
        if len(sources) >= 2:
            ctx.observe_group(sources)
        pairs = []
        # only an act that happened between both is mutual; an intent, appeal or refusal is one side's
        mutual = self.cameo[found.code].reciprocal and found.frame_word is None and not found.planned and stated_target and \
            found.trigger.lemma_.lower() not in ONE_SIDED
        joint_verb = found.trigger.lemma_.lower() in JOINT_VERBS
        if len(sources) >= 2 and (joint_verb or (not targets and found.code[:2] in JOINT_ROOTS)):
            # "Brazil and Argentina agreed to deepen cooperation": each toward the other
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            for s in sources or [None]:
                if domestic and s is not None and s.country:
                    own = Actor(s.country + "GOV", s.country, "GOV", self._country_name(s.country), "country",
                                resolved_from="domestic")
                    pairs.append((s, own))
                    continue
                for t in targets or [None]:
                    if s is not None and t is not None and s.same_entity(t):
                        continue
                    pairs.append((s, t))
                    if s is not None and t is not None and mutual:
                        pairs.append((t, s))
        info = self.cameo[found.code]
        when, precision = self.dates.resolve(self.dates.expression(found.clause), day, found.status == "planned")
        planned = None
        if found.planned:  # the announced act keeps its own date; the statement is dated by its words
            act_when, act_precision = self.dates.resolve(self.dates.expression(found.act_clause), day, True)
            planned = self._planned(found, act_when, act_precision)
        status = found.status
        if when is not None and day is not None and status == "occurred" and (day - when).days > 366:
            status = "historical"
        if when is None and status in ("occurred", "historical"):
            when, precision = day, "day"
        elif status == "occurred" and day is not None and precision in ("week", "month", "year") \
                and format_date(when, precision) == format_date(day, precision):
            when, precision = day, "day"  # "this year": the report's own day is the best we know
        place = self._place(found)
        topics = self.topics(sent.text)
        trig = found.trigger
        t_start = sent.start + trig.idx
        if not pairs and sources:
            # the only target was the source itself ("Yugoslavia rejected ... the Yugoslav consulate")
            pairs = [(s, None) for s in sources]
        out = []
        for pair in pairs:
            s, t = pair[0], pair[1]
            code = pair[2] if len(pair) > 2 else found.code
            if s is not None and code in ("180", "190"):
                # CAMEO: unconventional violence (18) is done by rebels, gunmen, militants;
                # conventional force (19) by armed forces and states
                if code == "190" and s.sector in IRREGULAR_SECTORS and not joint_verb:  # a clash stays a fight
                    code = "180"
                elif code == "180" and s.sector in ("MIL", "GOV") and s.country:
                    code = "190"
            info = self.cameo[code]
            spans = [(t_start, t_start + len(trig.text))]
            spans += [(a.start, a.end) for a in (s, t) if a is not None and a.start is not None
                      and sent.start <= a.start < sent.end]
            evidence = Evidence(
                sentence=sent.index, start=min(x for x, _ in spans), end=max(y for _, y in spans), text=sent.text,
                trigger=trig.text, trigger_start=t_start, trigger_end=t_start + len(trig.text), pattern=found.pattern,
                source_span=(s.start, s.end) if s is not None and s.start is not None else None,
                target_span=(t.start, t.end) if t is not None and t.start is not None else None)
            out.append(Event(source=s, target=t, cameo=info.code, name=info.name, plover=info.plover,
                             goldstein=info.goldstein, quad_class=info.quad_class, status=status,
                             date=format_date(when, precision), evidence=evidence, place=place, topics=topics,
                             speaker=ctx.speaker, planned=planned))
        return out

    def _named_targets(self, found, sources, actors, ctx):
        """The targets the sentence names for an event, and whether the pattern's own slots named
        them (only those make an act mutual)."""
        # cooperation goes to the people named, not to whoever a clause says acted on them
        cooperative = found.code[:2] < "09"
        named = self.resolver.resolve(found.targets, actors, ctx, skip_agents=cooperative)
        targets = named
        if targets and sources and all(t.sector is None and t.country == sources[0].country for t in targets):
            # "blocked streets in Hong Kong in defiance of Chinese authorities": the actor's own
            # ground is where it acts; someone the act is aimed at, if named, is the target
            targets = []
        for fallback in found.fallback_targets if not targets else ():
            deep = any(isinstance(item, Deep) for item in fallback)
            targets = [t for t in self.resolver.resolve(fallback, actors, ctx)
                       if not any(t.same_entity(s) for s in sources)
                       and not (t.kind == "place" and found.code[:2] == "04")  # "to Geneva for talks"
                       # a guess from deep inside a clause ("deliveries of fighter jets") is no target
                       and not (deep and t.resolved_from == "context")]
            if targets:
                break
        return targets or named, bool(named)

    def _implied_targets(self, found, sources, targets, actors):
        """Targets the act implies when the sentence names none it can use: where force lands, the
        host of a visit, the actor's own country for domestic acts. May recode a lone traveller's
        third-place talks (044) as a visit (042)."""
        if targets and sources and found.code[:2] in AIMED_ROOTS and \
                all(t.country and t.country == sources[0].country for t in targets):
            # "Britain mobilized army reservists for a war against Iraq": one's own forces are the
            # means, not the target; the country the act is aimed at is
            aimed = self._located(found.trigger, actors, deep=True)
            if aimed and aimed[0].country != sources[0].country:
                targets = aimed
        if not targets and found.code == "044" and len(sources) == 1:
            # one side travelling "to Cairo for talks": a visit to the host, not a third place
            located = self._located(found.trigger, actors)
            if located and located[0].country != sources[0].country:
                found.code, targets = "042", located
        if not targets and (found.code[:2] in LOCATIVE_ROOTS or found.code in LOCATIVE_CODES):
            # "reimposed blockades in the West Bank", "shelled positions near Kharkiv": where force
            # or pressure lands is what it is aimed at
            targets = self._located(found.trigger, actors)
        if not targets and sources and sources[0].country and \
                (found.code.startswith(DOMESTIC_CODES) or (found.planned or "").startswith(DOMESTIC_CODES)
                 or sources[0].sector == "COP" and found.code[:2] in ("17", "18", "19")):
            # a curfew, martial law, a ban on parties, a resignation, political reform, force used by
            # the police: with no one else named, these are done to the actor's own country
            targets = [Actor(sources[0].country, sources[0].country, None, self._country_name(sources[0].country),
                             "place", resolved_from="domestic")]
        return targets

    def _located(self, trigger, actors, deep=False):
        """Countries named by the places the act happens in, on or near (with deep=True, anywhere
        in the act's objects: "reservists for a possible war against Iraq")."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if deep:
            holders = [t for h in holders for t in h.subtree]
        out = []
        for h in holders:
            for prep in h.children:
                if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [a for a in actors.actors_of(pobj) if isinstance(a, Actor) and a.country
                                and (a.sector in (None, "GOV") or a.kind == "place")]
        return [replace(a, code=a.country, sector=None, kind="place") for a in out[:1]]

    def _country_name(self, code):
        country = self.dictionary.countries.get(code)
        return country.name if country else None

    def _planned(self, found, when, precision):
        """For a stated intent or threat, the act it announces and when that act is due."""
        if not found.planned:
            return None
        act = self.cameo[found.planned]
        return {"cameo": act.code, "name": act.name, "date": format_date(when, precision)}

    def _place(self, found):
        trig = found.trigger
        holders = [trig] + [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and not self.dates.expression([pobj]):
                        words = [t for t in pobj.subtree if t.dep_ in ("compound", "flat") or t is pobj]
                        return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        return None

    def _fill_bilateral_targets(self, events, ctx, n_sentences):
        """In a bilateral document, support or intent with no stated target is meant for the other side."""
        parts = [k for k in ctx.participants() if len(k) == 3][:2]
        if n_sentences < 3 or len(parts) < 2:
            return
        for i, ev in enumerate(events):
            if ev.target is None and ev.source is not None and ev.source.country in parts \
                    and ev.cameo.startswith(NEEDS_TARGET):
                other = parts[1] if ev.source.country == parts[0] else parts[0]
                best = ctx.best.get(other)
                target = best if best is not None and best.sector == "GOV" else None
                if target is None:
                    target = Actor(other + "GOV", other, "GOV", self._country_name(other), "country")
                events[i] = replace(ev, target=replace(target, start=None, end=None, text=None,
                                                       resolved_from="bilateral"))

    @staticmethod
    def _dedupe(events):
        seen, out = set(), []
        for ev in events:
            key = (ev.source.code if ev.source else None, ev.target.code if ev.target else None, ev.cameo,
                   ev.evidence.sentence, ev.status)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out


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


def _in_relative_clause(tok):
    """The token sits in a relative or adverbial clause ("..., where 28 people were killed", "who
    was detained", "after a state of siege was declared"): background to the sentence's news."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl" or (cur.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in cur.children)):
            return True
        cur = cur.head
    return False
