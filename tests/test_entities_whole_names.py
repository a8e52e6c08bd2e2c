"""Whole names: a person's name the model cut before its last surname, a body's name with a
possessive inside it, a leader's name before his movement's, a person before the event he
underwent; each rule on invented sentences of several shapes."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def typed(facts: Facts) -> dict[str, str]:
    """Each named entity's label and its class."""
    return {entity.label: entity.type for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "name"), [
    ("Mexican President Andrés López Obrador visited Texas on Monday.",
     "Andrés López Obrador"),
    ("Former Spanish prime minister José Luis Rodríguez Zapatero arrived in Caracas.",
     "José Luis Rodríguez Zapatero"),
    ("Far-right leader Jean-Marie Le Pen was fined again.", "Jean-Marie Le Pen"),
    ("Commission President Ursula von der Leyen arrived in Kyiv.", "Ursula von der Leyen"),
    ("Serbian tennis player Novak Đoković won in Melbourne.", "Novak Đoković"),
])
def test_a_persons_name_cut_before_its_last_surname_is_whole(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert found.get(name) == "Person", found
    shorter = [label for label in found if label != name and label in name]
    assert not shorter, found


@pytest.mark.parametrize(("text", "word"), [
    ("Prime Minister John Howard Government ministers met on Monday.", "Government"),
    ("Senator Bob Brown Greens colleagues objected.", "Greens"),
    ("Defence Minister Robert Hill Tuesday said the troops would return.", "Tuesday"),
    ("Mexican President Andrés López Tuesday said the plan would work.", "Tuesday"),
])
def test_a_word_after_a_name_that_is_no_surname_stays_out(text: str, word: str) -> None:
    """A body's, a party's, a day's or a known place's word ends no person's name."""
    found = typed(facts_of(text))
    assert not [label for label, type_ in found.items() if type_ == "Person" and word in label], \
        found


@pytest.mark.parametrize(("text", "name"), [
    ("The Workers' Party won the vote in Recife.", "Workers' Party"),
    ("Leaders of the Farmers' Federation met the minister in Nairobi.", "Farmers' Federation"),
    ("Members of the International Brotherhood of Teamsters' Local 42 walked off the job.",
     "International Brotherhood of Teamsters' Local 42"),
    ("United Auto Workers Local 600 voted to ratify the deal.", "United Auto Workers Local 600"),
    ("Drivers of the Amalgamated Transit Union's Local 113 halted 40 routes in Toronto.",
     "Amalgamated Transit Union's Local 113"),
    ("Members of the Service Employees International Union's Local 1199 rallied in Albany.",
     "Service Employees International Union's Local 1199"),
])
def test_a_bodys_name_with_a_possessive_or_a_locals_number_is_whole(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert name in found and found[name] != "Person", found
    assert not [label for label in found if label != name and label in name], found


@pytest.mark.parametrize(("text", "leader", "body"), [
    ("Opposition leader Omar Hamid's Unity movement won 12 seats.", "Omar Hamid", None),
    ("Hamid's Unity movement won 12 seats.", None, None),
    ("Kabila's Renewal party took most of the seats in Kinshasa.", None, "Renewal"),
])
def test_a_leaders_possessive_before_his_movement_is_no_part_of_its_name(
        text: str, leader: str | None, body: str | None) -> None:
    found = typed(facts_of(text))
    assert not [label for label in found if "'s" in label], found
    if leader is not None:
        assert found.get(leader) == "Person", found
    if body is not None:
        assert found.get(body) == "PoliticalParty", found


@pytest.mark.parametrize(("text", "name"), [
    ("Choi Song-min fled south in 2016. Choi's 2016 defection embarrassed the regime.",
     "Choi Song-min"),
    ("Tran Van Nguyen quit the board. Nguyen's resignation was accepted on Friday.",
     "Tran Van Nguyen"),
    ("Union leader Emeka Okafor was arrested on Monday. Okafor's arrest sparked protests in Lagos.",
     "Emeka Okafor"),
])
def test_a_name_that_owns_what_only_a_person_undergoes_is_no_body(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert not [label for label, type_ in found.items()
                if type_ not in ("Person", "City", "Country")], found
    assert found.get(name) == "Person", found


def test_a_name_that_did_it_to_others_is_not_made_a_person() -> None:
    found = typed(facts_of("Renamo's abduction of two engineers angered Maputo."))
    assert found.get("Renamo") != "Person", found


def test_a_known_place_before_its_body_stays_a_place() -> None:
    found = typed(facts_of("Kenya's Orange movement held a rally in Kisumu."))
    assert found.get("Kenya") == "Country", found


@pytest.mark.parametrize(("text", "body"), [
    ("Telstra chairman Jane Roe said profits fell.", "Telstra"),
    ("Qantas chief executive Alan Joyce said fares would rise.", "Qantas"),
    ("Reuters reporter Tom Smith was detained in Yangon.", "Reuters"),
])
def test_a_known_body_before_a_persons_title_is_an_entity(text: str, body: str) -> None:
    found = typed(facts_of(text))
    assert found.get(body) in ("Company", "NewsOrganization"), found


@pytest.mark.parametrize("text", [
    "Ministry spokesman Park Ji-hoon said the talks would continue.",
    "Police spokeswoman Mary Lee said two men were held.",
    "Ministry official Sara Haddad said the tender had closed.",
    "Ministry spokeswoman Ines Duarte told reporters in Lisbon that talks went well.",
])
def test_a_bare_institution_noun_before_a_title_is_no_body(text: str) -> None:
    found = typed(facts_of(text))
    assert not [label for label in found if label in ("Ministry", "Police")], found
    assert [label for label, type_ in found.items() if type_ == "Person"], found


@pytest.mark.parametrize(("text", "name"), [
    ("South Korean President Yoon Suk-yeol declared martial law.", "Yoon Suk-yeol"),
    ("The George Bush-era policies were dropped.", "George Bush"),
    ("Tony Blair-style reforms were promised.", "Tony Blair"),
    ("Opposition leader Lee Jae-myung said the vote was unfair.", "Lee Jae-myung"),
])
def test_a_hyphened_given_name_is_whole_and_a_hyphened_modifier_no_part(
        text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert found.get(name) == "Person", found
    assert [label for label, type_ in found.items() if type_ == "Person"] == [name], found


@pytest.mark.parametrize(("text", "agency"), [
    ("SEOUL (Yonhap) Lee Min-ho said the budget would pass.", "Yonhap News Agency"),
    ("TOKYO (Kyodo) Taro Sato said the plan would cost more.", "Kyodo News"),
    ("Seoul (Yonhap) The won fell for a third day.", "Yonhap News Agency"),
])
def test_an_agency_credited_in_brackets_is_the_agency(text: str, agency: str) -> None:
    found = typed(facts_of(text))
    assert found.get(agency) == "NewsOrganization", found


@pytest.mark.parametrize(("text", "name"), [
    ("The Kenya Medical Practitioners and Dentists' Union said doctors would strike.",
     "Kenya Medical Practitioners and Dentists' Union"),
    ("Leaders of the Nurses and Midwives' Union met the minister in Lusaka.",
     "Nurses and Midwives' Union"),
    ("The Bakers and Confectioners' Association backed the ban.",
     "Bakers and Confectioners' Association"),
])
def test_a_body_named_for_the_members_it_lists_is_one_name(text: str, name: str) -> None:
    found = typed(facts_of(text))
    assert found.get(name) == "Organization", found
    assert not [label for label in found if label != name and label in name], found


@pytest.mark.parametrize(("text", "name"), [
    ("\"Prices will rise,\" said Seo Min-seok in Busan on Monday.", "Seo Min-seok"),
    ("\"It was close,\" said Yoo Sang-chul of the national team.", "Yoo Sang-chul"),
    ("\"Prices will rise,\" said Tran Minh-khoa in Hanoi on Monday.", "Tran Minh-khoa"),
    ("\"It was close,\" said Lin Yu-hsuan of the national team.", "Lin Yu-hsuan"),
])
def test_a_hyphened_given_name_the_tagger_reads_as_a_noun_stays_whole(text: str, name: str) -> None:
    """The second part of a romanised given name ("seok") is no English word, whatever the
    tagger calls it: the name runs to it."""
    found = typed(facts_of(text))
    assert found.get(name) == "Person", found
