"""The CAMEO table and the coder's properties of each code (data/cameo.tsv)."""
import pytest

from tacitus.errors import DataFileError
from tacitus.ontology import Cameo


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


def _table(tmp_path, **values):
    """A one-row cameo.tsv (code 040) with these columns set."""
    row = dict.fromkeys(Cameo.COLUMNS, "")
    row.update(code="040", name="Consult", goldstein="1", quad_class="1", plover_type="CONSULT", **values)
    path = tmp_path / "cameo.tsv"
    path.write_text("\t".join(Cameo.COLUMNS) + "\n" + "\t".join(row[c] for c in Cameo.COLUMNS) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("column, value, message", [
    ("reciprocal", "true", "reciprocal must be 'yes'"),
    ("by_weapon", "1", "by_weapon must be 'yes'"),
    ("generic_for", "negate", "generic_for must be one of"),
    ("reform", "economy", "reform must be one of"),
    ("condition_target", "always", "condition_target must be one of"),
    ("protective", "seventy", "protective must be a CAMEO code"),
    ("fallback_preps", "From", "fallback_preps must be lowercase words"),
])
def test_bad_values_name_file_and_line(tmp_path, column, value, message):
    with pytest.raises(DataFileError, match=message) as err:
        Cameo(_table(tmp_path, **{column: value}))
    assert ":2" in str(err.value)


@pytest.mark.parametrize("values, message", [
    ({"protective": "074"}, "protective code '074' does not exist"),
    ({"by_reform": "yes"}, "by_reform needs a subcode"),
    ({}, "no generic code for the frames"),
])
def test_references_between_codes_are_checked(tmp_path, values, message):
    with pytest.raises(DataFileError, match=message):
        Cameo(_table(tmp_path, **values))


@pytest.mark.parametrize("code, column, value", [
    ("030", "generic_for", "intent"), ("120", "generic_for", "reject"), ("122", "generic_for", None),
    ("150", "protective", "074"), ("074", "protective", None),
    ("1823", "by_weapon", True), ("1831", "by_weapon", False),
    ("143", "by_reform", True), ("140", "by_reform", False), ("1431", "by_reform", False),
    ("1042", "reform", "policy"), ("104", "reform", "policy"), ("0831", "reform", "leadership"),
    ("083", "reform", None), ("1454", "reform", "institutions"),
    ("138", "condition_target", "replaces"), ("0231", "condition_target", "fallback"),
    ("040", "condition_target", None),
    ("112", "doer_target", True), ("121", "doer_target", True), ("130", "doer_target", False),
    ("173", "fallback_preps", ("from",)), ("105", "fallback_preps", ("by", "from")), ("040", "fallback_preps", ()),
])
def test_event_coder_columns(cameo, code, column, value):
    assert getattr(cameo[code], column) == value


def test_generic_codes_and_reform_subcodes(cameo):
    assert cameo.generic_code("threaten") == "130"
    assert cameo.subcode("142", "rights") == "1423"
    assert cameo.subcode("140", "rights") is None


@pytest.mark.parametrize("code, kind", [("010", "statement"), ("0311", "intent"), ("042", "consultation"),
                                        ("1211", "rejection"), ("145", "protest")])
def test_kinds_of_act_by_root(cameo, code, kind):
    kinds = ("statement", "intent", "consultation", "rejection", "protest")
    assert [k for k in kinds if getattr(cameo[code], k)] == [kind]
