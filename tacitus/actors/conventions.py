"""Actors by convention: who an act is done to when the sentence does not say, and the country
names and codes those actors are made of.

  the dateline's country    "WASHINGTON, March 14 -" makes the US the readout's own side
  a protest's own rulers    "Students protested on Monday" is aimed at their own government
  one's own country         "Thailand imposed a curfew" is done to Thailand
  where the act lands       "shelled positions near Kharkiv" is aimed at Ukraine
  the other side            "The Chinese side supports ..." in a China-Russia readout is meant for Russia
  the one holding a captive "tortured while in Israeli police custody" is done by Israel
"""
from __future__ import annotations

from dataclasses import replace

from ..datafiles import read_tsv
from ..model import Actor

# dictionary entry kinds that name a country or a place in one
PLACE_KINDS = ("country", "capital", "place", "adjective")


class Conventions:
    """Built once per coder from the actor dictionary, its tokenizer and the lexicon."""

    def __init__(self, dictionary, tokenize, lexicon):
        self.dictionary = dictionary
        self.tokenize = tokenize  # text -> token texts, as the dictionary was indexed
        self.locative_preps = lexicon["locative_preps"]
        self.custody_nouns = lexicon["custody_nouns"]
        # offices.tsv: title -> (countries without it, the only countries with it)
        self.offices = {row["title"]: (frozenset(filter(None, row["except"].split("|"))),
                                       frozenset(filter(None, row["only"].split("|"))))
                        for _, row in read_tsv("offices.tsv", ("title", "except", "only"), key="title")}

    def holds_office(self, country, title):
        """Whether `country`'s government has the office `title` names ("prime minister": not the US)."""
        without, only = self.offices.get(title, ((), ()))
        return country not in without and (not only or country in only)

    def country_name(self, code):
        country = self.dictionary.countries.get(code)
        return country.name if country else None

    def home_country(self, place):
        """The country of a dateline's place ("WASHINGTON", "10 Downing Street"), or None."""
        if not place:
            return None
        for _, _, entry in self.dictionary.match(self.tokenize(place)):
            value = entry.value
            code = getattr(value, "code", None) or getattr(value, "country", None)
            if entry.kind in PLACE_KINDS and code and len(code) == 3:
                return code
        return None

    def own_government(self, actor):
        """A protest with no stated target is aimed at the protesters' own authorities."""
        return Actor(actor.country + "GOV", actor.country, "GOV", self.country_name(actor.country), "country",
                     resolved_from="domestic")

    def own_country(self, actor):
        """A curfew, martial law, a resignation, with no one else named: done to the actor's own country."""
        return Actor(actor.country, actor.country, None, self.country_name(actor.country), "place",
                     resolved_from="domestic")

    def other_side(self, country, context):
        """In a two-party document, the other side: its government as the document named it, else
        its government by code."""
        best = context.best.get(country)
        target = best if best is not None and best.sector == "GOV" else None
        if target is None:
            target = Actor(country + "GOV", country, "GOV", self.country_name(country), "country")
        return replace(target, start=None, end=None, text=None, resolved_from="bilateral")

    def located(self, trigger, actors, deep=False):
        """Countries named by the places the act happens in, on or near (with deep=True, anywhere
        in the act's objects: "reservists for a possible war against Iraq")."""
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if deep:
            holders = [t for h in holders for t in h.subtree]
        out = []
        for h in holders:
            for prep in h.children:
                if prep.dep_ != "prep":
                    continue
                if prep.lower_ not in self.locative_preps:
                    # "pulled its troops out of Bosnia": the parser hangs "of" on "out"
                    prep = next((p for p in prep.children if p.dep_ == "prep"
                                 and f"{prep.lower_} {p.lower_}" in self.locative_preps), None)
                    if prep is None:
                        continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out += [a for a in actors.actors_of(pobj) if isinstance(a, Actor) and a.country
                                and (a.sector in (None, "GOV") or a.kind == "place")]
        return [replace(a, code=a.country, sector=None, kind="place") for a in out[:1]]

    def held(self, trigger, actors):
        """Who holds the captive an act is done to, and the words for the captive: "died after
        torture while in Israeli police custody" (the holder's act, to the prisoner who died), "was
        beaten in the custody of the army". Not "released from custody": the place left is no holder."""
        cur = trigger
        for _ in range(5):  # up to the clause's verb: "died as a result of torture while in custody"
            for prep in cur.children:
                if prep.dep_ != "prep" or prep.lower_ not in self.locative_preps or prep.lower_ == "from":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self.custody_nouns:
                        held = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
                        return self._custodians(pobj, actors), held
            if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
                break
            cur = cur.head
        return [], []

    @staticmethod
    def _custodians(custody, actors):
        """The custody's owner ("Israeli police custody", "the army's custody") or its "of" object
        ("in the custody of the Turkish police")."""
        holders = [a for a in actors.actors_of(custody, deep=True) if isinstance(a, Actor) and a.country]
        if not holders:
            holders = [a for p in custody.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"
                       for a in actors.actors_of(o) if isinstance(a, Actor) and a.country]
        return holders[:1]
