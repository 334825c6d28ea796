"""From a parsed sentence to events: patterns on triggers, their arguments, framing and status."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actors.resolve import Deep
from .patterns import Pattern

YEAR = re.compile(r"1[89]\d\d|20\d\d")
PARTICLES = {"down", "back", "out", "up", "off", "away", "over", "in", "together"}
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
              "yesterday", "weekend", "day", "week", "month", "year", "night", "morning", "evening", "afternoon",
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}
TIME_PREPS = {"on", "in", "since", "during", "until", "till", "by", "from", "before", "after", "at", "between",
              "through", "throughout", "within", "for"}
MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
MODAL_HYPOTHETICAL = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
HISTORY_WORDS = {"anniversary", "commemorate", "commemoration", "recall", "history", "historic"}
# Acts that two parties do to each other: a meeting of A and B is also a meeting of B and A.
RECIPROCAL = ("019", "030", "031", "036", "040", "041", "044", "046", "050", "057", "060", "061", "062")
# Governors that pass their subject to an embedded verb ("is ready to work", "stands ready to work").
CONTROL_HEADS = ("xcomp", "acomp", "oprd", "conj", "advcl", "ccomp")
# What a frame makes of an act the framing table has no row for.
FRAME_DEFAULT = {"intent": "030", "appeal": "020", "demand": "100", "threaten": "130", "reject": "120"}
# Verbs whose subject comes to hold a plan or consensus ("reached a consensus to ...").
REACHING_VERBS = {"reach", "achieve", "announce", "forge", "strike", "unveil", "adopt", "approve", "sign"}
# Verbs whose subject performs the event noun they take ("announced a suspension of flights").
PERFORMING_VERBS = {"announce", "declare", "order", "decide", "implement", "begin", "start", "launch", "carry",
                    "conduct", "complete", "undertake", "resume", "pursue", "initiate", "impose", "extend"}
# Nouns whose clause is what they ask, offer or threaten ("its demand that Israel ease ...").
FRAMING_NOUNS = {"demand", "call", "appeal", "request", "plea", "proposal", "offer", "threat", "warning",
                 "promise", "pledge", "ultimatum", "admission", "claim", "allegation", "accusation"}
# "engaged in", "took part in": the subject does the nominal act.
PARTICIPATION_VERBS = {"engage", "participate", "involve", "join", "take", "embark", "persist", "indulge"}
# "is opposed to", "is committed to": a state of the subject, not something done to it.
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "devote", "resign"}
# Verbs whose passive "from X" names who acted ("was expelled from Azerbaijan").
EXPULSION_VERBS = {"expel", "deport", "ban", "bar", "oust", "evict"}
# Nouns for attacks whose "by" or owner names the doer of a passive killing.
ATTACK_NOUNS = {"attack", "ambush", "raid", "bombing", "assault", "strike", "airstrike", "shelling", "offensive",
                "explosion", "blast", "shooting"}
# Purposes that make a deployment protection of the place it goes to.
PROTECTIVE_PURPOSES = {"reinforce", "protect", "defend", "help", "support", "assist", "secure", "bolster",
                       "strengthen", "guard", "reassure"}
# Verbs of aspect whose modal belongs to the act they govern ("would continue to cooperate").
ASPECT_VERBS = {"continue", "begin", "start", "keep", "resume", "go"}
# Verbs that report what someone must do ("the forum concluded that ... must").
OBLIGATION_SPEECH = {"conclude", "warn", "remind", "urge", "argue", "stress", "demand"}
# Cooperative acts whose announced refusal ("will not X") is a rejection.
REFUSABLE_ROOTS = {"03", "04", "05", "06", "07", "08"}
GENERIC_FRAMES = {code: frame for frame, code in FRAME_DEFAULT.items()}
# Words that make a sentence someone's statement: a future act in it is that someone's stated intent.
SPEECH_LEMMAS = {"say", "announce", "confirm", "tell", "state", "declare", "add", "indicate", "report",
                 "quote", "disclose", "reveal", "insist", "stress", "reiterate"}
# Stated future acts: cooperation is an intent (03), force and pressure a threat (13), per the CAMEO codebook.
INTENT_ROOTS = {"04", "05", "06", "07", "08"}
THREAT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


@dataclass
class Found:
    """One coded trigger before actors are resolved and directions expanded."""

    trigger: object  # spaCy token
    code: str
    pattern: str
    sources: list
    targets: list
    status: str
    frame_word: object = None  # the framing token, if any
    clause: list = field(default_factory=list)  # tokens to search for dates and places
    consumed: set = field(default_factory=set)  # token indexes that must not fire on their own
    planned: str | None = None  # the code of the stated future act, when the event is an intent or threat
    passive: bool = False
    rank: tuple = ()
    act_clause: list = field(default_factory=list)  # time words of the planned act, when framed
    fallback: object = None  # () -> lists of argument tokens, computed only when asked
    needs_target: bool = False  # drop the event unless its target resolves to an actor

    @property
    def fallback_targets(self):
        """Where to look, in order, when `targets` names no actor: lists of argument tokens."""
        return self.fallback() if self.fallback is not None else []


def _is_verb(tok):
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


class _Kids:
    """Each token's (dependency, child) pairs, read once per parsed sentence: spaCy builds new Token
    objects on every `.children`, and the extractor asks for the same children many times."""

    doc = None
    by_token = {}


def _children(tok, *deps):
    doc = tok.doc
    if _Kids.doc is not doc:
        _Kids.doc, _Kids.by_token = doc, {}
    kids = _Kids.by_token.get(tok.i)
    if kids is None:
        kids = _Kids.by_token[tok.i] = [(c.dep_, c) for c in tok.children]
    return [c for d, c in kids if d in deps]


def _infinitive(tok):
    """The verb has "to" ("to demand ...", "to reinforce ..."): a purpose or a complement."""
    return any(c.lower_ == "to" for c in _children(tok, "aux"))


def _lemma(tok):
    return tok.lemma_.lower()


def _with_conjuncts(tokens):
    out = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return out


def _governor(tok):
    """The word that may frame `tok`: the head of a complement clause, or the verb or adjective a
    preposition hangs on ("committed to deepening", "looked forward to the meeting"), or the noun
    an infinitive or clause completes ("Iran's appeal to Washington to lift sanctions")."""
    if tok.dep_ == "ccomp":
        # "reiterated its demand today that Israel ease ...": the clause hangs on the verb, but it
        # completes the framing noun the verb took
        for c in tok.head.children:
            if c.dep_ == "dobj" and c.i < tok.i and c.lemma_.lower() in FRAMING_NOUNS:
                return c
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and tok.dep_ == "acl":
        return tok.head
    if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and tok.head.lower_ in ("to", "on", "of"):
        return tok.head.head
    return None


def _time_words(holders):
    words = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("npadvmod", "tmod", "advmod") or (c.dep_ == "prep" and c.lower_ in TIME_PREPS):
                words.extend(c.subtree)
            elif c.dep_ in ("nummod", "compound", "amod") and holder.pos_ == "NOUN" and YEAR.fullmatch(c.text):
                words.append(c)  # "the 1990 invasion of Kuwait"
    return words


class Features:
    """The syntactic frame of a trigger: particle, objects, prepositions, controlled verbs."""

    def __init__(self, tok):
        self.tok = tok
        self.passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        # "stepped down", "pulled back": the parser often leaves intransitive particles as adverbs
        self.particles = {c.lower_ for c in tok.children
                          if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in PARTICLES)}
        objs = _children(tok, "nsubjpass") if self.passive else _children(tok, "dobj", "attr")
        if tok.pos_ in ("NOUN", "PROPN"):
            objs = []
        self.objects = _with_conjuncts(objs)
        self.object_lemmas = set()
        for o in self.objects:
            self.object_lemmas.add(_lemma(o))
            self.object_lemmas.update(_lemma(c) for c in o.children if c.dep_ in ("compound", "amod", "nmod"))
            # "allow the return of inspectors", "demanded the release of prisoners": what the act is of
            self.object_lemmas.update(_lemma(x) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                      for x in p.children if x.dep_ == "pobj")
        self.preps = {}
        holders = [tok] + self.objects
        for h in holders:
            for p in _children(h, "prep", "agent", "dative"):
                word = p.lower_
                pobjs = _with_conjuncts(_children(p, "pobj", "pcomp"))
                if pobjs and all(o.lower_ in DATE_WORDS or o.like_num for o in pobjs):
                    continue
                if not pobjs and h is tok:
                    # "will call on Indian Prime Minister Modi": the parser hung the object on the verb
                    pobjs = [o for o in _children(tok, "dobj") if o.i > p.i]
                if p.dep_ == "dative" and p.pos_ in ("NOUN", "PROPN", "PRON"):
                    self.preps.setdefault("iobj", []).append(p)
                    continue
                self.preps.setdefault(word, []).extend(pobjs)
        self.pobj_lemmas = {w: {_lemma(o) for o in objs} | {_lemma(c) for o in objs for c in o.children
                                                            if c.dep_ in ("compound", "amod")}
                            for w, objs in self.preps.items()}
        self.xcomps = _children(tok, "xcomp")
        self.xcomp_lemmas = {_lemma(x) for x in self.xcomps}

    def per_object(self):
        """This frame, and one view per conjoined direct object when there are several."""
        yield self
        if len(self.objects) > 1:
            for o in self.objects:
                view = object.__new__(Features)
                view.__dict__.update(self.__dict__)
                view.object_lemmas = {_lemma(o)} | {_lemma(c) for c in o.children if c.dep_ in ("compound", "amod", "nmod")}
                yield view

    def satisfies(self, p):
        if p.particle and p.particle not in self.particles:
            return False
        if p.object and not (self.object_lemmas & p.object):
            return False
        if p.prep:
            present = [w for w in p.prep if w in self.preps]
            if not present:
                return False
            if p.pobj and not any(self.pobj_lemmas.get(w, set()) & p.pobj for w in present):
                return False
        elif p.pobj and not any(lem & p.pobj for lem in self.pobj_lemmas.values()):
            return False
        if p.xcomp and not (self.xcomp_lemmas & p.xcomp or ("*" in p.xcomp and self.xcomp_lemmas)):
            return False
        return True


# Attacks whose weapon may say more: unconventional violence, conventional force, killing.
GENERIC_VIOLENCE = {"180", "190", "182", "1823", "183"}
# Protests and what they demand: leadership change (1), policy change (2), rights (3), institutions (4).
PROTEST_CODES = {"141", "142", "143", "144", "145"}
PURPOSE_DIGIT = {"1041": "1", "0241": "1", "1042": "2", "0242": "2", "1043": "3", "0243": "3", "1044": "4",
                 "0244": "4", "104": "2", "024": "2", "0831": "1", "0832": "2", "0833": "3", "0834": "4"}
# Nominal events whose "of" names who acts ("the visit of the prime minister", "the withdrawal of
# troops"); for the others it names what is acted on ("the release of prisoners").
INTRANSITIVE_NOMINALS = {"visit", "trip", "withdrawal", "pullout", "retreat", "deployment", "protest", "strike",
                         "demonstration", "meeting", "mobilization", "mobilisation", "return", "arrival",
                         "cooperation", "negotiation", "mediation", "intervention"}


# Event nouns whose possessive, without an "of", is what undergoes the act.
PATIENT_NOMINALS = {"destruction", "killing", "assassination", "arrest", "detention", "imprisonment", "release",
                    "expulsion", "deportation", "extradition", "execution", "torture", "kidnapping", "abduction",
                    "evacuation", "eviction", "seizure", "confiscation", "occupation", "annexation", "invasion",
                    "blockade", "siege", "bombardment", "shelling", "bombing", "massacre", "suppression",
                    "persecution", "repression", "isolation"}


class NominalFeatures(Features):
    """The frame of an event noun read as its verb: "Iran's appeal to Washington", "the release of
    prisoners by Israel", "a Russian attack on Kharkiv". The owner (possessive, nationality, "by",
    "from") is the source; "of" is the object, or the doer for nouns like "visit"."""

    def __init__(self, tok):
        self.tok = tok
        self.passive = False
        self.particles = set()
        of = _with_conjuncts([o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")])
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if owners and not of and _lemma(tok) in PATIENT_NOMINALS:
            owners, of = [], owners  # "Israel's destruction", "Navalny's arrest": the owner undergoes it
        owners += [o for p in _children(tok, "prep", "agent") if p.lower_ in ("by", "from") for o in _children(p, "pobj")]
        owners += [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                   and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.text[:1].isupper()]
        if not owners and of and _lemma(tok) in INTRANSITIVE_NOMINALS:
            owners, of = of, []
        self.sources = _with_conjuncts(owners)
        self.objects = of
        self.object_lemmas = {_lemma(o) for o in of} | {_lemma(c) for o in of for c in o.children
                                                       if c.dep_ in ("compound", "amod", "nmod")}
        self.preps = {}
        for p in _children(tok, "prep"):
            if p.lower_ in ("of", "by", "from"):
                continue
            pobjs = _with_conjuncts(_children(p, "pobj", "pcomp"))
            if pobjs and not all(o.lower_ in DATE_WORDS or o.like_num for o in pobjs):
                self.preps.setdefault(p.lower_, []).extend(pobjs)
        self.pobj_lemmas = {w: {_lemma(o) for o in objs} for w, objs in self.preps.items()}
        self.xcomps = [c for c in tok.children if c.dep_ == "acl"]
        self.xcomp_lemmas = {_lemma(x) for x in self.xcomps}

    def per_object(self):
        yield self


class Extractor:
    """Codes the triggers of one parsed sentence."""

    def __init__(self, patterns, frames, nominals=None, instruments=None, purposes=None):
        self.patterns = patterns
        self.frames = frames
        self.purposes = purposes
        self.nominals = nominals or {}  # noun -> verb: "Iran's appeal to Washington" codes as "appeal"
        self.instruments = instruments or {}  # weapon word -> code, for generic attacks

    def find(self, doc):
        found, consumed = [], set()
        verbs = []  # (token, lemma) of every verb, for the frame-only passes below
        for tok in doc:
            pos = ("VERB" if _is_verb(tok) else "NOUN" if tok.pos_ in ("NOUN", "PROPN")
                   else "ADJ" if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT") else None)
            if pos is None:
                continue
            lemma = _lemma(tok)
            if tok.pos_ == "VERB":
                verbs.append((tok, lemma))
            candidates = self.patterns.candidates(lemma, pos)
            nominal = False
            if not candidates and tok.pos_ == "NOUN" and lemma in self.nominals:
                candidates = self.patterns.candidates(self.nominals[lemma], "VERB")
                nominal = bool(candidates)
            if not candidates:
                continue
            feats = NominalFeatures(tok) if nominal else Features(tok)
            chosen = []
            for view in feats.per_object():
                best = None
                for p in candidates:
                    # "continued their hunger strike": the pattern naming more of the object wins
                    key = (p.rank[0], len(view.object_lemmas & p.object) if p.object else 0) + p.rank[1:]
                    if view.satisfies(p) and (best is None or key > best_key):
                        best, best_key = p, key
                if best is not None and best.code not in [c.code for c in chosen]:
                    chosen.append(best)
            for best in chosen:
                f = self._found(tok, feats, best)
                if f is not None:
                    found.append(f)
                    consumed |= f.consumed
        found += self._obligations(verbs, found)
        found += self._framed_contents(verbs, found)
        self._refine_by_purpose(found)
        self._refine_protests(found, consumed)
        self._refine_by_instrument(found)
        # two triggers that each took the other in ("agreed to US mediation": the verb's pattern names
        # the noun, the noun is framed by the verb): the more specific pattern keeps the event
        losers = set()
        for a in found:
            for b in found:
                if a is not b and b.trigger.i in a.consumed and a.trigger.i in b.consumed and a.rank >= b.rank \
                        and id(a) not in losers:
                    losers.add(id(b))
        if losers:
            found = [f for f in found if id(f) not in losers]
            consumed = set().union(*(f.consumed for f in found)) if found else set()
        # "Israeli airstrikes killed 15 people": the attack named as the subject is the killing
        by_trigger = {f.trigger.i: f for f in found}
        subject_acts = [f for f in found if f.trigger.pos_ == "NOUN" and f.trigger.dep_ == "nsubj"
                        and f.trigger.head.i in by_trigger and by_trigger[f.trigger.head.i].code[:2] == f.code[:2]]
        for f in subject_acts:
            if f.sources:  # "US drone strikes killed ...": who struck is who killed
                by_trigger[f.trigger.head.i].sources = f.sources
        found = [f for f in found if f not in subject_acts]
        # "dismissed an appeal from Gbagbo to lay down arms": the appeal is what is rejected, part
        # of the rejection, not a second event
        rejected = {i for g in found if g.code[:2] == "12" for i in g.consumed}
        found = [f for f in found if not (f.frame_word is not None and f.frame_word.pos_ == "NOUN"
                                          and f.frame_word.i in rejected and f.code[:2] != "12")]
        fired = {f.trigger.i: f.code[:2] for f in found}
        for f in found:
            # "demanded a meeting ... to discuss X", "staged protests to demand Y": the purpose is
            # part of the act it serves, not a second event; so is "summoned the ambassador to
            # complain", a purpose of the same kind as the act
            t = f.trigger
            if t.head.i in fired and _infinitive(t) and (
                    t.dep_ == "advcl" or t.dep_ == "xcomp" and f.frame_word is None and fired[t.head.i] == f.code[:2]):
                consumed.add(t.i)
        return [f for f in found if f.trigger.i not in consumed]

    def _refine_by_instrument(self, found):
        """"Killed ... in a car bomb attack", "attacked civilians with sarin gas", "killed in an air
        raid": the weapon named picks the code of a generic attack (data/instruments.tsv)."""
        for f in found:
            if f.code not in GENERIC_VIOLENCE:
                continue
            t = f.trigger
            words = []
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "with", "by", "during"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            words += [w.lemma_.lower() for w in o.subtree]
            if t.pos_ == "NOUN":
                words += [c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod")]
            # "a roadside bombing killed one soldier": the weapon is the subject
            subject_of = t.head if t.dep_ == "conj" and not _children(t, "nsubj") else t
            words += [w.lemma_.lower() for c in subject_of.children if c.dep_ == "nsubj" for w in c.subtree
                      if w.dep_ in ("compound", "amod") or w.i == c.i]
            codes = [self.instruments[w] for w in words if w in self.instruments]
            if codes:
                # the most specific weapon wins: "car bomb" -> 1832 before "bomb" -> 183
                f.code = max(codes, key=lambda c: (len(c), c))

    def _obligations(self, verbs, found):
        """"The administration declared that China must drop barriers to US exports": what a speaker
        says another must do is a demand of that other (CAMEO 10), even when no pattern codes the
        act. (Acts that are coded become demands in `_found`.)"""
        out = []
        fired = {f.trigger.i for f in found}
        for tok, lemma in verbs:
            if lemma not in SPEECH_LEMMAS and lemma not in OBLIGATION_SPEECH:
                continue
            for comp in _children(tok, "ccomp"):
                modal = {c.lower_ for c in comp.children if c.dep_ == "aux"}
                needs = _lemma(comp) in ("need", "have") and _children(comp, "xcomp")
                if not (modal & {"must", "should"} or needs and "to" not in modal):
                    continue
                speaker = _with_conjuncts(_children(tok, "nsubj"))
                subject = _with_conjuncts(_children(comp, "nsubj"))
                if not speaker or not subject or any(t.i in fired for t in comp.subtree):
                    continue
                clause = _time_words([tok])
                out.append(Found(comp, "100", "frame:demand", speaker, subject, "occurred", frame_word=tok,
                                 clause=clause, consumed={comp.i}, needs_target=True))
        return out

    def _framed_contents(self, verbs, found):
        """"Turkey refused to commit to any direct assistance": a framing verb with no pattern of its
        own whose clause is about a known kind of act (data/purposes.tsv) is coded by its frame and
        that content (here 122, a refusal of aid). The outermost frame speaks."""
        if self.purposes is None:
            return []
        out = []
        fired = {f.trigger.i for f in found} | {f.frame_word.i for f in found if f.frame_word is not None}
        taken = set()
        for tok, lemma in verbs:
            frame = self.frames.words.get(lemma)
            if frame not in FRAME_DEFAULT or tok.i in fired or tok.i in taken:
                continue
            clauses = _children(tok, "xcomp", "ccomp")
            inside = [w for c in clauses for w in c.subtree]
            if not clauses or any(w.i in fired for w in inside):
                continue
            # what the clause is about, not who is to do it
            skip = {w.i for c in clauses for x in c.children if x.dep_ in ("nsubj", "nsubjpass") for w in x.subtree}
            lemmas = [w.lemma_.lower() for w in inside if w.i not in skip]
            act = self.purposes.act(frame, lemmas)
            code = self.frames.recode(frame, act) if act else None
            sources = self._subject(tok, Features(tok))
            if not code or not sources:
                continue
            taken |= {t.i for c in clauses for t in c.subtree}
            pattern = Pattern("frame:" + frame, FRAME_DEFAULT[frame], _lemma(tok), "VERB", None, None, None, None,
                              None, ("none",))
            f = Found(tok, code, pattern.id, sources, [], "occurred", clause=_time_words([tok]), consumed=set(taken),
                      fallback=lambda tok=tok, code=code, pattern=pattern: self._fallback_targets(tok, None, code, pattern))
            f.status = self._status([tok], tok, "occurred")
            if f.status == "negated":
                continue
            out.append(f)
        return out

    def _refine_by_purpose(self, found):
        """An appeal, intent, demand, threat or refusal coded only by its own verb ("urged Uganda to
        repatriate criminals", "asked the EC for food aid"): what it is about picks the subcode."""
        if self.purposes is None:
            return
        for f in found:
            frame = GENERIC_FRAMES.get(f.code)
            # "rejected calls for economic aid" (122): content may also narrow a code to its subcode
            narrow = frame is None and len(f.code) == 3 and GENERIC_FRAMES.get(f.code[:2] + "0")
            frame = frame or narrow
            if not frame:
                continue
            t = f.trigger
            clauses = [c for c in t.children if c.dep_ in ("xcomp", "ccomp")]
            # "rejected calls by Annan, ..., to adopt reforms": the parser may hang the clause on the verb
            clauses += [c for c in t.children if c.dep_ == "advcl" and _infinitive(c)]
            if frame == "intent" and not narrow and any(c.dep_ == "neg" for x in clauses for c in x.children):
                # "vowed not to return the Golan Heights": a pledge not to act is a refusal
                frame = "reject"
                f.code = FRAME_DEFAULT["reject"]
            # "urged the military to ...": with a clause, the object is who is addressed, not the content
            parts = clauses + [c for c in t.children if c.dep_ in ("dobj", "attr") and not clauses
                               or c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "of")]
            skip = {w.i for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for w in s.subtree}
            lemmas = [w.lemma_.lower() for p in parts for w in p.subtree if w.i not in skip]
            act = self.purposes.act(frame, lemmas)
            code = self.frames.recode(frame, act) if act else None
            if code and (not narrow or code.startswith(f.code) and len(code) > len(f.code)):
                f.code = code

    def _refine_protests(self, found, consumed):
        """"Staged demonstrations to demand political reform", "blocked roads demanding the leader's
        resignation": what a protest demands picks its 4-digit code (leadership, policy, rights,
        institutions), and the demand is part of the protest."""
        for f in found:
            if f.code not in PROTEST_CODES:
                continue
            for g in found:
                t = g.trigger
                if g is f or t.dep_ not in ("advcl", "xcomp", "acl", "conj") or \
                        not any(a.i == f.trigger.i for a in t.ancestors):  # the parser may hang it lower
                    continue
                digit = PURPOSE_DIGIT.get(g.code) or PURPOSE_DIGIT.get(g.code[:3])
                if digit:
                    f.code = f.code + digit
                    consumed.add(t.i)
                    break
            if f.code in PROTEST_CODES and self.purposes is not None:
                # no coded demand: what the protest is for or against ("against the party's
                # leader", "to show disapproval of US military policies") may still say
                t = f.trigger
                parts = [c for c in t.children if c.dep_ in ("advcl", "xcomp", "acl")
                         or c.dep_ == "prep" and c.lower_ in ("against", "over", "for", "in", "at")]
                parts += [c for o in _children(t, "dobj") for c in o.children
                          if c.dep_ == "prep" and c.lower_ in ("against", "over", "for", "in")]
                lemmas = [w.lemma_.lower() for c in parts for w in c.subtree if w.dep_ not in ("nsubj",)]
                digit = PURPOSE_DIGIT.get(self.purposes.act("protest", lemmas) or "")
                if digit:
                    f.code = f.code + digit

    # -- one trigger ---------------------------------------------------------------------------
    def _found(self, tok, feats, pattern):
        code, status = pattern.code, "occurred"
        if code[:2] == "15" and any(_lemma(a) in PROTECTIVE_PURPOSES for a in _children(tok, "advcl")
                                    if _infinitive(a)):
            # "will send 100 troops to Estonia to reinforce NATO's flank": troops sent to protect an
            # ally are military protection (074), not a show of force
            code = "074"
        # "held talks", "called for talks": the noun is part of this event, not a second one
        consumed = {o.i for o in feats.objects if o.pos_ == "NOUN"}
        if pattern.pos == "VERB":
            consumed |= {o.i for w, objs in feats.preps.items() if w != "iobj" for o in objs if o.pos_ == "NOUN"}
        if isinstance(feats, NominalFeatures):
            sources, targets = feats.sources, self._targets(feats, pattern)
            if not sources and tok.dep_ == "dobj" and _lemma(tok.head) in PERFORMING_VERBS:
                # "Italy announced a suspension of air links": who announces or orders the act does it
                sources = self._subject(tok.head, Features(tok.head))
        elif pattern.pos == "NOUN":
            sources, targets = self._noun_arguments(tok, pattern, feats)
        else:
            sources = self._subject(tok, feats)
            targets = self._targets(feats, pattern)
        frame_word, chain = None, [tok]
        act_code = code
        # framing: "is ready to X", "urged Y to X", "threatened to X", "demanded that Y X", "failed to X",
        # "is committed to deepening X", "looked forward to the meeting"
        cur = tok
        head = _governor(cur)
        while head is not None:
            frame = self.frames.words.get(_lemma(head)) or (
                self.frames.words.get(self.nominals.get(_lemma(head), "")) if head.pos_ == "NOUN" else None)
            if frame == "allege":
                return None  # "accused X of attacking Y": the attack is alleged, not reported
            if frame:
                frame_word = head
                chain.append(head)
                consumed.add(head.i)
                if frame == "negate":
                    status = "negated"
                else:
                    code = self.frames.recode(frame, code) or FRAME_DEFAULT[frame]
                if head.pos_ == "NOUN":
                    # a nominal frame ("an appeal from X to lay down arms"): its owner frames the act,
                    # the one addressed is the target; with no owner, nobody is known to appeal
                    nf = NominalFeatures(head)
                    sources = nf.sources
                    if not sources and head.dep_ == "dobj" and _lemma(head.head) in REACHING_VERBS:
                        # "Israel and the Palestinians reached a consensus to exchange ...": whoever
                        # reached it holds it
                        sources = self._subject(head.head, Features(head.head))
                    tgt = self._prep_objects(head, ("to", "on", "upon", "against", "for"))
                    if frame in ("appeal", "demand") and tgt:
                        targets = _with_conjuncts(tgt)
                    elif frame in ("appeal", "demand") and cur.dep_ in ("ccomp", "acl"):
                        targets = _children(cur, "nsubj") or targets
                elif frame in ("appeal", "demand"):
                    # the appealer is the source, the one appealed to is the target
                    gov = head.head if head.pos_ == "ADJ" else head
                    src = self._subject(gov, Features(gov))
                    tgt = _children(gov, "dobj") or self._prep_objects(gov, ("on", "upon", "to"))
                    if cur.dep_ == "ccomp":
                        tgt = _children(cur, "nsubj") or tgt
                    if src:
                        sources = src
                    if tgt:
                        targets = _with_conjuncts(tgt)
                elif frame == "threaten" and not targets:
                    targets = _children(head, "dobj")
                if isinstance(feats, NominalFeatures) and head.pos_ != "NOUN" and frame != "negate":
                    # "refused to respond to a demand from the US": the refusal is the subject's
                    subject = _with_conjuncts(_children(head, "nsubj")) or self._subject(head, Features(head))
                    if subject:
                        targets, sources = sources or targets, subject
                break
            # climb through control ("is ready to ...", "agreed to try to ..."), never into another
            # speaker's clause ("X offered ... that Y believed could lead to an agreement")
            if head.dep_ in ("xcomp", "acomp") or head.pos_ in ("ADJ", "AUX") or (
                    head.dep_ == "ccomp" and not _children(head, "nsubj", "nsubjpass")):
                chain.append(head)
                cur, head = head, _governor(head) or (head.head if head.dep_ == "acomp" else None)
                continue
            break
        if not sources and tok.dep_ in ("pcomp", "pobj") and frame_word is not None:
            # "Australia is committed to deepening ...": the framed subject, passive or not
            sources = _with_conjuncts(_children(frame_word, "nsubj", "nsubjpass")) or \
                self._subject(frame_word, Features(frame_word))
        if code[:2] == "13":
            # "threatened to ban voting in East Jerusalem if Hamas ran": the one whose act the
            # threat is conditioned on is its target
            cond = self._condition_subjects([t for t in (frame_word, tok) if t is not None]
                                            + _children(tok, "xcomp", "ccomp"))
            if cond:
                targets = cond
        status = self._status(chain, tok, status)
        if status == "negated":
            refusal = self._refusal(chain, frame_word, code, act_code)
            if refusal is not None:
                code, act_code, frame_word = refusal
                status = "occurred"
        planned = None
        future = status == "planned" or (status == "hypothetical" and any(
            c.dep_ == "aux" and c.lower_ in ("would", "'d") for t in _with_aspect(chain) for c in t.children))
        if frame_word is None and future and self._is_statement(tok):
            # "Portugal will support ...", Soares said: a stated future act is an intent or a threat
            frame = "intent" if code[:2] in INTENT_ROOTS else "threaten" if code[:2] in THREAT_ROOTS else None
            if frame:
                planned = code
                code = self.frames.recode(frame, code) or FRAME_DEFAULT[frame]
                status = "occurred"
        elif frame_word is not None and status != "negated" and code != act_code:
            planned = act_code  # "invited Wong to visit Jakarta next month": the visit is the planned act
        obliged = frame_word is None and status == "hypothetical" and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for t in chain for c in t.children)
        speech = self._speech_verb(tok) if obliged else None
        demanded = False
        if speech is not None:
            # "Jack Straw said the government and the rebels must reach an agreement": the speaker
            # demands the act of those it names (CAMEO 10x)
            speaker = _with_conjuncts(_children(speech, "nsubj"))
            if speaker and not any(a.i == b.i for a in speaker for b in sources):
                planned = code
                code = self.frames.recode("demand", code) or FRAME_DEFAULT["demand"]
                targets, sources, status = sources, speaker, "occurred"
                consumed.add(speech.i)
                demanded = True
        # the act's own time words, and those of the verbs that frame it
        act_clause = _time_words([tok] + ([tok.head] if tok.dep_ == "conj" else []))
        frame_clause = _time_words(chain[1:])
        if planned:  # the intent, appeal or threat is dated by its own words (or the document date)
            clause = frame_clause
        else:
            clause, act_clause = act_clause + frame_clause, []
        return Found(tok, code, pattern.id, sources, targets, status, frame_word, clause, consumed, planned,
                     passive=feats.passive and pattern.pos == "VERB", rank=pattern.rank, act_clause=act_clause,
                     fallback=lambda: self._fallback_targets(tok, frame_word, code, pattern), needs_target=demanded)

    def _refusal(self, chain, frame_word, code, act_code):
        """A negated act that is a rejection (CAMEO 12): (code, act code, frame word), or None.
        "Vowed never to hand power": a pledge not to act. "Syria will not accept any more refugees",
        "the teachers won't end their strike": a stated refusal of cooperation."""
        if frame_word is not None:
            below = chain[:chain.index(frame_word)] if frame_word in chain else []
            if self.frames.words.get(_lemma(frame_word)) == "intent" and code[:2] == "03" and \
                    any(c.dep_ == "neg" for t in below for c in t.children):
                return self.frames.recode("reject", act_code) or FRAME_DEFAULT["reject"], act_code, frame_word
            return None
        children = [c for t in chain for c in t.children]
        negation = next((c for c in children if c.dep_ == "neg"), None)
        if code[:2] in REFUSABLE_ROOTS and negation is not None and any(
                c.dep_ == "aux" and c.lower_ in ("will", "wo", "would", "shall", "'ll") for c in children):
            return self.frames.recode("reject", code) or FRAME_DEFAULT["reject"], code, negation
        return None

    @staticmethod
    def _condition_subjects(verbs):
        """Subjects of "if"/"unless"/"until" clauses on these verbs."""
        for v in verbs:
            for adv in _children(v, "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "until") for m in adv.children):
                    subj = _children(adv, "nsubj", "nsubjpass")
                    if subj:
                        return _with_conjuncts(subj)
        return []

    def _fallback_targets(self, tok, frame_word, code, pattern):
        """Where the one acted on may still be named when the pattern's own slots hold no actor:
        the actor a threat or demand is conditioned on ("threatened to ban voting if Hamas ran",
        "will withdraw unless the government ..."); the one a framed act is done to, against or for
        ("promised to continue military aid to Mozambique", "threatened to impose restrictions
        against German goods"); the one an unpatterned complement names ("threatened to stop
        negotiations with the US")."""
        if "none" in pattern.target[:1] and (code[:2] == "01" or frame_word is None and not _children(tok, "xcomp", "ccomp")):
            return []
        out = []
        heads = [tok] + _children(tok, "xcomp", "ccomp")
        if code[:2] == "14":
            # "began a hunger strike to protest against Sweden's decision", "blocked a road to show
            # their disapproval of US policies": the purpose names whom a protest is aimed at
            heads += [a for a in _children(tok, "advcl") if _infinitive(a)]
        if code[:2] in ("13", "10", "02", "03"):
            cond = self._condition_subjects([t for t in (frame_word,) if t is not None] + heads)
            if cond:
                out.append(cond)
        # the complement (or the act itself) and its objects: who the act goes to or against
        holders = []
        for h in heads:
            holders += [h] + [o for o in _children(h, "dobj", "attr") for o in [o] + _children(o, "conj")]
        if code[:2] == "04":
            # "arrived in Cairo for talks with Egyptian mediators": who the talks are with
            holders += [o for p in _children(tok, "prep") if p.lower_ == "for" for o in _children(p, "pobj")]
        # "engaged in ethnic cleansing against the Albanians": the act named after "in"
        if _lemma(tok) in PARTICIPATION_VERBS:
            holders += [o for p in _children(tok, "prep") if p.lower_ in ("in", "into") for o in _children(p, "pobj")
                        if o.pos_ == "NOUN"]
        # cooperation "against the PKK" is not cooperation with the PKK
        preps = [("against",)] if code[:2] >= "09" else []
        preps.append(("to", "toward", "towards", "on", "with", "for"))
        if code[:2] in ("17", "19"):
            preps.append(("from",))  # "recaptured the town from rebels", "seized weapons from militants"
        if code[:2] in ("10", "02"):
            preps.append(("by", "from"))  # "demanded an admission by Moscow"
        if code[:2] == "14":
            # "in defiance of Chinese authorities", "in protest at the decision of Sweden"
            holders += [o for h in holders for p in _children(h, "prep") if p.lower_ == "in"
                        for o in _children(p, "pobj") if _lemma(o) in ("defiance", "protest", "opposition")]
            preps.insert(0, ("of",))
        for words in preps:
            objs = [o for h in holders for p in _children(h, "prep") if p.lower_ in words
                    for o in _children(p, "pobj") if o.lower_ not in DATE_WORDS]
            if objs:
                out.append(_with_conjuncts(objs))
        if code[:2] in ("11", "12"):
            # "denounced Serbia's suppression of the unrest": whose act is condemned or rejected
            doers = [x for o in holders[1:] for x in [c for c in o.children if c.dep_ == "poss"]
                     + [x for p in _children(o, "prep", "agent") if p.lower_ == "by" for x in _children(p, "pobj")]]
            if doers:
                out.insert(0, _with_conjuncts(doers))
        # "mounted an invasion of Lebanon", "imposed a blockade on ... ": who undergoes the act named
        patients = [x for o in holders[1:] if _lemma(o) in PATIENT_NOMINALS
                    for x in [c for c in o.children if c.dep_ == "poss"]
                    + [x for p in _children(o, "prep") if p.lower_ == "of" for x in _children(p, "pobj")]]
        if patients:
            out.append(_with_conjuncts(patients))
        if tok.pos_ == "VERB":
            comp_objs = [o for h in heads[1:] for o in _children(h, "dobj")]
            if comp_objs:
                out.append([Deep(o) for o in comp_objs])
        return out

    @staticmethod
    def _speech_verb(tok):
        """The verb of saying whose reported clause holds `tok` ("X said (that) Y must ...")."""
        cur = tok
        for _ in range(4):
            head = cur.head
            if head.i == cur.i:
                return None
            if cur.dep_ in ("ccomp", "conj") and head.lemma_.lower() in SPEECH_LEMMAS | {"conclude", "warn", "remind"}:
                return head
            cur = head
        return None

    @staticmethod
    def _is_statement(tok):
        """The trigger sits in reported speech: the sentence has a verb of saying or announcing."""
        return any(t.lemma_.lower() in SPEECH_LEMMAS and t.pos_ == "VERB" for t in tok.sent)

    def _subject(self, tok, feats):
        cur = tok
        for _ in range(6):
            subj = _children(cur, "nsubj", "csubj")
            if feats.passive and cur is tok:
                agents = self._prep_objects(tok, ("by",), deps=("agent",))
                if not agents and _lemma(tok) in EXPULSION_VERBS:
                    # "the ambassador was expelled from Azerbaijan": the country expelling
                    agents = self._prep_objects(tok, ("from",))
                if not agents:
                    # "were killed in an attack by Kurdish militants": the attack's doer
                    attacks = [o for o in self._prep_objects(tok, ("in", "during")) if _lemma(o) in ATTACK_NOUNS]
                    agents = [x for a in attacks for x in self._prep_objects(a, ("by",)) + _children(a, "poss")]
                if not agents and _lemma(tok) in PARTICIPATION_VERBS | STATIVE_PASSIVES and \
                        any(p.lower_ in ("in", "to", "into") for p in _children(tok, "prep")):
                    agents = _children(tok, "nsubjpass")  # "were engaged in", "were involved in": a state
                return _with_conjuncts(agents)
            if subj:
                return _with_conjuncts(subj)
            if cur.dep_ in ("relcl",) and cur.head.pos_ in ("NOUN", "PROPN"):
                return [cur.head]
            if cur.dep_ == "acl" and cur.tag_ == "VBN":
                return []  # "expelled two diplomats accused of spying": who accused them is not said
            if cur.dep_ == "acl" and _infinitive(cur):
                # "Moscow's will to agree", "Iran's efforts to mediate": the noun's owner acts
                return _with_conjuncts(_children(cur.head, "poss"))
            if cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "pobj") and cur.head.head.pos_ in ("VERB", "ADP"):
                # "published a declaration demanding ...": whoever issued the declaration demands
                holder = cur.head.head if cur.head.dep_ == "dobj" else cur.head.head.head
                subj = _children(holder, "nsubj")
                return _with_conjuncts(subj) if subj else []
            if cur.dep_ == "acl" or cur.head.i == cur.i:
                return []
            if cur.dep_ in CONTROL_HEADS or cur.pos_ in ("ADJ",):
                cur = cur.head
                continue
            return []
        return []

    def _prep_objects(self, tok, words, deps=("prep", "agent")):
        out = []
        for p in tok.children:
            if p.dep_ in deps and p.lower_ in words:
                out.extend(_children(p, "pobj"))
        return out

    def _targets(self, feats, pattern):
        found = self._targets_by_spec(feats, pattern)
        tok = feats.tok
        if found and all(not isinstance(t, Deep) and t.lower_ in ("others", "more") for t in found) \
                and tok.dep_ == "conj" and _is_verb(tok.head):
            # "killed one soldier and wounded two others": the others are of the same kind
            found = _children(tok.head, "dobj") or found
        if found or "none" in pattern.target[:1]:
            return found
        # "warned that Iran would ...", "demanded that NATO halt ...": the clause's subject
        for comp in _children(feats.tok, "ccomp"):
            subj = _children(comp, "nsubj", "nsubjpass")
            if subj:
                return _with_conjuncts(subj)
        # "shared intelligence on troop movements with Ukraine": the preposition sank into the object
        for spec in pattern.target:
            if spec.startswith("prep:"):
                for o in feats.objects:
                    for t in o.subtree:
                        if t.dep_ == "prep" and t.lower_ == spec[5:]:
                            objs = _children(t, "pobj")
                            if objs:
                                return _with_conjuncts(objs)
        return []

    def _targets_by_spec(self, feats, pattern):
        for spec in pattern.target:
            if spec == "none":
                return []
            if spec == "dobj" and feats.objects:
                return feats.objects
            if spec == "iobj" and feats.preps.get("iobj"):
                return feats.preps["iobj"]
            if spec.startswith("prep:"):
                objs = feats.preps.get(spec[5:])
                if objs:
                    return objs
            if spec == "poss" and feats.objects:
                return [Deep(o) for o in feats.objects]
        return []

    def _noun_arguments(self, tok, pattern, feats):
        sources, targets = [], []
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i < tok.i):
                sources.append(c)
        sources += self._prep_objects(tok, ("by", "from"))
        between = self._prep_objects(tok, ("between", "among"))
        if between:
            return _with_conjuncts(between), []
        for spec in pattern.target:
            if spec.startswith("prep:"):
                objs = self._prep_objects(tok, (spec[5:],))
                if objs:
                    targets = _with_conjuncts(objs)
                    break
        if not targets:
            targets = _with_conjuncts(self._prep_objects(tok, ("on", "against", "with", "to", "at", "of")))
        if not sources and tok.dep_ in ("dobj", "nsubjpass") and _is_verb(tok.head):
            sources = self._subject(tok.head, Features(tok.head))
        elif not sources and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into") and \
                _lemma(tok.head.head) in PARTICIPATION_VERBS:
            # "Serb forces were engaged in ethnic cleansing": who takes part in the act does it
            verb = tok.head.head
            sources = _with_conjuncts(_children(verb, "nsubj", "nsubjpass")) or self._subject(verb, Features(verb))
        return sources, targets

    def _status(self, chain, tok, status):
        if status == "negated":
            return status
        words = set()
        chain = _with_aspect(chain)
        first = chain[0]
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
            chain.append(first)
        for t in chain:
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and t.pos_ == "NOUN"):
                    return "negated"
                if c.dep_ in ("aux", "auxpass"):
                    words.add(c.lower_)
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    return "hypothetical"
        ancestors = list(tok.ancestors)[:4]
        if any(_lemma(a) in HISTORY_WORDS for a in ancestors) or (
                tok.pos_ == "NOUN" and any(_lemma(c) in HISTORY_WORDS for c in tok.head.children)):
            return "historical"
        if words & MODAL_HYPOTHETICAL:
            return "hypothetical"
        if words & MODAL_FUTURE or ("going" in words and "to" in words):
            return "planned"
        return "occurred"


def _with_aspect(chain):
    """The chain with the aspect verbs above it: in "would continue to cooperate" the modal sits on
    "continue", not on the act."""
    chain = list(chain)
    up = chain[-1]
    for _ in range(2):
        if up.dep_ != "xcomp" or _lemma(up.head) not in ASPECT_VERBS:
            break
        up = up.head
        chain.append(up)
    return chain


def is_reciprocal(code):
    return code.startswith(RECIPROCAL)
