"""Language analysis as tacitus loads it (the attribute ruler read as a table, the lemma memory) gives
every token the stock spaCy pipeline's attributes, on a few thousand sentences: the dev set's texts
(../shared, when present) and the repository's own golden sentences."""
import json
import os

import pytest
from conftest import ROOT, SHARED

from tacitus.nlp.attribute_rules import TableRules
from tacitus.nlp.spacy_model import DEFAULT_MODEL, load_spacy

GOLDEN = ("sentences.jsonl", "regression.jsonl", "coverage.jsonl")


def _texts():
    files = [ROOT / "tests" / "golden" / name for name in GOLDEN]
    if (SHARED / "eval" / "dev.jsonl").exists():
        files.append(SHARED / "eval" / "dev.jsonl")
    texts = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                text = json.loads(line).get("text")
                if text:
                    texts.append(text)
    return texts


def _attrs(doc):
    return [(t.i, t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    import spacy
    name = os.environ.get("TACITUS_MODEL") or DEFAULT_MODEL
    return spacy.load(name, exclude=["ner", "senter"]), load_spacy(name)


def test_the_fast_components_give_the_stock_pipelines_attributes_on_every_token(pipelines):
    stock, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler").pipe.__self__, TableRules)
    assert "pipe" not in vars(stock.get_pipe("attribute_ruler"))
    texts = _texts()
    assert len(texts) >= 3000
    differing = [text for text, a, b in zip(texts, stock.pipe(texts, batch_size=64), fast.pipe(texts, batch_size=64))
                 if _attrs(a) != _attrs(b)]
    assert differing == []
    table = fast.get_pipe("attribute_ruler").pipe.__self__
    # the longer patterns' Matcher ran on some sentences, not on all of them
    assert table.cues is not None and 0 < sum(table.cued.values()) < len(table.cued)
