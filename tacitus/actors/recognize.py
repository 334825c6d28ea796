"""Finding actors in a parsed sentence: dictionary mentions assembled along noun phrases."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..model import Actor
from .dictionary import ActorDictionary, Country, Organisation

# Dependents that belong to a noun phrase's own description of who it is.
NP_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "appos", "flat",
           "npadvmod", "punct", "predet", "cc", "conj"}
PAIR_HEADS = {"side", "country", "nation", "leader", "minister", "head", "party", "president", "government",
              "state", "foreign", "delegation", "counterpart", "army", "people"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PLURAL_PRONOUNS = {"they", "them", "their"}
SPEAKER_PRONOUNS = {"we", "us", "our", "ours"}
# "the Ukrainian city of Kharkiv", "Israeli positions": a place named by its country stands for the country.
PLACE_HEADS = {"city", "town", "village", "capital", "region", "province", "border", "territory", "coast",
               "port", "base", "embassy", "consulate", "airport", "island", "islands", "district", "area",
               "enclave", "mainland", "soil", "waters", "airspace", "frontier", "outpost", "position",
               "positions", "target", "targets", "side", "cities", "towns", "villages", "bases", "border"}
THING_PRONOUNS = {"it", "its"}
FORMER_WORDS = {"former", "ex", "ousted", "deposed", "exiled", "late"}


GROUP_HEADS = {"group", "movement", "organization", "organisation", "faction", "unit", "wing", "network", "cell",
               "front", "coalition", "alliance", "council", "committee", "delegation", "body", "agency", "team",
               "contingent", "mission", "militia", "force", "forces"}
RELATIVE_PRONOUNS = {"who", "whom"}  # "which" and "that" mostly stand for things, not actors
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "million", "score", "group", "crowd", "band", "number",
                  "handful", "batch", "contingent", "team"}
PEOPLE_NOUNS = {"youth", "people", "man", "woman", "child", "family", "villager", "civilian", "citizen", "folk",
                "crowd", "mob", "tribe", "clan", "kurd", "arab", "muslim", "christian", "jew", "hindu", "sikh",
                "girl", "boy", "schoolgirl", "schoolboy", "pupil", "hostage", "captive", "passenger", "tourist",
                "pilgrim",
                "buddhist", "shiite", "sunni", "immigrant", "migrant", "national"}


# Who is sent or speaks for someone: "officials from Brussels", "a delegation from Iran".
DELEGATE_NOUNS = {"official", "delegation", "delegate", "representative", "envoy", "diplomat", "expert",
                  "member", "team", "mission", "doctor", "volunteer", "negotiator", "observer", "inspector"}


def _is_people(tok):
    """A plural noun for people ("youths", "landowners", "Kurds"), for nationality + people."""
    lemma = tok.lemma_.lower()
    return tok.tag_ in ("NNS", "NNPS") and (lemma in PEOPLE_NOUNS or lemma.endswith(("er", "ist", "ian", "ant")))


@dataclass(frozen=True)
class Anaphor:
    """A mention whose referent comes from the document: the Chinese side, both sides, he, we."""

    kind: str  # side | pair | person | plural | speaker | thing
    country: str | None
    start: int
    end: int
    text: str
    fallback: tuple = ()  # what the words say by themselves, when the document gives no referent


@dataclass
class Mention:
    start: int  # token indexes within the sentence doc
    end: int
    entry: object


STANCE_PREFIXES = {"anti", "pro"}
# Kinds of national bodies whose names other countries' bodies share ("Congress", "Parliament").
SECTORS_OF_STATES = {"LEG", "GOV", "JUD", "MIL", "COP", "SPY"}
# Prepositions after which a capital is the city, not its government.
PLACE_PREPS = {"on", "in", "at", "near", "into", "over", "across", "around", "outside", "inside", "toward",
               "towards"}
# Nouns for texts and measures: a sector word modifying them does not make them actors.
DOCUMENT_HEADS = {"law", "bill", "act", "decision", "policy", "plan", "proposal", "reform", "measure", "rule",
                  "regulation", "programme", "program", "budget", "report", "resolution", "decree", "tax"}
GENERIC_ROLE_HEADS = {"leader", "leaders", "official", "officials", "commander", "commanders", "chief", "chiefs",
                      "spokesman", "spokeswoman", "spokesperson", "representative", "representatives"}
RELATION_WORDS = {"occupied", "held", "controlled", "backed", "allied", "sponsored", "funded", "brokered",
                  "administered", "annexed", "supported", "aligned", "friendly"}


def _stance_or_currency(words, start, end):
    """"An anti-Syria journalist", "pro-Moscow rebels": a stance, not a nationality; "US$50
    million", "US $5": a currency, not the country. `words` are the sentence's token texts."""
    if start >= 2 and words[start - 1] == "-" and words[start - 2].lower() in STANCE_PREFIXES:
        return True
    if start >= 1 and words[start - 1].lower() in ("anti-", "pro-"):
        return True
    nxt = words[end] if end < len(words) else None
    if nxt == "-" and end + 1 < len(words) and words[end + 1].lower() in RELATION_WORDS:
        return True  # "the Israeli-occupied West Bank", "Iranian-backed militias": held or backed by X, not X
    return nxt is not None and nxt.startswith("$") and words[end - 1].upper() in ("US", "U.S.")


class SentenceActors:
    """Dictionary mentions of one parsed sentence and the actors its noun phrases stand for."""

    def __init__(self, doc, dictionary: ActorDictionary, day: date | None, offset: int, matches=None, words=None):
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens on every .text: read it once
        self.dictionary = dictionary
        self.day = day
        self.offset = offset  # character offset of the sentence in the document
        self.mention_at = {}
        if words is None:
            words = [t.text for t in doc]
        if matches is None:
            matches = dictionary.match(words)
        for start, end, entry in matches:
            if _stance_or_currency(words, start, end):
                continue
            m = Mention(start, end, entry)
            for i in range(start, end):
                self.mention_at[i] = m

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
                        _is_people(tok) or tok.lemma_.lower() in DELEGATE_NOUNS):
                    # "doctors from two American aid groups", "officials from the EU": who they come for
                    stack.append(child)
                elif child.dep_ == "pobj" and tok.dep_ == "prep":
                    stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def actors_of(self, head, *, deep=False, skip_agents=False):
        """Actors (or anaphors) named by the phrase headed by `head`, with its conjuncts.

        deep=True also looks inside the phrase's clauses ("the efforts made by China").
        """
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
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "the correspondent ..., who was detained": the relative pronoun is its antecedent
            return self._phrase_actors(head.head.head)
        if head.lemma_.lower() in QUANTITY_HEADS:
            # "thousands of Iraqi Kurds", "a group of Chechen refugees": the people counted act
            counted = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
            if counted:
                return self._phrase_actors(counted[0])
        tokens = self.np_tokens(head)
        low = head.lower_
        # "the US", "US forces": the capitalised abbreviation is the country, not the pronoun "us"
        named = head.text.isupper() and len(head.text) > 1 and head.i in self.mention_at
        if not named and (head.pos_ == "PRON" or low in PERSON_PRONOUNS | PLURAL_PRONOUNS | SPEAKER_PRONOUNS
                          | THING_PRONOUNS):
            return self._pronoun(head)
        mentions, seen = [], set()
        for tok in tokens:
            m = self.mention_at.get(tok.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                mentions.append(m)
        anaphor = self._collective(head, tokens, mentions)
        if anaphor:
            if anaphor.kind == "pair" and mentions:
                anaphor = replace(anaphor, fallback=tuple(self._assemble(head, tokens, mentions)))
            return [anaphor]
        if not mentions:
            return []
        return self._assemble(head, tokens, mentions)

    def _pronoun(self, tok):
        low = tok.lower_
        kind = ("person" if low in PERSON_PRONOUNS else "plural" if low in PLURAL_PRONOUNS
                else "speaker" if low in SPEAKER_PRONOUNS else "thing" if low in THING_PRONOUNS else None)
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
        if lemma in PAIR_HEADS and head.tag_ in ("NNS", "NNPS") and (
                words & {"two", "both"} or (words & {"the"} and not any(m.entry.kind in ("adjective", "country")
                                                                         for m in mentions))):
            # "both sides", "the two countries", and in a bilateral text "the ministers"
            return Anaphor("pair", None, *self._span_of(tokens), self._text(tokens))
        if lemma == "side" and head.tag_ == "NN":
            for m in mentions:
                if m.entry.kind in ("adjective", "country"):
                    return Anaphor("side", m.entry.value.code, *self._span_of(tokens), self._text(tokens))
        return None

    def _assemble(self, head, tokens, mentions):
        persons = [m for m in mentions if m.entry.kind == "person"]
        orgs = [m for m in mentions if m.entry.kind == "organisation"]
        places = [m for m in mentions if m.entry.kind in ("country", "adjective", "capital", "place")]
        sectors = [m for m in mentions if m.entry.kind in ("sector", "title")]
        span = self._span_of(tokens)
        text = self._text(tokens)
        sector = None
        if sectors:
            # the sector word nearest the head describes it best ("Iraqi police chief" -> police)
            covering = [m for m in sectors if m.start <= head.i < m.end]
            sector = (covering or sorted(sectors, key=lambda m: -m.end))[0].entry.value
            modifiers = [m for m in sectors if m.end <= head.i]
            if covering and self.doc[head.i].lower_ in GENERIC_ROLE_HEADS and modifiers:
                # "rebel leaders", "opposition officials", "army commanders": the leaders of a sector
                # belong to it, not to the government
                sector = modifiers[-1].entry.value
        former = any(t.lower_ in FORMER_WORDS for t in tokens)
        if persons:
            offices = persons[0].entry.value
            named = {m.entry.value.code for m in places}
            office = self._office_on([o for o in offices if o.country in named] or offices)
            country = office.country
            if named and country not in named:
                office = None  # "Georgian President Shevardnadze": the office the text names is not on file
            elif former and len(country) == 3:
                return [Actor(country + "ELI", country, "ELI", office.name, "person", *span, text)]
            if office is not None and self._in_office(office):
                code = country if len(country) > 3 else country + office.sector
                return [Actor(code, country if len(country) == 3 else None, office.sector, office.name, "person",
                              *span, text)]
            if office is not None and not (places or sector) and len(country) == 3:
                # a known person out of office, with nothing else said: a former official
                return [Actor(country + "ELI", country, "ELI", office.name, "person", *span, text)]
            # out of office at this date: what the text says ("Dutch Prime Minister") decides
        head_is_sector = any(m.start <= head.i < m.end for m in sectors)
        # "the UN mission", "APEC forum" name the organisation; "India's leadership of the G20" does not
        orgs = [m for m in orgs if m.start <= head.i < m.end or head_is_sector
                or not (self.doc[m.end - 1].dep_ == "pobj" and self.doc[m.end - 1].head.lower_ == "of")]
        if any(m.start <= head.i < m.end for m in places):
            # "NATO-member Norway": the country named by the head is the actor, not its bloc
            orgs = [m for m in orgs if m.start <= head.i < m.end]
        if orgs and orgs[0].entry.value.country:
            # "the Brazilian Congress": a national body's name used for another country's body
            org = orgs[0].entry.value
            other = [m for m in places if m.end <= orgs[0].start and m.entry.value.code != org.country
                     and m.entry.kind in ("adjective", "country")]
            if other and org.kind in SECTORS_OF_STATES:
                c = other[-1].entry.value
                return [Actor(c.code + org.kind, c.code, org.kind, None, "group", *span, text)]
        if orgs:
            org: Organisation = orgs[0].entry.value
            return [Actor(org.code, org.country, org.kind, org.name, "organisation", *span, text)]
        if places:
            countries = []
            for m in places:
                c: Country = m.entry.value
                if c.code not in [x[0].code for x in countries]:
                    countries.append((c, m))
            at_head = [(c, m) for c, m in countries if m.start <= head.i < m.end]
            if at_head:
                # "Pakistan, a key U.S. ally": the country at the head is the actor; the others describe it
                countries = at_head
            head_is_place = bool(at_head) or head.lemma_.lower() in PLACE_HEADS
            if head.lemma_.lower() in GROUP_HEADS:
                head_is_sector = True  # "a Palestinian guerrilla group", "the Iranian delegation"
            if not (head_is_place or head_is_sector or head.pos_ == "PROPN") and _is_people(head):
                sector = "CVL"  # "Palestinian youths", "Algerian landowners": people of that country
                head_is_sector = True
            if not (head_is_place or head_is_sector or head.pos_ == "PROPN"):
                # "China-Russia relations", "Iran's nuclear programme": a country named inside a
                # phrase about something else is not an actor
                return []
            out = []
            for c, m in countries:
                sec = "ELI" if former and sector else sector
                if sec is None and m.entry.kind == "capital" and m.start <= head.i < m.end and not (
                        head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS):
                    sec = "GOV"  # "Moscow warned": the capital stands for the government ("a strike on Kyiv" is the city)
                if sec is None and not (m.start <= head.i < m.end) and head.pos_ == "PROPN":
                    # an unknown person described by nationality: "Russian Foreign Minister X"
                    sec = None
                code = c.code + (sec or "")
                kind = "place" if m.entry.kind == "place" and sec is None else "country"
                if head.pos_ == "PROPN" and not any(x.start <= head.i < x.end for _, x in countries):
                    kind = "person"  # "Former West Germany Chancellor Willy Brandt": a person we have no file on
                out.append(Actor(code, c.code, sec, text if kind == "person" else c.name, kind, *span, text))
            return out
        if sector and head.lemma_.lower() in DOCUMENT_HEADS and not head_is_sector:
            return []  # "a foreign agents law", "the police reform bill": a text, not its sector
        if sector and (head.i in range(sectors[0].start, sectors[-1].end) or head.pos_ == "PROPN"
                       or any(self.doc[m.end - 1].head.i == head.i and self.doc[m.end - 1].dep_ == "compound"
                              for m in sectors)):
            # "an army checkpoint", "a police station": what belongs to a sector stands for it
            # "President Abdelaziz Bouteflika" with no country word: a person of unknown country
            kind = "person" if head.pos_ == "PROPN" else "group"
            return [Actor("---" + sector, None, sector, text if kind == "person" else None, kind, *span, text)]
        return []

    def _office_on(self, offices):
        if self.day:
            for office in offices:
                if office.holds_on(self.day):
                    return office
        return max(offices, key=lambda o: o.start or date.min)

    def _in_office(self, office):
        return self.day is None or office.holds_on(self.day)

    # -- offsets -------------------------------------------------------------------------------
    def _span_of(self, tokens):
        first, last = tokens[0], tokens[-1]
        return self.offset + first.idx, self.offset + last.idx + len(last.text)

    def _char_span(self, i, j):
        return self.offset + self.doc[i].idx, self.offset + self.doc[j - 1].idx + len(self.doc[j - 1].text)

    def _text(self, tokens):
        s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return self.text[s:e]
