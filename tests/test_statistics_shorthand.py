"""Numbers written in shorthand (a letter run into the digits) and ratings in stars, on
invented sentences: which are counts, at what scale, and which are no figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extracting import facts_of


def _values(text: str) -> list[Decimal]:
    return [s.value for s in facts_of(text).statistics]


@pytest.mark.parametrize(("text", "value"), [
    # a letter run into a count of a plural noun scales it (wire copy, a tech blog, a tabloid)
    ("The Dakar mine hired 300K workers last year.", 300_000),
    ("Pixaro says its app now has 300m users across Asia.", 300_000_000),
    ("Quillon Foods now sells to 3M customers in Brazil.", 3_000_000),
    ("Fans snapped up 40k tickets for the Lagos final in an hour.", 40_000),
    ("Voxa Motors recalled 1.2m cars in Chile.", 1_200_000),
])
def test_a_letter_run_into_a_count_of_a_plural_noun_scales_it(text: str, value: int) -> None:
    assert Decimal(value) in _values(text)


@pytest.mark.parametrize(("text", "value"), [
    # money keeps its own reading of the letter
    ("Quillon Foods will pay $5M for the Recife plant.", 5_000_000),
    ("The club paid £40m for the striker.", 40_000_000),
])
def test_money_written_with_a_letter_keeps_its_value(text: str, value: int) -> None:
    assert Decimal(value) in _values(text)


@pytest.mark.parametrize("text", [
    # hostile: the same letters naming or measuring something, counting nothing
    "Adaeze Obi won a 400m race in Oslo as 40 others watched.",
    "Adaeze Obi won the 400m in Oslo, and 40 others ran.",
    "The 3M company said 40 staff would move to Lyon.",
    "Shares of 3M fell after 40 staff left.",
    "Kenji Sato ran the 10k in Osaka, and 40 others joined him.",
])
def test_a_letter_run_into_a_number_before_no_plural_noun_is_no_figure(text: str) -> None:
    assert _values(text) == [40]


@pytest.mark.parametrize("text", [
    # hostile: a distance, a size or a brand before a plural noun that is no thing counted in
    # thousands (a sports desk, a council notice, a health story)
    "Adaeze Obi took the women's 400m hurdles in Accra as 40 others watched.",
    "Kenji Sato reached the 1500m finals in Osaka, and 40 others went home.",
    "Lena Brandt swam in the 100m heats, and 40 others did too.",
    "The Accra club's 200m sprinters beat 40 rivals.",
    "Ugandan athletes won both 10K races, and 40 others entered.",
    "The town cancelled its 5k runs after 40 complaints.",
    "The shire plans 2m fences around 40 farms.",
    "The clinic used up its 3M respirators, and 40 nurses went without.",
])
def test_a_letter_run_into_a_number_before_a_race_or_a_measure_is_no_figure(text: str) -> None:
    assert _values(text) == [40]


@pytest.mark.parametrize("text", [
    # ratings: a critic's column, a travel guide, a consumer site
    "Critics at the Harbour Ledger gave the film 4.5 stars, and 40 cinemas will show it.",
    "The guide awarded the Kandy lodge three stars after 40 guests wrote in.",
    "Shoppers rated the Voxa kettle a 3-star buy, and 40 stores stock it.",
])
def test_a_rating_in_stars_is_no_figure(text: str) -> None:
    assert _values(text) == [40]


@pytest.mark.parametrize(("text", "value"), [
    # hostile: stars that are people, or more than a rating gives
    ("The 3 stars of the Lagos drama and 40 extras attended.", 3),
    ("About 20 stars attended the gala in Mumbai.", 20),
])
def test_stars_that_are_people_are_still_counted(text: str, value: int) -> None:
    assert Decimal(value) in _values(text)
