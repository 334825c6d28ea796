import pytest

from tacitus.nlp.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("U.S. President George W. Bush met Mr. Putin on Feb. 3. The talks went well.",
     ["U.S. President George W. Bush met Mr. Putin on Feb. 3.", "The talks went well."]),
    ('"We agree," he said. Lt. Gen. Smith resigned.', ['"We agree," he said.', "Lt. Gen. Smith resigned."]),
    ("Title without a stop\nFirst sentence here. Second one!", ["Title without a stop", "First sentence here.", "Second one!"]),
    ("Paragraph one ends here.\n\nParagraph two.", ["Paragraph one ends here.", "Paragraph two."]),
    ("The U.N. Security Council met. It adjourned.", ["The U.N. Security Council met.", "It adjourned."]),
])
def test_split_sentences_handles_abbreviations_initials_and_lines(text, expected):
    assert sentences(text) == expected


def test_split_sentences_offsets_point_into_the_text():
    text = "  Lead sentence.   Next one.  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["Lead sentence.", "Next one."]


def test_batch_lemmas_are_the_lemmatizers_own(coder):
    # nlp.pipe answers repeated words from memory; nlp(text) runs spaCy's stock component
    texts = ["The ministers were meeting in Geneva and met again on Friday.",
             "Israeli forces have demolished houses; the houses were demolished twice.",
             "She's saying they'd been better off, and the best talks are the ones held."] * 3
    batch = [[(t.lemma_, t.pos_) for t in d] for d in coder.nlp.pipe(texts)]
    single = [[(t.lemma_, t.pos_) for t in coder.nlp(text)] for text in texts]
    assert batch == single
