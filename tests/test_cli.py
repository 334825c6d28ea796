"""The command line, run as a user runs it: a real subprocess."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
READOUT = ROOT / "samples" / "2023-03-21-india-japan-readout.txt"


def tacitus(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tacitus", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT)


@pytest.fixture(scope="module")
def news_run():
    return tacitus("code", str(ROOT / "samples" / "news.jsonl"), "--format", "jsonl")


def test_code_jsonl_prints_one_object_per_document_in_order(news_run):
    assert news_run.returncode == 0, news_run.stderr
    docs = [json.loads(line) for line in news_run.stdout.splitlines()]
    ids = [json.loads(line)["id"] for line in (ROOT / "samples" / "news.jsonl").read_text().splitlines()]
    assert [d["id"] for d in docs] == ids
    events = [e for d in docs for e in d["events"]]
    assert len(events) > 20
    for e in events:
        assert e["cameo"] and e["plover"]["type"] is not None or e["cameo"] == "010"
        assert {"sentence", "start", "end", "text", "trigger"} <= set(e["evidence"])
        assert e["quad_class"] in (1, 2, 3, 4)
    assert "40 coded, 0 skipped, 0 failed" in news_run.stderr


def test_code_tsv_has_header_and_icews_columns():
    run = tacitus("code", str(READOUT), "--format", "tsv")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:7] == ["event_id", "event_date", "source_name", "source_sectors", "source_country",
                          "event_text", "cameo_code"]
    assert len(lines) > 5 and all(len(line.split("\t")) == len(header) for line in lines)


def test_code_table_is_readable():
    run = tacitus("code", str(READOUT), "--format", "table")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("2023-03-21-india-japan-readout  (2023-03-21, from dateline)")


def test_code_reads_stdin_with_a_default_date():
    run = tacitus("code", "-", "--published", "2024-05-20",
                  stdin="Russia and China signed an energy agreement on Monday.\n")
    assert run.returncode == 0, run.stderr
    (doc,) = [json.loads(line) for line in run.stdout.splitlines()]
    signed = [e for e in doc["events"] if e["cameo"] == "057"]
    assert signed and signed[0]["date"] == "2024-05-20"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("On May 4, 2021, Chile and Peru signed a trade agreement.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\xff\x00")
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": "x", "text": "Peru praised Chile."}\n{oops\n')
    run = tacitus("code", str(empty), str(good), str(binary), str(bad_jsonl))
    assert run.returncode == 1
    docs = [json.loads(line) for line in run.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["good", "x"]
    err = run.stderr.splitlines()
    assert any(str(empty) in line and "empty" in line for line in err)
    assert any(str(binary) in line and "binary" in line for line in err)
    assert any(f"{bad_jsonl}:2" in line and "malformed JSON" in line for line in err)
    assert "2 coded, 1 skipped, 2 failed" in run.stderr


def test_bad_date_option_is_a_usage_error():
    run = tacitus("code", "-", "--published", "yesterday", stdin="x")
    assert run.returncode == 2 and "not a date" in run.stderr


def test_help_has_a_runnable_example():
    run = tacitus("code", "--help")
    assert run.returncode == 0 and "tacitus code samples/" in run.stdout


def test_output_is_the_same_whatever_the_number_of_workers(news_run):
    pooled = tacitus("code", str(ROOT / "samples" / "news.jsonl"), "--format", "jsonl", "--workers", "2")
    assert pooled.returncode == 0, pooled.stderr
    assert pooled.stdout == news_run.stdout


@pytest.mark.parametrize("argv", [["--debug", "code", "-", "--published", "nope"],
                                  ["code", "-", "--published", "nope", "--debug"]])
def test_debug_shows_the_traceback_before_or_after_the_verb(argv):
    run = tacitus(*argv, stdin="x")
    assert run.returncode != 0 and "Traceback" in run.stderr and "not a date" in run.stderr


@pytest.mark.parametrize("verb", ["code", "ingest", "cluster-code"])
def test_workers_means_the_same_in_every_verb(verb):
    run = tacitus(verb, "--help")
    words = " ".join(run.stdout.split())  # argparse wraps the help where it likes
    assert run.returncode == 0 and "--workers N" in words and "default 0, auto: one per core" in words


def test_events_main_lists_one_event_per_sentence(tmp_path):
    db = str(tmp_path / "main.duckdb")
    assert tacitus("ingest", str(READOUT), "--db", db).returncode == 0
    listed = tacitus("events", "--db", db, "--format", "jsonl", "--limit", "1000")
    every = [json.loads(line) for line in listed.stdout.splitlines()]
    run = tacitus("events", "--db", db, "--main", "--format", "jsonl", "--limit", "1000")
    assert run.returncode == 0, run.stderr
    mains = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(mains) == len({e["evidence"]["sentence"] for e in every}) < len(every)
    assert all(e["main"] for e in mains)
