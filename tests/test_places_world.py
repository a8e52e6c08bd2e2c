"""States in the parts of the world around them: the Americas, continents and world regions,
each state linked to the smallest one the story names. Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from extracting import facts_of, labels, relations
from kg.gazetteer import default_gazetteer


@pytest.mark.parametrize(("text", "state"), [
    ("Bolivia is among the poorest economies in the Americas, the bank's report said.", "Bolivia"),
    ("QUITO (Wire) - Ecuador will host the summit on trade across the Americas next spring.",
     "Ecuador"),
    ("Canada's envoy said migration through the Americas had doubled since 2021.", "Canada"),
])
def test_a_state_of_the_americas_lies_in_them(text: str, state: str) -> None:
    assert (state, "locatedIn", "Americas") in relations(facts_of(text))


def test_a_state_lies_in_its_continent_before_the_americas() -> None:
    facts = facts_of("Uruguay signed the pact on Monday. Leaders from across South America and "
                     "the Americas attended the talks.")
    found = relations(facts)
    assert ("Uruguay", "locatedIn", "South America") in found
    assert ("Uruguay", "locatedIn", "Americas") not in found


@pytest.mark.parametrize("text", [
    "Spain and Portugal sent ships to the Americas centuries ago, the museum's guide said.",
    "Kenya's runners won the Americas Cup marathon in Boston on Sunday.",
])
def test_a_state_outside_the_americas_lies_not_in_them(text: str) -> None:
    assert not any(o == "Americas" for _, p, o in relations(facts_of(text)) if p == "locatedIn")


def test_the_americas_come_after_each_continent_they_hold() -> None:
    gazetteer = default_gazetteer()
    peru = gazetteer.get("peru")
    assert peru is not None and peru.containers.index("south-america") < \
        peru.containers.index("americas")
    egypt = gazetteer.get("egypt")
    assert egypt is not None and egypt.containers[0] == "north-africa"  # smaller regions first


@pytest.mark.parametrize(("text", "town", "state"), [
    ("Pilgrims crowded into Agra on Sunday, 200 km south of the Indian capital, police said.",
     "Agra", "India"),
    ("SHANGHAI (Wire) - Trains from Shanghai to the Chinese capital ran late on Friday.",
     "Shanghai", "China"),
    ("Fans in Cork cheered while crowds packed the streets of the Irish capital.", "Cork",
     "Ireland"),
])
def test_a_town_lies_in_the_state_of_an_unnamed_capital(text: str, town: str, state: str) -> None:
    assert (town, "locatedIn", state) in relations(facts_of(text))


@pytest.mark.parametrize(("text", "town"), [
    ("Indian capital flowed into Agra's hotels last year, the bank said.", "Agra"),
    ("Investors in Agra watched the Indian capital gains tax debate closely.", "Agra"),
    ("Flights from Lahore to the Indian capital resumed on Monday.", "Lahore"),
    # "the" alone does not make the money a city: business copy, then a town of that state
    ("The Chinese capital pouring into Zambian copper worries unions. Workers in Shenzhen "
     "went on strike.", "Shenzhen"),
    ("Analysts say the Indian capital raised abroad fell by half. Hotels in Agra were full.",
     "Agra"),
])
def test_no_state_from_a_capital_of_money_or_of_another_state(text: str, town: str) -> None:
    assert not any(s == town for s, p, _ in relations(facts_of(text)) if p == "locatedIn")


@pytest.mark.parametrize(("name", "key"), [
    ("North Darfur", "northern-darfur"), ("Northern Darfur", "northern-darfur"),
    ("South Kordofan", "southern-kordofan"), ("Gedaref", "al-qadarif-sd"),
])
def test_sudans_states_go_by_the_names_news_gives_them(name: str, key: str) -> None:
    found = default_gazetteer().lookup(name)
    assert found is not None and found.key == key


@pytest.mark.parametrize("text", [
    "Aid trucks reached Nyala in South Darfur on Monday, the UN said.",
    "NYALA, Sudan (Wire) - Shelling hit Nyala overnight, South Darfur officials said.",
])
def test_a_town_lies_in_its_sudanese_state(text: str) -> None:
    assert ("Nyala", "locatedIn", "South Darfur") in relations(facts_of(text))


def test_no_sudanese_state_the_story_does_not_name() -> None:
    facts = facts_of("Fighting in Darfur reached Nyala on Monday, the UN said.")
    assert not any(o == "South Darfur" for _, _, o in relations(facts))


@pytest.mark.parametrize(("name", "key"), [
    ("Benares", "varanasi"), ("Poona", "pune"), ("Trivandrum", "thiruvananthapuram"),
])
def test_indian_towns_go_by_their_older_english_names_too(name: str, key: str) -> None:
    found = default_gazetteer().lookup(name)
    assert found is not None and found.key == key


@pytest.mark.parametrize("text", [
    "Pilgrims bathed at Benares on Monday as India marked the festival.",
    "POONA, India (Wire) - Floods cut roads around Benares and Poona this week.",
])
def test_a_town_under_its_older_name_lies_in_its_state(text: str) -> None:
    assert ("Varanasi", "locatedIn", "India") in relations(facts_of(text))


@pytest.mark.parametrize("text", [
    "Surgeons at the Cochin hospital in Paris operated on the cyclist overnight.",
    "The singer was taken to the Cochin clinic near Lyon, her agent said.",
])
def test_an_older_town_name_other_things_bear_is_no_town_abroad(text: str) -> None:
    assert "Kochi" not in labels(facts_of(text)).values()


@pytest.mark.parametrize("text", [
    "The tanker docked at Cochin, in Kerala, early on Sunday.",
    "Monsoon floods swamped Cochin and Mumbai, officials in India said.",
])
def test_an_older_town_name_in_a_story_of_its_country_is_the_town(text: str) -> None:
    assert "Kochi" in labels(facts_of(text)).values()
