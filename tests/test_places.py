"""Places inside places: regions and towns in the gazetteer, locatedIn from text and geography,
and names kept whole. Sentences are invented for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from extracting import entity, facts_of, relations
from kg.gazetteer import default_gazetteer


def test_gazetteer_knows_first_level_regions_and_their_abbreviations() -> None:
    gazetteer = default_gazetteer()
    california = gazetteer.lookup("California")
    assert california is not None and california.type == "AdministrativeRegion"
    assert california.country == "united-states"
    assert gazetteer.region_abbreviation("Calif.") == california
    assert gazetteer.lookup("Calif.") is None  # abbreviations are read after a town only
    assert gazetteer.lookup("Hunan province").key == "hunan"
    assert gazetteer.lookup("Aichi Prefecture").key == "aichi"
    assert gazetteer.lookup("Eastern") is None  # a bare compass word names no region


def test_region_keys_never_reuse_a_country_or_city_key() -> None:
    gazetteer = default_gazetteer()
    kinds = {c.type for c in gazetteer.candidates("Georgia")}
    assert kinds == {"Country", "AdministrativeRegion"}
    assert gazetteer.lookup("Georgia").type == "Country"  # the state keeps its name


def test_towns_know_their_region() -> None:
    gazetteer = default_gazetteer()
    nagoya = gazetteer.lookup("Nagoya")
    assert nagoya is not None and nagoya.containers == ("aichi", "japan")


def test_minor_towns_are_not_people_or_companies() -> None:
    facts = facts_of("Jim Reading, a lawyer, said the appeal would be heard in March.")
    assert all(e.type != "City" for e in facts.entities)


@pytest.mark.parametrize(("text", "place", "container"), [
    ("Firefighters contained a blaze near Redwood City, Calif., on Sunday.",
     "Redwood City", "California"),
    ("The plant in Toyota, Aichi Prefecture, will close next year.", "Toyota", "Aichi"),
    ("Heavy rain flooded Porto, in northern Portugal, overnight.", "Porto", "Portugal"),
    ("Rescuers reached Changsha, Hunan, after the storm.", "Changsha", "Hunan"),
])
def test_comma_and_in_patterns_place_a_town(text: str, place: str, container: str) -> None:
    assert (place, "locatedIn", container) in relations(facts_of(text))


def test_region_in_state_pattern() -> None:
    facts = facts_of("Floods in Sichuan province in China left thousands homeless.")
    assert entity(facts, "Sichuan").type == "AdministrativeRegion"
    assert ("Sichuan", "locatedIn", "China") in relations(facts)


def test_plain_geography_links_the_smallest_named_container() -> None:
    facts = facts_of("Police in Perth and Brisbane said Queensland and Australia would "
                     "cooperate.")
    found = relations(facts)
    assert ("Brisbane", "locatedIn", "Queensland") in found
    assert ("Queensland", "locatedIn", "Australia") in found
    assert ("Perth", "locatedIn", "Australia") in found  # Western Australia is not named
    assert ("Brisbane", "locatedIn", "Australia") not in found  # implied by the chain


def test_an_adjective_alone_does_not_place_a_city() -> None:
    found = relations(facts_of("Chinese officials met in Shanghai on Monday."))
    assert not any(p == "locatedIn" for _, p, _ in found)


@pytest.mark.parametrize(("text", "name"), [
    ("Foreign ministry spokesman Park Ji-hoon said talks would resume.", "Park Ji-hoon"),
    ("Opposition leader Andrés Manuel López Obrador visited Oaxaca on Friday.",
     "Andrés Manuel López Obrador"),
])
def test_names_stay_whole(text: str, name: str) -> None:
    assert entity(facts_of(text), name).type == "Person"


def test_courtesy_titles_are_not_part_of_a_name_but_mark_one() -> None:
    facts = facts_of("Zola Mkhize arrived late. Mr Mkhize told reporters the vote was fair.")
    person = entity(facts, "Zola Mkhize")
    assert person.type == "Person"
    assert not any(e.label.startswith("Mr ") for e in facts.entities)


def test_news_agencies_are_news_organisations() -> None:
    facts = facts_of("The Tanzanian Press Agency reported that the ferry sank on Tuesday.")
    assert entity(facts, "Tanzanian Press Agency").type == "NewsOrganization"


def test_a_town_the_gazetteer_lacks_is_placed_by_its_region() -> None:
    facts = facts_of("Protesters gathered in Pijijiapan Centro, Chiapas, on Saturday.")
    assert entity(facts, "Chiapas").type == "AdministrativeRegion"


def test_no_key_names_two_entries_across_the_gazetteers_files() -> None:
    import csv
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["key"] in seen:
                    clashes.append(f"{row['key']}: {seen[row['key']]} and {path.name}")
                seen[row["key"]] = path.name
    assert not clashes
    gazetteer = default_gazetteer()
    for state in ("Armenia", "Jamaica", "Singapore", "Luxembourg", "Hong Kong"):
        assert gazetteer.lookup(state).type == "Country", state  # type: ignore[union-attr]
    assert gazetteer.lookup("Toyota").type == "Company"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "town"), [
    ("Crews in New South Wales were called to a new fire at Tarrawong, south of Goulburn.",
     "Tarrawong"),
    ("The quake's epicentre was at Wendal, 240 kilometres north-east of Perth.", "Wendal"),
    ("Storms hit Kelmore south-west of Brisbane overnight.", "Kelmore"),
    ("The search began 100 kilometres west of Alice Springs after a beacon was heard.",
     "Alice Springs"),
])
def test_a_bearing_from_a_place_makes_a_town(text: str, town: str) -> None:
    assert entity(facts_of(text), town).type == "City"


def test_a_town_by_bearing_lies_in_the_named_region_of_the_town_it_is_measured_from() -> None:
    facts = facts_of("Crews in New South Wales were called to a new fire at Tarrawong, south "
                     "of Goulburn.")
    assert ("Tarrawong", "locatedIn", "New South Wales") in relations(facts)
    capital = facts_of("Residents of Marrabee, east of Canberra, said New South Wales "
                       "police arrived late.")
    assert not any(s == "Marrabee" and p == "locatedIn" for s, p, _ in relations(capital))


@pytest.mark.parametrize("text", [
    "Crews in New South Wales burned off in areas north of Newcastle at Kelmore and Tarrawong.",
    "Crews in New South Wales burned off north of Newcastle in the Tarrawong.",
    "Crews in New South Wales saved ten homes in the Tarrawong area north of Newcastle.",
])
def test_a_region_by_bearing_lies_in_the_named_region_of_the_town_it_is_measured_from(
        text: str) -> None:
    assert ("Tarrawong", "locatedIn", "New South Wales") in relations(facts_of(text))


def test_a_road_or_a_bay_by_bearing_is_not_placed_in_the_region_of_the_town() -> None:
    facts = facts_of("Crews in New South Wales saved ten homes in the Kelmore Road area north of "
                     "Newcastle and two boats in the Kembla Bay area north of Newcastle.")
    assert not any(p == "locatedIn" and o == "New South Wales" and s in ("Kembla Bay",
                   "Kelmore Road") for s, p, o in relations(facts))


def test_a_bearing_neither_types_a_facility_nor_a_part_of_a_region() -> None:
    hospital = facts_of("Six nurses were suspended at Kembla Hospital, south of Sydney.")
    assert entity(hospital, "Kembla Hospital").type != "City"
    facts = facts_of("Temperatures in the south of France reached 40 degrees.")
    assert all(e.type != "City" for e in facts.entities)


def test_a_name_before_area_is_an_area() -> None:
    facts = facts_of("Aircraft dropped incendiary devices in the Shoalhaven area on Monday. "
                     "The Labor area office was closed.")
    assert entity(facts, "Shoalhaven").type == "Place"
    assert entity(facts, "Labor").type == "PoliticalParty"


@pytest.mark.parametrize(("text", "region"), [
    ("Floods cut roads around Tarrawong in Victoria's north-east.", "Victoria"),
    ("Hundreds fled Tarrawong in northern New South Wales.", "New South Wales"),
    ("Police in Tarrawong, in the state's north, said Victoria would send help.", None),
])
def test_a_part_of_a_region_after_a_place_makes_a_town(text: str, region: str | None) -> None:
    facts = facts_of(text)
    assert entity(facts, "Tarrawong").type == "City"
    if region is not None:
        assert ("Tarrawong", "locatedIn", region) in relations(facts)


def test_a_name_listed_with_towns_is_a_place_but_not_one_listed_with_a_state() -> None:
    facts = facts_of("Fires are burning as far inland as Mudgee, Narromine and Kempsey.")
    assert entity(facts, "Narromine").type in ("City", "Place")  # a town listed with a town
    assert entity(facts, "Kempsey").type in ("City", "Place")
    assert entity(facts_of("Australia and Telstra signed, as did Japan and Nintendo."),
                  "Nintendo").type != "Place"


def test_a_title_does_not_make_a_person_of_a_hospital() -> None:
    facts = facts_of("The patient was moved to Adelaide's Queen Elizabeth Hospital on Monday.")
    assert all(e.type != "Person" for e in facts.entities)


@pytest.mark.parametrize(("text", "suburb", "city"), [
    ("Police arrested a man at his home in Glenelg in Adelaide's south-west on Monday.",
     "Glenelg", "Adelaide"),
    ("A woman from Kelmore in Sydney's west was charged.", "Kelmore", "Sydney"),
])
def test_a_town_in_a_part_of_a_city_is_its_suburb(text: str, suburb: str, city: str) -> None:
    facts = facts_of(text)
    assert entity(facts, suburb).type == "City"
    assert (suburb, "locatedIn", city) in relations(facts)


def test_a_named_area_in_a_region_lies_in_it() -> None:
    facts = facts_of("People were evacuated from homes at Kelmore Hill in the New South Wales "
                     "southern highlands.")
    assert ("Kelmore Hill", "locatedIn", "New South Wales") in relations(facts)


@pytest.mark.parametrize(("text", "name", "type_"), [
    ("The detainees were flown out from Tarrawong on Monday.", "Tarrawong", "City"),
    ("Firefighters gathered at Wendal, officials said.", "Wendal", "City"),
    ("Aid reached refugees in Darfur on Monday.", "Darfur", "Place"),
])
def test_a_place_the_gazetteer_lacks_is_a_town_where_a_town_is_put(
        text: str, name: str, type_: str) -> None:
    assert entity(facts_of(text), name).type == type_


def test_a_detention_or_space_centre_is_a_site_in_the_town_it_is_named_after() -> None:
    facts = facts_of("Detainees at the Curtin Detention Centre lit fires overnight, police in "
                     "Derby said. Curtin lies south of Derby.")
    assert entity(facts, "Curtin Detention Centre").type == "Place"
    site = facts_of("The shuttle landed at the Baikonur Space Centre in Kazakhstan, and the "
                    "crew flew home from Baikonur on Friday.")
    assert entity(site, "Baikonur Space Centre").type == "Place"


def test_a_states_possessive_places_a_site_but_not_a_policy() -> None:
    site = facts_of("The probe lifted off from California's Vandenberg Space Center on Tuesday.")
    assert ("Vandenberg Space Center", "locatedIn", "California") in relations(site)
    policy = facts_of("Nauru will take 800 refugees under Australia's Pacific solution.")
    assert not any(r[1] == "locatedIn" and r[2] == "Australia" for r in relations(policy))


def test_a_site_in_a_town_lies_in_it() -> None:
    facts = facts_of("Police were called to the Westfield Shopping Centre in Geelong on Sunday.")
    assert ("Westfield Shopping Centre", "locatedIn", "Geelong") in relations(facts)


@pytest.mark.parametrize(("text", "site", "town"), [
    ("The Wallabies beat the Springboks at Kelmore Park in Perth.", "Kelmore Park", "Perth"),
    ("Crews burned off near the Kelmore Bridge at Helensburgh.", "Kelmore Bridge", "Helensburgh"),
])
def test_a_site_the_model_saw_as_a_facility_lies_in_the_town_it_is_in_or_at(
        text: str, site: str, town: str) -> None:
    assert (site, "locatedIn", town) in relations(facts_of(text))


def test_a_site_in_a_state_puts_the_town_it_is_named_after_there() -> None:
    facts = facts_of("The Curtin Detention Centre in outback Western Australia was quiet. There "
                     "is room for 500 more people at Curtin.")
    found = relations(facts)
    assert ("Curtin", "locatedIn", "Western Australia") in found
    assert ("Curtin Detention Centre", "locatedIn", "Curtin") in found
    assert ("Curtin Detention Centre", "locatedIn", "Western Australia") not in found


def test_a_town_in_a_regional_or_remote_state_lies_in_it() -> None:
    facts = facts_of("The town of Birchip, in regional Victoria, was isolated by floods.")
    assert ("Birchip", "locatedIn", "Victoria") in relations(facts)


def test_small_towns_of_every_country_are_known_with_their_region() -> None:
    gazetteer = default_gazetteer()
    for name, country, region in (("Zermatt", "switzerland", "valais"),
                                  ("Mudgee", "australia", "new-south-wales")):
        town = gazetteer.lookup(name)
        assert town is not None and town.minor and town.containers[:2] == (region, country)


def test_a_small_town_is_a_place_where_a_place_is_written() -> None:
    facts = facts_of("Swiss police said an avalanche near Zermatt killed two climbers.")
    assert entity(facts, "Zermatt").type == "City"


def test_a_place_the_parser_saw_that_is_no_town_is_not_a_small_town_of_its_name() -> None:
    # "Pacific" is also a small town in Missouri; the parser's LOC is the ocean here
    facts = facts_of("The yacht crossed the Pacific before it reached Fiji.")
    assert entity(facts, "Pacific").type == "Place"


@pytest.mark.parametrize(("text", "town", "territory"), [
    ("Soldiers searched houses in the West Bank city of Nablus overnight.", "Nablus", "West Bank"),
    ("A car bomb went off in Khan Younis, in the southern Gaza Strip.", "Khan Younis", "Gaza Strip"),
    ("Gunmen fired on a checkpoint near Ramallah in the West Bank.", "Ramallah", "West Bank"),
    ("Tanks rolled into Jenin in the West Bank at dawn.", "Jenin", "West Bank"),  # its English
    ("Shells hit houses in Beit Hanoun, in the northern Gaza Strip.", "Beit Hanoun",  # spelling
     "Gaza Strip"),
])
def test_a_territory_is_a_place_that_holds_towns(text: str, town: str, territory: str) -> None:
    facts = facts_of(text)
    assert entity(facts, territory).type == "Place"  # no administrative region of a state
    assert (town, "locatedIn", territory) in relations(facts)


@pytest.mark.parametrize(("text", "roads"), [
    ("Only residents may use Wisdom Gully Road and Upper Fenn Road under police escort.",
     ("Wisdom Gully Road", "Upper Fenn Road")),  # one tagged an organisation, one untagged
    ("A truck rolled over on Bellamy Road near the school.", ("Bellamy Road",)),
    ("Flooding cut Dunstan Road between the two towns.", ("Dunstan Road",)),  # a work of art
    ("Residents of Harriet Street were evacuated.", ("Harriet Street",)),  # untagged
    ("Residents of Tulloch Terrace were evacuated.", ("Tulloch Terrace",)),  # tagged an
    ("Traffic was diverted along Kelly Parade.", ("Kelly Parade",)),  # organisation
    ("Crews back-burned west of Koala Gully near Marden Dam.", ("Koala Gully", "Marden Dam")),
])
def test_a_road_is_a_place_however_the_model_tagged_it(text: str, roads: tuple[str, ...]) -> None:
    facts = facts_of(text)
    for road in roads:
        assert entity(facts, road).type == "Place"


@pytest.mark.parametrize(("text", "place"), [
    ("Nine tourists died canyoning down the Tarrow River Gorge near Lauterbrunnen.",
     "Tarrow River Gorge"),  # left untagged by the model
    ("Rafters were rescued from the Kelso River in Tasmania's south-west.", "Kelso River"),
])
def test_an_untagged_name_after_the_that_ends_in_a_feature_word_is_a_place(
        text: str, place: str) -> None:
    assert entity(facts_of(text), place).type == "Place"


def test_a_place_the_gazetteer_lacks_near_a_town_lies_in_the_towns_state() -> None:
    facts = facts_of("Fire crews worked at Koala Gully near Goulburn as New South Wales sweltered.")
    assert ("Koala Gully", "locatedIn", "New South Wales") in relations(facts)
    assert ("Koala Gully", "locatedIn", "Goulburn") not in relations(facts)  # near, not in


@pytest.mark.parametrize(("text", "capital", "state"), [
    ("Four people died in a hotel fire in Paris, in the centre of the French capital.", "Paris",
     "France"),
    ("The prize was accepted in the Norwegian capital, Oslo, on Monday.", "Oslo", "Norway"),
])
def test_the_capital_a_states_adjective_describes_lies_in_the_state(
        text: str, capital: str, state: str) -> None:
    facts = facts_of(text)
    assert entity(facts, state).type == "Country"  # named only by its adjective
    assert (capital, "locatedIn", state) in relations(facts)


def test_an_adjectives_capital_is_only_the_states_own() -> None:
    facts = facts_of("Protesters marched in Sydney, far from the Afghan capital.")
    assert not [r for r in relations(facts) if r[0] == "Sydney" and r[2] == "Afghanistan"]


def test_a_square_named_place_is_a_site_in_the_town_it_is_said_to_be_in() -> None:
    facts = facts_of("Security was stepped up at Lanyon Place in Melbourne before the rally.")
    assert entity(facts, "Lanyon Place").type == "Place"  # not the organisation the model saw
    assert ("Lanyon Place", "locatedIn", "Melbourne") in relations(facts)


@pytest.mark.parametrize("text", [
    "In southern Melbourne, Kestrel Road is closed between the two bridges.",
    "In north-western Melbourne only residents may use Kestrel Road under police escort.",
])
def test_a_sentence_framed_by_a_city_places_the_roads_it_names(text: str) -> None:
    assert ("Kestrel Road", "locatedIn", "Melbourne") in relations(facts_of(text))


@pytest.mark.parametrize(("text", "towns"), [
    ("The shootout took place at Kolna village south of the border.", ("Kolna",)),
    ("Missiles hit a post in the north-eastern township of Beit Marun.", ("Beit Marun",)),
    ("Soldiers left the West Bank village of Umm Tuba and Beit Sahur.", ("Umm Tuba", "Beit Sahur")),
    ("Police raided offices in the West Bank towns of Salfit and Tulkarem.", ("Salfit", "Tulkarem")),
])
def test_a_settlement_noun_makes_towns_of_the_names_it_governs(text: str,
                                                              towns: tuple[str, ...]) -> None:
    facts = facts_of(text)
    for town in towns:
        assert entity(facts, town).type == "City"
        if "West Bank" in text:
            assert (town, "locatedIn", "West Bank") in relations(facts)


def test_a_suburb_lies_in_the_city_of_a_million_the_story_names() -> None:
    facts = facts_of("Flooding hit Croydon and other parts of London, England.")
    assert ("Croydon", "locatedIn", "London") in relations(facts)
    assert ("Croydon", "locatedIn", "England") not in relations(facts)
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Parramatta").metro == "sydney"
    assert gazetteer.lookup("Wollongong").metro is None  # 68 km away: a city of its own


def test_a_town_named_after_a_range_is_the_range_after_the() -> None:
    facts = facts_of("Crews in New South Wales back-burned in the lower Blue Mountains overnight.")
    assert entity(facts, "Blue Mountains").type == "Place"
    assert ("Blue Mountains", "locatedIn", "New South Wales") in relations(facts)


@pytest.mark.parametrize(("text", "place", "state"), [
    ("Two helicopters landed near Khost Gar mountain in eastern Afghanistan on Sunday.",
     "Khost Gar", "Afghanistan"),
    ("Militia members burned several villages in East Timor's Viqueque Baru district.",
     "Viqueque Baru", "East Timor"),
])
def test_an_area_noun_after_a_place_keeps_it_placed(text: str, place: str, state: str) -> None:
    assert (place, "locatedIn", state) in relations(facts_of(text))


def test_a_place_on_the_coast_of_a_region_is_a_town_in_it() -> None:
    facts = facts_of("Police arrested three teenagers over fires at Tarrawong Heads, on the south "
                     "coast of New South Wales.")
    assert entity(facts, "Tarrawong Heads").type == "City"
    assert ("Tarrawong Heads", "locatedIn", "New South Wales") in relations(facts)


def test_a_place_a_site_of_the_story_is_named_after_is_a_town() -> None:
    named = facts_of("Staff at the Woomera Hospital treated two men. The heat in Woomera eased "
                     "on Tuesday.")
    assert entity(named, "Woomera").type == "City"
    alone = facts_of("The heat in Woomera eased on Tuesday.")
    assert entity(alone, "Woomera").type == "Place"  # nothing says what kind of place


@pytest.mark.parametrize("text", [
    "Rachel Place said she would appeal against the ruling.",
    "Gordon Terrace told reporters the club would appeal.",
])
def test_a_road_word_that_is_a_surname_leaves_a_person_a_person(text: str) -> None:
    facts = facts_of(text)
    person = next(e for e in facts.entities if e.label.endswith(("Place", "Terrace")))
    assert person.type == "Person"


def test_capital_gains_are_no_capital() -> None:
    facts = facts_of("Treasury officials in Canberra said the Australian capital gains tax would rise.")
    assert ("Canberra", "locatedIn", "Australia") not in relations(facts)


def test_a_place_the_model_took_for_a_people_is_a_place_where_the_parse_says_so() -> None:
    facts = facts_of("Mourners gathered on the banks of the Ganges river at dawn.")
    assert entity(facts, "Ganges").type == "Place"  # the river, not the town of that name


@pytest.mark.parametrize("text", [
    "Witnesses said one Arab was wounded.",
    "Officials said an Arab had been detained.",
    "The Arab fighters retreated to the hills.",
])
def test_a_people_the_gazetteer_knows_as_a_town_stays_no_place(text: str) -> None:
    facts = facts_of(text)
    assert all(e.label != "Arab" for e in facts.entities)


@pytest.mark.parametrize(("text", "site"), [
    ("Jets bombed Nablus international airport overnight.", "Nablus international airport"),
    ("Flights were diverted from Launceston airport after the storm.", "Launceston airport"),
])
def test_a_site_named_after_its_town_is_one_place(text: str, site: str) -> None:
    facts = facts_of(text)
    assert entity(facts, site).type == "Place"


@pytest.mark.parametrize("text", [
    "Soldiers stopped the car at an Israeli checkpoint near Nablus.",
    "Trucks queued at the Pakistan border crossing.",
])
def test_a_states_checkpoint_or_crossing_names_no_site(text: str) -> None:
    facts = facts_of(text)
    assert all(e.type != "Place" for e in facts.entities)


@pytest.mark.parametrize(("text", "feature"), [
    ("Crews in New South Wales fear the fire may jump the Tarrow River tonight. Residents of "
     "Sydney were told to stay indoors.", "Tarrow River"),
    ("Power workers in the Kelmore Valley will strike again. Union leaders met in Melbourne, "
     "and Victoria expects more stoppages.", "Kelmore Valley"),
])
def test_a_large_feature_lies_in_the_one_region_a_local_story_names(text: str,
                                                                   feature: str) -> None:
    facts = facts_of(text)
    region = next(e.label for e in facts.entities if e.type == "AdministrativeRegion")
    assert (feature, "locatedIn", region) in relations(facts)


def test_a_feature_is_not_placed_when_the_story_names_two_regions_or_a_foreign_place() -> None:
    two = facts_of("Crews in New South Wales fear the fire may jump the Tarrow River. Crews "
                   "from Queensland arrived in Sydney on Tuesday.")
    foreign = facts_of("Crews in New South Wales fear the fire may jump the Tarrow River. A "
                       "team from Canada arrived in Sydney on Tuesday.")
    small = facts_of("Crews in New South Wales back-burned near Mount Tarrow. Residents of "
                     "Sydney were told to stay indoors.")
    for facts in (two, foreign, small):
        assert not any(s in ("Tarrow River", "Mount Tarrow") and p == "locatedIn"
                       for s, p, _ in relations(facts))


@pytest.mark.parametrize(("text", "town"), [
    ("Fire crews say dozens of residents have fled to nearby Mittagong as a blaze burns in New "
     "South Wales.", "Mittagong"),  # a town the gazetteer knows, tagged a person's name
    ("Natural disaster areas were declared in Hornsby, Wahroonga and Berowra in New South Wales.",
     "Berowra"),  # one the gazetteer lacks, listed with towns it knows
])
def test_a_name_written_where_a_town_goes_is_a_town(text: str, town: str) -> None:
    assert entity(facts_of(text), town).type == "City"


@pytest.mark.parametrize(("text", "name"), [
    ("Cathy Freeman will return to competition at the Geelong Track Classic on March 7.",
     "Geelong Track Classic"),  # a contest's name
    ("Peter Blake was a two-time winner of the Sydney-Hobart race and also won the Whitbread.",
     "Sydney-Hobart"),  # a name that only qualifies a contest's noun
    ("Chasing 375 for victory, the Kestrels are 2 for 17 at stumps in Adelaide.",
     "Kestrels"),  # a team: the subject of a verb in the plural
])
def test_a_contest_or_a_team_the_model_took_for_a_place_is_no_place(text: str, name: str) -> None:
    assert all(e.label != name for e in facts_of(text).entities)


def test_a_name_given_to_an_area_is_a_place() -> None:
    facts = facts_of("The fire was burning in an area called Dismal Swamp, about 15 kilometres "
                     "north of Mount Gambier.")
    assert entity(facts, "Dismal Swamp").type == "Place"  # not the body the model took it for


def test_the_name_a_person_is_known_by_is_his_alias_not_a_place() -> None:
    facts = facts_of("The rebels are led by Ahmed Saleh Hamid, known as Hemo, a former camel trader.")
    assert all(e.label != "Hemo" for e in facts.entities)
    assert "Hemo" in entity(facts, "Ahmed Saleh Hamid").aliases


def test_a_town_the_model_doubted_lies_in_the_smallest_named_place_around_it() -> None:
    facts = facts_of("The family of a Toowoomba student killed in Queensland last week thanked "
                     "the rescuers.")
    assert entity(facts, "Toowoomba").type == "City"
    assert ("Toowoomba", "locatedIn", "Queensland") in relations(facts)
    elsewhere = facts_of("The parents of a Bendigo nurse who drowned in Queensland say "
                         "swimmers must take care.")  # Bendigo lies in Victoria
    region = facts_of("The family of a Toowoomba student killed in Queensland last week "
                      "thanked the rescuers from the Brigalow Range.")  # the town may lie in it
    for other in (elsewhere, region):
        assert not any(s in ("Bendigo", "Toowoomba") and p == "locatedIn"
                       for s, p, _ in relations(other))


def test_a_small_town_the_model_doubted_is_placed_in_its_region_not_its_country_alone() -> None:
    region = facts_of("Residents fled to nearby Mittagong as a blaze burned in New South Wales.")
    assert ("Mittagong", "locatedIn", "New South Wales") in relations(region)
    country = facts_of("Residents fled to nearby Mittagong as a blaze burned, and Australia "
                       "sent more crews.")  # 5,000 people: maybe a place abroad the gazetteer lacks
    assert entity(country, "Mittagong").type == "City"
    assert not any(s == "Mittagong" and p == "locatedIn" for s, p, _ in relations(country))


@pytest.mark.parametrize(("text", "area", "state"), [
    ("Crews back-burned across the Riverina overnight as New South Wales braced for a hot "
     "weekend.", "Riverina", "New South Wales"),
    ("Graziers in the Gippsland say Victoria must pay for the new fences.", "Gippsland",
     "Victoria"),
    ("Divers surveyed the Great Barrier Reef for a month, and Queensland will publish the "
     "results.", "Great Barrier Reef", "Queensland"),  # a feature of the land
    ("Crews fear the fire may jump the Nepean River tonight, while Victoria sends help to New "
     "South Wales.", "Nepean River", "New South Wales"),  # the story names two states
])
def test_a_named_area_lies_in_the_state_the_story_names(text: str, area: str,
                                                         state: str) -> None:
    assert (area, "locatedIn", state) in relations(facts_of(text))


def test_a_named_area_is_not_placed_in_another_state() -> None:
    facts = facts_of("Crews back-burned across the Riverina overnight as Queensland braced for "
                     "a hot weekend.")
    assert not any(s == "Riverina" and p == "locatedIn" for s, p, _ in relations(facts))


@pytest.mark.parametrize(("text", "town", "container"), [
    ("Storms cut power to homes around Tamworth and Kelmore, New South Wales police said.",
     "Kelmore", "New South Wales"),
    ("Disaster areas were declared in Hornsby, Tarrawong and Penrith after the storm hit Sydney.",
     "Tarrawong", "Sydney"),  # the smallest place around every town the gazetteer knows
])
def test_a_town_listed_with_known_towns_lies_where_they_all_lie(text: str, town: str,
                                                                container: str) -> None:
    assert (town, "locatedIn", container) in relations(facts_of(text))


def test_a_town_listed_with_towns_of_an_unnamed_state_is_not_placed() -> None:
    facts = facts_of("Storms cut power to homes around Tamworth and Kelmore, and Queensland "
                     "sent crews.")  # Tamworth lies in New South Wales, which goes unnamed
    assert not any(s == "Kelmore" and p == "locatedIn" for s, p, _ in relations(facts))


@pytest.mark.parametrize(("text", "place", "container"), [
    ("Gunmen fired on the Allenby Bridge crossing with Jordan in the West Bank.",
     "Allenby Bridge crossing", "West Bank"),
    ("A crowd gathered outside the Opera Garnier in Paris' ninth arrondissement on Friday.",
     "Opera Garnier", "Paris"),
])
def test_a_place_lies_in_the_place_its_attached_in_phrase_names(text: str, place: str,
                                                                container: str) -> None:
    assert (place, "locatedIn", container) in relations(facts_of(text))


def test_an_in_phrase_of_a_time_or_a_war_places_nothing() -> None:
    facts = facts_of("The Opera Garnier in the war years hosted few concerts, officials in Paris "
                     "said.")
    assert not [r for r in relations(facts) if r[0] == "Opera Garnier"]


def test_a_town_lies_where_the_town_a_hedged_bearing_is_measured_from_lies() -> None:
    facts = facts_of("Fire crews were sent to Tarlo, about 20 kilometres north of Goulburn. New "
                     "South Wales has had a dry winter.")
    assert ("Tarlo", "locatedIn", "New South Wales") in relations(facts)


def test_a_bearing_that_does_not_follow_the_name_places_nothing() -> None:
    facts = facts_of("Fire crews went to Tarlo, where police found the car about 20 kilometres "
                     "north of Goulburn. New South Wales has had a dry winter.")
    assert not [r for r in relations(facts) if r[0] == "Tarlo"]


@pytest.mark.parametrize(("text", "place", "container"), [
    ("The quake struck near Tarrowa, a mining town in Western Australia.", "Tarrowa",
     "Western Australia"),
    ("Gunmen attacked Kolnaya, a village in northern Nigeria, on Sunday.", "Kolnaya", "Nigeria"),
    ("Protesters gathered in Braganza, a city in northern Portugal.", "Braganza", "Portugal"),
    ("Tarrowa, a town in the Pilbara, was cut off by floods.", "Tarrowa", "Pilbara"),
])
def test_a_town_apposed_to_a_description_in_a_place_lies_there(
        text: str, place: str, container: str) -> None:
    assert (place, "locatedIn", container) in relations(facts_of(text))


def test_a_description_in_a_state_of_affairs_places_nothing() -> None:
    assert not any(p == "locatedIn" for _, p, _ in
                   relations(facts_of("Kabul, a city in ruins, was quiet on Monday.")))


@pytest.mark.parametrize(("text", "town"), [
    ("Fighting spread to Kolnaya city on Monday.", "Kolnaya"),
    ("Shops in Tarrowa city were looted, police said.", "Tarrowa"),
    ("Riots broke out in Kano city in northern Nigeria.", "Kano"),
])
def test_a_name_before_city_is_a_town(text: str, town: str) -> None:
    assert entity(facts_of(text), town).type == "City"


def test_a_town_before_city_is_placed_by_the_phrase_after_it() -> None:
    facts = facts_of("Riots broke out in Kano city in northern Nigeria.")
    assert ("Kano", "locatedIn", "Nigeria") in relations(facts)


@pytest.mark.parametrize(("text", "region"), [
    ("Police in Enugu, Enugu State, arrested two men.", "Enugu"),  # taken for a person
    ("Voters in Ondo State went to the polls.", "Ondo"),  # taken for a body
    ("Talks on the budget stalled in Ondo State on Monday.", "Ondo"),
])
def test_a_region_named_with_its_word_is_the_region(text: str, region: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get(region) == "AdministrativeRegion"


def test_a_town_before_its_namesake_state_lies_in_it() -> None:
    facts = facts_of("Police in Enugu, Enugu State, arrested two men.")
    assert any(s == "Enugu" and p == "locatedIn" for s, p, _ in relations(facts))


def test_a_persons_name_ending_in_a_region_word_stays_a_person() -> None:
    found = {e.label: e.type for e in facts_of("John State said the plan would cost jobs.").entities}
    assert found.get("John State") == "Person"


@pytest.mark.parametrize(("text", "state"), [
    ("She flew to Denver from NC on Sunday.", "North Carolina"),
    ("The chain closed stores in Ohio and KY last year, Texas officials said.", "Kentucky"),
    ("The family moved from Boston to VA last spring.", "Virginia"),
])
def test_a_state_abbreviation_in_a_story_of_its_country_is_the_state(text: str,
                                                                      state: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get(state) == "AdministrativeRegion"


@pytest.mark.parametrize("text", [
    "Crews worked on a downtown LA skyscraper as Texas officials watched.",
    "She moved from Boston to LA last spring.",
    "Prices in L.A. rose faster than in Ohio, the report said.",
])
def test_la_is_los_angeles_not_louisiana(text: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get("Los Angeles") == "City"
    assert "Louisiana" not in found


def test_two_regions_abbreviation_is_known_as_shared() -> None:
    assert "WA" in default_gazetteer().shared_abbreviations  # Washington, Western Australia
    assert "NC" not in default_gazetteer().shared_abbreviations


@pytest.mark.parametrize("text", [
    "The band NM played two encores.",  # no place of the state's country in the story
    "FLOODS IN OK AND TEXAS CLOSE ROADS",  # a line in capitals
])
def test_two_capitals_without_their_country_are_no_state(text: str) -> None:
    assert all(e.type != "AdministrativeRegion" or e.label != "OK" and e.label != "NM"
               for e in facts_of(text).entities)


@pytest.mark.parametrize("text", [
    "Officials in Washington, DC, said the storm would pass.",
    "Traffic in DC slowed as the storm hit Virginia.",
    "Lawmakers in Washington and aides in D.C. disagreed.",
])
def test_dc_is_washington(text: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get("Washington") == "City"
    assert "Place" not in found.values()


@pytest.mark.parametrize(("text", "site"), [
    ("Fog delayed flights at Brindlemoor, Teshwick and Quorvale airports on Friday.",
     "Teshwick"),
    ("Storms shut the two city airports -- Kestrelwood and Pellowby -- for hours.", "Pellowby"),
    ("Travellers crowded the Kestrelwood and Pellowby airports before the holiday.",
     "Pellowby"),
])
def test_names_given_with_a_sites_noun_are_places(text: str, site: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get(site) == "Place"


@pytest.mark.parametrize(("text", "site", "town"), [
    ("Travellers crowded the Kestrelwood and Pellowby airports in Osaka before the holiday.",
     "Pellowby", "Osaka"),
    ("Snow closed Toronto's Kestrelwood and Pellowby airports for a day.", "Pellowby", "Toronto"),
])
def test_a_site_lies_where_its_noun_says(text: str, site: str, town: str) -> None:
    assert (site, "locatedIn", town) in relations(facts_of(text))


@pytest.mark.parametrize(("text", "site", "container"), [
    ("Departures from Denver International Airport averaged two hours, Colorado officials said.",
     "Denver International Airport", "Colorado"),
    ("Flights left Manchester International Airport after fog lifted in England.",
     "Manchester International Airport", "England"),
    ("Queues built at Sendai International Airport as Miyagi officials met.",
     "Sendai International Airport", "Miyagi"),
])
def test_a_site_named_after_a_town_lies_around_the_town(text: str, site: str,
                                                        container: str) -> None:
    assert (site, "locatedIn", container) in relations(facts_of(text))


def test_a_site_named_after_a_town_is_not_placed_in_a_far_country() -> None:
    facts = facts_of("Fans filled the Adelaide Oval as Australia batted on.")
    assert not any(s == "Adelaide Oval" and p == "locatedIn" for s, p, _ in relations(facts))


def test_an_areas_airports_need_not_lie_in_its_city() -> None:
    facts = facts_of("Winds hit the three Boston-area airports -- Quorvale, Pellowby and Teshwick.")
    assert not any(p == "locatedIn" and o == "Boston" for _, p, o in relations(facts))


def test_a_side_opening_a_sentence_names_no_part_of_a_state() -> None:
    facts = facts_of("Southern Peru lies on a fault, and Peru has had many quakes.")
    assert ("Southern Peru", "locatedIn", "Peru") not in relations(facts)


@pytest.mark.parametrize(("text", "part", "container"), [
    ("Ice storms hit Northern Virginia on Monday, the United States weather service said.",
     "Northern Virginia", "United States"),
    ("Farmers in downstate Illinois lost crops, and Illinois officials sent aid.",
     "downstate Illinois", "Illinois"),
    ("Shelling in South Lebanon drew a response from Lebanon's army.", "South Lebanon", "Lebanon"),
    ("Drivers in Northwest Arkansas slid on icy roads as the US storm moved east.",
     "Northwest Arkansas", "United States"),
    ("Snow fell from upstate New York into Canada, the United States said.",
     "upstate New York", "United States"),
])
def test_a_side_of_a_state_lies_in_it_or_its_country(text: str, part: str,
                                                     container: str) -> None:
    facts = facts_of(text)
    assert entity(facts, part).type == "Place"
    assert (part, "locatedIn", container) in relations(facts)


def test_a_side_word_that_makes_a_states_name_is_the_state() -> None:
    facts = facts_of("Floods hit North Carolina and South Australia in the same week.")
    found = {e.label: e.type for e in facts.entities if not e.local}
    assert found.get("North Carolina") == "AdministrativeRegion"
    assert found.get("South Australia") == "AdministrativeRegion"


@pytest.mark.parametrize("text", [
    "Children cheered when the Fox in the Box float rolled past.",
    "The station published its Week in Review on Friday.",
    "Critics praised the Girl in the Attic musical at its opening.",
])
def test_the_last_word_of_a_title_is_no_place(text: str) -> None:
    assert all(e.type not in ("Place", "City") for e in facts_of(text).entities)


@pytest.mark.parametrize(("text", "town"), [
    ("Relief came to the Church in Tarrowby on Sunday.", "Tarrowby"),
    ("We spent Christmas in Tarrowby with friends.", "Tarrowby"),
])
def test_a_town_after_a_capitalised_word_and_in_is_still_a_place(text: str, town: str) -> None:
    found = {e.label: e.type for e in facts_of(text).entities if not e.local}
    assert found.get(town) in ("Place", "City")


@pytest.mark.parametrize(("text", "area", "container"), [
    ("Ice covered roads across the Midwest, the United States weather service said.",
     "Midwest", "United States"),
    ("Jobs left the Sun Belt and the Rust Belt, United States officials said.", "Sun Belt",
     "United States"),
    ("Snow hit the Upper Midwest and the Midwest, the United States agency said.",
     "Upper Midwest", "Midwest"),
])
def test_a_region_of_the_united_states_lies_in_it(text: str, area: str, container: str) -> None:
    assert (area, "locatedIn", container) in relations(facts_of(text))


def test_a_region_of_the_united_states_says_nothing_without_it() -> None:
    facts = facts_of("Storms hit the Midwest on Monday, and Canada sent crews.")
    assert not any(s == "Midwest" and p == "locatedIn" for s, p, _ in relations(facts))


@pytest.mark.parametrize("text", [
    '"QUIET CAR. Window seat. Good coffee," a commuter posted on Instagram.',
    'A banner reading "FREE CAR WASH" hung outside the school gym.',
    "The sign said CAR PARK FULL, so the visitors drove on to Leeds.",
])
def test_a_states_alias_in_a_line_of_capitals_is_a_word(text: str) -> None:
    assert all(e.type != "Country" for e in facts_of(text).entities)


def test_a_states_alias_in_prose_is_the_state() -> None:
    facts = facts_of("Peacekeepers from Chad, the DRC and the CAR arrived in Bangui on Monday.")
    assert entity(facts, "Central African Republic").type == "Country"


def test_a_list_of_a_states_regions_keeps_each_region() -> None:
    facts = facts_of("Queensland, the Northern Territory and Western Australia each reported "
                     "two cases.")
    assert entity(facts, "Western Australia").type == "AdministrativeRegion"
    assert entity(facts, "Queensland").type == "AdministrativeRegion"


@pytest.mark.parametrize(("text", "place", "stub"), [
    ("Shells fell on the outskirts of Mazar-e-Sharif before dawn, a local official said.",
     "Mazār-e Sharīf", "Mazar"),  # the gazetteer's name for it
    ("The summit in Sharm-el-Sheikh closed on Thursday without a joint statement.",
     "Sharm-el-Sheikh", "Sharm"),
    ("Snow delayed trucks heading north from Mazar-i-Sharif in northern Afghanistan.",
     "Mazar-i-Sharif", "Mazar"),
])
def test_a_place_name_split_at_its_hyphens_is_kept_whole(text: str, place: str,
                                                         stub: str) -> None:
    facts = facts_of(text)
    assert entity(facts, place).type in ("City", "Place")
    assert stub not in {e.label for e in facts.entities}


def test_places_joined_by_a_hyphen_stay_apart() -> None:
    found = {e.label for e in facts_of("The Kabul-to-Jalalabad highway reopened on "
                                       "Monday.").entities}
    assert "Kabul" in found
