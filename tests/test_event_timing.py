"""When an event happened when its own clause gives no date (events/timing.py). Sentences
are invented for these tests, not taken from any gold article."""

from __future__ import annotations

import pytest

from extracting import facts_of


def times_of(text: str, event_type: str) -> set[str | None]:
    """The date values of a text's events of one type (no publication date: only what the
    text itself dates)."""
    return {e.time.value if e.time else None for e in facts_of(text, published=None).events
            if e.type == event_type}


@pytest.mark.parametrize("text", [
    # a relative clause on a dated occasion noun: the event happened then
    "Two guides who survived the 1987 rafting accident in Nepal, in which nine hikers died, "
    "spoke yesterday.",
    "Survivors of the 1987 rafting accident, in which nine hikers died, met yesterday.",
])
def test_an_event_in_a_relative_clause_takes_the_date_of_its_occasion(text: str) -> None:
    assert times_of(text, "Death") == {"1987"}


def test_a_relative_clause_on_an_undated_noun_takes_no_date() -> None:
    assert times_of("The man who was arrested in Perth was from Sydney.", "Arrest") == {None}


def dated(text: str, event_type: str) -> set[tuple[str, str | None]]:
    """The date words and values of a text's events of one type, published on Friday
    2025-03-14."""
    return {(e.time.text, e.time.value) for e in facts_of(text).events
            if e.type == event_type and e.time is not None}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # the parser's DATE "Monday" on its TIME "morning": one date, the day
    ("Opposition leader Pedro Alves conceded defeat in a short statement on Monday morning.", "Statement",
     ("Monday morning", "2025-03-10")),
    ("Police arrested two men in Lyon on Tuesday night.", "Arrest", ("Tuesday night", "2025-03-11")),
    ("Wednesday evening's earthquake destroyed 300 homes in Chala.", "Disaster",
     ("Wednesday evening", "2025-03-12")),
])
def test_a_day_and_its_part_are_one_date(text: str, event_type: str, expected: tuple[str, str]) -> None:
    assert dated(text, event_type) == {expected}


def test_a_part_of_a_day_alone_names_no_day() -> None:
    assert dated("Police arrested two men in Lyon on the same evening.", "Arrest") <= {
        ("the same evening", None)}


@pytest.mark.parametrize("text, event_type", [
    ("Farmer Walid Haddad, 53, was killed in Jenin.", "Death"),  # an age
    ("The singer, who died of cancer at age 61, was mourned in Leeds.", "Death"),
    ("Mr Sharon spoke at a weekly cabinet meeting in Jerusalem.", "Meeting"),  # a frequency
])
def test_an_age_or_a_frequency_is_no_time_of_the_event(text: str, event_type: str) -> None:
    events = [e for e in facts_of(text, published=None).events if e.type == event_type]
    assert events
    assert all(e.time is None for e in events), [e.time for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    # the storm's or the attack's own relative clause, whose subject is the relative pronoun
    ("Linesmen praised a spring storm that battered much of the northern coast on Tuesday.",
     ("Tuesday", "2025-03-11")),
    ("The earthquake, which shook the hill town of Ravello on Monday, cut power to 900 homes.",
     ("Monday", "2025-03-10")),
    ("Farmers counted the cost of the flood that swamped crops near Dunmore on Wednesday.",
     ("Wednesday", "2025-03-12")),
])
def test_a_disaster_is_dated_by_the_relative_clause_that_tells_what_it_did(
        text: str, expected: tuple[str, str]) -> None:
    assert dated(text, "Disaster") == {expected}


def test_a_relative_clause_with_a_subject_of_its_own_does_not_date_the_disaster() -> None:
    text = "The earthquake that residents felt on Tuesday damaged 40 homes in Ravello."
    assert dated(text, "Disaster") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # a season before the noun names a kind of storm, not its day
    ("Crews cleared roads after a winter storm that blanketed the Midlands on Monday.",
     ("Monday", "2025-03-10")),
    ("A summer bushfire which razed 12 homes near Tumut on Sunday was deliberately lit.",
     ("Sunday", "2025-03-09")),
])
def test_a_season_before_the_noun_gives_way_to_the_day_of_its_clause(
        text: str, expected: tuple[str, str]) -> None:
    assert dated(text, "Disaster") == {expected}



def test_a_relative_clause_on_an_agreement_does_not_date_it() -> None:
    # a deal "which expires on Friday" was not made on Friday
    assert dated("Unions signed a pay deal which expires on Friday.", "Agreement") == set()


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a span of the past that opens the sentence is its date, as it is inside it (rule
    # event-time-past-span): "Last week," is no duration
    ("Last week, nine hikers died in an avalanche near Chamonix.", "Death", ("Last week", "2025-03")),
    ("Last month, police in Durban arrested three men over the robbery.", "Arrest",
     ("Last month", "2025-02")),
    ("Last year, a cyclone destroyed 400 homes on the island of Tanna.", "Disaster",
     ("Last year", "2024")),
])
def test_a_past_span_opening_the_sentence_dates_its_event(
        text: str, event_type: str, expected: tuple[str, str]) -> None:
    assert expected in dated(text, event_type)


@pytest.mark.parametrize(("text", "expected"), [
    # the deaths a verb of result leaves take the date of its subject or its own (rule
    # event-time-subject-of-the-result)
    ("The bombing of a market in Peshawar in 2009 left 40 people dead.", {"2009"}),
    ("The 1995 landslide left 60 villagers dead and hundreds homeless.", {"1995"}),
    ("A mortar attack on the base in 2011 left three soldiers dead, officials said.", {"2011"}),
])
def test_deaths_left_by_a_dated_occasion_take_its_date(text: str, expected: set[str]) -> None:
    assert times_of(text, "Death") == expected


def test_deaths_found_on_a_day_are_not_dated_by_the_finding() -> None:
    assert times_of("Hikers found two climbers dead on the ridge in 2014.", "Death") == {None}


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause on the site of a dated occasion: the occasion's date (rule
    # event-time-occasion-of-the-site)
    ("The 2016 bombing at a stadium in Izmir, which killed 12 people, shocked Turkey.", {"2016"}),
    ("The 1999 fire at a cinema, which killed 30 people, led to new laws.", {"1999"}),
    ("The 2008 explosion at a coal mine in Shanxi, which killed 11 miners, was blamed on gas.",
     {"2008"}),
])
def test_deaths_in_a_clause_on_the_site_take_the_occasions_date(text: str, expected: set[str]) -> None:
    assert times_of(text, "Death") == expected


@pytest.mark.parametrize(("text", "event_type", "since"), [
    # a date after "since" on a noun compared with those before it is no date of it (rule
    # event-time-compared-since)
    ("It was the deadliest bombing in Peshawar since June.", "Attack", "June"),
    ("Organisers called it the largest protest in Lagos since 2019.", "Protest", "2019"),
    ("Envoys from both sides held their first meeting since January in Geneva.", "Meeting", "January"),
])
def test_a_date_an_event_is_compared_since_is_not_its_date(text: str, event_type: str, since: str) -> None:
    assert not any(since in words for words, _ in dated(text, event_type))


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # the span the article is published in is a time, not a length (rule event-time-this-span)
    ("Airline boss Ken Ito admitted this week that the fleet needed new engines.",
     "Statement", ("this week", "2025-03")),
    ("The Kenyan government signed a trade pact with Uganda earlier this year.", "Treaty",
     ("earlier this year", "2025")),
    ("Rebels have killed dozens of villagers in raids on Mopti this month.", "Attack",
     ("this month", "2025-03")),
])
def test_a_span_of_the_present_dates_its_event(text: str, event_type: str,
                                               expected: tuple[str, str]) -> None:
    assert expected in dated(text, event_type)


@pytest.mark.parametrize(("text", "event_type"), [
    # a span after the article's day dates no event the text tells as done
    ("The Kenyan government signed a trade pact with Uganda later this year.", "Treaty"),
    ("Chilean and Peruvian ministers met in Lima later this year.", "Meeting"),
    ("Chilean and Peruvian ministers met in Lima next week.", "Meeting"),
])
def test_a_span_still_to_come_dates_no_past_event(text: str, event_type: str) -> None:
    assert dated(text, event_type) == set()


def test_a_length_of_time_is_still_no_date() -> None:
    assert dated("The Lima Ballet began a two-week tour of Peru on Monday.", "Visit") == {
        ("Monday", "2025-03-10")}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a document speaks when it was made public (rule event-time-document-released)
    ("A survey published on Monday by the Lagos Chamber of Commerce shows that prices rose.",
     "Report", ("Monday", "2025-03-10")),
    ("However, a report issued late last month by the Nordic Glacier Council showed that the "
     "ice shrank.", "Report", ("late last month", "2025-02")),
    ("Court papers released on Wednesday show the mayor of Tulsa took bribes.", "Report",
     ("Wednesday", "2025-03-12")),
])
def test_a_document_speaks_on_the_day_it_was_released(text: str, event_type: str,
                                                     expected: tuple[str, str]) -> None:
    assert dated(text, event_type) == {expected}


def test_a_document_made_on_a_day_does_not_speak_then() -> None:
    assert dated("A survey conducted in March by the Lagos Chamber of Commerce shows that prices "
                 "rose.", "Report") == set()


@pytest.mark.parametrize("text", [
    "Tariq Mansour was named president of the charity his mother started 30 years ago in Tunis.",
    "Greta Lind was named director of the museum her grandfather built in 1921.",
    "Pablo Ruiz was named chairman of the league his uncle set up decades ago.",
])
def test_a_clause_misread_as_the_complement_keeps_its_dates(text: str) -> None:
    # the parser takes "co-founded" for the complement of "named"
    assert times_of(text, "Appointment") == {None}, text


@pytest.mark.parametrize(("text", "event_type"), [
    # a year before the speaker's noun tells who speaks, not when
    ("Kestrel Bank's 2018 chief executive, Ana Ruiz, praised the merger.", "Statement"),
    # an apposition set off by commas on the speaker
    ("Tom Reyes, a senator since 2004, said the bill would fail.", "Statement"),
    ("Nadia Kerr, the 2015 world champion, said she would retire.", "Statement"),
    ("Piet Smit, the 2011 champion, said the race would be cancelled.", "Statement"),
    # nor the measure still to come that such a speaker announces
    ("Tom Reyes, a senator since 2004, said the company would cut 300 jobs.", "Layoff"),
])
def test_a_date_describing_the_speaker_does_not_date_the_words(text: str, event_type: str) -> None:
    assert times_of(text, event_type) == {None}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # the verb's own date after the apposition stays
    ("Tom Lee, the mayor, on Tuesday said the city would close two libraries.", "Statement",
     {("Tuesday", "2025-03-11")}),
    ("Ann Blake, the mayor of Denver, said Tuesday that the city would close two libraries.",
     "Statement", {("Tuesday", "2025-03-11")}),
    # a document that speaks keeps its own year
    ("The 2019 survey said unemployment had risen.", "Report", {("2019", "2019")}),
    # and so do written words that speak, and the measure they announce
    ("A Monday press release from Vantex said the firm would cut 200 jobs.", "Layoff",
     {("Monday", "2025-03-10")}),
    ("A Friday letter from Brennan Foods said the company would cut 80 jobs.", "Layoff",
     {("Friday", "2025-03-14")}),
])
def test_the_words_own_date_beside_a_described_speaker_stays(
        text: str, event_type: str, expected: set[tuple[str, str]]) -> None:
    assert dated(text, event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the participle of speaking opens the sentence; its occasion is dated
    ("Speaking at a law review in August, Judge Lena Park praised the solicitor general's "
     "record.", {("August", "2024-08")}),
    # on the subject, dated on the participle itself
    ("President Alain Morel, speaking in Lyon on Thursday, said the talks had failed.",
     {("Thursday", "2025-03-13")}),
    # the occasion noun dated by a day and its part
    ("Negotiator Tom Hale, speaking after the minister's speech Monday evening, said the words "
     "were a threat.", {("Monday evening", "2025-03-10")}),
])
def test_a_participle_of_speaking_dates_the_words(text: str, expected: set[tuple[str, str]]) -> None:
    assert dated(text, "Statement") == expected


@pytest.mark.parametrize("text", [
    # a date of what is spoken about, not of the speaking
    "Speaking about the 2003 invasion, President Alain Morel said the war had been a mistake.",
    "Speaking on the anniversary of the 2001 attacks, President Alain Morel said the city had "
    "recovered.",
    "Negotiator Tom Hale, speaking about the March 2011 earthquake, said the city had been rebuilt.",
])
def test_a_date_spoken_about_does_not_date_the_words(text: str) -> None:
    assert times_of(text, "Statement") == {None}


def test_the_participles_of_speaking_are_the_lexicons() -> None:
    # one home per word list: the rule event-time-speaking-occasion reads its verbs from
    # data/lexicon/events.yaml (Statement occasion_participles), not from a list in code
    from kg.extract.events import timing
    from kg.lexicon import lexicon
    listed = lexicon().events.triggers["Statement"]["occasion_participles"]
    assert "speak" in listed
    assert timing._speaking_participles() == frozenset(listed)


@pytest.mark.parametrize(("text", "event_type"), [
    # a span before "long" measures how long the event lasted, no date of it (rule
    # event-time-not-a-length)
    ("Rebels in the hills of Kivu fought a decade-long war against the army.", "War"),
    ("Farmers in Kordofan lost their herds in a year-long drought.", "Disaster"),
    ("Exiles in Paris recalled the century long feud and the decade-long war of the clans.", "War"),
])
def test_a_span_before_long_is_no_date_of_the_event(text: str, event_type: str) -> None:
    events = [e for e in facts_of(text, published=None).events if e.type == event_type]
    assert all(e.time is None for e in events), [e.time for e in events]


def test_a_span_that_opens_a_sentence_before_a_long_event_still_dates_it() -> None:
    # hostile: the same words, the year a date of its own
    assert times_of("In 1989 a decade-long war in the hills of Kivu ended with a treaty.",
                    "War") == {"1989"}


@pytest.mark.parametrize(("text", "event_type", "other"), [
    # the date of another event's noun below a preposition on the verb is that event's (rule
    # event-time-anothers-noun)
    ("The civil war in Liberia gave way to years of army rule until the election of 2003.",
     "War", "2003"),
    ("The walkout at the Dunmore mill ended before the 1998 election in the province.",
     "Protest", "1998"),
])
def test_a_date_of_another_events_noun_does_not_date_the_noun(text: str, event_type: str,
                                                               other: str) -> None:
    own = [e for e in facts_of(text).events if e.type == event_type
           and e.trigger.lower() in ("war", "walkout")]
    assert all(e.time is None for e in own), [e.time for e in own]


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # hostile: a date on a noun of no event, or on the verb itself, or on an occasion told
    # during the event, still dates the event
    ("The civil war ended with the fall of the capital in 1975.", "War", "1975"),
    ("Ana Ruiz spoke at a press conference in Lima in 2019 during the visit of the envoy "
     "from Quito.", "Visit", "2019"),
    ("The walkout at the Dunmore mill ended in 1998 after the vote.", "Protest", "1998"),
])
def test_a_date_on_a_noun_of_no_event_still_dates_the_noun(text: str, event_type: str,
                                                          expected: str) -> None:
    assert times_of(text, event_type) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # the number that counts an event noun is no date, though the model tags it with the noun
    # before it (rule event-time-not-a-count); a date of the clause dates it instead
    ("Police in Perth have recorded 14 holiday deaths on the roads.", {None}),
    ("Queensland police recorded 9 Christmas deaths.", {None}),
    ("Police in Perth recorded 14 holiday deaths in 2019.", {"2019"}),
])
def test_the_count_of_an_event_noun_is_no_date(text: str, expected: set[str | None]) -> None:
    assert times_of(text, "Death") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # hostile: a day written before its month (British and Australian copy) dates the noun,
    # it counts nothing (a policy column, a wire report)
    ("The 11 September attacks reshaped Canadian law, the senator said on Tuesday.", "Attack",
     "11 September"),
    ("Families of those killed in the 7 July bombings met the mayor of Leeds.", "Attack",
     "7 July"),
])
def test_a_day_before_its_month_on_an_event_noun_is_its_date(text: str, event_type: str,
                                                            expected: str) -> None:
    found = [e for e in facts_of(text).events if e.type == event_type]
    assert found and all(e.time is not None and e.time.text == expected for e in found), text
