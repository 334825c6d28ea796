"""Running the real coder's stages up to a named one, for the per-stage tests."""
from datetime import date

from tacitus.model import Document
from tacitus.stages import Chain, DocumentState


def run_until(coder, name, *texts, published="2022-02-03"):
    """DocumentStates of `texts` after the coder's stages up to and including `name`."""
    names = [s.name for s in coder.stages]
    chain = Chain(coder.stages[:names.index(name) + 1])
    day = date.fromisoformat(published) if published else None
    return chain([DocumentState(Document(str(i), t, published=published), day) for i, t in enumerate(texts)])


def stage_named(coder, name):
    return next(s for s in coder.stages if s.name == name)
