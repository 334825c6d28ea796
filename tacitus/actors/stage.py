"""The actor stages: each sentence's actors, and the document context read sentence by sentence
(participants, speakers, anaphora), which later stages resolve "he" and "both sides" against."""
from __future__ import annotations

from dataclasses import replace

from ..stages import Stage
from ..nlp.normalise import analysis_text
from ..time.dateline import dateline_place
from .context import DocumentContext
from .recognize import SentenceActors

QUOTED = frozenset('"“”')


class Actors(Stage):
    """Dictionary mentions of each sentence assembled into actors along its noun phrases, and the
    actors it names for the document context ("Turkey and Greece" also as a group)."""

    name = "actors"
    level = "sentence"
    requires = ("document.day", "sentence.sentence", "sentence.tokens", "sentence.parsed", "sentence.words",
                "sentence.matches")
    assigns = ("sentence.actors", "sentence.mentioned", "sentence.groups")

    def __init__(self, dictionary, actor_words):
        self.dictionary = dictionary
        self.actor_words = actor_words

    def __call__(self, doc, sent):
        # the tokens were made from the sentence's analysis text (nlp/segment.py): spaCy need not join them
        actors = SentenceActors(sent.doc, self.dictionary, self.actor_words, doc.day, sent.sentence.start,
                                sent.matches, sent.words, analysis_text(sent.sentence.text))
        sent.actors = actors
        sent.mentioned, sent.groups = self.mentioned(actors)

    @staticmethod
    def mentioned(actors: SentenceActors):
        """Every dictionary actor named in the sentence, and the groups of two or more named together."""
        out, groups, seen = [], [], set()
        parsed = actors.doc.has_annotation("DEP")
        for m in actors.mention_at.values():
            if id(m) in seen:
                continue
            seen.add(id(m))
            head = actors.doc[m.end - 1]
            if m.entry.kind in ("sector", "title"):
                # "Foreign Minister Nguyen Dy Nien", "Dulloo, Mauritian Foreign Minister": the titled
                # person no dictionary has, for the surname later
                person = _titled_name(head) if parsed and m.entry.kind == "title" else None
                out.extend(_with_title(a, actors, m, person)
                           for a in (actors.actors_of(person) if person is not None else ())
                           if getattr(a, "kind", None) == "person" and a.code[:3] != "---")
                continue
            if parsed:
                named = [a for a in actors.actors_of(head) if hasattr(a, "code")]
                if len([a for a in named if not a.code.startswith("---")]) >= 2:
                    groups.append(named)
                out.extend(named)
            else:
                out.extend(actors._assemble(head, list(actors.doc[m.start:m.end]), [m]))
        return out, groups


class Context(Stage):
    """A fresh document context, on the side of the dateline's country ("WASHINGTON, March 14 -")."""

    name = "context"
    level = "document"
    requires = ("document.document", "sentence.words", "sentence.matches")
    assigns = ("document.context",)
    HEAD = 4  # the sentences (headings, the first lines) that say whether a text is a readout

    def __init__(self, conventions, lexicon):
        self.conventions = conventions
        self.countries = conventions.dictionary.countries
        self.titles = lexicon["bare_titles"]
        self.country_level = lexicon["country_level_words"]
        self.readout_marks = lexicon["readout_marks"]

    def __call__(self, doc):
        home = self.conventions.home_country(dateline_place(doc.document.text))
        heads = doc.sentences[:self.HEAD]
        # lookups on the first sentences' words alone ("Readout of ...", "our"), quotes left out:
        # a quoted "we" is the speaker's, not the text's
        readout = any(w.lower() in self.readout_marks for s in heads if not QUOTED & set(s.sentence.text)
                      for w in s.words)
        if home is None and readout:
            home = self._heading_home(heads)
        doc.context = DocumentContext(self.countries, self.titles, self.country_level, home=home,
                                      holds_office=self.conventions.holds_office, readout=readout)

    @staticmethod
    def _heading_home(heads):
        """A readout's country from a heading line that is only a seat of government or an office
        ("Office of the Press Secretary", "The Kremlin"), or None."""
        for s in heads:
            for start, end, entry in s.matches:
                code = getattr(entry.value, "code", None) or getattr(entry.value, "country", None)
                if entry.kind == "capital" and code and end == len(s.words) and start <= 1:
                    return code
        return None


class Reading(Stage):
    """The document context reads each sentence in turn: a new paragraph forgets its speaker, a
    sentence naming one ("Wang Yi said, ...") sets it, and the actors named are remembered."""

    name = "reading"
    level = "sentence"
    requires = ("document.document", "sentence.sentence", "sentence.words", "sentence.actors",
                "sentence.mentioned", "sentence.groups")
    updates = ("document.context",)
    assigns = ("sentence.speaker",)

    def __init__(self, speakers):
        self.speakers = speakers

    def __call__(self, doc, sent):
        ctx, mentioned = doc.context, sent.mentioned
        for group in sent.groups:
            ctx.observe_group(group)
        ctx.enter_sentence(sent.sentence.start, sent.sentence.end, doc.document.text)
        speaker = self.speakers.find(sent.actors.doc, sent.actors, mentioned, ctx, sent.words)
        if speaker is not None:
            ctx.speaker = speaker
        sent.speaker = ctx.speaker
        ctx.read_sentence(mentioned)


def _with_title(actor, actors, mention, person):
    """The titled person with the title in its text, so that "the Foreign Secretary" later is this
    person; not the others of a list ("Foreign Secretary X and Minister Y")."""
    at = actors.offset + person.idx
    title = actors.doc[mention.start:mention.end].text
    if title.lower() in (actor.text or "").lower() or not (actor.start or 0) <= at < (actor.end or 0):
        return actor
    return replace(actor, text=f"{title} {actor.text}")


def _titled_name(tok):
    """The name a title belongs to: the proper noun it is compounded with, or the one it is in
    apposition to; None for a title standing alone."""
    if tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        while tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            tok = tok.head
        return tok
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        return tok.head
    # "Foreign Secretary James Cleverly" parsed with the name in apposition to the title
    return next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1),
                None)
