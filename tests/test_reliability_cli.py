"""The command line on odd input: every good document printed or stored, one line per error, and
exit statuses that tell bad input (1), nothing run (2) and a bug (3) apart."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.cli import events as events_cmd
from tacitus.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent


def tacitus(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "tacitus", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT)


@pytest.fixture(scope="module")
def odd_archive(tmp_path_factory):
    """Good records with, between them, a lone surrogate and a NUL in the text (JSON escapes)."""
    path = tmp_path_factory.mktemp("odd") / "archive.jsonl"
    lines = []
    for i in range(12):
        lines.append(json.dumps({"id": f"good-{i}", "text": f"Chile praised Peru on Monday, note {i}.",
                                 "published": "2021-03-01"}))
        if i == 3:
            lines.append('{"id": "surrogate", "text": "Chile praised Peru. \\ud800", "published": "2021-03-01"}')
        if i == 7:
            lines.append('{"id": "nul", "text": "Chile praised Pe\\u0000ru.", "published": "2021-03-01"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_code_prints_every_good_document_around_bad_records(odd_archive):
    run = tacitus("code", str(odd_archive), "--workers", "1")
    docs = [json.loads(line) for line in run.stdout.splitlines()]
    assert {f"good-{i}" for i in range(12)} <= {d["id"] for d in docs}, run.stderr
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr


def test_ingest_stores_every_good_document_around_bad_records(odd_archive, tmp_path):
    db = str(tmp_path / "events.duckdb")
    run = tacitus("ingest", str(odd_archive), "--db", db, "--workers", "1")
    # the reader replaces a lone surrogate and a NUL by U+FFFD, says so with file:line, and codes on
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "archive.jsonl:5" in run.stderr and "archive.jsonl:10" in run.stderr
    listed = tacitus("serve", "--db", db, "--get", "/api/documents?status=coded&limit=100")
    coded = {d["id"] for d in json.loads(listed.stdout)["items"]}
    assert {f"good-{i}" for i in range(12)} | {"surrogate", "nul"} <= coded
    failed = json.loads(tacitus("serve", "--db", db, "--get", "/api/documents?status=failed").stdout)["items"]
    assert failed == []


def test_an_internal_error_has_its_own_exit_status(monkeypatch, capsys):
    def broken(args):
        raise KeyError("a bug")

    monkeypatch.setattr(events_cmd, "run", broken)
    assert cli.main(["events", "--db", ":memory:"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tacitus: internal error: KeyError")


@pytest.mark.parametrize("verb", ["code", "ingest", "events", "export", "serve"])
def test_every_verb_documents_its_exit_statuses(verb):
    text = tacitus(verb, "--help").stdout
    assert "exit status:" in text and "3 internal error" in text


@pytest.mark.parametrize("option", [["--offset", "-1"], ["--limit", "-5"], ["--limit", "ten"]])
def test_negative_or_non_numeric_paging_is_a_one_line_usage_error(option, tmp_path):
    run = tacitus("events", "--db", str(tmp_path / "none.duckdb"), *option)
    assert run.returncode == 2 and run.stdout == ""
    assert "SELECT" not in run.stderr and "Binder" not in run.stderr and option[0] in run.stderr


def test_export_into_a_missing_folder_is_one_clear_line(tmp_path):
    db = str(tmp_path / "events.duckdb")
    assert tacitus("ingest", str(ROOT / "samples" / "news.jsonl"), "--db", db, "--workers", "1").returncode == 0
    run = tacitus("export", str(tmp_path / "missing" / "out.csv"), "--format", "csv", "--db", db)
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 1 and "does not exist" in lines[0] and "Traceback" not in run.stderr


@pytest.mark.parametrize("option", ["--actor", "--dyad", "--text", "--document"])
def test_a_nul_in_a_filter_is_a_one_line_usage_error_on_either_database(store_url, option, capsys):
    from tacitus.store import Store
    Store(store_url).close()  # migrated: only the value can be at fault
    values = ["CHN", "A\x00B"] if option == "--dyad" else ["A\x00B"]
    assert cli.main(["events", "--db", store_url, option, *values]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and "holds a NUL character, U+0000 at position 2" in lines[0]
    assert "DataError" not in err and "Traceback" not in err


def test_bytes_that_are_not_utf8_in_an_argument_are_a_one_line_usage_error(store_url):
    from tacitus.store import Store
    Store(store_url).close()
    # the shell passes the bytes on; Python makes each a lone surrogate (U+DCFF for 0xff)
    run = subprocess.run([sys.executable, "-m", "tacitus", "events", "--db", store_url, "--actor", b"CHN\xff"],
                         capture_output=True, cwd=ROOT)
    err = run.stderr.decode("utf-8", "replace").strip().splitlines()
    assert run.returncode == 2 and run.stdout == b"" and len(err) == 1, err
    assert "filter actor holds a lone surrogate" in err[0] and "U+DCFF at position 4" in err[0]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_stores_every_good_record_around_bad_ones_at_random_positions(store_url, tmp_path, workers):
    from bad_records import MAX_BYTES, archive, check_report
    from tacitus.store import Store
    path, good, bad = archive(tmp_path, seed=int(workers))
    run = tacitus("ingest", str(path), "--db", store_url, "--workers", workers, "--max-bytes", str(MAX_BYTES))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    check_report([line.removeprefix("tacitus: ") for line in run.stderr.splitlines() if f"{path}:" in line], path, bad)
    with Store(store_url) as store:
        coded = {d["id"] for d in store.documents(status="coded", limit=1000)}
        failed = store.documents(status="failed", limit=1000)
    assert coded == set(good) | {"surrogate", "nul"}
    assert sorted(d["origin"] for d in failed) == sorted(f"{path}:{n}" for kind, n, _ in bad if kind != "warning")
