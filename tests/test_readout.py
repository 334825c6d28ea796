"""The mission's readout, checked by ../shared/readouts/check.py exactly as the CEO runs it."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readout_check_passes_every_line(shared):
    check = shared / "readouts" / "check.py"
    expected = shared / "readouts" / "2022-02-03-wang-yi-lavrov.expected.json"
    run = subprocess.run([sys.executable, str(check), str(expected), "--run",
                          f"{sys.executable} -m tacitus code --format jsonl"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    # the checker's last line is "N passed, M failed": nothing checked is no pass
    tally = re.fullmatch(r"(\d+) passed, (\d+) failed", run.stdout.strip().splitlines()[-1])
    assert tally and int(tally[1]) > 0 and tally[2] == "0", run.stdout
