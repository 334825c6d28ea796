"""nlp/parse.py: only candidate sentences are parsed, in one stream over the batch."""
from stage_helpers import run_until

from tacitus.nlp.attribute_rules import TableRules
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


ODD_TEXTS = [
    "The envoys didn't meet; they'd said they wouldn't, and she's been there once.",
    "There were clashes, there's a curfew and there are talks: it gets worse, he got nothing.",
    "  Officials   said\n\n  the talks\t\twent well.  \n",
    "We ain't gonna sign it, y'all gotta see 'em first, let's go, nothin' doin'.",
    "That is the deal that they signed, and those who signed this one did so because they had to.",
    "Anyone who can help should; everybody must, and I myself will do it if you do.",
]


def test_the_ruler_table_gives_the_stock_components_attributes(coder):
    # nlp.pipe reads the attribute ruler as a table; nlp(text) runs spaCy's stock component
    def attrs(doc):
        return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]
    assert [attrs(d) for d in coder.nlp.pipe(ODD_TEXTS)] == [attrs(coder.nlp(t)) for t in ODD_TEXTS]
    table = coder.nlp.get_pipe("attribute_ruler").pipe.__self__
    assert isinstance(table, TableRules) and table.memory


def test_a_ruler_rule_the_table_cannot_read_keeps_the_stock_component():
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "un"}]], {"NORM": "united nations"})  # NORM reaches the lexeme
    assert TableRules.install(ruler) is None and "pipe" not in vars(ruler)


def test_rules_outside_the_table_still_apply_in_the_stock_order():
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["talks", "talk"]}}]], {"LEMMA": "talk", "POS": "NOUN"})
    ruler.add([[{"LOWER": {"REGEX": "^tal"}}]], {"POS": "VERB"})  # a regular expression: the Matcher
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "peace talk"}, index=1)
    ruler.add([[{"LOWER": {"NOT_IN": ["x"]}, "IS_SPACE": False}]], {"MORPH": "Foreign=No"})
    text = "Peace talks and more TALKS, then tall tales."
    stock = [(t.pos_, t.lemma_, str(t.morph)) for t in nlp(text)]
    assert TableRules.install(ruler) is not None and len(ruler.pipe.__self__.rest) == 2
    [doc] = nlp.pipe([text])
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in doc] == stock
    assert stock[1] == ("VERB", "peace talk", "Foreign=No") and stock[4] == ("VERB", "talk", "Foreign=No")


def test_the_longer_patterns_matcher_runs_only_where_a_token_may_start_a_match():
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "peace talk"})
    ruler.add([[{"LOWER": {"REGEX": "^ceasefire"}}, {"IS_SPACE": False}]], {"LEMMA": "truce"})
    table = TableRules.install(ruler)
    calls = []
    matcher = table.rest
    table.rest = lambda doc, **kw: calls.append(doc.text) or matcher(doc, **kw)
    texts = ["Peace talks began.", "The ceasefires held.", "Nothing was agreed."]
    docs = list(nlp.pipe(texts))
    assert calls == texts[:2]  # the third has neither "talks" nor a word that the regex finds
    assert docs[0][0].lemma_ == "peace talk" and docs[1][1].lemma_ == "truce"


def test_a_longer_pattern_with_no_cue_always_goes_to_the_matcher():
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"NOT_IN": ["x"]}}, {"IS_SPACE": False}]], {"MORPH": "Foreign=No"})
    table = TableRules.install(ruler)
    assert table.cues is None
    [doc] = nlp.pipe(["Talks began."])
    assert str(doc[0].morph) == "Foreign=No"


def test_the_cue_is_the_rarest_test_of_a_token_every_match_holds():
    import spacy
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    # the optional "the" is no cue (a match may lack it); the word "peace" is, not its tag
    ruler.add([[{"LOWER": "the", "OP": "?"}, {"TAG": "NN", "LOWER": "peace"}, {"LOWER": "talks"}]],
              {"LEMMA": "peace talk"})
    table = TableRules.install(ruler)
    calls = []
    matcher = table.rest
    table.rest = lambda doc, **kw: calls.append(doc.text) or matcher(doc, **kw)
    docs = [nlp.make_doc(t) for t in ["Peace talks began.", "The talks.", "No peace process."]]
    for doc in docs:
        for token in doc:
            token.tag_ = "NN"
    docs = list(ruler.pipe(docs))
    assert calls == ["Peace talks began.", "No peace process."]  # every word is tagged NN
    assert docs[0][0].lemma_ == "peace talk"
