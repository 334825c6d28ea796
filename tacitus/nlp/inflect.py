"""Surface forms of trigger lemmas, for the candidate-sentence filter (over-generation is harmless)."""
from __future__ import annotations

VOWELS = set("aeiou")


def regular_forms(lemma: str) -> set:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    if len(lemma) >= 3 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # stop -> stopped
    if lemma.endswith("c"):
        forms |= {lemma + "ked", lemma + "king"}  # panic -> panicked
    return forms


def surface_forms(lemmas, irregular: dict) -> set:
    out = set()
    for lemma in lemmas:
        out |= regular_forms(lemma)
        out |= irregular.get(lemma, set())
    return out
