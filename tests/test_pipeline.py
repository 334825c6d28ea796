"""The coder's batch function: the cycle collector paused for a batch is restored after it."""
import gc

import pytest


def test_the_collector_runs_again_after_a_batch(coder):
    assert gc.isenabled()
    doc = coder("Chile and Peru signed a trade agreement on Monday.", "2024-05-20")
    assert doc.events and gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(coder):
    gc.disable()
    try:
        coder("Chile and Peru signed a trade agreement on Monday.", "2024-05-20")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_restored_when_a_batch_fails(coder, monkeypatch):
    def broken(states):
        raise RuntimeError("a stage failed")

    monkeypatch.setattr(coder, "chain", broken)
    with pytest.raises(RuntimeError):
        coder.code_batch([])
    assert gc.isenabled()


def test_pipe_takes_plain_mappings_as_it_takes_documents(coder):
    from tacitus.model import Document
    record = {"id": "m1", "text": "Chile praised Peru on Monday.", "published": "2020-01-08"}
    from_mapping = list(coder.pipe([record]))[0]
    from_document = list(coder.pipe([Document(**record)]))[0]
    assert from_mapping.id == "m1" and [e.to_dict() for e in from_mapping.events] == \
        [e.to_dict() for e in from_document.events] and from_mapping.events[0].cameo.startswith("05")


@pytest.mark.parametrize("item, named", [
    ({"id": "x"}, "'text'"),
    ({"text": 5}, "'text' must be a string"),
    ("Chile praised Peru.", "is a str"),
    (["Chile praised Peru."], "is a list"),
])
def test_pipe_refuses_what_cannot_be_a_document_with_a_type_error_naming_it(coder, item, named):
    with pytest.raises(TypeError, match="item 0") as caught:
        list(coder.pipe([item]))
    assert named in str(caught.value)
