"""Given names of many countries (``given-names-world.txt``): a name of two words the model
tagged a body's that begins with one is a person's, unless the sentence writes it as a body's
or a place's; each case on invented sentences of several shapes."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.extract.entities.given_names import begins_with_a_given_name
from kg.gazetteer import default_gazetteer
from kg.nlp import parse


def _tagged(text: str, name: str, label: str = "ORG") -> Span:
    """The span of a name in a parsed sentence, given the model's label ``label``."""
    doc = parse(text)
    start = next(t.i for t in doc if doc[t.i : t.i + len(name.split())].text == name)
    span = Span(doc, start, start + len(name.split()), label=label)
    doc.ents = [span]
    return doc[span.start : span.end]


@pytest.mark.parametrize(("text", "name"), [
    ("Neighbours say Hayden Marlowe mended the fence before the storm.", "Hayden Marlowe"),
    ("Leaked files show Ingeborg Tarrant accepted the payments in college.", "Ingeborg Tarrant"),
    ("The relay was won by a team anchored by Tadeusz Brennan.", "Tadeusz Brennan"),
])
def test_a_name_beginning_with_a_given_name_of_another_country_is_a_persons(
        text: str, name: str) -> None:
    assert begins_with_a_given_name(_tagged(text, name), default_gazetteer())


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Kessler Jaffray analyst Dana Okafor cut her forecast.", "Kessler Jaffray", "ORG"),
    ("Police guarded the Tadeusz Heights reactor on Friday.", "Tadeusz Heights", "ORG"),
    ("Hayden Marlowe shares fell 3 percent on Monday.", "Hayden Marlowe", "ORG"),
    ("Hundreds gathered at Ingeborg Moor for the ceremony.", "Ingeborg Moor", "ORG"),
    ("Bombers struck Tadeusz Bora again on Sunday.", "Tadeusz Bora", "GPE"),
])
def test_a_name_written_as_a_bodys_or_a_places_is_no_persons(
        text: str, name: str, label: str) -> None:
    assert not begins_with_a_given_name(_tagged(text, name, label), default_gazetteer())


@pytest.mark.parametrize(("text", "name"), [
    ("Mercedes Benz said profits fell in the spring.", "Mercedes Benz"),
    ("Kimberly Clark said profits fell after a costly quarter.", "Kimberly Clark"),
    ("Ralph Lauren said profits fell as shoppers stayed home.", "Ralph Lauren"),
    ("Aston Villa said profits fell despite a cup run.", "Aston Villa"),
])
def test_a_brand_beginning_with_a_given_name_is_no_persons(text: str, name: str) -> None:
    """The first word of a known body's or a listed company's name, hyphens read as spaces
    ("Mercedes-Benz", "Kimberly-Clark"), is left out of the world's given names."""
    assert not begins_with_a_given_name(_tagged(text, name), default_gazetteer())
