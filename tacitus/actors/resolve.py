"""From argument tokens to actors: dictionary mentions, anaphors through the document context,
surnames named before, and the speaker a pronoun stands for."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Actor
from .recognize import Anaphor


@dataclass(frozen=True)
class Deep:
    """An argument whose actor may sit anywhere inside its phrase ("deliveries of fighter jets to
    Taiwan"); a plain token is looked up at its own phrase first."""
    token: object  # a spaCy Token


class ArgumentResolver:
    """Resolves a pattern's source and target tokens to actors; built once per coder."""

    def __init__(self, lexicon):
        self.speech_lemmas = lexicon["speech_lemmas"]
        self.ethnic_words = lexicon["ethnic_group_words"]
        self.relation_nouns = lexicon["relation_nouns"]

    def resolve(self, tokens, sentence_actors, context, skip_agents=False):
        """Actors for a list of argument tokens (anaphors resolved through the document context).
        With skip_agents, a clause describing the phrase does not lend its doer ("rescued
        schoolgirls abducted by gunmen": not the gunmen)."""
        actors = []
        for item in tokens:
            deep = isinstance(item, Deep)
            if deep:
                item = item.token
            if torn_between(item):
                continue  # "troops shot two teenagers when they ...": either could be meant, so neither is
            item = self._speaker_of_pronoun(item) or _named_before(item, sentence_actors) or item
            found = self._found(item, deep, sentence_actors, context, skip_agents)
            found = _owned(item, self._placed_people(item, found, sentence_actors), sentence_actors)
            found = _listed_places(item, found, sentence_actors)
            found = _led_by(item, self._not_the_tie_owner(item, found, sentence_actors), sentence_actors)
            for a in found:
                actors.extend(context.resolve(a) if isinstance(a, Anaphor) else [a])
        named = [a for a in actors if not a.code.startswith("---")]
        # "State Councilor and Foreign Minister Wang Yi": a bare title beside a named actor adds nobody
        actors = named or [context.locate(a) for a in actors]
        unique = []
        for a in actors:
            if not any(a.same_entity(u) for u in unique):
                unique.append(a)
            context.note_members(a)
        return unique

    def _placed_people(self, item, found, sentence_actors):
        """"Ethnic Turks in Sweden", "the Albanian minority of Serbia", "the Albanians of southern
        Serbia": a nationality naming an ethnic group, or a people "of" a country, is that
        country's, not the nationality's."""
        if not found or item.pos_ not in ("NOUN", "PROPN"):
            return found
        ethnic = lemma_of(item) in self.ethnic_words or sentence_actors.has_word(self.ethnic_words) and any(
            t.lower_ in self.ethnic_words for t in item.subtree if t.i < item.i)
        of = any(p.dep_ == "prep" and p.lower_ == "of" for p in item.children)
        if not ethnic and not (of and item.tag_ == "NNPS" and all(a.kind == "country" for a in found)):
            return found
        country = sentence_actors._place_country(item) or (_clause_place(item, sentence_actors) if ethnic else None)
        if country is None:
            return found
        return [replace(a, code=country + (a.sector or ""), country=country)
                if isinstance(a, Actor) and a.country and a.country != country else a for a in found]

    def _not_the_tie_owner(self, item, found, sentence_actors):
        """"Israel's militia ally in southern Lebanon", "Russia's allies": the one a tie noun
        (`relation_nouns`) is owned by is not who the phrase names; the phrase is of the country of
        a place it names, else of no one the sentence gives."""
        ties = [t for t in [item.head] + list(item.subtree) if lemma_of(t) in self.relation_nouns
                and t.pos_ == "NOUN" and (t.i != item.head.i or item.dep_ == "poss")]
        owners = {c for t in ties for c in t.children if c.dep_ == "poss"}
        if not owners or not found:
            return found
        # (only a state or a body: a person's allies and rivals are of the person's own country)
        owned = {x.country for o in owners for x in sentence_actors.actors_of(o)
                 if isinstance(x, Actor) and x.country and x.kind != "person" and not x.sector}
        kept = []
        for a in found:
            if not isinstance(a, Actor) or a.country not in owned:
                kept.append(a)
                continue
            country = next((c for c in (sentence_actors._place_country(t) for t in ties) if c), None)
            if country is not None and country != a.country:
                kept.append(replace(a, code=country, country=country, sector=None, kind="country"))
        return kept

    @staticmethod
    def _found(item, deep, sentence_actors, context, skip_agents):
        found = [_known_person(a, context) for a in sentence_actors.actors_of(item, deep=deep)]
        if not found and item.pos_ == "PROPN" and context.person_named(item.text) is not None:
            found = [replace(context.person_named(item.text), start=sentence_actors.offset + item.idx,
                             end=sentence_actors.offset + item.idx + len(item.text), text=item.text,
                             resolved_from="surname")]
        if not found and not deep and item.pos_ in ("NOUN", "PROPN"):
            # "condemned the missile test by North Korea": the actor sits inside the object
            found = sentence_actors.actors_of(item, deep=True, skip_agents=skip_agents)
        return found

    def _speaker_of_pronoun(self, tok):
        """"Ivory Coast rebels rejected the plan and said they opposed ...": a pronoun that opens
        what a speaker says stands for the speaker (the subject of "said", or of the verb "said"
        joins); the subject of an adverbial clause stands for the main clause's."""
        if tok.lower_ in ("them", "him", "her") and tok.dep_ in ("dobj", "dative") \
                and tok.head.dep_ == "advcl" and tok.head.tag_ == "VBG":
            # "received a mission of observers, informing them of ...": the participle shares the
            # main clause's subject, so its object pronoun is the main clause's object
            main = tok.head.head
            verbs = [main, main.head] if main.dep_ == "xcomp" else [main]  # "ordered X to leave, accusing"
            objects = [c for v in verbs for c in v.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
                       and (tok.lower_ == "them" or not _plural(c))]
            # "them" is a plural first, else a group ("a mission")
            objects.sort(key=lambda c: not _plural(c) if tok.lower_ == "them" else 0)
            return objects[0] if objects else None
        if tok.lower_ not in ("they", "it", "he", "she", "we") or tok.dep_ != "nsubj":
            return None
        if tok.head.dep_ == "advcl" and tok.lower_ != "we":
            # "Iran allowed inspectors back weeks after it had threatened to ...": the subject of an
            # adverbial clause that stands for someone is the main clause's subject, if in number
            # and the main clause's object could not be meant ("arrested journalists after they ...")
            main, plural = _subjects(tok.head.head), tok.lower_ == "they"
            # ("drew criticism after it refused": a thing named as object is no "it" that acts)
            objects = [c for c in tok.head.head.children if c.dep_ == "dobj"
                       and _plural(c) == plural and (c.pos_ == "PROPN" or tok.lower_ != "it")]
            if main and main[0].pos_ in ("NOUN", "PROPN") and plural == _plural(main[0]) and not objects:
                return main[0]
            return None
        if tok.head.dep_ != "ccomp":
            return None
        verb = tok.head.head
        if verb.lemma_.lower() not in self.speech_lemmas:
            return None
        subject = _subjects(verb) or (_subjects(verb.head) if verb.dep_ == "conj" else [])
        if subject and subject[0].pos_ in ("NOUN", "PROPN"):
            return subject[0]
        return None


def _named_before(tok, sentence_actors):
    """"Ethnic Turks began a hunger strike against Sweden's decision to send them back": a "they"
    or "them" no clause rule resolves stands for the nearest plural phrase before it in its own
    sentence that names an actor, before the document's two sides are thought of."""
    if tok.lower_ not in ("they", "them"):
        return None
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    own = {s.i for s in _subjects(verb)} if tok.lower_ == "them" else set()  # "soldiers beat them": not the soldiers
    for cand in reversed(tok.doc[:tok.i]):
        if cand.i not in own and cand.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and cand.pos_ in ("NOUN", "PROPN") and _plural(cand) \
                and any(isinstance(a, Actor) and a.country for a in sentence_actors.actors_of(cand)):
            return cand
    return None


def _led_by(item, found, sentence_actors):
    """"Refused assistance to the US-led war against Iraq", "condemned the Saudi-led strikes on
    Yemen": a thing led by a country is that country's; it, not whom the thing is against, is who
    the phrase names when the only actor found inside the phrase is the one it is against."""
    if not found or any(a.start is not None and a.start <= sentence_actors.offset + item.idx < a.end
                        for a in found if isinstance(a, Actor)):
        return found  # the phrase's own head names its actor
    for tok in item.subtree:
        led = [c for c in tok.children if c.dep_ == "amod" and c.lower_ == "led" and c.i < tok.i]
        leaders = [x for c in led for g in c.children if g.dep_ in ("npadvmod", "compound", "amod")
                   for x in sentence_actors.actors_of(g) if isinstance(x, Actor) and x.country]
        aimed = {x.country for p in tok.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                 for o in p.children for x in sentence_actors.actors_of(o, deep=True) if isinstance(x, Actor)}
        if leaders and all(isinstance(a, Actor) and a.country in aimed for a in found):
            return leaders[:1]  # (a "US-led mission in Haiti" is still in Haiti)
    return found


def torn_between(tok):
    """"Israeli troops shot two teenagers when they stormed a checkpoint", "gunmen killed four
    people when they opened fire": a "they" opening an adverbial clause whose main clause has a
    plural subject and a plural object stands for one of the two, and the words do not say which.
    It is neither, nor the document's two sides: the clause then has no doer it can name."""
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or tok.head.dep_ != "advcl":
        return False
    main = tok.head.head
    subjects = [s for s in _subjects(main) if s.pos_ in ("NOUN", "PROPN") and _plural(s)]
    objects = [c for c in main.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and _plural(c)]
    return bool(subjects and objects)


def _clause_place(item, sentence_actors):
    """"ethnic cleansing in Montenegro against the Albanian population": an ethnic group with no
    place of its own lives where its clause's act happens ("in" a country or a place in one)."""
    verb = item.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "inside"):
            for o in p.children:
                m = sentence_actors.mention_at.get(o.i) if o.dep_ == "pobj" else None
                if m is not None and m.entry.kind in ("country", "capital", "place"):
                    return m.entry.value.code
    return None


def _owned(item, found, sentence_actors):
    """"Pakistan urged its citizens to leave", "the rebels freed their hostages": people whose
    owner is "its" or "their" and whose country is not named are the clause subject's own."""
    if not found or not all(isinstance(a, Actor) and a.code.startswith("---") and a.sector for a in found) \
            or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in item.children):
        return found
    verb = item.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "conj" and any(c.dep_ == "dobj" and not any(p.dep_ == "poss" and p.pos_ == "PRON"
                                                                for p in c.children) for c in verb.head.children):
        return found  # "seized a car carrier and took its crew hostage": the thing named before may own them
    subjects = _subjects(verb) or (_subjects(verb.head) if verb.dep_ in ("conj", "xcomp") else [])
    owners = [a for s in subjects[:1] for a in sentence_actors.actors_of(s) if isinstance(a, Actor) and a.country]
    if not owners:
        return found
    country = owners[0].country
    return [replace(a, code=country + a.sector, country=country) for a in found]


def _listed_places(item, found, sentence_actors):
    """"Police in Kenya, Uganda and Tanzania", "security chiefs from Ghana, Togo and Benin": people
    of the first of listed countries are the people of each of them."""
    if len(found) != 1 or item.pos_ != "NOUN" or not isinstance(found[0], Actor) or not found[0].country:
        return found
    first = found[0]
    places = [o for p in item.children if p.dep_ == "prep" and p.lower_ in ("in", "from", "of")
              for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    if len(places) != 1 or not any(isinstance(a, Actor) and a.country == first.country
                                   for a in sentence_actors.actors_of(places[0])[:1]):
        return found
    out = [first]
    for c in places[0].conjuncts:
        if c.i < places[0].i:
            continue
        named = [a for a in sentence_actors.actors_of(c) if isinstance(a, Actor) and a.kind == "country"]
        # each listed name is its own country (actors_of gives a conjunct's own phrase first)
        if named and named[0].country and named[0].country != first.country and not named[0].sector:
            out.append(replace(named[0], code=named[0].country + (first.sector or ""), sector=first.sector))
    return out


def lemma_of(tok):
    return tok.lemma_.lower()


def _plural(tok):
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _subjects(tok):
    return [c for c in tok.children if c.dep_ == "nsubj"]


def _known_person(actor, context):
    """"Foreign Minister Hayashi": a titled surname the document named in full before."""
    if isinstance(actor, Actor) and actor.kind == "person" and actor.code.startswith("---") and actor.text:
        known = context.person_named(actor.text.split()[-1])
        if known is not None:
            return replace(known, start=actor.start, end=actor.end, text=actor.text, resolved_from="surname")
    return actor


def unknown_subject(tok, offset):
    """A named subject that no dictionary knows ("Sheikh Hamad") still acts: code it as '---'."""
    if isinstance(tok, Deep):
        tok = tok.token
    if tok.pos_ != "PROPN":
        return None
    start = min(t.idx for t in tok.subtree if t.dep_ in ("compound", "flat") or t is tok)
    end = tok.idx + len(tok.text)
    text = tok.doc.text[start:end]
    return Actor("---", None, None, text, "group", offset + start, offset + end, text)
