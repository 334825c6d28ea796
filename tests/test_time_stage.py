"""time/stage.py: each event's date and status against it, the planned act, place and topics."""
from datetime import date

import pytest
from spacy.tokens import Doc
from stage_helpers import run_until, stage_named

from tacitus.time.stage import dated_status

DAY = date(2022, 2, 3)


@pytest.mark.parametrize("status, when, precision, expected", [
    ("occurred", date(2020, 1, 5), "day", ("historical", date(2020, 1, 5), "day")),  # long before the report
    ("occurred", None, None, ("occurred", DAY, "day")),  # no date of its own: the report's day
    ("occurred", date(2022, 1, 1), "year", ("occurred", DAY, "day")),  # "this year"
    ("occurred", date(2021, 3, 1), "month", ("occurred", date(2021, 3, 1), "month")),  # "last March"
    ("planned", None, None, ("planned", None, None)),  # a plan keeps its unknown date
    ("planned", date(2022, 2, 7), "day", ("planned", date(2022, 2, 7), "day")),
])
def test_status_against_the_date(status, when, precision, expected):
    assert dated_status(status, when, precision, DAY) == expected


def test_events_get_dates_places_topics_and_the_speaker(coder):
    text = "Foreign Minister Wang Yi said China will host Russia in Beijing next week for trade talks."
    [doc] = run_until(coder, "circumstances", text)
    events = [e for s in doc.sentences for e in s.events]
    assert events
    ev = events[0]
    assert ev.speaker is not None and ev.speaker.code == "CHNGOV"
    # the statement of intent is dated by the report; the act it announces by its own words
    assert (ev.cameo, ev.status, ev.date, ev.place) == ("036", "occurred", "2022-02-03", "Beijing")
    assert ev.planned == {"cameo": "043", "name": "Host a visit", "date": "2022-02-10"}
    assert "trade" in ev.topics


def test_an_act_last_week_is_dated_to_it(coder):
    [doc] = run_until(coder, "circumstances", "China and Russia held trade talks in Beijing last week.")
    assert {e.date for s in doc.sentences for e in s.events} == {"2022-01-27"}


def test_the_place_is_a_name_not_a_date(coder):
    # "met in May" (a date) and "met in Geneva" (a place), built by hand
    circumstances = stage_named(coder, "circumstances")
    for word, pos, expected in (("Geneva", "PROPN", "Geneva"), ("May", "PROPN", None), ("haste", "NOUN", None)):
        doc = Doc(coder.nlp.vocab, words=["They", "met", "in", word], heads=[1, 1, 1, 2],
                  deps=["nsubj", "ROOT", "prep", "pobj"], pos=["PRON", "VERB", "ADP", pos])
        assert circumstances.place(doc[1]) == expected
