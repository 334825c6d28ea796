"""Who does an act and to whom, as the parse says it: the subject of a verb (through control,
passives and clauses that describe a noun), the targets a pattern names, an event noun's owner."""
from __future__ import annotations

from ..actors.resolve import Deep
from .syntax import CONTROL_HEADS, is_verb, lemma, with_conjuncts

# prepositions whose -ing clause on a verb is done by that verb's doer ("without" is left out: what
# is done without is not done)
_SAME_DOER_PREPS = ("before", "after", "by", "while", "upon")


def subject(syntax, tok, passive=None):
    """Who does `tok`: its subject, or that of the verbs it is controlled by; for a passive, its
    agent. `passive` is the trigger's own voice when known."""
    if passive is None:
        passive = syntax.is_passive(tok)
    cur = tok
    for _ in range(6):
        subj = syntax.children(cur, "nsubj", "csubj")
        if passive and cur is tok:
            return with_conjuncts(_passive_agents(syntax, tok))
        if subj:
            return _sides_sent(syntax, with_conjuncts(subj))
        if cur.dep_ in ("relcl",) and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if cur.dep_ == "acl" and cur.tag_ == "VBN":
            return []  # "expelled two diplomats accused of spying": who accused them is not said
        if cur.dep_ == "acl" and syntax.infinitive(cur):
            # "Moscow's will to agree", "Iran's efforts to mediate": the noun's owner acts; "Japan
            # would make efforts to restore ties": who makes the effort
            owners = syntax.children(cur.head, "poss")
            if owners or cur.head.dep_ != "dobj" or lemma(cur.head) not in syntax.words.effort_nouns:
                return with_conjuncts(owners)
            cur = cur.head.head
            continue
        if cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "pobj") and cur.head.head.pos_ in ("VERB", "ADP"):
            # "published a declaration demanding ...": whoever issued the declaration demands
            holder = cur.head.head if cur.head.dep_ == "dobj" else cur.head.head.head
            subj = syntax.children(holder, "nsubj")
            return with_conjuncts(subj) if subj else []
        if cur.dep_ == "pcomp" and cur.head.lower_ in _SAME_DOER_PREPS and is_verb(cur.head.head):
            cur = cur.head.head  # "killed 32 villagers before setting fire to the village"
            continue
        if cur.dep_ == "acl" or cur.head.i == cur.i:
            return []
        if cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.head.dep_ == "acl" and cur.head.tag_ == "VBG" \
                and cur.nbor(-1).text == "," and syntax.clause_verb(cur.head.head) is not None:
            # "opened fire on people returning home, breaching the truce": the parser hung the
            # clause after the comma on the participle describing the object; the verb's doer does it
            cur = syntax.clause_verb(cur.head.head)
            continue
        if cur.dep_ == "xcomp" and lemma(cur.head) in syntax.words.persuading_verbs \
                and cur.head.tag_ in ("VBD", "VBZ", "VBP", "VBN") and syntax.children(cur.head, "dobj"):
            # "persuaded the two sides to sign": they sign ("tried to persuade Iran to ...": no one does)
            return with_conjuncts(syntax.children(cur.head, "dobj"))
        if cur.dep_ in CONTROL_HEADS or cur.pos_ in ("ADJ",):
            cur = cur.head
            continue
        return []
    return []


def _sides_sent(syntax, subj):
    """"Delegations from the army and the rebels negotiated": those sent stand for each side the
    phrase names after "from", so the sides are who act."""
    out = []
    for s in subj:
        sides = syntax.prep_objects(s, ("from",)) if lemma(s) in syntax.words.delegate_nouns else []
        out.extend(with_conjuncts(sides) if sides and syntax.children(sides[0], "conj") else [s])
    return out


def _passive_agents(syntax, tok):
    words = syntax.words
    agents = syntax.prep_objects(tok, ("by",), deps=("agent",))
    if not agents:
        # "were detained and questioned by police": the agent after the last conjunct is each one's;
        # "was ordered closed by the government": the parser hangs it on the predicate participle
        agents = [a for c in syntax.children(tok, "conj", "xcomp") if c.tag_ == "VBN"
                  for a in syntax.prep_objects(c, ("by",), deps=("agent",))]
    if not agents:
        # "joint patrols by Cameroonian and Nigerian troops were launched": the subject's own doer
        agents = [a for s in syntax.children(tok, "nsubjpass") for a in syntax.prep_objects(s, ("by",))]
    if not agents:
        # "was accused of corruption by Haitian officials", "accused of stealing funds by the
        # junta": the parser hangs the agent on the charge named after "of" or "for"
        charges = [c for p in syntax.children(tok, "prep") if p.lower_ in ("of", "for")
                   for c in syntax.children(p, "pobj", "pcomp") if lemma(c) not in words.attack_nouns]
        agents = [a for c in charges for a in syntax.prep_objects(c, ("by",))]
    if not agents and lemma(tok) in words.expulsion_verbs:
        # "the ambassador was expelled from Azerbaijan": the country expelling
        agents = syntax.prep_objects(tok, ("from",))
    if not agents:
        # "were killed in an attack by Kurdish militants": the attack's doer
        attacks = [o for o in syntax.prep_objects(tok, ("in", "during")) if lemma(o) in words.attack_nouns]
        agents = [x for a in attacks for x in syntax.prep_objects(a, ("by",)) + syntax.children(a, "poss")]
    if not agents and lemma(tok) in words.supplying_verbs:
        # "two Brazilian helicopters were made available", "Japanese aid was sent": what is given
        # is named by its giver's nationality
        given = [tok.head if s.tag_ == "WDT" and tok.dep_ == "relcl" else s
                 for s in syntax.children(tok, "nsubjpass")]
        agents = [c for s in given if lemma(s) not in words.people_nouns
                  for c in syntax.children(s, "amod") if c.text[:1].isupper()]
    if not agents:
        # "talks between the government and the rebels were called off": the parties to the talks
        talks = [s for s in syntax.children(tok, "nsubjpass") if lemma(s) in words.negotiation_nouns]
        agents = with_conjuncts([o for s in talks for o in syntax.prep_objects(s, ("between",))])
    if not agents and lemma(tok) in words.deployment_verbs and \
            not any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
        # "police were deployed across Lima": they are posted; "troops who had been deployed there
        # since January" is the background of another act
        agents = syntax.children(tok, "nsubjpass")
    if not agents and (lemma(tok) in words.participation_verbs or lemma(tok) in words.stative_passives) and \
            any(p.lower_ in ("in", "to", "into") for p in syntax.children(tok, "prep")):
        agents = syntax.children(tok, "nsubjpass")  # "were engaged in", "were involved in": a state
    return agents


def targets(syntax, feats, pattern):
    """The targets the pattern names, or the subject of a complement clause, or the object of a
    preposition that sank into the direct object."""
    found = _targets_by_spec(feats, pattern)
    tok = feats.tok
    if found and all(not isinstance(t, Deep) and t.lower_ in syntax.words.same_kind_words for t in found) \
            and tok.dep_ == "conj" and is_verb(tok.head):
        # "killed one soldier and wounded two others": the others are of the same kind
        found = syntax.children(tok.head, "dobj") or found
    if found or "none" in pattern.target[:1]:
        return found
    # "warned that Iran would ...", "demanded that NATO halt ...": the clause's subject
    for comp in syntax.children(feats.tok, "ccomp"):
        subj = syntax.children(comp, "nsubj", "nsubjpass")
        if subj:
            return with_conjuncts(subj)
    # "shared intelligence on troop movements with Ukraine": the preposition sank into the object
    for spec in pattern.target:
        if spec.startswith("prep:"):
            for o in feats.objects:
                for t in o.subtree:
                    if t.dep_ == "prep" and t.lower_ == spec[5:]:
                        objs = syntax.children(t, "pobj")
                        if objs:
                            return with_conjuncts(objs)
    return []


def _targets_by_spec(feats, pattern):
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


def noun_arguments(syntax, tok, pattern):
    """Sources and targets of a noun pattern's trigger ("talks between", "an attack on")."""
    sources, found = [], []
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ == "their":
            sources.extend(_bound_plural(syntax, tok) or [c])
        # "the first meeting", "annual talks": a word of order or time is no owner; nor is a plain
        # adjective on talks ("an hour-long meeting"): the nationality words that own one are capitalised
        elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i < tok.i
                                  and c.lower_ not in syntax.words.order_words and not c.text[:1].isdigit()
                                  and not (c.dep_ == "amod" and c.tag_ == "JJ" and c.text.islower()
                                           and lemma(tok) in syntax.words.negotiation_nouns)):
            sources.append(c)
    sources += syntax.prep_objects(tok, ("by", "from"))
    journey = _journey_arguments(syntax, tok)
    if journey is not None:
        return journey
    between = syntax.prep_objects(tok, ("between", "among"))
    # "the signing of memoranda of understanding between Malaysia and Brunei": the parties of
    # what the act is of, up to two "of" away
    held = [tok]
    for _ in range(2):
        held = [o for h in held for o in syntax.prep_objects(h, ("of",))]
        between = between or [o for h in held for o in syntax.prep_objects(h, ("between", "among"))]
    if between:
        return with_conjuncts(between), []
    # "launched a mediation effort on Saturday between X and Y": the phrase the noun modifies, and
    # the verb that takes it, may hold its target
    holders = [tok] + ([tok.head] if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else [])
    if holders[-1].dep_ == "dobj" and is_verb(holders[-1].head):
        holders.append(holders[-1].head)
    for spec in pattern.target:
        if spec.startswith("prep:"):
            objs = next((o for o in (syntax.prep_objects(h, (spec[5:],)) for h in holders) if o), [])
            if objs:
                found = with_conjuncts(objs)
                break
    if not found:
        found = with_conjuncts(syntax.prep_objects(tok, ("on", "against", "with", "to", "at", "of")))
    if not sources and tok.dep_ in ("dobj", "nsubjpass") and is_verb(tok.head):
        sources = subject(syntax, tok.head)
    elif not sources and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into") and \
            lemma(tok.head.head) in syntax.words.participation_verbs:
        # "Serb forces were engaged in ethnic cleansing": who takes part in the act does it
        verb = tok.head.head
        sources = with_conjuncts(syntax.children(verb, "nsubj", "nsubjpass")) or subject(syntax, verb)
    return sources, found


def _journey_arguments(syntax, tok):
    """"the visit of Prime Minister Modi to Japan", "Kishida, who is on a visit to Seoul", "Ismail's
    three-day Viet Nam visit": who makes a journey named by a noun, and where it goes; None for
    other nouns, and when no one is named making it."""
    words = syntax.words
    if lemma(tok) not in words.travel_nouns:
        return None
    doers = [c for c in tok.children if c.dep_ == "poss"] + syntax.prep_objects(tok, ("by",))
    if not doers:
        doers = syntax.prep_objects(tok, ("of",))  # the visit of X: X visits
    on_journey = tok.dep_ == "pobj" and tok.head.lower_ == "on" and lemma(tok.head.head) in words.journey_verbs
    if not doers and on_journey:
        doers = subject(syntax, tok.head.head, False)  # "is on a visit", "arrived on a state visit"
    if not doers and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "during") and is_verb(tok.head.head) \
            and any(o.pos_ == "PROPN" for o in syntax.prep_objects(tok, ("to",))):
        doers = subject(syntax, tok.head.head, False)  # "thanked Paraguay during a visit to Asuncion"
    if not doers:
        return None
    # "the visit of the crown prince to Seoul": the parser may hang the destination on the traveller
    found = syntax.prep_objects(tok, ("to",)) or [o for d in doers for o in syntax.prep_objects(d, ("to",))]
    # with the traveller named otherwise, a name before the noun is where it goes ("his Japan visit")
    places = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    return with_conjuncts(doers), with_conjuncts(found) or places


def participle_arguments(syntax, tok):
    """"visiting Chinese Foreign Minister Yang Jiechi held talks ... in London", "held talks with his
    visiting counterpart": a participle with no object of its own that describes a noun says what the
    noun's bearer is doing; the host is the clause's place, else the clause's other party. None
    when the participle is not so placed."""
    visitor = syntax.visitor(tok)
    if visitor is not None and is_verb(tok.head.head):
        # "held a meeting in Jakarta with visiting X": X visits the place, else the one met
        verb = tok.head.head
        return [visitor], with_conjuncts(syntax.prep_objects(verb, ("in",)) or subject(syntax, verb, False))
    if any(d in ("dobj", "prep", "nsubj") for d, _ in syntax.kids(tok)):
        return None
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        bearer = tok.head
    elif tok.dep_ in ("csubj", "advcl", "amod") and tok.i < tok.head.i and syntax.children(tok.head, "nsubj"):
        bearer = syntax.children(tok.head, "nsubj")[0]  # the parser hung "Visiting ..." on the verb
    else:
        return None
    verb = syntax.clause_verb(bearer) or bearer
    hosts = syntax.prep_objects(verb, ("in",)) + syntax.prep_objects(bearer, ("in",))
    if not hosts and verb is not bearer:
        if bearer.dep_ == "nsubj":
            hosts = syntax.children(verb, "dobj") + syntax.prep_objects(verb, ("with",)) + [
                o for d in syntax.children(verb, "dobj") for o in syntax.prep_objects(d, ("with",))]
        else:
            hosts = subject(syntax, verb, False)
    return [bearer], with_conjuncts(hosts)


def _bound_plural(syntax, tok):
    """"Howard and Putin reaffirmed ... during their meeting": "their" in a phrase of a clause whose
    subject is two or more is bound by that subject; [] when the clause has no such subject."""
    verb = syntax.clause_verb(tok)
    # (a relative clause's antecedent, "measures to bring ties ... during their talks", binds nothing)
    subj = subject(syntax, verb, False) if verb is not None and verb.dep_ != "relcl" else []
    if len(subj) >= 2 or (subj and subj[0].tag_ in ("NNS", "NNPS")):
        return subj
    return []
