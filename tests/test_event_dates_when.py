"""An event told in a "when" clause happened on the date of the clause it hangs on (rule
event-time-when-clause, events/timing.py). Sentences are invented for these tests, not taken
from any gold article."""

from __future__ import annotations

from datetime import date

import pytest

from extracting import facts_of


def dates_of(text: str, event_type: str) -> set[str | None]:
    """The date values of a text's events of one type, published on 14 March 2025."""
    return {e.time.value if e.time else None for e in facts_of(text, published=date(2025, 3, 14)).events
            if e.type == event_type}


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a copula's complement carries the date
    ("The referee was the target of complaints in 2004 when the Harbour Gazette reported that the "
     "league had fined her.", "Report", "2004"),
    # the verb's own date, a span of the past
    ("Last year the weekly drew angry letters when it published the referees' salaries.",
     "Publication", "2024"),
    # a date the "when" clause qualifies
    ("In 2011, when the Daily Star reported that the mine was unsafe, Omar Diallo resigned.",
     "Report", "2011"),
    ("Protesters clashed with police in Accra on Saturday when officers arrested two students.",
     "Arrest", "2025-03-08"),
])
def test_an_event_in_a_when_clause_takes_the_clauses_date(text: str, event_type: str,
                                                          expected: str) -> None:
    assert dates_of(text, event_type) == {expected}


@pytest.mark.parametrize(("text", "event_type"), [
    # hostile: the date of the words that report, not of what they report
    ("Police said on Monday the cyclist died when her bicycle skidded on ice.", "Death"),
    # a date in the subject describes the subject
    ("The 2009 champion Sara Lind was injured when gunmen attacked her bus.", "Attack"),
    # a clause still to come dates nothing
    ("Acme will close the plant in May when the workers go on strike.", "Protest"),
])
def test_other_dates_beside_a_when_clause_do_not_date_it(text: str, event_type: str) -> None:
    assert dates_of(text, event_type) <= {None}
