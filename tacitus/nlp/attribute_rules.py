"""spaCy's attribute ruler, its one-token rules read as a table instead of run through a Matcher.

The English models' attribute ruler maps each fine tag to its part of speech and morphology (the
old tag map) and holds a hundred or so exceptions keyed on a word, a tag or a dependency label: 179
patterns, nearly all of one token with plain equality tests. spaCy runs them all through a Matcher,
which costs about a quarter of language analysis on wire text. Here the one-token patterns become a
lookup on the token's (tag, lower form, dependency, is-space), remembered per distinct combination;
only the few longer patterns still go through a Matcher. The rules apply in spaCy's order (by the
rule's index, later rules win), after every rule has been matched against the unchanged tokens, so
the attributes are the stock component's own (tests/test_nlp_parse.py compares them). A ruler with
a pattern of another shape keeps the stock component. Only `nlp.pipe` goes this way.
"""
from __future__ import annotations

import re
from itertools import product

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens._retokenize import set_token_attrs

KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}  # what a table rule may test
COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
SETTABLE = {POS, TAG, MORPH, LEMMA, DEP}  # token attributes only: nothing that touches the lexeme


class TableRules:
    LIMIT = 200_000  # remembered combinations before the memory starts afresh

    def __init__(self, ruler, table, rest, cues=None):
        self.ruler, self.table, self.rest = ruler, table, rest
        self.memory, self.merged = {}, {}  # row -> rule indices; rule indices -> attributes
        # one test per pattern left to the Matcher, which some token of its match must pass ("gon"
        # of "gon na"): a sentence with no token passing any is not run through the Matcher
        self.cues, self.cued = cues, {}  # cues None: always run it; cued: row -> passes some cue

    @classmethod
    def install(cls, ruler):
        """Give `ruler` the table's `pipe` when all its rules can be read as a table."""
        compiled = cls.compile(ruler)
        if compiled is not None:
            ruler.pipe = compiled.pipe
        return compiled

    @classmethod
    def compile(cls, ruler):
        strings = ruler.vocab.strings
        table, rest = {}, Matcher(ruler.vocab)  # table: tested keys -> values -> [(rule, exclusions)]
        cues = []
        for i, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= SETTABLE:
                return None
            for pattern in ruler.matcher.get(str(i))[1]:
                tests = _tests(strings, pattern[0]) if len(pattern) == 1 and ruler.indices[i] in (0, -1) else None
                if tests is None:
                    rest.add(str(i), [pattern])
                    cues.append(_cue(strings, pattern))
                    continue
                allowed, excluded = tests
                keys = tuple(sorted(allowed))
                for values in product(*(allowed[k] for k in keys)):
                    table.setdefault(keys, {}).setdefault(values, []).append((i, excluded))
        return cls(ruler, [(tuple(COLUMNS.index(KEYS[k]) for k in keys), found)
                           for keys, found in table.items()], rest if len(rest) else None,
                   None if None in cues else cues)

    def rules_for(self, row):
        """The indices of the table rules that match a token with these column values, in order."""
        found = self.memory.get(row)
        if found is None:
            if len(self.memory) > self.LIMIT:
                self.memory.clear()
                self.merged.clear()
                self.cued.clear()
            hits = []
            for positions, values in self.table:
                for i, excluded in values.get(tuple(row[p] for p in positions), ()):
                    if not any(row[position] in banned for position, banned in excluded):
                        hits.append(i)
            found = self.memory[row] = tuple(sorted(hits))
        return found

    def may_match_rest(self, rows):
        """Whether the Matcher of the longer patterns may match a sentence with these rows."""
        if self.cues is None:
            return True
        cued = self.cued
        for row in rows:
            hit = cued.get(row)
            if hit is None:
                hit = cued[row] = any(cue(row) for cue in self.cues)
            if hit:
                return True
        return False

    def pipe(self, stream, batch_size=128):
        attrs, indices, strings = self.ruler.attrs, self.ruler.indices, self.ruler.vocab.strings
        merged_for, memory, rules_for = self.merged, self.memory, self.rules_for
        for doc in stream:
            rows = [tuple(row) for row in doc.to_array(COLUMNS).tolist()]
            hits = [memory.get(row) for row in rows]  # a Python call only for a row not seen before
            if None in hits:
                hits = [rules_for(row) if found is None else found for found, row in zip(hits, rows)]
            if self.rest is not None and self.may_match_rest(rows):
                for key, start, end in self.rest(doc, allow_missing=True):
                    i = int(strings[key])
                    at = start + indices[i] if indices[i] >= 0 else end + indices[i]
                    hits[at] = tuple(sorted((*hits[at], i)))
            for position, found in enumerate(hits):
                if found:
                    merged = merged_for.get(found)
                    if merged is None:
                        merged = merged_for[found] = {}
                        for i in found:  # later rules win, as in the stock component
                            merged.update(attrs[i])
                    set_token_attrs(doc[position], merged)
            yield doc


def _tests(strings, token_pattern):
    """A one-token pattern as ({key: allowed values}, [(column, excluded values)]), or None when it
    tests something a table cannot (a regular expression, an attribute outside KEYS, no value
    that must be present)."""
    allowed, excluded = {}, []
    for key, value in token_pattern.items():
        if key not in KEYS:
            return None
        if isinstance(value, dict):
            if set(value) == {"IN"}:
                allowed[key] = [_value(strings, key, v) for v in value["IN"]]
            elif set(value) == {"NOT_IN"}:
                banned = frozenset(_value(strings, key, v) for v in value["NOT_IN"])
                excluded.append((COLUMNS.index(KEYS[key]), banned))
            else:
                return None
        else:
            allowed[key] = [_value(strings, key, value)]
    if not allowed or any(not isinstance(v, int) for vs in allowed.values() for v in vs):
        return None
    return allowed, tuple(excluded)


CUE_ORDER = ("LOWER", "DEP", "TAG")  # the most selective first: a word, then a label, then a tag


def _cue(strings, pattern):
    """A test on a token's columns that some token of every match of `pattern` passes, or None if
    none: an equality, membership or regular expression on a lower form, a label or a tag (in that
    order of preference, the rarest first, so that few sentences go to the Matcher) of a token that
    every match holds (no operator, or "+")."""
    for key in CUE_ORDER:
        for token in pattern:
            if token.get("OP", "+") != "+" or key not in token:
                continue
            value, column = token[key], COLUMNS.index(KEYS[key])
            if isinstance(value, str) or isinstance(value, dict) and set(value) == {"IN"}:
                values = frozenset(strings.add(v) for v in ([value] if isinstance(value, str) else value["IN"]))
                return lambda row: row[column] in values
            if isinstance(value, dict) and set(value) == {"REGEX"}:
                # as the Matcher tests it: a search in the attribute's string
                regex = re.compile(value["REGEX"])
                return lambda row: regex.search(strings[row[column]]) is not None
    return None


def _value(strings, key, value):
    if key == "IS_SPACE":
        return int(value) if isinstance(value, bool) else None
    return strings.add(value) if isinstance(value, str) else None
