"""nlp/parse.py: only candidate sentences are parsed, in one stream over the batch."""
from stage_helpers import run_until

from tacitus.nlp.spacy_model import LemmaMemory


def test_candidates_are_parsed_and_the_rest_are_not(coder):
    docs = run_until(coder, "parse", "Chile praised Peru. The weather was fine.", "Brazil hosted Argentina.")
    chile, weather = docs[0].sentences
    [brazil] = docs[1].sentences
    assert chile.parsed.has_annotation("DEP") and brazil.parsed.has_annotation("DEP")
    assert weather.parsed is None and weather.doc is weather.tokens
    assert chile.parsed is chile.tokens  # the parser annotates the tokenizer's Doc in place
    assert [t.lemma_ for t in chile.parsed][:2] == ["Chile", "praise"]


def test_the_lemma_memory_belongs_to_the_models_lemmatizer(coder):
    list(coder.nlp.pipe(["Chile praised Peru."]))
    memory = coder.nlp.get_pipe("lemmatizer").pipe.__self__
    assert isinstance(memory, LemmaMemory) and memory.memory
    assert memory.lemmatizer is coder.nlp.get_pipe("lemmatizer")
