"""The word classes that recognizing actors reads from the lexicon (data/lexicon.tsv): pronouns,
heads of place, group and people phrases, words of former office, and the like."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorWords:
    """The lexicon's word classes that recognizing actors reads, looked up once per coder."""

    pair_heads: frozenset
    person_pronouns: frozenset
    plural_pronouns: frozenset
    speaker_pronouns: frozenset
    thing_pronouns: frozenset
    pronouns: frozenset  # the four pronoun classes together
    place_heads: frozenset
    former_words: frozenset
    group_heads: frozenset
    relative_pronouns: frozenset
    actor_relatives: frozenset
    quantity_heads: frozenset
    people_nouns: frozenset
    delegate_nouns: frozenset
    stance_prefixes: frozenset
    capital_place_preps: frozenset
    document_heads: frozenset
    generic_role_heads: frozenset
    relation_words: frozenset
    counterpart_heads: frozenset
    agreement_nouns: frozenset

    @classmethod
    def from_lexicon(cls, lexicon):
        classes = {name: lexicon[name] for name in (
            "pair_heads", "person_pronouns", "plural_pronouns", "speaker_pronouns", "thing_pronouns",
            "place_heads", "former_words", "group_heads", "relative_pronouns", "actor_relatives", "quantity_heads",
            "people_nouns", "delegate_nouns", "stance_prefixes", "capital_place_preps", "document_heads",
            "generic_role_heads", "relation_words", "counterpart_heads", "agreement_nouns")}
        pronouns = (classes["person_pronouns"] | classes["plural_pronouns"] | classes["speaker_pronouns"]
                    | classes["thing_pronouns"])
        return cls(pronouns=pronouns, **classes)

    def names_a_text(self, head, places):
        """"The Lisbon Treaty", "the Minsk agreements", "the Treaty of Rome": a city a treaty is named
        after is no party to it (a country may be: "the Iran deal")."""
        tok = head.head if head.dep_ == "compound" else head
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            tok = head.head.head
        return tok.lemma_.lower() in self.agreement_nouns and all(
            m.entry.kind in ("capital", "place") and not m.start <= tok.i < m.end for m in places)

    def is_people(self, tok):
        """A plural noun for people ("youths", "landowners", "Kurds"), for nationality + people."""
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma == tok.lower_ and lemma.endswith("s"):
            lemma = lemma[:-1]  # "Foreign Ministers": a capitalised plural keeps its -s as its lemma
        return tok.tag_ in ("NNS", "NNPS") and (lemma in self.people_nouns
                                                 or lemma.endswith(("er", "ist", "ian", "ant")))

    def stance_or_currency(self, words, start, end):
        """"An anti-Syria journalist", "pro-Moscow rebels": a stance, not a nationality; "US$50
        million", "US $5": a currency, not the country. `words` are the sentence's token texts."""
        if start >= 2 and words[start - 1] == "-" and words[start - 2].lower() in self.stance_prefixes:
            return True
        if start >= 1 and words[start - 1].lower() in ("anti-", "pro-"):
            return True
        nxt = words[end] if end < len(words) else None
        if nxt == "-" and end + 1 < len(words) and words[end + 1].lower() in self.relation_words:
            return True  # "the Israeli-occupied West Bank", "Iranian-backed militias": held or backed by X, not X
        return nxt is not None and nxt.startswith("$") and words[end - 1].upper() in ("US", "U.S.")
