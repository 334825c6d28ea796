"""Hypothesis profiles for the property-based suites: "ci" (the default) and "long" (ten times the
examples, HYPOTHESIS_PROFILE=long). Both are deterministic (derandomize: the same cases on every
run and every machine, so a failure in CI is a failure here) and keep no example database, so a
run leaves nothing in the tree. Suites apply `profile()` to each test instead of loading a profile
for the whole session, so other suites keep their own settings."""
import os

import pytest
from hypothesis import HealthCheck, settings

CI_EXAMPLES = 300

settings.register_profile("ci", max_examples=CI_EXAMPLES, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=10 * CI_EXAMPLES)


def profile(scale: float = 1.0) -> settings:
    """The selected profile's settings, with `scale` times its examples (for a suite whose single
    case costs more, or less, than the others')."""
    chosen = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
    return settings(chosen, max_examples=max(1, round(chosen.max_examples * scale)))


def report_cases(cases, suites, record_property, what: str, at_least: int):
    """The last test of a module of suites: how many cases they generated (recorded as the test's
    `hypothesis_cases` property, and printed for docs/ with -s); skipped unless every suite ran."""
    missing = [s for s in suites if not cases[s]]
    if missing:
        pytest.skip(f"run the whole module to count its cases ({', '.join(missing)} did not run)")
    total = sum(cases.values())
    record_property("hypothesis_cases", total)
    print(f"\nhypothesis: {total:,} generated {what}: {dict(cases)}")
    assert total >= at_least
