"""The CAMEO table and the coder's properties of each code (data/cameo.tsv)."""
import pytest

from tacitus.errors import DataFileError
from tacitus.ontology import Cameo, FLAGS


@pytest.fixture(scope="module")
def cameo():
    return Cameo()


@pytest.mark.parametrize("code, flag, value", [
    ("040", "reciprocal", True), ("0311", "reciprocal", True), ("042", "reciprocal", False),
    ("057", "reciprocal", True), ("120", "reciprocal", False),
    ("036", "joint", True), ("090", "joint", False),
    ("043", "needs_partner", True), ("042", "needs_partner", False),
    ("172", "domestic", True), ("0351", "domestic", True), ("171", "domestic", False),
    ("042", "locative", True), ("046", "locative", False), ("190", "locative", True),
    ("190", "aimed", True), ("160", "aimed", False),
    ("057", "bilateral", True), ("019", "bilateral", True), ("060", "bilateral", False),
])
def test_code_properties(cameo, code, flag, value):
    assert getattr(cameo[code], flag) is value


@pytest.mark.parametrize("code, frame", [("057", "intent"), ("138", None), ("145", "threaten"), ("190", "threaten"),
                                         ("036", None), ("020", None)])
def test_announced_as(cameo, code, frame):
    assert cameo[code].announced_as == frame


def test_cooperative_is_quad_class(cameo):
    assert all(c.cooperative == (c.root < "09") for c in cameo)


def test_flags_must_be_yes_or_empty(tmp_path):
    lines = Cameo.COLUMNS
    row = ["040", "Consult", "1", "1", "CONSULT", "", "", *["" for _ in FLAGS], ""]
    row[7] = "true"
    path = tmp_path / "cameo.tsv"
    path.write_text("\t".join(lines) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="reciprocal must be 'yes'") as err:
        Cameo(path)
    assert ":2" in str(err.value)
