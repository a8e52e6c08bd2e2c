"""The trades of the arts, the stage and the fire service as job titles (titles.tsv, kind
profession), the field a compounded noun's adjective names, and a pronoun in a quotation
whose speaker is named by no name (invented sentences)."""

from __future__ import annotations

import pytest

from extracting import facts_of, relations


def _titles(text: str) -> set[tuple[str, str, str]]:
    return {fact for fact in relations(facts_of(text)) if fact[1] == "jobTitle"}


@pytest.mark.parametrize(("text", "wanted"), [
    # wire style: the trade apposed to the name, with "the" or "a"
    ("Sir Adam Pell, the Scottish actor known for his stage work, died in London on Monday "
     "aged 80, his family said.", ("Adam Pell", "jobTitle", "actor")),
    ("Dana Fox, a former lead guitarist with the band, said the tour would go ahead.",
     ("Dana Fox", "jobTitle", "former lead guitarist")),
    ("Lena Marsh, a songwriter from Leeds, won the prize on Friday.",
     ("Lena Marsh", "jobTitle", "songwriter")),
    # broadcast style: the trade written before the name as a title
    ("Firefighter Lucas Brandt says the smoke was too thick to see the roof.",
     ("Lucas Brandt", "jobTitle", "Firefighter")),
    ("Venture capitalist Daniel Moreau says the market for the boxes will grow.",
     ("Daniel Moreau", "jobTitle", "Venture capitalist")),
    ("Olympian Sarah Lyle says the funding cut will hurt young swimmers.",
     ("Sarah Lyle", "jobTitle", "Olympian")),
])
def test_a_trade_of_the_arts_or_the_fire_service_is_a_job_title(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


def test_a_trade_before_a_name_is_no_part_of_the_name() -> None:
    labels = {e.label for e in facts_of("Firefighter Lucas Brandt says the roof fell in.").entities}
    assert "Lucas Brandt" in labels
    assert "Firefighter Lucas Brandt" not in labels


@pytest.mark.parametrize(("text", "wanted"), [
    ("The post went to Senator Holt, a critic of the leader and an outspoken civil rights "
     "activist.", ("Holt", "jobTitle", "civil rights activist")),
    ("Mara Quinn, a civil rights lawyer, led the march through Boston.",
     ("Mara Quinn", "jobTitle", "civil rights lawyer")),
])
def test_the_adjective_of_a_compounded_noun_names_the_field(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


def test_an_adjective_of_the_trade_itself_is_left_out() -> None:
    assert ("Mara Quinn", "jobTitle", "rights lawyer") in \
        _titles("Mara Quinn, a young rights lawyer, led the march through Boston.")


@pytest.mark.parametrize("text", [
    "The studio hired an actor to read the lines, Mara Quinn said.",
    "Mara Quinn met the guitarist in Dublin on Tuesday.",
    "Mara Quinn, whose son is a drummer, spoke to reporters in Dublin.",
    "Mara Quinn thanked the firefighters who saved her house.",
    "Actor unions said the strike would go ahead, Mara Quinn said.",
])
def test_a_trade_the_sentence_gives_to_nobody_named_is_no_one_s_title(text: str) -> None:
    assert not _titles(text)


def test_he_in_a_quotation_whose_speaker_is_only_he_is_not_the_last_name() -> None:
    text = ('Tom Hale died at home on Sunday, said Jo Roe. "He was a gifted actor and a loyal '
            'friend," he said.')
    assert not _titles(text)


def test_he_outside_a_quotation_is_the_person_named_before() -> None:
    text = "Tom Hale died at home on Sunday. He was a gifted actor, his agent said."
    assert ("Tom Hale", "jobTitle", "actor") in _titles(text)


@pytest.mark.parametrize(("text", "wanted"), [
    # wire style: the passive with its agent
    ("Kestrel Software was founded by Jane Roe in 1990, at first as a small shop in Ohio.",
     ("Jane Roe", "jobTitle", "founder")),
    # magazine style: a relative clause; "co-" written before the verb
    ("Jane Roe, who founded Oxfam in her twenties, spoke in London on Friday.",
     ("Jane Roe", "jobTitle", "founder")),
    ("Jane Roe co-founded Kestrel Software in 1990.", ("Jane Roe", "jobTitle", "co-founder")),
])
def test_who_founded_a_body_is_its_founder(text: str, wanted: tuple[str, str, str]) -> None:
    found = relations(facts_of(text))
    assert wanted in found
    assert any(fact[:2] == ("Jane Roe", "memberOf") for fact in found)


@pytest.mark.parametrize("text", [
    "Kestrel Software, founded by the father of Jane Roe, opened a shop in Ohio.",
    "Jane Roe did not found Oxfam, her lawyer said in London.",
    "Jane Roe may found a new party in Ohio next year.",
])
def test_a_founding_no_clause_gives_to_the_named_person_is_no_title(text: str) -> None:
    assert not _titles(text)


@pytest.mark.parametrize(("text", "wanted"), [
    # wire style: the appointed person's name apposed to the subject's title
    ("Acme's finance chief, Tim Vance, was quickly named CEO of the company on Tuesday.",
     ("Tim Vance", "jobTitle", "CEO")),
    # broadcast style
    ("The bank's deputy governor, Ann Lowe, has been appointed governor, the Treasurer says.",
     ("Ann Lowe", "jobTitle", "governor")),
])
def test_a_name_apposed_to_the_subject_is_who_is_appointed(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Tim Vance was named Person of the Year by the magazine in New York.", "Person"),
    ("Her husband, Tim Vance, was named as a suspect by police in Ohio.", "suspect"),
    ("The finance chief, Tim Vance, was named in the report on Acme.", "report"),
])
def test_a_naming_that_gives_no_post_gives_no_title(text: str, unwanted: str) -> None:
    assert not any(unwanted.lower() in fact[2].lower() for fact in _titles(text))


@pytest.mark.parametrize(("text", "wanted"), [
    # wire style
    ("The agency's former chief weapons inspector, Tom Hale, told "
     "a radio station the claims were credible.", ("Tom Hale", "jobTitle", "former chief weapons inspector")),
    # broadcast style
    ("Ann Lowe, a senior policy adviser at Acme, says the plan is ready.",
     ("Ann Lowe", "jobTitle", "senior policy adviser")),
])
def test_a_title_modifier_the_parser_hangs_on_a_compound_stays_in_the_title(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


def test_an_epithet_on_a_compound_stays_out_of_the_title() -> None:
    found = _titles("Tom Hale, the embattled weapons inspector at the agency, told "
                    "a radio station the claims were credible.")
    assert ("Tom Hale", "jobTitle", "weapons inspector") in found


@pytest.mark.parametrize(("text", "wanted"), [
    # magazine style
    ("The job now falls to his successor as chief executive, Tim Vance, who starts on Monday.",
     ("Tim Vance", "jobTitle", "chief executive")),
    # sports wire style
    ("The club named Tim Vance, her replacement as coach, on Friday.",
     ("Tim Vance", "jobTitle", "coach")),
])
def test_a_successor_holds_the_post_written_after_as(
        text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


@pytest.mark.parametrize("text", [
    "Her predecessor as chairman, Tim Vance, spoke to reporters in Perth.",
    "Tim Vance, a rival of her successor as chairman, spoke to reporters in Perth.",
])
def test_a_predecessor_or_a_successor_s_rival_holds_no_post(text: str) -> None:
    assert not _titles(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    # entertainment style
    ("Ann Lowe was named Best Director at the film festival in Venice.", "Director"),
    # sport style
    ("The side's skipper, Tim Vance, was named Coach of the Season by the league.", "Coach"),
    ("The judges named Ann Lowe as Player of the Match after the final.", "Player"),
    # local news style
    ("Tim Vance was named Nurse of the Year at a dinner in Leeds.", "Nurse"),
    ("Ann Lowe was named Most Valuable Player for the second time.", "Player"),
])
def test_an_award_one_is_named_is_no_title(text: str, unwanted: str) -> None:
    assert not any(unwanted.lower() in fact[2].lower() for fact in _titles(text))


@pytest.mark.parametrize(("text", "wanted"), [
    ("Acme's finance chief, Ann Lowe, was named CEO on Monday.", ("Ann Lowe", "jobTitle", "CEO")),
    ("Tim Vance was named Chairman of the board last week.", ("Tim Vance", "jobTitle", "Chairman")),
])
def test_a_post_one_is_named_to_is_still_a_title(text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)


@pytest.mark.parametrize("text", [
    # business style
    "Ann Lowe, her likely successor as chairman, would not comment on the talks.",
    "Tim Vance, the board's preferred successor as chief executive, said nothing in Perth.",
    # political style
    "Ann Lowe, a would-be successor as party leader, toured the state on Friday.",
    "Tim Vance, his possible successor as premier, met voters in Hobart.",
])
def test_a_successor_who_is_only_a_candidate_gets_no_title(text: str) -> None:
    assert not any(p == "jobTitle" for _, p, _ in _titles(text))


def test_a_successor_who_took_the_post_still_holds_it() -> None:
    assert ("Ann Lowe", "jobTitle", "chairman") in _titles(
        "Ann Lowe, his successor as chairman, would not comment on the talks.")


@pytest.mark.parametrize(("text", "wanted"), [
    # arts page style
    ("Ann Lowe, a Leeds-born singer-songwriter, sold out the hall on Friday.",
     ("Ann Lowe", "jobTitle", "singer-songwriter")),
    # wire style
    ("Tim Vance, a former actor-director, was honoured in Perth on Monday.",
     ("Tim Vance", "jobTitle", "former actor-director")),
])
def test_a_hyphened_trade_keeps_its_hyphen(text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in _titles(text)
