"""Where an event happened when its own clause does not say (events/places.py): the opening's
place, a site named before its town. Sentences are invented for these tests, not taken from
any gold article."""

from __future__ import annotations

from datetime import date

import pytest

from extracting import facts_of, labels
from kg.extract import extract
from kg.extract.events import merge_occasions
from kg.gazetteer import default_gazetteer
from kg.model import Article, Event, Evidence, Facts
from kg.nlp import parse


def places_of(facts: Facts, event_type: str) -> set[str]:
    """The places of an article's events of one type, by label."""
    names = labels(facts)
    return {names.get(ref, ref) for e in facts.events if e.type == event_type
            for role, ref in e.roles if role in ("location", "destination")}


@pytest.mark.parametrize("text", [
    # the opening names one place, and the sentences after it name none
    "Fires swept the Villawood Detention Centre overnight. Officials say 13 buildings burned. "
    "Guards arrested nine men.",
    "Fires swept the Villawood Detention Centre overnight. Officials say 13 buildings burned. "
    "The blaze spread quickly. Guards arrested nine men.",
])
def test_the_opening_places_an_event_told_soon_after_it(text: str) -> None:
    assert "Villawood Detention Centre" in places_of(facts_of(text, published=None), "Arrest")


@pytest.mark.parametrize("text", [
    # a sentence between names another place: the story may have moved
    "Fires swept the Villawood Detention Centre overnight. The minister was in Perth. "
    "Guards arrested nine men.",
    # beyond the opening
    "Fires swept the Villawood Detention Centre overnight. Officials say 13 buildings burned. "
    "The blaze spread quickly. Two fire crews came. The damage is high. Guards arrested nine men.",
    # nor across a paragraph
    "Fires swept the Villawood Detention Centre overnight. Officials say 13 buildings burned."
    "\n\nGuards arrested nine men.",
])
def test_the_opening_does_not_place_what_is_told_elsewhere(text: str) -> None:
    assert "Villawood Detention Centre" not in places_of(facts_of(text, published=None), "Arrest")


def test_a_site_named_before_its_town_is_the_place_not_the_town() -> None:
    # the parser may hang "Heights" on the noun as nmod, not as a compound
    facts = facts_of("The minister says security at the Lucas Heights nuclear reactor in Sydney "
                     "is adequate, despite a major protest this morning.")
    assert places_of(facts, "Protest") == {"Lucas Heights"}


@pytest.mark.parametrize("text", [
    "Four men appeared in a Danish court on Monday charged with fraud over the collapse of a "
    "bank in Aarhus.",
    "Four men appeared before a Danish court on Monday, charged with fraud after a fire in Aarhus.",
])
def test_a_trial_is_where_its_state_s_court_sits_not_where_the_crime_was(text: str) -> None:
    assert places_of(facts_of(text), "Trial") == {"Denmark"}


def test_a_town_another_is_measured_from_is_not_the_place() -> None:
    facts = facts_of("At Kiama south of Wollongong, tarpaulins were ripped from houses after "
                     "severe storms last week.", published=None)
    assert places_of(facts, "Disaster") == {"Kiama"}


def test_the_state_takes_up_the_region_named_before() -> None:
    facts = facts_of("Hot winds swept Victoria on Monday. Officials say most of the state's "
                     "fires are now contained.", published=None)
    assert places_of(facts, "Disaster") == {"Victoria"}


@pytest.mark.parametrize("text", [
    # the sentence names a state of its own
    "Floods hit Queensland in March. Israel's army said the state's soldiers killed two gunmen.",
    # the region was named too long before
    "Floods hit Queensland in March. Rain fell for days. Rivers rose. Roads closed. "
    "Soldiers from the state's south killed two gunmen.",
])
def test_the_state_takes_up_no_region_of_another_state_or_far_before(text: str) -> None:
    facts = facts_of(text, published=None)
    assert "Queensland" not in places_of(facts, "Attack") | places_of(facts, "Death")


def first_attack_places(text: str) -> set[str]:
    """The places extraction gives the attack the first sentence tells, before resolution
    merges the attacks of an article."""
    facts = extract(Article(id="test", text=text, published=date(2025, 3, 14)), parse(text))
    names = {m.id: m.text for m in facts.mentions}
    return {names.get(ref, ref) for e in facts.events if e.type == "Attack" and e.evidence.sentence == 0
            for role, ref in e.roles if role in ("location", "destination")}


@pytest.mark.parametrize(("text", "town"), [
    # the trigger's noun taken up by "the", a known town inside the region
    ("Rebels attacked an army post in Queensland on Monday. The attack at Mackay left two "
     "soldiers wounded.", "Mackay"),
    # a noun of the type, subject of a verb that ties the town
    ("Gunmen attacked a police convoy in Kashmir overnight. The ambush took place at Anantnag, "
     "officials said.", "Anantnag"),
])
def test_a_finer_place_told_later_replaces_the_region(text: str, town: str) -> None:
    assert first_attack_places(text) == {town}


@pytest.mark.parametrize("text", [
    # another event of the type is not the same event
    "Rebels attacked an army post in Queensland on Monday. Troops launched raids on Mackay.",
    # a town outside the region
    "Rebels attacked an army post in Queensland on Monday. The attack at Geelong left two "
    "soldiers wounded.",
    # a town merely named beside the event taken up
    "Rebels attacked an army post in Queensland on Monday. Troops went to Mackay after the attack.",
    # not across a paragraph
    "Rebels attacked an army post in Queensland on Monday.\n\nThe attack at Mackay left two "
    "soldiers wounded.",
])
def test_a_town_not_telling_the_event_again_leaves_the_region(text: str) -> None:
    assert first_attack_places(text) == {"Queensland"}


def test_a_court_case_s_later_steps_are_where_its_court_sat() -> None:
    # (a second verdict told of the same court is the same trial told again, one event: a
    # sentence is a later step of it)
    facts = facts_of("A Danish court found three bankers guilty of fraud on Monday. The judge "
                     "sentenced them to five years in prison.")
    names = labels(facts)
    steps = [{names.get(ref, ref) for role, ref in e.roles if role == "location"}
             for e in facts.events if e.type == "Trial"]
    assert len(steps) == 2 and all(places == {"Denmark"} for places in steps)


def test_no_court_named_places_no_step_of_a_case() -> None:
    facts = facts_of("Three bankers were found guilty of fraud on Monday. Two other bankers were "
                     "acquitted.")
    assert places_of(facts, "Trial") == set()


def test_an_attack_told_closer_does_not_draw_in_another_verb_s_attack_there() -> None:
    # "Jets swooped on Palestinian cities. Rocket strikes hit Ramallah. Helicopters also hit a
    # station in Ramallah.": the strikes tell the swoop closer; the second verb is another attack
    def attack(key: str, trigger: str, sentence: int, place: str) -> Event:
        return Event(key=key, type="Attack", trigger=trigger, roles=(("location", place),),
                     evidence=Evidence(sentence, 0, 5, "event-trigger:Attack", 0.75))

    told = [attack("a", "swooped", 0, "palestine"), attack("b", "strikes", 1, "ramallah"),
            attack("c", "hit", 2, "ramallah")]
    kept, joined = merge_occasions(told, set(), default_gazetteer())
    assert [e.key for e in kept] == ["a", "c"] and joined == {"b": "a"}


@pytest.mark.parametrize(("text", "place"), [
    # the place a common noun introduces, not the one modifying the noun
    ("Two children died when helicopters fired on a car in the West Bank city of Nablus.", "Nablus"),
    # a landmark the place lies near
    ("Two children were killed when a storm struck while they were rafting on the Aare Gorge "
     "near Meiringen.", "Aare Gorge"),
    # a town the gazetteer puts in the other place the sentence names
    ("Troops trying to arrest a man in Hebron shot him dead as he fled a raid on his house in "
     "the West Bank town.", "Hebron"),
])
def test_of_two_places_a_sentence_names_the_one_inside_or_beside_the_other_is_the_place(
        text: str, place: str) -> None:
    assert places_of(facts_of(text), "Death") == {place}


@pytest.mark.parametrize("text", [
    # the region is named only as what holds a part of it where the site lies
    "Smoke is rising from the Villawood Detention Centre in New South Wales's far west. "
    "Officials say 13 buildings burned. Guards arrested nine men.",
    "Smoke is rising from the Villawood Detention Centre in Queensland's north. "
    "Officials say 13 buildings burned. Guards arrested nine men.",
])
def test_a_region_whose_part_holds_the_site_is_not_a_second_place(text: str) -> None:
    assert places_of(facts_of(text, published=None), "Arrest") == {"Villawood Detention Centre"}


def test_where_a_noun_goes_is_not_where_the_sentence_happened() -> None:
    # "a visit to Bethlehem": where the visit would go, not where the cabinet met
    facts = facts_of("The cabinet rejected the bishop's request for a visit to Bethlehem during "
                     "a meeting early today.")
    assert "Bethlehem" not in places_of(facts, "Meeting")


def test_a_town_the_sentence_tells_the_event_in_still_places_it() -> None:
    facts = facts_of("The cabinet met in Bethlehem early today and rejected the bishop's request.")
    assert places_of(facts, "Meeting") == {"Bethlehem"}


@pytest.mark.parametrize(("text", "event_type", "place"), [
    # a town among the event noun's compounds, or the site's, also one the model takes for no
    # place (rule event-place-in-compound)
    ("Vermont passed new gun laws a year after the Newtown school shooting.", "Attack", "Newtown"),
    ("Imams met a month after the Christchurch mosque attacks to plan a memorial.", "Attack",
     "Christchurch"),
    ("Police in Texas reviewed footage of the Orlando nightclub massacre.", "Attack", "Orlando"),
])
def test_a_town_in_the_event_nouns_compounds_places_it(text: str, event_type: str, place: str) -> None:
    assert places_of(facts_of(text, published=None), event_type) == {place}


@pytest.mark.parametrize(("text", "event_type", "place"), [
    # a war, attack or disaster people left a place after or during happened there (rule
    # event-place-left-behind)
    ("Many of the refugees fled Somalia after the 2006 offensive, aid workers say.", "War",
     "Somalia"),
    ("Her parents left Lebanon in 1976, after the invasion by Syria began a long occupation.", "War",
     "Lebanon"),
    ("Hundreds of families escaped from Homs during the bombardment by government forces.", "Attack",
     "Homs"),
])
def test_a_place_left_after_an_event_is_where_it_happened(text: str, event_type: str, place: str) -> None:
    assert place in places_of(facts_of(text, published=None), event_type)


def test_a_place_gone_to_after_an_event_is_not_where_it_happened() -> None:
    facts = facts_of("Many of the refugees fled to Kenya after the offensive by Ethiopia.", published=None)
    assert "Kenya" not in places_of(facts, "War")


@pytest.mark.parametrize("text", [
    # a name the model did not take for a place, with no site between it and the event noun,
    # may be a person's (rule event-place-in-compound)
    "Historians revisited the Lincoln assassination last year.",
    "Jurors in the Jackson trial heard from a doctor on Monday.",
])
def test_a_name_before_an_event_noun_with_no_site_is_no_town(text: str) -> None:
    facts = facts_of(text, published=None)
    assert not [ref for e in facts.events for role, ref in e.roles if role == "location"]


def test_an_event_its_own_words_place_elsewhere_is_not_where_people_left() -> None:
    # the offensive was "in the north", unnamed: not in the town the family left
    facts = facts_of("The family fled Mosul after the 2014 offensive in the south.", published=None)
    assert not places_of(facts, "War")


@pytest.mark.parametrize(("text", "event_type"), [
    # the speaker's owner: the capital's military, the city's police chief
    ("Russia fired two rockets into the sea on Tuesday, Sapporo's military command said.",
     "Launch"),
    ("Rebels attacked a supply convoy in the hills on Monday, Kandahar's police chief said.",
     "Attack"),
    # where the speaker is based
    ("Soldiers killed four gunmen on Friday, Lagos-based officials told reporters.", "Attack"),
    # the capital speaking for its state
    ("Lima said on Monday that soldiers had arrested two rebel leaders.", "Arrest"),
    # the home a speaker's title or party is written with
    ("Ana Ruiz met the president at the White House on Monday, the Texas senator said.",
     "Meeting"),
    ("Tom Reyes had a short meeting with Gov. Lee Park, the Nevada Democrat said in a statement.",
     "Meeting"),
])
def test_the_seat_of_who_reports_an_event_is_not_its_place(text: str, event_type: str) -> None:
    facts = facts_of(text)
    assert any(e.type == event_type for e in facts.events)
    assert places_of(facts, event_type) == set()


@pytest.mark.parametrize(("text", "event_type", "place"), [
    # the event's own place stays beside the speaker's seat
    ("Gunmen killed three soldiers in Kaduna on Friday, Abuja's defence ministry said.",
     "Attack", "Kaduna"),
    # a place in a preposition on the speaker may be where it happened
    ("Gunmen killed three soldiers on Friday, police in Kaduna said.", "Attack", "Kaduna"),
    # a speaker's owner that is not the subject of a verb of saying
    ("Osaka's mayor met the prime minister on Monday.", "Meeting", "Osaka"),
    # a compound on people who hold no title: they may be where it happened
    ("Baghdad residents said a car bomb exploded near a market on Friday.", "Attack", "Baghdad"),
])
def test_a_place_beside_the_source_still_places_the_event(text: str, event_type: str,
                                                         place: str) -> None:
    assert place in places_of(facts_of(text), event_type)
