"""Document context: who the participants are, and what "the Chinese side", "both sides", "he" and
"we" refer to, sentence by sentence."""
from __future__ import annotations

from dataclasses import replace

from ..model import Actor
from .recognize import Anaphor


class DocumentContext:
    """What a reader keeps in mind while reading one document, updated as sentences are read."""

    def __init__(self, countries: dict, titles=frozenset(), country_level=frozenset(), home=None,
                 holds_office=None, readout=False):
        self.countries = countries  # code -> Country, to name actors made from a country code
        self.titles = titles  # the lexicon's bare_titles: "the Secretary" stands for someone named before
        self.country_level = country_level  # "both countries" is the countries, "both sides" their governments
        self.count = {}  # country or organisation code -> mentions so far
        self.first = {}  # code -> order of first mention
        self.best = {}  # country -> most specific actor seen (a person or a GOV actor beats a bare country)
        self.last_person = None
        self.last_group = None
        self.last_thing = None  # the last country or organisation named, for "it"
        self.prev_thing = None  # the same, as of the end of the previous sentence
        self.sentence_things = []  # (offset, actor): countries and organisations of this sentence
        self.sentence_groups = []  # (offset, actor): groups of this sentence ("Ivory Coast rebels")
        self.speaker = None
        self.people = {}  # surname -> person actor: "Penny Wong" named once is "Wong" later
        self.sentence_countries = []  # (offset, country) named in the sentence being read, in order
        self.titled = {}  # "secretary", "prime minister" -> the last person named with that title
        self.home = home  # the country of the dateline's place ("WASHINGTON", "10 Downing Street")
        self.holds_office = holds_office or (lambda country, title: True)  # no "Prime Minister" of the US
        self.readout = readout  # an official readout: its bare titles are its own side's office-holders
        self.paragraph_end = -1  # where the paragraph being read ends
        self.member_groups = {}  # "ministers" -> the organisation "Foreign Ministers from ASEAN" named
        self.paired = set()  # named in a pair ("the EU and China"): a body may be one of the two sides

    # -- reading -------------------------------------------------------------------------------
    def enter_sentence(self, start, end, text):
        """Note where a sentence starts; a new paragraph needs a new speaker to introduce itself."""
        if start > self.paragraph_end:
            self.speaker = None
            nl = text.find("\n", end)
            self.paragraph_end = nl if nl >= 0 else len(text)

    def read_sentence(self, mentioned):
        """Remember the actors a sentence names, once its speaker is known."""
        self.begin_sentence()
        self.observe(mentioned)
        self.sentence_countries = sorted((a.start or 0, a.country) for a in mentioned if a.country)

    def begin_sentence(self):
        self.prev_thing = self.last_thing
        self.sentence_things = []
        self.sentence_groups = []

    def observe(self, actors):
        for actor in actors:
            key = actor.country or actor.code
            if key.startswith("---"):
                if actor.kind == "person":
                    self.last_person = actor
                continue
            self.count[key] = self.count.get(key, 0) + 1
            self.first.setdefault(key, len(self.first))
            if actor.kind == "person":
                self.last_person = actor
                if actor.name:
                    # the family name may come first ("Li Zhaoxing" is "Li") or last ("Dulloo")
                    words = actor.name.split()
                    self.people[words[-1]] = actor
                    if len(words) > 1:
                        self.people.setdefault(words[0], actor)
                    low = (actor.text or "").lower()
                    for title in self.titles:
                        if title in low:
                            self.titled[title] = actor
            elif actor.kind in ("country", "organisation"):
                self.last_thing = actor
                self.sentence_things.append((actor.start, actor))
            elif actor.kind == "group" and actor.country:
                self.sentence_groups.append((actor.start, actor))
            old = self.best.get(key)
            if old is None or (old.kind != "person" and (actor.kind == "person" or (actor.sector and not old.sector))):
                self.best[key] = actor

    def observe_group(self, actors):
        if len(actors) >= 2:
            self.last_group = list(actors)
        if len(actors) == 2:
            self.paired.update(a.country or a.code for a in actors)

    def participants(self):
        """Countries and organisations in order of prominence: mentions, then first appearance."""
        return sorted(self.count, key=lambda k: (-self.count[k], self.first[k]))

    def sides(self):
        """The document's two main countries; a readout's own country is always one of them."""
        ranked = [k for k in self.participants() if len(k) == 3]
        if self.readout and self.home:
            ranked = [self.home] + [k for k in ranked if k != self.home]
        return ranked[:2]

    def _pair(self):
        """The two sides "the leaders" stand for; with one country in view, an international body
        named in a pair before is the other ("the EU and China ... the leaders")."""
        pair = self.sides()
        if len(pair) == 1 and pair[0] in self.paired:
            bodies = [k for k in self.participants()
                      if k.startswith("IGO") and k in self.paired and k in self.best]
            pair = pair + bodies[:1]
        return pair

    # -- resolving -----------------------------------------------------------------------------
    def resolve(self, anaphor: Anaphor):
        """The actors an anaphor stands for (may be empty when the document has not said)."""
        if anaphor.kind == "side":
            return [self._government(anaphor.country, anaphor)]
        if anaphor.kind == "pair":
            words = (anaphor.text or "").lower().split()
            if words and words[-1] in self.member_groups and not {"two", "both"} & set(words):
                # "Foreign Ministers from ASEAN ... the ministers said": the body's members, named before
                return [self._as_mention(self.member_groups[words[-1]], anaphor)]
            pair = self._pair()
            if len(pair) < 2:
                return [self.locate(a) for a in anaphor.fallback]  # "the ministers" with no two sides in view
            if anaphor.sector not in (None, "GOV"):  # "soldiers from both countries"
                return [self._as_mention(self.best[k], anaphor) if len(k) > 3 else
                        replace(self._country(k, anaphor), code=k + anaphor.sector, sector=anaphor.sector)
                        for k in pair]
            country_level = anaphor.sector is None and any(w in anaphor.text.lower() for w in self.country_level)
            return [self._as_mention(self.best[k], anaphor) if len(k) > 3 else self._country(k, anaphor)
                    if country_level else self._government(k, anaphor) for k in pair]
        if anaphor.kind == "person" and self.last_person is not None:
            return [self._as_mention(self.last_person, anaphor)]
        if anaphor.kind == "person" and self.speaker is not None and self.speaker.kind == "person":
            return [self._as_mention(self.speaker, anaphor)]  # "President X announced that he will ..."
        if anaphor.kind == "plural":
            # "they": the last group named, else a speaking group ("Rebel commanders said they ..."),
            # else the document's two sides
            if self.last_group:
                return [self._as_mention(a, anaphor) for a in self.last_group]
            # "Ivory Coast rebels rejected the plan and said they ...": the group named before it
            before = [a for pos, a in self.sentence_groups
                      if pos is not None and anaphor.start is not None and pos < anaphor.start]
            if before:
                return [self._as_mention(before[-1], anaphor)]
            if self.speaker is not None and self.speaker.kind != "person":
                return [self._as_mention(self.speaker, anaphor)]  # "Fijian rebels said they will ..."
            return self.resolve(Anaphor("pair", None, anaphor.start, anaphor.end, anaphor.text))
        if anaphor.kind == "speaker" and self.speaker is not None and self.speaker.country:
            return [self._government(self.speaker.country, anaphor)]
        if anaphor.kind == "speaker" and self.speaker is not None and self.speaker.kind == "organisation":
            return [self._as_mention(self.speaker, anaphor)]  # "we", said by a body's ministers: the body
        if anaphor.kind == "speaker" and self.speaker is None and self.readout and self.home:
            return [self._government(self.home, anaphor)]  # a readout's own "we": the government it is from
        if anaphor.kind == "thing":
            # "Russia said it was ready to ...": the speaker if it is a state or body, else the last one named
            if self.speaker is not None and self.speaker.kind in ("country", "organisation"):
                return [self._as_mention(self.speaker, anaphor)]
            # "it" looks back: a country named later in the same sentence is not its antecedent
            before = [a for pos, a in self.sentence_things
                      if pos is not None and anaphor.start is not None and pos < anaphor.start]
            antecedent = before[-1] if before else self.prev_thing
            if antecedent is not None:
                return [self._as_mention(antecedent, anaphor)]
        return []

    def note_members(self, actor):
        """"Foreign Ministers from ASEAN ... the ministers said": an organisation named by its members
        ("ministers from", "leaders of") is what a later bare "the ministers" stands for."""
        words = (actor.text or "").lower().split()
        cut = next((i for i, w in enumerate(words) if w in ("from", "of")), None)
        if actor.kind == "organisation" and cut and words[cut - 1].endswith("s") and words[cut - 1].isalpha():
            self.member_groups[words[cut - 1]] = actor

    def locate(self, actor):
        """A sector with no country ("the government", "lawmakers") belongs to the document's main country."""
        if not actor.code.startswith("---") or not actor.sector:
            return actor
        title = self._bare_title(actor.text)
        if title in self.titled:
            # "the Secretary", "the Prime Minister": the person the document named with that title
            return replace(self.titled[title], start=actor.start, end=actor.end, text=actor.text,
                           resolved_from="title")
        if title and self.home and self.holds_office(self.home, title):
            # else the dateline's country: a readout's own side
            return replace(actor, code=self.home + actor.sector, country=self.home, resolved_from="dateline")
        # the country named in the same sentence first ("South Korean prosecutors ... lawmakers"),
        # else the document's main country, else the dateline's ("ANTANANARIVO (Reuters) -
        # Protesters marched"); a bare title never takes a country named after it ("The Prime
        # Minister met President Ruto of Kenya"), nor, in a readout, one the sentence names (its
        # guest), nor one whose government has no such office (a President of the UK)
        before = [c for pos, c in self.sentence_countries if actor.start is None or pos < actor.start]
        ranked = [k for k in self.participants() if len(k) == 3]
        if title:
            guests = {c for _, c in self.sentence_countries} if self.readout else \
                {c for _, c in self.sentence_countries} - set(before)
            main = [c for c in before[-1:] + ranked if c not in guests and self.holds_office(c, title)][:1]
        else:
            after = [c for pos, c in self.sentence_countries if actor.start is not None and pos >= actor.start]
            main = before[-1:] or after[:1] or ranked[:1] or ([self.home] if self.home else [])
        if not main:
            return actor
        return replace(actor, code=main[0] + actor.sector, country=main[0], resolved_from="context")

    def person_named(self, surname):
        """A person named in full earlier in the document and now by surname alone."""
        person = self.people.get(surname)
        return person

    def _government(self, country, anaphor):
        best = self.best.get(country)
        if best is not None and best.sector == "GOV":
            return self._as_mention(best, anaphor)
        name = self.countries[country].name if country in self.countries else None
        return Actor(country + "GOV", country, "GOV", name, "country", anaphor.start, anaphor.end,
                     anaphor.text, resolved_from=anaphor.kind)

    def _country(self, country, anaphor):
        name = self.countries[country].name if country in self.countries else None
        return Actor(country, country, None, name, "country", anaphor.start, anaphor.end, anaphor.text,
                     resolved_from=anaphor.kind)

    def _bare_title(self, text):
        """The title, when a phrase is a title and nothing else: "The Secretary" -> "secretary"."""
        if not text:
            return None
        words = text.lower().replace("'s", "").replace("’s", "").split()  # "The President’s call"
        low = " ".join(w for w in words if w not in ("the", "a", "our", "their"))
        return low if low in self.titles else None

    @staticmethod
    def _as_mention(actor, anaphor):
        return replace(actor, start=anaphor.start, end=anaphor.end, text=anaphor.text,
                       resolved_from=anaphor.kind)
