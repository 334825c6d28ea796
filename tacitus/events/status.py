"""The status of an act: occurred, planned, hypothetical, negated or historical, from the words on
the trigger and on the verbs that frame it."""
from __future__ import annotations

from .syntax import lemma


def status_of(syntax, chain, tok, status, framed=False):
    """`chain` is the trigger and the words framing it; a status already "negated" (by a negating
    frame such as "failed to") stays so. `framed`: the chain ends in a frame word, whose own act
    (an appeal, a threat) a question under it ("asked whether ...") does not make hypothetical."""
    if status == "negated":
        return status
    words = syntax.words
    auxiliaries = set()
    # "agreed that their countries should cooperate": a modal under the frame word is the framed
    # content's, not the status of the agreement (or appeal, threat) itself
    content = {t.i for t in chain[:-1]} if framed else ()
    chain = syntax.with_aspect(chain)
    first = chain[0]
    # "would not seek a third term and would hand over power": a conjunct with its own modal has
    # its own status, not the negation of the verb it is joined to
    while first.dep_ == "conj" and first.head.i != first.i and not any(
            c.dep_ == "aux" for c in first.children):
        first = first.head
        chain.append(first)
    verb = syntax.verb_of_noun(tok) if tok.pos_ == "NOUN" and len(chain) == 1 else None
    if verb is not None:
        chain.append(verb)  # "will not take part in talks": the verb's negation and modals are the noun's
    if tok.pos_ == "NOUN" and _in_condition(syntax, tok):
        return "hypothetical"
    if not framed and in_question(chain, syntax):
        return "hypothetical"
    for t in chain:
        for dep, c in syntax.kids(t):
            if dep == "neg" or (dep == "det" and c.lower_ == "no" and t.pos_ == "NOUN"):
                return "negated"
            if dep in ("aux", "auxpass") and t.i not in content:
                auxiliaries.add(c.lower_)
            if dep == "mark" and c.lower_ in words.hypothetical_marks or dep in ("mark", "advmod") and (
                    c.lower_ in words.prospective_marks and _yet_to_come(syntax, t)):  # "once" may be advmod
                return "hypothetical"
            if dep == "advmod" and any(d == "neg" for d, _ in syntax.kids(c)):
                return "negated"  # "would no longer buy", "has not yet met"
    setting = setting_status(words, tok)
    if setting:
        return setting
    ancestors = list(tok.ancestors)[:4]
    if any(lemma(a) in words.history_words for a in ancestors) or (
            tok.pos_ == "NOUN" and any(lemma(c) in words.history_words for c in tok.head.children)):
        return "historical"
    if auxiliaries & words.modal_hypothetical:
        return "hypothetical"
    if auxiliaries & words.modal_future or ("going" in auxiliaries and "to" in auxiliaries):
        return "planned"
    if scheduled(words, chain):
        return "planned"
    return "occurred"


def _yet_to_come(syntax, verb):
    """"Will free the prisoners once Hamas releases the soldier", "must agree before they
    demobilize": a present-tense time clause on an act still to be done only times or conditions
    that act. Headline present ("clashes erupt after police kill a man") has no modal on its head."""
    if verb.dep_ != "advcl":
        return False
    aux = [c for d, c in syntax.kids(verb) if d in ("aux", "auxpass")]
    if (aux[0] if aux else verb).tag_ not in ("VBZ", "VBP"):
        return False  # "before they had disarmed", "after the army withdrew"
    head = verb.head.head if verb.head.dep_ == "conj" else verb.head
    yet = syntax.words.modal_future | syntax.words.modal_hypothetical
    return any(d == "aux" and (c.lower_ in yet or c.lower_ == "to") for h in {verb.head, head}
               for d, c in syntax.kids(h))


def scheduled(words, chain):
    """"Is due to visit", "are set to sign", "is expected to arrive": the act is on a timetable,
    reported as planned, not announced as anyone's intent."""
    timetable = words.schedule_words | words.timetable_verbs  # "plans to visit" too
    return any(lemma(t) in timetable and t.pos_ in ("ADJ", "VERB") for t in chain[1:]) or any(
        t.dep_ == "xcomp" and lemma(t.head) in timetable for t in chain)


def _in_condition(syntax, tok):
    """"will withdraw unless the president arranged a ceasefire and held elections": an event
    noun that is the object of the verb of an "if"/"unless" clause (or of its conjuncts) is only
    the condition, whatever that verb is, unless a definite or possessive word presupposes it."""
    cur = syntax.object_verb(tok)
    if cur is None:
        return False
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    marks = syntax.words.hypothetical_marks
    if cur.pos_ != "VERB" or not any(d == "mark" and c.lower_ in marks for d, c in syntax.kids(cur)):
        return False
    # "if Israel widened its offensive": the offensive is going on (read last: morphology is dear)
    return not any(_presupposes(c) for _, c in syntax.kids(tok))


def _presupposes(word):
    """A possessive, a definite article or a demonstrative: the noun names something that is."""
    if word.dep_ == "poss":
        return True
    return word.dep_ == "det" and (word.morph.get("Definite") == ["Def"] or word.morph.get("PronType") == ["Dem"])


def in_question(chain, syntax):
    """The act is only asked about or its sign denied: "it is unclear whether she will attend",
    "there is no sign that the leaders will meet"."""
    if any(d == "mark" and c.lower_ == "whether" for t in chain for d, c in syntax.kids(t)):
        return True
    top = chain[-1]
    for _ in range(3):  # up from an object: "no sign that Beijing would reverse its ban"
        if top.dep_ in ("acl", "ccomp") and top.head.pos_ == "NOUN":
            return any(d.dep_ == "det" and d.lower_ == "no" for d in top.head.children)
        if top.dep_ not in ("dobj", "pobj", "prep") or top.head.i == top.i:
            return False
        top = top.head
    return False


def setting_status(words, tok):
    """The status the act's own setting gives it: "the upcoming visit", "the meeting to be held in
    August" are planned; "in response to the attack", "despite repeated appeals", "numerous
    mediations have failed" are background, told as history; "to allow the sides to swap
    prisoners", "was meant to halt fighting" are only what something permits or is for."""
    if tok.dep_ == "amod" and tok.tag_ == "VBN":
        return "historical"  # "the detained Americans", "the kidnapped engineers": a state left by an earlier act
    if tok.pos_ == "NOUN":
        phrase = [tok]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            phrase.append(tok.head.head)  # "earlier rounds of talks", "the upcoming round of talks"
        return _noun_setting(words, phrase)
    if lemma(tok) in words.permitting_verbs and any(
            lemma(s) in words.document_heads or lemma(s) in words.agreement_nouns
            for s in tok.children if s.dep_ == "nsubj"):
        return "hypothetical"  # "the pact allows troops to train on its soil": what a text permits
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            break
        if cur.dep_ in ("xcomp", "ccomp") and (lemma(head) in words.permitting_verbs or lemma(
                head) in words.purpose_passives and any(a.dep_ == "auxpass" for a in head.children)):
            return "hypothetical"
        if cur.dep_ in ("xcomp", "advcl") and lemma(head) in words.persuading_verbs and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in head.children):
            return "hypothetical"  # "a drive to convince parliament to amend the constitution": only sought
        cur = head
    return None


def _antecedent(words, tok):
    """The act is named as what came before the reported one: "after the attack", "following the
    talks", "in retaliation for the raid", "despite a deal"."""
    prep = tok.head
    if tok.dep_ == "dobj" and prep.lower_ in words.antecedent_preps and prep.dep_ in ("prep", "advcl"):
        return True  # "following" parsed as a verb
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    return prep.lower_ in words.antecedent_preps or (
        prep.lower_ in ("to", "for", "of") and lemma(prep.head) in words.antecedent_nouns)


def _noun_setting(words, phrase):
    """An event noun's status from its modifiers, its preposition and its predicate."""
    for noun in phrase:
        for c in noun.children:
            if c.dep_ in ("amod", "acl") and lemma(c) in words.prospective_words or c.dep_ == "acl" and any(
                    a.dep_ == "auxpass" for a in c.children) and any(a.lower_ == "to" for a in c.children):
                return "planned"
            if c.dep_ == "amod" and (lemma(c) in words.prior_words or c.lower_ in words.prior_words):
                return "historical"
            if c.dep_ == "det" and c.lower_ == "any":
                return "hypothetical"  # "will respond to any attack": no act in particular
    for noun in phrase:
        head = noun.head
        if noun.dep_ == "dobj" and lemma(head) in words.preventing_verbs and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in head.children):
            return "hypothetical"  # "patrols launched to counter raids": the raids a purpose is against
    for noun in phrase:
        if _antecedent(words, noun) or noun.dep_ == "nsubj" and lemma(noun.head) in words.failing_verbs and any(
                a.dep_ == "aux" and lemma(a) == "have" for a in noun.head.children):
            return "historical"
    return None
