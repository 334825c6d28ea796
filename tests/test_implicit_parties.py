"""events/implicit.py: agreements settled with no party named, and acts welcomed that name their own
doers."""
from tacitus.model import Document


def coded(coder, text, published="2021-03-04"):
    [doc] = coder.code_batch([Document(id="d", text=text, published=published)])
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None, e.status)
            for e in doc.events}


def test_a_truce_reached_with_no_party_named_is_the_two_sides(coder):
    got = coded(coder, "Armenia and Azerbaijan traded blame on Monday. "
                       "The truce, reached after talks in Geneva, collapsed within hours.")
    assert {("0871", "ARMGOV", "AZEGOV", "occurred"), ("0871", "AZEGOV", "ARMGOV", "occurred")} <= got


def test_a_mediator_is_no_party(coder):
    got = coded(coder, "Sudan and South Sudan blamed each other for the clashes. "
                       "The ceasefire, brokered by Qatar, was meant to end the fighting.")
    assert ("045", "QAT", None, "occurred") in got
    assert not [e for e in got if e[0] == "0871" and "QAT" in (e[1], e[2])]
    assert ("0871", "SDNGOV", "SSDGOV", "occurred") in got


def test_a_signing_to_come_is_planned_and_one_long_ago_historical(coder):
    planned = coded(coder, "Mali and Niger held talks in Niamey. A security pact will be signed in Bamako on Monday.")
    assert ("057", "MLIGOV", "NERGOV", "planned") in planned
    past = coded(coder, "Serbia and Kosovo traded accusations. The accord, signed in Brussels in 2013, still stands.")
    assert ("057", "SRBGOV", "XKXGOV", "historical") in past


def test_an_agreement_named_with_no_settling_verb_is_no_signing(coder):
    got = coded(coder, "Jordan and Israel traded accusations on Monday. The 1994 agreement remains in force in Amman.")
    assert not [e for e in got if e[0][:2] == "05"]


def test_a_signing_with_no_pair_in_view_is_no_event(coder):
    assert not coded(coder, "A peace deal was signed in Geneva on Friday, officials said.")


def test_a_welcomed_signing_needs_its_parties(coder):
    got = coded(coder, "Germany welcomed the signing of the agreement.")
    assert not [e for e in got if e[0] == "057"]
    named = coded(coder, "Germany welcomed the signing of a trade agreement between Chile and Peru.")
    assert {("057", "CHL", "PER", "occurred"), ("057", "PER", "CHL", "occurred")} <= named


def test_a_hailed_release_by_a_named_doer_is_its_own_event(coder):
    got = coded(coder, "The UN chief hailed the release of the hostages by Hamas on Sunday.")
    assert {e[0] for e in got} >= {"051", "0841"}
    assert [e for e in got if e[0] == "0841" and e[1] == "PSEREBHMS"]


def test_a_named_agreement_is_not_the_pairs(coder):
    got = coded(coder, "China and India traded accusations on Monday. "
                       "The Paris climate accord, signed in 2015, was not discussed in Beijing.")
    assert not [e for e in got if e[0] == "057"]
