"""The word classes of data/lexicon.tsv: validated on load, each one used by the coder."""
import re
from pathlib import Path

import pytest

from tacitus.errors import DataFileError
from tacitus.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
HEADER = "class\twords\tnote\texample\n"


def test_lexicon_loads_with_notes():
    lexicon = Lexicon()
    assert "said" in lexicon["speech_words"]
    assert all(entry.note for entry in lexicon)


def test_every_word_class_is_read_by_the_coder():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tacitus").rglob("*.py"))
    # read by its name ("lexicon['toll_verbs']") or as an EventWords field ("words.toll_verbs")
    unused = [e.name for e in Lexicon() if not re.search(rf"[\"']{e.name}[\"']|\.{e.name}\b", source)]
    assert not unused


def test_unknown_class_names_the_file():
    with pytest.raises(KeyError, match="lexicon.tsv"):
        Lexicon()["no_such_class"]


@pytest.mark.parametrize("row, message", [
    ("Speech\tsaid\tnote\t\n", "lower_snake_case"),
    ("speech\t\tnote\t\n", "no words"),
    ("speech\tSaid\tnote\t\n", "not a lowercase word"),
    ("speech\tsaid said\tnote\t\n", "twice"),
    ("speech\tsaid\t\t\n", "no note"),
    ("speech\tsaid\tnote\n", "columns"),
])
def test_malformed_rows_name_file_and_line(tmp_path, row, message):
    path = tmp_path / "lexicon.tsv"
    path.write_text(HEADER + "ok\tword\ta note\t\n" + row, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as err:
        Lexicon(path)
    assert ":3" in str(err.value)


def test_duplicate_class_is_refused(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text(HEADER + "a\tword\tnote\t\na\tother\tnote\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate"):
        Lexicon(path)


def test_phrases_and_abbreviations():
    lexicon = Lexicon()
    assert "prime minister" in lexicon["bare_titles"]  # written prime_minister
    assert "u.s" in lexicon["abbreviations"]


def test_every_class_has_an_example():
    assert [e.name for e in Lexicon() if not e.example] == []
