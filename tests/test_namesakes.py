"""Which gazetteer place a name means among the places that share it (kg.extract.namesakes):
the story's country, a region written after the name, a namesake abroad. Sentences are invented
for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from extracting import entity, facts_of, relations
from kg.gazetteer import default_gazetteer


def test_the_article_decides_between_places_of_one_name() -> None:
    australian = facts_of("Bushfires threatened towns in Victoria, and Melbourne's mayor said "
                          "Australia needed more firefighters.")
    assert entity(australian, "Victoria").type == "AdministrativeRegion"
    assert ("Victoria", "locatedIn", "Australia") in relations(australian)


def test_a_region_that_dwarfs_a_city_of_its_name_is_the_default() -> None:
    alone = facts_of("Power workers in Victoria walked off the job, and the union says the "
                     "strike will not cut supply in Victoria.")
    assert entity(alone, "Victoria").type == "AdministrativeRegion"
    assert entity(facts_of("Hydro workers in Ontario went on strike on Monday."),
                  "Ontario").type == "AdministrativeRegion"
    canadian = facts_of("Ferries between Vancouver and Victoria were cancelled, British "
                        "Columbia officials said. Canada's coast guard was called.")
    assert entity(canadian, "Victoria").type == "City"
    assert ("Victoria", "locatedIn", "British Columbia") in relations(canadian)
    assert default_gazetteer().lookup("Washington").type == "City"  # a capital keeps its name


def test_a_larger_place_is_no_small_town_of_the_storys_country() -> None:
    facts = facts_of("Officials in Sydney and Canberra said Australia's ministers would meet "
                     "in Maryland next week.")  # Maryland, New South Wales, is a small town
    assert entity(facts, "Maryland").type == "AdministrativeRegion"


@pytest.mark.parametrize(("text", "linked"), [
    ("Two houses burned in Glenbrook as the fire crossed the highway from Penrith in New "
     "South Wales.", False),  # the gazetteer's Glenbrook of 5,000 people is in Alberta
    ("Firefighters in Alberta said the blaze near Glenbrook was contained.", True),
])
def test_a_small_town_is_linked_only_in_a_story_about_its_country(text: str,
                                                                 linked: bool) -> None:
    from kg.extract import extract
    from kg.model import Article
    from kg.nlp import parse

    found = extract(Article(id="test", text=text), parse(text))
    town = next(m for m in found.mentions if m.text == "Glenbrook")
    assert town.type == "City" and (town.key == "glenbrook") == linked


@pytest.mark.parametrize(("text", "place", "container"), [
    ("Dozens of families left the Southern Highlands of New South Wales as the fire spread.",
     "Southern Highlands", "New South Wales"),
    ("A tornado tore through Newtown, Connecticut, late on Tuesday, officials said.",
     "Newtown", "Connecticut"),
    ("Villagers in the Southern Highlands of Tanzania reported the outbreak.",
     "Southern Highlands", "Tanzania"),
])
def test_a_name_placed_in_a_state_is_no_namesake_abroad(text: str, place: str,
                                                        container: str) -> None:
    facts = facts_of(text)
    assert (place, "locatedIn", container) in relations(facts)
    assert not any(s == place and p == "locatedIn" and o != container
                   for s, p, o in relations(facts))
    assert "Papua New Guinea" not in {e.label for e in facts.entities}


@pytest.mark.parametrize(("text", "name"), [
    ("Tornadoes tore through Georgia, Alabama and Florida on Sunday night.", "Georgia"),
    ("Farmers in Oregon, Idaho, Montana and Washington reported losses. Orchards near "
     "Spokane were hit hardest.", "Washington"),
    ("Snow closed passes across Oregon, Idaho, Montana and Washington. Washington state "
     "reopened one on Tuesday.", "Washington"),
    ("Turnout rose in Kansas, Georgia, Iowa, Ohio and Washington, the clerks reported.",
     "Georgia"),
    ("Turnout rose in Kansas, Georgia, Iowa, Ohio and Washington, the clerks reported.",
     "Washington"),
    ("Snow fell across Oregon, Idaho, Montana and Washington.", "Washington"),
])
def test_a_name_listed_with_states_is_the_state(text: str, name: str) -> None:
    assert entity(facts_of(text), name).type == "AdministrativeRegion"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Traffic was heavy in Washington, Maryland and Virginia on Friday.", "Washington", "City"),
    ("Mexico, Texas and California signed the water accord.", "Mexico", "Country"),
    ("Leaders of Georgia, Armenia and Azerbaijan met in Tbilisi.", "Georgia", "Country"),
    ("Flights from Washington, Beijing and Moscow were cancelled.", "Washington", "City"),
    # a national capital listed with the states its suburbs spill into, and no other word of
    # Washington state: the capital
    ("Marchers filled streets in Washington, Virginia, Maryland and Pennsylvania on Sunday.",
     "Washington", "City"),
    ("Drivers in Washington, Maryland, Virginia and Delaware sat in long queues.",
     "Washington", "City"),
    ("Fighting spread through Kandahar, Helmand and Zabul last week.", "Kandahār", "City"),
])
def test_a_name_listed_with_too_few_states_or_with_other_places_keeps_its_reading(
        text: str, name: str, kind: str) -> None:
    assert entity(facts_of(text), name).type == kind
