"""Resolution alone: hand-made mentions and facts in, entities and rewritten references out; no spaCy."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from kg.model import Article, Entity, Event, Evidence, Facts, Mention, Relation
from kg.resolve import resolve

TEXT = "placeholder text long enough for every offset used below. " * 20


def mention(id_: str, text: str, start: int, sentence: int, type_: str, kind: str = "name",
            key: str | None = None) -> Mention:
    return Mention(id=id_, text=text, start=start, end=start + len(text), sentence=sentence,
                   type=type_, kind=kind, key=key)


def evidence(sentence: int = 0) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=10, rule="test", confidence=0.9)


def facts(*mentions: Mention, relations: tuple[Relation, ...] = (),
          events: tuple[Event, ...] = ()) -> Facts:
    return Facts(article=Article(id="a1", text=TEXT), mentions=mentions, relations=relations,
                 events=events)


def by_key(resolved: Facts) -> dict[str, Entity]:
    return {entity.key: entity for entity in resolved.entities}


def key_of(resolved: Facts, mention_id: str) -> str:
    owners = [e.key for e in resolved.entities if any(m.id == mention_id for m in e.mentions)]
    assert len(owners) == 1, (mention_id, owners)
    return owners[0]


def test_resolve_and_rdf_need_no_spacy() -> None:
    check = "import sys, kg.resolve, kg.rdf; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0


def test_a_short_name_joins_the_full_name_before_it() -> None:
    resolved = resolve(facts(mention("m1", "Ri Il Kyu", 0, 0, "Person"),
                             mention("m2", "Ri", 40, 1, "Person")))
    assert key_of(resolved, "m1") == key_of(resolved, "m2") == "ri-il-kyu"
    entity = by_key(resolved)["ri-il-kyu"]
    assert (entity.label, entity.type, entity.aliases) == ("Ri Il Kyu", "Person", ("Ri",))


def test_a_name_without_its_middle_name_joins_the_full_name() -> None:
    resolved = resolve(facts(mention("m1", "Ana Maria Ruiz", 0, 0, "Person"),
                             mention("m2", "Ana Ruiz", 40, 1, "Person"),
                             mention("m3", "Tomas Ruiz", 80, 2, "Person")))
    assert key_of(resolved, "m1") == key_of(resolved, "m2") == "ana-maria-ruiz"
    assert key_of(resolved, "m3") == "tomas-ruiz"  # another given name: another person


def test_a_gazetteer_key_gives_the_entry_its_name_and_wikidata_link() -> None:
    resolved = resolve(facts(mention("m1", "DPRK", 0, 0, "Country", key="north-korea")))
    entity = by_key(resolved)["north-korea"]
    assert (entity.label, entity.type, entity.wikidata) == ("North Korea", "Country", "Q423")
    assert "DPRK" in entity.aliases


def test_an_acronym_joins_the_organisation_it_abbreviates() -> None:
    resolved = resolve(facts(mention("m1", "Korea Maritime Institute", 0, 0, "Agency"),
                             mention("m2", "KMI", 60, 2, "Agency")))
    assert key_of(resolved, "m2") == key_of(resolved, "m1") == \
        "korea-maritime-institute~organization"  # a name the gazetteer does not know


def test_a_pronoun_joins_the_latest_person_within_reach_or_stays_unresolved() -> None:
    near = resolve(facts(mention("m1", "Ri Il Kyu", 0, 0, "Person"),
                         mention("m2", "he", 30, 1, "Person", kind="pronoun")))
    assert key_of(near, "m2") == "ri-il-kyu"
    far = resolve(facts(mention("m1", "Ri Il Kyu", 0, 0, "Person"),
                        mention("m2", "he", 300, 9, "Person", kind="pronoun")))
    assert all(m.id != "m2" for e in far.entities for m in e.mentions)


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    def she_is(text: str, first: str, second: str) -> str:
        start = text.index(second)
        she = text.index("She")
        mentions = (mention("m1", first, text.index(first), 0, "Person"),
                    mention("m2", second, start, 0, "Person"),
                    mention("m3", "She", she, 1, "Person", kind="pronoun"))
        return key_of(resolve(Facts(article=Article(id="a1", text=text), mentions=mentions)), "m3")

    assert she_is("Ann Voss met Mr Tom Pell. She said it went well.", "Ann Voss", "Tom Pell") == "ann-voss"
    assert she_is("Kim Voss met Mark Pell. She said it went well.", "Kim Voss", "Mark Pell") == "kim-voss"
    assert she_is("Kim Voss met the actress Lee Pell. She said so.", "Kim Voss", "Lee Pell") == "lee-pell"
    assert she_is("Kim Voss met Lee Pell. She said so.", "Kim Voss", "Lee Pell") == "lee-pell"


def test_a_pronoun_in_a_quotation_is_not_its_speaker() -> None:
    text = 'Jim Roe fled. Tom Pell was asked. "He is in Lima," Pell said.'
    mentions = (mention("m1", "Jim Roe", 0, 0, "Person"), mention("m2", "Tom Pell", 14, 1, "Person"),
                mention("m3", "He", text.index("He"), 2, "Person", kind="pronoun"),
                mention("m4", "Pell", text.index("Pell said"), 2, "Person"))
    resolved = resolve(Facts(article=Article(id="a1", text=text), mentions=mentions))
    assert key_of(resolved, "m3") == "jim-roe"  # not Pell, who would say "I"


def test_a_relation_to_an_unresolved_mention_is_dropped_and_noted() -> None:
    resolved = resolve(facts(
        mention("m1", "Ri Il Kyu", 0, 0, "Person"),
        mention("m2", "he", 300, 9, "Person", kind="pronoun"),
        relations=(Relation("m2", "spouse", "m1", evidence(9)),),
    ))
    assert resolved.relations == ()
    assert resolved.notes == ("dropped spouse: unresolved 'he'",)


def test_relations_are_rewritten_to_entity_keys_once() -> None:
    resolved = resolve(facts(
        mention("m1", "Kim Jong Un", 0, 0, "Person"),
        mention("m2", "Kim Jong Il", 20, 0, "Person"),
        mention("m3", "Kim Jong Un", 80, 3, "Person"),
        relations=(Relation("m1", "parent", "m2", evidence(0)),
                   Relation("m3", "parent", "m2", evidence(3))),
    ))
    assert [(r.subject, r.predicate, r.object) for r in resolved.relations] == [
        ("kim-jong-un", "parent", "kim-jong-il")]


def test_a_capital_that_owns_a_ministry_stands_for_its_state() -> None:
    resolved = resolve(facts(
        mention("m1", "Seoul", 0, 0, "City", key="seoul"),
        mention("m2", "Ministry of Unification", 8, 0, "Ministry"),
        relations=(Relation("m2", "partOf", "m1", evidence(0)),),
    ))
    assert [(r.subject, r.object) for r in resolved.relations] == [
        ("ministry-of-unification", "south-korea")]
    assert by_key(resolved)["south-korea"].type == "Country"


def test_a_defector_leaves_the_state_of_their_nationality() -> None:
    defection = Event(key="e1", type="Defection", trigger="defected", evidence=evidence(0),
                      roles=(("agent", "m1"), ("destination", "m3")))
    resolved = resolve(facts(
        mention("m1", "Ri Il Kyu", 0, 0, "Person"),
        mention("m2", "North Korea", 20, 0, "Country", key="north-korea"),
        mention("m3", "South Korea", 40, 0, "Country", key="south-korea"),
        relations=(Relation("m1", "nationality", "m2", evidence(0)),),
        events=(defection,),
    ))
    (event,) = resolved.events
    assert set(event.roles) == {("agent", "ri-il-kyu"), ("destination", "south-korea"),
                                ("origin", "north-korea")}
    told = resolve(replace(facts(
        mention("m1", "Ri Il Kyu", 0, 0, "Person"),
        mention("m2", "North Korea", 20, 0, "Country", key="north-korea"),
        mention("m4", "China", 60, 0, "Country", key="china"),
        relations=(Relation("m1", "nationality", "m2", evidence(0)),),
    ), events=(replace(defection, roles=(("agent", "m1"), ("origin", "m4"))),)))
    assert dict(told.events[0].roles)["origin"] == "china"  # what the text says wins


def test_an_unnamed_participant_is_local_to_its_article() -> None:
    resolved = resolve(facts(mention("m1", "a North Korean soldier", 100, 4, "Person",
                                     kind="nominal")))
    (entity,) = resolved.entities
    assert entity.local and entity.key == "a1/north-korean-soldier-100"
    assert entity.label == "North Korean soldier"


@pytest.mark.parametrize("generic", ["Health Ministry", "Foreign Ministry"])
def test_a_body_every_state_has_is_scoped_to_its_state_or_article(generic: str) -> None:
    alone = resolve(facts(mention("m1", generic, 0, 0, "Ministry")))
    assert alone.entities[0].key.startswith("a1/")
    owned = resolve(facts(
        mention("m1", generic, 0, 0, "Ministry"),
        mention("m2", "Japan", 30, 0, "Country", key="japan"),
        relations=(Relation("m1", "partOf", "m2", evidence(0)),),
    ))
    assert key_of(owned, "m1").startswith("japan/")


@pytest.mark.parametrize(("type_", "key"), [
    ("Country", "jordan"),  # the gazetteer's entry owns its key
    ("City", "jordan"),  # a place too: the vote chooses among the kinds of place
    ("Person", "jordan~person"),
    ("Organization", "jordan~organization"),
])
def test_a_name_of_a_state_read_as_another_kind_gets_a_key_of_its_kind(type_: str, key: str) -> None:
    resolved = resolve(facts(mention("m1", "Jordan", 0, 0, type_)))
    assert key_of(resolved, "m1") == key


@pytest.mark.parametrize(("type_", "key"), [
    ("Person", "talvera"),  # a name the gazetteer does not know is a person's
    ("Place", "talvera~place"),
    ("Company", "talvera~organization"),
    ("Agency", "talvera~organization"),  # organisations of every kind share one key
])
def test_an_unknown_name_is_a_persons_key_and_other_kinds_say_theirs(type_: str, key: str) -> None:
    resolved = resolve(facts(mention("m1", "Talvera", 0, 0, type_)))
    assert key_of(resolved, "m1") == key


def test_references_follow_an_entity_to_the_key_of_its_kind() -> None:
    migration = Event(key="e1", type="Migration", trigger="fled", evidence=evidence(0),
                      roles=(("agent", "m1"), ("destination", "m2")))
    resolved = resolve(facts(
        mention("m1", "Ri Il Kyu", 0, 0, "Person"),
        mention("m2", "Talvera", 30, 0, "Place"),
        mention("m3", "Talvera", 60, 1, "Place"),
        relations=(Relation("m1", "nationality", "m3", evidence(1)),),
        events=(migration,),
    ))
    assert dict(resolved.events[0].roles)["destination"] == "talvera~place"
    assert [(r.subject, r.object) for r in resolved.relations] == [("ri-il-kyu", "talvera~place")]
    assert set(by_key(resolved)) == {"ri-il-kyu", "talvera~place"}


def test_institutions_and_scoped_bodies_keep_their_keys() -> None:
    from kg.gazetteer import default_gazetteer
    from kg.resolve import entity_key

    gazetteer = default_gazetteer()
    assert entity_key("embassy-of-north-korea-in-china", "Embassy", gazetteer) == \
        "embassy-of-north-korea-in-china"
    assert entity_key("south-korea/national-intelligence-service", "Agency", gazetteer) == \
        "south-korea/national-intelligence-service"
    assert entity_key("a1/north-korean-soldier-100", "Person", gazetteer) == \
        "a1/north-korean-soldier-100"
    assert entity_key("embassy-of-north-korea-in-china", "Person", gazetteer) == \
        "embassy-of-north-korea-in-china~person"


def test_the_last_words_of_a_longer_name_are_that_organisation() -> None:
    resolved = resolve(facts(mention("m1", "Northern Ranges Alliance", 0, 0, "Organization"),
                             mention("m2", "the Alliance", 60, 2, "Organization")))
    assert key_of(resolved, "m2") == key_of(resolved, "m1")
    entity = by_key(resolved)[key_of(resolved, "m1")]
    assert (entity.label, entity.aliases) == ("Northern Ranges Alliance", ("Alliance",))


@pytest.mark.parametrize(("longer", "joined"), [
    ("Australian Army", True),  # a state's adjective before a body every state has
    ("Federal Army", True),
    ("Kosovo Liberation Army", False),  # another body's name
    ("Audit of the Army", False),  # a lower-case word: no name of one body
])
def test_a_body_every_state_has_joins_a_longer_name_only_of_its_state(longer: str,
                                                                      joined: bool) -> None:
    resolved = resolve(facts(mention("m1", longer, 0, 0, "Military"),
                             mention("m2", "Army", 60, 2, "Military")))
    assert (key_of(resolved, "m2") == key_of(resolved, "m1")) is joined


def test_the_last_words_of_two_longer_names_join_neither() -> None:
    resolved = resolve(facts(mention("m1", "Coastal Fishers Guild", 0, 0, "Organization"),
                             mention("m2", "Timber Cutters Guild", 40, 1, "Organization"),
                             mention("m3", "Guild", 80, 2, "Organization")))
    assert key_of(resolved, "m3") not in (key_of(resolved, "m1"), key_of(resolved, "m2"))


def test_a_short_name_joins_the_gazetteers_name_of_a_body_the_article_names_otherwise() -> None:
    resolved = resolve(facts(mention("m1", "AFP", 0, 0, "Agency", key="australian-federal-police"),
                             mention("m2", "Federal Police", 40, 1, "Agency")))
    assert key_of(resolved, "m2") == "australian-federal-police"


@pytest.mark.parametrize(("short", "full"), [
    ("Liberals", "Liberal Party"),
    ("Nationals", "Country National Party"),
    ("Democrats", "Democratic Party"),
    ("Labor", "Tasmanian Labor Party"),
])
def test_a_partys_short_name_joins_its_full_name(short: str, full: str) -> None:
    resolved = resolve(facts(mention("m1", short, 0, 0, "PoliticalParty"),
                             mention("m2", full, 60, 2, "PoliticalParty")))
    assert key_of(resolved, "m1") == key_of(resolved, "m2")
    assert by_key(resolved)[key_of(resolved, "m1")].label == full


def test_a_partys_short_name_two_full_names_share_joins_neither() -> None:
    resolved = resolve(facts(mention("m1", "Democrats", 0, 0, "PoliticalParty"),
                             mention("m2", "Democratic Party", 40, 1, "PoliticalParty"),
                             mention("m3", "Social Democratic Party", 80, 2, "PoliticalParty")))
    assert key_of(resolved, "m1") not in (key_of(resolved, "m2"), key_of(resolved, "m3"))


def test_a_surname_two_full_names_share_is_the_first_named() -> None:
    resolved = resolve(facts(mention("m1", "Ana Lindqvist", 0, 0, "Person"),
                             mention("m2", "Erik Lindqvist", 40, 1, "Person"),
                             mention("m3", "Lindqvist", 80, 2, "Person")))
    assert key_of(resolved, "m3") == key_of(resolved, "m1") == "ana-lindqvist"
    assert by_key(resolved)["erik-lindqvist"].aliases == ()


def test_a_states_body_has_one_key_by_adjective_or_possessive() -> None:
    # "the Fijian police" in one article, "Fiji's police" in another: one node
    fiji = mention("m1", "Fijian", 0, 0, "Country", kind="demonym", key="fiji")
    by_adjective = replace(mention("m2", "Fijian police", 0, 0, "Agency"),
                           attributes=(("owner", "m1"),))
    fiji_named = mention("m1", "Fiji", 0, 0, "Country", key="fiji")
    by_possessive = replace(mention("m2", "police", 7, 0, "Agency", kind="institution"),
                            attributes=(("owner", "m1"),))
    keys = [{e.label: e.key for e in resolve(facts(*pair)).entities}
            for pair in ((fiji, by_adjective), (fiji_named, by_possessive))]
    assert keys[0]["Fijian police"] == keys[1]["Fijian police"] == "fiji/police"


def test_no_one_is_a_member_of_a_name_resolved_to_a_place() -> None:
    # "picking Tarrow" read as a place, then "Vance's Tarrow" as a body: one entity, a place,
    # and a place has no members (kgo:memberOf's range is an organisation)
    resolved = resolve(facts(mention("m1", "Tarrow", 0, 0, "Place"),
                             mention("m2", "Dana Vance", 60, 1, "Person"),
                             mention("m3", "Tarrow", 80, 1, "Organization"),
                             relations=(Relation("m2", "memberOf", "m3", evidence(1)),)))
    assert by_key(resolved)[key_of(resolved, "m3")].type == "Place"
    assert not resolved.relations
    assert any("is a place" in note for note in resolved.notes)


def test_a_member_of_a_body_is_kept() -> None:
    resolved = resolve(facts(mention("m2", "Dana Vance", 60, 1, "Person"),
                             mention("m3", "Tarrow Rowing Club", 80, 1, "Organization"),
                             relations=(Relation("m2", "memberOf", "m3", evidence(1)),)))
    assert len(resolved.relations) == 1
