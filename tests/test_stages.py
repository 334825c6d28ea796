"""The stage chain is checked once, at load: reads after writes, one writer per field, real fields;
it runs in order, and a watched stage that writes a field it does not declare is caught."""
from datetime import date

import pytest

from tacitus.model import Document
from tacitus.stages import (Chain, DocumentState, SentenceState, Stage, StageError, check_stages, describe,
                            watched)


def stage(name, level="sentence", requires=(), assigns=()):
    return type(name.title(), (Stage,), {"name": name, "level": level, "requires": requires, "assigns": assigns})()


def test_a_chain_in_order_passes():
    check_stages([stage("split", "batch", ("document.document",), ("document.sentences",)),
                  stage("tokens", "batch", ("document.sentences",), ("sentence.tokens",))])


@pytest.mark.parametrize("chain, message", [
    ([stage("tokens", "batch", ("sentence.words",), ("sentence.tokens",))], "no earlier stage assigns"),
    ([stage("a", assigns=("sentence.tokens",)), stage("b", assigns=("sentence.tokens",))], "already assigned"),
    ([stage("a", assigns=("sentence.nonsense",))], "no field of the working state"),
    ([stage("a"), stage("a")], "unique name"),
    ([stage("a", level="paragraph")], "level must be"),
])
def test_a_broken_chain_is_refused(chain, message):
    with pytest.raises(StageError, match=message):
        check_stages(chain)


def test_updates_need_an_earlier_assignment():
    with pytest.raises(StageError, match="no earlier stage assigns"):
        check_stages([type("U", (Stage,), {"name": "u", "updates": ("document.context",)})()])


def test_the_plan_groups_runs_of_one_level():
    chain = Chain([stage("a", "batch", assigns=("sentence.tokens",)), stage("b", "batch"),
                   stage("c", "document", assigns=("document.context",)), stage("d"), stage("e"),
                   stage("f", "document")])
    names = [(level, [s.name for s in group] if level == "batch"
              else [(sub, [s.name for s in stages]) for sub, stages in group]) for level, group in chain.plan]
    assert names == [("batch", ["a", "b"]),
                     ("documents", [("document", ["c"]), ("sentence", ["d", "e"]), ("document", ["f"])])]


class Recorder(Stage):
    def __init__(self, name, level, log):
        self.name, self.level, self.log = name, level, log

    def __call__(self, *state):
        self.log.append((self.name, getattr(state[-1], "sentence", None) and state[-1].sentence))


def test_sentence_stages_run_together_sentence_by_sentence():
    log = []
    docs = [DocumentState(Document("x", "")), DocumentState(Document("y", ""))]
    for doc in docs:
        doc.sentences = [SentenceState(f"{doc.document.id}{i}") for i in range(2)]
    Chain([Recorder("d", "document", log), Recorder("s1", "sentence", log), Recorder("s2", "sentence", log)])(docs)
    assert log == [("d", None), ("s1", "x0"), ("s2", "x0"), ("s1", "x1"), ("s2", "x1"),
                   ("d", None), ("s1", "y0"), ("s2", "y0"), ("s1", "y1"), ("s2", "y1")]


class Sneaky(Stage):
    name, level, assigns = "sneaky", "sentence", ("sentence.words",)

    def __call__(self, doc, sent):
        sent.words = ["a"]
        sent.matches.append((0, 1, None))  # not declared


def test_a_stage_writing_an_undeclared_field_is_caught():
    doc = DocumentState(Document("x", ""))
    doc.sentences = [SentenceState("s")]
    with pytest.raises(StageError, match=r"sneaky.*sentence\.matches"):
        Chain(watched([Sneaky()]))([doc])


def test_the_real_coder_declares_every_field_it_writes(coder, shared):
    """Each stage of the real chain, watched on a readout and a few wire texts, writes only what it
    assigns or updates."""
    texts = [(shared / "readouts" / "2022-02-03-wang-yi-lavrov.txt").read_text(encoding="utf-8"),
             "WASHINGTON, March 14 — The Secretary met Foreign Minister Wang Yi. Both sides agreed to expand "
             "trade.\n\nThe Chinese side supports Russia. Rebels and soldiers clashed near Kharkiv.",
             "Thailand imposed a curfew on Monday. Students protested in Bangkok. The cabinet met on Sunday."]
    docs = [Document(str(i), t, published="2022-02-03") for i, t in enumerate(texts)]
    states = [DocumentState(d, date(2022, 2, 3)) for d in docs]
    Chain(watched(coder.stages))(states)
    assert sum(len(s.events) for s in states) > 10
    expected = [d.to_dict() for d in coder.code_batch([Document(str(i), t, published="2022-02-03")
                                                        for i, t in enumerate(texts)])]
    assert [len(s.events) for s in states] == [len(e["events"]) for e in expected]


def test_the_coder_chain_is_described(coder):
    names = [row["name"] for row in describe(coder.stages)]
    assert names == ["segment", "filter", "parse", "context", "actors", "reading", "triggers", "framing", "arguments",
                     "assembly", "circumstances", "document_rules", "type_model", "main_event", "plover_modes",
                     "locate"]
    assert all(row["doc"] for row in describe(coder.stages))
