"""Readouts in the styles of other foreign ministries and governments (texts written by the
developers): title-only references ("the Secretary", "the Prime Minister"), datelines in several
forms, and "the two" as the pair of sides."""

STATE = """Secretary Blinken's Call with Ukrainian Foreign Minister Kuleba

WASHINGTON, March 14, 2023 — Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. The Secretary reaffirmed the United States' unwavering support for Ukraine's sovereignty. The two agreed to remain in close contact.
"""

DOWNING = """Prime Minister's meeting with President of Kenya

10 Downing Street, 4 October 2022. The Prime Minister met President William Ruto of Kenya in London today. The leaders agreed to deepen trade and investment ties. The Prime Minister pledged an additional 20 million pounds in humanitarian aid.
"""


def _events(coder, text):
    from tacitus.ingest.readers import finish
    from tacitus.model import Document
    doc = coder.code_batch([finish(Document(id="r", text=text))])[0]
    return doc, [(e.cameo, e.source and e.source.code, e.target and e.target.code, e.date) for e in doc.events]


def test_the_secretary_is_the_secretary_named_before(coder):
    doc, events = _events(coder, STATE)
    assert doc.published == "2023-03-14"
    assert ("051", "USAGOV", "UKR", "2023-03-14") in events, events
    assert ("036", "USAGOV", "UKRGOV", "2023-03-14") in events, events  # "the two agreed to remain in contact"


def test_the_prime_minister_of_a_dateline_from_downing_street(coder):
    doc, events = _events(coder, DOWNING)
    assert doc.published == "2022-10-04"
    assert ("040", "GBRGOV", "KENGOV", "2022-10-04") in events, events
    assert ("0311", "GBRGOV", "KENGOV", "2022-10-04") in events, events  # trade and investment ties
    assert any(c == "0333" and s == "GBRGOV" for c, s, _, _ in events), events
    assert not [e for e in events if e[1] == "KENGOV" and e[2] == "KENGOV"], events
