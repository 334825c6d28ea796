"""The data files' contracts: they load (unique keys, valid codes), and the ontologies line up."""
import pytest

from tacitus.datafiles import data_path, read_tsv
from tacitus.errors import DataFileError
from tacitus.events.patterns import Frames, PatternBook
from tacitus.ontology import PLOVER_TYPES, Cameo


@pytest.fixture(scope="module")
def cameo():
    return Cameo()


def test_cameo_table_has_every_root_and_valid_plover_types(cameo):
    assert cameo.roots() == [f"{i:02d}" for i in range(1, 21)]
    for c in cameo:
        assert c.quad_class in (1, 2, 3, 4)
        assert -10 <= c.goldstein <= 10
        # Only the residual "make statement" has no PLOVER type (PLOVER does not code statements).
        assert c.plover.type in PLOVER_TYPES or c.code == "010", c.code


def test_cameo_matches_the_reference_table(cameo, shared):
    ref = {}
    for line in (shared / "reference" / "cameo-codes.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells[0]) > 2:
            ref[cells[0]] = float(cells[4])
    assert set(ref) == {c.code for c in cameo}
    assert all(cameo[k].goldstein == v for k, v in ref.items())


def test_every_pattern_code_exists_and_maps_to_plover(cameo):
    book = PatternBook(cameo)
    codes = {p.code for ps in book.by_key.values() for p in ps}
    assert codes <= set(cameo.codes)
    assert all(cameo[c].plover.type in PLOVER_TYPES for c in codes if c != "010")
    assert {c[:2] for c in codes} == set(cameo.roots())


def test_every_cameo_code_has_a_pattern_or_a_framing_route(cameo):
    book = PatternBook(cameo)
    frames = Frames(cameo)
    covered = {p.code for ps in book.by_key.values() for p in ps} | set(frames.codes.values())
    missing = sorted(set(cameo.codes) - covered)
    assert not missing, missing


def test_tsv_loader_rejects_duplicate_keys_with_line(tmp_path):
    bad = tmp_path / "x.tsv"
    bad.write_text("a\tb\nk\t1\nk\t2\n")
    with pytest.raises(DataFileError, match=r"x.tsv:3.*duplicate"):
        list(read_tsv("x.tsv", ("a", "b"), key="a", path=bad))


@pytest.mark.parametrize("name,columns,key", [
    ("countries.tsv", ("code", "name", "names", "adjectives", "capitals"), "code"),
    ("organisations.tsv", ("code", "name", "names", "kind", "country"), "code"),
    ("officeholders.tsv", ("name", "aliases", "country", "sector", "office", "start", "end"), ("name", "office", "start")),
    ("sectors.tsv", ("phrase", "sector", "kind"), "phrase"),
    ("frames.tsv", ("word", "frame", "note"), "word"),
    ("frame_codes.tsv", ("frame", "act", "code", "plover"), ("frame", "act")),
    ("topics.tsv", ("topic", "keywords"), "topic"),
    ("purposes.tsv", ("words", "frames", "act", "note"), ("words", "frames")),
])
def test_data_files_have_headers_and_unique_keys(name, columns, key):
    rows = list(read_tsv(name, columns, key=key))
    assert rows


def test_data_readme_names_every_data_file():
    readme = data_path("README.md").read_text(encoding="utf-8")
    for path in data_path("").iterdir():
        if path.suffix in (".tsv", ".jsonl"):
            assert path.name in readme, path.name


def test_actor_dictionary_loads_and_covers_g20_leaders(coder):
    offices = coder.dictionary.offices
    for name in ("Xi Jinping", "Vladimir Putin", "Joe Biden", "Narendra Modi", "Wang Yi", "Sergey Lavrov"):
        assert name in offices, name
    assert len(coder.dictionary.countries) >= 195


@pytest.fixture(scope="module")
def book(cameo):
    return PatternBook(cameo)


def test_no_two_patterns_have_the_same_trigger_and_constraints(book):
    seen, twins = {}, []
    for p in book.by_id.values():
        key = (p.lemma, p.pos, p.constraint_key)
        if key in seen:
            twins.append(f"{book.where[p.id]} {p.id} repeats {book.where[seen[key]]} {seen[key]}")
        seen.setdefault(key, p.id)
    assert not twins, "\n".join(twins)


def test_every_pattern_can_fire(book):
    never = [f"{book.where[p.id]} {p.id} ({p.code}) is shadowed by {book.where[by.id]} {by.id} ({by.code})"
             for p, by in book.shadowed()]
    assert not never, "\n".join(never)


def test_patterns_that_share_their_words_are_ordered_by_priority_or_slots_not_by_id(book):
    """Two equally specific patterns of one trigger that one sentence may satisfy alike must be
    ordered by the data (a priority, or the slots they constrain): the id is only a last resort."""
    left = []
    for group in book.by_key.values():
        for i, p in enumerate(group):
            for q in group[i + 1:]:
                if p.may_tie(q) and p.preference[:-1] == q.preference[:-1]:
                    left.append(f"{book.where[p.id]} {p.id} and {book.where[q.id]} {q.id}")
    assert not left, "\n".join(left)
