"""The named holder of an unnamed office (kg.extract.holders): one helper for the speakers of
events and the nationality of described officials."""

from __future__ import annotations

from extracting import facts_of, relations
from kg.extract.context import Context
from kg.extract.entities import find_mentions
from kg.extract.holders import office_holders
from kg.gazetteer import default_gazetteer
from kg.model import Article
from kg.nlp import parse


def context_of(text: str) -> Context:
    ctx = Context(Article(id="t", text=text), parse(text), default_gazetteer())
    find_mentions(ctx)
    return ctx


def test_the_one_person_written_with_the_title_holds_the_office() -> None:
    ctx = context_of("Chile's ambassador spoke on Friday. The remarks by Ambassador Rosa Quiroga "
                     "surprised officials in Lima.")
    assert [m.text for m in office_holders(ctx, "ambassador")] == ["Rosa Quiroga"]


def test_a_full_name_and_its_surname_are_one_holder() -> None:
    ctx = context_of("The remarks by Ambassador Rosa Quiroga surprised officials in Lima. "
                     "Ambassador Quiroga left the city on Sunday.")
    assert [m.text for m in office_holders(ctx, "ambassador")] == ["Rosa Quiroga", "Quiroga"]


def test_two_people_with_the_title_hold_it_for_no_one() -> None:
    ctx = context_of("Ambassador Rosa Quiroga met Ambassador Jan Berg in Lima on Friday.")
    assert office_holders(ctx, "ambassador") == []


def test_given_titles_are_read_near_the_sentence_only() -> None:
    ctx = context_of("Peter Lund spoke first. The talks went on. The rain fell. The talks ended. "
                     "Jan Vogt spoke last.")
    ana, marta = [m for m in ctx.mentions if m.type == "Person"]
    titled = [(ana, "ambassador"), (marta, "ambassador"), (marta, "mayor")]
    assert office_holders(ctx, "ambassador", titled=titled) == []  # two people, anywhere
    assert office_holders(ctx, "ambassador", titled=titled, sentence=2) == [marta]
    assert office_holders(ctx, "ambassador", titled=titled, sentence=0, reach=3) == [ana]
    assert office_holders(ctx, "mayor", titled=titled, sentence=0) == []  # too far on


def test_a_described_official_named_twice_takes_the_state() -> None:
    facts = facts_of("Trade will double, Fiji's ambassador said on Monday. The statement by "
                     "Ambassador Jone Roko came after talks. Ambassador Roko left on Tuesday.")
    assert ("Jone Roko", "nationality", "Fiji") in relations(facts)


def test_a_verb_between_the_title_and_a_name_titles_no_one() -> None:
    from kg.extract.holders import title_before_name

    assert title_before_name("ambassador").search("the statement by Ambassador ")
    assert title_before_name("premier").search("the Premier, Dr ")
    assert not title_before_name("ambassador").search("The ambassador thanked ")
