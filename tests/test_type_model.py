"""The PLOVER type model: features built the same way everywhere, the shipped weights load and
read sentences written for these tests, and the stage adds an event only where the rules gave none."""
import json
import os
import subprocess
import sys
import zlib

import numpy as np
import pytest

from tacitus.datafiles import data_path
from tacitus.events.typed import generic_codes
from tacitus.events.typemodel import BUCKETS, NONE, TypeModel, feature_strings, featurize
from tacitus.ontology import Cameo


def test_features_are_words_pairs_and_character_ngrams():
    feats = feature_strings("Troops SHELLED it")
    assert "w:troops" in feats and "b:troops shelled" in feats and "b:shelled it" in feats
    assert "c:<tr" in feats and "c:led>" in feats and "c:<shel" in feats
    assert "c:<it>" in feats and not any(f.startswith("c:") and " " in f for f in feats)


def test_featurize_is_deterministic_and_unit_length():
    text = "The ministry froze the assets of three trading firms on Monday."
    bins, values = featurize(text)
    again_bins, again_values = featurize(text)
    assert np.array_equal(bins, again_bins) and np.array_equal(values, again_values)
    assert list(bins) == sorted(set(bins)) and bins.max() < BUCKETS
    assert abs(float((values ** 2).sum()) - 1.0) < 1e-9
    assert zlib.crc32(b"w:froze") % BUCKETS in set(bins.tolist())


def test_featurize_counts_exactly_the_feature_strings():
    """featurize counts word by word, with each word's bins cached; the arrays are those of counting
    feature_strings one by one, to the last bit."""
    import math
    for text in ("The ministry froze the assets of three trading firms on Monday.",
                 "Rebels shelled the town; the town's mayor said rebels shelled it again, and again.",
                 "A", "", "Itâ€™s 2024: officials’ talks ended ... talks ended"):
        counts = {}
        for f in feature_strings(text):
            b = zlib.crc32(f.encode("utf-8")) % BUCKETS
            counts[b] = counts.get(b, 0) + 1
        want_bins = np.array(sorted(counts), dtype=np.int64)
        want = np.array([1.0 + math.log(counts[b]) for b in want_bins], dtype=np.float64)
        norm = float(np.sqrt((want * want).sum()))
        if norm:
            want /= norm
        bins, values = featurize(text)
        assert np.array_equal(bins, want_bins) and np.array_equal(values, want) and bins.dtype == want_bins.dtype


def test_featurize_does_not_depend_on_the_hash_seed():
    code = ("from tacitus.events.typemodel import featurize;"
            "b, v = featurize('Police detained two reporters.'); print(b.tolist(), [round(x, 9) for x in v])")
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout)
    assert len(outs) == 1


@pytest.fixture(scope="module")
def model():
    return TypeModel.load()


def test_the_model_file_loads_with_its_header(model):
    header = json.loads(data_path("type_model.json").read_text(encoding="utf-8"))
    assert model.classes == header["classes"] and NONE in model.classes
    assert model.weights.shape == (len(model.rows), len(model.classes))
    assert 0.0 < model.threshold < 1.0
    assert os.path.getsize(data_path("type_model.npz")) < 5_000_000


@pytest.mark.parametrize("text,expected", [
    ("Warplanes bombed a fuel depot near the port on Sunday, killing four guards.", "ASSAULT"),
    ("The foreign ministers of the two countries spoke by telephone on Tuesday about the dispute.", "CONSULT"),
    ("The relief agency shipped tents, blankets and medicine to families displaced by the floods.", "AID"),
    ("Thousands of workers marched through the capital demanding higher wages.", "PROTEST"),
])
def test_the_model_names_the_type_of_sentences_of_its_kind(model, text, expected):
    label, p = model.predict(text)
    assert label == expected, (label, p)
    assert abs(float(model.probabilities(text).sum()) - 1.0) < 1e-6


def test_a_sentence_with_no_event_is_none(model):
    label, _ = model.predict("The museum on the harbour opens at nine in the morning and closes at six.")
    assert label == NONE


def test_generic_codes_map_back_to_their_type():
    cameo = Cameo()
    codes = generic_codes(cameo)
    assert codes["ASSAULT"] == "180" and codes["CONSULT"] == "040" and codes["AID"] == "070"
    for t, code in codes.items():
        assert cameo[code].plover.type in (t, "RETREAT"), (t, code)


def test_the_stage_types_a_sentence_the_rules_miss_and_leaves_the_rules_alone(coder):
    doc = coder("Japan handed Vietnam fifty tonnes of rice after the floods.", published="2024-03-02")
    assert [(e.source.code[:3], e.target.code[:3], e.evidence.method, e.main) for e in doc.events] == [
        ("JPN", "VNM", "model", True)]
    ev = doc.events[0]
    assert ev.plover.type == "AID" and ev.cameo == "070" and ev.evidence.pattern == "model:AID"
    assert ev.evidence.confidence >= TypeModel.load().threshold and ev.date == "2024-03-02"
    ruled = coder("Russia condemned the United States over its new sanctions.", published="2024-03-02")
    assert ruled.events and all(e.evidence.method != "model" for e in ruled.events)


def test_the_stage_needs_an_actor_named(coder):
    doc = coder("Heavy shelling was reported overnight in several villages near the river.", published="2024-03-02")
    assert not [e for e in doc.events if e.evidence.method == "model"]
