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


MOFA = """Japan-Philippines Foreign Ministers' Meeting

On November 3, 2023, Minister for Foreign Affairs Kamikawa Yoko held a meeting with Philippine Secretary of Foreign Affairs Enrique Manalo in Manila. Secretary Manalo stated that the Philippines would continue to cooperate closely with Japan. Both ministers confirmed that they will continue to work together. Minister Kamikawa announced that Japan will provide patrol boats to the Philippine Coast Guard.
"""

MID = """Press release on Foreign Minister Sergey Lavrov's talks with Foreign Minister of Iran Hossein Amir-Abdollahian

Moscow, 29 March 2023

The Russian side reaffirmed its opposition to unilateral sanctions imposed by the United States.
"""


def test_stated_continuations_are_intents(coder):
    doc, events = _events(coder, MOFA)
    codes = {(c, s[:3] if s else None, t[:3] if t else None) for c, s, t, _ in events}
    assert ("031", "PHL", "JPN") in codes, events  # "would continue to cooperate", said: an intent
    assert ("031", "JPN", "PHL") in codes, events  # "will continue to work together"
    assert any(c.startswith("03") and s and s.startswith("JPN") and t and t.startswith("PHL")
               for c, s, t, _ in events if c in ("033", "0332", "030")), events  # patrol boats


def test_opposition_to_something_is_disapproval(coder):
    doc, events = _events(coder, MID)
    assert doc.published == "2023-03-29"
    assert ("110", "RUS", "USA", "2023-03-29") in [(c, s[:3], t[:3], d) for c, s, t, d in events if s and t], events
