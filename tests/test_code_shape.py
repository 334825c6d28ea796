"""The shape the restructured core keeps: small functions and modules, and the linguistics in data
files, not in Python word lists (docs/architecture.md says where each kind of rule goes)."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tacitus"
MAX_FUNCTION, MAX_MODULE, MAX_WORD_LISTS = 60, 400, 10


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE}
    assert not long


def test_no_function_is_over_60_lines():
    long = [f"{p.relative_to(PACKAGE)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for p in modules() for node in ast.walk(ast.parse(p.read_text()))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION]
    assert not long


def word_lists(tree):
    """Module-level names bound to a literal set, list or tuple of three or more lowercase words,
    most of them English function words (spaCy's stop words) or words of the lexicon's classes:
    words the code compares text with. Lists of formats, field names, dependency labels or frame
    names are not word lists."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from tacitus.lexicon import Lexicon
    lexicon = Lexicon()
    english = STOP_WORDS | {w for word_class in lexicon for w in word_class}
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("frozenset", "set", "tuple") \
                and value.args:
            value = value.args[0]
        if isinstance(value, (ast.Set, ast.List, ast.Tuple)) and len(value.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha() and e.value.islower()
                for e in value.elts) and 2 * sum(e.value in english for e in value.elts) >= len(value.elts):
            yield node


def test_at_most_ten_word_lists_remain_in_python():
    found = [f"{p.relative_to(PACKAGE)}:{n.lineno}" for p in modules() for n in word_lists(ast.parse(p.read_text()))]
    assert len(found) <= MAX_WORD_LISTS, found


def test_the_word_list_check_sees_a_word_list():
    tree = ast.parse('PREPS = {"in", "at", "near"}\nCODES = ("GOV", "MIL", "REB")\nFORMATS = ("csv", "tsv", "table")\n')
    assert [n.lineno for n in word_lists(tree)] == [1]
