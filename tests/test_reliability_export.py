"""The flat forms read back: a CR, LF, tab, U+2028/U+2029 or quote inside a value never adds or
loses a row, for pandas, DuckDB and a plain split on newlines and tabs; JSON lines stay one line."""
import io
import json

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from hypothesis_profiles import profile
from tacitus.columns import csv_line, escape_json, tsv_line, tsv_unescape

ODD = st.text(alphabet=st.sampled_from(list("ab ,\"'\\\t\r\n\u2028\u2029\u0085é中")) | st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
ROWS = st.lists(st.lists(ODD, min_size=3, max_size=3), min_size=1, max_size=5)


@profile()
@given(ROWS)
def test_tsv_reads_back_by_a_plain_split_and_by_pandas(rows):
    text = tsv_line(["a", "b", "c"]) + "".join(tsv_line(r) for r in rows)
    split = [[tsv_unescape(f) for f in line.split("\t")] for line in text.split("\n")[1:-1]]
    assert split == rows
    frame = pd.read_csv(io.StringIO(text), sep="\t", quoting=3, dtype=str, keep_default_na=False)
    assert [[tsv_unescape(v) for v in r] for r in frame.values.tolist()] == rows


@profile()
@given(ROWS)
def test_csv_reads_back_by_pandas(rows):
    text = csv_line(["a", "b", "c"]) + "".join(csv_line(r) for r in rows)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert frame.values.tolist() == rows


def test_csv_and_tsv_read_back_by_duckdb(tmp_path):
    import duckdb
    rows = [["a\rb", "c\nd", "e\u2028f"], ["g\"h", "i\tj", "k,l"]]
    (tmp_path / "x.csv").write_text(csv_line(["a", "b", "c"]) + "".join(csv_line(r) for r in rows), newline="")
    got = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'x.csv'}', all_varchar=true, quote='\"', "
                     "escape='\"', header=true)").fetchall()
    assert [list(r) for r in got] == rows
    (tmp_path / "x.tsv").write_text(tsv_line(["a", "b", "c"]) + "".join(tsv_line(r) for r in rows), newline="")
    got = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'x.tsv'}', all_varchar=true, delim='\\t', quote='', "
                     "escape='', header=true)").fetchall()
    assert [[tsv_unescape(v) for v in r] for r in got] == rows


@profile()
@given(st.dictionaries(ODD, ODD | st.integers(), max_size=4))
def test_json_lines_stay_one_line_and_read_back(obj):
    line = escape_json(json.dumps(obj, ensure_ascii=False))
    # readers split JSON lines on "\n" only; U+2028/U+2029 are escaped for those that split on them too
    assert "\n" not in line and not set(line) & {"\u2028", "\u2029"} and json.loads(line) == obj


def test_a_hashtag_never_costs_a_row_read_by_duckdb(tmp_path):
    """DuckDB's sniffer took the "#" of " #MeToo" for a comment mark and dropped that row without an
    error: the CSV quotes a value holding "#", and the TSV is read with comment='' (README)."""
    import duckdb
    rows = [["d1", " #MeToo", "x"], ["d2", "a,b", ""]]
    (tmp_path / "x.csv").write_text(csv_line(["a", "b", "c"]) + "".join(csv_line(r) for r in rows), newline="")
    got = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'x.csv'}', all_varchar=true, quote='\"', escape='\"', "
                     "header=true)").fetchall()
    assert [["" if v is None else v for v in r] for r in got] == rows
    (tmp_path / "x.tsv").write_text(tsv_line(["a", "b", "c"]) + "".join(tsv_line(r) for r in rows), newline="")
    got = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'x.tsv'}', all_varchar=true, delim='\\t', quote='', "
                     "escape='', comment='', header=true)").fetchall()
    assert [["" if v is None else v for v in r] for r in got] == rows
