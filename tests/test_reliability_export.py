"""The flat forms read back: a CR, LF, tab, U+2028/U+2029 or quote inside a value never adds or
loses a row, for pandas, DuckDB and a plain split on newlines and tabs; JSON lines stay one line."""
import io
import json
import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.columns import csv_line, escape_json, tsv_line, tsv_unescape

settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ODD = st.text(alphabet=st.sampled_from(list("ab ,\"'\\\t\r\n\u2028\u2029\u0085é中")) | st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
ROWS = st.lists(st.lists(ODD, min_size=3, max_size=3), min_size=1, max_size=5)


@given(ROWS)
def test_tsv_reads_back_by_a_plain_split_and_by_pandas(rows):
    text = tsv_line(["a", "b", "c"]) + "".join(tsv_line(r) for r in rows)
    split = [[tsv_unescape(f) for f in line.split("\t")] for line in text.split("\n")[1:-1]]
    assert split == rows
    frame = pd.read_csv(io.StringIO(text), sep="\t", quoting=3, dtype=str, keep_default_na=False)
    assert [[tsv_unescape(v) for v in r] for r in frame.values.tolist()] == rows


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


@given(st.dictionaries(ODD, ODD | st.integers(), max_size=4))
def test_json_lines_stay_one_line_and_read_back(obj):
    line = escape_json(json.dumps(obj, ensure_ascii=False))
    # readers split JSON lines on "\n" only; U+2028/U+2029 are escaped for those that split on them too
    assert "\n" not in line and not set(line) & {"\u2028", "\u2029"} and json.loads(line) == obj
