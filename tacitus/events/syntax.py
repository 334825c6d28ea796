"""The parse as the event stages read it: each token's children by dependency, read once per
sentence, and the questions the stages keep asking of it (is it a verb, its lemma, its conjuncts,
the word that may frame it, its time words, its subject)."""
from __future__ import annotations

import re

# A year as a modifier ("the 1990 invasion of Kuwait") is a time word by its shape, not by a list.
YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Governors that pass their subject to an embedded verb ("is ready to work", "stands ready to
# work"): spaCy dependency labels, the parser's vocabulary, not a word class.
CONTROL_HEADS = ("xcomp", "acomp", "oprd", "conj", "advcl", "ccomp")


def is_verb(tok):
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def lemma(tok):
    return tok.lemma_.lower()


def with_conjuncts(tokens):
    out = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return out


class Syntax:
    """One parsed sentence as the stages read it. Each token's (dependency, child) pairs are read
    once: spaCy builds new Token objects on every `.children`, and the stages ask for the same
    children many times. Built by the triggers stage and carried on the records of the sentence,
    so it lives and dies with them."""

    def __init__(self, doc, words):
        self.doc = doc
        self.words = words  # EventWords
        self._kids = {}
        # the lemmas of every noun, verb and predicate adjective, as the triggers stage read them
        self.content_lemmas = set()

    def has_lemma(self, words):
        """Some noun, verb or predicate adjective of the sentence has one of these lemmas: a cheap
        test before a scan for them (filled by the triggers stage, which reads every token)."""
        return not self.content_lemmas.isdisjoint(words)

    def kids(self, tok):
        """All of the token's (dependency, child) pairs, in order, read once."""
        kids = self._kids.get(tok.i)
        if kids is None:
            kids = self._kids[tok.i] = [(c.dep_, c) for c in tok.children]
        return kids

    def children(self, tok, *deps):
        return [c for d, c in self.kids(tok) if d in deps]

    def is_passive(self, tok):
        """The verb is passive ("was expelled"): its subject undergoes the act. A participle
        coordinated with a passive and with no subject or auxiliary of its own shares its voice
        ("were killed or wounded", "was arrested and charged")."""
        if any(d in ("nsubjpass", "auxpass") for d, _ in self.kids(tok)):
            return True
        if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.i != tok.i and not any(
            d in ("nsubj", "aux", "dobj") for d, _ in self.kids(tok)) and self.is_passive(tok.head):
            return True
        # "a truce brokered by Oman": a reduced passive with its doer named, unless it only describes
        # ("troops backed by tanks") or tells how another act's object came to be ("the return of
        # property seized by the state": background, like "the detained Americans")
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or lemma(tok) in self.words.descriptive_participles \
                or not any(d == "agent" for d, _ in self.kids(tok)):
            return False
        noun = tok.head
        event = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        return event is None or lemma(event) not in self.words.patient_nominals | self.words.intransitive_nominals

    def infinitive(self, tok):
        """The verb has "to" ("to demand ...", "to reinforce ..."): a purpose or a complement."""
        return any(c.lower_ == "to" for c in self.children(tok, "aux"))

    def prep_objects(self, tok, words, deps=("prep", "agent")):
        out = []
        for p in tok.children:
            if p.dep_ in deps and p.lower_ in words:
                out.extend(self.children(p, "pobj"))
        return out

    def visitor(self, tok):
        """"Held a meeting with visiting Japanese Foreign Minister X": the parser reads the
        participle as a gerund with the visitor as its object; the visitor, when `tok` is such a
        participle after "with", else None."""
        if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or tok.head.lower_ != "with" \
                or tok.lemma_.lower() not in self.words.bearer_participles:
            return None
        objs = self.children(tok, "dobj")
        return objs[0] if objs and objs[0].pos_ == "PROPN" else None

    def governor(self, tok):
        """The word that may frame `tok`: the head of a complement clause, or the verb or adjective a
        preposition hangs on ("committed to deepening", "looked forward to the meeting"), or the noun
        an infinitive or clause completes ("Iran's appeal to Washington to lift sanctions")."""
        if tok.dep_ == "ccomp":
            # "reiterated its demand today that Israel ease ...": the clause hangs on the verb, but it
            # completes the framing noun the verb took
            for c in tok.head.children:
                if c.dep_ == "dobj" and c.i < tok.i and c.lemma_.lower() in self.words.framing_nouns:
                    return c
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i:
            return tok.head
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and tok.dep_ == "acl":
            return tok.head
        prep = tok.head
        if tok.dep_ in ("pcomp", "pobj") and prep.dep_ == "prep" and (prep.lower_ in ("to", "on", "of") or (
                prep.lower_ == "in" and self._effort(prep.head))):
            return prep.head  # also "(play) a role in facilitating talks": the role's verb frames it
        return None

    def _effort(self, tok):
        """An effort noun, or a verb that takes one ("played a role in", "made efforts in")."""
        words = self.words.effort_nouns
        return tok.lemma_.lower() in words or tok.pos_ == "VERB" and any(
            c.lemma_.lower() in words for c in self.children(tok, "dobj"))

    def verb_of_noun(self, tok):
        """The verb that performs an event noun or takes part in it ("will not hold talks", "will not
        take part in new talks", "did not attend the summit"), up to two prepositions away; None for
        any other verb ("did not stop the fighting": the fighting goes on)."""
        verb = self.object_verb(tok)
        return verb if verb is not None and lemma(verb) in self.words.doing_verbs else None

    @staticmethod
    def object_verb(tok):
        """The verb whose object (or object of its prepositions, up to two away) a noun is, else None."""
        cur = tok
        for _ in range(4):
            if cur.dep_ not in ("dobj", "pobj", "prep", "attr") or cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ == "VERB":
                return cur
        return None

    def clause_verb(self, tok):
        """The verb of the clause a noun phrase (or a word describing one) sits in, up to four
        steps up ("held talks with his visiting counterpart": held); None when there is none."""
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ in ("nsubj", "nsubjpass", "dobj", "relcl", "acl"):
                return cur.head if is_verb(cur.head) else None
            cur = cur.head
            if is_verb(cur):
                return cur
        return None

    def simultaneous_verb(self, tok):
        """"At the end of their meeting yesterday, they agreed ...", "during talks": the verb an event
        noun's phrase hangs on through a preposition of the same time, else None."""
        cur = tok
        for _ in range(4):
            if cur.dep_ not in ("pobj", "prep") or cur.head.i == cur.i:
                return None
            if cur.dep_ == "prep" and is_verb(cur.head):
                return cur.head if cur.lower_ in self.words.simultaneous_preps else None
            cur = cur.head
        return None

    def unglued(self, tok):
        """"met el-Sisi Sunday", "signed the accord Tuesday": a bare day or month that the parser
        made the head of the phrase before it stands for that phrase's last name; else `tok`."""
        if tok.lower_ in self.words.bare_time_words and tok.i > 0:
            before = tok.doc[tok.i - 1]
            if before.head.i == tok.i and before.dep_ == "compound" and before.pos_ == "PROPN":
                return before
        return tok

    def time_words(self, holders):
        """The words of these tokens' time modifiers, to date the event by."""
        words = []
        for holder in holders:
            for dep, c in self.kids(holder):
                if dep in ("npadvmod", "tmod", "advmod") or (dep == "prep" and c.lower_ in self.words.time_preps):
                    words.extend(c.subtree)
                elif dep in ("dobj", "prep"):
                    # a bare time glued to the object or to a preposition's object ("met el-Sisi Sunday")
                    for o in ([c] if dep == "dobj" else self.children(c, "pobj")):
                        if self.unglued(o) is not o:
                            words.append(o)
                elif dep in ("nummod", "compound", "amod") and holder.pos_ == "NOUN" and YEAR.fullmatch(c.text):
                    words.append(c)  # "the 1990 invasion of Kuwait"
                elif dep == "poss" and holder.pos_ == "NOUN" and c.lower_ in self.words.date_words:
                    words.extend(c.subtree)  # "Sunday's attack", "next week's summit"
        return words

    def setting_times(self, tok):
        """Time words of the act's setting, for an act with none of its own: an event noun's own
        realising clause ("the meeting to be held in August"), the clause a "when" clause hangs on
        ("ties soured in 2020 when Ankara suspended the deal"), the verb an event noun is the
        setting of ("was used in the attack on March 4")."""
        if tok.pos_ == "NOUN":
            held = [c for c in tok.children if c.dep_ == "acl" and lemma(c) in self.words.doing_verbs]
            if held:
                return self.time_words(held)
            prep = tok.head
            if tok.dep_ == "pobj" and prep.lower_ in ("in", "during", "at") and prep.head.pos_ == "VERB":
                return self.time_words([prep.head])
            return []
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        when = any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in tok.children)
        if when and tok.dep_ == "advcl":
            return self.time_words([tok.head])
        if when and tok.dep_ == "relcl" and self.dated([tok.head]):
            # "in 2020 when Ankara suspended the deal": the parser hangs the clause on the date
            start = min(t.i for t in tok.subtree)
            return [t for t in tok.head.subtree if t.i < start]
        return []

    def dated(self, tokens):
        """Some of these words name a time ("Monday", "2020", "last week")."""
        return any(t.ent_type_ == "DATE" or t.lower_ in self.words.date_words or YEAR.fullmatch(t.text)
                   for t in tokens)

    def with_aspect(self, chain):
        """The chain with the aspect verbs above it: in "would continue to cooperate" the modal sits
        on "continue", not on the act."""
        chain = list(chain)
        up = chain[-1]
        for _ in range(2):
            if up.dep_ != "xcomp" or lemma(up.head) not in self.words.aspect_verbs:
                break
            up = up.head
            chain.append(up)
        return chain

    def condition_subjects(self, verbs):
        """Subjects of "if"/"unless"/"until" clauses on these verbs."""
        for v in verbs:
            for adv in self.children(v, "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in self.words.condition_marks for m in adv.children):
                    subj = self.children(adv, "nsubj", "nsubjpass")
                    if subj:
                        return with_conjuncts(subj)
        return []
