"""Entity rules for the shapes of wire copy (datelines, credits, a state's bodies written after
its adjective, names the model cuts), each on an invented sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from extracting import facts_of, labels, relations
from kg.evaluate import COARSE_TYPES
from kg.model import Facts
from kg.nlp import parse


def _coarse(type_: str) -> str:
    """The real-news gold set's type for a kg class."""
    return "State" if type_ == "AdministrativeRegion" else COARSE_TYPES.get(type_, type_)


def typed(facts: Facts) -> dict[str, str]:
    found = {}
    for entity in facts.entities:
        if not entity.local:
            found.update({alias: entity.type for alias in entity.aliases})
            found[entity.label] = entity.type
    return found


# One sentence, one name and the class kg must read it as; each row is one rule's case.
READINGS = [pytest.param(row["text"], row["name"], row["type"], id=row["id"])
            for row in yaml.safe_load((Path(__file__).parent / "fixtures" /
                                       "entity-readings.yaml").read_text(encoding="utf-8"))]


def test_the_name_an_acronym_in_brackets_abbreviates_is_one_organisation() -> None:
    facts = facts_of("The Agency for Integration, Migration and Asylum (AIMA) processed 2,000 "
                     "requests. AIMA said it needed more staff.")
    agency = next(e for e in facts.entities if e.type == "Agency")
    assert agency.label == "Agency for Integration, Migration and Asylum"
    assert "AIMA" in agency.aliases
    assert [e.label for e in facts.entities if not e.local] == [agency.label]
    found = typed(facts_of("Officials in the United States (US) said the talks had failed."))
    assert found.get("United States") == "Country"


def test_a_un_body_under_its_short_name_is_the_known_one() -> None:
    facts = facts_of("Aid was delayed, the UN Office for the Coordination of Humanitarian Affairs "
                     "said.")
    assert [e.label for e in facts.entities] == [
        "United Nations Office for the Coordination of Humanitarian Affairs"]


def test_a_peoples_name_before_a_noun_is_no_outlet() -> None:
    found = typed(facts_of("The Hindu festival of Diwali began on Monday across India."))
    assert "The Hindu" not in found and "Hindu" not in found


def test_a_schemes_or_policys_name_is_no_entity() -> None:
    found = typed(facts_of("The Pharmaceutical Benefits Scheme will cost more this year, and the "
                           "Pacific Solution has cost taxpayers $500 million."))
    assert "Pharmaceutical Benefits Scheme" not in found and "Pacific Solution" not in found


def test_a_title_of_a_state_stays_a_title_and_a_state() -> None:
    found = typed(facts_of("The president of France met the King of Spain in Madrid."))
    assert found.get("France") == "Country" and found.get("Spain") == "Country"
    assert not any(" of " in label for label in found)


@pytest.mark.parametrize(("text", "name", "type_"), READINGS)
def test_a_name_reads_as(text: str, name: str, type_: str) -> None:
    assert typed(facts_of(text)).get(name) == type_


def test_a_dotted_abbreviation_before_a_hyphen_is_split_like_an_undotted_one() -> None:
    assert [t.text for t in parse("A U.S.-Mexico deal")] == ["A", "U.S.", "-", "Mexico", "deal"]
    facts = facts_of("A U.S.-British air raid hit Basra, officials in Florida said.")
    assert typed(facts).get("United States") == "Country"
    assert ("Florida", "locatedIn", "United States") in relations(facts)


@pytest.mark.parametrize(("text", "place", "label"), [
    ("SAO PAULO (Reuters) - Brazil's central bank raised rates on Wednesday.", "SAO PAULO",
     "São Paulo"),
    ("RIO DE JANEIRO, Brazil (AP) — Police raided a favela on Monday.", "RIO DE JANEIRO",
     "Rio de Janeiro"),
    ("ST. LOUIS (AP) — Police said two men were arrested.", "ST. LOUIS", "St. Louis"),
])
def test_a_dateline_of_several_words_in_capitals(text: str, place: str, label: str) -> None:
    city = next(e for e in facts_of(text).entities if place in e.aliases)
    assert (city.label, city.type) == (label, "City")


def test_a_dotted_state_abbreviation_after_a_town() -> None:
    facts = facts_of("WINSTON-SALEM, N.C. (AP) — A fire killed two people on Sunday.")
    assert ("Winston-Salem", "locatedIn", "North Carolina") in relations(facts)


@pytest.mark.parametrize(("text", "body", "type_", "state"), [
    ("The Spanish parliament voted to ban the party on Tuesday.", "Spanish parliament",
     "Legislature", "Spain"),
    ("The Sri Lankan navy says it sank two rebel boats.", "Sri Lankan navy", "Military",
     "Sri Lanka"),
    ("The Chinese foreign ministry said the visit was off.", "Chinese foreign ministry",
     "Ministry", "China"),
])
def test_a_states_adjective_and_a_body_in_lower_case(text: str, body: str, type_: str,
                                                     state: str) -> None:
    facts = facts_of(text)
    assert typed(facts).get(body) == type_
    assert (body, "partOf", state) in relations(facts)


def test_a_states_adjective_before_a_ministrys_generic_name() -> None:
    facts = facts_of("The Kenyan Interior Ministry said 12 people had been detained.")
    ministry = next(e for e in facts.entities if e.type == "Ministry")
    assert ministry.label == "Kenyan Interior Ministry" and "Interior Ministry" in ministry.aliases
    assert ("Kenyan Interior Ministry", "partOf", "Kenya") in relations(facts)
    facts = facts_of("The Kenyan Press Agency said 12 people had been detained.")
    assert not any(p in ("partOf", "basedIn") for _, p, _ in relations(facts))  # a proper name


@pytest.mark.parametrize("text", [
    "Officials confirmed the deaths, Le Soir reported on Monday.",
    "The army confirmed the raid, Prensa Libre reported.",
])
def test_a_name_reporting_at_the_end_of_anothers_sentence_is_an_outlet(text: str) -> None:
    assert "NewsOrganization" in typed(facts_of(text)).values()


def test_a_body_after_a_places_possessive() -> None:
    facts = facts_of("Zambia's High Court has ordered the release of the opposition leader.")
    assert typed(facts).get("High Court") == "Court"
    assert ("High Court", "partOf", "Zambia") in relations(facts)


def test_a_title_and_one_name_tagged_as_a_place_is_a_person() -> None:
    facts = facts_of("Britain's Prince Charles visited Sydney on Monday.")
    assert typed(facts).get("Charles") == "Person"
    facts = facts_of("Crowds gathered in Queen Street in Brisbane.")
    assert typed(facts).get("Queen Street") == "Place"


def test_a_states_adjective_before_state_of_places_the_region() -> None:
    facts = facts_of("Heavy rain lashed the southern Indian state of Kerala, killing 30 people.")
    assert ("Kerala", "locatedIn", "India") in relations(facts)


@pytest.mark.parametrize(("text", "region"), [
    ("Bihar Chief Minister Nitish Kumar visited Patna on Sunday.", "Bihar"),
    ("Residents of Maharashtra state queued for vaccines in Pune.", "Maharashtra"),
])
def test_a_one_word_region_the_model_left_untagged(text: str, region: str) -> None:
    assert typed(facts_of(text)).get(region) == "AdministrativeRegion"


def test_a_possessive_inside_a_name_keeps_it_whole() -> None:
    facts = facts_of("The People's Liberation Army held drills near Taiwan.")
    assert typed(facts).get("People's Liberation Army") == "Military"
    assert "People" not in typed(facts)


@pytest.mark.parametrize("text", [
    "One driver chose XRD, which stands for Extended Range Defence, a rocket system.",
    "The hostages were freed from the Seabird Star, a Panamanian cargo ship, on Monday.",
])
def test_a_name_apposed_to_a_thing_is_no_entity(text: str) -> None:
    assert not any(t.endswith("Organization") for t in typed(facts_of(text)).values())


def test_a_longer_name_the_gazetteer_knows_is_taken_whole() -> None:
    facts = facts_of("Aid came from the International Federation of Red Cross and Red Crescent "
                     "Societies on Monday.")
    assert any(label.endswith("Red Crescent Societies") for label in typed(facts))


@pytest.mark.parametrize(("text", "region"), [
    ("The Victorian Opposition Leader, Ann Dale, says the roads are too slow.", None),
    ("The New South Wales Opposition Leader, Ann Dale, says police numbers are low.",
     "New South Wales"),
    ("NSW Health Minister Ann Dale says the hospital will open.", "New South Wales"),
])
def test_a_state_before_a_portfolio_or_the_opposition_stays_a_place(text: str,
                                                                    region: str | None) -> None:
    found = typed(facts_of(text))
    assert found.get("Ann Dale") == "Person"
    assert not any(t.endswith("Organization") or t == "Government" for t in found.values())
    if region:
        assert found.get(region) == "AdministrativeRegion"


def test_a_bare_cabinet_and_budget_are_no_entities() -> None:
    found = typed(facts_of("Cabinet will meet in Canberra tomorrow to discuss the Budget."))
    assert "Cabinet" not in found and "Budget" not in found


def test_a_town_in_a_part_of_a_state() -> None:
    facts = facts_of("Flood waters are rising in Narrawong, in north-west New South Wales.")
    assert typed(facts).get("Narrawong") == "City"
    assert ("Narrawong", "locatedIn", "New South Wales") in relations(facts)


def test_a_name_before_state_is_the_region_not_its_city() -> None:
    facts = facts_of("Gunmen kidnapped 20 students in Kaduna state, police said.")
    region = next(e for e in facts.entities if e.label == "Kaduna")
    assert region.type == "AdministrativeRegion" and "Kaduna state" in region.aliases


def test_the_capital_of_a_region_in_apposition() -> None:
    facts = facts_of("Troops entered Adwa Hills, the capital of Tigray, on Monday.")
    assert typed(facts).get("Adwa Hills") == "City"
    assert ("Adwa Hills", "locatedIn", "Tigray") in relations(facts)


WIRE_SET = Path(__file__).parent / "fixtures" / "wire-entities.yaml"
# Floors just under what kg reads of the invented wire set today (entities and locatedIn links
# found, names wrongly made entities): a drop fails the suite.
WIRE_FLOORS = {"entities": 0.97, "locatedIn": 0.96}
WIRE_SPURIOUS_AT_MOST = 0


def read_wire_set() -> tuple[dict[str, tuple[int, int]], list[str]]:
    """kg's hits on the invented wire set, per kind (found, expected), and what it got wrong."""
    found = {"entities": [0, 0], "locatedIn": [0, 0], "spurious": [0, 0]}
    wrong = []
    for item in yaml.safe_load(WIRE_SET.read_text(encoding="utf-8")):
        facts = facts_of(item["text"])
        types = {name: _coarse(entity.type) for entity in facts.entities if not entity.local
                 for name in (entity.label, *entity.aliases)}
        names = {e.key: (e.label, *e.aliases) for e in facts.entities}
        located = {(a, b) for r in facts.relations if r.predicate == "locatedIn"
                   for a in names[r.subject] for b in names[r.object]}
        for label, type_ in item["entities"].items():
            hit = types.get(label) == type_
            found["entities"][0] += hit
            found["entities"][1] += 1
            wrong += [] if hit else [f"{item['text']}: {label} {type_}, read {types.get(label)}"]
        for link in item.get("located_in") or []:
            hit = tuple(link) in located
            found["locatedIn"][0] += hit
            found["locatedIn"][1] += 1
            wrong += [] if hit else [f"{item['text']}: {link[0]} locatedIn {link[1]}"]
        for label in item.get("not_entities") or []:
            found["spurious"][0] += label in types
            wrong += [f"{item['text']}: {label} is no entity"] if label in types else []
    return {kind: (hits, total) for kind, (hits, total) in found.items()}, wrong


@pytest.mark.slow
def test_the_invented_wire_set_is_read_as_well_as_before() -> None:
    scores, wrong = read_wire_set()
    low = {kind: f"{scores[kind][0]}/{scores[kind][1]}" for kind, floor in WIRE_FLOORS.items()
           if scores[kind][0] < floor * scores[kind][1]}
    assert not low and scores["spurious"][0] <= WIRE_SPURIOUS_AT_MOST, (low, "\n".join(wrong))


def test_an_untagged_body_before_an_office_is_an_organisation() -> None:
    facts = facts_of("Aboriginal and Torres Strait Islander Commission chairman Ben Hale was "
                     "charged on Monday.")
    assert typed(facts).get("Aboriginal and Torres Strait Islander Commission") == "Agency"
    assert typed(facts).get("Ben Hale") == "Person"


def test_a_ships_name_is_no_entity() -> None:
    found = typed(facts_of("The Navy says HMAS Arunta intercepted the boat near Darwin."))
    assert not any("Arunta" in label for label in found)
    assert found.get("Navy") == "Military"


def test_a_station_of_no_broadcaster_types_no_name() -> None:
    found = typed(facts_of("The space station Mir was brought down in 2001."))
    assert found.get("Mir") != "NewsOrganization"


@pytest.mark.parametrize(("text", "outlet"), [
    ("The minister told the Seven Network's Harbour Nights program that the plan would cost "
     "jobs.", "Seven Network"),
    ("The minister said on ABC TV's Nightwatch that the plan would cost jobs.", "ABC TV"),
    ("Speaking on NBC's Meet the Voters, the minister said the plan would cost jobs.",
     "NBC News"),
    ("The minister said on CNN's Jack Reed Tonight that the plan would cost jobs.", "CNN"),
])
def test_a_broadcasters_programme_is_no_entity(text: str, outlet: str) -> None:
    facts = facts_of(text)
    assert [e.label for e in facts.entities if not e.local] == [outlet]
    assert not relations(facts)


def test_a_broadcasters_reporter_stays_a_person() -> None:
    facts = facts_of("The BBC's Tom Hadley reported that the plan would cost jobs.")
    assert typed(facts).get("Tom Hadley") == "Person"


@pytest.mark.parametrize(("text", "member"), [
    ("Lib Dem leader Ed Davey called for an inquiry into the sale.", "Ed Davey"),
    ("Lib Dem MP Sarah Olney said the fares rise was unfair.", "Sarah Olney"),
    ("The Lib Dem candidate won the seat in Cheltenham by 900 votes.", None),
])
def test_a_partys_short_name_in_the_singular_is_the_party(text: str, member: str | None) -> None:
    """"Lib Dem" before a title or a noun names the Liberal Democrats, not a person."""
    facts = facts_of(text)
    found = typed(facts)
    assert found.get("Liberal Democrats") == "PoliticalParty", found
    assert not [label for label, type_ in found.items() if type_ == "Person" and "Lib" in label]
    if member is not None:
        assert (member, "memberOf", "Liberal Democrats") in relations(facts)


@pytest.mark.parametrize(("text", "body", "head"), [
    ("The deal was announced on Monday by Acme CEO Jane Roe in London.", "Acme", "Jane Roe"),
    ("Analysts expect Globex chief executive Tom Hale to resign.", "Globex", "Tom Hale"),
    ("The bank said Korvale CEO Priya Nair would step down in June.", "Korvale", "Priya Nair"),
    ("Telstra CEO Joanne Hale said the network was safe.", "Telstra", "Joanne Hale"),  # known, tagged
    # a people's name by the model
])
def test_a_name_before_a_company_heads_title_and_name_is_the_company(
        text: str, body: str, head: str) -> None:
    """"Acme CEO Jane Roe": the word before a company head's title and a person's name is the
    company she leads, whether the model tagged it or not."""
    facts = facts_of(text)
    assert typed(facts).get(body) in ("Organization", "Company"), typed(facts)
    assert (head, "leaderOf", body) in relations(facts)


@pytest.mark.parametrize("text", [
    "New CEO Jane Roe said the deal would close in May.",  # a sentence's first word alone
    "Group CEO Tom Hale said sales fell.",  # a body's head word
    "Acting CEO Ana Ruiz said the plan would work.",  # a title's word
    "The Kontrol skipper Peter Blake said the boat was fast.",  # a crew's head, no company's
])
def test_a_word_before_a_title_that_names_no_company_stays_none(text: str) -> None:
    found = typed(facts_of(text))
    assert not [label for label, type_ in found.items() if type_ in ("Organization", "Company")], \
        found


@pytest.mark.parametrize(("text", "company", "short"), [
    ("Vodafone completed the acquisition of Three for $2.3 billion. Vodafone Group Plc said the "
     "deal would save money.", "Vodafone Group Plc", "Vodafone"),
    ("Safaricom PLC reported higher profits. Safaricom said M-Pesa grew.", "Safaricom PLC",
     "Safaricom"),
    ("Shares in Zanvex Holdings Ltd fell. Zanvex said it would sell the mine.",
     "Zanvex Holdings Ltd", "Zanvex"),
])
def test_a_companys_name_without_its_legal_form_is_the_company(
        text: str, company: str, short: str) -> None:
    """The article names the company in full once and by its short name elsewhere, where the
    model tagged nothing: the short name is the same company."""
    found = next(e for e in facts_of(text).entities if e.label == company)
    assert short in found.aliases


@pytest.mark.parametrize(("text", "word"), [
    ("The 2001 Formula One Grand Prix was run in Melbourne. The Grand Prix Corporation said "
     "it would go ahead.", "Grand Prix"),  # an occasion's name
    ("News Corp bought the paper. News of the deal spread.", "News"),  # a body's head word
    ("The Contact Group met in Rome. Contact was lost on Friday.", "Contact"),  # no legal form
])
def test_a_short_form_that_names_no_company_stays_none(text: str, word: str) -> None:
    found = facts_of(text)
    assert not [e for e in found.entities if e.label == word or word in e.aliases], \
        [(e.label, e.aliases) for e in found.entities]


@pytest.mark.parametrize(("text", "body"), [
    ("Vodafone completed the acquisition of Three for $2.3 billion.", "Vodafone"),
    ("Kering completed its takeover of the Italian fashion house.", "Kering"),
    ("Nordvik announced the merger with Globex on Monday.", "Nordvik"),
])
def test_the_untagged_subject_of_a_takeover_is_a_body(text: str, body: str) -> None:
    """"Vodafone completed the acquisition of Three": whoever completes, announces or agrees
    a takeover of something is a body, where the model tagged nothing."""
    facts = facts_of(text)
    assert typed(facts).get(body) in ("Organization", "Company"), typed(facts)
    assert any(e.type == "Acquisition" and any(labels(facts).get(ref) == body for _, ref in e.roles)
               for e in facts.events)


@pytest.mark.parametrize("text", [
    "Musk completed his takeover of the social media site.",  # his takeover: a person's
    "Elon Musk bought the site. Musk completed the takeover of the site in October.",
])
def test_a_person_who_completes_a_takeover_is_no_body(text: str) -> None:
    found = typed(facts_of(text))
    assert not [label for label, type_ in found.items() if type_ in ("Organization", "Company")], \
        found


def _tagged_doc(words: list[str], tags: dict[tuple[int, int], str]) -> object:
    """A hand-made document: the words, every capitalised one a proper noun, and the model's
    spans as given (start, end) → label."""
    import spacy
    from spacy.tokens import Doc

    pos = ["PROPN" if w[:1].isupper() else "NOUN" if w.isalpha() else "PUNCT" for w in words]
    ents = ["O"] * len(words)
    for (start, end), label in tags.items():
        ents[start] = f"B-{label}"
        for at in range(start + 1, end):
            ents[at] = f"I-{label}"
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)


@pytest.mark.parametrize(("words", "tags", "surname"), [
    ("Grace Okafor leads the union . In a memo dated June 4 , Okafor said no".split(),
     {(0, 2): "PERSON", (10, 12): "DATE", (13, 14): "DATE"}, 13),
    ("Lars Eriksen coaches Vasby . There is no record of Eriksen".split(),
     {(0, 2): "PERSON", (10, 11): "CARDINAL"}, 10),
    ("The singer Amina Traore Diallo won . Diallo thanked fans".split(),
     {(2, 5): "PERSON", (7, 8): "WORK_OF_ART"}, 7),
])
def test_a_surname_the_model_took_for_a_date_or_a_figure_is_a_persons(
        words: list[str], tags: dict[tuple[int, int], str], surname: int) -> None:
    from kg.extract.entities.spans import relabel_mistaken_surnames

    doc: Any = _tagged_doc(words, tags)
    relabel_mistaken_surnames(doc)
    expected = {(start, end, "PERSON" if start == surname else label)
                for (start, end), label in tags.items()}
    assert {(e.start, e.end, e.label_) for e in doc.ents} == expected


@pytest.mark.parametrize(("words", "tags"), [
    ("Theresa May spoke . In May the talks resumed".split(), {(0, 2): "PERSON", (5, 6): "DATE"}),
    ("In a memo dated June 4 , Okafor said no".split(), {(4, 6): "DATE", (7, 8): "DATE"}),
    ("Ana Silva won . Silva 2 sold well".split(), {(0, 2): "PERSON", (4, 6): "PRODUCT"}),
])
def test_a_month_or_a_word_no_longer_name_ends_keeps_its_label(
        words: list[str], tags: dict[tuple[int, int], str]) -> None:
    from kg.extract.entities.spans import relabel_mistaken_surnames

    doc: Any = _tagged_doc(words, tags)
    relabel_mistaken_surnames(doc)
    assert sorted((e.start, e.end, e.label_) for e in doc.ents) == \
        sorted((start, end, label) for (start, end), label in tags.items())


@pytest.mark.parametrize(("text", "names"), [
    ("The deal was signed by Tanaka\n\nOkafor said later that it would hold.",
     {"Tanaka", "Okafor"}),
    ("Police questioned Lindqvist\n\nAndersson, his partner, denied any role in the scheme.",
     {"Lindqvist", "Andersson"}),
    ("The board fired Schultz\n\nMuller, the chairman, said the decision was final.",
     {"Schultz", "Muller"}),
])
def test_a_name_never_runs_across_a_paragraph_break(text: str, names: set[str]) -> None:
    found = {m.text for m in facts_of(text).mentions if m.kind == "name"}
    assert names <= found, found
    assert not any("\n" in name for name in found), found
