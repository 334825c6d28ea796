"""An archive of good records with bad ones at random positions, for the tests that every path
(ingest, the CLI, Dask) codes each good record and names each bad one by its file and line."""
import json
import random

GOOD = "Chile and Peru signed a trade agreement on Monday, item {}."
MARKER = "EXPLODE"  # a text the coder falls over on (a bug in a stage, simulated)
MAX_BYTES = 3000
# (kind, the line, how the report names it): "failed" and "skipped" records are stored as failed;
# "warning" ones are repaired and coded
BAD = [
    ("failed", b'{"id": "broken", "text": ', "malformed JSON"),
    ("failed", b'{"id": "latin1", "text": "caf\xe9 talks"}', "not UTF-8: byte 0xe9"),
    ("failed", b"[1, 2]", "each line must be a JSON object"),
    ("failed", b'{"id": {"x": 1}, "text": "Chile met Peru."}', "'id' must be a string or an integer"),
    ("failed", b'{"id": "t", "text": "Chile met Peru.", "title": {"x": 1}}', "'title' must be a string or null"),
    ("failed", b'{"id": "n", "text": 7}', "'text' must be a string, not the number 7"),
    ("failed", b'{"id": "huge", "text": "' + b"x" * 5000 + b'"}', "line too large"),
    ("failed", b'{"id": "deep", "text": ' + b"[" * 1400 + b"]" * 1400 + b"}", "malformed JSON"),
    ("skipped", b'{"id": "blank", "text": "\\u200b\\u00a0 "}', "has empty text"),
    ("warning", b'{"id": "surrogate", "text": "Chile praised Peru. \\ud800", "published": "2021-03-01"}',
     "replaced by U+FFFD"),
    ("warning", b'{"id": "nul", "text": "Chile praised Pe\\u0000ru.", "published": "2021-03-01"}',
     "replaced by U+FFFD"),
]


def record(**fields):
    return json.dumps({**fields, "published": "2021-03-01"}).encode()


def archive(folder, n_good=60, seed=15, coder_falls=False):
    """A JSON-lines file of good records with the bad ones (and blank lines) at random positions;
    returns its path, {good id: line}, and [(kind, line, reason)] for the bad ones."""
    rng = random.Random(seed)
    rows = [(None, record(id=f"g{i}", text=GOOD.format(i))) for i in range(n_good)]
    rows.insert(rng.randrange(len(rows)), (None, record(text=GOOD.format("without id"))))
    bad = BAD + ([("failed", record(id="boom", text=f"{GOOD} {MARKER}"), "a stage fell over")] if coder_falls else [])
    for entry in bad + [("blank", b"", None), ("blank", b"   ", None)]:
        rows.insert(rng.randrange(len(rows) + 1), (entry, entry[1]))
    path = folder / "archive.jsonl"
    path.write_bytes(b"\n".join(line for _, line in rows) + b"\n")
    good = {json.loads(line).get("id", f"archive-{n}"): n for n, (e, line) in enumerate(rows, 1) if e is None}
    return path, good, [(e[0], n, e[2]) for n, (e, _) in enumerate(rows, 1) if e and e[0] != "blank"]


def check_report(problems, path, bad):
    """One line per bad record, naming its file and line, and none for anything else."""
    for kind, line, reason in bad:
        named = [p for p in problems if f"{path}:{line}: " in p]
        assert len(named) == 1 and named[0].startswith(f"{kind}: ") and reason in named[0], (line, named)
    assert len(problems) == len(bad), problems
