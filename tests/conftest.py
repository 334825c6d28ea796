"""Shared fixtures: one real coder (spaCy model and dictionaries) per test session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from tacitus.pipeline import Coder
    return Coder()


@pytest.fixture(scope="session")
def shared():
    if not SHARED.exists():
        pytest.skip("../shared is absent")
    return SHARED


def codes(actor):
    return actor.code if actor is not None else None


def find(doc, cameo_prefix, source=None, target=None):
    """Events of `doc` whose code starts with the prefix and whose actors start with the given codes."""
    out = []
    for ev in doc.events:
        if not ev.cameo.startswith(cameo_prefix):
            continue
        if source is not None and not (ev.source and ev.source.code.startswith(source)):
            continue
        if target is not None and not (ev.target and ev.target.code.startswith(target)):
            continue
        out.append(ev)
    return out
