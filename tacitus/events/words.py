"""The word classes the event stages read, from data/lexicon.tsv: what each is for, and the
sentence behind it, is in the lexicon's notes."""
from __future__ import annotations

from dataclasses import dataclass, fields


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
    renewing_verbs: frozenset
    refused_acts: frozenset
    reticent_verbs: frozenset
    idle_adverbs: frozenset
    descriptive_participles: frozenset
    preventing_verbs: frozenset
    document_heads: frozenset
    agreement_nouns: frozenset
    doing_verbs: frozenset
    toll_marks: frozenset
    toll_verbs: frozenset
    schedule_words: frozenset
    timetable_verbs: frozenset
    reaching_verbs: frozenset
    performing_verbs: frozenset
    framing_nouns: frozenset
    participation_verbs: frozenset
    stative_passives: frozenset
    expulsion_verbs: frozenset
    deployment_verbs: frozenset
    negotiation_nouns: frozenset
    kind_modifiers: frozenset
    enacting_decisions: frozenset
    enacted_codes: frozenset
    inviting_verbs: frozenset
    killing_verbs: frozenset
    victim_nouns: frozenset
    disaster_nouns: frozenset
    people_nouns: frozenset
    joint_verbs: frozenset
    attack_nouns: frozenset
    protective_purposes: frozenset
    investigating_purposes: frozenset
    joint_modifiers: frozenset
    enacting_nouns: frozenset
    aspect_verbs: frozenset
    speech_lemmas: frozenset
    attribution_heads: frozenset
    obligation_speech: frozenset
    concluding_verbs: frozenset
    condition_marks: frozenset
    hypothetical_marks: frozenset
    prospective_marks: frozenset
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
    effort_nouns: frozenset
    avowing_verbs: frozenset
    drawing_verbs: frozenset
    stance_verbs: frozenset
    accord_verbs: frozenset
    accusing_adjectives: frozenset
    doubting_verbs: frozenset
    order_words: frozenset
    problem_nouns: frozenset
    message_nouns: frozenset
    people_nouns: frozenset
    aid_vehicles: frozenset
    aid_cargo: frozenset
    supplying_verbs: frozenset
    receiving_verbs: frozenset
    command_verbs: frozenset
    claiming_verbs: frozenset
    furthering_verbs: frozenset
    crime_labels: frozenset
    war_crime_words: frozenset
    labelling_verbs: frozenset
    equating_verbs: frozenset
    month_words: frozenset
    date_modifiers: frozenset
    concessive_preps: frozenset
    delegate_nouns: frozenset
    persuading_verbs: frozenset
    settling_verbs: frozenset
    mediating_verbs: frozenset
    truce_nouns: frozenset
    welcoming_verbs: frozenset
    helping_verbs: frozenset
    monitoring_verbs: frozenset

    @classmethod
    def from_lexicon(cls, lexicon) -> EventWords:
        # every field is the lexicon entry of the same name
        return cls(**{f.name: lexicon[f.name] for f in fields(cls)})
