from datetime import date

import pytest

from tacitus.time.dateline import dateline_date
from tacitus.time.dates import parse_date_text


@pytest.mark.parametrize("text,expected", [
    ("On February 3, 2022, State Councilor Wang Yi met ...", date(2022, 2, 3)),
    ("BEIJING, Feb. 3 (Xinhua) -- In 2022 the two sides ...", date(2022, 2, 3)),
    ("NEW DELHI (Sputnik - 10th September, 2020) - India and China ...", date(2020, 9, 10)),
    ("A title line\nMOSCOW, February 3, 2022 (TASS) - talks", date(2022, 2, 3)),
    ("on 3 March 2021 the ministers met", date(2021, 3, 3)),
])
def test_dateline_gives_the_document_date(text, expected):
    assert dateline_date(text)[0] == expected


def test_dateline_without_a_year_anywhere_stays_unknown():
    assert dateline_date("BEIJING, Feb. 3 (Xinhua) -- The ministers met.")[0] is None


@pytest.mark.parametrize("text,expected", [
    ("June 27-28", date(2022, 6, 27)),
    ("3 February 2022", date(2022, 2, 3)),
    ("Dec 30", date(2021, 12, 30)),  # a past report: not seven months ahead
    ("2022-02-03", date(2022, 2, 3)),
])
def test_explicit_dates_resolve_against_the_document_date(text, expected):
    assert parse_date_text(text, date(2022, 6, 1)) == expected


def test_dateline_with_a_time_of_day():
    assert dateline_date("On the afternoon of April 26, 2022, President Xi Jinping had a phone call.")[0] == date(2022, 4, 26)


def test_a_readout_signed_off_with_its_date():
    assert dateline_date("Talks in Moscow\n\nThe ministers met.\n\nMoscow\nMarch 21, 2023\n")[0] == date(2023, 3, 21)
