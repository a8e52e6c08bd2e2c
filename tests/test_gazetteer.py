"""The gazetteer alone: look-ups over a small hand-made gazetteer of invented places, no spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer, KnownOrganization, Place, default_gazetteer, normalize_name, slug

TABLES = {
    "countries.tsv": [
        "key\tname\tiso2\tiso3\twikidata\taliases\tdemonyms\tcapital\tcapital_wikidata",
        "freedonia\tFreedonia\tFD\tFDN\tQ900001\tRepublic of Freedonia|ROF"
        "\tFreedonian|Freedonians\tFredville\t",
        "sylvania\tSylvania\tSY\tSYL\t\t\tSylvanian|Sylvanians\tMarkov\t",
    ],
    "regions.tsv": [
        "key\tname\tcountry_iso2\tadmin1\twikidata\taliases\tabbreviations\tcapital\tkind",
        "upper-marsh\tUpper Marsh\tFD\tFD.01\t\t\tU.M.|UM\t\t",
        "lower-marsh\tLower Marsh\tFD\tFD.02\t\t\t\tbogton\t",
        "east-bank\tEast Bank\tSY\tSY.03\t\t\t\t\tterritory",
    ],
    "cities.tsv": [
        "key\tname\tcountry_iso2\tpopulation\twikidata\taliases\tregion\tmetro",
        "fredville\tFredville\tFD\t90000\tQ900002\tFredville City\tupper-marsh\t",
        "markov\tMarkov\tSY\t2000000\t\t\t\t",
        "old-markov\tOld Markov\tSY\t9000\t\t\t\tmarkov",
        "springfield-fd\tSpringfield\tFD\t400000\t\t\t",
        "springfield-sy\tSpringfield\tSY\t5000\t\t\t",
        "bogton\tBogton\tFD\t30000\t\t\tlower-marsh",
        "reedham\tReedham\tFD\t40000\t\t\tlower-marsh",
        "ferrytown\tFerrytown\tSY\t60000\t\t\teast-bank",
    ],
    "areas.tsv": [
        "key\tname\tcountry_iso2\tregion\twikidata\taliases",
        "heath-valley-fd\tHeath\tFD\tupper-marsh\t\tHeath Valley",
        "downs-fd\tDowns\tFD\tupper-marsh\t\t",
        "downs-sy\tDowns\tSY\teast-bank\t\t",
    ],
    "organizations.tsv": [
        "key\tname\ttype\tcountry_iso2\twikidata\taliases",
        "freedonian-broadcasting\tFreedonian Broadcasting Corporation\tNewsOrganization\tFD\t\tFBC",
        "freedonia-health-ministry\tHealth Ministry\tMinistry\tFD\t\t",
    ],
}


@pytest.fixture()
def gazetteer(tmp_path: Path) -> Gazetteer:
    for name, lines in TABLES.items():
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Gazetteer(tmp_path, lexicon=tmp_path / "no-lexicon")


def test_a_state_is_found_by_its_name_or_alias_as_written(gazetteer: Gazetteer) -> None:
    for name in ("Freedonia", "Republic of Freedonia", "ROF", "  Republic  of Freedonia "):
        found = gazetteer.lookup(name)
        assert isinstance(found, Place), name
        assert (found.key, found.type, found.wikidata) == ("freedonia", "Country", "Q900001")
    assert gazetteer.lookup("Atlantis") is None
    assert gazetteer.lookup("freedonia") is None  # case matters: "turkey" is not Turkey


def test_a_capital_is_linked_both_ways_and_never_a_minor_town(gazetteer: Gazetteer) -> None:
    freedonia = gazetteer.get("freedonia")
    assert isinstance(freedonia, Place) and freedonia.capital == "fredville"
    assert gazetteer.capital_of("fredville") == gazetteer.get("freedonia")
    assert gazetteer.capital_of("springfield-fd") is None
    fredville = gazetteer.get("fredville")
    assert isinstance(fredville, Place) and not fredville.minor  # 90,000 people, but a capital
    assert fredville.country == "freedonia" and fredville.containers[:2] == ("upper-marsh", "freedonia")


def test_a_regions_capital_is_no_minor_town_nor_its_states_capital(gazetteer: Gazetteer) -> None:
    bogton, reedham = gazetteer.get("bogton"), gazetteer.get("reedham")
    assert isinstance(bogton, Place) and not bogton.minor  # 30,000 people, a region's seat
    assert isinstance(reedham, Place) and reedham.minor  # 40,000 people, no seat
    assert gazetteer.capital_of("bogton") is None and "bogton" not in gazetteer.capital_keys


def test_the_shipped_gazetteer_knows_regions_geonames_left_out_and_their_capitals() -> None:
    shipped = default_gazetteer()
    for name, country in (("North Sinai", "egypt"), ("Quang Ninh", "vietnam"),
                          ("Quang Ninh Province", "vietnam"), ("Kavango East", "namibia")):
        region = shipped.lookup(name)
        assert isinstance(region, Place) and region.type == "AdministrativeRegion", name
        assert region.country == country
    for capital in ("Darwin", "Juneau", "Gangtok"):
        town = shipped.lookup(capital)
        assert isinstance(town, Place) and town.type == "City" and not town.minor, capital


def test_a_name_two_places_share_lists_both_the_first_one_first(gazetteer: Gazetteer) -> None:
    assert [p.key for p in gazetteer.candidates("Springfield")] == ["springfield-fd", "springfield-sy"]
    assert gazetteer.lookup("Springfield") == gazetteer.get("springfield-fd")
    assert gazetteer.candidates("Nowhere") == []


def test_demonyms_regions_and_abbreviations(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym("Freedonian") == gazetteer.get("freedonia")
    assert gazetteer.demonym("Freedonians") == gazetteer.get("freedonia")
    assert gazetteer.demonym("Martian") is None
    marsh = gazetteer.get("upper-marsh")
    assert gazetteer.region_abbreviation("U.M.") == marsh
    assert gazetteer.region_after_town("Upper Marsh") == marsh
    assert gazetteer.lookup("Upper Marsh province") == marsh  # the region word is dropped
    assert gazetteer.region_after_town("Sylvania") is None  # a state is not a region


def test_organisations_keep_their_type_and_state(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("FBC")
    assert isinstance(found, KnownOrganization)
    assert (found.key, found.type, found.country) == ("freedonian-broadcasting", "NewsOrganization",
                                                      "freedonia")


def test_ruler_patterns_name_states_capitals_big_cities_demonyms_and_organisations(
    gazetteer: Gazetteer,
) -> None:
    patterns = {(p["label"], p["pattern"]): p["id"] for p in gazetteer.ruler_patterns()}
    assert patterns[("GPE", "Freedonia")] == "freedonia"
    assert patterns[("NORP", "Freedonian")] == "freedonia"
    assert patterns[("GPE", "Fredville")] == "fredville"  # a capital
    assert patterns[("GPE", "FREDVILLE")] == "fredville"  # as a dateline writes it
    assert patterns[("GPE", "Markov")] == "markov"  # two million people
    assert patterns[("GPE", "Upper Marsh")] == "upper-marsh"  # a region of two words
    assert ("GPE", "Springfield") not in patterns  # neither a capital nor a big city
    assert patterns[("ORG", "FBC")] == "freedonian-broadcasting"
    assert ("ORG", "Health Ministry") not in patterns  # every state has one: never by name alone


def test_a_territory_is_a_place_that_lies_in_its_state_and_holds_its_towns(
        gazetteer: Gazetteer) -> None:
    bank = gazetteer.lookup("East Bank")
    assert isinstance(bank, Place) and bank.type == "Place" and bank.territory
    assert bank.containers == ("sylvania",)
    assert gazetteer.region_after_town("East Bank") == bank  # "Ferrytown, East Bank"
    town = gazetteer.lookup("Ferrytown")
    assert isinstance(town, Place) and town.containers == ("east-bank", "sylvania")
    upper = gazetteer.lookup("Upper Marsh")
    assert isinstance(upper, Place) and upper.type == "AdministrativeRegion" and not upper.territory
    assert not any(p.territory for p in gazetteer.places.values() if p.type != "Place")


def test_a_named_area_lies_in_its_region_and_is_found_by_area_only(gazetteer: Gazetteer) -> None:
    heath = gazetteer.area("the Heath Valley")
    assert isinstance(heath, Place) and heath == gazetteer.area("Heath")
    assert heath.containers == ("upper-marsh", "freedonia")
    assert gazetteer.lookup("Heath") is None  # a surname as often: never a name by itself
    assert gazetteer.area("Downs") is None  # two states have one
    assert gazetteer.area("Markov") is None


def test_a_suburb_lies_in_its_city_before_its_region(gazetteer: Gazetteer) -> None:
    suburb = gazetteer.lookup("Old Markov")
    assert isinstance(suburb, Place) and suburb.metro == "markov"
    assert suburb.containers == ("markov", "sylvania")
    markov = gazetteer.lookup("Markov")
    assert isinstance(markov, Place) and markov.metro is None and "markov" not in markov.containers


def test_names_and_slugs() -> None:
    assert normalize_name("  Kim   Jong Un ") == "Kim Jong Un"
    assert slug("Kim Jong Un") == "kim-jong-un"
    assert slug("Côte d’Ivoire") == slug("Côte d’Ivoire")  # stable
    assert slug("O'Brien & Sons") == "o-brien-sons"


def test_the_shipped_gazetteer_knows_the_seed_articles_states() -> None:
    shipped = default_gazetteer()
    assert shipped is default_gazetteer()  # loaded once per process
    north = shipped.lookup("DPRK")
    assert isinstance(north, Place) and north.key == "north-korea" and north.capital == "pyongyang"
    assert shipped.capital_of("seoul") == shipped.get("south-korea")


SHARED_NAMES = {
    "countries.tsv": TABLES["countries.tsv"],
    "regions.tsv": [
        TABLES["regions.tsv"][0],
        "alexport-fd\tAlexport\tFD\tFD.05\t\t\t\t\t",  # a governorate around a big city
        "tarn\tTarn\tSY\tSY.07\t\t\t\t\t",  # a small region abroad
        "reed-fd\tReed\tFD\tFD.08\t\t\t\t\t",  # a province named after its seat
        "moss\tMoss\tSY\tSY.09\t\t\t\t\t",  # a large region abroad
    ],
    "cities.tsv": [
        TABLES["cities.tsv"][0],
        "alexport\tAlexport\tFD\t1000000\t\t\talexport-fd\t",
        "alexport-sy\tAlexport\tSY\t150000\t\t\t\t",
        "glenby\tGlenby\tFD\t200000\t\t\talexport-fd\t",
        "tarnville\tTarnville\tSY\t20000\t\t\ttarn\t",
        "tarn-fd\tTarn\tFD\t30000\t\t\t\t",
        "reed\tReed\tFD\t40000\t\t\treed-fd\t",
        "reedwick\tReedwick\tFD\t10000\t\t\treed-fd\t",
        "mossby\tMossby\tSY\t100000\t\t\tmoss\t",
        "moss-fd\tMoss\tFD\t30000\t\t\t\t",
    ],
    "organizations.tsv": TABLES["organizations.tsv"][:1],
}


@pytest.fixture()
def shared(tmp_path: Path) -> Gazetteer:
    for name, lines in SHARED_NAMES.items():
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Gazetteer(tmp_path, lexicon=tmp_path / "no-lexicon")


def test_a_region_takes_a_name_only_when_it_dwarfs_the_largest_city_of_that_name(
        shared: Gazetteer) -> None:
    # the governorate (1.2 million people) dwarfs the 150,000 abroad but not the city of a million
    assert [p.key for p in shared.candidates("Alexport")] == ["alexport", "alexport-sy",
                                                              "alexport-fd"]


def test_a_minor_town_comes_before_a_smaller_region_abroad_not_before_its_own(
        shared: Gazetteer) -> None:
    assert shared.lookup("Tarn") == shared.get("tarn-fd")  # 30,000 people; the region 20,000
    assert shared.lookup("Moss") == shared.get("moss")  # the region abroad has 100,000
    assert shared.lookup("Reed") == shared.get("reed-fd")  # its own province keeps the name
    assert [p.key for p in shared.candidates("Tarn")] == ["tarn-fd", "tarn"]


def test_the_shipped_regions_are_complete_and_unambiguous_within_a_country() -> None:
    shipped = default_gazetteer()
    regions = [p for p in shipped.places.values() if p.type == "AdministrativeRegion"]
    names = [(p.iso2, p.name.lower()) for p in regions]
    assert len(names) == len(set(names))  # no stale name twice ("Kashmir" for Ladakh too)
    big = [p for p in shipped.places.values() if p.type == "City" and p.population >= 100_000]
    placed = [p for p in big if p.region]
    assert len(placed) >= 0.97 * len(big), f"{len(placed)} of {len(big)} large towns have a region"
    for town in ("Jalalabad", "Kandahar", "Mazar-e Sharif"):
        found = shipped.lookup(town)
        assert isinstance(found, Place) and found.region, town
        assert shipped.places[found.region].country == "afghanistan"


def test_the_shipped_areas_lie_in_known_states_and_regions_and_each_name_names_one() -> None:
    import csv

    shipped = default_gazetteer()
    folder = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
    with (folder / "areas.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [row["key"] for row in rows] == sorted(row["key"] for row in rows)
    for row in rows:
        for name in (row["name"], *filter(None, row["aliases"].split("|"))):
            area = shipped.area(name)
            assert area is not None and area.key == row["key"], name
        country = shipped.get(area.country or "")
        assert isinstance(country, Place) and country.iso2 == row["country_iso2"], row["key"]
        region = shipped.get(row["region"]) if row["region"] else None
        assert not row["region"] or isinstance(region, Place) and \
            region.type == "AdministrativeRegion" and region.country == country.key, row["key"]
    hunter = shipped.area("Hunter Valley")
    assert hunter is not None and hunter.containers == ("new-south-wales", "australia")


def test_an_airport_is_found_by_its_name_as_news_writes_it(tmp_path: Path) -> None:
    for name, lines in TABLES.items():
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "airports.tsv").write_text(
        "key\tname\tiata\tcountry_iso2\tcity\tregion\taliases\n"
        "fdv-airport\tFredville J R Smith International Airport\tFDV\tFD\tfredville\t"
        "upper-marsh\tJ R Smith|Smith Field\n"
        "mkv-airport\tMarkov Bank Airport\tMKV\tSY\t\teast-bank\tBank Airport\n",
        encoding="utf-8")
    gazetteer = Gazetteer(tmp_path, lexicon=tmp_path / "no-lexicon")
    for name in ("J. R. Smith", "the Smith Field", "Fredville J.R. Smith International Airport"):
        found = gazetteer.airport(name)
        assert found is not None and found.key == "fdv-airport", name
        assert found.containers[:3] == ("fredville", "upper-marsh", "freedonia")
    bank = gazetteer.airport("Bank Airport")  # it serves Markov from another region
    assert bank is not None and bank.containers == ("east-bank", "sylvania")
    assert gazetteer.airport("Smith") is None
    assert gazetteer.lookup("Smith Field") is None  # never a name the other look-ups know


def test_the_shipped_airports_lie_in_known_towns() -> None:
    import csv

    shipped = default_gazetteer()
    folder = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
    with (folder / "airports.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [row["key"] for row in rows] == sorted(row["key"] for row in rows)
    assert all(isinstance(shipped.get(row["city"] or row["region"]), Place) for row in rows)
    heathrow = shipped.airport("Heathrow Airport")
    assert heathrow is not None and heathrow.containers[0] == "london"
