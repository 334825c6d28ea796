"""The gazetteer and each event's place on the map: resolution toward the event's countries, the
store's columns, the exports and the filters of the CLI and the API."""
import pytest
from tacitus.geo.gazetteer import gazetteer
from tacitus.model import Document
from tacitus.store import EventFilter, Store

# (sentence, place as written, country of the place, kind); sentences of our own
LOCATED = [
    ("Egyptian and Sudanese ministers met in Khartoum on Monday.", "Khartoum", "SDN", "city"),
    ("Protesters clashed with police in Lahore on Monday.", "Lahore", "PAK", "city"),
    ("Chinese and Russian diplomats met in Kharkov on Monday.", "Kharkiv", "UKR", "city"),  # a hand-kept alias
    ("The Georgian president met Armenian officials in Tbilisi.", "Tbilisi", "GEO", "city"),
    # ambiguous names, resolved by the event's own countries
    ("France and Lebanon signed a trade agreement in Tripoli on Monday.", "Tripoli", "LBN", "city"),
    ("Italy and Libya signed a trade agreement in Tripoli on Monday.", "Tripoli", "LBY", "city"),
    # a town of the event's country fifty times smaller does not outrank the city (Paris, Texas)
    ("The American and Iranian negotiators met in Paris on Tuesday.", "Paris", "FRA", "city"),
    # a first-level division
    ("Mexico and the United States held talks in Texas on Monday.", "Texas", "USA", "admin1"),
]


@pytest.fixture(scope="module")
def located(coder):
    docs = [Document(id=f"geo-{n}", text=text, published="2024-03-04") for n, (text, *_) in enumerate(LOCATED)]
    return coder.code_batch(docs)


@pytest.mark.parametrize("n", range(len(LOCATED)))
def test_an_events_place_is_located_with_coordinates_and_its_geonames_id(located, n):
    _, name, country, kind = LOCATED[n]
    events = located[n].events
    assert events
    for ev in events:
        loc = ev.to_dict()["location"]
        assert (loc["name"], loc["country"], loc["kind"]) == (name, country, kind), ev.place
        assert isinstance(loc["geonames_id"], int)
        if kind == "city":
            assert -90 <= loc["latitude"] <= 90 and -180 <= loc["longitude"] <= 180
            assert loc["admin1"].startswith(loc["admin1"][:2]) and "." in loc["admin1"]


def test_an_unknown_place_keeps_its_name_and_no_location(coder):
    doc = coder("Kenya and Uganda signed a border deal in Xylophoria on Monday.", "2024-03-04")
    assert doc.events and all(ev.place == "Xylophoria" and ev.to_dict()["location"] is None for ev in doc.events)


def test_an_event_without_a_place_has_no_location(coder):
    doc = coder("Kenya and Uganda signed a border deal on Monday.", "2024-03-04")
    assert doc.events and all(ev.place is None and ev.location is None for ev in doc.events)


def test_ambiguous_names_go_to_the_events_countries_then_the_documents_then_population():
    g = gazetteer()
    assert g.resolve("Tripoli").country == "LBY"  # the larger
    assert g.resolve("Tripoli", {"LBN"}).country == "LBN"
    assert g.resolve("Tripoli", (), {"LBN"}).country == "LBN"
    assert g.resolve("Tripoli", {"LBY"}, {"LBN"}).country == "LBY"  # the event's own before the document's
    assert g.resolve("Birmingham").country == "GBR"
    assert g.resolve("Birmingham", {"USA"}).admin1 == "US.AL"
    assert g.resolve("Georgia").kind == "country" and g.resolve("Georgia", {"USA"}).kind == "admin1"
    assert g.resolve("Washington").kind == "city"  # the capital, not the state


def test_hand_kept_names_aliases_and_offices_apply():
    g = gazetteer()
    assert g.resolve("Odessa").name == "Odesa"
    assert g.resolve("Downing Street").name == "London"  # a capital's office stands for the capital
    assert g.resolve("Gaza Strip").country == "PSE"
    assert g.resolve("capital Juba").name == "Juba" and g.resolve("Kathua district").country == "IND"
    assert g.resolve("eastern Lebanon").kind == "country"
    assert g.resolve("Xylophoria") is None and g.resolve("Great Hall") is None


def test_the_gazetteer_loads_once():
    assert gazetteer() is gazetteer()


# -- the store ------------------------------------------------------------------------------------

def test_the_store_keeps_the_location(store_url, coder, located):
    with Store(store_url) as store:
        store.write_batch(located, coder.versions)
        stored = store.events(EventFilter(), limit=1000, sort="id")
    expected = [ev.to_dict()["location"] for d in located for ev in d.events]
    assert [e["location"] for e in stored] == expected


# Places as the coder found them in events of the readouts, articles and news in ../shared (names
# only), with the countries of each event's actors, and the country each is in, checked by hand
CHECKED = [
    ("Kidal", {"MLI"}, "MLI"), ("Abuja", {"NER", "NGA"}, "NGA"), ("London", {"AUS", "GBR"}, "GBR"),
    ("Ha Noi", {"SDN", "VNM"}, "VNM"), ("Athens", {"GRC", "TUR"}, "GRC"), ("Kosovo", {"SRB"}, "XKX"),
    ("south Lebanon", {"LBN"}, "LBN"), ("Lebanon", {"CAN"}, "LBN"), ("East Jerusalem", {"ISR", "PSE"}, "PSE"),
    ("Algiers", {"DZA"}, "DZA"), ("Abidjan", {"CIV"}, "CIV"), ("Gaza Strip", {"ISR", "PSE"}, "PSE"),
    ("West Bank", {"ISR", "PSE"}, "PSE"), ("Hong Kong", {"CHN"}, "HKG"), ("Northern Ireland", {"GBR"}, "GBR"),
    ("Tel Aviv", {"ISR", "PSE"}, "ISR"), ("Amman", {"IRQ", "JOR"}, "JOR"), ("West Darfur State", {"SDN"}, "SDN"),
    ("Tbilisi", {"GEO"}, "GEO"), ("Berlin", {"CHN", "DEU"}, "DEU"), ("Mexico", {"MEX"}, "MEX"),
    ("Yemen", {"FRA"}, "YEM"), ("eastern Lebanon", {"PSE"}, "LBN"), ("Washington", {"CAN", "USA"}, "USA"),
    ("Ankara", {"RUS", "TUR"}, "TUR"), ("Monrovia", {"LBR"}, "LBR"), ("Baghdad", {"IRQ"}, "IRQ"),
    ("Calais", {"FRA"}, "FRA"), ("Mosul", {"IRQ"}, "IRQ"), ("Kabul", {"AFG"}, "AFG"), ("Sinai", {"EGY"}, "EGY"),
    ("Kenya", {"SOM", "USA"}, "KEN"), ("Montevideo", {"URY"}, "URY"), ("Katanga", {"COD"}, "COD"),
    ("Yerevan", {"ARM"}, "ARM"), ("Bishkek", {"IND", "RUS"}, "KGZ"), ("Vienna", {"ARE", "RUS"}, "AUT"),
    ("Reykjavik", {"ISL", "USA"}, "ISL"), ("Paris", {"FRA"}, "FRA"), ("Jordan", {"JOR", "USA"}, "JOR"),
    ("Jerusalem", {"ISR", "RUS"}, "ISR"), ("Geneva", {"CHE", "LBY"}, "CHE"), ("Borno State", {"NGA"}, "NGA"),
    ("Bangkok", {"THA"}, "THA"), ("neighbouring Lebanon", {"LBN", "SYR"}, "LBN"), ("Tripoli", {"LBY"}, "LBY"),
    ("Lahore", {"PAK"}, "PAK"), ("Uzbekistan", {"RUS", "USA"}, "UZB"), ("Yugoslavia", {"USA"}, "SRB"),
]
# names that must stay unresolved rather than land in the wrong country: an acronym that is a
# town's alternate name, a department GeoNames lacks whose name is a small town abroad
UNRESOLVED = [("ODA", {"AUS", "IDN"}), ("Pando", {"BOL"})]


def test_the_places_checked_by_hand_are_in_their_countries():
    g = gazetteer()
    assert len(CHECKED) >= 40
    wrong = [(name, g.resolve(name, countries)) for name, countries, country in CHECKED
             if (g.resolve(name, countries) or None) is None or g.resolve(name, countries).country != country]
    assert not wrong
    assert all(g.resolve(name, countries) is None for name, countries in UNRESOLVED)


def test_a_country_has_the_centroid_of_its_outline_as_its_point():
    from tacitus.geo.gazetteer import gazetteer
    from tacitus.geo.points import ring_centroid
    assert ring_centroid([0, 0, 2, 0, 2, 2, 0, 2]) == (1.0, 1.0, 4.0)  # a square, its last point joined back
    g = gazetteer()
    # (country, south, north, west, east): a box around each mainland, by hand
    for name, box in (("Lebanon", (33.0, 34.7, 35.1, 36.7)), ("France", (42.3, 51.1, -4.8, 8.2)),
                      ("Norway", (58.0, 71.2, 4.6, 31.1)), ("Chile", (-56.0, -17.5, -75.7, -66.4))):
        place = g.resolve(name)
        assert place.kind == "country" and box[0] <= place.latitude <= box[1] and box[2] <= place.longitude <= box[3], place
