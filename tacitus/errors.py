"""The exception tree and its catalogue of coded messages.

Codes (E001, ...) are stable so that users can search for them. The library raises; only the CLI
prints and exits.
"""


class TacitusError(Exception):
    """Base of every error tacitus raises on purpose."""

    code = "E000"

    def __init__(self, message, *, where=None):
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self):
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class InputError(TacitusError):
    """A document or input file that cannot be read or coded."""

    code = "E100"


class DataFileError(TacitusError):
    """A dictionary or ontology file in the package that fails validation."""

    code = "E200"


class ModelError(TacitusError):
    """The spaCy model is missing or is not the one expected."""

    code = "E300"


class StoreError(TacitusError):
    """A database problem."""

    code = "E400"


class StageError(TacitusError):
    """The coder's stages do not chain: a field read before it is written, written twice, or unknown."""

    code = "E500"
