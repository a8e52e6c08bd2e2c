"""Event rules on invented sentences: triggers by form, anchors, arguments and merged occasions."""

from __future__ import annotations

from datetime import date
from typing import get_args, get_type_hints

import pytest

from kg.extract import extract
from kg.extract.events import merge_occasions
from kg.gazetteer import default_gazetteer
from kg.model import Article, Event, Evidence, Facts, TimeValue, ToldAs
from kg.nlp import parse
from kg.resolve import resolve


def facts_of(text: str) -> Facts:
    return resolve(extract(Article(id="test", text=text, published=date(2025, 3, 14)), parse(text)))


def events_of(facts: Facts, event_type: str) -> list[Event]:
    return [e for e in facts.events if e.type == event_type and not e.negated]


def roles_of(facts: Facts, event: Event) -> set[tuple[str, str]]:
    labels = {e.key: e.label for e in facts.entities}
    return {(role, labels[ref]) for role, ref in event.roles}


@pytest.mark.parametrize("text", [
    "Rescuers found two climbers dead near the summit of Mount Kenya on Sunday.",
    "The landslide left 14 villagers dead in the province of Cusco.",
    "The ferry captain was found dead in his cabin in Bergen.",
])
def test_an_adjective_can_state_a_death(text: str) -> None:
    deaths = events_of(facts_of(text), "Death")
    assert [e.evidence.rule for e in deaths] == ["event-dead-predicate"]


@pytest.mark.parametrize(("text", "disaster"), [
    ("Eight guides will appear in court charged with manslaughter after the 1998 Lucerne ferry "
     "tragedy.", True),
    ("Two guides who survived the 1998 rafting accident have denied any wrongdoing.", True),
    ("The 1998 election disaster still haunts the party.", False),
    ("The 1998 season was a disaster for the club.", False),
])
def test_a_misfortune_a_year_dates_happened(text: str, disaster: bool) -> None:
    found = events_of(facts_of(text), "Disaster")
    assert [e.evidence.rule for e in found] == (["event-misfortune-of-a-year"] if disaster else [])


@pytest.mark.parametrize(("text", "report"), [
    ("According to a leaked document prepared for the European Commission, emissions may be "
     "far higher than estimated.", True),
    ("Nurses produced a leaked briefing paper which says the hospital will close its ward.", True),
    ("The paper published the names of the officers.", False),
    ("The clerk read the document aloud.", False),
])
def test_a_document_told_as_made_is_a_report(text: str, report: bool) -> None:
    found = [e for e in facts_of(text).events if e.type == "Report"]
    assert [e.evidence.rule for e in found] == (["event-document-made"] if report else [])


def test_feared_dead_is_no_death_yet() -> None:
    assert not events_of(facts_of("Three fishermen are feared dead after the storm."), "Death")


def test_killing_oneself_is_a_death_not_an_attack() -> None:
    facts = facts_of("Police said bank robber Tomas Reyes shot and killed himself in Lyon.")
    assert not events_of(facts, "Attack")
    death, = events_of(facts, "Death")
    assert ("participant", "Tomas Reyes") in roles_of(facts, death)


def test_a_murder_without_a_named_killer_is_a_death() -> None:
    facts = facts_of("Journalist Marta Silva was murdered in Recife on Friday.")
    death, = events_of(facts, "Death")
    assert death.evidence.rule == "event-killed-by-no-one-named"
    assert ("participant", "Marta Silva") in roles_of(facts, death)


def test_a_condition_reports_nothing_as_having_happened() -> None:
    facts = facts_of("Governor Ana Lopes said she would resign if a single prisoner is killed.")
    assert not events_of(facts, "Death")
    assert events_of(facts, "Statement")


def test_the_words_of_a_document_are_a_report() -> None:
    facts = facts_of("The leaked report said 300 schools had closed in Chad.")
    assert [e.evidence.rule for e in events_of(facts, "Report")] == ["event-document-speaks"]
    named = facts_of("The United States Geological Survey said the quake struck at dawn.")
    assert not events_of(named, "Report")  # a survey that is an agency speaks for itself


def test_a_speakers_repeated_words_are_one_statement() -> None:
    facts = facts_of("Mayor Lucia Ferraz said on Monday that the bridge would reopen in May. "
                     "Ferraz said repairs had cost more than planned.")
    statement, = events_of(facts, "Statement")
    assert statement.time is not None and statement.time.value == "2025-03-10"
    apart = facts_of("Mayor Lucia Ferraz said on Monday that the bridge would reopen. Ferraz said "
                     "on Thursday that repairs had cost more than planned.")
    assert len(events_of(apart, "Statement")) == 2  # two dates, two occasions


@pytest.mark.parametrize(("text", "types"), [
    # a written statement and the words quoted from it later: one occasion
    ("Chairwoman Ruth Adeyemi, in a statement issued for the board of Lagos Mills, said the merger "
     "would go ahead. She said that the board had full confidence in its staff.", ["Statement"]),
    ("Ivan Petrov announced his retirement from the team on Monday. In his announcement, Petrov "
     "said he would coach juniors in Kazan.", ["Statement"]),
    ("In a statement, Bolivia's health minister Rosa Quispe said clinics would stay open. Quispe "
     "said the vaccine had arrived.", ["Statement"]),
    # words told to an outlet stay apart from the written statement, and so do other days
    ("Omar Haddad said in a statement that the plant would close. Haddad later told the BBC that "
     "200 jobs would go.", ["Interview", "Statement"]),
    ("In a statement on Monday, Lena Ortiz said the port was closed. Ortiz said on Thursday that "
     "it had reopened.", ["Statement", "Statement"]),
])
def test_a_written_statement_and_the_words_quoted_from_it_are_one_occasion(
        text: str, types: list[str]) -> None:
    spoken = [e.type for e in facts_of(text).events if e.type in ("Statement", "Interview")
              and not e.negated]
    assert sorted(spoken) == types, text


@pytest.mark.parametrize(("text", "reports"), [
    # one reporter's report told again: one occasion
    ("A new study suggests that Kenyan farms use less water than thought. The study issued by "
     "the Grattan Institute says irrigation is the exception.", 1),
    ("Reuters reported that the mine in Katanga had closed. Reuters also reported that 300 "
     "miners were sent home.", 1),
    ("Le Monde reports that the strike has spread to Lyon, quoting union leaders. Rail traffic "
     "was halved, Le Monde reports.", 1),
    # other reporters, or the same one on other days: other reports
    ("Reuters reported that the mine had closed. Bloomberg reported that 300 miners were sent "
     "home.", 2),
    ("Reuters reported on Monday that the mine had closed. Reuters reported on Friday that the "
     "mine had reopened.", 2),
])
def test_a_reporters_reports_are_one_occasion(text: str, reports: int) -> None:
    assert len(events_of(facts_of(text), "Report")) == reports, text


@pytest.mark.parametrize("text", [
    # an undated report and a dated one are two reports: the date is not the first one's
    "Le Figaro reported that Vantex would close two plants. In March, Le Figaro reported that "
    "the firm had hired advisers.",
    "Reuters reported that the dam near Kariba had cracked. In 2018, Reuters reported that the "
    "dam was leaking.",
    # a report told as another
    "The UNICEF report on measles said cases had doubled. A separate UNICEF report on polio "
    "found cases had fallen.",
])
def test_reports_told_as_others_stay_apart(text: str) -> None:
    reports = events_of(facts_of(text), "Report")
    assert len(reports) == 2, text
    assert reports[0].time is None, text


@pytest.mark.parametrize("text", [
    "In a statement, Vantex said sales fell. In a second statement on Thursday, Vantex announced "
    "that its finance chief would leave.",
    "In a statement, Vantex said sales fell. In a separate statement, Vantex said its finance "
    "chief would leave.",
    "Vantex said in a statement that sales fell. Vantex said in a statement on Thursday that its "
    "finance chief would leave.",
])
def test_written_statements_told_as_others_stay_apart(text: str) -> None:
    statements = events_of(facts_of(text), "Statement")
    assert len(statements) == 2, text
    assert statements[0].time is None, text


@pytest.mark.parametrize("text", [
    # words told with "the" after a dated telling by the same speaker: the one occasion
    "Vantex said in a statement on Monday that it would close two plants. In the statement, "
    "Vantex said 300 jobs would go.",
    "The IMF issued a report on Tuesday on Ghana's debt. In the new report, the IMF said growth "
    "would slow.",
    "Kenya Airways said in a statement on Friday that flights to Mombasa would resume. Fares "
    "will not change, Kenya Airways said in the statement.",
])
def test_words_told_with_the_are_those_told_before(text: str) -> None:
    spoken = [e for e in facts_of(text).events if e.type in ("Statement", "Report") and not e.negated]
    assert len(spoken) == 1, text
    assert spoken[0].time is not None, text


@pytest.mark.parametrize(("text", "told"), [
    ("In the statement, Vantex said sales fell.", "again"),
    ("In the new report, the IMF said growth would slow.", "again"),
    ("In a second statement, Vantex said sales fell.", "another"),
    ("Vantex said in a further statement that sales fell.", "another"),
    ("In another statement, Vantex said sales fell.", "another"),
    ("In the second statement, Vantex said sales fell.", "another"),
    ("A separate IMF report found that growth would slow.", "another"),
    # an adverb of the clause, a possessive, a bare verb: no telling of either kind
    ("Later the statement was deleted, and Vantex said sales fell.", ""),
    ("Vantex's statement said sales fell.", ""),
    ("Vantex later said sales fell.", ""),
])
def test_how_words_are_told_is_read_from_their_noun(text: str, told: str) -> None:
    spoken = [e for e in facts_of(text).events if e.type in ("Statement", "Report")]
    assert [e.told_as for e in spoken] == [told], text


def test_how_an_event_is_told_is_one_of_its_readings() -> None:
    # the type says which readings there are, so that a misspelt one fails the type check
    assert get_args(ToldAs) == ("", "again", "another", "known")
    assert get_type_hints(Event)["told_as"] == ToldAs


@pytest.mark.parametrize("text", [
    # the same words told with "the" but with a date of their own, or as another: two occasions
    "Vantex said in a statement on Monday that it would close two plants. In the statement on "
    "Friday, Vantex said 300 jobs would go.",
    "Nordia Air said on Friday that flights would resume. In the second statement, Nordia Air "
    "said fares would rise.",
    "Kessler Bank issued a report on Tuesday on lending. Kessler Bank said in a separate report "
    "that deposits fell.",
])
def test_words_told_with_the_but_dated_or_as_another_stay_apart(text: str) -> None:
    spoken = [e for e in facts_of(text).events if e.type in ("Statement", "Report") and not e.negated]
    assert len(spoken) == 2, text


@pytest.mark.parametrize("text", [
    # an adverb of the clause before a statement tells no other statement
    "Acme said in a statement on Monday that profits rose. Later the statement was updated, and "
    "Acme said it would hire staff.",
    "Vantex said in a statement that sales fell. Soon the statement was shared widely, and "
    "Vantex said its chief would leave.",
])
def test_an_adverb_before_the_noun_tells_no_other_statement(text: str) -> None:
    assert len(events_of(facts_of(text), "Statement")) == 1, text


@pytest.mark.parametrize(("text", "statements"), [
    # each recording a speaker speaks in, told with "a"/"an", is an occasion of its own
    ("In a Facebook video posted on Sunday, Ilya Karimov said the bombing was a crime. In a video "
     "released last year, Karimov accused the governor of corruption.", 2),
    ("Senator Dana Holt said on Tuesday that the bill was flawed. In a video posted on her "
     "website, Holt said she would vote against it.", 2),
    ("The militant leader Abu Sayed admitted the kidnapping in a videotape aired by Al Jazeera. "
     "Sayed told the BBC in March that he had no hostages.", 2),
    # the recording told with "the", or words told after it: that occasion
    ("In a video posted on Sunday, Ilya Karimov said the vote was rigged. In the video, Karimov "
     "said he would appeal.", 1),
    ("In a podcast, the coach Marta Silva said she would retire. Silva said the club had been "
     "her home.", 1),
    # words told later with a date of their own: another occasion than the recording's
    ("In a recording made in 2012, Lina Okoro said she loved the river. Okoro said on Tuesday "
     "she would move away.", 2),
    # no words spoken in it: a video posted or shown, a video conference
    ("Kofi Mensah posted a video of his dog on Instagram. Mensah said the tour was cancelled.", 1),
    ("Governor Ruth Adeyemi said on Friday that schools would reopen. Adeyemi said in a video "
     "call that teachers would be paid.", 1),
])
def test_words_spoken_in_a_recording_are_an_occasion_of_their_own(text: str, statements: int) -> None:
    spoken = [e for e in facts_of(text).events
              if e.type in ("Statement", "Interview") and not e.negated]
    assert len(spoken) == statements, text


@pytest.mark.parametrize(("text", "trials"), [
    # a court's verdicts told again, at no other court, place or date: one step of the case
    ("A jury in Leeds found three prison guards guilty of assault. Two other guards were "
     "acquitted.", 1),
    ("Judges in The Hague found the two commanders guilty of murder. They also found them guilty "
     "of looting.", 1),
    ("A Nairobi court convicted Peter Otieno of fraud on Tuesday, and acquitted his brother James "
     "Otieno on Tuesday.", 1),
    # verdicts of two courts, a verdict and its sentence, a verdict and its appeal: two steps
    ("A court in Lyon convicted Paul Mercier of fraud. In Nice, a judge acquitted his brother.", 2),
    ("Judges in Arusha found the former mayor guilty of genocide. He was sentenced to 30 years "
     "in prison.", 2),
    ("A court in Oslo found Erik Lund guilty of arson in March. In June the appeals court "
     "acquitted him.", 2),
])
def test_a_courts_verdicts_told_again_are_one_verdict(text: str, trials: int) -> None:
    assert len(events_of(facts_of(text), "Trial")) == trials, text


@pytest.mark.parametrize(("text", "trials"), [
    # verdicts of other defendants, each named, in other sentences: other cases
    ("A jury in Derby found Nora Vance guilty of theft. In a separate case, Owen Pratt was "
     "acquitted of arson.", 2),
    ("A jury found Owen Pratt guilty of arson. The verdict came two years after Ivo Marek was "
     "acquitted of a similar fire.", 2),
    # one told as known, of another defendant on another charge, close by: another case
    ("A jury found Owen Pratt guilty of arson. Ivo Marek, who was acquitted of theft, testified "
     "for him.", 2),
    # an attributive "convicted" tells who someone is, no verdict
    ("A convicted burglar, Owen Pratt, was arrested on Sunday. A jury found his cousin Ivo "
     "Marek guilty of theft.", 1),
])
def test_verdicts_of_other_defendants_stay_apart(text: str, trials: int) -> None:
    found = events_of(facts_of(text), "Trial")
    assert len(found) == trials, text
    assert all(e.trigger.lower() != "convicted" for e in found), text


@pytest.mark.parametrize(("text", "defendants"), [
    # a co-defendant's verdict on "the same" charge: one hearing, its defendants together (the
    # gold's Trial: each step on its own occasion, the accused its participants)
    ("A court in Bergen found Erik Lund guilty of fraud. His co-accused, Jon Berg, was acquitted "
     "of the same charge.", {"Erik Lund", "Jon Berg"}),
    ("A panel found the cyclist Ivo Marek guilty of cheating. His team-mate Luca Brandt, who was "
     "acquitted of the same charge, won the stage.", {"Ivo Marek", "Luca Brandt"}),
    ("Judges in Arusha convicted the former mayor Jean Habimana of genocide. The former police "
     "chief Paul Nkusi was convicted on the same counts.", {"Jean Habimana", "Paul Nkusi"}),
])
def test_a_verdict_on_the_same_charge_is_the_case_told_before(text: str, defendants: set[str]) -> None:
    facts = facts_of(text)
    trial, = events_of(facts, "Trial")
    assert {label for role, label in roles_of(facts, trial) if role == "participant"} >= defendants


@pytest.mark.parametrize(("text", "trials"), [
    # a defendant's verdict told again further on, on no other date: the verdict told before
    ("A jury in Derby found Ada Lund guilty of fraud. The fraud cost savers two million pounds. "
     "Her firm collapsed in 2019. Police raided its offices in May. Its shares were suspended. "
     "Lund, who was convicted of fraud, plans to appeal.", 1),
    ("A court in Accra convicted Kwame Asante of bribery. The bribes were paid in 2017. His party "
     "lost the vote. Voters were angry. The party has a new leader. Asante's conviction shocked "
     "his supporters.", 1),
    # on another day, or the same charge in a case told as another: other steps
    ("A jury convicted Ada Lund of fraud on Monday. The fraud cost savers two million pounds. Her "
     "firm collapsed in 2019. Police raided its offices in May. Its shares were suspended. In "
     "2015, Lund was convicted of theft.", 2),
    ("A jury found Owen Pratt guilty of arson. In a separate case, Nora Vance was acquitted of "
     "the same charge.", 2),
    # "in a separate trial" the parser hangs on the charge
    ("A court in Bergen convicted Siri Dahl of bribery. Tor Vik, who was not charged, was "
     "acquitted of the same charge in a separate trial.", 2),
    ("A court in Bergen convicted Siri Dahl of bribery. Tor Vik was acquitted of the same charge "
     "in a separate trial.", 2),
])
def test_a_defendants_verdict_told_far_on_is_the_one_told_before(text: str, trials: int) -> None:
    assert len(events_of(facts_of(text), "Trial")) == trials, text


_FAR_ON = ("The scheme cost savers two million euros. Her company folded. Police searched its "
           "warehouse. Its shares were suspended. ")
"""Four sentences of no verdict, which put a verdict after them beyond a verdict's reach."""


@pytest.mark.parametrize("text", [
    # a verdict told far on in a main clause may be a later step of the case: an appeal, a
    # retrial, another court's verdict, a conviction of another day
    "A jury in Tulsa found Greta Solberg guilty of fraud. " + _FAR_ON +
    "The Court of Appeal acquitted Solberg of fraud.",
    "A jury in Tulsa found Greta Solberg guilty of fraud. " + _FAR_ON +
    "Solberg was later acquitted of fraud on appeal.",
    "A jury in Tulsa convicted Greta Solberg of fraud. " + _FAR_ON +
    "A judge later convicted Solberg of fraud.",
    # told in a relative clause or by a possessive, but the other way, by another court, or on
    # appeal: another step
    "A jury in Tulsa convicted Greta Solberg of fraud. " + _FAR_ON +
    "Solberg, who was acquitted of fraud, now teaches.",
    "A jury in Tulsa convicted Greta Solberg of fraud. " + _FAR_ON +
    "Solberg, whom the Supreme Court convicted of fraud, now teaches.",
    "A jury in Tulsa convicted Greta Solberg of fraud. " + _FAR_ON +
    "Solberg, who was convicted of fraud on appeal, now teaches.",
    "A jury in Tulsa convicted Greta Solberg of fraud. " + _FAR_ON +
    "Solberg's conviction was quashed by the appeals court.",
])
def test_a_defendants_verdict_told_far_on_as_a_step_of_its_own_stays_apart(text: str) -> None:
    assert len(events_of(facts_of(text), "Trial")) == 2, text


def test_a_person_dies_once() -> None:
    facts = facts_of("Folk singer Tomas Lindqvist died on Friday in Oslo. Police said Lindqvist "
                     "was killed when his car left the road.")
    death, = events_of(facts, "Death")
    assert roles_of(facts, death) == {("agent", "Tomas Lindqvist"), ("location", "Oslo")}


def test_a_clause_with_its_own_subject_takes_no_agent_from_above() -> None:
    facts = facts_of("Beijing withdrew the new rules after thousands of drivers protested.")
    assert not any(role == "agent" for e in events_of(facts, "Protest")
                   for role, _ in roles_of(facts, e))


@pytest.mark.parametrize("text", [
    "Voters demonstrated a clear preference for change in Lima on Sunday.",
    "The parade in Moscow on Sunday was a demonstration of military strength.",
])
def test_showing_something_is_no_protest(text: str) -> None:
    assert not events_of(facts_of(text), "Protest")


def test_who_reacts_to_an_event_takes_no_part_in_it() -> None:
    facts = facts_of("Greenpeace condemned the shelling of Kherson on Sunday.")
    attack, = events_of(facts, "Attack")
    assert roles_of(facts, attack) == {("location", "Kherson")}
    scolded = facts_of("Norway rebuked Russia over the bombing of Kharkiv on Sunday.")
    assert not any(role == "agent" for e in events_of(scolded, "Attack")
                   for role, _ in roles_of(scolded, e))


def test_an_event_only_considered_has_not_happened() -> None:
    facts = facts_of("Washington is considering a military attack against Tehran.")
    assert not events_of(facts, "Attack")


def test_both_sides_of_a_meeting_between_take_part() -> None:
    facts = facts_of("Two secret meetings between Airbus and Boeing took place in Geneva.")
    meeting, = events_of(facts, "Meeting")
    roles = roles_of(facts, meeting)
    assert {"Airbus", "Boeing"} <= {name for _, name in roles}


def test_a_ban_on_someone_is_a_sanction() -> None:
    facts = facts_of("Colombia lifted a ten-year ban on Greenpeace on Tuesday.")
    sanction, = events_of(facts, "Sanction")
    assert ("participant", "Greenpeace") in roles_of(facts, sanction)
    assert not events_of(facts_of("The smoking ban was popular."), "Sanction")


def test_people_flee_a_place_and_make_their_way_from_one() -> None:
    facts = facts_of("Thousands fled Sudan after the fighting began. Hundreds of migrants are "
                     "making their way to the border from Guatemala.")
    origins = {name for e in events_of(facts, "Migration")
               for role, name in roles_of(facts, e) if role == "origin"}
    assert {"Sudan", "Guatemala"} <= origins


def test_shooting_someone_to_death_is_an_attack_and_a_death() -> None:
    facts = facts_of("A masked gunman shot a 40-year-old guard to death at a bank in Porto.")
    assert events_of(facts, "Attack") and events_of(facts, "Death")


def _date_of(facts: Facts, event_type: str) -> str | None:
    event, = events_of(facts, event_type)
    return event.time.value if event.time is not None else None


def test_the_date_on_the_trigger_beats_a_vaguer_one_nearby() -> None:
    facts = facts_of("More than 900 refugees landed on the island of Crete on Monday, the highest "
                     "daily total this year.")
    assert _date_of(facts, "Migration") == "2025-03-10"


def test_a_when_clause_dates_the_event() -> None:
    facts = facts_of("At least nine people drowned when a ferry capsized off Zanzibar late on "
                     "Sunday.")
    assert _date_of(facts, "Death") == "2025-03-09"


def test_agreeing_on_a_day_to_buy_dates_the_purchase() -> None:
    facts = facts_of("Brightwater Foods agreed on Tuesday to buy its rival Harbor Freightways.")
    assert _date_of(facts, "Acquisition") == "2025-03-11"


def test_a_dateline_town_the_model_takes_for_a_company_is_no_subject() -> None:
    facts = facts_of("GAVDOS, Greece, March 14 — More than 300 migrants landed on Monday.")
    migration, = events_of(facts, "Migration")
    assert not any(role == "agent" for role, _ in migration.roles)


def test_holding_a_person_is_a_detention_holding_talks_is_not() -> None:
    facts = facts_of("The Kenyan Interior Ministry confirmed it is holding a 34-year-old man. "
                     "The two unions held talks in Mombasa on Friday.")
    arrest, = events_of(facts, "Arrest")
    assert arrest.evidence.rule == "event-person-held"
    assert any(role == "agent" for role, _ in arrest.roles)


def test_a_kind_of_attack_names_one_an_illness_does_not() -> None:
    assert events_of(facts_of("Detectives questioned a chemist about the anthrax attacks."), "Attack")
    assert not events_of(facts_of("The senator suffered a heart attack."), "Attack")



@pytest.mark.parametrize(("text", "event_type", "role", "name"), [
    # an unnamed speaker speaks for the body named with them
    ("Officials from the World Food Programme warned that grain stocks were low.", "Statement",
     "agent", "World Food Programme"),
    # a disaster is placed by what it hit
    ("It was the worst drought to hit Kenya in decades.", "Disaster", "location", "Kenya"),
    # words told to an outlet are an interview, whoever speaks
    ("Intelligence officers told the BBC that the camp had closed.", "Interview",
     "participant", "BBC"),
    # a named gathering is held in the place its name gives
    ("The Nairobi Climate Summit is set to open with a call for action.", "Meeting",
     "location", "Nairobi"),
    # a state's unnamed government acting is its own body (data/gold/README.md)
    ("Chile's government lifted a ten-year ban on Greenpeace on Tuesday.", "Sanction",
     "agent", "Chilean government"),
    # an event is placed where its subject was filed
    ("The documents, filed in a lawsuit in Texas, say the company hid losses.", "Report",
     "location", "Texas"),
    # a death takes the one town its sentence names
    ("A fisherman who was missing for two days has died, police in Hobart said.", "Death",
     "location", "Hobart"),
    # a state in a modifier carries out the event
    ("Villagers fled the US-led offensive in March 2003.", "War", "agent", "United States"),
    ("The Russian shelling of Kharkiv went on all night.", "Attack", "agent", "Russia"),
    # "it" stands for the organisation that is the subject above it
    ("Harbor Freightways said on Monday it plans to cut 400 jobs.", "Layoff", "agent",
     "Harbor Freightways"),
    ("Chile and Peru traded barbs as the United Nations said its summit opened in Lima on Monday.",
     "Meeting", "agent", "United Nations"),
])
def test_an_event_takes_the_argument_its_sentence_gives(
    text: str, event_type: str, role: str, name: str,
) -> None:
    facts = facts_of(text)
    assert (role, name) in {r for e in events_of(facts, event_type) for r in roles_of(facts, e)}


@pytest.mark.parametrize(("text", "event_type"), [
    # courts and prosecutors: a charge, a verdict, a sentence
    ("Prosecutors in Gdansk charged the former harbour master Piotr Nowak with fraud on Monday.",
     "Trial"),
    ("A court in Lagos convicted the businessman Ade Okafor of bribery last week.", "Trial"),
    # a verdict verb the parser hangs on the next noun as a modifier is still the court's step
    ("A court in Tbilisi sentenced activist Nino Beridze to two years in prison on Monday.",
     "Trial"),
    ("A jury in Leeds found the nurse Helen Marsh guilty of theft on Friday.", "Trial"),
    # workers striking protest; they attack no one
    ("Dockworkers in Rotterdam went on strike on Friday.", "Protest"),
    ("The teachers' strike in Quebec entered its second week.", "Protest"),
    # space: a craft is launched and lands
    ("The Indian space agency launched a weather satellite from Sriharikota on Thursday.", "Launch"),
    ("The capsule landed in Kazakhstan on Saturday after six months in orbit.", "Landing"),
    # a fire, a crash: disasters that are nobody's attack
    ("A fire at a chemical plant in Tianjin killed 12 workers on Sunday.", "Disaster"),
    ("The helicopter crash near Bergen killed four people.", "Disaster"),
    # accidents and disasters kill without attacking
    ("A fire at a chemical plant in Tianjin killed 12 workers on Sunday.", "Death"),
    ("Thirty people lost their lives when the ferry sank off Cebu on Monday.", "Death"),
    # more ways to say something, and to take or leave office
    ("Health Minister Ana Gomez criticised the plan on Tuesday.", "Statement"),
    ("Labor Party sources in Canberra said the leader would step down.", "Statement"),
    ("A spokesman for Air Namibia urged passengers to stay calm.", "Statement"),
    ("The board of Nordbank has named Rosa Pires as chief executive.", "Appointment"),
    ("Interior Minister Karl Lenz stood down on Friday.", "Resignation"),
    ("Voters in Quebec rejected independence in a plebiscite on Sunday.", "Election"),
    ("Gunmen ambushed a convoy near Kandahar on Tuesday.", "Attack"),
    ("Foreign Minister Ida Lund delivered a blunt message to her Danish counterpart.", "Statement"),
])
def test_the_event_types_of_general_news(text: str, event_type: str) -> None:
    assert events_of(facts_of(text), event_type), text


@pytest.mark.parametrize(("text", "event_type"), [
    ("Soldiers opened fire on the crowd in Conakry.", "Disaster"),  # shooting, not a blaze
    ("The minister came under fire over the budget in Ottawa.", "Disaster"),
    ("The Greens won a landslide victory in Bremen on Sunday.", "Disaster"),
    ("The airline launched a new route to Perth on Monday.", "Launch"),  # no craft launched
    ("The bank launched an inquiry into the losses in Zurich.", "Launch"),
    ("The drug trial in Boston enrolled 300 patients.", "Trial"),  # a clinical trial
    ("The air strike on the depot near Homs killed six soldiers.", "Protest"),  # a military strike
    ("More than 200 migrants landed on Lampedusa on Monday.", "Landing"),  # people land by boat
    ("Mayor Anna Holt said she would negotiate the city's path out of debt.", "Meeting"),
    ("The minister said the border was calm.", "Statement"),  # someone named before, or no one
    ("Officials said the border was calm.", "Statement"),
])
def test_words_of_another_sense_are_no_such_event(text: str, event_type: str) -> None:
    assert not events_of(facts_of(text), event_type), text


def test_police_saying_is_no_statement_when_no_one_is_named() -> None:
    facts = facts_of("Police in Hobart said the fisherman had been found. Police said he was well.")
    assert not events_of(facts, "Statement")  # data/gold/README.md, "Unnamed speakers"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The report author and national director of Safe Kids, Mary Dunn, says the study revealed a rise.",
     "Mary Dunn"),  # the name in apposition to the body
    ("Chief economist with the Reserve Bank Tom Hale, says rates will rise.", "Tom Hale"),
    ("Chief analyst with the Bank of Fiji Mary Dunn, says rates will rise.", "Mary Dunn"),
])
def test_a_speaker_named_at_the_end_of_the_title_speaks(text: str, speaker: str) -> None:
    facts = facts_of(text)  # the parser hangs the name inside the title's phrase
    assert any(("agent", speaker) in roles_of(facts, e) for e in facts.events
               if e.type in ("Statement", "Interview")), text


@pytest.mark.parametrize("text", [
    "The wife of Marta Quiroga says the farm was sold.",  # his wife speaks, not he
    "The lawyer for the family of Piet Larsen says the case will go on.",
])
def test_a_name_inside_the_title_is_not_always_the_speaker(text: str) -> None:
    facts = facts_of(text)
    assert not any(role == "agent" and ref in {x.key for x in facts.entities if x.type == "Person"}
                   for e in events_of(facts, "Statement") for role, ref in e.roles), text


def test_the_one_arrested_or_charged_is_no_agent() -> None:
    facts = facts_of("The arrest of the activist Omar Haddad in Amman on Monday drew protests.")
    arrest, = events_of(facts, "Arrest")
    assert ("participant", "Omar Haddad") in roles_of(facts, arrest)
    assert not any(role == "agent" for role, _ in roles_of(facts, arrest))


@pytest.mark.parametrize(("text", "event_type", "place"), [
    # a state's own election or disaster happened there
    ("The Social Democrats won Denmark's general election on Tuesday.", "Election", "Denmark"),
    # a place that is shelled or bombed is where the attack was
    ("Rebel artillery shelled Goma on Sunday.", "Attack", "Goma"),
    # a launch is where it was launched from
    ("The agency launched the probe from Baikonur on Thursday.", "Launch", "Baikonur"),
    # the one town of the sentence before, in the same paragraph, when a sentence names no place
    ("A fire broke out at a warehouse in Osaka on Monday. Two workers died.", "Death", "Osaka"),
    # the site a definite noun takes up again, though the sentence names a wider place
    ("Detainees lit fires at the Villawood Detention Centre on Monday.\n\nOfficials in Sydney "
     "said two guards were attacked at the centre on Monday.", "Attack",
     "Villawood Detention Centre"),
    # not the region the place of the sentence before is said to be in
    ("A protest at the Lucas Heights reactor in southern Sydney drew 300 people on Sunday. "
     "Police arrested eight people.", "Arrest", "Lucas Heights"),
    # the occasion an event happened at places it
    ("At least four people have been killed during an attempted coup in Haiti overnight.",
     "Death", "Haiti"),
    ("Police arrested 40 students from Alexandria amid protests in Cairo on Monday.", "Arrest",
     "Cairo"),
    # the clause an event verb hangs on, or the clause of when it happened, places it
    ("Jets bombed a convoy near Kandahar on Saturday, killing 14 people, officials in Kabul "
     "said.", "Death", "Kandahār"),
    ("Troops from Israel launched two raids in the Gaza Strip near Khan Yunis on Sunday, "
     "arresting several people.", "Arrest", "Gaza Strip"),
    ("One person has died after a light aircraft crashed near Mount Gambier, police in "
     "Adelaide said.", "Death", "Mount Gambier"),
    ("Two schoolgirls died when a tree fell on them at a reserve in Hornsby, north of Sydney.",
     "Death", "Hornsby"),
    # the deaths an attacker caused happened where the killing was
    ("Suicide bombers killed 26 people in Jerusalem and Haifa at the beginning of the month.",
     "Death", "Jerusalem"),
    # the finer place a wider one introduces
    ("Another man was killed by soldiers near the West Bank city of Tulkarem, officials in "
     "Ramallah said.", "Death", "Tulkarem"),
    # the place an "in which" clause hangs on
    ("Officials in Ramallah condemned an attack on a bus near Hebron in which ten people were "
     "killed.", "Death", "Hebron"),
    # where those who did it were, not where the dead came from
    ("Three soldiers killed by a stray bomb in Afghanistan were from Kentucky, the Pentagon "
     "said.", "Death", "Afghanistan"),
    # a state's court sits in that state
    ("A Swiss court found the guide Marc Roth guilty of manslaughter on Friday.", "Trial",
     "Switzerland"),
    ("A Danish court jailed the smuggler Jens Holm for six years on Tuesday.", "Trial", "Denmark"),
    # a trial happens where the court its sentence names sits, not at the convict's home
    ("A court in northern Nigeria rejected an appeal by a mother from Kano sentenced to death "
     "for adultery.", "Trial", "Nigeria"),
    # a state's riots happened there
    ("Argentina's food riots have left 20 dead.", "Protest", "Argentina"),
])
def test_an_event_takes_its_place(text: str, event_type: str, place: str) -> None:
    facts = facts_of(text)
    places = {name for e in events_of(facts, event_type) for role, name in roles_of(facts, e)
              if role in ("location", "destination")}
    assert place in places, text


@pytest.mark.parametrize("text", [
    # further back than one sentence the story may have moved
    "A fire broke out at a warehouse in Osaka on Monday. The owner was in Kobe. Two workers died.",
    # nor from another paragraph
    "A fire broke out at a warehouse in Osaka on Monday.\n\nTwo workers died.",
])
def test_a_place_is_not_borrowed_from_far_away(text: str) -> None:
    facts = facts_of(text)
    assert not any(name == "Osaka" for e in events_of(facts, "Death")
                   for role, name in roles_of(facts, e) if role == "location")


def test_a_disaster_told_again_is_one_disaster() -> None:
    facts = facts_of("A strong earthquake struck Hokkaido early on Tuesday. Tuesday's quake "
                     "destroyed 300 homes, officials said.")
    assert len(events_of(facts, "Disaster")) == 1
    apart = facts_of("Floods in Assam killed 12 people on Monday. Floods in Kerala killed 30 "
                     "people on Friday.")
    assert len(events_of(apart, "Disaster")) == 2


def test_those_an_attacker_killed_died() -> None:
    facts = facts_of("Rebels in Goma killed Tomas Reyes, a priest, on Monday.")
    attack, = events_of(facts, "Attack")
    death, = events_of(facts, "Death")
    assert death.evidence.rule == "event-killed-victims" and death.key != attack.key
    assert ("participant", "Tomas Reyes") in roles_of(facts, death)
    assert death.time is not None and death.time.value == "2025-03-10"


def test_workers_who_strike_and_where_they_are_place_it() -> None:
    facts = facts_of("Nurses in Auckland went on strike on Tuesday.")
    strike, = events_of(facts, "Protest")
    assert ("location", "Auckland") in roles_of(facts, strike)


def test_a_vaccine_trial_is_no_court_case_a_defendants_is() -> None:
    assert not events_of(facts_of("The trial of the new vaccine in Brazil began in March."), "Trial")
    facts = facts_of("The trial of the banker Lars Olsen opened in Oslo on Monday.")
    trial, = events_of(facts, "Trial")
    assert ("participant", "Lars Olsen") in roles_of(facts, trial)


def test_an_attack_told_again_closer_is_one_attack_placed_closer() -> None:
    facts = facts_of("A US air raid in southern Iraq killed three soldiers on Sunday. The "
                     "warplanes bombed areas in Basra province, the military said.")
    attack, = events_of(facts, "Attack")
    roles = roles_of(facts, attack)
    assert ("agent", "United States") in roles  # "a US air raid": the state acts
    assert {name for role, name in roles if role == "location"} == {"Basra"}
    apart = facts_of("Gunmen attacked a bus near Kandahar on Monday. Gunmen attacked a market "
                     "in Lahore on Friday.")
    assert len(events_of(apart, "Attack")) == 2


@pytest.mark.parametrize(("text", "place"), [
    # said at an occasion of a meeting the article placed before
    ("The Lima Climate Summit opened on Monday. President Ana Ruiz, speaking at the opening "
     "ceremony, said the world must act.", "Lima"),
    # a gathering with a place of its own
    ("Finance Minister Lars Berg said at a dinner in Bergen on Friday that taxes would fall.",
     "Bergen"),
])
def test_words_said_at_a_gathering_are_said_where_it_is(text: str, place: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("location", place) in roles_of(facts, statement)


def test_nobody_does_a_disaster() -> None:
    facts = facts_of("Japan's public broadcaster NHK reported the quake on Monday.")
    quake, = events_of(facts, "Disaster")
    assert not any(role == "agent" for role, _ in quake.roles)  # NHK told of it


@pytest.mark.parametrize(("text", "spoken"), [
    # data/gold/README.md, "Unnamed speakers": a body tied to its state speaks, a bare one no
    ("Fiji's government said the tax would rise from July.", True),
    ("The Fijian army said two soldiers were wounded near the border.", True),
    ("The government said the tax would rise from July.", False),  # whose is unsaid
    ("The army said two soldiers were wounded near the border.", False),
    ("The spokesman said the border was calm.", False),  # someone named before, or no one
])
def test_an_unnamed_body_speaks_when_the_alone_singles_it_out(text: str, spoken: bool) -> None:
    assert bool(events_of(facts_of(text), "Statement")) is spoken


def test_a_place_is_never_a_speaker() -> None:
    facts = facts_of("Aleppo, who said the town was safe, was wrong about the siege.")
    assert not events_of(facts, "Statement")
    people = facts_of("The number of North Koreans who defected to the South rose last year.")
    defection, = events_of(people, "Defection")
    assert ("origin", "North Korea") in roles_of(people, defection)  # a people, not a place
    capital = facts_of("Beijing said on Monday that the talks had failed.")
    assert events_of(capital, "Statement")  # a capital speaks for its state


@pytest.mark.parametrize(("text", "type_", "wanted"), [
    # a relative pronoun stands for the noun its clause qualifies
    ("Juan Ortiz, who was arrested in Bogota last week, was released on Friday.", "Arrest",
     {("participant", "Juan Ortiz"), ("location", "Bogotá")}),
    # a plural the lexicon lists as such
    ("The talks in Geneva between Iran and the United States ended without a deal.", "Meeting",
     {("agent", "Iran"), ("agent", "United States"), ("location", "Geneva")}),
    # a verb of going whose "for" names what the goer takes part in
    ("Brazilian President Luiz Prado arrived in Tokyo on Sunday for a state visit.", "Visit",
     {("agent", "Luiz Prado"), ("location", "Tokyo")}),
    # owning up to an event
    ("Al-Shabaab claimed responsibility for the bombing in Mogadishu.", "Attack",
     {("agent", "al-Shabaab"), ("location", "Mogadishu")}),
    # a state's war machines act for the state; its forces are people who come from it
    # (data/gold/README.md, "Adjective-only actors")
    ("Russian warplanes shelled Kharkiv overnight, the governor said.", "Attack",
     {("agent", "Russia"), ("location", "Kharkiv")}),
    ("Russian forces shelled Kharkiv overnight, the governor said.", "Attack",
     {("location", "Kharkiv")}),
    # an unnamed subject apposed to a name
    ("The head of the World Food Programme, David Amsel, warned of famine in Sudan.",
     "Statement", {("agent", "David Amsel")}),
    ("A Kremlin spokesman, Dmitri Orlov, said Moscow would respond.", "Statement",
     {("agent", "Dmitri Orlov")}),
    # people at a body stand for it
    ("Scientists at CERN in Geneva published the results on Wednesday.", "Publication",
     {("agent", "CERN")}),
    # a noun's place from the people who do it
    ("Dock workers in Rotterdam staged a 24-hour strike.", "Protest",
     {("location", "Rotterdam")}),
    ("Junior doctors in England will walk out for five days from Monday.", "Protest",
     {("location", "England")}),
    # a named storm, and where it struck
    ("Cyclone Freddy has killed more than 400 people in Malawi.", "Disaster",
     {("location", "Malawi")}),
    ("Three hikers died in an avalanche near Chamonix on Friday.", "Death",
     {("location", "Chamonix")}),
])
def test_an_argument_pattern(text: str, type_: str, wanted: set[tuple[str, str]]) -> None:
    facts = facts_of(text)
    assert any(wanted <= roles_of(facts, event) for event in events_of(facts, type_)), \
        [(e.type, roles_of(facts, e)) for e in facts.events]


@pytest.mark.parametrize(("text", "type_"), [
    ("She suffered a heart attack while travelling in Peru.", "Visit"),
    ("Microsoft completed its acquisition of Activision Blizzard on Friday.", "Disaster"),
    ("Cyclone Freddy has killed more than 400 people in Malawi.", "Attack"),
    ("She said she would open coalition talks with the Greens this week.", "Meeting"),
    ("Health Minister Sofia Lind announced a ban on flavoured vapes in Stockholm.", "Sanction"),
    ("Tom Reyes arrived in Lima for the funeral of his father.", "Death"),  # he only attends
    ("Ana Duarte said she would quit smoking.", "Resignation"),
    # Only wished for, planned, due or guessed: no event yet.
    ("Opposition MPs want Health Minister Carla Nunes to resign over the hospital scandal.",
     "Resignation"),
    ("The new cabinet is to be sworn in at the presidential palace in Kinshasa on Friday.",
     "Appointment"),
    ("Rebels were planning to attack the garrison town of Bor, the army said.", "Attack"),
    ("The fugitive banker Rolf Keller is probably dead, investigators in Zurich believe.", "Death"),
    ("Environment Minister Hana Sato is expected to visit Fukushima next month.", "Visit"),
    ("The Senate must approve the treaty before it takes effect.", "Treaty"),
    # Words of a trigger in another sense: a sum added, a prize, a forecast come true.
    ("Opener Dean Walsh and captain Rory Finch added 95 for the second wicket at Lord's.",
     "Statement"),
    ("Singer Lena Marsh was nominated for a Grammy in 2019.", "Appointment"),
    ("As predicted, Leeds winger Sam Otto replaces the injured Lee Park for Saturday's match.",
     "Statement"),
    ("Shares fell sharply after the sharemarket crash in Tokyo on Monday.", "Disaster"),
    ("Coach Marco Ferri says he is very close to signing the new deal with the federation.",
     "Agreement"),
    ("Qantas says it is confident an agreement will be reached after the secret ballot.",
     "Agreement"),
    ("The envoy met Yasser Arafat in a fresh attempt to broker a cease-fire with Israel.",
     "Disaster"),
    ("Some of the first payment was used to meet the council's unpaid bills.", "Meeting"),
])
def test_no_event_of_the_type(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_)


@pytest.mark.parametrize(("text", "type_"), [
    # An event that is only the goal of an intended deed (rule event-aim-of-an-intention):
    # the object of a preposition of goal, or of a gerund after a noun of intention.
    ("The federation's repeated efforts to coax the two rival clubs into mediation talks in "
     "Zurich have got nowhere.", "Meeting"),
    ("The Kenyan sprinters were supposed to attend a sponsors' meeting in Berlin on Sunday.",
     "Meeting"),
    ("A prisoner release is one of the main conditions for resuming negotiations with Hamas.",
     "Meeting"),
    ("In a letter to staff, Lena Berg stood by her offer of holding negotiations with Norsk "
     "Hydro.", "Meeting"),
    ("Seoul's bid to bring Pyongyang back to the negotiations in Panmunjom has stalled.",
     "Meeting"),
])
def test_an_event_only_aimed_at_is_none(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize(("text", "type_"), [
    # The goal of a deed done, the circumstance of an intended one, a gerund of a clause
    ("Minister Ama Owusu flew to Accra to take part in the talks with Togo on Monday.",
     "Meeting"),
    ("The land deal was due to be signed before the last Queensland election.", "Election"),
    ("Merger talks between the steelmakers broke down in Oslo, with Halden Steel saying its "
     "board refused to sell the mills.", "Statement"),
])
def test_an_event_beside_an_intended_deed_stays(text: str, type_: str) -> None:
    assert events_of(facts_of(text), type_), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize(("text", "type_"), [
    # The consequence of a condition (rule event-consequence-of-a-condition): only supposed
    ("The Lima customs chief told the court that if the tip had reached his office sooner, his "
     "officers would have arrested the smugglers at the port.", "Arrest"),
    ("If the talks fail, the union could strike at the Port of Durban next month.", "Protest"),
    ("The minister said he would meet the Chinese envoy in Jakarta if invited.", "Meeting"),
    ("Rebels could attack Goma again if the talks in Nairobi fail, the M23 commander Sultani "
     "Makenga said.", "Attack"),
])
def test_the_consequence_of_a_condition_is_no_event(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize(("text", "type_"), [
    # A deed named only as what a judgement weighs (rule event-deed-under-a-judgement)
    ("Charging a pensioner over an unpaid parking fine is absurd, the Leeds councillor Joan "
     "Pike said.", "Trial"),
    ("To arrest a teenager for a protest sign would be a grave mistake, Amnesty's Kofi Mensah "
     "warned.", "Arrest"),
    ("Bombing schools is a war crime, the Norwegian envoy Ola Berg told reporters in Geneva.",
     "Attack"),
    ("It is unusual to prosecute a surgeon over a single error, said the Madrid lawyer Elena "
     "Ruiz.", "Trial"),
    ("It was a privilege to be elected by my colleagues, the Kenyan MP Grace Wanjiru said.",
     "Election"),
])
def test_a_deed_under_a_judgement_is_no_event(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize(("text", "type_"), [
    # The same verbs telling a deed done: a clause of its own, or a person's own state
    ("Prosecutors charged the Leeds councillor Joan Pike with fraud on Monday.", "Trial"),
    ("Police in Nairobi arrested the activist Kofi Mensah on Friday.", "Arrest"),
    ("It is clear that the police arrested Kofi Mensah in Accra on Friday.", "Arrest"),
    ("It was the third time Grace Wanjiru had been elected to parliament.", "Election"),
    ("Grace Wanjiru was proud to be elected as the first woman mayor of Nakuru.", "Election"),
    # a gerund subject of a clause in the past or perfect tells a deed done
    ("Arresting the union leader Ben Okafor triggered a strike in Lagos on Monday.", "Arrest"),
    ("Detaining the Chilean reporter Ana Soto in Lima has drawn protests from her newspaper.",
     "Arrest"),
])
def test_the_same_deed_told_as_done_stays(text: str, type_: str) -> None:
    assert events_of(facts_of(text), type_), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize("text", [
    # "shoot" as filming: the verb's object is a film or a picture, however written
    "A documentary shot by two students from Lagos won the jury prize at the Berlin festival.",
    "The new Bond film was shot in Morocco and Jamaica over six months.",
    "The band shot the video for its new single in Seoul last spring.",
    "The footage, shot by a bystander on a phone, was aired by the BBC.",
])
def test_shooting_a_film_is_no_attack(text: str) -> None:
    assert not events_of(facts_of(text), "Attack"), [(e.type, e.trigger) for e in facts_of(text).events]


@pytest.mark.parametrize("text", [
    "A cameraman for Reuters was shot dead near Gaza City on Friday.",
    "Gunmen shot two police officers in Karachi on Monday.",
    "The suspect, shot by police in Denver, died in hospital.",
])
def test_shooting_a_person_stays_an_attack(text: str) -> None:
    assert events_of(facts_of(text), "Attack"), [(e.type, e.trigger) for e in facts_of(text).events]


def test_a_deed_done_beside_an_even_if_stays() -> None:
    facts = facts_of("Ana Silva resigned as mayor of Porto on Monday, even if reluctantly.")
    assert events_of(facts, "Resignation")


def test_a_plan_a_body_announces_tells_the_event() -> None:
    facts = facts_of("Brightline Bank said it would cut 900 jobs in Leeds.")
    layoff, = events_of(facts, "Layoff")
    assert ("agent", "Brightline Bank") in roles_of(facts, layoff)


def test_he_asked_after_a_quote_is_the_subject_named_last() -> None:
    facts = facts_of('The minister, Paul Reed, says the plan works. President of the Refugee '
                     'Council, Hassan Amiri, says the plan bullies smaller nations. "Why should '
                     'they carry the burden?" he asked.')
    # Amiri's "says" and "he asked" are one occasion of his; had "he" been read as Reed, the
    # question would be Reed's and stay apart from Amiri's words
    statements = events_of(facts, "Statement")
    assert len(statements) == 2
    assert {frozenset(roles_of(facts, e)) for e in statements} == {
        frozenset({("agent", "Hassan Amiri")}), frozenset({("agent", "Paul Reed")})}


def test_he_said_after_a_quote_is_the_one_quoted_before() -> None:
    facts = facts_of('Coach Maria Lopez watched from the bench in Madrid as striker Tom Hale '
                     'scored twice. "We never stopped believing," she said.')
    statement, = events_of(facts, "Statement")
    assert roles_of(facts, statement) == {("agent", "Maria Lopez")}


@pytest.mark.parametrize(("text", "type_", "place"), [
    ("A magnitude 6.2 earthquake shook the southern Philippine island of Mindanao on Tuesday.",
     "Disaster", "Mindanao"),
    ("A powerful storm battered Johannesburg's northern suburbs overnight.", "Disaster",
     "Johannesburg"),
    ("Floods swept through Sylhet, where at least 30 people have died since Monday.", "Death",
     "Sylhet"),
    ("Eleven people died on Kenyan roads over the Easter weekend.", "Death", "Kenya"),
    ("Ontario recorded 14 traffic deaths over the long weekend.", "Death", "Ontario"),
    ("Riots in the port city of Durban left three people dead.", "Protest", "Durban"),
    ("Mourners in Goma buried nine miners killed in a landslide at the Rubaya mine.", "Death",
     "Goma"),
    ("Investigators are examining the overnight crash of a light aircraft near Mount Gambier.",
     "Disaster", "Mount Gambier"),
    ("Fire has damaged part of a historic cathedral in Lisbon.", "Disaster", "Lisbon"),
    ("Armed commandos stormed the presidential palace in Port-au-Prince after midnight.",
     "Attack", "Port-au-Prince"),
    ("Government troops and the rebels signed a ceasefire agreement in Addis Ababa on Sunday.",
     "Agreement", "Addis Ababa"),
])
def test_the_place_of_an_event_from_the_clause_around_it(text: str, type_: str, place: str) -> None:
    facts = facts_of(text)
    event, = events_of(facts, type_)
    assert roles_of(facts, event) == {("location", place)}  # nobody named takes part


def test_the_killer_is_not_the_one_who_died() -> None:
    facts = facts_of("Rui Costa stabbed a taxi driver to death in Nairobi on Saturday night.")
    death, = events_of(facts, "Death")
    attack, = events_of(facts, "Attack")
    assert ("agent", "Rui Costa") in roles_of(facts, attack)
    assert not any(label == "Rui Costa" for _, label in roles_of(facts, death))


def test_one_forced_to_resign_resigns() -> None:
    facts = facts_of("Interior Minister Jonas Falk was forced to resign on Thursday.")
    resignation, = events_of(facts, "Resignation")
    assert ("agent", "Jonas Falk") in roles_of(facts, resignation)


def test_a_report_of_talks_is_a_report_and_the_reporter_takes_no_part() -> None:
    facts = facts_of("The daily Le Monde first reported talks between Renault and Nissan last month.")
    report, = events_of(facts, "Report")
    assert ("agent", "Le Monde") in roles_of(facts, report)
    meeting, = events_of(facts, "Meeting")
    assert ("agent", "Le Monde") not in roles_of(facts, meeting)


@pytest.mark.parametrize(("text", "type_", "person", "state"), [
    ("The president of France, Emmanuel Morel, met the king.", "Meeting", "Emmanuel Morel", "France"),
    ("The former president of Chile, Ana Rojas, died on Monday.", "Death", "Ana Rojas", "Chile"),
])
def test_the_person_apposed_to_a_title_acts_not_the_state(text: str, type_: str, person: str,
                                                         state: str) -> None:
    facts = facts_of(text)
    event, = events_of(facts, type_)
    roles = {label for _, label in roles_of(facts, event)}
    assert person in roles and state not in roles


def test_a_company_told_again_by_its_trade_speaks() -> None:
    facts = facts_of("Toyota recalled a million cars, the carmaker said.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Toyota") in roles_of(facts, statement)


def test_a_body_does_not_die() -> None:
    facts = facts_of("The Pentagon said US troops had killed an Islamic State commander in Syria.")
    death, = events_of(facts, "Death")
    assert not any(label == "Islamic State" for _, label in roles_of(facts, death))


def test_those_locked_in_talks_take_part() -> None:
    facts = facts_of("Qantas and the Transport Workers Union have been locked in negotiations in "
                     "Sydney for two days.")
    meeting, = events_of(facts, "Meeting")
    assert {("agent", "Qantas"), ("agent", "Transport Workers Union")} <= roles_of(facts, meeting)


def test_one_abducted_and_killed_died() -> None:
    facts = facts_of("Journalist Ines Moura was abducted and killed in Recife last year.")
    death, = events_of(facts, "Death")
    assert ("participant", "Ines Moura") in roles_of(facts, death)


def test_what_one_is_alleged_to_have_said_is_not_his_statement() -> None:
    facts = facts_of("The former minister Karl Brandt is alleged to have told colleagues about the raid.")
    assert not events_of(facts, "Statement")



def test_attacks_by_two_sides_are_two_attacks() -> None:
    facts = facts_of("Hamas militants ambushed an Israeli patrol near Jenin on Monday. In response, "
                     "Israeli warplanes bombed targets near Jenin.")
    agents = sorted(sorted(label for role, label in roles_of(facts, attack) if role == "agent")
                    for attack in events_of(facts, "Attack"))
    assert agents == [["Hamas"], ["Israel"]]


@pytest.mark.parametrize("text", [
    "Prime Minister Ana Duarte says it will be her second visit to Nairobi this year.",
    "Mr Lee will go to Seoul for a summit meeting with Kim Jong-un.",
    "Mr Lee expects to travel to Seoul for talks with Kim Jong-un.",
])
def test_a_meeting_or_visit_still_to_come_is_no_event(text: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Visit") and not events_of(facts, "Meeting")


def test_the_talks_a_journey_was_for_happened_when_it_did() -> None:
    facts = facts_of("Mr Lee travelled to Seoul for talks with Kim Jong-un.")
    meeting, = events_of(facts, "Meeting")
    assert ("participant", "Kim Jong-un") in roles_of(facts, meeting)


@pytest.mark.parametrize("text", [
    "The earthquake, which killed 40 people, struck Peru on Sunday.",
    "The bus crash that killed nine tourists happened near Cusco.",
])
def test_a_disaster_that_killed_is_no_attack(text: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Attack")
    assert [e.evidence.rule for e in events_of(facts, "Death")] == ["event-killed-by-a-disaster"]


def test_a_bomb_that_killed_is_still_an_attack() -> None:
    assert events_of(facts_of("The bomb that killed 12 people went off in a market in Kabul."), "Attack")


@pytest.mark.parametrize(("text", "body"), [
    ("A spokeswoman for Acme Corp said the plant in Lyon would close.", "Acme Corp"),
    ("A spokesman for the Red Cross in Geneva said two aid workers were missing.",
     "International Committee of the Red Cross"),
])
def test_a_spokesman_for_a_body_speaks_for_it(text: str, body: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("agent", body) in roles_of(facts, statement)


def test_an_agreement_told_again_where_it_was_signed_is_one_agreement() -> None:
    facts = facts_of("Rival factions signed a power-sharing agreement on Wednesday. The agreement "
                     "was signed in Doha by the leaders of the four delegations.")
    agreement, = events_of(facts, "Agreement")
    assert ("location", "Doha") in roles_of(facts, agreement)


def test_agreements_with_other_parties_stay_apart() -> None:
    facts = facts_of("Japan signed a trade agreement with Korea in Seoul. Japan also signed an "
                     "agreement with Chile in Santiago.")
    assert len(events_of(facts, "Agreement")) == 2


@pytest.mark.parametrize(("text", "speaker"), [
    ("Foreign Minister Jane Roe has refused to say whether troops will be sent.", "Jane Roe"),
    ("Mr Diaz would not comment on the circumstances of his dismissal.", "Diaz"),
    ("Acme Corp declined to confirm the figures.", "Acme Corp"),
])
def test_refusing_to_say_is_no_comment(text: str, speaker: str) -> None:
    facts = facts_of(text)
    no_comment, = events_of(facts, "NoComment")
    assert ("agent", speaker) in roles_of(facts, no_comment)


def test_refusing_to_resign_is_no_comment() -> None:
    assert not events_of(facts_of("The minister refused to resign."), "NoComment")


def test_walking_out_of_talks_is_no_protest() -> None:
    facts = facts_of("The Greek delegation walked out of the talks in Brussels.")
    assert not events_of(facts, "Protest") and events_of(facts, "Meeting")


def test_workers_walking_out_of_a_plant_protest() -> None:
    assert events_of(facts_of("Workers walked out of the plant in Lyon on Monday."), "Protest")


@pytest.mark.parametrize("text", [
    "Extra police brought into the town were stood down this morning.",
    "The army stood down 300 reservists on Friday.",
])
def test_those_stood_down_did_not_resign(text: str) -> None:
    assert not events_of(facts_of(text), "Resignation")


@pytest.mark.parametrize("text", [
    "Mr Howard was re-elected in November.",
    "Talks have gone on since Mr Howard was re-elected on the timing of the summit.",
])
def test_the_one_re_elected_takes_part(text: str) -> None:
    facts = facts_of(text)
    election, = events_of(facts, "Election")
    assert ("participant", "Howard") in roles_of(facts, election)


def test_those_fled_from_take_no_part() -> None:
    facts = facts_of("Thousands of Afghans fled the Taliban last year.")
    migration, = events_of(facts, "Migration")
    assert not roles_of(facts, migration)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokeswoman for Serco has rejected claims that the prison in Perth is overcrowded.",
     "Serco"),
    ("A Qantas spokesman says the flights to Bendigo will resume on Monday.", "Qantas"),
    ("Premier Ruth Dunne has revealed she will stand again at the next election.", "Ruth Dunne"),
])
def test_one_who_speaks_for_a_named_body_and_revealing_make_a_statement(text: str,
                                                                        speaker: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("agent", speaker) in roles_of(facts, statement)


@pytest.mark.parametrize("text", [
    "A spokeswoman has rejected claims that the prison in Perth is overcrowded.",
    "A railway spokesman says the line to Bendigo will reopen on Monday.",
    "Regional authorities confirmed that the bridge at Mildura had been closed.",
    "The victim's family said they were relieved by the verdict.",
    "A source says the line to Bendigo will reopen on Monday.",
    "The spokesman says the line to Bendigo will reopen on Monday.",
    "Authorities say the bridge at Mildura has been closed.",
])
def test_an_unsingled_speaker_still_makes_no_statement(text: str) -> None:
    assert not events_of(facts_of(text), "Statement")


@pytest.mark.parametrize("text", [
    "A Danish diplomat said the talks in Oslo had stalled.",
    "The Chilean finance minister said the budget would be cut. He said the cuts were needed.",
    "Police say a woman who has claimed to be a nurse worked at the clinic in Dunedin.",
])
def test_a_person_the_text_leaves_unnamed_makes_no_statement(text: str) -> None:
    assert not events_of(facts_of(text), "Statement")


def test_an_unnamed_office_holder_named_later_speaks_as_the_name() -> None:
    facts = facts_of("Chile's ambassador said on Friday the embassy in Lima would stay open. "
                     "The remarks by Ambassador Rosa Quiroga surprised officials in Lima.")
    statement, = [e for e in events_of(facts, "Statement") if e.trigger == "said"]
    assert ("agent", "Rosa Quiroga") in roles_of(facts, statement)


def test_an_arrest_told_again_without_names_is_the_same_arrest() -> None:
    facts = facts_of("Police arrested Luis Diaz in Lyon on Monday. Officers detained the man "
                     "after a chase through the old town.")
    arrest, = events_of(facts, "Arrest")
    assert ("participant", "Luis Diaz") in roles_of(facts, arrest)


def test_an_arrest_told_at_another_time_is_another_arrest() -> None:
    facts = facts_of("Police arrested Luis Diaz in Lyon on Monday. On Friday, officers detained "
                     "a second suspect.")
    assert len(events_of(facts, "Arrest")) == 2


def test_an_arrest_in_another_place_is_another_arrest() -> None:
    facts = facts_of("Police arrested two men in Lyon on Monday. Police in Nice arrested three "
                     "boys on Tuesday.")
    assert len(events_of(facts, "Arrest")) == 2


def test_the_noun_taken_up_again_names_the_body_whose_name_ends_in_it() -> None:
    facts = facts_of("The Textile Workers Union's Wendy Clark says the plan is wrong. The Indian "
                     "Government changed its labour laws in May. The union says the plan will "
                     "cost jobs in Perth.")
    spoken = {frozenset(roles_of(facts, e)) for e in events_of(facts, "Statement")}
    assert frozenset({("agent", "Textile Workers Union")}) in spoken


@pytest.mark.parametrize("text", [
    "Mayor Anna Berg was quoted as saying the bridge in Graz would reopen.",
    "Mayor Anna Berg is reported as saying the bridge in Graz would reopen.",
])
def test_one_quoted_as_saying_makes_a_statement(text: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Report")  # no one named reported it
    statement, = events_of(facts, "Statement")
    assert ("agent", "Anna Berg") in roles_of(facts, statement)


def test_one_quoted_by_an_outlet_is_still_reported() -> None:
    facts = facts_of("Mayor Anna Berg was quoted by Reuters as saying the bridge would reopen.")
    assert events_of(facts, "Report")


@pytest.mark.parametrize("text", [
    "Late on Friday, Mr Varga's family told reporters in Szeged they were shocked.",
    "The mother of Anna Berg said the verdict in Graz was fair.",
    "Anna Berg's friends said the verdict in Graz was fair.",
])
def test_the_people_close_to_a_person_do_not_speak_for_them(text: str) -> None:
    assert not events_of(facts_of(text), "Statement")


def test_a_persons_lawyer_still_speaks_for_them() -> None:
    facts = facts_of("Anna Berg's lawyer said the verdict in Graz was unfair.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Anna Berg") in roles_of(facts, statement)


@pytest.mark.parametrize(("text", "sponsor"), [
    ("The EU-brokered talks in Geneva ended on Monday.", "European Union"),
    ("The truce followed Qatar-mediated negotiations in Doha.", "Qatar"),
    ("Envoys left the UN-sponsored Syrian talks in Geneva early.", "United Nations"),
])
def test_who_runs_a_meeting_takes_part_in_it(text: str, sponsor: str) -> None:
    facts = facts_of(text)
    meeting, = events_of(facts, "Meeting")
    assert ("agent", sponsor) in roles_of(facts, meeting)


def test_those_attending_a_sponsored_meeting_take_part_beside_its_sponsor() -> None:
    facts = facts_of("A senior member of the Labour Party attending the UN-sponsored talks in "
                     "Geneva said a deal was close.")
    meeting, = events_of(facts, "Meeting")
    agents = {label for role, label in roles_of(facts, meeting) if role == "agent"}
    assert "Labour Party" in agents and len(agents) == 2


def test_a_meeting_told_twice_in_a_sentence_is_one_with_the_date_of_either() -> None:
    facts = facts_of("Observers at the EU-brokered talks in Geneva expect the deal to be signed "
                     "at the Geneva talks on Wednesday.")
    meeting, = events_of(facts, "Meeting")
    assert meeting.time is not None


def test_their_gives_the_sides_the_sentence_joined_before_it() -> None:
    facts = facts_of("Relations between Chile and Peru are at their worst since their war of 1879, "
                     "officials in Lima say.")
    war, = events_of(facts, "War")
    assert {("agent", "Chile"), ("agent", "Peru")} <= roles_of(facts, war)


def test_their_with_no_sides_joined_gives_no_one() -> None:
    facts = facts_of("Chile signed a treaty with Peru in 1929. Their war had ended decades before.")
    assert all(not e.roles for e in events_of(facts, "War"))


def test_deaths_of_one_disaster_are_one_toll_with_its_victims() -> None:
    facts = facts_of("A fire at a nightclub in Porto killed 12 people on Saturday. Musician Rui "
                     "Matos died in the blaze, and a Braga woman was killed in the fire too.")
    death, = events_of(facts, "Death")
    assert ("location", "Porto") in roles_of(facts, death)
    assert any("Rui Matos" in label for _, label in roles_of(facts, death))
    assert ("location", "Braga") not in roles_of(facts, death)


def test_deaths_of_attacks_told_apart_stay_apart() -> None:
    facts = facts_of("Two soldiers were shot dead by a sniper on Monday. Another man was killed "
                     "when gunmen opened fire on a bus.")
    assert len(events_of(facts, "Death")) == 2


def test_a_home_town_is_not_where_a_death_happened() -> None:
    facts = facts_of("The family of a Bendigo woman killed in the canyoning accident has welcomed "
                     "the verdict.")
    death, = events_of(facts, "Death")
    assert not any(role == "location" for role, _ in death.roles)


@pytest.mark.parametrize("text", [
    "Ana Ruiz, whose son died in the 2015 climbing accident, welcomed the verdict.",
    "The court heard the tragedy, which killed nine hikers, could have been avoided.",
    "Six miners were killed in the disaster at the Pike River mine.",
])
def test_a_misfortune_that_killed_is_a_disaster(text: str) -> None:
    disaster, = events_of(facts_of(text), "Disaster")
    assert disaster.evidence.rule == "event-deadly-misfortune"


@pytest.mark.parametrize("text", [
    "The defeat was a tragedy for the club, coach Ray Lim said.",
    "Nobody was hurt in the accident on the Hume Highway.",
    "Critics called the new tax a disaster for farmers.",
])
def test_a_misfortune_that_killed_nobody_is_no_disaster(text: str) -> None:
    assert not events_of(facts_of(text), "Disaster")


def test_deaths_of_a_disaster_happened_where_it_did() -> None:
    facts = facts_of("A fire broke out at a nightclub in Porto on Friday. Three people died in "
                     "the blaze.")
    death, = events_of(facts, "Death")
    assert ("location", "Porto") in roles_of(facts, death)


def test_a_misfortune_told_again_is_the_deadly_one() -> None:
    facts = facts_of("Four hikers died in a climbing accident near Zermatt in 2015. A guide who "
                     "survived the accident on July 2, 2015, was acquitted.")
    disaster, = events_of(facts, "Disaster")
    assert disaster.time is not None and disaster.time.value == "2015-07-02"


def test_where_a_survivor_comes_from_is_not_the_place() -> None:
    facts = facts_of("The pilot was killed, but a nurse from nearby Millicent survived.")
    death, = events_of(facts, "Death")
    assert not any(role == "location" for role, _ in death.roles)


def test_the_people_of_a_state_killed_are_not_the_place() -> None:
    facts = facts_of("A Palestinian was killed by soldiers on Monday.")
    assert not any(role == "location" for e in facts.events for role, _ in e.roles)


def test_a_home_town_in_the_sentence_before_is_not_the_place() -> None:
    facts = facts_of("Tom Reyne of Cairns in far north Queensland is angry. His daughter died in "
                     "the rafting accident.")
    death, = events_of(facts, "Death")
    assert not any(role == "location" for role, _ in death.roles)


@pytest.mark.parametrize(("text", "kind"), [
    ("The country needs billions of dollars to rebuild after 23 years of war.", "War"),
    ("The new government has a chance to end 20 years of warfare.", "War"),
    ("The envoy vowed to end 15 months of bloodshed.", "War"),
    ("The accord was sealed after nine days of exhausting negotiations.", "Meeting"),
    ("Rebels took the airport after fierce fighting with Taliban troops.", "War"),
])
def test_an_event_noun_counted_in_time_or_fought_with_someone_happened(text: str, kind: str) -> None:
    assert len(events_of(facts_of(text), kind)) == 1


@pytest.mark.parametrize("text", [
    "The war on drugs is a topic of the debate.",
    "He was arrested for fighting with the Taliban.",
])
def test_war_as_a_topic_or_a_verb_of_one_fighter_is_no_war(text: str) -> None:
    assert not events_of(facts_of(text), "War")


def test_a_by_agent_placed_somewhere_places_the_event() -> None:
    facts = facts_of("The singer survived a stabbing by an intruder at his home in Oxford in 1999.")
    attack, = events_of(facts, "Attack")
    assert ("location", "Oxford") in roles_of(facts, attack)



@pytest.mark.parametrize(("text", "kind"), [
    ("About 35 jobs at the smelter will go when the company closes its old furnace.", "Layoff"),
    ("About 200 workers lost their jobs when the airline collapsed.", "Layoff"),
    ("Thirty people lost their lives in the flood.", "Death"),
    ("Sixty dock workers downed tools on Monday over job security.", "Protest"),
    ("Senator Kim Beazley called for calm in the city.", "Statement"),
])
def test_a_verb_takes_the_sense_whose_word_it_has(text: str, kind: str) -> None:
    assert [e.type for e in facts_of(text).events if e.type in (
        "Layoff", "Death", "Protest", "Statement")] == [kind]


def test_a_killing_by_a_named_arm_is_an_attack_and_a_death() -> None:
    facts = facts_of("Three soldiers were killed by a stray US bomb near Kandahar on Monday.")
    attack, = events_of(facts, "Attack")
    death, = events_of(facts, "Death")
    assert {("agent", "United States"), ("location", "Kandahār")} <= roles_of(facts, attack)
    assert ("agent", "United States") not in roles_of(facts, death)


@pytest.mark.parametrize("text", [
    "A cyclist was killed by a falling tree in Perth.",
    "Two climbers were killed by an avalanche near Zermatt.",
])
def test_a_killing_by_a_thing_or_a_disaster_is_no_attack(text: str) -> None:
    assert not events_of(facts_of(text), "Attack")


@pytest.mark.parametrize(("text", "agent"), [
    ("Head of the Australian Food and Grocery Council, Mitch Hooke, says the labels are costly.",
     "Mitch Hooke"),
    ("The president of France, Emmanuel Morel, said the talks had failed.", "Emmanuel Morel"),
])
def test_a_title_apposed_to_a_name_speaks_as_the_name(text: str, agent: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("agent", agent) in roles_of(facts, statement)


@pytest.mark.parametrize("text", [
    "Stone-throwing youths were met with baton charges in Gaza.",
    "The union is confident the workers' entitlements will be met, Ruth Dunne said.",
])
def test_being_met_is_no_meeting(text: str) -> None:
    assert not events_of(facts_of(text), "Meeting")


@pytest.mark.parametrize(("text", "kind", "place"), [
    ("More than 40 fires are still raging near Hobart.", "Disaster", "Hobart"),
    ("Two fires burning near Launceston were contained.", "Disaster", "Launceston"),
    ("Fierce fighting broke out in Mogadishu.", "War", "Mogadishu"),
])
def test_an_event_noun_going_on_happened_where_its_verb_says(text: str, kind: str, place: str) -> None:
    facts = facts_of(text)
    event, = events_of(facts, kind)
    assert ("location", place) in roles_of(facts, event)


def test_fires_told_by_their_number_are_more_than_one_of_them() -> None:
    facts = facts_of("More than 100 fires are burning across Victoria. A blaze near Bairnsdale "
                     "destroyed 12 homes.")
    assert len(events_of(facts, "Disaster")) == 2
    # a bare "fires are burning" is the story's bushfire going on, no other
    one = facts_of("A bushfire destroyed 30 homes near Bairnsdale. Fires are still burning "
                   "near Sale.")
    assert len(events_of(one, "Disaster")) == 1


@pytest.mark.parametrize(("text", "kind"), [
    ("At least 12 people were killed in riots over the price of bread.", "Protest"),
    ("Dozens were killed and hundreds injured in nationwide riots.", "Protest"),
    ("One of the rebel commanders was killed in heavy fighting.", "War"),
    ("Three civilians were wounded in an air raid.", "Attack"),
])
def test_a_violent_event_people_were_killed_or_hurt_in_happened(text: str, kind: str) -> None:
    assert len(events_of(facts_of(text), kind)) == 1


@pytest.mark.parametrize(("text", "kind"), [
    ("The minister warned that riots would follow the price rise.", "Protest"),
    ("The war is a topic of the debate.", "War"),
])
def test_a_violent_event_noun_nobody_was_hurt_in_needs_an_anchor(text: str, kind: str) -> None:
    assert not events_of(facts_of(text), kind)


@pytest.mark.parametrize("text", [
    "He denies reports the man was a spy.",
    "Acme has denied reports of a takeover.",
    "Karl Lee says he cannot confirm media reports the man has a brother in Perth.",
    "Rosa Diaz has played down reports of a rift with the coach.",
])
def test_reports_someone_answers_were_made_by_others(text: str) -> None:
    facts = facts_of(text)
    report, = events_of(facts, "Report")
    assert not report.negated  # the answer is not given; the reports were still made
    assert not any(role == "agent" for role, _ in report.roles)  # not by the one who answers


def test_a_gerund_the_parser_took_for_a_verb_can_name_an_event() -> None:
    facts = facts_of("Fighting between Tamil rebels and the army killed 12 people on Monday.")
    assert len(events_of(facts, "War")) == 1


def test_a_war_is_fought_against_its_enemy_and_over_the_place_it_is_fought_in() -> None:
    facts = facts_of("The Kurdish PKK waged a guerrilla war against Turkey for decades.")
    war, = events_of(facts, "War")
    assert ("participant", "Turkey") in roles_of(facts, war)
    facts = facts_of("The bomber was engaged in the air war over Iraq.")
    war, = events_of(facts, "War")
    assert ("location", "Iraq") in roles_of(facts, war)


@pytest.mark.parametrize(("text", "place"), [
    # a sentence with no place of its own: the one state of the sentence before
    ("Canberra sent 1,500 troops to Iraq in March. The cost of nine years of war has "
     "doubled.", "Iraq"),
    # two states before: none of them
    ("Talks between Ethiopia and Eritrea failed. The cost of nine years of war has doubled.",
     None),
])
def test_a_war_told_with_no_place_is_fought_where_the_story_just_was(text: str, place: str | None) -> None:
    facts = facts_of(text)
    war, = events_of(facts, "War")
    places = {name for role, name in roles_of(facts, war) if role == "location"}
    assert places == ({place} if place else set())


def test_the_crime_a_court_charges_is_no_event_the_charge_is() -> None:
    facts = facts_of("Omar Khan has been charged with waging war against India.")
    assert not events_of(facts, "War")
    trial, = events_of(facts, "Trial")
    assert ("participant", "Omar Khan") in roles_of(facts, trial)
    facts = facts_of("Lars Berg was charged with the murder of his wife in Oslo.")
    assert events_of(facts, "Trial")


@pytest.mark.parametrize(("text", "war"), [
    ("The Government sent troops to Iraq. Their cost in the war against terrorism has risen.", True),
    ("Government troops are fighting rebels near Juba.", True),
    ("Firefighters are fighting fires west of Perth.", False),
    ("Qantas is fighting the ACTU in the Industrial Relations Commission.", False),
    ("He was arrested for fighting with the Taliban.", False),
    # an armed group is an enemy by its name, a side only with "with"
    ("Government forces are fighting the Taliban near Kandahar.", True),
    ("The militia has vowed to fight Al Qaeda cells in the south.", True),
    ("The union is fighting the ACTU over the award.", False),
    # a struggle noun is a war only against an enemy
    ("Canberra has joined the campaign against terrorism in Afghanistan.", True),
    ("Militias have stepped up their battle against the Taliban.", True),
    ("The tabloid defended its name and shame campaign against paedophiles.", False),
    ("The team won the first battle of the series in Perth.", False),
    ("The agency has asked for more money for the fight against the disease.", False),
])
def test_a_war_has_an_enemy(text: str, war: bool) -> None:
    assert bool(events_of(facts_of(text), "War")) == war


@pytest.mark.parametrize(("text", "attack"), [
    ("Israeli warplanes blasted police buildings in Gaza City on Monday.", True),
    ("Helicopter gunships fired on two cars in Hebron.", True),
    ("The storm hit Sydney early on Monday afternoon.", False),
    ("The yachts hit strong winds in Bass Strait.", False),
    # a weapon that explodes is an attack; a truck, a gas bottle or a price is none
    ("A car bomb exploded outside a police station in Kabul on Friday, killing 12 people.", True),
    ("A roadside bomb exploded near a convoy south of Baghdad.", True),
    ("Two grenades exploded in a crowded market in Bujumbura on Sunday.", True),
    ("A gas cylinder exploded in a restaurant kitchen in Lahore.", False),
    ("His truck exploded shortly after noon near the checkpoint.", False),
    ("Share prices exploded after the merger was announced in London.", False),
    # a particle and no target: only a thing of war goes off
    ("A bomb went off at a market in Peshawar, killing 12 people.", True),
    ("A roadside bomb went off near a convoy in Helmand on Monday.", True),
    ("The fire alarm went off at the school in Leeds.", False),
    ("Troops went off to the front in Donetsk.", False),
])
def test_a_verb_of_striking_tells_an_attack_when_what_strikes_is_armed(text: str, attack: bool) -> None:
    assert bool(events_of(facts_of(text), "Attack")) == attack


@pytest.mark.parametrize(("text", "type_"), [
    ("They also fired rockets on a fuel depot outside Tulkarem.", "Attack"),
    ("Gunboats fired two missiles at the harbour in Sidon on Friday.", "Attack"),
    ("The navy fired a cruise missile into the sea on Friday.", "Launch"),
    ("The agency fired a weather rocket on Friday.", "Launch"),
])
def test_arms_fired_at_a_target_are_an_attack_whoever_fires(text: str, type_: str) -> None:
    found, = [e for e in facts_of(text).events if e.type in ("Attack", "Launch")]
    assert found.type == type_
    if type_ == "Attack":
        assert found.evidence.rule == "event-arms-fired-at"


@pytest.mark.parametrize(("text", "type_"), [
    ("A suicide bomber blew himself up outside a cafe in Tel Aviv on Sunday, wounding 12 people.",
     "Attack"),
    ("Rebels blew up a railway bridge near Kigoma overnight.", "Attack"),
    ("The gunman shot himself in Lyon.", "Death"),
])
def test_a_bomber_who_blows_himself_up_attacks(text: str, type_: str) -> None:
    found = [e.type for e in facts_of(text).events if e.type in ("Attack", "Death")]
    assert found == [type_]


def test_blowing_up_at_someone_is_no_attack() -> None:
    assert not events_of(facts_of("The minister blew up at reporters on Monday."), "Attack")


def test_attacks_told_by_verbs_at_other_places_are_other_attacks() -> None:
    facts = facts_of("Israeli warplanes blasted police buildings in Gaza City on Monday. "
                     "Helicopter gunships also hit a radio station in Ramallah.")
    assert len(events_of(facts, "Attack")) == 2


def test_an_attack_on_the_towns_own_building_happened_in_the_town() -> None:
    facts = facts_of("Rebels have besieged El Fasher for weeks. On Tuesday, artillery fire hit "
                     "the city's main market.")
    attack, = events_of(facts, "Attack")
    assert ("location", "El Fasher") in roles_of(facts, attack)


def test_what_happens_again_and_again_is_no_occasion() -> None:
    assert not events_of(facts_of("Kharkiv has been shelled almost daily for weeks."), "Attack")


@pytest.mark.parametrize(("text", "type_"), [
    # a gathering "will" hold is a plan (an announced visit or strike is told: see above)
    ("A committee will meet in about four weeks to work on the next step.", "Meeting"),
    # a question asserts nothing
    ("It is not known whether anyone has been injured or arrested overnight.", "Arrest"),
    # the aim of a deed done to something is not what came of it
    ("The president sent his police to Gaza City to arrest a senior official of Hamas.", "Arrest"),
    ("Ministers piled pressure on the council to arrest and sentence the rioters.", "Trial"),
])
def test_no_event_yet(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_)


@pytest.mark.parametrize("text", [
    "Critics fear the agency could use the new law to detain protesters without charge.",
    "The governor must move quickly to arrest those behind the riots.",
    "The minister has promised to round up the smugglers.",
])
def test_the_deed_a_verb_not_done_is_for_is_no_event(text: str) -> None:
    assert not events_of(facts_of(text), "Arrest")


@pytest.mark.parametrize("text", [
    "Police moved quickly to arrest the two men in Suva on Friday.",
    "Police in Suva used a loophole to detain the two men on Friday.",
    # a negation that affirms (event-negated-affirms.txt)
    "Police in Suva did not hesitate to arrest the two men on Friday.",
])
def test_the_deed_a_verb_done_is_for_is_told(text: str) -> None:
    assert events_of(facts_of(text), "Arrest")


def test_would_go_on_to_tells_what_was_done() -> None:
    assert events_of(facts_of("The gunman would go on to kill five people in the town."), "Death")


def test_the_aim_of_a_deed_that_is_the_event_is_told() -> None:
    assert events_of(facts_of("Thousands of people marched in Tbilisi on Sunday to protest "
                              "against the new law."), "Protest")


def test_the_bench_that_finds_guilty_judges_where_it_sits() -> None:
    facts = facts_of("A United Nations panel of judges in East Timor found ten militiamen guilty "
                     "of murder on Monday.")
    trial, = events_of(facts, "Trial")
    assert {("agent", "United Nations"), ("location", "East Timor")} <= roles_of(facts, trial)


def test_one_attending_a_meeting_takes_part_in_it() -> None:
    facts = facts_of("A senior member of the Northern Alliance attending the talks in Bonn said "
                     "a deal was near.")
    meeting, = events_of(facts, "Meeting")
    assert ("agent", "Northern Alliance") in roles_of(facts, meeting)


@pytest.mark.parametrize(("text", "sides"), [
    ("The Israeli-Palestinian conflict has entered a new phase.", {"Israel", "Palestine"}),
    ("Tensions have not been this high since the India-Pakistan war.", {"India", "Pakistan"}),
])
def test_states_joined_by_a_hyphen_are_both_sides_of_a_war(text: str, sides: set[str]) -> None:
    facts = facts_of(text)
    war, = events_of(facts, "War")
    assert sides <= {name for role, name in roles_of(facts, war) if role == "agent"}


def test_an_uprising_is_a_war() -> None:
    assert events_of(facts_of("Fifteen months of the Palestinian uprising have left 800 people "
                              "dead."), "War")


def test_shot_dead_in_a_second_clause_is_the_first_clauses_subjects_death() -> None:
    facts = facts_of("The gunman was wounded in the attack and was later shot dead by police.")
    assert [e.evidence.rule for e in events_of(facts, "Death")] == ["event-dead-predicate"]


def test_a_border_crossing_is_a_place_not_a_journey() -> None:
    facts = facts_of("Israeli troops shot eight children near the Rafah border crossing with Egypt.")
    assert not events_of(facts, "Migration")
    attack, = events_of(facts, "Attack")  # the verb tells it, not a journey it would defer to
    assert ("agent", "Israel") not in roles_of(facts, attack)  # troops come from a state


def test_will_not_say_declines_to_comment() -> None:
    facts = facts_of("Attorney-General Lena Fisk said the man had left Norway. She will not say "
                     "who the man is.")
    refusal, = events_of(facts, "NoComment")
    assert ("agent", "Lena Fisk") in roles_of(facts, refusal)


def test_the_one_made_to_act_is_the_one_who_acts() -> None:
    facts = facts_of("The party forced Senator Tom Reyes to resign.")
    resignation, = events_of(facts, "Resignation")
    assert ("agent", "Tom Reyes") in roles_of(facts, resignation)
    facts = facts_of("The militia forced the residents to flee.")
    flight, = events_of(facts, "Migration")  # the residents fled, unnamed
    assert not roles_of(facts, flight)  # the militia did not flee


@pytest.mark.parametrize(("text", "agent"), [
    ("A new study shows that one in three children is overweight.", None),
    ("The Gallup survey found rising support for the Greens.", "Gallup"),
])
def test_a_document_that_finds_reports(text: str, agent: str | None) -> None:
    facts = facts_of(text)
    report, = events_of(facts, "Report")
    agents = {name for role, name in roles_of(facts, report) if role == "agent"}
    assert agents == ({agent} if agent else set())


@pytest.mark.parametrize("text", [
    "Turnout was the lowest in two decades, according to The Hindu.",  # a plain attribution
    "Police found the body of a woman in Perth.",  # no document finds
])
def test_no_report(text: str) -> None:
    assert not events_of(facts_of(text), "Report")


@pytest.mark.parametrize(("text", "type_"), [
    ("The bill gives the agency the power to detain suspects for 48 hours.", "Arrest"),
    ("Critics say the law would allow police to detain people without charge.", "Arrest"),
    ('"I always felt that they were guilty," Mr Peel said.', "Trial"),  # an opinion, no verdict
])
def test_a_power_or_an_opinion_is_no_event(text: str, type_: str) -> None:
    assert not events_of(facts_of(text), type_)


def test_no_event_with_no_happened() -> None:
    facts = facts_of("A B-52 bomber circled Tora Bora all morning, but no air strikes were launched.")
    assert not events_of(facts, "Attack")


@pytest.mark.parametrize(("text", "place"), [
    ("All four crew of a US B-1 bomber that crashed in the Indian Ocean were rescued.", "Indian Ocean"),
    ("One person died after a medical aircraft crashed near Mt Gambier.", "Mount Gambier"),
])
def test_a_craft_that_crashes_is_a_disaster(text: str, place: str) -> None:
    facts = facts_of(text)
    crash, = events_of(facts, "Disaster")
    assert ("location", place) in roles_of(facts, crash)


def test_a_market_that_crashes_is_no_disaster() -> None:
    assert not events_of(facts_of("Shares crashed on Wall Street on Monday."), "Disaster")


@pytest.mark.parametrize("text", [
    "The army hit back at critics of the operation.",
    "Soldiers hit the streets of Manila on Monday.",
    "The army is targeting school leavers in its recruitment campaign.",
])
def test_an_idiom_of_striking_is_no_attack(text: str) -> None:
    assert not events_of(facts_of(text), "Attack")


def test_a_war_told_again_is_one_war() -> None:
    facts = facts_of("Canberra sent troops to the war against terrorism in October. The cost of "
                     "contributing to the war against terrorism has doubled, Senator Hill said.")
    assert len(events_of(facts, "War")) == 1
    apart = facts_of("The war in Afghanistan began in 2001. The war in Iraq began in 2003.")
    assert len(events_of(apart, "War")) == 2


@pytest.mark.parametrize("text", [
    # another word tells a fight of its own, not the war of the years before
    "Rival factions signed a peace deal in Geneva after three decades of war. Their new leader "
    "Omar Haddad, a commander currently fighting the rebels near Goma, was sworn in.",
    # a war told by its name after another war is the war of that name
    "Ruritania's 1982 invasion of Freedonia was approved by Washington. The plan was lost among "
    "other issues following the Korean War, Senator Hill said.",
])
def test_a_war_told_by_another_word_or_by_its_name_is_another_war(text: str) -> None:
    wars = events_of(facts_of(text), "War")
    assert len(wars) == 2, [w.trigger for w in wars]


@pytest.mark.parametrize("text, kind", [
    ("Inmates at the Granby prison protested on Friday. The first fire was lit at 10pm on Friday "
     "and fires destroyed two workshops at the Granby prison on Saturday.", "Attack"),
    ("Nine sheds at the Valmy camp were set on fire on Tuesday. Fires gutted the Valmy camp "
     "kitchen on Wednesday.", "Attack"),
    ("Overnight fires and rioting at the Valmy camp abated on Sunday.", "Protest"),
])
def test_a_fire_people_set_is_an_attack_or_a_riots(text: str, kind: str) -> None:
    facts = facts_of(text)
    assert not events_of(facts, "Disaster")
    assert events_of(facts, kind)


@pytest.mark.parametrize("text", [
    "A fire destroyed two workshops at the Granby prison on Saturday. Police said the fire could "
    "have been lit on purpose.",
    "A blaze burned 500 hectares of bush near Goulburn on Monday. Police said the blaze was lit "
    "by a careless camper.",
])
def test_a_fire_not_known_to_be_set_or_of_the_land_is_a_disaster(text: str) -> None:
    facts = facts_of(text)
    assert events_of(facts, "Disaster")
    assert not events_of(facts, "Attack")


def test_she_who_will_not_say_is_the_woman_not_the_man_named_last() -> None:
    facts = facts_of("Ambassador Maria Lopes said she had identified the body of Sir John Carter "
                     "in Recife, but she would not say how he died.")
    silence, = events_of(facts, "NoComment")
    assert roles_of(facts, silence) == {("agent", "Maria Lopes")}


def test_what_a_speaker_says_and_tells_an_outlet_is_one_interview() -> None:
    facts = facts_of("Trade Minister Tom Hale says the port will reopen. He has told the BBC "
                     "that repairs are under way.")
    assert not events_of(facts, "Statement")
    interview, = events_of(facts, "Interview")
    assert roles_of(facts, interview) == {("agent", "Tom Hale"), ("participant", "BBC")}
    apart = facts_of("Trade Minister Tom Hale said on Friday the port would reopen. He told the "
                     "BBC on Monday that repairs were under way.")  # two days, two occasions
    assert len(events_of(apart, "Statement")) == len(events_of(apart, "Interview")) == 1


def test_he_says_after_an_unnamed_speaker_goes_on_with_the_same_words() -> None:
    facts = facts_of("A spokeswoman for the port authority says the crane collapsed at dawn. "
                     "She says two workers were treated for shock.")
    assert not events_of(facts, "Statement")  # the unnamed spokeswoman's words, told on
    named = facts_of("A spokeswoman for the port authority says the crane collapsed at dawn. "
                     "Harbour master Ines Duarte was on the quay. She says the wind was strong.")
    statement, = events_of(named, "Statement")  # a person named between: someone else speaks
    assert roles_of(named, statement) == {("agent", "Ines Duarte")}


def test_a_killing_inside_a_quotation_is_the_speakers_words() -> None:
    facts = facts_of('"Sadly the number of miners killed is now four," the mine manager said. '
                     "Rescuers pulled two men alive from the shaft near Oruro on Monday.")
    assert not events_of(facts, "Death")
    told = facts_of("Four miners were killed in the collapse near Oruro, the mine manager said.")
    assert events_of(told, "Death")


def test_a_document_taken_up_again_by_the_is_the_same_report() -> None:
    facts = facts_of("A new industry survey has found weak sales in Chile. "
                     "The survey has also found that exports grew.")
    assert len(events_of(facts, "Report")) == 1
    two = facts_of("A new industry survey has found weak sales in Chile. "
                   "A separate study shows that exports grew.")
    assert len(events_of(two, "Report")) == 2


def test_a_silence_under_a_condition_has_not_happened() -> None:
    facts = facts_of("Aides say that if Mayor Tom Ruiz does not respond publicly, the council will vote.")
    assert not events_of(facts, "NoComment")
    assert events_of(facts_of("Mayor Tom Ruiz did not respond to requests for comment."), "NoComment")


def test_a_title_with_the_speaks_for_the_one_so_titled_before() -> None:
    facts = facts_of("Parliament sat late on the budget of the Premier, Dr Ana Lopes. "
                     "In a statement released on Friday, the Premier said the port would reopen.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Ana Lopes") in roles_of(facts, statement)
    assert statement.evidence.sentence == 1
    nobody = facts_of("Parliament sat late on the budget. "
                      "In a statement released on Friday, the Premier said the port would reopen.")
    assert not events_of(nobody, "Statement")


@pytest.mark.parametrize("text", [
    "A firefight erupted near the border post at Kalma on Sunday.",
    "Police and gang members fought a gun battle in the streets of Lagos on Friday.",
])
def test_an_exchange_of_fire_is_an_attack(text: str) -> None:
    assert events_of(facts_of(text), "Attack")


def test_people_killed_in_an_attack_died_in_it() -> None:
    facts = facts_of("Three villagers were killed in an ambush near Goma on Sunday.")
    assert events_of(facts, "Attack")
    death, = events_of(facts, "Death")
    assert death.evidence.rule == "event-killed-by-no-one-named"


def test_words_about_an_event_are_a_statement_beside_it() -> None:
    facts = facts_of("Mayor Tom Ruiz condemned the attack on the mosque in Lyon on Friday.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Tom Ruiz") in roles_of(facts, statement)
    assert events_of(facts, "Attack")
    named = facts_of('Mayor Tom Ruiz called the meeting in Lyon on Friday a "failure".')
    assert events_of(named, "Statement")
    assert not any(role == "agent" for e in events_of(named, "Meeting") for role, _ in e.roles)


def test_a_speech_participle_goes_on_with_the_statement_it_hangs_on() -> None:
    facts = facts_of("Prime Minister Ivan Babic congratulated Ana Lopes in a statement on Monday, "
                     'calling the result "a vote for stability".')
    assert len(events_of(facts, "Statement")) == 1


def test_people_forced_to_flee_fled() -> None:
    facts = facts_of("Gangs torched the market in Kalma and forced villagers to flee their homes.")
    assert events_of(facts, "Migration")
    assert not events_of(facts_of("Gangs torched the market in Kalma and forced them to pay."),
                         "Migration")


def test_he_says_is_the_speaker_before_not_the_last_person_named() -> None:
    facts = facts_of("Bishop Tom Ruiz says it is important to remember Maria Lopes was a refugee. "
                     "He says the town must welcome newcomers.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Tom Ruiz") in roles_of(facts, statement)


def test_she_said_is_not_a_man_a_given_name_tells() -> None:
    # "Tom" is a man's given name (genders.tsv): "she" is Anna Berg, the speaker before him
    facts = facts_of('Anna Berg said the plan fails. Then Tom Hale spoke, as Paul Reed watched. '
                     '"It will not work," she said.')
    assert {frozenset(roles_of(facts, e)) for e in events_of(facts, "Statement")} == {
        frozenset({("agent", "Anna Berg")})}


def test_how_an_event_is_told_is_decided_only_for_words_that_may_trigger_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether an event is told as wished or conditional is decided for the words that may
    trigger one (nouns, verbs, the few adjectives of the lexicon), not for every word; the
    events are the same."""
    import kg.extract.events.finder as finder

    text = ("If the talks fail, the rebels would attack the town. The minister visited Paris on "
            "Monday and met the president.")
    doc = parse(text)
    article = Article(id="told", title="", text=text, published=date(2025, 3, 14))
    expected = [(e.type, e.trigger) for e in extract(article, doc).events]
    asked: list[str] = []
    conditional = finder.conditional
    monkeypatch.setattr(finder, "conditional", lambda t: asked.append(t.text) or conditional(t))
    assert [(e.type, e.trigger) for e in extract(article, doc).events] == expected
    assert ("Visit", "visited") in expected and not any(t == "Attack" for t, _ in expected)
    assert asked and len(asked) < len(doc) // 2
    assert not {"the", ",", ".", "on", "If"} & set(asked)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Interior Minister Ana Lopes released details of the plot on Tuesday.", "Ana Lopes"),
    ("Health Minister Tom Ruiz has provided further details of the two patients.", "Tom Ruiz"),
    ("Acme Mining has given assurances that the plant will stay open.", "Acme Mining"),
])
def test_a_verb_with_the_object_that_makes_it_telling_is_a_statement(text: str, speaker: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("agent", speaker) in roles_of(facts, statement)


@pytest.mark.parametrize("text", [
    "The calm in the region was shattered on Monday with the death of a Fijian, shot in a clash "
    "with soldiers.",
    "The vote was delayed by the death of a chief's son.",
    "Protesters blamed the company for the deaths of 12 miners.",
])
def test_the_death_of_someone_unnamed_happened(text: str) -> None:
    """A death noun whose "of" is a person the text does not name (a people's word, a role, a
    kinship noun, a count) tells a death with no one named, and a people's word is no place."""
    facts = facts_of(text)
    death, = events_of(facts, "Death")
    assert death.evidence.rule == "event-death-of-someone-unnamed"
    assert not roles_of(facts, death)


def test_the_death_of_a_thing_is_no_death() -> None:
    assert not events_of(facts_of("Critics mourned the death of democracy in the region."), "Death")


@pytest.mark.parametrize(("text", "body"), [
    ("Tom Ruiz, from the Coastal Farmers Union, says the drought is the worst in decades.",
     "Coastal Farmers Union"),
    ("Ana Lopes from the Harbour Workers Association says the strike will go ahead.",
     "Harbour Workers Association"),
])
def test_the_body_a_named_speaker_is_from_takes_part_in_the_statement(text: str, body: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("participant", body) in roles_of(facts, statement)


@pytest.mark.parametrize("text", [
    "Tom Ruiz from Lautoka says the road is closed.",
    "Ana Lopes from Reuters says the count is slow.",
])
def test_a_town_or_an_outlet_a_speaker_is_from_takes_no_part(text: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert [role for role, _ in roles_of(facts, statement)] == ["agent"]


@pytest.mark.parametrize(("text", "place"), [
    ("Hundreds of villagers escaped across the border into Thailand on Monday.", "Thailand"),
    ("Two soldiers escaped from Eritrea last year.", "Eritrea"),
])
def test_an_escape_from_or_to_a_place_is_a_migration(text: str, place: str) -> None:
    facts = facts_of(text)
    migration, = events_of(facts, "Migration")
    assert place in {label for _, label in roles_of(facts, migration)}


@pytest.mark.parametrize("text", [
    "The driver escaped unhurt when the truck rolled near Suva.",
    "Fiji has escaped with a draw after a dramatic final day against Samoa in Apia.",
])
def test_an_escape_with_no_place_left_or_reached_is_no_migration(text: str) -> None:
    assert not events_of(facts_of(text), "Migration")


@pytest.mark.parametrize("text", [
    "Police are interviewing a 30-year-old man over the theft of a bus in Suva.",
    "All four suspects have been interviewed but no charges have been laid.",
])
def test_questioning_by_no_outlet_is_no_interview(text: str) -> None:
    assert not events_of(facts_of(text), "Interview")


def test_an_outlet_that_interviews_makes_an_interview() -> None:
    facts = facts_of("CNN interviewed Prime Minister Ana Lopes in Suva on Monday.")
    interview, = events_of(facts, "Interview")
    assert {("agent", "CNN"), ("participant", "Ana Lopes")} <= roles_of(facts, interview)


def test_a_body_named_inside_a_description_speaks() -> None:
    # "the CGTX union said": the capitalised word before the description's noun names the body
    facts = facts_of("Bus drivers in Lyon staged a one-day strike, the CGTX union said.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "CGTX") in roles_of(facts, statement)


def test_people_interviewed_by_the_outlet_the_article_names_make_an_interview() -> None:
    # issue 11: the seed keeps its facts ("Elites interviewed by the news outlet")
    facts = facts_of("The Suva Courier spent a year talking to exiles. Officials interviewed by the "
                     "newspaper said the regime had no future.")
    assert events_of(facts, "Interview")


@pytest.mark.parametrize("text", [
    "The party leader is taking a set of proposals to next Thursday's national executive meeting.",
    "Pacific ministers will meet in Suva tomorrow for talks on the fisheries treaty.",
])
def test_a_meeting_dated_to_come_is_no_event_yet(text: str) -> None:
    assert not events_of(facts_of(text), "Meeting")


def test_a_meeting_dated_on_a_day_gone_by_happened() -> None:
    text = "The party leader took a set of proposals to Thursday's national executive meeting."
    assert events_of(facts_of(text), "Meeting")


def test_a_time_phrase_opened_by_next_or_tomorrow_is_to_come() -> None:
    from kg.extract.events.modality import dated_to_come

    openers = {"next", "tomorrow"}
    assert dated_to_come("next Thursday", openers) and dated_to_come("Tomorrow", openers)
    assert not dated_to_come("Thursday", openers) and not dated_to_come(None, openers)


@pytest.mark.parametrize(("text", "speakers"), [
    ("Mr Okafor's family said on Friday that Interpol had told them not to speak to "
     "reporters.", set()),
    ('"Coach Ana Brandt told me to forget the clock and swim," Lena Voss said.', {"Lena Voss"}),
    ("Coach Ana Brandt told the swimmers to rest on Sunday.", {"Ana Brandt"}),
    ("Coach Ana Brandt told her the team had won.", {"Ana Brandt"}),
])
def test_an_order_to_a_listener_is_no_statement(text: str, speakers: set[str]) -> None:
    facts = facts_of(text)
    said = {label for e in events_of(facts, "Statement")
            for role, label in roles_of(facts, e) if role == "agent"}
    assert said == speakers


@pytest.mark.parametrize(("text", "visit"), [
    ("Kenyan President Amara Odhiambo flew to Kisumu on Tuesday.", True),
    ("The trade minister, Ines Duarte, travelled to Luanda on Monday.", True),
    ("Foreign Minister Ines Duarte met the press on Monday. She later flew to Luanda.", True),
    ("Mr Okafor had travelled to Ghana in recent years, his neighbours said.", False),
    ("The air ambulance came from Mombasa to fly a sick girl to Nairobi.", False),
    ("Novelist Ines Duarte travelled to Luanda on Monday.", False),
    ("Attorney-General Paulo Reis says he cannot confirm the reports.\n\"He is understood to "
     "have left in 1999, he then travelled to Angola where he trained.\n\"He entered Namibia in "
     "2000,\" Mr Reis said.", False),
])
def test_a_journey_is_a_visit_only_by_an_office_holder(text: str, visit: bool) -> None:
    assert bool(events_of(facts_of(text), "Visit")) is visit


@pytest.mark.parametrize(("text", "speakers"), [
    ("Kenyan officials say the road to Kisumu is closed.", set()),
    ("US officers in Somalia say the convoy was delayed.", set()),
    ("But the Kenya official says the border will stay shut.", set()),
    ("The United States says the convoy was delayed.", {"United States"}),
    ("The Kenyan Government says the road to Kisumu is closed.", {"Kenyan Government"}),
    ("Kenyan troops were on patrol, though the US administration said the convoy was delayed.",
     {"United States"}),
])
def test_a_state_that_only_modifies_unnamed_speakers_does_not_speak(text: str, speakers: set[str]
                                                                    ) -> None:
    facts = facts_of(text)
    said = {label for e in events_of(facts, "Statement")
            for role, label in roles_of(facts, e) if role == "agent"}
    assert said == speakers


@pytest.mark.parametrize(("text", "event_type", "told"), [
    ("Interpol believes the raid will lead to further arrests in Lagos.", "Arrest", False),
    ("A council of elders will name a cabinet that will lead Fiji into elections in Suva.",
     "Election", False),
    ("The arrests in Lyon led to protests in Paris.", "Protest", True),
    ("Australia will send troops to the war in Afghanistan.", "War", True),
])
def test_an_outcome_a_verb_will_lead_to_has_not_happened(text: str, event_type: str,
                                                         told: bool) -> None:
    assert bool(events_of(facts_of(text), event_type)) is told


@pytest.mark.parametrize(("text", "employer"), [
    ("Workers at the Ford plant in Dagenham went on strike on Monday.", "Ford"),
    ("Employees at Samsung Electronics staged a strike in Seoul on Friday.", "Samsung Electronics"),
    ("Miners at the BHP mine in Escondida began a strike on Tuesday.", "BHP"),
])
def test_people_at_work_strike_and_not_their_employer(text: str, employer: str) -> None:
    facts = facts_of(text)
    strike, = events_of(facts, "Protest")
    assert employer not in {name for _, name in roles_of(facts, strike)}


def test_members_of_a_union_strike_as_their_union() -> None:
    facts = facts_of("Members of the Transport Workers Union went on strike at Sydney Airport.")
    strike, = events_of(facts, "Protest")
    assert ("agent", "Transport Workers Union") in roles_of(facts, strike)


@pytest.mark.parametrize(("text", "place"), [
    ("Hundreds of nurses walked off the job in Auckland over pay.", "Auckland"),
    ("Thousands of teachers walked off the job in Chicago on Wednesday.", "Chicago"),
    ("Dock workers in Antwerp walked off their jobs on Friday.", "Antwerp"),
])
def test_walking_off_the_job_is_a_strike(text: str, place: str) -> None:
    facts = facts_of(text)
    strike, = events_of(facts, "Protest")
    assert ("location", place) in roles_of(facts, strike)


@pytest.mark.parametrize("text", [
    "The striker walked off the pitch with a hamstring injury.",
    "The minister walked off the stage after the speech in Nairobi.",
])
def test_walking_off_elsewhere_is_no_strike(text: str) -> None:
    assert not events_of(facts_of(text), "Protest")


@pytest.mark.parametrize("text", [
    "Bus drivers in Lagos will walk off the job on Monday.",
    "Nurses in Leeds will walk off the job on Thursday.",
])
def test_walking_off_the_job_under_will_is_no_strike_yet(text: str) -> None:
    assert not events_of(facts_of(text), "Protest")



@pytest.mark.parametrize(("text", "event_type"), [
    ("Yasser Arafat called for a ceasefire with Israel on Friday.", "Ceasefire"),
    ("The opposition repeated its demand for a referendum in Quebec on Monday.", "Election"),
    ("The UN appeal for a truce in Sudan went unanswered on Monday.", "Ceasefire"),
    ("Nurses in Lagos pressed for talks with the ministry and a pay rise on Tuesday.", "Meeting"),
])
def test_an_event_asked_for_has_not_happened(text: str, event_type: str) -> None:
    assert not events_of(facts_of(text), event_type)


def test_asking_for_an_event_is_a_statement_of_the_one_asking() -> None:
    facts = facts_of("Kofi Annan appealed for a truce in Sudan on Monday.")
    statement, = events_of(facts, "Statement")
    assert ("agent", "Kofi Annan") in roles_of(facts, statement)



@pytest.mark.parametrize(("text", "trigger"), [
    ("Ruto won 58 % of the vote in the run-off on Sunday.", "run-off"),
    ("Silva beat Marta Rocha in the presidential run-off in October.", "run-off"),
    ("The electoral commission declared Ruto the winner of the August poll.", "poll"),
    ("Millions of Indonesians went to the polls on Wednesday.", "polls"),
])
def test_a_run_off_or_a_poll_its_clause_makes_a_vote_is_an_election(text: str, trigger: str) -> None:
    election, = events_of(facts_of(text), "Election")
    assert election.trigger == trigger


@pytest.mark.parametrize("text", [
    "Toxic run-off from farms in Iowa has polluted the river since May.",
    "Stormwater runoff from Lagos flows into the lagoon every June.",
    "A new opinion poll in Ohio showed Labour ahead by five points on Monday.",
    "Dupont will face Marta Rocha in a run-off in Lyon.",
])
def test_water_an_opinion_poll_or_a_run_off_to_come_is_no_election(text: str) -> None:
    assert not events_of(facts_of(text), "Election")


def test_a_hyphened_trigger_is_read_as_one_word() -> None:
    ceasefire, = events_of(facts_of("The rebels agreed to a cease-fire in Goma on Friday."), "Ceasefire")
    assert ceasefire.trigger == "cease-fire"



@pytest.mark.parametrize(("text", "buyer", "bought"), [
    ("Amazon completed its purchase of Whole Foods Market in August.", "Amazon", "Whole Foods Market"),
    ("Broadcom's acquisition of VMware closed on Wednesday.", "Broadcom", "VMware"),
    ("Microsoft completed its acquisition of Activision Blizzard for $69 billion.", "Microsoft",
     "Activision Blizzard"),
])
def test_the_of_of_an_acquisition_is_the_one_bought(text: str, buyer: str, bought: str) -> None:
    facts = facts_of(text)
    acquisition, = events_of(facts, "Acquisition")
    assert {("agent", buyer), ("participant", bought)} <= roles_of(facts, acquisition)
    assert ("agent", bought) not in roles_of(facts, acquisition)


@pytest.mark.parametrize(("text", "place"), [
    ("Thousands of nurses struck across New Zealand on Thursday.", "New Zealand"),
    ("Teachers in Chicago struck for a second day on Wednesday.", "Chicago"),
    ("Dock workers at the port of Antwerp are striking over pensions.", "Antwerp"),
])
def test_people_at_work_who_strike_with_no_object_go_on_strike(text: str, place: str) -> None:
    facts = facts_of(text)
    strike, = events_of(facts, "Protest")
    assert ("location", place) in roles_of(facts, strike)


@pytest.mark.parametrize("text", [
    "The storm struck the coast of Fiji on Monday.",
    "The nurses struck a deal with the ministry on Friday.",
    "Tragedy struck the village of Aberfan in 1966.",
])
def test_striking_something_or_by_no_one_at_work_is_no_strike(text: str) -> None:
    assert not events_of(facts_of(text), "Protest")


@pytest.mark.parametrize("text", [
    "The quake was followed by 150 aftershocks, officials in Lima said.",
    "The cyclone destroyed 300 homes and cut power to 40,000 people, Fiji's government said.",
    "The tsunami swept away whole villages, survivors told Reuters.",
])
def test_a_story_first_telling_of_its_disaster_as_known_tells_it(text: str) -> None:
    disaster, = events_of(facts_of(text), "Disaster")
    assert disaster.evidence.rule == "event-story-disaster"


@pytest.mark.parametrize("text", [
    "The fire will burn for days, firefighters in Valparaiso said.",
    "The quake could trigger a tsunami, scientists in Tokyo warned.",
])
def test_a_disaster_told_as_known_but_to_come_is_none(text: str) -> None:
    assert not events_of(facts_of(text), "Disaster")


def test_a_story_disaster_the_article_tells_with_an_anchor_is_that_one() -> None:
    facts = facts_of("The quake toppled two churches. A magnitude 6.1 earthquake struck "
                     "central Chile on Friday.")
    disaster, = events_of(facts, "Disaster")
    assert ("location", "Chile") in roles_of(facts, disaster)


@pytest.mark.parametrize(("text", "candidate"), [
    ("The commission declared William Ruto the winner of the August poll.", "William Ruto"),
    ("William Ruto was declared the winner of the presidential election on Monday.", "William Ruto"),
    ("Emmanuel Macron's victory in the run-off was hailed in Berlin.", "Emmanuel Macron"),
])
def test_the_one_a_votes_result_names_takes_part_in_the_vote(text: str, candidate: str) -> None:
    facts = facts_of(text)
    election, = events_of(facts, "Election")
    assert ("agent", candidate) in roles_of(facts, election)
    assert not any(role == "location" for role, _ in roles_of(facts, election))  # not Berlin


@pytest.mark.parametrize("text", [
    "Opposition leader Kizza Besigye faces arrest in Kampala.",
    "Former president Jacob Zuma is facing arrest in Durban.",
    "The rebel commander Bosco Ntaganda now risks arrest in Goma.",
])
def test_an_arrest_one_faces_has_not_happened_and_is_not_ones_own(text: str) -> None:
    assert not events_of(facts_of(text), "Arrest")


def test_an_arrest_made_is_still_one() -> None:
    facts = facts_of("Police in Kampala arrested opposition leader Kizza Besigye on Tuesday.")
    arrest, = events_of(facts, "Arrest")
    assert ("agent", "Kizza Besigye") not in roles_of(facts, arrest)


@pytest.mark.parametrize(("text", "place"), [
    ("Most of the state's fires are burning within containment lines near Cessnock.", "Cessnock"),
    ("The company's fire destroyed a warehouse in Lagos on Sunday.", "Lagos"),
    ("Lima has been hit by storms. The city's worst storm in decades felled 300 trees.", "Lima"),
])
def test_whose_disaster_it_is_did_not_do_it(text: str, place: str) -> None:
    facts = facts_of(text)
    disaster = events_of(facts, "Disaster")[-1]
    assert not any(role == "agent" for role, _ in roles_of(facts, disaster))
    assert ("location", place) in roles_of(facts, disaster)


@pytest.mark.parametrize("text", [
    # a disaster noun that begins a title or a body's name is no disaster (rule
    # event-no-disaster-in-a-title), as "Hurricane Otis" is one
    "Fire Commissioner Dana Whitlock told reporters the building was safe.",
    "Flood Chief Ana Ruiz said the river would peak on Friday.",
    "Earthquake Commissioner Kenji Mori told parliament the fund was sound.",
])
def test_a_disaster_word_in_a_title_is_no_disaster(text: str) -> None:
    assert [e.trigger for e in facts_of(text).events if e.type == "Disaster"] == []


def test_a_disaster_noun_before_a_name_is_still_a_named_disaster() -> None:
    assert any(e.type == "Disaster" for e in facts_of("Cyclone Marla struck Fiji on Monday.").events)


@pytest.mark.parametrize(("text", "speaker"), [
    ('"The phone market is broken," Elena Marsh said at the Code Conference in May 2016.',
     "Elena Marsh"),
    ('"We will win," Lula said at a rally in Recife on Sunday.', "Lula"),
    ("Fed chair Jerome Powell said during the meeting that rates would stay high.",
     "Jerome Powell"),
])
def test_words_said_at_a_gathering_are_a_statement_beside_it(text: str, speaker: str) -> None:
    facts = facts_of(text)
    statement, = events_of(facts, "Statement")
    assert ("agent", speaker) in roles_of(facts, statement)
    assert statement.evidence.rule == "event-said-at-a-gathering"


def test_words_said_at_a_news_conference_are_the_press_conference() -> None:
    facts = facts_of("Premier Li Qiang said at a news conference in Beijing that growth would "
                     "pick up.")
    assert not events_of(facts, "Statement")
    assert events_of(facts, "PressConference")


@pytest.mark.parametrize(("text", "outlet"), [
    ("Two miners were trapped underground, the Financial Times reported, quoting company "
     "officials.", "Financial Times"),
    ("Four soldiers died in the clash, Al Jazeera reports, citing local officials.", "Al Jazeera"),
    ("Le Monde reported the arrests on Friday, quoting two police sources in Lyon.", "Le Monde"),
])
def test_a_report_quoting_its_sources_is_one_report(text: str, outlet: str) -> None:
    facts = facts_of(text)
    report, = events_of(facts, "Report")
    assert ("agent", outlet) in roles_of(facts, report)


@pytest.mark.parametrize("text", [
    "The Kenyan mill met its production targets for the third year, chairman Peter Otieno said.",
    '"We are currently not meeting their needs," Ana Ruiz of the Lisbon shelter said.',
    "Ruto met the demands of the striking doctors in Nairobi on Monday.",
])
def test_meeting_what_is_owed_is_no_meeting(text: str) -> None:
    assert not events_of(facts_of(text), "Meeting")


def test_meeting_a_person_is_still_a_meeting() -> None:
    facts = facts_of("Prime Minister Narendra Modi met President Joe Biden in Washington on Friday.")
    meeting, = events_of(facts, "Meeting")
    assert ("participant", "Joe Biden") in roles_of(facts, meeting)


@pytest.mark.parametrize(("text", "chosen", "body"), [
    # passive with the post as the chosen one's predicate, and the post's body after "of"
    ("Marta Kovacs was named chief executive of Orvion Holdings on Tuesday.", "Marta Kovacs",
     "Orvion Holdings"),
    # chosen for a post by a body
    ("The congress in Durban chose Lindiwe Dube as party leader.", "Lindiwe Dube", None),
    # becoming an office holder
    ("Hiroshi Tanaka became interim chief executive of Nakamura Steel in 2009.", "Hiroshi Tanaka",
     "Nakamura Steel"),
    # a participle after the name, the post after "as"
    ("Delegates cheered Ruth Adler, installed as acting leader by the Green Alliance last week.",
     "Ruth Adler", None),
    # the title is the chosen one's, with her name in apposition; the body before it is hers
    ("Dunmore Rail on Monday chose the former treasurer of rival Pelham Foods, Odile "
     "Marchetti, as chairman.", "Odile Marchetti", None),
])
def test_a_verb_that_puts_someone_in_a_post_is_an_appointment(
        text: str, chosen: str, body: str | None) -> None:
    facts = facts_of(text)
    appointments = events_of(facts, "Appointment")
    assert len(appointments) == 1, text
    names = {name for _, name in roles_of(facts, appointments[0])}
    assert chosen in names, text
    assert body is None or body in names, text
    assert not events_of(facts, "Election"), text
    if body is None:
        assert "Pelham Foods" not in names


@pytest.mark.parametrize("text", [
    "A man named Tomas Berg was arrested in Oslo on Friday.",  # a name, no post
    "Yusuf Demir became a lawyer in 1990.",  # a trade, no office
    "Clara Voss became the first woman to climb the north face.",
    "Priya Nair was elected to the Senate in 2012.",  # an election, no post named
    # an identification: who the one named is, whatever the apposition after the name says
    "Police named the dead cyclist as Idris Fenwick, a former councillor of the borough.",
    "Detectives named the suspect as Colm Brady, 41, a former director of the charity.",
    # an award, not a post
    "Hanne Dahl was named coach of the month for October.",
    "Critics picked Tomasz Wrona as the best director of the season.",
    "The jury picked Amara Osei as the best manager.",
    # chosen by voters: an election's
    "Voters chose Imani Okafor as mayor by a wide margin.",
    # a description by a clause, not a post
    "Students named Pieter Vos as the chancellor they most respect.",
])
def test_a_verb_of_naming_or_becoming_without_an_office_is_no_appointment(text: str) -> None:
    assert not events_of(facts_of(text), "Appointment"), text


def test_the_one_who_becomes_an_office_holder_is_its_participant() -> None:
    # as with "was named": the new holder takes the post, no one's doer
    facts = facts_of("Farida Nasser became prime minister in 2016.")
    appointments = events_of(facts, "Appointment")
    assert len(appointments) == 1
    assert appointments[0].evidence.rule == "event-took-a-post"
    assert roles_of(facts, appointments[0]) == {("participant", "Farida Nasser")}


@pytest.mark.parametrize(("text", "last", "first"), [
    # the participle hung on the first alternative
    ("Nomvula Zulu will face Senator Pieter Botha or Thabo Nkosi, installed as interim leader "
     "by the party last Thursday.", "Thabo Nkosi", "Pieter Botha"),
    # the alternatives taken for the participle's subject
    ("Members expect to vote against one of two candidates: Senator Maria Costa or Lucia "
     "Ferreira, installed as acting chair by the council on Monday.", "Lucia Ferreira",
     "Maria Costa"),
])
def test_a_participle_after_alternatives_tells_of_the_last(text: str, last: str, first: str) -> None:
    facts = facts_of(text)
    appointments = events_of(facts, "Appointment")
    assert len(appointments) == 1
    names = {name for _, name in roles_of(facts, appointments[0])}
    assert last in names and first not in names


@pytest.mark.parametrize(("text", "bought"), [
    # a company buys a company: an acquisition
    ("Tata Steel took over the Dutch steelmaker Corus in 2007.", True),
    ("Corvane Group said it would buy Lindqvist Lines, a ferry operator, for 900 million crowns.",
     True),
    # people buy things, a stand-in takes over, a state buys goods: no company bought or buying
    ("Consumers prefer to buy films rather than rent them, Lena Ortiz said.", False),
    ("The deputy took over for the coach while he recovered from surgery, Marta Silva said.",
     False),
    ("Fans bought 40,000 tickets for the final in Cardiff.", False),
    ("Peru bought nearly half of the wheat that Argentina shipped abroad in the spring.", False),
    # a company's name on the shares others buy: no company bought or buying
    ("Pension funds bought Orvion Holdings shares worth $2 billion.", False),
])
def test_buying_is_an_acquisition_only_when_a_body_takes_part(text: str, bought: bool) -> None:
    assert bool(events_of(facts_of(text), "Acquisition")) is bought, text


@pytest.mark.parametrize(("text", "reporter"), [
    # a report verb in the passive with no one it is reported by: what was reported, no occasion
    ("Delays were reported at three airports in the Midwest on Friday.", None),
    ("Engineers began checking the bridge the morning after the crack was reported, Lars Holm "
     "said.", None),
    ("Heavy flooding has been reported across northern Vietnam.", None),
    # the passive with its reporter, and the active: a report
    ("The outbreak was first reported by the Kenyan health ministry in March.",
     "Kenyan health ministry"),
    ("Finance Minister Ana Ruiz was quoted by Reuters as saying the budget would be cut.", "Reuters"),
    ("Bloomberg reported on Tuesday that Orvion had cut 300 jobs.", "Bloomberg"),
    # told from where it was made: someone's dispatch, a report of no named reporter
    ("The general's arrest was reported on Sunday from Bamako.", ""),
])
def test_a_report_in_the_passive_needs_its_reporter(text: str, reporter: str | None) -> None:
    facts = facts_of(text)
    reports = events_of(facts, "Report")
    if reporter is None:
        assert reports == [], text
    else:
        assert len(reports) == 1
        assert not reporter or reporter in {name for _, name in roles_of(facts, reports[0])}


@pytest.mark.parametrize(("text", "interviews"), [
    # an interview that names no one who speaks, asks or airs it: no anchor, no occasion
    ("The clip is part of a longer 30-minute interview filmed for a documentary about farmers in "
     "Kenya.", 0),
    ("The full interview will air on Sunday, the network said.", 0),
    # a date, a place or a pronoun kg cannot resolve is no one who takes part
    ("In an interview on Tuesday, he said the harbour would be dredged.", 0),
    ("In an interview with him last month, the envoy said the levee had held.", 0),
    ("In an interview in Nairobi, the envoy said the ceasefire had collapsed.", 0),
    # one with its speaker or its outlet
    ("In an interview with the BBC on Monday, Finance Minister Ana Ruiz said the budget would be "
     "cut.", 1),
    ("Ruiz gave an interview to Al Jazeera in Doha last week.", 1),
])
def test_an_interview_that_names_no_one_is_no_occasion(text: str, interviews: int) -> None:
    assert len(events_of(facts_of(text), "Interview")) == interviews, text


def test_a_court_s_words_beside_a_verdict_told_as_another_may_be_words_told_before() -> None:
    # "Judge Roth said on Monday the law was clear. In a separate case, Judge Roth acquitted
    # Vance and said the evidence was weak.": the verdict is another case's, the judge's words
    # beside it are not thereby another statement (only a statement or report told as
    # another carries its speaker's words in its sentence with it)
    def told(key: str, type_: str, sentence: int, told_as: ToldAs = "") -> Event:
        return Event(key=key, type=type_, trigger="said" if type_ == "Statement" else "acquitted",
                     roles=(("agent", "anna-roth"),), told_as=told_as,
                     evidence=Evidence(sentence, 0, 5, f"event-trigger:{type_}", 0.75))

    events = [told("a", "Statement", 0), told("b", "Trial", 1, "another"), told("c", "Statement", 1)]
    kept, joined = merge_occasions(events, {"anna-roth"}, default_gazetteer())
    assert [e.key for e in kept] == ["a", "b"] and joined == {"c": "a"}
    # a statement told as another keeps its speaker's words in its sentence apart
    events = [told("a", "Statement", 0), told("b", "Statement", 1, "another"), told("c", "Statement", 1)]
    kept, joined = merge_occasions(events, {"anna-roth"}, default_gazetteer())
    assert [e.key for e in kept] == ["a", "b"] and joined == {"c": "b"}


def test_words_told_with_the_join_the_latest_telling_of_them() -> None:
    # "Orvik Foods issued a statement on Monday about its farms. Orvik Foods issued a statement
    # on Friday about its shops. In the statement, Orvik Foods said rents would rise.": "the
    # statement" is the one told last, Friday's
    def told(key: str, sentence: int, time: TimeValue | None, told_as: ToldAs = "") -> Event:
        return Event(key=key, type="Statement", trigger="statement", time=time, told_as=told_as,
                     roles=(("agent", "orvik-foods"),),
                     evidence=Evidence(sentence, 0, 9, "event-trigger:Statement", 0.75))

    monday = TimeValue("Monday", "2025-03-10", "date", resolved=True)
    friday = TimeValue("Friday", "2025-03-14", "date", resolved=True)
    events = [told("a", 0, monday), told("b", 1, friday), told("c", 2, None, "again")]
    kept, joined = merge_occasions(events, set(), default_gazetteer())
    assert [e.key for e in kept] == ["a", "b"] and joined == {"c": "b"}
