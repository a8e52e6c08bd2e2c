"""Membership rules read from the clause (invented sentences): a party's member noun written
before a name, and the verb "work" with the body one works for or at."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


@pytest.mark.parametrize(("text", "wanted"), [
    ("Republican Ed Vance of the budget panel told reporters the treasury in Washington had to "
     "move.", {("Ed Vance", "memberOf", "Republican Party")}),
    ("Democrat Ann Cole of Ohio voted against the bill in the United States Senate.",
     {("Ann Cole", "memberOf", "Democratic Party")}),
    ("Republicans Tom Hale and Ed Marsh met in Washington on Monday.",
     {("Tom Hale", "memberOf", "Republican Party"), ("Ed Marsh", "memberOf", "Republican Party")}),
])
def test_a_party_members_noun_before_a_name_makes_a_member(
        text: str, wanted: set[tuple[str, str, str]]) -> None:
    assert wanted <= relations(facts_of(text))


@pytest.mark.parametrize(("text", "other"), [
    ("Republicans Tom Reed and Democrat Ann Cole backed the plan in Washington. The "
     "Republicans and the Democrats argued.", "Ann Cole"),
    ("Republicans Tom Reed and Ed Marsh and Democrat Ann Cole voted yes in Washington. The "
     "Republicans and the Democrats argued.", "Ann Cole"),
])
def test_a_party_noun_before_a_list_stops_at_another_party_s_label(text: str, other: str) -> None:
    found = relations(facts_of(text))
    assert ("Tom Reed", "memberOf", "Republican Party") in found
    assert (other, "memberOf", "Democratic Party") in found
    assert (other, "memberOf", "Republican Party") not in found


@pytest.mark.parametrize("text", [
    "Former Republican Tom Ridge said the party in the United States had changed.",
    "Senators in Washington praised Republican strategist Karl Dunn.",  # a title between
    "Republican Ann Cole met the envoy in Paris.",  # no state of the party named
])
def test_a_former_member_or_a_noun_with_a_title_after_it_gives_no_party(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] == "memberOf"}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Tom Hale, who works at Siemens, said sales fell.", {("Tom Hale", "memberOf", "Siemens")}),
    ("Maria Costa worked for Unilever for twenty years before she retired.",
     {("Maria Costa", "memberOf", "Unilever")}),
    ("Ravi Shah worked at Infosys in Pune.", {("Ravi Shah", "memberOf", "Infosys")}),
    ("Ann Lee, who worked for Siemens, spoke.", {("Ann Lee", "memberOf", "Siemens")}),
    ("Ed Marsh, working at Siemens in Munich, designed the train.", {("Ed Marsh", "memberOf", "Siemens")}),
    ("Tom Hale spoke on Monday. He works for Siemens in Munich.", {("Tom Hale", "memberOf", "Siemens")}),
])
def test_one_who_works_for_or_at_an_organisation_is_a_member(
        text: str, wanted: set[tuple[str, str, str]]) -> None:
    assert wanted <= relations(facts_of(text))


@pytest.mark.parametrize("text", [
    "Tom Hale did not work for FedEx, the company said.",  # denied
    "Ann Lee may work for Google next year.",  # only possible
    "Tom Hale hopes to work at Oxfam.",
    "Ann Cole stopped working for Oxfam in 2010.",
    "Jo Roe worked with the United Nations on the plan.",  # beside the body, not in it
    "Priya Nair worked as a consultant for Infosys.",  # from outside the staff
    "Kofi Mensah worked as a driver for the manager of Safeway Cargo in Monrovia.",  # for a person
    "Tom Hale worked for Barack Obama in Chicago.",
])
def test_work_denied_possible_beside_or_outside_a_body_is_no_membership(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] in ("memberOf", "leaderOf")}


@pytest.mark.parametrize("text", [
    "Ann Lee denied that she worked for Unilever.",
    "Whether Tom Reed worked for Siemens is unclear.",
    "If Tom Reed works for Siemens, he will be sacked.",
    "Police suspect that Tom Reed worked for Siemens.",
    "Police are looking into claims that Tom Reed worked for the KGB.",
    "Tom Reed allegedly worked for Siemens in Munich.",
    "Ann Lee no longer works for Unilever.",
    "Tom Reed no longer runs Oxfam.",
])
def test_work_or_leading_denied_supposed_alleged_or_ended_is_no_membership(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] in ("memberOf", "leaderOf")}


@pytest.mark.parametrize("text", [
    "Ann Lee, who worked at Google until 2016, now runs a bakery.",
    "Tom Reed previously worked at Goldman Sachs in London.",
    "Tom Reed once worked for Enron in Houston.",
    "Tom Reed formerly worked for Siemens.",
])
def test_a_job_held_before_is_no_membership(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] == "memberOf"}


def test_work_someone_reports_as_fact_is_still_a_membership() -> None:
    assert ("Tom Reed", "memberOf", "Siemens") in relations(
        facts_of("Police said Tom Reed worked for Siemens in Munich."))


@pytest.mark.parametrize(("text", "wanted"), [
    ("At Kestrel Airlines, Mia Dorn called the delays short.", ("Mia Dorn", "memberOf", "Kestrel Airlines")),
    ("At Qantas, Ann Lee said flights were delayed.", ("Ann Lee", "memberOf", "Qantas")),
    ("At Ryanair, Mia Dorn described the queues as long.", ("Mia Dorn", "memberOf", "Ryanair")),
    ("At Lufthansa, Mia Dorn called the damage from the hail \"pretty limited\" on Monday.",
     ("Mia Dorn", "memberOf", "Lufthansa")),
])
def test_a_company_fronted_by_at_is_where_the_named_subject_works(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in relations(facts_of(text))


@pytest.mark.parametrize("text", [
    "At Google, President Barack Obama praised the engineers.",  # a politician visits
    "President Ali Hassan flew to California. At Google, Ali Hassan praised the engineers.",
    "At the UN, Ann Lee said aid would rise.",  # no company: a guest speaks there
    "At the Acme plant, Tom Hale said jobs would go.",  # a site
    "At Qantas, Ann Lee could not say when flights would resume.",  # denied
    "At Lufthansa, Ann Lee ordered a coffee and waited for her sister.",  # no verb of saying
    "At Lufthansa, Tom Hale bought a ticket for his son.",
    "At Lufthansa, Tom Hale called the manager of the local office.",
    "At Lufthansa, passenger Ann Lee said the queues were long.",  # a visitor
    "At Siemens, visiting professor Ann Lee said the engineers were brilliant.",
    "At Ryanair, Ed Marsh's rival Tom Hale said fares were cheap.",
])
def test_a_visitor_a_site_or_a_denied_clause_gives_no_fronted_workplace(text: str) -> None:
    assert not {r for r in relations(facts_of(text)) if r[1] == "memberOf"}


def test_a_fronted_company_yields_to_a_body_another_sentence_gives() -> None:
    found = relations(facts_of("Ann Lee is a Microsoft engineer. At Google, Ann Lee said the deal was good."))
    assert ("Ann Lee", "memberOf", "Microsoft") in found
    assert ("Ann Lee", "memberOf", "Google") not in found


def test_a_fronted_company_yields_to_the_body_the_text_gives() -> None:
    found = relations(facts_of("At Google, Ann Lee, a Microsoft engineer, said the deal was good."))
    assert ("Ann Lee", "memberOf", "Microsoft") in found
    assert ("Ann Lee", "memberOf", "Google") not in found
