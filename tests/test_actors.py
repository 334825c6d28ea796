"""Actors: dictionaries, office-holders by date, sectors, and document context."""
import pytest

from conftest import find


def actors_of_first_event(coder, text, published="2022-02-03"):
    doc = coder(text, published=published)
    assert doc.events, text
    return doc.events[0]


@pytest.mark.parametrize("text,published,source,target", [
    ("Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing.", "2022-02-03", "RUSGOV", "CHNGOV"),
    ("Moscow warned Kyiv against joining the alliance.", "2022-02-03", "RUSGOV", "UKRGOV"),
    ("Iraqi police arrested three Syrian rebels near the border.", "2022-02-03", "IRQCOP", "SYRREB"),
    ("Ukrainian lawmakers criticized the Hungarian government.", "2022-02-03", "UKRLEG", "HUNGOV"),
    ("NATO condemned the missile test by North Korea.", "2022-02-03", "IGOWSTNAT", "PRK"),
    # wire-style sentences
    ("Iraq's national security advisor met the Iranian ambassador in Baghdad on Sunday.", "2021-03-03", "IRQGOV", "IRNGOV"),
    ("Syrian rebels attacked an army checkpoint near Hama.", "2021-03-03", "SYRREB", "SYRMIL"),
    ("Interpol arrested two suspects in Madrid.", "2021-03-03", "IGO", "ESP"),
    ("The Syrian Observatory for Human Rights accused government forces of shelling the town.", "2021-03-03",
     "NGOSYR", "SYR"),
    ("Congress criticized the administration's policy on China.", "2021-03-03", "USALEG", "USAGOV"),
])
def test_actor_codes_from_names_titles_sectors_and_capitals(coder, text, published, source, target):
    doc = coder(text, published=published)
    pairs = [(e.source.code if e.source else "", e.target.code if e.target else "") for e in doc.events]
    assert any(s.startswith(source) and t.startswith(target) for s, t in pairs), pairs


def test_office_holders_are_dated(coder):
    # Lavrov became foreign minister in 2004: in 2002 he was not one (he was the UN ambassador).
    now = coder("Sergey Lavrov criticized Japan.", published="2022-02-03").events[0].source
    then = coder("Sergey Lavrov criticized Japan.", published="2002-02-03").events[0].source
    assert now.code == "RUSGOV" and now.name == "Sergey Lavrov"
    assert then.country == "RUS" and then.code != "RUSGOV"


def test_unknown_person_is_coded_from_the_title(coder):
    ev = actors_of_first_event(coder, "Peruvian Foreign Minister Juan Perez Gonzalez praised Chile.")
    assert ev.source.code == "PERGOV"


def test_compound_subject_expands_into_members(coder):
    doc = coder("Brazil and Argentina condemned the coup in Niger.", published="2023-07-28")
    sources = {e.source.code[:3] for e in find(doc, "11")}
    assert {"BRA", "ARG"} <= sources


def test_the_chinese_side_and_both_sides_resolve_to_participants(coder):
    text = ("On June 1, 2021, Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister "
            "Sergey Lavrov in Beijing. The Chinese side praised Russia's efforts. "
            "Both sides agreed to deepen cooperation. The two sides signed an agreement on energy.")
    doc = coder(text)
    assert find(doc, "05", "CHN", "RUS")
    signed = find(doc, "057")
    assert {(e.source.code, e.target.code) for e in signed} >= {("CHNGOV", "RUSGOV"), ("RUSGOV", "CHNGOV")}
    assert all(e.source.resolved_from == "pair" for e in signed)


def test_pronouns_resolve_to_the_last_person(coder):
    text = ("On May 2, 2019, Indian Prime Minister Narendra Modi arrived in Tokyo. "
            "He met Japanese Prime Minister Shinzo Abe on Thursday.")
    doc = coder(text)
    met = find(doc, "04", "IND", "JPN")
    assert met and met[0].source.name == "Narendra Modi"


def test_we_in_reported_speech_is_the_speakers_side(coder):
    text = ("On March 1, 2022, Chinese Foreign Minister Wang Yi met Indonesian Foreign Minister Retno Marsudi.\n"
            "Wang Yi said, we are ready to expand cooperation with Indonesia.")
    doc = coder(text)
    intents = find(doc, "03", "CHN", "IDN")
    assert intents and intents[0].speaker is not None and intents[0].speaker.code == "CHNGOV"


@pytest.mark.parametrize("phrase", ["The two heads of state", "The duo", "The two ministers", "They"])
def test_collective_references_resolve_to_both_participants(coder, phrase):
    text = ("On April 2, 2023, Turkish Foreign Minister Mevlut Cavusoglu met Greek Foreign Minister Nikos Dendias "
            "in Ankara. Both men spoke of a new chapter. " if phrase != "They" else
            "On April 2, 2023, Turkey and Greece opened a new chapter. ")
    text += f"{phrase} signed a memorandum on trade."
    doc = coder(text)
    signed = find(doc, "057")
    pairs = {(e.source.country, e.target.country) for e in signed}
    assert {("TUR", "GRC"), ("GRC", "TUR")} <= pairs, [(e.cameo, e.source, e.target) for e in doc.events]


def test_a_sector_alone_takes_the_documents_country(coder):
    doc = coder("South Korean prosecutors investigated corruption allegations against three lawmakers.",
                published="2021-05-05")
    ev = find(doc, "09")[0]
    assert ev.source.code == "KORJUD" and ev.target.code == "KORLEG"
    assert ev.target.resolved_from == "context"


def test_compound_nationalities_give_one_actor_each(coder):
    doc = coder("US and British activists protested outside the parliament in London.", published="2021-03-03")
    assert {e.source.code for e in find(doc, "14")} == {"USACVL", "GBRCVL"}


def test_a_bare_government_with_no_country_in_view_stays_unknown(coder):
    (ev,) = coder("The government rejected the proposal.", published="2021-03-03").events
    assert ev.source.code == "---GOV" and ev.source.country is None


def test_a_group_named_by_nationality_and_sector(coder):
    doc = coder("A Damascus-based Palestinian guerrilla group claimed responsibility for the attack.",
                published="2021-03-03")
    assert find(doc, "015", "PSEREB")
