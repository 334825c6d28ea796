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
    prospective_words: frozenset
    prior_words: frozenset
    failing_verbs: frozenset
    antecedent_preps: frozenset
    antecedent_nouns: frozenset
    permitting_verbs: frozenset
    purpose_passives: frozenset
    topic_nouns: frozenset
    undaunted_verbs: frozenset
    descriptive_participles: frozenset
    preventing_verbs: frozenset
    document_heads: frozenset
    agreement_nouns: frozenset
    doing_verbs: frozenset
    toll_marks: frozenset
    schedule_words: frozenset
    reaching_verbs: frozenset
    performing_verbs: frozenset
    framing_nouns: frozenset
    participation_verbs: frozenset
    stative_passives: frozenset
    expulsion_verbs: frozenset
    attack_nouns: frozenset
    protective_purposes: frozenset
    aspect_verbs: frozenset
    speech_lemmas: frozenset
    obligation_speech: frozenset
    concluding_verbs: frozenset
    condition_marks: frozenset
    hypothetical_marks: frozenset
    opposition_nouns: frozenset
    same_kind_words: frozenset
    towards_preps: frozenset
    intransitive_nominals: frozenset
    patient_nominals: frozenset

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
            prospective_words=lexicon["prospective_words"],
            prior_words=lexicon["prior_words"],
            failing_verbs=lexicon["failing_verbs"],
            antecedent_preps=lexicon["antecedent_preps"],
            antecedent_nouns=lexicon["antecedent_nouns"],
            permitting_verbs=lexicon["permitting_verbs"],
            purpose_passives=lexicon["purpose_passives"],
            topic_nouns=lexicon["topic_nouns"],
            undaunted_verbs=lexicon["undaunted_verbs"],
            descriptive_participles=lexicon["descriptive_participles"],
            preventing_verbs=lexicon["preventing_verbs"],
            document_heads=lexicon["document_heads"],
            agreement_nouns=lexicon["agreement_nouns"],
            doing_verbs=lexicon["doing_verbs"],
            toll_marks=lexicon["toll_marks"],
            schedule_words=lexicon["schedule_words"],
            reaching_verbs=lexicon["reaching_verbs"],
            performing_verbs=lexicon["performing_verbs"],
            framing_nouns=lexicon["framing_nouns"],
            participation_verbs=lexicon["participation_verbs"],
            stative_passives=lexicon["stative_passives"],
            expulsion_verbs=lexicon["expulsion_verbs"],
            attack_nouns=lexicon["attack_nouns"],
            protective_purposes=lexicon["protective_purposes"],
            aspect_verbs=lexicon["aspect_verbs"],
            speech_lemmas=lexicon["speech_lemmas"],
            obligation_speech=lexicon["obligation_speech"],
            concluding_verbs=lexicon["concluding_verbs"],
            condition_marks=lexicon["condition_marks"],
            hypothetical_marks=lexicon["hypothetical_marks"],
            opposition_nouns=lexicon["opposition_nouns"],
            same_kind_words=lexicon["same_kind_words"],
            towards_preps=lexicon["towards_preps"],
            intransitive_nominals=lexicon["intransitive_nominals"],
            patient_nominals=lexicon["patient_nominals"],
        )
