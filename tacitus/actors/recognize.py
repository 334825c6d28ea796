"""Finding actors in a parsed sentence: dictionary mentions assembled along noun phrases."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..model import Actor
from .dictionary import ActorDictionary, Country, Organisation
from .words import ActorWords

# Dependents that belong to a noun phrase's own description of who it is (the parser's labels).
NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "appos", "flat",
           "npadvmod", "punct", "predet", "cc", "conj"}
# Kinds of national bodies whose names other countries' bodies share ("Congress", "Parliament"):
# sector codes of the actor codebook, not words, so they stay beside the code that reads them.
SECTORS_OF_STATES = {"LEG", "GOV", "JUD", "MIL", "COP", "SPY"}


@dataclass(frozen=True)
class Anaphor:
    """A mention whose referent comes from the document: the Chinese side, both sides, he, we."""

    kind: str  # side | pair | person | plural | speaker | thing
    country: str | None
    start: int
    end: int
    text: str
    fallback: tuple = ()  # what the words say by themselves, when the document gives no referent
    sector: str | None = None  # "officials from the two countries": the sides' officials


@dataclass
class Mention:
    start: int  # token indexes within the sentence doc
    end: int
    entry: object


class SentenceActors:
    """Dictionary mentions of one parsed sentence and the actors its noun phrases stand for."""

    def __init__(self, doc, dictionary: ActorDictionary, lex: ActorWords, day: date | None, offset: int,
                 matches=None, words=None, text=None):
        self.doc, self.lex, self.dictionary, self.day = doc, lex, dictionary, day
        self._joined = text  # the text the tokens were made from, else joined by spaCy on first use
        self.offset, self.mention_at = offset, {}  # offset: of the sentence in the document, in characters
        self._phrases = {}  # actors_of by (head, deep, skip_agents): the stages ask for a head many times
        words = [t.text for t in doc] if words is None else words
        self.words, self._lower_words = words, None
        if matches is None:
            matches = dictionary.match(words)
        for start, end, entry in matches:
            if lex.stance_or_currency(words, start, end):
                continue
            m = Mention(start, end, entry)
            for i in range(start, end):
                self.mention_at[i] = m

    @property
    def text(self):
        self._joined = self._joined or self.doc.text
        return self._joined

    def has_word(self, words):
        """Some token of the sentence is one of these words in lower case: a cheap test before a scan."""
        self._lower_words = self._lower_words or {w.lower() for w in self.words}
        return not self._lower_words.isdisjoint(words)

    # -- noun phrases --------------------------------------------------------------------------
    def np_tokens(self, head):
        """The head and the dependents that describe it, without conjuncts of the head itself."""
        out, stack = [], [head]
        while stack:
            tok = stack.pop()
            out.append(tok)
            for child in tok.children:
                if child.dep_ in ("conj", "cc") and tok is head:
                    continue
                if child.dep_ in NP_DEPS:
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ in ("NOUN", "PROPN"):
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ == "from" and tok is head and (
                        self.lex.is_people(tok) or tok.lemma_.lower() in self.lex.delegate_nouns):
                    # "doctors from two American aid groups", "officials from the EU": who they come for
                    stack.append(child)
                elif child.dep_ == "pobj" and tok.dep_ == "prep":
                    stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def actors_of(self, head, *, deep=False, skip_agents=False):
        """Actors (or anaphors) named by the phrase headed by `head`, with its conjuncts.

        deep=True also looks inside the phrase's clauses ("the efforts made by China").
        """
        key = (head.i, deep, skip_agents)
        if key not in self._phrases:
            self._phrases[key] = tuple(self._actors_of(head, deep, skip_agents))
        return list(self._phrases[key])

    def _actors_of(self, head, deep, skip_agents):
        found = []
        for tok in [head] + [c for c in head.conjuncts if c.i > head.i]:
            found.extend(self._phrase_actors(tok))
        if not found and deep:
            # "an Australian ultimatum", "Iran's programme", "US drone strikes": the owner of the thing first
            modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < head.i]
            modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children
                          if g.dep_ in ("amod", "compound") and g.i < c.i]
            for child in sorted(modifiers, key=lambda t: t.i):
                m = self.mention_at.get(child.i)
                if m is not None and m.entry.kind in ("adjective", "country", "capital"):
                    c = m.entry.value
                    found.append(Actor(c.code, c.code, None, c.name, "country",
                                       *self._char_span(m.start, m.end), self.doc[m.start:m.end].text))
                    break
        if not found and deep:
            # not the doer of a clause describing the phrase ("schoolgirls abducted by gunmen")
            inside = {t.i for c in head.children if c.dep_ in ("acl", "relcl")
                      for d in c.children if d.dep_ == "agent" for t in d.subtree} if skip_agents else set()
            for tok in head.subtree:
                if tok.i != head.i and tok.i not in inside and tok.dep_ in ("pobj", "poss", "nsubj", "dobj", "agent"):
                    found.extend(a for a in self._phrase_actors(tok) if not isinstance(a, Anaphor))
                    if found:
                        break
        if found and all(isinstance(a, Actor) and a.code.startswith("---") for a in found):
            # "civilians ... in Khartoum", "rebels in Darfur": a sector placed in a country belongs to it
            country = self._place_country(head)
            if country is not None:
                found = [replace(a, code=country + (a.sector or ""), country=country) for a in found]
        return found

    def _place_country(self, head):
        for tok in head.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "from", "near", "inside", "across", "of"):
                m = self.mention_at.get(tok.i)
                if m is not None and m.entry.kind in ("country", "capital", "place", "adjective"):
                    return m.entry.value.code
        return None

    def _phrase_actors(self, head):
        lex = self.lex
        if head.head.dep_ == "relcl" and head.head.head.i != head.head.i and (
                head.lower_ in lex.relative_pronouns
                or head.lower_ in lex.actor_relatives and head.head.head.i in self.mention_at):
            # "the correspondent ..., who was detained", "Egypt, which has mediated": the relative
            # pronoun is its antecedent
            return self._phrase_actors(head.head.head)
        if head.lemma_.lower() in lex.quantity_heads:
            # "thousands of Iraqi Kurds", "a group of Chechen refugees": the people counted act
            counted = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
            if counted:
                return self._phrase_actors(counted[0])
        low = head.lower_
        # "the US", "US forces": the capitalised abbreviation is the country, not the pronoun "us"
        named = head.text.isupper() and len(head.text) > 1 and head.i in self.mention_at
        if not named and (head.pos_ == "PRON" or low in lex.pronouns):
            return self._pronoun(head)
        lemma = head.lemma_.lower()
        if not (low in ("two", "both") or lemma == "duo" or lemma in lex.pair_heads) and not any(
                i in self.mention_at for i in range(head.left_edge.i, head.right_edge.i + 1)):
            return []  # no mention inside the phrase, and no head that stands for both sides
        tokens = self.np_tokens(head)
        mentions, seen = [], set()
        for tok in tokens:
            m = self.mention_at.get(tok.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                mentions.append(m)
        anaphor = self._collective(head, tokens, mentions) or self._sector_of_pair(head, tokens, mentions)
        if anaphor:
            if anaphor.kind == "pair" and mentions:
                anaphor = replace(anaphor, fallback=tuple(self._assemble(head, tokens, mentions)))
            return [anaphor]
        if not mentions:
            return []
        return self._assemble(head, tokens, mentions)

    def _pronoun(self, tok):
        low, lex = tok.lower_, self.lex
        kind = ("person" if low in lex.person_pronouns else "plural" if low in lex.plural_pronouns
                else "speaker" if low in lex.speaker_pronouns else "thing" if low in lex.thing_pronouns else None)
        if kind is None:
            return []
        return [Anaphor(kind, None, *self._char_span(tok.i, tok.i + 1), tok.text)]

    def _collective(self, head, tokens, mentions):
        """"the Chinese side", "both sides", "the two countries", "the duo", "the two heads of state"."""
        lemma = head.lemma_.lower()
        if lemma == "duo" or (head.lower_ in ("two", "both") and head.dep_ in ("nsubj", "nsubjpass")
                              and len(tokens) <= 2):
            # "the duo", and "the two discussed ...", "both agreed ..." standing alone as subject
            return Anaphor("pair", None, *self._span_of(tokens), self._text(tokens))
        words = {t.lower_ for t in tokens}
        if lemma in self.lex.pair_heads and head.tag_ in ("NNS", "NNPS") and (
                words & {"two", "both"} or (words & {"the"} and not any(m.entry.kind in ("adjective", "country")
                                                                         for m in mentions))):
            # "both sides", "the two countries", and in a bilateral text "the ministers"
            return Anaphor("pair", None, *self._span_of(tokens), self._text(tokens))
        if lemma == "side" and head.tag_ == "NN":
            for m in mentions:
                if m.entry.kind in ("adjective", "country"):
                    return Anaphor("side", m.entry.value.code, *self._span_of(tokens), self._text(tokens))
        return None

    def _sector_of_pair(self, head, tokens, mentions):
        """"officials from the two countries", "the foreign ministers of both sides": a sector of the
        document's two sides."""
        at_head = [m for m in mentions if m.start <= head.i < m.end and m.entry.kind in ("sector", "title")]
        if not at_head:
            return None
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in ("from", "of"):
                for o in p.children:
                    pair = self._collective(o, self.np_tokens(o), []) if o.dep_ == "pobj" else None
                    if pair is not None and pair.kind == "pair":
                        return Anaphor("pair", None, *self._span_of(tokens), self._text(tokens),
                                       sector=at_head[0].entry.value)
        return None

    def _assemble(self, head, tokens, mentions):
        """The actor (or actors) a noun phrase stands for, from the dictionary mentions inside it."""
        persons = [m for m in mentions if m.entry.kind == "person"]
        orgs = [m for m in mentions if m.entry.kind == "organisation"]
        places = [m for m in mentions if m.entry.kind in ("country", "adjective", "capital", "place")]
        sectors = [m for m in mentions if m.entry.kind in ("sector", "title")]
        span, text = self._span_of(tokens), self._text(tokens)
        sector = self._sector_of(head, sectors)
        former = any(t.lower_ in self.lex.former_words for t in tokens)
        if persons:
            person = self._person(persons, places, sector, former, span, text)
            if person is not None:
                return person
            # out of office at this date: what the text says ("Dutch Prime Minister") decides
        head_is_sector = any(m.start <= head.i < m.end for m in sectors)
        orgs = self._organisations_named(head, orgs, places, head_is_sector)
        if orgs:
            return self._organisation(orgs, places, span, text)
        if places:
            return self._countries(head, places, sector, head_is_sector, former, span, text)
        return self._sector_actor(head, sector, sectors, head_is_sector, span, text)

    def _sector_of(self, head, sectors):
        if not sectors:
            return None
        # the sector word nearest the head describes it best ("Iraqi police chief" -> police)
        covering = [m for m in sectors if m.start <= head.i < m.end]
        sector = (covering or sorted(sectors, key=lambda m: -m.end))[0].entry.value
        modifiers = [m for m in sectors if m.end <= head.i]
        tok = self.doc[head.i]
        if covering and tok.lower_ in self.lex.generic_role_heads and not modifiers:
            # "the leader of the opposition party", "the head of the army": the same, named after
            of_objects = {t.i for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
            modifiers = [m for m in sectors if m.start in of_objects]
        if covering and tok.lower_ in self.lex.generic_role_heads and modifiers:
            # "rebel leaders", "opposition officials", "army commanders": the leaders of a sector
            # belong to it, not to the government
            sector = modifiers[-1].entry.value
        return sector

    def _person(self, persons, places, sector, former, span, text):
        """A person on file, in office at the document's date (or a former official); None when the
        text's own words must decide."""
        offices = persons[0].entry.value
        named = {m.entry.value.code for m in places}
        office = self._office_on([o for o in offices if o.country in named] or offices)
        country = office.country
        if named and country not in named:
            office = None  # "Georgian President Shevardnadze": the office the text names is not on file
        elif former and len(country) == 3:
            return [Actor(country + "ELI", country, "ELI", office.name, "person", *span, text)]
        if office is not None and (self.day is None or office.holds_on(self.day)):
            code = country if len(country) > 3 else country + office.sector
            return [Actor(code, country if len(country) == 3 else None, office.sector, office.name, "person",
                          *span, text)]
        if office is not None and not (places or sector) and len(country) == 3:
            # a known person out of office, with nothing else said: a former official
            return [Actor(country + "ELI", country, "ELI", office.name, "person", *span, text)]
        return None

    def _organisations_named(self, head, orgs, places, head_is_sector):
        # "the UN mission", "APEC forum" name the organisation; "India's leadership of the G20" does not
        orgs = [m for m in orgs if m.start <= head.i < m.end or head_is_sector
                or not (self.doc[m.end - 1].dep_ == "pobj" and self.doc[m.end - 1].head.lower_ == "of")]
        if any(m.start <= head.i < m.end for m in places):
            # "NATO-member Norway": the country named by the head is the actor, not its bloc
            orgs = [m for m in orgs if m.start <= head.i < m.end]
        return orgs

    @staticmethod
    def _organisation(orgs, places, span, text):
        org: Organisation = orgs[0].entry.value
        if org.country:
            # "the Brazilian Congress": a national body's name used for another country's body
            other = [m for m in places if m.end <= orgs[0].start and m.entry.value.code != org.country
                     and m.entry.kind in ("adjective", "country")]
            if other and org.kind in SECTORS_OF_STATES:
                c = other[-1].entry.value
                return [Actor(c.code + org.kind, c.code, org.kind, None, "group", *span, text)]
        return [Actor(org.code, org.country, org.kind, org.name, "organisation", *span, text)]

    def _countries(self, head, places, sector, head_is_sector, former, span, text):
        """Countries named in the phrase, as the actors the phrase's head makes of them."""
        countries = []
        for m in places:
            c: Country = m.entry.value
            if c.code not in [x[0].code for x in countries]:
                countries.append((c, m))
        at_head = [(c, m) for c, m in countries if m.start <= head.i < m.end]
        if at_head:
            # "Pakistan, a key U.S. ally": the country at the head is the actor; the others describe it
            countries = at_head
        if len([m for _, m in countries if m.end <= head.i]) > 1:  # "the Greek and Turkish sides of Cyprus"
            countries = [(c, m) for c, m in countries if m.end <= head.i]  # the nations listed; not their ground
        lemma = head.lemma_.lower()
        head_is_place = bool(at_head) or lemma in self.lex.place_heads
        counterpart = sector is None and self._is_counterpart(head, lemma)
        if counterpart:
            sector, head_is_sector = "GOV", True  # until the event's other party says otherwise
        if lemma in self.lex.group_heads:
            head_is_sector = True  # "a Palestinian guerrilla group", "the Iranian delegation"
        if not (head_is_place or head_is_sector or head.pos_ == "PROPN") and self.lex.is_people(head):
            sector = "CVL"  # "Palestinian youths", "Algerian landowners": people of that country
            head_is_sector = True
        if not (head_is_place or head_is_sector or head.pos_ == "PROPN") or self.lex.names_a_text(head, places):
            # "China-Russia relations", "Iran's nuclear programme", "the Lisbon Treaty": a country
            # named inside a phrase about something else is not an actor
            return []
        out = []
        for c, m in countries:
            sec = "ELI" if former and sector else sector
            if sec is None and m.entry.kind == "capital" and m.start <= head.i < m.end and not (
                    head.dep_ == "pobj" and head.head.lower_ in self.lex.capital_place_preps):
                sec = "GOV"  # "Moscow warned": the capital stands for the government ("a strike on Kyiv" is the city)
            # (an unknown person described by nationality, "Russian Foreign Minister X", keeps no sector)
            code = c.code + (sec or "")
            kind = "place" if m.entry.kind == "place" and sec is None else "country"
            if head.pos_ == "PROPN" and not any(x.start <= head.i < x.end for _, x in countries):
                kind = "person"  # "Former West Germany Chancellor Willy Brandt": a person we have no file on
            out.append(Actor(code, c.code, sec, self._person_name(head, text) if kind == "person" else c.name,
                             kind, *span, text,
                             resolved_from="counterpart" if counterpart else None))
            if kind == "person" and sec:
                break  # one titled person, of one country: the first named ("FM X of Viet Nam and Sudan's FM Y")
        return out

    def _is_counterpart(self, head, lemma):
        heads = self.lex.counterpart_heads
        return lemma in heads or any(c.dep_ == "amod" and f"{c.lower_} {lemma}" in heads for c in head.children)

    def _sector_actor(self, head, sector, sectors, head_is_sector, span, text):
        if sector and head.lemma_.lower() in self.lex.document_heads and not head_is_sector:
            return []  # "a foreign agents law", "the police reform bill": a text, not its sector
        if sector and (head.i in range(sectors[0].start, sectors[-1].end) or head.pos_ == "PROPN"
                       or any(self.doc[m.end - 1].head.i == head.i and self.doc[m.end - 1].dep_ == "compound"
                              for m in sectors)):
            # "an army checkpoint", "a police station": what belongs to a sector stands for it
            # "President Abdelaziz Bouteflika" with no country word: a person of unknown country
            kind = "person" if head.pos_ == "PROPN" else "group"
            office = self._titled_surname(head) if kind == "person" else None
            if office is not None:
                # "Prime Minister Howard": a title and the surname of the one such holder then in office
                return [Actor(office.country + office.sector, office.country, office.sector, office.name, "person",
                              *span, text)]
            name = self._person_name(head, text) if kind == "person" else None
            return [Actor("---" + sector, None, sector, name, kind, *span, text)]
        return []

    def _person_name(self, head, text):
        """"Foreign Minister Nguyen Dy Nien of Viet Nam" is Nguyen Dy Nien: the head's own name
        words, without the titles and places the dictionary knows."""
        words, stack = [], [head]
        while stack:
            tok = stack.pop()
            if tok.pos_ == "PROPN" and tok.i not in self.mention_at:
                words.append(tok)
            stack.extend(c for c in tok.children if c.dep_ in ("compound", "flat") and c.i < tok.i)
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or text

    def _titled_surname(self, head):
        offices = self.dictionary.surnames.get(head.text) if self.day else None
        held = {o.name: o for o in offices or () if o.holds_on(self.day) and len(o.country) == 3}
        return next(iter(held.values())) if len(held) == 1 else None

    def _office_on(self, offices):
        held = [o for o in offices if o.holds_on(self.day)] if self.day else []
        return held[0] if held else max(offices, key=lambda o: o.start or date.min)

    # -- offsets -------------------------------------------------------------------------------
    def _span_of(self, tokens):
        first, last = tokens[0], tokens[-1]
        return self.offset + first.idx, self.offset + last.idx + len(last.text)

    def _char_span(self, i, j):
        return self.offset + self.doc[i].idx, self.offset + self.doc[j - 1].idx + len(self.doc[j - 1].text)

    def _text(self, tokens):
        s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return self.text[s:e]
