"""Which state a name's words name: a state's adjective or name, one that opens a body's name
("the Pakistani police"), a state's department ("Health Canada")."""

from __future__ import annotations

from typing import Any

from kg.extract.place_clues import place_named
from kg.gazetteer import KnownOrganization, Place


def state_named(text: str, gazetteer: Any) -> Place | None:
    """The state (a country or a first-level region) that words name by its adjective or its
    name ("Pakistani", "United States", "Queensland"); None for anything else."""
    place = gazetteer.demonym(text) or gazetteer.lookup(text)
    return place if isinstance(place, Place) and place.type in ("Country", "AdministrativeRegion") \
        else None


def leading_state(words: list[str], gazetteer: Any) -> Place | None:
    """The state whose adjective or name the first one or two words of a body's name are, with
    words left after them ("the Pakistani police", "United States Army"); None when no state
    opens the name. The one test of whose a body is by its name, for extraction and resolution."""
    return next((state for size in (1, 2) if len(words) > size
                 for state in [state_named(" ".join(words[:size]), gazetteer)] if state), None)


def department_of_a_state(span: Any, gazetteer: Any) -> bool:
    """"Health Canada", "Statistics New Zealand", "Queensland Health": a portfolio's word and a
    state's or a region's name make the name of that government's department."""
    for size in (1, 2):
        if len(span) <= size:
            break
        for portfolio, place in ((span[:size], span[size:]), (span[-size:], span[:-size])):
            if not all(t.text in gazetteer.portfolio_names or t.lower_ == "and"
                       for t in portfolio) or portfolio[0].lower_ == "and":
                continue
            known = place_named(place.text, gazetteer)
            if isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion"):
                return True
    return False


def body_after_its_own_states_adjective(span: Any, gazetteer: Any) -> KnownOrganization | None:
    """The rule "a body after its own state's adjective" (confidence 0.9): "the Lebanese
    Hezbollah", "the Palestinian Fatah", a name the gazetteer does not know made of a state's
    adjective and a body it knows as that state's, is that body (the adjective says whose it is,
    as the gazetteer does). Not "the Pakistani Taliban", a body the gazetteer knows as another
    state's (Afghanistan's): a namesake of that state, no alias of the known one."""
    if len(span) < 2:
        return None
    state = gazetteer.demonym(span[0].text)
    body = gazetteer.lookup(span[1:].text)
    if state is None or not isinstance(body, KnownOrganization) or body.country != state.key:
        return None
    return body
