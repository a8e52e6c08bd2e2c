"""The class an event is given, and which words tell none: an illness that kills, a post a board
fills, an appeal, a court step told ahead (invented sentences)."""

from __future__ import annotations

from extracting import facts_of, labels


def _events(text: str) -> list[tuple[str, str, set[str]]]:
    facts = facts_of(text)
    names = labels(facts)
    return [(e.type, e.trigger, {names.get(ref, ref) for _, ref in e.roles})
            for e in facts.events if not e.negated]


def _types(text: str) -> list[str]:
    return [type_ for type_, _, _ in _events(text)]


def test_an_outbreak_that_killed_is_a_disaster_and_deaths_not_an_attack() -> None:
    """event-deadly-misfortune and event-killed-by-a-disaster: an illness's spread kills."""
    wire = _types("The cholera epidemic has killed 80 people in Malawi, health officials said.")
    health = _types("A measles outbreak killed 12 children in Kano last month, the ministry said.")
    for found in (wire, health):
        assert "Disaster" in found and "Death" in found and "Attack" not in found


def test_an_outbreak_that_killed_no_one_or_of_violence_is_no_disaster() -> None:
    assert "Disaster" not in _types("Fears of a flu pandemic grew in Lyon.")
    assert "Disaster" not in _types("Ana Reyes has led the fight against the epidemic in Malawi.")
    violence = _types("Gunmen killed 12 villagers in an outbreak of violence in Jos.")
    assert "Disaster" not in violence and "Attack" in violence


def test_an_epidemic_or_outbreak_of_violence_that_killed_is_an_attack() -> None:
    """Hostile: the spread of violence people do is no illness (a city desk, a wire report)."""
    for text in ("An epidemic of gun violence has killed 200 people in Baltimore this year.",
                 "A pandemic of knife crime killed 30 teenagers in Leeds.",
                 "An outbreak of rioting in Jos killed four people.",
                 "The outbreak of fighting killed nine people in Goma."):
        found = facts_of(text).events
        assert {"Attack"} <= {e.type for e in found} and "Disaster" not in {e.type for e in found}
        assert not any(e.evidence.rule == "event-killed-by-a-disaster" for e in found), text


def test_a_post_a_board_fills_by_a_vote_is_an_appointment() -> None:
    """event-took-a-post with "elect": a board chooses, or the post is the board's."""
    business = _events("Tom Hale was elected chairman of the board on Monday, Globex said.")
    assert ("Appointment", "elected", {"Tom Hale"}) in business
    wire = _events("The Brightwater board has elected Ana Reyes its new chair.")
    assert any(t == "Appointment" and "Ana Reyes" in roles for t, _, roles in wire)
    assert "Election" not in _types("Globex's board elected Tom Hale as its chairman on Friday.")


def test_a_post_voters_fill_stays_an_election() -> None:
    for text in ("Ana Reyes was elected president of Chile in 2022.",
                 "Voters elected Tom Hale mayor of Leeds.",
                 "Ana Reyes was elected to the board of Globex."):
        found = _types(text)
        assert "Election" in found and "Appointment" not in found, text


def test_an_appeal_for_help_is_words_said() -> None:
    assert ("Statement", "appealed", {"Ana Reyes"}) in _events(
        "Police chief Ana Reyes appealed to the public for information.")
    assert ("Statement", "appealed", {"Tom Hale"}) in _events(
        "Tom Hale appealed for calm after the riots.")


def test_an_appeal_against_a_ruling_is_no_statement() -> None:
    """A court's matter, not words of an occasion: bare, of a ruling, against one, to a court."""
    for text in ("Tom Hale was convicted of fraud on Monday. His lawyer Ana Reyes said he will appeal.",
                 "Tom Hale will appeal against the sentence, his lawyer said.",
                 "Tom Hale appealed the verdict in March.",
                 "Tom Hale appealed to the High Court."):
        assert not any(t == "Statement" and w.startswith("appeal") for t, w, _ in _events(text)), text


def test_a_court_step_under_will_stays_a_trial() -> None:
    # the gold sets count a case's step told ahead; a rule that dropped it was taken back
    assert "Trial" in _types("Tom Hale will be sentenced in May.")


def test_a_court_step_taken_is_a_trial_even_beside_a_hearing_to_come() -> None:
    assert "Trial" in _types("Tom Hale was sentenced to six years in jail on Monday.")
    assert "Trial" in _types("Two men charged with the murder of Tom Hale will appear in court tomorrow.")


def test_landings_at_two_places_are_two() -> None:
    found = _types("Two helicopters landed near Kabul on Monday. On Friday, a second "
                   "helicopter landed in Herat.")
    assert found.count("Landing") == 2


def test_a_fire_attacked_is_fought_not_an_attack() -> None:
    for text in ("Crews attacked the blaze from the air near Lithgow on Sunday.",
                 "The grass fire was attacked by water bombers, fire chief Tom Hale said."):
        assert "Attack" not in _types(text), text


def test_people_or_a_building_of_firefighters_attacked_is_an_attack() -> None:
    assert "Attack" in _types("Rebels attacked the fire station in Goma on Sunday.")
    assert "Attack" in _types("Gunmen attacked firefighters battling a blaze in Kano.")


def test_what_happens_each_year_is_a_rate_not_an_occasion() -> None:
    """event-habit-of-a-period: a simple present with "each", "every" or "a" and a period."""
    for text in ("About 900 people die from melanoma in Queensland each year, Tom Hale said.",
                 "Thousands of people are killed on the roads in Kenya every year.",
                 "Ana Reyes says 12 people die every week in Lagos."):
        assert "Death" not in _types(text), text


def test_a_death_told_with_its_time_is_an_occasion() -> None:
    assert "Death" in _types("Tom Hale died in Leeds last year.")
    assert "Death" in _types("Thirty people died each day of the siege of Goma.")


def test_deeds_a_court_found_are_its_finding_not_events_of_their_own() -> None:
    found = _types("Tom Hale was found guilty of carrying out the bombing of a bank in Lagos.")
    assert "Trial" in found and "Attack" not in found
    assert "Attack" not in _types("Tom Hale was charged with carrying out the bombing of a bank in Lagos.")


def test_deeds_told_by_the_text_are_events() -> None:
    assert "Death" in _types("The militia carried out 13 murders in the district, the court heard.")
    assert "Attack" in _types("Tom Hale was found guilty of fraud. Gunmen later carried out a "
                              "bombing in Lagos.")


def test_a_virus_or_a_disease_attacks_no_one() -> None:
    for text in ("The virus is attacking home and office computers across Europe, Norton said.",
                 "A new worm attacked bank servers in Seoul on Monday."):
        assert "Attack" not in _types(text), text
    assert "Attack" in _types("Hackers attacked the servers of Globex in Seoul on Monday.")


def test_figures_a_body_releases_are_its_report() -> None:
    """A verb of releasing with the findings it makes public: "release figure" and the like."""
    assert ("Report", "released", {"Bureau of Meteorology"}) in _events(
        "The Bureau of Meteorology released new figures on Monday showing a record dry winter.")
    assert ("Report", "released", {"Heart Foundation"}) in _events(
        "New statistics released by the Heart Foundation show that obesity is rising in Victoria.")


def test_things_released_or_figures_of_no_one_or_to_come_are_no_report() -> None:
    for text in ("The rebels released the hostages in Goma on Sunday.",
                 "Globex released a new phone in Seoul on Monday.",
                 "Figures released on Monday show a fall in crime in Leeds.",
                 "Ana Reyes said the ministry will release the figures next week."):
        assert "Report" not in _types(text), text


def test_ties_cut_with_someone_are_a_sanction() -> None:
    assert ("Sanction", "severed", {"Israel", "Yasser Arafat"}) in _events(
        "Israel severed all ties with the Palestinian leader Yasser Arafat last week.")
    assert ("Sanction", "cut", {"Nigeria", "Ghana"}) in _events(
        "Nigeria has cut diplomatic ties with Ghana, the foreign ministry said.")


def test_ties_a_titled_leader_cuts_are_a_sanction() -> None:
    """event-state-cuts-ties: a person the article titles with an office cuts them."""
    found = _events("Prime Minister Tomas Varga cut all ties with Ilir Hoxha after the raid.")
    assert ("Sanction", "cut", {"Tomas Varga", "Ilir Hoxha"}) in found


def test_other_things_cut_or_ties_kept_are_no_sanction() -> None:
    for text in ("The mayor cut the ribbon at the new bridge in Leeds.",
                 "Ana Reyes said ties with Ghana remained strong."):
        assert "Sanction" not in _types(text), text


def test_ties_a_firm_or_a_band_cuts_or_cut_between_two_are_no_sanction() -> None:
    """Hostile: the same words with a broadcaster, a sponsor, a firm, a band, no one, or two
    states at once (an entertainment page, a sports wire, a business brief, world news)."""
    for text in ("The ABC severed ties with the comedian after the complaints.",
                 "Adidas cut ties with Tom Reyes over the doping case.",
                 "Globex has cut ties with its auditor, the company said.",
                 "The band severed ties with its manager in March.",
                 "Diplomatic ties were cut between Ghana and Togo.",
                 "Ties were cut."):
        assert "Sanction" not in _types(text), text


def test_a_deed_in_a_clause_of_whether_is_asked_not_told() -> None:
    """event-asked-whether: a verb in a clause of "whether", or in a clause within it."""
    for text in ("Hale denied questions about whether he had touched someone who died of the fever.",
                 "Reporters asked Ana Reyes whether anyone who died in the flood was a tourist."):
        assert "Death" not in _types(text), text


def test_a_deed_told_beside_a_question_is_told() -> None:
    assert "Death" in _types("Tom Hale said Ana Reyes had died in Lagos.")
    assert "Meeting" in _types("Tom Hale met Ana Reyes in Lagos, and it is unclear whether they agreed.")


def test_the_toll_of_an_outbreak_of_violence_is_the_attacks() -> None:
    """Hostile for 'outbreak' (Disaster's when_deadly, Death's caused_by): the dead of an
    outbreak of violence are an attack's toll, not a disaster's (a wire report, a radio page)."""
    for text in ("An outbreak of violence in Suva killed six people.",
                 "The outbreak of fighting killed 15 people in Goma."):
        facts = facts_of(text)
        attacks = {e.key for e in facts.events if e.type == "Attack"}
        assert attacks, text
        assert all(s.event in attacks for s in facts.statistics), text
