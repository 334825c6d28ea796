"""Documentation is tested: every verb is in the README with an example, and has help with one."""
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.cli.main import VERBS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_every_verb_is_documented_with_an_example(verb):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"tacitus {verb} " in readme, verb
    module = VERBS[verb]
    assert module.HELP and f"tacitus {verb}" in module.EXAMPLE


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_every_verb_has_help(verb):
    run = subprocess.run([sys.executable, "-m", "tacitus", verb, "--help"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "examples:" in run.stdout


def test_the_readme_says_what_workers_means():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "`--workers N` runs N coding processes; the default, 0 (auto), uses one per core" in readme
    assert "whatever `--workers` says" in readme
