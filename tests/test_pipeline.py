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
