"""tacitus: political event data (CAMEO and PLOVER) from diplomatic readouts and news."""
__version__ = "0.1.0"

from .errors import DataFileError, InputError, ModelError, StoreError, TacitusError  # noqa: E402
from .model import Actor, Document, Event, Evidence, Plover, Sentence  # noqa: E402


def load(model=None, **kwargs):
    """Load a coder: `coder = tacitus.load(); doc = coder(text, published="2022-02-03")`."""
    from .pipeline import Coder
    return Coder(model, **kwargs)


__all__ = ["load", "Actor", "Document", "Event", "Evidence", "Plover", "Sentence", "TacitusError",
           "InputError", "DataFileError", "ModelError", "StoreError", "__version__"]
