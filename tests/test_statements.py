"""Statement and NoComment rules on invented sentences: which words tell one, and who takes part."""

from __future__ import annotations

import pytest
from tests.test_events import events_of, facts_of, roles_of


@pytest.mark.parametrize(("text", "roles"), [
    ("Peru has accused Chile of sheltering the smugglers.", {("agent", "Peru")}),
    ("Norway praised Iceland for its handling of the fishing dispute.", {("agent", "Norway")}),
    ("Senator Maria Lopez says the Finnish man left Brazil in May.", {("agent", "Maria Lopez")}),
])
def test_a_statement_takes_only_its_speaker(text: str, roles: set[tuple[str, str]]) -> None:
    facts = facts_of(text)
    statements = events_of(facts, "Statement")
    assert [roles_of(facts, e) for e in statements] == [roles]


def test_words_told_to_an_outlet_keep_the_outlet() -> None:
    facts = facts_of("Senator Maria Lopez told Reuters the talks with Peru had failed.")
    interviews = events_of(facts, "Interview")
    assert [roles_of(facts, e) for e in interviews] == [
        {("agent", "Maria Lopez"), ("participant", "Reuters")}]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor Ines Duarte met with reporters on Tuesday at City Hall in Porto.", "Ines Duarte"),
    ("After the match in Leeds, coach Peter Holt met the media.", "Peter Holt"),
    ("Spokesman Ravi Nair briefed journalists in Geneva on Friday.", "Ravi Nair"),
])
def test_meeting_the_press_is_a_press_conference(text: str, speaker: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Meeting")
    assert [roles_of(facts, e) & {("agent", speaker)} for e in events_of(facts, "PressConference")] \
        == [{("agent", speaker)}]


@pytest.mark.parametrize("text", [
    "Officials met with reporters in Nairobi on Monday.",
    "A spokesman briefed journalists in Lima on Friday.",
])
def test_meeting_the_press_with_no_one_named_is_no_press_conference(text: str) -> None:
    assert not events_of(facts_of(text), "PressConference")


def test_meeting_someone_not_of_the_press_stays_a_meeting() -> None:
    facts = facts_of("Chancellor Olaf Berg met with Prime Minister Ana Silva in Berlin on Monday.")
    assert events_of(facts, "Meeting") and not events_of(facts, "PressConference")


@pytest.mark.parametrize(("text", "speaker"), [
    ('"No sleep tonight," Ellie Brown tweeted early Wednesday.', "Ellie Brown"),
    ("The striker Paulo Reis wrote on Instagram that he was leaving the club.", "Paulo Reis"),
    ("Mayor Kofi Mensah posted on Facebook that the water was safe to drink.", "Kofi Mensah"),
    ("Mayor Joan Kim wrote in a Facebook post that the roads were closed.", "Joan Kim"),
    ("In a post on X, Senator Ted Ruiz wrote that the vote was rigged.", "Ted Ruiz"),
])
def test_words_on_a_social_network_are_a_statement(text: str, speaker: str) -> None:
    facts = facts_of(text)
    assert [roles_of(facts, e) for e in events_of(facts, "Statement")] == [{("agent", speaker)}]


@pytest.mark.parametrize("text", [
    "Kofi Mensah posted a video on Facebook showing the flooded road.",
    "Premier Dana Fordham tweeted a photo of the bridge.",
    "Anna Weber wrote on the blackboard before the class began.",
])
def test_a_thing_posted_or_a_word_written_is_no_statement(text: str) -> None:
    assert not events_of(facts_of(text), "Statement")


@pytest.mark.parametrize(("text", "speaker", "station"), [
    ("Maria Gonzalez told CNN affiliate WXYZ that the roads were icy.", "Maria Gonzalez", "WXYZ"),
    ('"We waited six hours," Tom Baker told affiliate KOMO.', "Tom Baker", "KOMO"),
    ('"The water came in fast," Ruth Ames told NBC affiliate News 4 in Omaha.', "Ruth Ames",
     "News 4"),
])
def test_words_told_to_an_affiliate_station_are_an_interview(text: str, speaker: str,
                                                             station: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Statement")
    assert [roles_of(facts, e) >= {("agent", speaker), ("participant", station)}
            for e in events_of(facts, "Interview")] == [True]


@pytest.mark.parametrize(("text", "reporter"), [
    ("The BBC reported that the talks in Doha had failed.", "BBC"),
    ("Statistics Canada reported a rise in exports.", "Statistics Canada"),
])
def test_an_outlet_or_a_body_that_reports_makes_a_report(text: str, reporter: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Statement")
    assert [("agent", reporter) in roles_of(facts, e) for e in events_of(facts, "Report")] == [True]


@pytest.mark.parametrize(("text", "speaker", "outlet"), [
    ("Maria Santos told local broadcaster RTP that the fires were under control.", "Maria Santos",
     "RTP"),
    ("Guillermo Vega, a former minister, told The Grayzone that the operation was illegal.",
     "Guillermo Vega", "Grayzone"),
    ("Sipho Dlamini told state daily Dnevnik on Monday that the border was open.", "Sipho Dlamini",
     "Dnevnik"),
    ('"We never saw the money," Kofi Mensah told The Markup.', "Kofi Mensah", "Markup"),
    ('"The mine is closed for good," Thandi Mokoena told The Continent on Friday.',
     "Thandi Mokoena", "Continent"),
])
def test_words_told_to_an_outlet_named_by_its_phrase_are_an_interview(
        text: str, speaker: str, outlet: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Statement")
    assert [roles_of(facts, e) >= {("agent", speaker), ("participant", outlet)}
            for e in events_of(facts, "Interview")] == [True]


@pytest.mark.parametrize("text", [
    "The judge told the court that the evidence was lost.",
    "Prime Minister Ola Berg told Parliament that the budget would pass.",
    "The envoy told The Hague tribunal that he was innocent.",
    "The butler told The Queen that dinner was ready.",
])
def test_told_a_court_or_a_parliament_is_no_interview(text: str) -> None:
    assert not events_of(facts_of(text), "Interview")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Coastal Rail reported no major delays systemwide on Friday.", "Coastal Rail"),
    ("At the port, Northwind Airlines' Ana Berg reported 12 cancellations, all of them due to fog.",
     "Ana Berg"),
    ("Kestrel Airways reported two cancellations nationwide on Monday.", "Kestrel Airways"),
    ("Norfreight reported three derailments in Ontario last month.", "Norfreight"),
])
def test_a_business_that_reports_its_own_figures_makes_a_statement(text: str, speaker: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Report")
    assert [("agent", speaker) in roles_of(facts, e) for e in events_of(facts, "Statement")] == [True]


@pytest.mark.parametrize(("text", "reporter"), [
    ("The Jakarta Post reported three deaths in the blast on Friday.", "Jakarta Post"),
    ("Statistics Norway reported 40,000 new jobs in March.", "Statistics Norway"),
    ("Three miners were trapped underground, Gazeta Wyborcza reported.", "Gazeta Wyborcza"),
])
def test_an_outlets_or_an_agencys_figures_stay_a_report(text: str, reporter: str) -> None:
    facts = facts_of(text)
    assert [("agent", reporter) in roles_of(facts, e) for e in events_of(facts, "Report")] == [True]


@pytest.mark.parametrize(("text", "speaker", "outlet"), [
    ("Carlos Ruiz, speaking to the BBC, said the dam had failed.", "Carlos Ruiz", "BBC"),
    ("Speaking to Reuters on Monday, Finance Minister Ana Berg said the deficit would shrink.",
     "Ana Berg", "Reuters"),
    ("The mayor, Tom Hale, speaking with local broadcaster WXYZ, said the bridge was safe.",
     "Tom Hale", "WXYZ"),
    ("Chancellor Olaf Berg, speaking to Reuters, praised the firefighters and said the fires "
     "were under control.", "Olaf Berg", "Reuters"),
])
def test_words_said_while_speaking_to_an_outlet_are_an_interview(text: str, speaker: str,
                                                                 outlet: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Statement")
    assert {frozenset(roles_of(facts, e)) for e in events_of(facts, "Interview")} == {
        frozenset({("agent", speaker), ("participant", outlet)})}


@pytest.mark.parametrize("text", [
    "Speaking to reporters in Lagos, Governor Babajide Ade said the curfew would end.",
    "Speaking about the BBC, Lord Tom Hall said the licence fee would stay.",
    "A spokesman, speaking to Reuters, said the plant was closed.",
])
def test_speaking_to_no_named_outlet_or_with_no_named_speaker_is_no_interview(text: str) -> None:
    assert not events_of(facts_of(text), "Interview")
