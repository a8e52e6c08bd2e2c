"""A name set alone in quotation marks is a title (a show's, a dish's, an app's, a username),
not a body's (kg.extract.entities.thing_cues.quoted_titles); on invented sentences of several
shapes, and on quoted names a body noun comes before, which stay bodies."""

from __future__ import annotations

import pytest

from extracting import facts_of
from kg.model import Facts


def labels(facts: Facts) -> set[str]:
    """The labels of the named entities."""
    return {entity.label for entity in facts.entities if not entity.local}


@pytest.mark.parametrize(("text", "title"), [
    ('Ratings for "Marlow Barn Hour" fell after Sunday\'s episode, and critics panned the host.',
     "Marlow Barn Hour"),
    ('Her gaming handle, "NightOwl," was banned for a week after the tournament.', "NightOwl"),
    ('The app, called "SnapCast," lets users share clips with their friends.', "SnapCast"),
])
def test_a_quoted_name_is_a_title_not_a_body(text: str, title: str) -> None:
    found = labels(facts_of(text))
    assert title not in found, found


@pytest.mark.parametrize(("text", "body"), [
    ('Workers at a firm named "Brightline Analytics" were told on Monday that Brightline '
     "Analytics would close.", "Brightline Analytics"),
    ('Shares in the company known as "Veltrix Capital" fell 5 percent on Monday.',
     "Veltrix Capital"),
    # unquoted, the same kind of name stays the model's body
    ("Listeners in Dayton tune in to Corvex Radio, which broadcasts from a studio downtown.",
     "Corvex Radio"),
])
def test_a_quoted_name_after_a_body_noun_stays_a_body(text: str, body: str) -> None:
    found = labels(facts_of(text))
    assert body in found, found


@pytest.mark.parametrize(("text", "body"), [
    # the quoted name ends in a company's head word; written again, it owns "its"
    ('He joined "Durmont Capital" in 2004. Durmont Capital later collapsed, and its founder was '
     "charged.", "Durmont Capital"),
    # the quoted name ends in a company's head word; written again, it speaks
    ('Drivers at "Harlow Foods" stopped work on Monday. Harlow Foods said talks would go on.',
     "Harlow Foods"),
])
def test_a_quoted_company_stays_a_body(text: str, body: str) -> None:
    found = labels(facts_of(text))
    assert body in found, found


def test_only_the_quoted_uses_of_a_title_are_dropped() -> None:
    found = labels(facts_of('The app, called "SnapCast," lets users share clips, and SnapCast has '
                            "10 million users."))
    assert "SnapCast" in found, found
