"""A readout's bare titles are its own government's office-holders, and wire datelines are cut from
the sentence they open: rules that need a document of several lines (headings, a dateline)."""
from tacitus.model import Document
from tacitus.time.dateline import dateline_date, dateline_place, lead_in_end


def _coded(coder, text, published="2021-04-20"):
    [doc] = coder.code_batch([Document(id="t", text=text, published=published)])
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code, e.evidence.sentence)
            for e in doc.events]


def test_wire_lead_ins_are_cut_and_read():
    for text, place in [("BEIRUT, March 3 (Reuters) - Troops fired.", "BEIRUT"),
                        ("KHARTOUM (AP) — Rebels attacked.", "KHARTOUM"),
                        ("Hanoi, 12 July 2006 — Vietnam signed.", "Hanoi")]:
        assert lead_in_end(text) > 0, text
        assert dateline_place(text) == place
    # a readout's own lead-in and a dash inside a sentence are no dateline
    assert lead_in_end("On 12 July 2006, Premier Wen held talks with him.") == 0
    assert lead_in_end("Russia — the country that hosted the talks — said no.") == 0
    # the dateline's date is the document's date, in the year the text names
    assert str(dateline_date("Beirut, March 3 (Reuters) - In 2007, X did.")[0]) == "2007-03-03"
    assert dateline_date("BEIRUT, March 3 (Reuters) - X did.")[0] is None


def test_dateline_place_is_the_documents_place(coder):
    events = _coded(coder, "MOGADISHU (Reuters) - Gunmen attacked a police station on Sunday, residents said.")
    assert [(c, s, t) for c, s, t, _ in events] == [("190", "SOMUAF", "SOMCOP")]


def test_bare_title_is_the_readout_offices_country(coder):
    text = ("Readout of the President's call with Prime Minister Tanaka of Japan\n"
            "The White House\n"
            "The President spoke today with Prime Minister Tanaka of Japan. The President praised "
            "Japan's support for the relief effort.\n")
    events = _coded(coder, text)
    assert ("041", "USAGOV", "JPNGOV") in {(c, s, t) for c, s, t, _ in events}
    assert all("JPNGOV" != s or t != "JPNGOV" for _, s, t, _ in events)
    # "The President" is never Japan's: no event has Japan's government as the praiser
    assert not [e for e in events if e[0].startswith("05") and e[1] == "JPNGOV"]


def test_bare_title_never_takes_a_country_without_that_office(coder):
    # a "President" is no office of the UK's government, nor a "Prime Minister" of the US's
    text = ("Readout of the Prime Minister's meeting\n"
            "Office of the Press Secretary\n"
            "The President met Prime Minister Harcourt of the United Kingdom at the White House today. "
            "The two leaders discussed trade.\n")
    events = _coded(coder, text)
    sources = {s for c, s, t, _ in events if c.startswith("04")}
    assert "USAGOV" in sources and "GBRGOV" in sources
    assert not [e for e in events if e[1] == e[2]]


def test_readout_we_is_its_own_government(coder):
    text = ("Ministry of Foreign Affairs\n"
            "BEIJING, April 20 — We firmly oppose the sanctions the United States imposed on "
            "Chinese firms, the spokesperson said.\n")
    events = _coded(coder, text)
    assert [e for e in events if e[1] == "CHNGOV" and e[2] and e[2].startswith("USA")], events


def test_bare_title_without_readout_or_home_keeps_the_sentences_country(coder):
    events = _coded(coder, "Kenyan officials said the President met opposition leaders on Monday.")
    assert all(s != "GBRGOV" for _, s, _, _ in events)


def test_readout_sides_discuss_a_summit_with_each_other(coder):
    text = ("Readout of the Prime Minister's call with President Okafor of Nigeria\n"
            "10 Downing Street\n"
            "The Prime Minister spoke to President Okafor of Nigeria this afternoon. "
            "The two leaders discussed preparations for the Commonwealth summit in Kigali.\n")
    events = _coded(coder, text)
    talks = {(s, t) for c, s, t, n in events if c == "040" and n == 3}
    assert talks == {("GBRGOV", "NGAGOV"), ("NGAGOV", "GBRGOV")}, events
