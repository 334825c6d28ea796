"""The word classes the event stages read, from data/lexicon.tsv: what each is for, and the
sentence behind it, is in the lexicon's notes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventWords:
    particles: frozenset
    date_words: frozenset
    bare_time_words: frozenset
    time_preps: frozenset
    modal_future: frozenset
    modal_hypothetical: frozenset
    reported_future: frozenset
    refusal_modals: frozenset
    obligation_modals: frozenset
    obligation_verbs: frozenset
    history_words: frozenset
    doing_verbs: frozenset
    toll_marks: frozenset
    toll_verbs: frozenset
    schedule_words: frozenset
    reaching_verbs: frozenset
    performing_verbs: frozenset
    framing_nouns: frozenset
    participation_verbs: frozenset
    stative_passives: frozenset
    expulsion_verbs: frozenset
    attack_nouns: frozenset
    protective_purposes: frozenset
    joint_modifiers: frozenset
    enacting_nouns: frozenset
    aspect_verbs: frozenset
    speech_lemmas: frozenset
    attribution_heads: frozenset
    obligation_speech: frozenset
    concluding_verbs: frozenset
    condition_marks: frozenset
    hypothetical_marks: frozenset
    opposition_nouns: frozenset
    same_kind_words: frozenset
    towards_preps: frozenset
    intransitive_nominals: frozenset
    leaving_nominals: frozenset
    patient_nominals: frozenset
    object_relatives: frozenset
    bearer_participles: frozenset
    journey_verbs: frozenset
    travel_nouns: frozenset
    simultaneous_preps: frozenset
    prospective_modifiers: frozenset
    effort_nouns: frozenset
    avowing_verbs: frozenset
    drawing_verbs: frozenset
    stance_verbs: frozenset
    accusing_adjectives: frozenset
    doubting_verbs: frozenset
    order_words: frozenset
    problem_nouns: frozenset
    message_nouns: frozenset

    @classmethod
    def from_lexicon(cls, lexicon) -> EventWords:
        return cls(
            particles=lexicon["particles"],
            date_words=lexicon["date_words"],
            bare_time_words=lexicon["bare_time_words"],
            time_preps=lexicon["time_preps"],
            modal_future=lexicon["modal_future"],
            modal_hypothetical=lexicon["modal_hypothetical"],
            reported_future=lexicon["reported_future"],
            refusal_modals=lexicon["refusal_modals"],
            obligation_modals=lexicon["obligation_modals"],
            obligation_verbs=lexicon["obligation_verbs"],
            history_words=lexicon["history_words"],
            doing_verbs=lexicon["doing_verbs"],
            toll_marks=lexicon["toll_marks"],
            toll_verbs=lexicon["toll_verbs"],
            schedule_words=lexicon["schedule_words"],
            reaching_verbs=lexicon["reaching_verbs"],
            performing_verbs=lexicon["performing_verbs"],
            framing_nouns=lexicon["framing_nouns"],
            participation_verbs=lexicon["participation_verbs"],
            stative_passives=lexicon["stative_passives"],
            expulsion_verbs=lexicon["expulsion_verbs"],
            attack_nouns=lexicon["attack_nouns"],
            protective_purposes=lexicon["protective_purposes"],
            joint_modifiers=lexicon["joint_modifiers"],
            enacting_nouns=lexicon["enacting_nouns"],
            aspect_verbs=lexicon["aspect_verbs"],
            speech_lemmas=lexicon["speech_lemmas"],
            attribution_heads=lexicon["attribution_heads"],
            obligation_speech=lexicon["obligation_speech"],
            concluding_verbs=lexicon["concluding_verbs"],
            condition_marks=lexicon["condition_marks"],
            hypothetical_marks=lexicon["hypothetical_marks"],
            opposition_nouns=lexicon["opposition_nouns"],
            same_kind_words=lexicon["same_kind_words"],
            towards_preps=lexicon["towards_preps"],
            intransitive_nominals=lexicon["intransitive_nominals"],
            leaving_nominals=lexicon["leaving_nominals"],
            patient_nominals=lexicon["patient_nominals"],
            object_relatives=lexicon["object_relatives"],
            bearer_participles=lexicon["bearer_participles"],
            journey_verbs=lexicon["journey_verbs"],
            travel_nouns=lexicon["travel_nouns"],
            simultaneous_preps=lexicon["simultaneous_preps"],
            prospective_modifiers=lexicon["prospective_modifiers"],
            effort_nouns=lexicon["effort_nouns"],
            avowing_verbs=lexicon["avowing_verbs"],
            drawing_verbs=lexicon["drawing_verbs"],
            stance_verbs=lexicon["stance_verbs"],
            accusing_adjectives=lexicon["accusing_adjectives"],
            doubting_verbs=lexicon["doubting_verbs"],
            order_words=lexicon["order_words"],
            problem_nouns=lexicon["problem_nouns"],
            message_nouns=lexicon["message_nouns"],
        )
