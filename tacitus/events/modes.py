"""Stage `plover_modes`: each event's PLOVER mode and contexts, after the events exist.

The PLOVER codebook defines modes for eleven of its types (CONSULT phone / visit / ..., ASSAULT
aerial / firearms / ..., data/plover_modes.tsv) and 37 contexts an event may be about
(data/plover_contexts.tsv). The CAMEO table's own mode and context columns follow the CAMEO
mapping, which names modes the codebook lacks ("massacre") and leaves most events without one;
this stage reads them afresh from what the sentence says:

- mode: the cue rows of the event's type whose cues occur where the row says (`trigger`: the
  trigger word; `object`: the words the trigger governs; `sentence`: anywhere in the sentence;
  `cameo`: the event's CAMEO code, which the frames and instruments.tsv set from the weapon or
  the verb); the row with the lowest priority wins. A type without modes keeps None.
- contexts: the contexts whose cue words occur in the sentence, those its mode implies
  (COERCE cyber is always cyber) and those its topics imply (events/topics.py); when the
  sentence gives none, the cue contexts of the other sentences of its paragraph. The CAMEO
  table's context column is not used: it follows the CAMEO mapping per code (every arrest
  "legal", every curfew "pro_autocracy") rather than what the sentence is about. Sorted, so
  the output is deterministic.

Cheap by construction: every cue is indexed once, at load, by its first word; a sentence is
read once into a set of its words and lemmas, and a row is tested only when its first word is
there.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LEMMA, LENGTH

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError
from ..model import Plover
from ..ontology import PLOVER_TYPES
from ..stages import Stage

SCOPES = ("trigger", "object", "sentence", "cameo")
CONTEXTS = ("military", "intelligence", "executive", "legislative", "election", "political_institutions",
            "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
            "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
            "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
            "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
            "misinformation", "crime", "corruption", "illegal_drugs", "trafficking")
# the dependents of a trigger that name what it is about ("called for the RELEASE of", "refused TALKS")
OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "xcomp", "ccomp", "attr", "oprd", "acomp", "compound",
                         "amod", "nsubjpass", "acl", "relcl", "advcl", "npadvmod", "agent", "dative", "conj"})
_WORD = re.compile(r"[\w'-]+")


class Cues:
    """A set of cue words and phrases, tested against a sentence's word set and its text."""

    def __init__(self, cues):
        self.words = frozenset(c for c in cues if " " not in c)
        self.phrases = tuple(c for c in cues if " " in c)
        self.firsts = frozenset(c.split(" ", 1)[0] for c in self.phrases)

    def found(self, words: frozenset, text: str) -> bool:
        if not self.words.isdisjoint(words):
            return True
        return bool(self.phrases) and not self.firsts.isdisjoint(words) and \
            any(f" {p} " in text for p in self.phrases)


def load_modes(path=None) -> dict:
    """{type: [(priority, mode, scope, Cues or codes)]}, sorted by priority."""
    modes = {}
    for n, row in read_tsv("plover_modes.tsv", ("type", "mode", "scope", "cues", "priority"),
                           key=("type", "mode", "scope"), path=path):
        where = f"plover_modes.tsv:{n}"
        if row["type"] not in PLOVER_TYPES:
            raise DataFileError(f"unknown PLOVER type {row['type']!r}", where=where)
        if row["scope"] not in SCOPES:
            raise DataFileError(f"scope must be one of {SCOPES}, not {row['scope']!r}", where=where)
        if not row["mode"] or not re.fullmatch(r"[a-z-]+", row["mode"]):
            raise DataFileError(f"bad mode {row['mode']!r}", where=where)
        try:
            priority = int(row["priority"])
        except ValueError:
            raise DataFileError(f"priority must be an integer, not {row['priority']!r}", where=where) from None
        cues = [c.lower() for c in split_list(row["cues"])]
        if not cues:
            raise DataFileError("no cues", where=where)
        if row["scope"] == "cameo":
            if not all(c.isdigit() and len(c) in (3, 4) for c in cues):
                raise DataFileError(f"cameo cues must be CAMEO codes: {cues}", where=where)
            test = frozenset(cues)
        else:
            test = Cues(cues)
        modes.setdefault(row["type"], []).append((priority, row["mode"], row["scope"], test))
    for rows in modes.values():
        rows.sort(key=lambda r: r[0])
    return modes


def load_contexts(modes, path=None) -> tuple:
    """[(context, Cues)], {(type, mode): contexts}, {topic: contexts}."""
    cues, by_mode, by_topic = [], {}, {}
    known = {(t, r[1]) for t, rows in modes.items() for r in rows}
    for n, row in read_tsv("plover_contexts.tsv", ("context", "cues", "implied_by"), key="context", path=path):
        where = f"plover_contexts.tsv:{n}"
        context = row["context"]
        if context not in CONTEXTS:
            raise DataFileError(f"{context!r} is no context of the PLOVER codebook", where=where)
        words = [c.lower() for c in split_list(row["cues"])]
        if words:
            cues.append((context, Cues(words)))
        for item in split_list(row["implied_by"]):
            kind, _, value = item.partition(":")
            if kind == "mode":
                key = tuple(value.split("/", 1))
                if key not in known:
                    raise DataFileError(f"{value!r} is no type/mode of plover_modes.tsv", where=where)
                by_mode.setdefault(key, set()).add(context)
            elif kind == "topic" and value:
                by_topic.setdefault(value, set()).add(context)
            else:
                raise DataFileError(f"implied_by items are mode:TYPE/mode or topic:NAME, not {item!r}", where=where)
    return cues, by_mode, by_topic


class PloverModes(Stage):
    """Each event's PLOVER mode (where its type has modes) and its sorted list of contexts."""

    name = "plover_modes"
    level = "document"
    requires = ("document.document", "document.sentences", "document.events")
    updates = ("document.events",)

    def __init__(self, modes_path=None, contexts_path=None, pattern_mode=None):
        self.modes = load_modes(modes_path)
        # (pattern id, type) -> the mode a pattern names for the type it codes (events/plover_types.py)
        self.pattern_mode = pattern_mode
        self.contexts, self.by_mode, self.by_topic = load_contexts(self.modes, contexts_path)
        # the context cues indexed by word, and the phrases by their first word: a sentence's cue
        # contexts are read off its own words instead of testing every context against them (a
        # phrase can only occur in the padded text where its first word is one of the sentence's)
        self._context_words, self._context_phrases = {}, {}
        for context, test in self.contexts:
            for w in test.words:
                self._context_words.setdefault(w, set()).add(context)
            for p in test.phrases:
                self._context_phrases.setdefault(p.split(" ", 1)[0], []).append((context, f" {p} "))
        self._lemmas = {}  # lemma hash -> its lowercased text

    def __call__(self, doc):
        if not doc.events:
            return
        read = {}  # sentence index -> (words, text, parsed doc), read once per sentence
        cues = {}  # sentence index -> its cue contexts
        events = []
        for ev in doc.events:
            i = ev.evidence.sentence
            if i not in read:
                read[i] = self._read(doc, i)
            words, text, parsed, start = read[i]
            mode = self.mode(ev, words, text, parsed, start)
            if i not in cues:
                cues[i] = self._cue_contexts(words, text)
            contexts = set(cues[i])
            if not contexts:
                contexts = self._paragraph_contexts(doc, i, read, cues)
            contexts |= self.by_mode.get((ev.plover.type, mode), set())
            for topic in ev.topics:
                contexts |= self.by_topic.get(topic, set())
            events.append(ev.but(plover=Plover(ev.plover.type, mode, tuple(sorted(contexts)))))
        doc.events = events

    # -- mode --------------------------------------------------------------------------------
    def mode(self, ev, words, text, parsed, start):
        rows = self.modes.get(ev.plover.type)
        if not rows:
            return None
        named = self.pattern_mode(ev.evidence.pattern, ev.plover.type) if self.pattern_mode else None
        if named:
            return named
        trigger = obj = None
        for _, mode, scope, test in rows:
            if scope == "cameo":
                if ev.cameo in test:
                    return mode
            elif scope == "sentence":
                if test.found(words, text):
                    return mode
            else:
                if trigger is None:
                    trigger, obj = _trigger_words(parsed, ev.evidence, start)
                w, t = trigger if scope == "trigger" else obj
                if test.found(w, t):
                    return mode
        return None

    # -- contexts ----------------------------------------------------------------------------
    def _cue_contexts(self, words, text):
        """The contexts whose cues occur in the sentence: the same as testing each context's Cues."""
        out = set()
        index = self._context_words
        for w in words:
            hit = index.get(w)
            if hit:
                out |= hit
        phrases = self._context_phrases
        for w in words:
            for context, padded in phrases.get(w, ()):
                if context not in out and padded in text:
                    out.add(context)
        return frozenset(out)

    def _paragraph_contexts(self, doc, i, read, cues):
        """The cue contexts of the other sentences of sentence i's paragraph (blank-line delimited)."""
        full = doc.document.text
        sents = doc.sentences
        out = set()
        for j in (i - 1, i + 1, i - 2, i + 2):
            if not 0 <= j < len(sents):
                continue
            a, b = sorted((sents[i].sentence, sents[j].sentence), key=lambda s: s.start)
            if "\n\n" in full[a.end:b.start].replace("\r", "") or "\n \n" in full[a.end:b.start]:
                continue
            if j not in cues:
                if j not in read:
                    read[j] = self._read(doc, j)
                cues[j] = self._cue_contexts(read[j][0], read[j][1])
            out |= cues[j]
        return out

    def _read(self, doc, i):
        """A sentence's words and lemmas (lowercased), its padded lowercase text, its analysis."""
        if not 0 <= i < len(doc.sentences):
            return frozenset(), " ", None, 0
        state = doc.sentences[i]
        parsed = state.doc
        text = state.sentence.text.lower()
        found = _WORD.findall(text)
        words = set(found)
        if parsed is not None and state.parsed is not None:
            # the lemmas from one array read (no Token objects), each hash's text lowercased once
            lemmas, strings = self._lemmas, parsed.vocab.strings
            for h in set(parsed.to_array(LEMMA).tolist()):
                lower = lemmas.get(h)
                if lower is None:
                    lower = lemmas[h] = strings[h].lower()
                words.add(lower)
        return frozenset(words), " " + " ".join(found) + " ", parsed, state.sentence.start


def _trigger_words(parsed, evidence, start):
    """((words, text) of the trigger, (words, text) of what it governs), lowercased, with lemmas."""
    if parsed is None:
        return (frozenset(), " "), (frozenset(), " ")
    offset = evidence.trigger_start - start
    end = evidence.trigger_end - start
    # the tokens overlapping [offset, end): tokens are in order and do not overlap, so their starts
    # and ends both ascend and the overlapping ones are a run found by bisection (no Token built
    # for the others)
    rows = parsed.to_array([IDX, LENGTH]).tolist()
    starts, ends = [a for a, _ in rows], [a + n for a, n in rows]
    toks = [parsed[k] for k in range(bisect_right(ends, offset), bisect_left(starts, end))]
    if not toks:
        return (frozenset(), " "), (frozenset(), " ")
    trig = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
    trig_text = " " + " ".join(t.lower_ for t in toks) + " "
    ids = {t.i for t in toks}
    gov = []
    for t in toks:
        for child in t.children:
            if child.i not in ids and child.dep_ in OBJECT_DEPS:
                gov.extend(child.subtree)
    gov.sort(key=lambda t: t.i)
    obj = {t.lower_ for t in gov} | {t.lemma_.lower() for t in gov}
    return (frozenset(trig), trig_text), (frozenset(obj), " " + " ".join(t.lower_ for t in gov) + " ")
