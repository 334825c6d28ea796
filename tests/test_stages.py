"""The stage chain is checked once, at load: reads after writes, one writer per field, real fields."""
import pytest

from tacitus.stages import Stage, StageError, check_stages


def stage(name, level="sentence", requires=(), assigns=()):
    return type(name.title(), (Stage,), {"name": name, "level": level, "requires": requires, "assigns": assigns})()


def test_a_chain_in_order_passes():
    check_stages([stage("split", "batch", ("document.document",), ("document.sentences",)),
                  stage("tokens", "batch", ("document.sentences",), ("sentence.tokens",))])


@pytest.mark.parametrize("chain, message", [
    ([stage("tokens", "batch", ("sentence.words",), ("sentence.tokens",))], "no earlier stage assigns"),
    ([stage("a", assigns=("sentence.tokens",)), stage("b", assigns=("sentence.tokens",))], "already assigned"),
    ([stage("a", assigns=("sentence.nonsense",))], "no field of the working state"),
    ([stage("a"), stage("a")], "unique name"),
    ([stage("a", level="paragraph")], "level must be"),
])
def test_a_broken_chain_is_refused(chain, message):
    with pytest.raises(StageError, match=message):
        check_stages(chain)
