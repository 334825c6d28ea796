"""actors/stage.py: each sentence's actors, the document context on the dateline's side, and the
context reading sentence by sentence (speaker, paragraphs, groups)."""
from stage_helpers import run_until


def codes(actors):
    return [a.code for a in actors]


def test_actors_and_groups_named_in_a_sentence(coder):
    [doc] = run_until(coder, "actors", "Turkey and Greece signed a deal with Bulgaria.")
    [sent] = doc.sentences
    assert set(codes(sent.mentioned)) == {"BGR", "GRC", "TUR"}  # Greece twice: as conjunct and by itself
    assert [sorted(codes(g)) for g in sent.groups] == [["GRC", "TUR"]]
    assert sent.actors.offset == 0 and sent.actors.doc is sent.parsed


def test_a_sentence_the_parser_skipped_still_names_its_actors(coder):
    [doc] = run_until(coder, "actors", "The weather in Chile was sunny.")
    [sent] = doc.sentences
    assert sent.parsed is None and codes(sent.mentioned) == ["CHL"] and sent.groups == []


def test_the_context_takes_the_datelines_country(coder):
    dated, plain = run_until(coder, "context", "WASHINGTON, March 14 — The talks went well.", "The talks went well.")
    assert dated.context.home == "USA" and plain.context.home is None


def test_a_speaker_holds_for_the_paragraph_and_a_new_paragraph_forgets_it(coder):
    text = ("Foreign Minister Wang Yi said China supports peace. It backs talks.\n\n"
            "The weather was fine in Beijing.")
    [doc] = run_until(coder, "reading", text)
    speakers = [s.speaker.code if s.speaker else None for s in doc.sentences]
    assert speakers == ["CHNGOV", "CHNGOV", None]
    assert doc.context.participants()[0] == "CHN"


def test_a_group_named_together_is_they_later(coder):
    [doc] = run_until(coder, "reading", "Turkey and Greece signed a deal.")
    assert sorted(codes(doc.context.last_group)) == ["GRC", "TUR"]


def test_a_passive_quoted_subject_speaks(coder):
    [doc] = run_until(coder, "reading", "Lavrov was quoted as saying Russia wants talks.")
    assert doc.sentences[0].speaker.code == "RUSGOV"


def test_no_verb_of_saying_no_speaker(coder):
    [doc] = run_until(coder, "reading", "Lavrov met Wang Yi in Beijing.")
    assert doc.sentences[0].speaker is None
