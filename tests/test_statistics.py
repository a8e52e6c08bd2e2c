"""Reported figures on invented sentences from many kinds of news: which numbers are figures,
their value and unit, what each is about and the event it measures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from extracting import facts_of, labels
from kg.errors import InputError
from kg.extract.statistics import parse_number
from kg.extract.statistics.syntax import is_joint, subject_of
from kg.extract.statistics.timing import in_an_earlier_year
from kg.extract.statistics.written import toll_words
from kg.lexicon import Lexicon
from kg.model import TimeValue
from kg.nlp import parse

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"


def test_the_number_words_are_read_through_the_lexicon() -> None:
    lines = (LEXICON / "numbers.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Words around the figures of English news copy")
    words = Lexicon(LEXICON).numbers
    assert words.number_words["ninety"] == 90 and words.scales["crore"] == Decimal(10_000_000)
    assert words.ratios["half"] == Decimal("0.5") and "fewer" in words.comparatives
    assert words.qualifiers.index("just over") < words.qualifiers.index("over")  # longest first
    tolls = next(m for m in words.event_measures if "Disaster" in m.events)
    assert "toll" in tolls.lemmas and tolls.reach > 0
    assert "following" in words.after_words
    assert "when" in words.cause_marks and "during" in words.cause_prepositions
    assert "by" in words.causing_words
    # one reader of a toll's words, for the spans, the events and the owners of figures alike
    assert {"kill", "dead", "toll", "casualty"} <= toll_words() and "seat" not in toll_words()


@pytest.mark.parametrize(("edit", "error"), [
    (lambda words: words.pop("scales"), "numbers.yaml: a list is missing or malformed"),
    (lambda words: words["scales"].update(lakh="many"), "numbers.yaml: a list is missing"),
    (lambda words: words["age words"].append(True), "numbers.yaml: True is not a word; quote it"),
])
def test_a_number_word_list_the_code_cannot_read_is_refused(
        tmp_path: Path, edit: Callable[[dict[str, Any]], object], error: str) -> None:
    words = yaml.safe_load((LEXICON / "numbers.yaml").read_text(encoding="utf-8"))
    edit(words)
    (tmp_path / "numbers.yaml").write_text(yaml.safe_dump(words), encoding="utf-8")
    with pytest.raises(InputError, match=error):
        assert Lexicon(tmp_path).numbers


@pytest.mark.parametrize(("written", "value", "unit"), [
    ("$3bn", 3_000_000_000, "USD"),
    ("£450m", 450_000_000, "GBP"),
    ("€1.2tn", 1_200_000_000_000, "EUR"),
    ("forty-two", 42, "count"),
    ("two hundred", 200, "count"),
    ("three thousand five hundred", 3500, "count"),
    ("a dozen", 12, "count"),
    ("half a million", 500_000, "count"),
    ("two and a half million", 2_500_000, "count"),
    ("Rs 5,000 crore", 50_000_000_000, "INR"),
    ("five per cent", 5, "percent"),
    ("2.8pc", Decimal("2.8"), "percent"),
    ("400m", 400, "count"),  # no currency: metres, not millions
    ("40 cents", Decimal("0.40"), "USD"),
    ("five cents", Decimal("0.05"), "USD"),  # cents in words, as in "shares rose five cents"
    ("99¢", Decimal("0.99"), "USD"),  # cents with their sign, as US copy writes a price
    ("about 75¢", Decimal("0.75"), "USD"),
    ("27c", Decimal("0.27"), "USD"),  # cents run into the number, lower case
    ("1.5C", Decimal("1.5"), "count"),  # a capital C is Celsius: no cents (a measurement)
])
def test_numbers_as_news_copy_writes_them(written: str, value: int, unit: str) -> None:
    parsed = parse_number(written)
    assert parsed is not None and (parsed[0], parsed[2]) == (Decimal(value), unit)


def _figures(text: str) -> set[tuple[Decimal, str]]:
    return {(s.value, s.unit) for s in facts_of(text).statistics}


@pytest.mark.parametrize(("text", "expected"), [
    # business: a sign or scale the model leaves outside the number
    ("Brennan Foods signed a $3bn supply deal with a Chilean grower.", {(3_000_000_000, "USD")}),
    ("Kestrel Airlines reported a net loss of £450m for the first half.",
     {(450_000_000, "GBP")}),
    ("The strike cost the carrier €90m in lost bookings.", {(90_000_000, "EUR")}),
    # energy and sport in wire style: ISO codes before the sum, other currencies' names
    ("Statoil will invest NOK 2.3 billion in the field.", {(2_300_000_000, "NOK")}),
    ("The club paid CHF 40 million for the striker.", {(40_000_000, "CHF")}),
    ("Polish farmers lost 300 million zlotys to the drought.", {(300_000_000, "PLN")}),
    # a price in cents with the cents sign
    ("Buyers thought 49¢ too little for a song.", {(Decimal("0.49"), "USD")}),
    # infrastructure in South Asia: Indian scales and the rupee
    ("The state will spend Rs 5,000 crore on new roads.", {(50_000_000_000, "INR")}),
    # disasters: spelled numbers above ten, compounds
    ("Forty-two passengers were rescued from the ferry.", {(42, "count")}),
    ("The clinic treated fifteen patients for smoke inhalation.", {(15, "count")}),
    ("Two and a half million people voted in the referendum.", {(2_500_000, "count")}),
    # economy: a percentage written in words, or with its unit outside the model's span
    ("Unemployment fell to five per cent in June.", {(5, "percent")}),
    ("The central bank cut its rate by 0.25 percentage points.", {(Decimal("0.25"), "percent")}),
    ("Shares closed 12 cents higher at $24.50.", {(Decimal("24.50"), "USD")}),
    ("Shares in the miner rose five cents to $3.10.", {(Decimal("0.05"), "USD")}),
    # a count of cents is a sum, with a rate after it or in a range
    ("Most of the rises amount to less than 15 cents per hour, the union said.",
     {(Decimal("0.15"), "USD")}),
    ("Councillors voted to lift the parking fee by between 25 and 75 cents.",
     {(Decimal("0.25"), "USD"), (Decimal("0.75"), "USD")}),
    ("The new levy adds 10 to 15 cents to each packet of cigarettes.",
     {(Decimal("0.10"), "USD"), (Decimal("0.15"), "USD")}),
    # both ends of a range written with their currency sign
    ("Each driver was fined between $2,000 and $3,500.", {(2_000, "USD"), (3_500, "USD")}),
    # a currency run into the number is no name with a digit
    ("The ranchers sued the bank for $US3000 billion.", {(3_000_000_000_000, "USD")}),
    ("The dam will cost $700 to $900 million.", {(700_000_000, "USD"), (900_000_000, "USD")}),
    # a number the model took for a date that counts something else
    ("Tasmania has recorded 11 holiday drownings.", {(11, "count")}),
    # a fraction of a percentage point; a percentage the model left untagged
    ("The bank cut its rate by a further 0.25 of a per cent.", {(Decimal("0.25"), "percent")}),
    ("Emissions must be cut by at least 40 per cent by 2030.", {(40, "percent")}),
    # a small number in words beside a figure, in a toll
    ("Three soldiers and five members of the militia were killed in the raid.", {(5, "count")}),
    ("The blast injured 14 pupils and two teachers.", {(2, "count")}),
    ("Four guides were convicted over the deaths of 16 hikers and three porters.", {(3, "count")}),
    # a bound on a level is a figure, not an age limit
    ("Police said the number of injured rose to over 40.", {(40, "count")}),
    # a level in four digits after "at" is no year
    ("The toll stands at 1500 after the floods.", {(1500, "count")}),
    # a number in words before "more" that no "than" follows is a toll of its own
    ("Nineteen more were injured in the shelling overnight.", {(19, "count")}),
    ("Local reports say four more people died in the riots on Monday.", {(4, "count")}),
])
def test_figures_are_read_as_written(text: str, expected: set[tuple[int, str]]) -> None:
    assert {(Decimal(v), u) for v, u in expected} <= _figures(text)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("The insurer agreed to pay between 20 and 30 million euros in compensation.",
     20_000_000, 30_000_000, "EUR"),
    ("Some 20 to 25 people were injured in the blast.", 20, 25, "count"),
    ("Estimates put the crowd at between 200,000 and 5 million people.", 200_000, 5_000_000,
     "count"),
])
def test_each_end_of_a_range_is_a_figure(text: str, low: int, high: int, unit: str) -> None:
    figures = {s.value: s for s in facts_of(text).statistics}
    assert {Decimal(low), Decimal(high)} <= set(figures), figures
    assert figures[Decimal(low)].unit == figures[Decimal(high)].unit == unit
    assert figures[Decimal(low)].qualifier in ("at least", "some")
    assert figures[Decimal(high)].qualifier == "at most"


@pytest.mark.parametrize("text", [
    "The Tigers beat the Lions 3-1 on Sunday before 40 fans.",  # a score
    "United won 2–0 at home in front of 40 supporters.",
    "A magnitude 6.9 quake shook the coast, killing 40 people.",  # a magnitude before its number
    "The 40 delegates rejected the plan, seven fewer than needed to pass it.",  # a difference
    # a multiple run into the number's digits is a ratio
    "Searches for soup rose 3x more than searches for bread, and 40 shops ran out.",
    "Investors saw a 10x return while 40 others lost money.",
    "Sales of the game grew 5x in a year, and 40 stores sold out.",
    # days of a month, times of day, ages, durations and numbered names
    "Since Sept. 11 the agency has hired 40 analysts.",
    "The vote on 11 September drew 40 protesters.",
    "The talks ended at 10:30pm after 40 delegates walked out.",
    "Okafor, 52, said 40 homes were flooded.",
    # an age limit on the people a plural noun names, and an age told with "is"
    "The state sells the drug to buyers over 21 at 40 licensed shops.",
    "The drug is legal for adults over 18 in 40 towns.",
    "Okafor, who is about 70, owns 40 shops in the capital.",
    "The siege lasted 36 hours and left 40 hostages traumatised.",
    "Troops from 1 Squadron evacuated 40 residents.",
    "Interstate 95 was closed after 40 cars collided.",
    # a name written with letters run into a digit: a team, a plane, a flight, a disease
    "X2 swept Nova Gaming in the final before 40 fans.",
    "Supporters cheered when X2 won the deciding game, and 40 of them stormed the stage.",
    "Orders for the A350 fell as 40 airlines cut routes.",
    "Fans of X2 travelled to the final in 40 buses.",
    # orders of magnitude and ranks are no figures
    "Several thousand nurses marched, and 40 wards closed.",
    "The miner shelved a multi-billion dollar smelter and cut 40 jobs.",
    "Several hundred million dollars were pledged, and 40 donors came.",
    "The station played the top 10 songs of the decade to 40 listeners.",
    # a shared place written as a range of ordinals
    "The club lost in the semifinals to finish in 3rd-4th place, and 40 fans wept.",
    "The two sides shared 5th-6th place behind 40 other crews.",
    "He was ranked 11th-14th among 40 players.",
    # the first end of a range of durations or measurements the model split
    "Unions rejected the proposed 12 to 18-month pay freeze at 40 depots.",
    "The pass lies at about 9 to 11,000 feet, and 40 porters crossed it.",
    # a magnitude after its number, a span of years, an age run into a word
    "A tremor measuring 5.2 on the Richter scale damaged 40 homes.",
    "The 2008-2009 season cost the league 40 sponsors.",
    # a year of an earlier century after a word of time
    "The first assembly founded the customs office in 1789, and 40 officers joined it.",
    "The town has been a market since 1066 and now has 40 stalls.",
    "The abbey stood until 1539, when 40 monks were expelled.",
    "Thirty-two-year-old Ana Ruiz led the 40 marchers.",
    # a clause of a law, a certainty
    "The board breached rule 12C (3) when it sacked 40 staff.",
    # the labels of a list's items, closed by a bracket that opens nowhere
    "Our favourite fruits are: 1) apples, 2) pears, 3) plums, and we sold 40 crates.",
    "The panel ranked the plans: 1) rail 2) roads 3) ports, after 40 hearings.",
    "She gave three reasons: 1) cost, 2) time and 3) safety, to 40 delegates.",
    "The mayor said she was 100 per cent committed to rehousing 40 families.",
    "The coach said his 40 players would give a 100 per cent on Sunday.",  # an effort
    # a small number in words beside a figure, but no toll
    "The firm has 40 staff and two offices.",
    # a date or a ratio with a slash, odds, weights
    "Since the 9/11 attacks the agency has hired 40 analysts.",
    "There is a one in 20 chance that 40 homes will flood.",
    "About 1 in 3 adults in the 40 towns smoke.",
    "Callers can ring the hotline on 13 11 14, and 40 counsellors answer.",
    "The jet dropped a 2,000-pound bomb on a depot, killing 40 soldiers.",
    "The ship carried 3.5 tonnes of rice to 40 villages.",
    # the size of a ranking, the number of a list's title
    "She carried eight of the country's 12 most populous provinces and 40 towns.",
    "The bank lends to Asia's 50 richest families and 40 charities.",
    "Read more: 13 Best Tweets About the Royal Wedding. Police arrested 40 fans.",
    "He made a magazine's \"25 People Who Will Shape Sport\" list after 40 wins.",
    "See also: 7 Things You Should Know Before Flying. The airline cut 40 routes.",
    # power, concentration and data: measures of a thing, written apart or run in
    "The new dam will generate 500 megawatts for 40 towns.",
    "A 750-megawatt coal plant near Durban will supply 40 mines.",
    "Carbon dioxide reached 410 parts per million at 40 stations.",
    "Each tablet holds 16 gigabytes of songs, and 40 stores in Osaka stock it.",
    "The 1.2GHz chip ships in 40 countries.",
    # a temperature written with a capital C run into its number is no sum of cents
    "Temperatures hit 45C in Perth and 40 people fainted.",
    "Delegates from 40 nations pledged to hold warming to 1.5C.",
    # a unit joined to the number by a hyphen the model left outside the figure
    "The council sold a 12-hectare plot to 40 families.",
    "Crews cleared a 900-kilometre stretch of road in 40 days and rebuilt 40 bridges.",
])
def test_scores_magnitudes_and_differences_in_words_are_no_figures(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize("text", [
    "Temperatures in Kalgoorlie hit 46C.",  # the model keeps the full stop on the token
    "By noon the mercury in Multan stood at 49C.",
])
def test_a_temperature_ending_a_sentence_is_no_figure(text: str) -> None:
    assert not facts_of(text).statistics


@pytest.mark.parametrize(("text", "value"), [
    # volumes of goods count what the story reports, and parts per day are parts
    ("The ruptured well off Lagos spilled 70,000 barrels of crude into the delta.", 70_000),
    ("The cartel agreed to trim output by 900,000 barrels a day from March.", 900_000),
    ("Tankers carried 3 million gallons of fuel to the island.", 3_000_000),
    ("The Tamworth works turns out 6,500 parts per day for 12 carmakers.", 6_500),
])
def test_volumes_of_goods_and_parts_per_day_are_figures(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize(("text", "expected"), [
    ("Brent crude rose to $97 a barrel as traders fretted.", {(97, "USD")}),
    ("Petrol in Lagos costs 40c more per litre than a year ago.", {(Decimal("0.40"), "USD")}),
    ("Kestrel Power paid $12 million for a plant that makes 300 megawatts.",
     {(12_000_000, "USD")}),
])
def test_a_price_per_unit_of_measure_keeps_its_sum(text: str,
                                                   expected: set[tuple[Decimal, str]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    # "I" after a number opens no list's title, and a superlative of time no ranking
    ("Of the 40 Republicans I interviewed, 12 said they would vote.", 40),
    ("Health officials reported the 12 latest deaths on Monday.", 12),
])
def test_a_count_before_i_or_a_superlative_of_time_is_a_figure(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize("text", [
    "Members of the International Brotherhood of Teamsters Local 89 walked off the job at 40 depots.",
    "Workers at UAW Local 600 voted to strike at 40 plants.",
    "Nurses of the Communications Workers of America Local 91 rallied at 40 hospitals.",
    "Drivers of the Amalgamated Transit Union's Local 113 halted 40 routes in Toronto.",
])
def test_a_union_locals_number_is_part_of_its_name(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


def test_a_difference_in_words_is_kept_on_the_figure_before_it() -> None:
    facts = facts_of("The Harvest Party won 22 seats, seven fewer than the Labour Party.")
    seats = facts.statistics[0]
    assert [(c.kind, c.value) for c in seats.comparisons] == [("difference", -7)]


def test_a_currency_code_is_not_what_a_sum_is_about() -> None:
    facts = facts_of("The club paid CHF 40 million for the striker.")
    assert facts.statistics[0].about is None


def test_a_restated_sum_counts_what_the_first_counts() -> None:
    facts = facts_of("Acme Corp agreed to buy Veltrix Systems for 2.3 billion euros "
                     "($2.5 billion) on Monday.")
    euros, dollars = sorted(facts.statistics, key=lambda s: s.evidence.start)
    assert dollars.unit == "USD" and dollars.value == 2_500_000_000
    assert (dollars.about, dollars.event, dollars.measured) == \
        (euros.about, euros.event, euros.measured)
    assert labels(facts)[dollars.about or ""] == "Veltrix Systems"


@pytest.mark.parametrize(("text", "measured"), [
    ("Unemployment rose to 5.2% in March, the statistics office said.", "Unemployment rose"),
    ("Sales at Orvano fell 12% to $4.1 billion in the second quarter.", "Sales at Orvano fell"),
    ("At least 30 people were killed when a bus plunged into a ravine.", "people killed"),
    # another figure in the counted phrase is not part of what this one counts
    ("Turnout was high, with 800,000 of the roughly 1.2 million registered voters casting "
     "ballots.", "registered voters casting ballots"),
])
def test_what_a_figure_counts_is_said_in_words_not_units(text: str, measured: str) -> None:
    assert measured in {s.measured for s in facts_of(text).statistics}


@pytest.mark.parametrize(("text", "value", "about"), [
    # a figure in the name of what it measures
    ("The Harvest Party won 29 seats in Norway's 169-seat Storting.", 169, "Storting"),
    ("The Harvest Party won 29 seats in Norway's 169-seat Storting.", 29, "Harvest Party"),
    # a share goes to the subject, not to the whole the "of" phrase names
    ("Indonesia bought 38 percent of the live cattle Australia exported last year.", 38,
     "Indonesia"),
    ("Indonesian steel accounted for 22 percent of Australia's steel imports.", 22, "Indonesia"),
    # ownership prepositions
    ("Shares in Halvorsen Maritime rose 4.2 percent in Oslo.", Decimal("4.2"),
     "Halvorsen Maritime"),
    ("Sales at Orvano Group fell 12 percent in the second quarter.", 12, "Orvano Group"),
    # the subject of a "where" clause before its place
    ("Most cuts will fall in Belgium, where Veltrix Systems employs 4,300 people.", 4300,
     "Veltrix Systems"),
    # the place of a conjoined verb or of a "when" clause
    ("At least 923 people had died or gone missing in Libya since January.", 923, "Libya"),
    ("At least 11 people drowned when a boat capsized off the island of Lesbos.", 11, "Lesbos"),
    # "the party" after a name the article types as a party
    ("The Greens met in Perth on Monday. The party's eleven senators voted against the bill.",
     11, "Greens"),
    # "he" paid it; "she" only expects what is nobody's in particular
    ("Ahmed Karimi, a refugee, said he had paid smugglers 4,000 euros.", 4000, "Ahmed Karimi"),
    ("Ingrid Berg said she expects annual savings of 180 million euros.", 180_000_000, None),
    # a sum is not the place of what it prices, nor a ranking's place the owner
    ("Court records from a $2 billion lawsuit in Canada name three banks.", 2_000_000_000, None),
    ("Profit fell as Canada's largest lender missed its 5 percent growth target.", 5, None),
    # a name deep in another preposition is not whose the figure is
    ("The navy rescued 400 migrants from a Libyan fishing boat near Lampedusa.", 400, None),
    # a count's own place before its clause's; a toll is where its event happened
    ("Twelve people died on Ohio roads, with 30 deaths in Indiana.", 30, "Indiana"),
    ("At least 40 people were killed during a failed coup in Bolivia.", 40, "Bolivia"),
    ("Five people were killed and 40 injured when a fire broke out at a hostel in central "
     "Lisbon.", 40, "Lisbon"),
    ("Gunmen opened fire on a market in Peshawar, killing 40 people.", 40, "Peshawar"),
    # a gapped conjunct's place is the place of both tolls ("15 injured" hung on "killed")
    ("Three soldiers were killed and 15 injured in rocket attacks near Lashkar Gah in "
     "Afghanistan's Helmand province, officials said.", 3, "Helmand"),
    ("Three soldiers were killed and 15 injured in rocket attacks near Lashkar Gah in "
     "Afghanistan's Helmand province, officials said.", 15, "Helmand"),
    ("The death toll in Peru's floods has risen to 40.", 40, "Peru"),
    # a toll a participle tells is where what the act struck is; a toll an act took, where
    # the act was, also when a relative clause tells it
    ("Rebels besieged Malakal for a week. On Monday, shelling hit the city's main market, "
     "killing 17 people and wounding 60.", 60, "Malakal"),
    ("A jet struck three buildings in the police compound in Hebron, injuring 18 people.", 18,
     "Hebron"),
    ("The bombing in Haifa, which killed 12 people, was condemned.", 12, "Haifa"),
    ("The fire at a hostel in Lyon, which killed 9 people, was lit deliberately.", 9, "Lyon"),
    # nationals are first the place or the owner the clause ties them to, their state only
    # when it ties nothing else
    ("Canada is home to about 300,000 Filipinos.", 300_000, "Canada"),
    ("Gunmen killed 10 Germans in the Kabul raid.", 10, "Kabul"),
    ("The dead included 12 Germans.", 12, "Germany"),
    ("About 300 Filipinos who moved to Canada last year were nurses.", 300, "Philippines"),
    # a part counted apart is its own; the whole is not the part's
    ("A bus plunged into a gorge, killing 40 people, 12 of them Germans.", 12, "Germany"),
    ("Forty people including 12 Germans died when a bus plunged into a gorge.", 40, None),
    ("The toll rose to 1,310 people, including 865 Ruritanians and 234 Moldovans.", 1310, None),
    ("Officials said 9 of the 40 deaths in Peru were children.", 9, "Peru"),
    # where what a subject's figure comes from happened
    ("The damage bill from the riots in Karachi has reached $3 million.", 3_000_000,
     "Karachi"),
    ("The number of people killed in Bolivia has risen to 40.", 40, "Bolivia"),
    # fighters believed to be somewhere: a place deep in that clause is no one's
    # a state's unnamed body is its own, not the place that hosts it
    ("The North Korean embassy in Beijing employs 120 people.", 120, "North Korea"),
    ("Troops are searching for some 500 Hezbollah fighters believed to be hiding in the hills "
     "near the Syrian border.", 500, "Hezbollah"),
    # "its" in the counted phrase stands for the body the clause is about
    ("Brightwater Foods said it would close two plants, leaving its 550 employees without "
     "work.", 550, "Brightwater Foods"),
    # a participle after its clause shares the clause's subject
    ("Brightwater Foods went into administration last week, leaving more than 550 staff "
     "without work.", 550, "Brightwater Foods"),
    # the body a counted noun is "at", before whoever the clause's subject is
    ("About 35 jobs at Brightwater Foods will go next year.", 35, "Brightwater Foods"),
    ("Neves said his government would hire 300 more staff at Orvano Bank.", 300, "Orvano Bank"),
    # "around" places, it does not own: the jobs are the subject's
    ("Halvorsen Maritime is shedding 500 jobs around Norway.", 500, "Halvorsen Maritime"),
    # the whole a part is counted from is not the subject's, but the body it is "in"
    ("The Greens hold 12 of the 76 seats in the Senate.", 76, "Senate"),
    ("The Greens hold 12 of the 76 seats in the Senate.", 12, "Greens"),
    # an apposition the parse hung on another word still describes the name it follows
    ("Most of the destruction was in and around Camaná, a port town of about 20,000 people "
     "where old adobe walls collapsed in seconds.", 20_000, "Camaná"),
    # one of a list is not whose a figure is
    ("These were 11 of Ahmed Karimi's fighters, from Chad, Niger and Mali.", 11, "Ahmed Karimi"),
    # "the state" stands for the last state the story named
    ("Bushfires are burning across Victoria. More than 50 fires are still raging around the "
     "state.", 50, "Victoria"),
    # but "the city of X" names its own city, not the last one the story named
    ("Rebels shelled Aleppo on Monday. Troops captured 40 fighters in the city of Homs.", 40,
     "Homs"),
    # the turnout and the voters of an election are where it was held; a party's seats its own
    ("Estonia's general election was held on Sunday. The Reform Party won 37 seats. Turnout "
     "reached 64 percent, with 600,000 of the 900,000 registered voters casting ballots.", 64,
     "Estonia"),
    ("Estonia's general election was held on Sunday. The Reform Party won 37 seats. Turnout "
     "reached 64 percent, with 600,000 of the 900,000 registered voters casting ballots.",
     900_000, "Estonia"),
    ("Estonia's general election was held on Sunday. The Reform Party won 37 seats. Turnout "
     "reached 64 percent, with 600,000 of the 900,000 registered voters casting ballots.", 37,
     "Reform Party"),
    # a gerund after a preposition shares its clause's subject
    ("Prosecutors say Jonas Varga was charged with stealing 5 million euros from the bank.",
     5_000_000, "Jonas Varga"),
    # but not for whom the act harmed
    ("Prosecutors say Jonas Varga was charged with killing 5 miners in Kolwezi.", 5, "Kolwezi"),
    # a difference in apposition to the subject's figure is the subject's too; a count in an
    # apposition to a place's name is the place's
    ("Oxfam said its clinic in Goma treated 60 children on Monday, 25 more than on any day "
     "last week.", 25, "Oxfam"),
    ("Rescuers reached Dunmore, a village of 300 residents, on Monday.", 300, "Dunmore"),
    ("Kenyan troops entered Kismayo, a port city of 180,000 people, at dawn.", 180_000,
     "Kismayo"),
    # a figure in apposition to another restates it: it is about whom the first is about
    ("Maria Okonjo ran for president in 2015. Back then, she won 61 percent of the ballots "
     "cast -- 2.1 million votes in all.", 2_100_000, "Maria Okonjo"),
    ("Lars Berg led the Harvest Party into the vote. In the end he took 12 percent of the "
     "seats, 20 seats in all.", 20, "Lars Berg"),
    ("Kwame Mensah stood again in Accra. This time he drew 9 percent of the ballots (400,000 "
     "votes).", 400_000, "Kwame Mensah"),
])
def test_what_a_figure_is_about(text: str, value: object, about: str | None) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") == about


def test_an_attack_named_with_its_attackers_adjective_is_not_about_them() -> None:
    facts = facts_of("A British air raid in southern Iraq left eight civilians dead.")
    assert labels(facts).get(facts.statistics[0].about or "") == "Iraq"


@pytest.mark.parametrize(("text", "event_type"), [
    ("Ruritania held a general election on Sunday. The Harvest Party won 29 seats, and "
     "turnout reached 61 percent.", "Election"),
    # the toll goes to the attack, not to the deaths it caused
    ("Rebels attacked the market in Goma, killing at least 17 people and wounding 60.",
     "Attack"),
    ("A powerful earthquake struck Nepal on Tuesday. Officials said 1,870 homes had been "
     "destroyed.", "Disaster"),
    # a town's population is no toll, though the sentence speaks of damage
    ("An earthquake struck Peru on Tuesday. Most of the damage was in Chala, a town of about "
     "15,000 people.", None),
    # the event of those a figure counts
    ("The number of Eritrean soldiers who defected to Ethiopia last year was 196.", "Defection"),
    ("The number of people who fled Sudan last year was 5,000.", "Migration"),
    # what a sum is spent on
    ("Brightwater Foods spent $2 billion on the acquisition of a rival.", "Acquisition"),
    # a count of what a disaster or an attack is made of, or of the murders of a massacre
    ("A bushfire destroyed 12 homes near Athens on Monday. More than 60 fires are still burning "
     "in the hills.", "Disaster"),
    ("More than 60 fires are still burning in the hills. A bushfire destroyed homes near Athens "
     "on Monday.", "Disaster"),
    ("Gunmen massacred villagers in Ituri last year. The court heard the militia carried out "
     "13 murders.", "Attack"),
    # whom a verdict or a toll's predicate says the act was done to
    ("A NATO panel of judges has found 10 militia fighters guilty of looting.", "Trial"),
    ("Rebels shelled Goma on Monday. The mayor said the shelling left nearly 80 civilians "
     "dead.", "Attack"),
    # what a clause brings to the figure: "brought the toll to 40", "arrivals to 3,100"
    ("Rebels shelled Goma on Monday. The killing brought the death toll to 140 people.",
     "Attack"),
    ("More than 1,700 migrants landed on Lesbos on Monday, bringing arrivals since Friday to "
     "over 3,100.", "Migration"),
    # defectors go to the defection just told, not to a migration
    ("Twelve North Korean soldiers defected across the border last year. Defectors now number "
     "more than 34,000.", "Defection"),
    # refugees counted far from the one flight the story tells measure it
    ("More than 900 migrants landed on Lesbos on Monday. The island's mayor called for help. "
     "The coast guard said the sea was calm. Aid groups handed out blankets on the quay. "
     "Arrivals this year have reached 14,600, the ministry said.", "Migration"),
    # a toll told far from the one disaster the story tells, told at several words, measures it
    ("A cyclone struck the coast of Mozambique on Sunday. The cyclone flattened the port of "
     "Beira. Aid groups flew in tents. The United Nations called for help. Rain kept falling. "
     "Doctors said 12 of the injured were in a critical condition.", "Disaster"),
    # but a toll whose clause tells another cause is that cause's, found or not
    ("A cyclone struck the coast of Mozambique on Sunday. The cyclone flattened the port of "
     "Beira. Aid groups flew in tents. The United Nations called for help. Rain kept falling. "
     "Nine people were injured when guards scuffled with a crowd at a food depot.", None),
    ("A cyclone struck the coast of Mozambique on Sunday. The cyclone flattened the port of "
     "Beira. Aid groups flew in tents. The United Nations called for help. Rain kept falling. "
     "Nine people were injured during a riot at a food depot.", None),
    # (a time is no cause)
    ("A cyclone struck the coast of Mozambique on Sunday. The cyclone flattened the port of "
     "Beira. Aid groups flew in tents. The United Nations called for help. Rain kept falling. "
     "Nine people were injured during the night.", "Disaster"),
    # and a story that tells an attack and a disaster gives a far toll to neither
    ("A cyclone struck the coast of Mozambique on Sunday. Rebels attacked a convoy near Beira. "
     "Aid groups flew in tents. The United Nations called for help. Rain kept falling. Roads "
     "were closed. Doctors said 12 of the injured were in a critical condition.", None),
    # the price or the worth of a deal told in the sentence or just before measures it
    ("Brightwater Foods agreed on Monday to buy Harlow Mills. Brightwater will pay 12.40 pounds "
     "a share, a 30 percent premium to the closing price of Harlow Mills.", "Acquisition"),
    ("Among the deals signed on Monday, Vantoro and Zelkin agreed to build wind farms worth 300 "
     "million euros.", "Agreement"),
    # a share of goods bought is a trade, not the size of a takeover
    ("Indonesia bought 38 percent of all the live cattle Australia exported last year.", None),
    # but not a premium two sentences on
    ("Brightwater Foods agreed on Monday to buy Harlow Mills. Analysts were surprised. Wheat "
     "sold at a premium of 12 percent last year.", None),
    # the noun the counted people are "of" says what they count: the deaths of a disaster
    # the story goes on to tell
    ("Six tour company staff were found guilty of manslaughter over the deaths of 14 Germans "
     "and seven others in a rafting disaster. The disaster happened in 2003 when a flash flood "
     "struck the gorge.", "Disaster"),
    # parts counted inside a toll's phrase measure what the toll measures
    ("Rebels attacked the town on Monday. The attack brought the toll of the uprising to 1,121 "
     "people, including 865 Palestinians and 234 Israelis.", "Attack"),
    # but jobs counted far from a layoff are no measure of it
    ("Brightwater Foods said on Monday it would cut jobs at its Leeds plant. The union called "
     "a meeting. Shares fell in early trade. Analysts expected more cuts. The plant has 400 "
     "jobs, the union said.", None),
])
def test_a_figure_measures_the_event_its_words_name(text: str, event_type: str | None) -> None:
    facts = facts_of(text)
    types = {e.key: e.type for e in facts.events}
    assert {types.get(s.event or "") for s in facts.statistics} == {event_type}


@pytest.mark.parametrize(("text", "about", "event_type"), [
    # a toll told by a linking verb and a toll word measures the cause the clause names, in
    # the place the cause was
    ("At least 40 people are dead after floods in Peru, officials said.", "Peru", "Disaster"),
    ("Twelve people remain missing after a landslide in Nepal.", "Nepal", "Disaster"),
    ("At least 25 villagers were dead following an earthquake in northern Iran.", "Iran",
     "Disaster"),
    ("Fifteen soldiers are dead after militants attacked a base in Mali.", "Mali", "Attack"),
    # an "after" clause that tells the event places the toll where the event was
    ("Six people are dead after gunmen attacked a church in Ouagadougou, officials said.",
     "Ouagadougou", "Attack"),
    ("At least 30 people were wounded after a suicide bomber blew himself up at a market in "
     "Baghdad.", "Baghdad", "Attack"),
    ("Nine people were injured after gunmen opened fire in Karachi and Lahore.", None, "Attack"),
    # (the cause's phrase on the adjective)
    ("At least 40 people are dead from floods in Peru.", "Peru", "Disaster"),
    ("More than 50 people are dead from storms in Bangladesh.", "Bangladesh", "Disaster"),
    # a toll a linking verb gives its noun measures the cause the noun is "from"
    ("The death toll from floods in Peru is 40.", "Peru", "Disaster"),
    # a list of places is none of theirs
    ("More than 30 people are dead after storms in Texas and Oklahoma.", None, "Disaster"),
    # a cause kg has no event for leaves the toll to no earlier attack
    ("Rebels shelled Goma on Monday. At least 14 people are dead after a stampede in a market "
     "in Kinshasa.", None, None),
    # and a state that is no toll's measures nothing
    ("At least 200 workers remain idle after the strike in Busan.", None, None),
])
def test_a_toll_told_by_a_linking_verb_measures_its_cause(text: str, about: str | None,
                                                          event_type: str | None) -> None:
    facts = facts_of(text)
    figure = facts.statistics[0]
    assert labels(facts).get(figure.about or "") == about
    assert {e.key: e.type for e in facts.events}.get(figure.event or "") == event_type


@pytest.mark.parametrize(("text", "event_type"), [
    # what an attack, disaster or war did, told with the event as the clause's doer, measures it
    ("A powerful storm hit Scotland on Monday. The storm left 2,000 homes without power.",
     "Disaster"),
    ("A powerful storm hit Scotland on Monday, leaving 2,000 homes without power.", "Disaster"),
    ("A blizzard swept across Ontario overnight. More than 3,000 travellers were stranded by "
     "the blizzard.", "Disaster"),
    ("A fire swept through a market in Lagos on Sunday. The blaze gutted 120 shops.",
     "Disaster"),
    ("Militants attacked a convoy near Kandahar on Sunday. The attack left 300 families "
     "homeless.", "Attack"),
    # but not those the event made do what another event tells
    ("Militants attacked a convoy near Kandahar. The attack forced 300 families to flee.", None),
    # nor what an event kg did not find did
    ("A storm left 500 homes without power.", None),
])
def test_what_an_event_did_measures_it(text: str, event_type: str | None) -> None:
    facts = facts_of(text)
    types = {e.key: e.type for e in facts.events}
    assert types.get(facts.statistics[0].event or "") == event_type


@pytest.mark.parametrize(("text", "about"), [
    # seats and votes are the winner's, though the parse split the description before its
    # name off as a subject of its own
    ("The opposition Popular Front won 40 seats.", "Popular Front"),
    ("The opposition Civic Alliance took 31 percent of the vote, officials said.",
     "Civic Alliance"),
    ("In Lima, the opposition Popular Force won 73 seats in Congress.", "Popular Force"),
])
def test_a_figure_is_the_named_winners_past_the_description(text: str, about: str) -> None:
    facts = facts_of(text)
    assert labels(facts).get(facts.statistics[0].about or "") == about


def test_a_number_in_digits_the_model_left_unlabelled_is_judged_like_the_others() -> None:
    from kg.extract.statistics.spans import untagged_figures
    from kg.nlp import parse

    doc = parse("The camp has 35 huts and 12 wells, and it ranked 3rd in the region.")
    doc.ents = []
    assert [span.text for span in untagged_figures(doc)] == ["35", "12"]  # not the ordinal


@pytest.mark.parametrize(("text", "values"), [
    # a bare number the model took for a date, that a preposition governs: a level reached
    ("The holiday road toll now stands at 38, police said.", [38]),
    ("Smith was out for 71 after lunch.", [71]),
    # or that a toll's noun is
    ("The death toll from floods in Peru is 40.", [40]),
    ("The toll is now 72, police said.", [72]),
    ("The casualty toll from the landslide in Assam was 19 on Monday.", [19]),
    ("His age is 40.", []),
    # not a year, nor a date
    ("The bridge has stood since 1998.", []),
    ("The rally was held on March 12.", []),
])
def test_a_bare_number_taken_for_a_date_is_a_figure(text: str, values: list[int]) -> None:
    assert [s.value for s in facts_of(text).statistics] == values


def test_the_end_of_a_range_whose_start_has_a_unit_is_a_measurement() -> None:
    text = "Police cut the speed limit on the highway from 100 kilometres an hour to 60 yesterday."
    assert not facts_of(text).statistics


@pytest.mark.parametrize(("text", "value"), [
    ("At least 923 migrants had died in the central Mediterranean since January, 300 more than "
     "in the same period last year.", 300),
    ("Twelve soldiers defected last year. That is 134 more than the number of defectors in "
     "2011.", 134),
])
def test_a_difference_from_another_quantity_measures_no_event(text: str, value: int) -> None:
    figure = next(s for s in facts_of(text).statistics if s.value == value)
    assert figure.event is None


@pytest.mark.parametrize(("text", "value", "about"), [
    # a wire dateline the parse took for the subject: the subject is what follows the dash
    ("LJUBLJANA, Sept 27 — The centre-left Harvest Party won Slovenia's snap election on Sunday "
     "with 31.8 percent of the vote.", Decimal("31.8"), "Harvest Party"),
    ("JAKARTA, Nov 10 — Indonesia will impose a 25 percent tariff on Australian wheat from "
     "Dec. 1, the trade ministry said.", 25, "Indonesia"),
])
def test_a_dateline_is_not_the_subject_that_owns_a_figure(text: str, value: object,
                                                          about: str) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") == about


@pytest.mark.parametrize(("text", "event_type"), [
    # the cause the text names, found as an event: the toll is its
    ("Ten villagers perished in the earthquake that struck the valley on Monday.", "Disaster"),
    ("Twelve people were killed by a stray bomb near the border, officials said.", "Attack"),
    ("The tragedy, which killed 21 hikers, shocked the valley.", "Disaster"),
    # a cause kg found no event for: unresolved, not the deaths
    ("Nine people died when a thunderstorm struck a campsite in the hills.", None),
    ("Four people were killed and eight injured when a gas explosion tore through a hotel.",
     None),
    ("Forty people drowned in the floods in Assam.", None),
    # deaths with no attack or disaster named are the toll's event
    ("Thirty people died on the roads over the Easter weekend.", "Death"),
    ("About 2,000 people died from malaria in the province last year.", "Death"),
    # but a rate ("die ... each year") measures no one event: see test_statistics_rates.py
])
def test_a_toll_measures_the_attack_or_disaster_named_as_its_cause(
        text: str, event_type: str | None) -> None:
    facts = facts_of(text)
    types = {e.key: e.type for e in facts.events}
    assert {types.get(s.event or "") for s in facts.statistics} == {event_type}


def test_a_subject_the_parse_took_for_the_reporting_verbs_object_still_names_the_event() -> None:
    facts = facts_of("The Interior Ministry claims the damage bill from the arson attacks and "
                     "looting at the camp over the past week has reached $3 million.")
    types = {e.key: e.type for e in facts.events}
    assert [types.get(s.event or "") for s in facts.statistics] == ["Attack"]


@pytest.mark.parametrize("text", [
    # a size is of what it describes, not of the clause's subject
    "Nepal's interim government has agreed to accept a 3,000-strong multinational force.",
    "The Afghan factions have approved a plan for a 29-member ruling council.",
    # what an earlier act was done to is not the subject's
    "After the torching of 20 buildings in recent days, the mood at the Baxter camp in Nepal "
    "seemed calm.",
    # a figure of a joint subject is not one part's
    "Norway and Sweden pledged 500 troops to the mission.",
    # those a verdict is on are not the court's
    "A NATO panel of judges has found 10 militia fighters guilty of looting.",
    # a sum in an apposition is what the apposed thing costs: not the place the parse hung it
    # on, nor the clause's subject
    "Acme's bid for Zentro, a $2 billion deal, was rejected.",
    "Talks on the sale of Norvale, a $300 million project, stalled in Lima.",
    "The Ruritanian government approved a port at Kelso, a A$1.2 billion development.",
])
def test_a_figure_the_clause_subject_does_not_own_stays_unresolved(text: str) -> None:
    assert [s.about for s in facts_of(text).statistics] == [None]


@pytest.mark.parametrize("text", [
    "Police arrested 12 men over the deaths of 40 migrants.",
    "Eight people were charged with the manslaughter of 40 tourists.",
])
def test_whom_a_charge_says_were_killed_measure_no_arrest_or_trial(text: str) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == 40)
    assert figure.event is None


@pytest.mark.parametrize(("text", "value", "not_about"), [
    # a state whose name says who did it is not where the toll is
    ("Nearly 60 villagers were killed and 90 wounded in four days of Ruritanian airstrikes near "
     "Ostrava, officials said.", 90, "Ruritania"),
    ("Twelve people were killed and 30 injured in raids by Turkish jets in Syria's Idlib "
     "province.", 30, "Turkey"),
    # whom an attack or an arrest harmed are not the agent's
    ("Rebel gunmen from the Valley Front killed 14 villagers near Ostrava.", 14, "Valley Front"),
    # another clause's place, or a name conjoined with the counted noun
    ("Fourteen homes have been destroyed in the Hawkesbury hills, and 20 sheds have been ruined "
     "at Port Elvin.", 14, "Port Elvin"),
    ("The leader holds 80 per cent of the market and the minister, Ana Ruiz, wants a cap.", 80,
     "Ana Ruiz"),
    # those a charge or verdict says were killed, and those conjoined with them, are not the
    # accused's
    ("Six Swiss guides were found guilty of manslaughter over the deaths of 14 hikers and seven "
     "others.", 7, "Switzerland"),
    # a gapped clause: the second sum is the second person's
    ("Coach Ana Ruiz received two months and a fine of 5,000 euros, assistant Luis Soto one "
     "month and 4,000 euros.", 4000, "Ana Ruiz"),
    # one included is not whose the whole is; a body a state's adjective describes is not it
    ("Six prisoners, including the Moldovan, Ion Rusu, are held on a ship.", 6, "Moldova"),
    ("Three soldiers and five members of the Malian opposition were killed in a raid.", 5,
     "Mali"),
    # a figure placed in a list of places is none of theirs
    ("Rebels struck in Goma and Bukavu, in eastern Congo, killing 26 people.", 26, "Goma"),
    ("A jet struck three buildings in Hebron and Nablus, injuring 18 people.", 18, "Hebron"),
    ("The bombings in Haifa and Jenin, which killed 12 people, were condemned.", 12, "Haifa"),
    ("Three Syrian suicide bombers killed 25 people on Saturday in the suicide attacks in Aleppo "
     "and Homs.", 25, "Aleppo"),
    # whom the attackers killed are not the attackers' state's, though kg told the attack at
    # another word than "killed"
    ("Three Syrian suicide bombers killed 25 people on Saturday in the suicide attacks in Aleppo "
     "and Homs.", 25, "Syria"),
    ("Twelve people died on Ohio roads, with eight deaths in both Iowa and Indiana.", 8,
     "Iowa"),
    # a figure with no noun of its own shares nothing with a subject another figure counts
    ("Two Syrians were killed and more than 120 injured in the air strikes on Monday.", 120,
     "Syria"),
    # where the subject acted is not what it holds
    ("President Ana Ruiz declared a state of emergency in 14 provinces on Monday.", 14,
     "Ana Ruiz"),
    ("Prime Minister Ion Rusu imposed a curfew in 12 towns after the riots.", 12, "Ion Rusu"),
    # "the city of X" names its city: not the last one the story named
    ("Rebels shelled Aleppo on Monday. Fifteen fighters, captured near the northern city of "
     "Homs, were moved to a camp.", 15, "Aleppo"),
    # a name a figure's noun goes "to" is where it goes, not whose it is
    ("The inquiry has made 31 recommendations to the Ruritanian Senate on child welfare.", 31,
     "Ruritanian Senate"),
    # a list of subjects, also one the parse took for an apposition, is none of its parts' owner
    ("Queensland, the Northern Territory and Tasmania have each recorded 12 drownings this "
     "summer.", 12, "Queensland"),
    # those taken captive are not the captors'
    ("Fijian troops have captured 40 rebels in the hills.", 40, "Fiji"),
    # a figure the parse hung on a verb that reports a clause is not the reporter's
    ("Mr Okafor claims handlers earn, on average, 28 per cent above average weekly wages and "
     "get free travel.", 28, "Okafor"),
])
def test_what_a_figure_is_not_about(text: str, value: int, not_about: str) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") != not_about


def _is_score_read_off_the_whole_text(span: Any) -> bool:
    """is_score as it was first written, on ``doc.text`` (slow: spaCy joins it on every call)."""
    import re

    from kg.extract.statistics.written import figure_words

    text = span.doc.text
    before, after = text[max(0, span.start_char - 5) : span.start_char], text[span.end_char :]
    joined = re.fullmatch(r"\d{1,3}\s?[-–]\s?\d{1,3}", span.text.strip())
    tail = re.match(r"\s?[-–]\s?\d{1,3}\b", after)
    if not (joined or tail or re.search(r"\b\d{1,3}\s?[-–]\s?$", before)):
        return False
    end_char = span.end_char + (tail.end() if tail else 0)
    nxt = next((t for t in span.doc if t.idx >= end_char and not t.is_space), None)
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in figure_words().score_words


_SCORE_LIKE = (
    "The Tigers beat the Lions 3 - 1 on Sunday.",
    "The side has 3 - 1 wins this season and 2 -2 draws.",
    "They lost 3 - 1 games in a row.",
    "Rovers drew 2 -2 with City, then lost 0- 3 to 11 players.",
    "The hosts led 21–14 at half time and won 35 – 28 in the end.",
    "A 4-3 defeat cost the club 40 fans, 12 - 15 of them members.",
    "Score: 1 -\n 0 after extra time, and 10 -  3 before.",
)


def test_a_score_is_read_from_the_characters_around_the_number() -> None:
    """is_score reads the few characters around a number from its neighbouring tokens; it
    answers what reading them off the whole text answers, for every number."""
    from kg.extract.statistics.spans import is_score
    from kg.nlp import parse

    found = []
    for text in _SCORE_LIKE:
        doc = parse(text)
        numbers = [doc[t.i : t.i + 1] for t in doc if t.like_num]
        assert numbers, text
        answers = [is_score(number) for number in numbers]
        assert answers == [_is_score_read_off_the_whole_text(n) for n in numbers], text
        found += answers
    assert set(found) == {True, False}, "the sample holds scores and numbers that are none"


@pytest.mark.parametrize(("text", "verb", "joint"), [
    # a list, and a list the parse took for an apposition
    ("Oslo and Bergen will each lose 20 jobs.", "lose", True),
    ("Queensland, the Northern Territory and Tasmania have each recorded 12 drownings.",
     "recorded", True),
    # two subjects the parse gave one verb, with an "and" between them
    ("Indian aircraft will be banned from Pakistani airspace, and the Pakistani embassy in Delhi "
     "and the Indian mission in Islamabad will have to cut their staff by half.", "cut", True),
    # one subject, with a place of its own
    ("The Pakistani embassy in Delhi will have to cut its staff by half.", "cut", False),
])
def test_a_subject_that_is_one_of_a_list_is_joint(text: str, verb: str, joint: bool) -> None:
    doc = parse(text)
    subject = subject_of(next(t for t in doc if t.lower_ == verb))
    assert subject is not None and is_joint(subject) is joint


@pytest.mark.parametrize(("text", "values"), [
    # a figure told again in a later sentence, of the same noun or the same kind of event, is
    # one figure
    ("More than 400 staff are to lose their jobs at Acme. More than 400 staff will be made "
     "redundant in March.", [400]),
    ("Gunmen killed 12 soldiers in Kandahar on Monday. The 12 soldiers were buried on "
     "Tuesday.", [12]),
    # the same toll of the same kind of event at a place the story names twice
    ("Rebels killed 12 villagers in a raid in Mindanao on Monday. The army blamed a militia. "
     "The ambush which killed 12 farmers in Mindanao was the worst this year.", [12]),
    # a sum told again: written as one the reader knows, or hung on the same word
    ("Each finalist received five thousand dollars. Maria Lopez says the $5,000 will pay for "
     "a new boat.", [5000]),
    ("Households pay $40 billion a year to cable firms. If Netflix took 5% of the $40 "
     "billion in fees, it would grow.", [40_000_000_000, 5]),
    ("The council has cut about half a million rand from the library budget. Critics said a "
     "funding cut of about half a million rand was too deep.", [500_000]),
    # but equal sums of other things, told without "the", are different sums
    ("Acme paid $5 million for the plant in May. Beta raised $5 million from investors.",
     [5_000_000, 5_000_000]),
    # nor are equal sums hung on the same verb twice
    ("Acme raised $5 million in March. Beta raised $5 million in April.", [5_000_000, 5_000_000]),
    ("Acme paid $5 million for the site. Later, Beta paid $5 million for a warehouse.",
     [5_000_000, 5_000_000]),
    # equal figures of one sentence are different figures
    ("Brunner was fined 6,000 francs, Keller 2,000 francs and Moser 2,000 francs.",
     [6000, 2000, 2000]),
    # and so are equal figures of different things, or of tolls at different places
    ("Acme cut 400 jobs last year. This year it opened 400 stores.", [400, 400]),
    ("Two soldiers were killed in a bomb attack in Kabul on Monday. On Tuesday two civilians "
     "were killed in a bomb attack in Kandahar.", [2, 2]),
])
def test_a_figure_told_again_is_one_figure(text: str, values: list[int]) -> None:
    assert [s.value for s in facts_of(text).statistics] == values


@pytest.mark.parametrize(("text", "value", "about"), [
    # a count of a nation's people is the nation's, not the person the clause is about
    ("That is bad news for travellers like Maria Lopez, who joined the more than 20 million "
     "Britons expected to fly this summer.", 20_000_000, "United Kingdom"),
    ("Commuters such as Ken Mori, who joined the 3 million Japanese heading home for the "
     "holiday, faced long queues.", 3_000_000, "Japan"),
    ("Priya Nair is one of the 1.2 million Indians living in the Gulf.", 1_200_000, "India"),
])
def test_a_count_of_nationals_is_no_persons(text: str, value: object, about: str) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") == about


@pytest.mark.parametrize(("text", "value", "about"), [
    # whoever tells a figure is not whom it is about: the body the clause opens "at" is
    ("At American Airlines, Karl Weber called the impact \"modest, for now,\" with four "
     "cancellations and an on-time performance of about 71%.", 71, "American Airlines"),
    ("At Qantas, spokeswoman Jane Hill called the delays \"unfortunate\" with a punctuality "
     "rate of 64%.", 64, "Qantas"),
    ("At General Motors, union leader Ray Dunn described the mood as grim, with 3,000 jobs at "
     "risk.", 3000, "General Motors"),
    # and with no such body, the figure stays unresolved
    ("Karl Weber of Lufthansa described the season as \"a tough one,\" with an on-time rate of "
     "68%.", 68, None),
])
def test_a_figure_a_speaker_tells_is_not_the_speakers(text: str, value: object,
                                                     about: str | None) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") == about


@pytest.mark.parametrize(("text", "value", "about"), [
    # the place of the clause an open complement completes ("in X, lawmakers voted to raise
    # it") is the place of the figure the complement gives
    ("And in Ohio, legislators voted to raise it by 30 cents to $9.10.", Decimal("9.10"), "Ohio"),
    ("In Kenya, lawmakers agreed to lift the minimum wage to 15,000 shillings a month.", 15000,
     "Kenya"),
    ("In Texas, voters chose to keep the tax at 6.25%.", Decimal("6.25"), "Texas"),
])
def test_the_place_of_the_clause_an_open_complement_completes(text: str, value: object,
                                                              about: str) -> None:
    facts = facts_of(text)
    figure = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(figure.about or "") == about


@pytest.mark.parametrize(("text", "value", "event_type"), [
    # deaths of another time are no toll of the disaster the story tells now: they measure
    # their own deaths
    ("A winter storm swept across the Midwest on Monday. The road safety agency said that 312 "
     "drivers died during the Easter weekend last year.", 312, "Death"),
    ("A blizzard hit Ontario on Tuesday, closing highways. In 2015, 23 people died on the "
     "province's roads over the holidays.", 23, "Death"),
    # a toll of the same time, or counted after the event, still measures the story's disaster
    ("A cyclone struck Queensland on Friday. At least 12 people died in the storm.", 12,
     "Disaster"),
    ("An earthquake struck southern Chile on Monday. By Tuesday the death toll had risen to 52.",
     52, "Disaster"),
    # and an earlier disaster told with its own year is that one's
    ("Floods hit Bangladesh on Sunday, killing 40 people. In 2017, floods killed 160 people in "
     "the same region.", 160, "Disaster"),
])
def test_a_toll_of_another_time_is_not_the_storys_disasters(text: str, value: object,
                                                            event_type: str) -> None:
    facts = facts_of(text, published=date(2019, 3, 12))
    events = {e.key: e for e in facts.events}
    figure = next(s for s in facts.statistics if s.value == value)
    event = events[figure.event or ""]
    assert event.type == event_type
    if value == 160:
        assert event.time is not None and event.time.value == "2017"


@pytest.mark.parametrize(("first", "second", "earlier"), [
    (("2018", "gYear"), ("2019-03-11", "date"), True),
    (("2018-11", "gYearMonth"), ("2019-01-02", "date"), True),
    (("2019-02", "gYearMonth"), ("2019-03-01", "date"), False),  # days of one year
    (("2019", "gYear"), ("2019-12", "gYearMonth"), False),
    (("2019-03-14", "date"), ("2019-03-12", "date"), False),  # counted after the event
    (None, ("2019-03-11", "date"), False),
])
def test_a_time_in_an_earlier_year(first: tuple[str, str] | None, second: tuple[str, str],
                                   earlier: bool) -> None:
    def time(pair: tuple[str, str] | None) -> TimeValue | None:
        return None if pair is None else TimeValue(pair[0], pair[0], pair[1], resolved=True)
    assert in_an_earlier_year(time(first), time(second)) is earlier


@pytest.mark.parametrize("text", [
    "Ferrovia is now the world's No. 1 maker of rail brakes and employs 40 engineers in Turin.",
    "The No. 2 official at the Ruritanian embassy in Oslo was recalled with 40 staff.",
    "Top-ranked Duquesne beat No. 12 Marquette as 40 scouts watched.",
    "Number 10 said the minister would meet 40 nurses on Friday.",
    "The striker who wore the No. 9 shirt at Lyon signed 40 autographs.",
    "The gadget became the #1 seller at Kmart, and 40 stores ran out.",
])
def test_a_rank_or_a_label_after_no_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize("text", [
    "Ms Okafor, who has two children with her husband, said 40 nurses had quit.",
    "The late senator is survived by his wife and three children; 40 colleagues attended.",
    "Two of the Dutch climber's three children met the 40 rescuers at Chamonix.",
    "A family with three young children lost its home, one of 40 destroyed in Tonga.",
    "Mr Haddad, a father of two sons, said 40 shops had closed in Tripoli.",
])
def test_a_family_counted_in_words_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    ("His two children were killed when the bus overturned near Mombasa.", 2),
    ("The airstrike killed a mother and her three children in Idlib.", 3),
    ("Police found two children hiding in the truck at Calais.", 2),
])
def test_children_a_toll_or_an_act_counts_are_figures(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize(("text", "value", "about"), [
    ("Ticket sales have slumped since spring; Halvard Ferries carried 61,000 passengers in July.",
     61_000, "Halvard Ferries"),
    ("Rail freight is shrinking — Casterbridge Logistics retired 90 locomotives in a month.", 90,
     "Casterbridge Logistics"),
    ("Prices are falling in Europe; Telenova, the Swedish carrier, cut 2,000 jobs.", 2_000,
     "Telenova"),
])
def test_a_clause_joined_by_a_semicolon_or_a_dash_is_not_reported_by_the_figures_verb(
        text: str, value: int, about: str) -> None:
    facts = facts_of(text)
    statistic = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(statistic.about or "") == about


@pytest.mark.parametrize(("text", "value", "state"), [
    ("Last month Quillon, a U.S. drug distributor, recalled 12,000 bottles of syrup.", 12_000,
     "United States"),
    ("Kestrelle, a small French lender, cut 300 jobs last year.", 300, "France"),
    ("Wendigo, the biggest Canadian miner, sold 2 million tonnes of coal to 40 buyers.", 40,
     "Canada"),
])
def test_a_state_that_only_describes_the_subjects_apposition_is_not_what_a_figure_is_about(
        text: str, value: int, state: str) -> None:
    facts = facts_of(text)
    statistic = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(statistic.about or "") != state


@pytest.mark.parametrize(("text", "value", "about"), [
    ("Brazil is eager to sell 36 fighter jets to Indonesia.", 36, "Brazil"),
    ("Telenova is unlikely to hire more than 300 engineers in Sweden this year.", 300, "Telenova"),
    ("Kenya is ready to raise $1 billion from a bond sale in London.", 1_000_000_000, "Kenya"),
])
def test_the_subject_of_an_adjective_with_an_infinitive_owns_its_figure(
        text: str, value: int, about: str) -> None:
    facts = facts_of(text)
    statistic = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(statistic.about or "") == about


@pytest.mark.parametrize(("text", "value", "about"), [
    ("Nissan, which is expected to cut 900 jobs in Sunderland, declined to comment.", 900,
     "Nissan"),
    ("Shares of Vodafone, which analysts say will report a profit of $2 billion, rose.",
     2_000_000_000, "Vodafone"),
    ("Engineers praised Norway, a country that is set to spend $6 billion on new rail lines.",
     6_000_000_000, "Norway"),
])
def test_a_relative_pronoun_subject_inside_an_embedded_clause_stands_for_its_antecedent(
        text: str, value: int, about: str) -> None:
    facts = facts_of(text)
    statistic = next(s for s in facts.statistics if s.value == value)
    assert labels(facts).get(statistic.about or "") == about


@pytest.mark.parametrize("text", [
    # a version or a model: the number the parse hung the name before it on
    "Users of iOS 7 got the patch on Monday, and 40 shops sold it.",
    "Buyers of the new MacBook 12 complained, and 40 stores ran out.",
    "Fans of Halo 5 queued outside 40 stores in Seoul.",
])
def test_the_number_of_a_version_or_model_after_its_name_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    # the same shape that is a figure: a qualifier opening the sentence, a currency, a level
    ("Nearly 40 stayed in the flooded town.", 40),
    ("Over 40 people died in the crash near Lagos.", 40),
    ("Statoil will invest NOK 2.3 billion in the field.", 2_300_000_000),
    ("Sales at Brennan Foods rose to 40 in March.", 40),
])
def test_a_number_after_a_capitalised_word_that_names_nothing_is_a_figure(
        text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize("text", [
    # capital letters run into the digits that are no scale, unit or currency: a label
    "The carrier says its 5G network now reaches 40 towns in Kerala.",
    "Orvel launched 4G service in Manitoba after 40 masts went up.",
    "The studio will show the film in 3D at 40 cinemas.",
    "Under section 6A of the act, 40 permits were revoked.",
])
def test_a_label_run_into_a_number_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    # the same shape that is a figure: a scale run into the digits
    ("The fund sold $5M of bonds to Halvard Bank.", 5_000_000),
    ("Ravella paid £40M for the striker from Porto.", 40_000_000),
])
def test_a_scale_run_into_a_number_is_still_a_figure(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize("text", [
    # an index, a model or an edition whose proper noun comes right before its number
    "The Nikkei 225 fell sharply as 40 exporters lost ground.",
    "The Stoxx 600 index closed lower as 40 shares fell.",
    "The Russell 2000 gained while 40 banks slipped.",
    "Mr Ortiz flew a Boeing 737 jet to Lima with 40 passengers.",
])
def test_a_number_ending_a_name_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    # the same words where the number counts: after a verb, before a plural or people's noun
    ("Nikkei said 225 workers lost their jobs in Osaka.", 225),
    ("The Telstra 400 jobs will go by June.", 400),
    ("The Hilton 400 staff went on strike in Cairo.", 400),
    ("Qantas said 200 staff would leave.", 200),
])
def test_a_count_after_a_name_is_still_a_figure(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize("text", [
    # the base of a rate or of odds, after "per" or "one in every"
    "The murder rate in Recife reached 40 per 100,000 residents.",
    "Clinics in Mombasa saw 40 deaths per 1,000 births.",
    "One in every 1,000 children in Ohio has the gene, and 40 clinics test for it.",
])
def test_the_base_of_a_rate_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize("text", [
    # a telephone number a reader is told to call
    "Call 911 if you see the suspect, police in Tulsa said after 40 thefts.",
    "Witnesses were urged to dial 999 after 40 cars were damaged in Leeds.",
    "Ms Adeyemi phoned 112 after the crash, one of 40 on the road that week.",
    "Anyone with information should call Crime Stoppers on 1800, police said of the 40 break-ins.",
])
def test_a_number_to_call_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    # the same verbs with a count: a noun counted, a thousands comma, "every" alone
    ("Police called 40 witnesses in the Osei case.", 40),
    ("The campaign phoned 3,000 voters in Leeds.", 3000),
    ("The union called 300 out on strike in Ghent.", 300),
    ("Every 1,000 children in Accra will get a book.", 1000),
    ("Inspectors found mould at 71 sites in Derby.", 71),
])
def test_a_count_after_a_calling_verb_or_every_is_still_a_figure(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


def test_a_bit_depth_is_a_measurement() -> None:
    assert [s.value for s in facts_of("The Zelto player supports 24-bit audio in 40 shops.")
            .statistics] == [40]


@pytest.mark.parametrize("text", [
    # the total of a numbered item of a page or a series: gallery, pager and series chrome
    "Image 3 of 12: Firefighters in Porto fought 40 blazes overnight.",
    "Page 2 of 3. Rescuers in Cebu reached 40 villages.",
    "Part 4 of 6: the 40 families who stayed in Mosul.",
])
def test_the_total_of_a_numbered_item_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "value"), [
    # the same "N of M" where the total counts: a verb or a plural noun before, a noun after
    ("The court in Abuja freed 3 of 12 men held since May.", 12),
    ("Officers 3 of 12 were hurt in Dhaka.", 12),
    ("Ibarra hit 3 of 12 shots in the loss to Leon.", 12),
])
def test_a_total_after_a_count_is_still_a_figure(text: str, value: int) -> None:
    assert value in [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize("text", [
    # a capital "K" run into a number before a singular noun: a label or a distance
    "The Veltro box streams 4K video to 40 countries.",
    "Runners in Kisumu finished the 10K race as 40 others watched.",
    "Staff at Orrin Mills can join the 401K plan, and 40 did.",
])
def test_a_k_label_before_a_singular_noun_is_no_figure(text: str) -> None:
    assert [s.value for s in facts_of(text).statistics] == [40]


@pytest.mark.parametrize(("text", "written"), [
    # thousands: a plural noun, a currency sign
    ("The Dakar mine hired 300K workers last year.", "300K"),
    ("Ms Mbeki earned a $50K bonus in 2019.", "$50K"),
])
def test_thousands_written_with_a_k_are_still_figures(text: str, written: str) -> None:
    assert written in [s.text for s in facts_of(text).statistics]
