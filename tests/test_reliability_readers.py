"""Odd and hostile input at the readers: every record is a Document or a one-line Problem that
names file:line, and the good records around a bad one are all read, in order."""
import errno
import io
import json
import os
import sys

import pytest

from tacitus.ingest.readers import (DEFAULT_MAX_BYTES, MAX_ID_CHARS, Problem, Reader, document_from_record,
                                    is_blank)
from tacitus.nlp.normalise import analysis_text

GOOD = "Chile and Peru signed a trade agreement on Monday."
ODD_SPACES = ["\u00a0", "\u200b", "\u3000", "\ufeff", "\u2060", "\u200b\u00a0 \u3000\n\t"]


def read(*paths, **kw):
    return list(Reader(**kw).read([str(p) for p in paths]))


def split(items):
    return ([i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)])


def jsonl(tmp_path, *lines, name="docs.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
                                for line in lines) + b"\n")
    return path


def record(**fields):
    return json.dumps({"id": "r", "text": GOOD, **fields})


@pytest.mark.parametrize("fields, reason", [
    ({"title": {"x": 1}}, "'title' must be a string or null, not an object"),
    ({"source": [1, 2]}, "'source' must be a string or null, not an array"),
    ({"url": True}, "'url' must be a string or null, not true"),
    ({"id": {"a": 1}}, "'id' must be a string or an integer, not an object"),
    ({"id": False}, "'id' must be a string or an integer, not false"),
    ({"id": 1.5}, "'id' must be a string or an integer, not the number 1.5"),
    ({"id": "x" * (MAX_ID_CHARS + 88)}, f"'id' is too long: 600 characters, at most {MAX_ID_CHARS}"),
    ({"id": "bell\u0007"}, "'id' holds a control character or lone surrogate (U+0007 at position 5)"),
    ({"text": 7}, "'text' must be a string, not the number 7"),
    ({"text": None}, "no 'text' string in this record"),
])
def test_a_record_with_a_bad_field_is_one_problem_and_the_records_around_it_are_read(tmp_path, fields, reason):
    path = jsonl(tmp_path, record(id="a"), record(**fields), record(id="c"))
    docs, problems = split(read(path))
    assert [d.id for d in docs] == ["a", "c"]
    (problem,) = problems
    assert problem.where == f"{path}:2" and problem.kind == "failed"
    assert problem.message.endswith(reason)


@pytest.mark.parametrize("line, reason", [
    ('{"id": "n", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "malformed JSON: nested too deeply to read"),
    ('{"id": "n", "text": "x", "title": ' + "9" * 5000 + "}", "malformed JSON: Exceeds the limit (4300 digits)"),
    ('{"id": "n", "text": "tab\u0001"}', "malformed JSON: Invalid control character at column 25"),
    ('{"id": "n", "text": "never closed', "malformed JSON: Unterminated string starting at column 21"),
    ('{"id": "n" "text": "x"}', "malformed JSON: Expecting ',' delimiter at column 12"),
    (b'{"id": "n", "text": "caf\xe9"}', "not UTF-8: byte 0xe9 at column 25"),
])
def test_unreadable_json_lines_are_one_line_problems_that_read_well(tmp_path, line, reason):
    path = jsonl(tmp_path, record(id="a"), line, record(id="c"))
    docs, (problem,) = split(read(path))
    assert [d.id for d in docs] == ["a", "c"]
    assert problem.where == f"{path}:2" and problem.message.startswith(reason)
    assert " at at " not in problem.message


@pytest.mark.parametrize("text, replaced", [
    ("Chile\ud800 met Peru.", "Chile\ufffd met Peru."),
    ("Chile\u0000 met Peru.", "Chile\ufffd met Peru."),
    ("\udfff\udfffChile met Peru.\x00", "\ufffd\ufffdChile met Peru.\ufffd"),
])
def test_lone_surrogates_and_nul_are_replaced_per_record_with_a_warning(tmp_path, text, replaced):
    path = jsonl(tmp_path, json.dumps({"id": "s", "text": text, "title": "T\x00"}))
    (doc,) = read(path)
    assert doc.text == replaced and doc.title == "T\ufffd"
    doc.text.encode("utf-8")  # storable: no lone surrogate left
    assert any("replaced by U+FFFD" in w and "'text'" in w for w in doc.warnings)


def test_numbers_in_text_fields_are_taken_as_their_digits_and_integer_ids_as_strings():
    doc = document_from_record({"id": 12, "text": GOOD, "title": 1984, "source": 7, "url": None}, "api")
    assert (doc.id, doc.title, doc.source, doc.url) == ("12", "1984", "7", None)
    assert document_from_record({"id": 12.0, "text": GOOD}, "api").id == "12"


def test_a_record_is_checked_the_same_way_wherever_it_comes_from():
    doc = document_from_record({"text": GOOD, "published": "2024-13-40"}, "api", published="2024-05-20")
    assert doc.id == "" and doc.origin == "api"  # the caller names a document that has no id
    assert doc.published == "2024-05-20" and any("'published' is not a date" in w for w in doc.warnings)
    assert document_from_record({"text": GOOD}, "x:3", default_id="x-3").id == "x-3"
    refused = document_from_record({"text": "Chile " * 100}, "api", max_bytes=100)
    assert isinstance(refused, Problem) and "text too large: 600 bytes" in refused.message
    assert "--max-bytes" in refused.message
    assert isinstance(document_from_record(["not", "an", "object"], "api"), Problem)


@pytest.mark.parametrize("space", ODD_SPACES)
def test_a_text_of_only_unicode_white_space_is_skipped_as_empty(tmp_path, space):
    text_file = tmp_path / "blank.txt"
    text_file.write_text(space * 50, encoding="utf-8")
    html_file = tmp_path / "blank.html"
    html_file.write_text(f"<html><body><p>{space * 50}</p></body></html>", encoding="utf-8")
    lines = jsonl(tmp_path, json.dumps({"id": "w", "text": space * 50}))
    items = read(text_file, html_file, lines)
    assert all(isinstance(i, Problem) and i.kind == "skipped" for i in items), items
    assert "empty file" in items[0].message and "empty text" in items[2].message
    assert is_blank(space) and not is_blank(space + "a")


def test_standard_input_splits_json_lines_at_newlines_only(monkeypatch, tmp_path):
    texts = ["Chile\u2028met Peru.", "Peru\u2029thanked Chile.", "Chile\x0bmet\x0cPeru\x1c.", "Peru\rmet Chile."]
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False).encode() for i, t in enumerate(texts)]
    data = b"\n".join(lines[:2] + [b'{"broken', b"caf\xe9"] + lines[2:]) + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, problems = split(read("-"))
    assert [d.text for d in docs] == texts
    assert [p.where for p in problems] == ["<stdin>:3", "<stdin>:4"]
    assert [d.origin for d in docs] == ["<stdin>:1", "<stdin>:2", "<stdin>:5", "<stdin>:6"]
    path = tmp_path / "same.jsonl"
    path.write_bytes(data)
    assert [d.text for d in split(read(path))[0]] == texts  # a file reads the same


def test_standard_input_text_over_the_limit_is_refused_without_reading_it_all(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Chile met Peru. " * 100)))
    (problem,) = read("-", max_bytes=500)
    assert problem.where == "<stdin>" and "over the limit of 500 bytes" in problem.message


def test_the_default_size_limit_is_one_a_coder_can_hold_and_says_how_to_lift_it(tmp_path):
    assert DEFAULT_MAX_BYTES <= 5_000_000  # bench/bench_memory.py: a 5 MB text peaks near 1.3 GB
    big = tmp_path / "big.txt"
    big.write_text("Chile met Peru. " * 100)
    long_line = jsonl(tmp_path, record(id="a"), json.dumps({"id": "b", "text": "Chile met Peru. " * 100}),
                      record(id="c"))
    (too_big, *rest) = read(big, long_line, max_bytes=1000)
    assert too_big.message == ("document too large: 1,600 bytes, over the limit of 1,000 bytes per document "
                               "(coding holds a whole document in memory); split it, or raise the limit with "
                               "--max-bytes")
    docs, (line_problem,) = split(rest)
    assert [d.id for d in docs] == ["a", "c"] and line_problem.where == f"{long_line}:2"
    assert line_problem.message.startswith("line too large: 1,623 bytes, over the limit of 1,000 bytes")


def test_folder_mode_names_loops_dangling_links_and_unreadable_entries(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD)
    (folder / "sub" / "b.txt").write_text(GOOD)
    (folder / "sub" / "up").symlink_to(folder)  # a loop through a folder
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    (folder / "locked.txt").write_text(GOOD)
    real_stat = os.stat

    def stat(path, *a, **kw):  # tests run as root, which every permission lets through
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_stat(path, *a, **kw)

    monkeypatch.setattr(os, "stat", stat)
    items = read(folder)
    docs, problems = split(items)
    assert [d.origin for d in docs] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    said = {p.where.rsplit("/", 1)[1]: (p.kind, p.message) for p in problems}
    assert said["gone.txt"][0] == "skipped" and "dangling symbolic link" in said["gone.txt"][1]
    assert said["locked.txt"] == ("failed", "cannot read: Permission denied")
    assert said["self.txt"][0] == "warning" and "symbolic link loop" in said["self.txt"][1]
    assert said["up"][0] == "warning" and "loop" in said["up"][1]


def test_a_linked_folder_is_read_once(tmp_path):
    elsewhere, folder = tmp_path / "elsewhere", tmp_path / "docs"
    elsewhere.mkdir(), folder.mkdir()
    (elsewhere / "c.txt").write_text(GOOD)
    (folder / "one").symlink_to(elsewhere)
    (folder / "two").symlink_to(elsewhere)
    docs, (problem,) = split(read(folder))
    assert [d.origin for d in docs] == [str(folder / "one" / "c.txt")]
    assert problem.kind == "warning" and "already read" in problem.message


def test_a_file_name_that_is_not_utf8_becomes_a_printable_storable_origin(tmp_path):
    name = os.fsdecode(b"caf\xe9\x07.txt")
    (tmp_path / name).write_text(GOOD)
    (doc,) = read(tmp_path / name)
    assert doc.id == "caf\\xe9\\x07" and doc.origin.endswith("caf\\xe9\\x07.txt")
    doc.origin.encode("utf-8")


@pytest.mark.parametrize("odd", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x07", "\x00", "\x1b",
                                 "\x7f", "\x85", "\x9f", "\r", "\x0b", "\x0c"])
def test_analysis_text_maps_an_invisible_or_control_character_to_one_space(odd):
    text = f"Russia{odd} and China\n\tmet{odd}{odd}."
    out = analysis_text(text)
    assert out == "Russia  and China\n\tmet  ." and len(out) == len(text)


def test_analysis_text_keeps_everything_else_as_it_is():
    text = "Ministers of Côte d'Ivoire\u00a0and 日本 met\u3000today — “talks”.\n\tNext line\u2028."
    assert analysis_text(text) == text


@pytest.mark.parametrize("odd", ["\u200b", "\x07"])
def test_an_invisible_character_after_a_name_keeps_the_actor_in_the_event(coder, odd):
    def dyads(text):
        return sorted((e.cameo, e.source and e.source.code, e.target and e.target.code)
                      for e in coder(text, "2024-05-20").events)

    plain = dyads("Russia and China signed a trade agreement on Monday.")
    assert plain and dyads(f"Russia{odd} and China signed a trade agreement on Monday.") == plain


def test_a_row_from_a_table_reads_like_a_record():
    from datetime import date
    doc = document_from_record({"id": 3.0, "text": GOOD, "published": date(2024, 5, 20), "title": float("nan"),
                                "source": None}, "part-0:1")
    assert (doc.id, doc.published, doc.title, doc.date_source) == ("3", "2024-05-20", None, "metadata")


@pytest.mark.parametrize("page", ["<div>x" * 20_000, "<div>" * 20_000 + "</span>" * 20_000, "<a " * 20_000,
                                  "<p>" + "<article>" * 20_000 + GOOD])
def test_a_hostile_html_page_is_read_in_linear_time(tmp_path, page):
    import time
    path = tmp_path / "hostile.html"
    path.write_text(page)
    start = time.perf_counter()
    (item,) = read(path)
    assert time.perf_counter() - start < 3  # it was quadratic: a minute for these, hours for megabytes


def test_a_malformed_marked_section_does_not_lose_the_page(tmp_path):
    path = tmp_path / "odd.html"
    path.write_text(f"<html><body><![<![ broken <p>{GOOD}</p></body></html>")
    (doc,) = read(path)
    assert GOOD in doc.text
