"""Assembly: each coded trigger becomes the events it reports, with its sources and targets
resolved to actors (through actors/), the direction of each pair, and the evidence.

Each event's date, status against that date, place and topics come after, in time/stage.py.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..actors.recognize import Anaphor
from ..actors.resolve import Deep, unknown_subject
from ..actors.surface import SurfaceArguments
from ..model import METHODS, Actor, Evidence
from ..stages import Stage
from .clauses import FORCE_ROOTS, toll_head
from .records import Dropped
from .shared import same_act_targets, shared_targets

# Actor.resolved_from values of a mention in the sentence's own words: a surname or a title the
# document named in full before. Every other value comes from the document (an anaphor, the
# dateline, the host, the other side of a bilateral text).
OWN_MENTIONS = {None, "surname", "title", "counterpart"}
# Sector codes of the actor codebook (not words), read by the kind-of-force rule beside them:
# irregular armed actors, and the armed sectors whose killing in a fight is conventional force.
IRREGULAR_SECTORS = {"REB", "UAF", "CRM", "IMG", "SEP", "INS"}
ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "INS", "SEP", "IMG"}


@dataclass(frozen=True)
class Pair:
    """One directed event: who did it to whom, under which code, and the words that say so."""

    source: Any  # model.Actor or None
    target: Any  # model.Actor or None
    code: str
    evidence: Evidence


@dataclass
class Assembled:
    """A coded trigger's events before their date, place and topics."""

    found: Any  # events.extract.Found
    code: str  # the code the assembly decided: a lone traveller's third-place talks (044) are a visit (042)
    pairs: list  # Pair


class Assembly(Stage):
    """Sources and targets of each coded trigger, resolved; the pairs they make; evidence spans."""

    name = "assembly"
    level = "sentence"
    requires = ("sentence.sentence", "sentence.actors", "sentence.found")
    updates = ("document.context", "sentence.dropped")
    assigns = ("sentence.assembled",)

    def __init__(self, cameo, resolver, conventions, lexicon):
        self.cameo = cameo
        self.resolver = resolver
        self.surface = SurfaceArguments(resolver, lexicon)
        self.conventions = conventions
        self.one_sided = lexicon["one_sided_commitments"]
        self.joint_verbs = lexicon["joint_verbs"]
        self.partnered = lexicon["partnered_verbs"]
        self.toll_verbs = lexicon["toll_verbs"]
        self.background_marks = lexicon["background_marks"]
        self.complaint_lemmas = lexicon["complaint_lemmas"]
        self.natural_causes = lexicon["natural_causes"]
        self.exchange_nouns = lexicon["exchange_nouns"]
        self.span_words = lexicon["date_words"] | lexicon["span_units"]

    def __call__(self, doc, sent):
        if not sent.found:
            return
        out, unsourced = [], []
        for found in sent.found:
            assembled = self.assemble(found, sent, doc.context)
            if assembled == "no source":
                unsourced.append(found)
            else:
                self._keep(found, assembled, sent, out)
        for found in unsourced:
            # a sentence that gives no event at all reads every trigger's doer by word order
            assembled = self.assemble(found, sent, doc.context, any_trigger=True) if not out else "no source"
            self._keep(found, assembled, sent, out)
        shared_targets(out, self.cameo)
        sent.assembled = same_act_targets(self._without_tolls(out, sent), self.cameo)

    def _without_tolls(self, out, sent):
        """"Shelled a market, killing 20": a toll of an act of force that stands as an event is
        part of that event; a toll whose act found no doer stands for it."""
        roots = {a.found.trigger.i: self.cameo[a.code].root for a in out}
        kept = []
        for a in out:
            head = toll_head(a.found.trigger, self.toll_verbs)
            if head is not None and roots.get(head) in FORCE_ROOTS and self.cameo[a.code].root in FORCE_ROOTS:
                sent.dropped.append(Dropped(a.found.trigger, a.found.pattern, a.found.code, self.name,
                                            "part of another event"))
            else:
                kept.append(a)
        return kept

    def _keep(self, found, assembled, sent, out):
        """An assembled trigger joins `out`; a reason is recorded among the sentence's drops."""
        if isinstance(assembled, str):
            sent.dropped.append(Dropped(found.trigger, found.pattern, found.code, self.name, assembled))
        else:
            out.append(assembled)

    def assemble(self, found, sent, ctx, any_trigger=False):
        """The trigger's events, or the reason (events.records.REASONS) it gives none."""
        if found.pair:
            return self._between_sides(found, sent, ctx)
        actors, method = sent.actors, "frame"
        sources, targets, stated = self._arguments(found, actors, ctx)
        if not sources and not found.passive:
            # the frame named no doer that resolves: the actor before the trigger, as shallow coders read it
            sources = self.surface.source(found.trigger, actors, ctx, any_trigger=any_trigger)
            method = "surface" if sources else method
        if found.needs_target and not [t for t in targets if not any(t.same_entity(s) for s in sources)]:
            return "no target"
        if not sources and _is_protest(self.cameo[found.code]):
            sources = self._crowd(found, actors)
            # (the place it is held in is its ground, not its target)
            targets = [t for t in targets
                       if not (sources and t.sector is None and t.country == sources[0].country)]
        sources = self._doers(found, sources, targets, sent.sentence.start)
        if isinstance(sources, str):
            return sources
        code, targets = self._implied_targets(found, sources, targets, actors)
        sources, targets = _counterparts(sources, targets), _counterparts(targets, sources)
        if _is_visit(code) and not targets and all(s.code.startswith("---") for s in sources):
            return "no target"  # "the minister arrived on a working visit": no one known goes anywhere known
        if _is_visit(code):
            # "visiting X held talks with Y", "the visit of X to Seoul": a visit is to the host country
            targets = [replace(t, code=t.country, sector=None) if t.country and t.code.startswith(t.country) else t
                       for t in targets]
        trigger = found.trigger
        if code == "141" and trigger.pos_ == "VERB" and trigger.lemma_.lower() in self.complaint_lemmas \
                and all(s.sector == "GOV" for s in sources):
            # "China's foreign ministry protested the visit": a government's protest is a complaint
            code = "114"
        if len(sources) >= 2:
            ctx.observe_group(sources)
        info = self.cameo[code]
        lemma = found.trigger.lemma_.lower()
        joint_verb = lemma in self.joint_verbs or _fight_between(found.trigger, info)
        fight = _fight_between(found.trigger, info) and all(s.sector is None for s in sources)
        if (lemma in self.partnered or fight) and len({s.code for s in sources}) < 2 and not targets:
            return "no partner"  # "a fire between two warehouses in Lagos"; one leader inaugurating a road
        if len(sources) >= 2 and (joint_verb or (not targets and info.joint)):
            # "Brazil and Argentina agreed to deepen cooperation": each toward the other
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            # only an act that happened between both is mutual; an intent, appeal or refusal is one side's
            done = found.frame_word is None and not found.planned
            swap = done and info.root == "08" and self._in_exchange(found.trigger)
            mutual = info.reciprocal and done and stated and lemma not in self.one_sided or swap
            # a protest with no stated target is aimed at the protesters' own authorities
            domestic = not targets and _is_protest(info)
            pairs = self._directed(sources, targets, mutual, domestic, swap)
        if not pairs and sources:
            # the only target was the source itself ("Yugoslavia rejected ... the Yugoslav consulate")
            pairs = [(s, None) for s in sources]
        killing = lemma in self.toll_verbs and not joint_verb
        return Assembled(found, code, [
            self._pair(found, sent.sentence, s, t, _by_kind_of_force(code, s, t, killing), method)
            for s, t in pairs])

    def _between_sides(self, found, sent, ctx):
        """An act the sentence gives no party for, done by the document's two sides, each toward
        the other; nothing when the document gives no pair, or one a mediator named is part of.
        A signing its welcomers are the parties to is theirs, when they are two."""
        if found.pair == "welcomers":
            sides, mediators = self.resolver.resolve(found.sources, sent.actors, ctx), []
        else:
            sides = ctx.resolve(Anaphor("pair", None, None, None, ""))
            mediators = self.resolver.resolve(found.targets, sent.actors, ctx)
        if len(sides) < 2 or sides[0].same_entity(sides[1]) or any(
                m.country and m.country in (s.country for s in sides) for m in mediators):
            return "no source"
        return Assembled(found, found.code, [self._pair(found, sent.sentence, s, t, found.code, "context")
                                             for s in sides for t in sides if s is not t])

    def _crowd(self, found, actors):
        """"Rallies were held in 30 Czech towns", "thousands marched in Nairobi": a protest whose
        doers no one names is made by the civilians of the country it is held in."""
        if found.sources and unknown_subject(found.sources[0], 0) is not None:
            return []  # a named group that no dictionary knows is still someone
        return [Actor(p.country + "CVL", p.country, "CVL", p.name, "group", resolved_from="domestic")
                for p in self.conventions.located(found.trigger, actors)]

    def _in_exchange(self, trigger):
        """"released four Americans in exchange for seven Iranians", "in return for": a release
        made for one the other side makes is a swap, done by both sides."""
        return any(p.dep_ == "prep" and o.dep_ == "pobj" and o.lemma_.lower() in self.exchange_nouns
                   and any(f.dep_ == "prep" and f.lower_ == "for" for f in o.children)
                   for p in trigger.children for o in p.children)

    def _doers(self, found, sources, targets, offset):
        """Who acts, or the reason there is no event when no one does."""
        if (found.passive or found.code[:2] == "20") and found.sources and all(
                t.lemma_.lower() in self.natural_causes for t in found.sources):
            return "no source"  # "displaced by flooding", "drought forced herders to leave": no one acts
        if not sources and found.sources:
            unk = unknown_subject(found.sources[0], offset)
            if unk is not None:
                sources = [unk]
        if not sources and found.passive and self._in_background_clause(found.trigger):
            # "a curfew in Montenegro, where 28 people have been killed": background with no doer
            return "background"
        if not sources and not (targets and found.passive):
            # no one acts: "Welcome old friends to visit us" codes nothing; but a passive
            # ("Aristide has been accused of ...") reports an act whose doer goes unnamed
            return "no source"
        return sources

    def _directed(self, sources, targets, mutual, domestic, swap=False):
        pairs = []
        for s in sources or [None]:
            if domestic and s is not None and s.country:
                pairs.append((s, self.conventions.own_government(s)))
                continue
            for t in targets or [None]:
                if s is not None and t is not None and s.same_entity(t) and t.resolved_from != "domestic":
                    continue  # (a country's act on its own ground is done to itself: "Sudan lifted ...")
                pairs.append((s, t))
                if s is not None and t is not None and mutual:
                    # in a swap the people released are not who releases in return: their country is
                    pairs.append((replace(t, code=t.country, sector=None) if swap and t.country else t, s))
        return pairs

    def _arguments(self, found, actors, ctx):
        """The sources and targets named; with no doer, an act of force done in a country's custody
        is the holder's, to the one held ("was tortured while in Israeli police custody")."""
        sources = self.resolver.resolve(found.sources, actors, ctx)
        if not sources and self.cameo[found.code].root in ("17", "18"):
            sources, held = self.conventions.held(found.trigger, actors)
            found = replace(found, targets=found.targets or held) if sources else found
        return (sources, *self._named_targets(found, sources, actors, ctx))

    def _named_targets(self, found, sources, actors, ctx):
        """The targets the sentence names for an event, and whether the pattern's own slots named
        them (only those make an act mutual)."""
        info = self.cameo[found.code]
        # cooperation goes to the people named, not to whoever a clause says acted on them
        named = self.resolver.resolve(found.targets, actors, ctx, skip_agents=info.cooperative)
        targets = named
        if targets and sources and all(t.sector is None and t.country == sources[0].country for t in targets):
            # "blocked streets in Hong Kong in defiance of Chinese authorities": the actor's own
            # ground is where it acts; someone the act is aimed at, if named, is the target
            targets = []
        for fallback in found.fallback_targets if not targets else ():
            deep = any(isinstance(item, Deep) for item in fallback)
            targets = [t for t in self.resolver.resolve(fallback, actors, ctx)
                       if not any(t.same_entity(s) for s in sources)
                       and not (t.kind == "place" and _is_talks(info))  # "to Geneva for talks"
                       # a guess from deep inside a clause ("deliveries of fighter jets") is no target
                       and not (deep and t.resolved_from == "context")]
            if targets:
                break
        return targets or named, bool(named)

    def _implied_targets(self, found, sources, targets, actors):
        """(code, targets): the targets the act implies when the sentence names none it can use:
        where force lands, the host of a visit, the actor's own country for domestic acts. A lone
        traveller's third-place talks (044) become a visit (042) to the host."""
        code, info = found.code, self.cameo[found.code]
        located = self.conventions.located
        if targets and sources and info.aimed and all(t.country and t.country == sources[0].country
                                                      for t in targets):
            # "Britain mobilized army reservists for a war against Iraq": one's own forces are the
            # means, not the target; the country the act is aimed at is
            aimed = located(found.trigger, actors, deep=True)
            if aimed and aimed[0].country != sources[0].country:
                targets = aimed
        if not targets and code == "044" and len(sources) == 1:
            # one side travelling "to Cairo for talks": a visit to the host, not a third place
            hosts = located(found.trigger, actors)
            if hosts and hosts[0].country != sources[0].country:
                code, targets = "042", hosts
                info = self.cameo[code]
        if not targets and info.locative:
            # "reimposed blockades in the West Bank", "shelled positions near Kharkiv": where force
            # or pressure lands is what it is aimed at
            targets = located(found.trigger, actors)
        own = sources[0].country if sources else None
        if own and all(t.country == own and t.code == own for t in targets) and (
                info.domestic or (found.planned and self.cameo[found.planned].domestic)
                or _police_force(info, sources[0])):
            # a curfew, martial law, a ban on parties, a resignation, political reform, force used by
            # the police: with no one else named, or only a place in the actor's own country ("Sudan
            # lifted the state of emergency in Darfur"), these are done to the actor's own country
            targets = [self.conventions.own_country(sources[0])]
        return code, targets

    @staticmethod
    def _pair(found, sentence, s, t, code, method):
        trig = found.trigger
        t_start = sentence.start + trig.idx
        t_end = t_start + len(trig.text)
        spans = [(t_start, t_end)]
        spans += [(a.start, a.end) for a in (s, t) if a is not None and a.start is not None
                  and sentence.start <= a.start < sentence.end]
        evidence = Evidence(
            sentence=sentence.index, start=min(x for x, _ in spans), end=max(y for _, y in spans),
            text=sentence.text, trigger=trig.text, trigger_start=t_start, trigger_end=t_end,
            pattern=found.pattern,
            source_span=(s.start, s.end) if s is not None and s.start is not None else None,
            target_span=(t.start, t.end) if t is not None and t.start is not None else None)
        if method == "frame" and any(a is not None and a.resolved_from not in OWN_MENTIONS for a in (s, t)):
            method = "context"
        evidence = replace(evidence, method=method, confidence=METHODS[method])
        return Pair(s, t, code, evidence)

    def _in_background_clause(self, tok):
        """The token sits in a relative or adverbial clause ("..., where 28 people were killed", "who
        was detained for a day", "after a state of siege was declared"): background to the sentence's news."""
        cur = tok
        while cur.head.i != cur.i:
            # ("in retaliation for a raid on the city where 100 people were killed": the parser may
            # hang the relative "where" clause as a complement)
            if (cur.dep_ == "relcl" and not self._said_of_antecedent(cur)) or (
                    cur.dep_ in ("advcl", "ccomp") and any(
                        c.dep_ in ("mark", "advmod") and c.i < cur.i and c.lower_ in self.background_marks
                        for c in cur.children)):
                return True
            cur = cur.head
        return False

    def _said_of_antecedent(self, relcl):
        """"The former minister, who was arrested last month": a passive relative clause whose subject
        is the relative pronoun tells what was done to the one it describes, an act of its own; "the
        town, where 28 people were killed" is background, and so is a state told by its span ("who
        was detained for 23 hours", "troops who had been deployed there since January")."""
        if not any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in relcl.children):
            return False
        return not any(p.dep_ == "prep" and p.lower_ in ("for", "since") and any(
            o.dep_ == "pobj" and (o.lemma_.lower() in self.span_words or o.lower_ in self.span_words)
            for o in p.children) for p in relcl.children)


# -- code tests with no column of their own in cameo.tsv ---------------------------------------------
def _is_protest(info):
    # root 14 (protest) is exactly the PLOVER type PROTEST
    return info.plover.type == "PROTEST"


def _fight_between(trigger, info):
    """"Heavy fire between Armenian and Azerbaijani positions": force named by a noun "between" two
    sides is done by each to the other."""
    return trigger.pos_ in ("NOUN", "PROPN") and info.root in FORCE_ROOTS and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children)


def _is_talks(info):
    # root 04 (consult) is exactly the PLOVER type CONSULT: a place is where talks are, not a partner
    return info.plover.type == "CONSULT"


def _is_visit(code):
    """CAMEO 042, make a visit: its target is the country visited. No cameo.tsv column says so yet;
    this code test is the one place that stands in for it."""
    return code == "042"


def _police_force(info, source):
    """Force used by the police (coerce, assault, fight: roots 17-19) is done to its own country.
    No cameo.tsv column says "force" yet; this root test is the one place that stands in for it."""
    return source.sector == "COP" and info.root in ("17", "18", "19")


def _by_kind_of_force(code, source, target=None, killing=False):
    """CAMEO names the kind of force: an armed attack is conventional force (190) whoever makes it,
    and unconventional violence (180) is read from its weapon (data/instruments.tsv: machetes, a
    terrorist attack). A killing is the exception: armed groups' killing of anyone but fighters
    ("gunmen killed a mayor", not "killed six people", whose victims are unknown) is
    unconventional, as a state's forces' generic violence is conventional. The two generic codes
    are named here."""
    if source is None or code not in ("180", "190"):
        return code
    if code == "180" and source.sector in ("MIL", "GOV") and source.country:
        return "190"
    if code == "190" and killing and source.sector in IRREGULAR_SECTORS and target is not None \
            and target.sector not in ARMED_SECTORS:
        return "180"
    return code


def _counterparts(actors, others):
    """"Lavrov met his Chinese military counterpart", "the governor met his counterpart": a
    counterpart named with no sector of its own has that of the party it answers to."""
    # (a former official's counterpart is not former too)
    sector = next((o.sector for o in others if o.sector and o.sector != "ELI" and o.resolved_from != "counterpart"),
                  None)
    if sector is None or not any(a.resolved_from == "counterpart" and a.sector != sector for a in actors):
        return actors
    return [replace(a, code=a.country + sector, sector=sector) if a.resolved_from == "counterpart" and a.country
            else a for a in actors]
