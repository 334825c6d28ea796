"""time/dateline.py: the dateline's date fills a document's missing date on the way in, and its
place gives the coder a readout's own side; the coder itself imports nothing from ingest/."""
import subprocess
import sys
from pathlib import Path

from tacitus.model import Document
from tacitus.time.dateline import dateline_place, read_dateline

ROOT = Path(__file__).resolve().parent.parent


def test_the_dateline_fills_a_missing_date():
    doc = read_dateline(Document("d", "MOSCOW, February 3, 2022 (TASS) - The talks went well."))
    assert (doc.published, doc.date_source, doc.warnings) == ("2022-02-03", "dateline", [])
    kept = read_dateline(Document("d", "MOSCOW, February 3, 2022 - Talks.", published="2021-01-01"))
    assert (kept.published, kept.date_source) == ("2021-01-01", "metadata")
    none = read_dateline(Document("d", "The talks went well."))
    assert none.published is None and none.warnings


def test_the_datelines_place():
    assert dateline_place("WASHINGTON, March 14 — The Secretary met ...") == "WASHINGTON"
    assert dateline_place("10 Downing Street, 4 October 2022.\nThe Prime Minister spoke ...") == "10 Downing Street"
    assert dateline_place("The Secretary met the minister on Monday.") is None


def test_raw_text_is_dated_by_its_dateline(coder):
    doc = coder("BEIJING, Feb. 3, 2022 (Xinhua) -- China praised Russia on Monday.")
    assert (doc.published, doc.date_source) == ("2022-02-03", "dateline")
    assert doc.events and doc.events[0].date == "2022-01-31"


def test_the_coder_imports_nothing_from_ingest():
    code = "import sys, tacitus.pipeline; print([m for m in sys.modules if m.startswith('tacitus.ingest')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
