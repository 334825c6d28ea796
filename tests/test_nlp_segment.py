"""nlp/segment.py: sentences, tokens and dictionary matches for every sentence; the candidate filter."""
from stage_helpers import run_until, stage_named

from tacitus.nlp.sentences import SentenceSplitter


def test_every_sentence_gets_tokens_words_and_matches(coder):
    [doc] = run_until(coder, "segment", "Chile praised Peru on Monday. The weather was fine.")
    assert [s.sentence.text for s in doc.sentences] == ["Chile praised Peru on Monday.", "The weather was fine."]
    first = doc.sentences[0]
    assert first.words == ["Chile", "praised", "Peru", "on", "Monday", "."]
    assert [first.words[a:b] for a, b, _ in first.matches] == [["Chile"], ["Peru"]]
    assert (first.sentence.index, first.sentence.start) == (0, 0)
    assert doc.sentences[1].sentence.start == len("Chile praised Peru on Monday. ")
    assert first.parsed is None and not first.candidate  # later stages' fields


def test_the_splitter_reads_its_abbreviations_from_the_lexicon(coder):
    text = "Lt. Gen. Smith met Mr. Putin. They talked."
    with_lexicon = SentenceSplitter(coder.lexicon["abbreviations"])
    assert [text[s:e] for s, e in with_lexicon(text)] == ["Lt. Gen. Smith met Mr. Putin.", "They talked."]
    assert len(list(SentenceSplitter(frozenset())(text))) == 5  # after Lt. Gen. Mr. Putin. talked.


def test_a_candidate_needs_a_trigger_and_someone_to_do_it(coder):
    docs = run_until(coder, "filter", "Chile praised Peru.", "The weather was fine.", "They praised the plan.",
                     "the plan was praised.")
    assert [d.sentences[0].candidate for d in docs] == [True, False, True, False]


def test_the_filter_looks_trigger_words_up_in_lowercase(coder):
    f = stage_named(coder, "filter")
    assert f.is_candidate("Talks: Visited the capital.", ["Talks", ":", "Visited", "the", "capital", "."], [])
    assert not f.is_candidate("Nothing happened to anyone.", ["Nothing", "happened", "to", "anyone", "."], [])
