"""Coreference and quotations alone: genders, where a quotation is and who speaks it."""

from __future__ import annotations

from extracting import facts_of, labels
from kg.extract.coreference import gender_of, person_genders, quotation_it_speaks
from kg.extract.quotations import inside, quoted_speaker
from kg.model import Mention


def people(text: str, *names: str) -> list[Mention]:
    found = []
    for number, name in enumerate(names):
        start = text.index(name, found[-1].end if found and name == found[-1].text else 0)
        found.append(Mention(id=f"m{number}", text=name, start=start, end=start + len(name),
                             sentence=0, type="Person"))
    return found


def test_titles_nouns_and_given_names_tell_a_gender() -> None:
    text = "Mr Pell met the actress Lee Voss, Mark Odo, his wife Kim Odo and Sandra Quist."
    mentions = people(text, "Pell", "Lee Voss", "Mark Odo", "Kim Odo", "Sandra Quist")
    genders = person_genders(text, mentions)
    assert [gender_of(genders, m) for m in mentions] == ["male", "female", "male", "female", "female"]
    assert "odo" not in genders  # a surname borne by a man and a woman tells no gender
    assert genders["quist"] == "female"  # "Quist said" later is Sandra Quist


def test_a_given_name_alone_after_the_full_name_tells_a_gender_but_a_surname_does_not() -> None:
    text = "Kate Lunn trained with Mark Quist. Mark helped Lunn and Howard."
    mentions = people(text, "Kate Lunn", "Mark Quist", "Mark", "Lunn", "Howard")
    genders = person_genders(text, mentions)
    assert gender_of(genders, mentions[2]) == "male"  # "Mark" alone, Mark Quist's given name
    assert gender_of(genders, mentions[3]) == "female"  # "Lunn", Kate Lunn's surname
    assert gender_of(genders, mentions[4]) is None  # a given name, or someone's surname


def test_a_title_outweighs_a_given_name() -> None:
    text = "Ms Leslie Hart and Mrs Mark Rowe spoke."
    mentions = people(text, "Leslie Hart", "Mark Rowe")
    assert [gender_of(person_genders(text, mentions), m) for m in mentions] == ["female", "female"]


def test_the_speaker_of_a_quotation_is_named_after_it_before_it_or_where_it_goes_on() -> None:
    after = '"I will not meet him," Tom Pell said.'
    assert quoted_speaker(after, people(after, "Tom Pell"), after.index("him")) is not None
    colon = 'Tom Pell said: "I will not meet him."'
    assert quoted_speaker(colon, people(colon, "Tom Pell"), colon.index("him")) is not None
    going_on = '"It is no hoax," Tom Pell said. "I think so. "We are glad he was caught."'
    speaker = quoted_speaker(going_on, people(going_on, "Tom Pell"), going_on.index("he was"))
    assert speaker is not None and speaker.text == "Tom Pell"
    outside = 'Tom Pell met Ann Lee. "He was kind," she said.'
    assert quoted_speaker(outside, people(outside, "Tom Pell", "Ann Lee"), outside.index("He")) is None
    told = 'Tom Pell said he will go.'
    assert quoted_speaker(told, people(told, "Tom Pell"), told.index("he")) is None
    unnamed = '"We know he fled," he said.'  # "he said" is Tom Pell's, as the events tell
    pell = people('Tom Pell', "Tom Pell")[0]
    said = [(unnamed.index("he said"), pell)]
    assert quoted_speaker(unnamed, [], unnamed.index("he fled"), said) is pell


def test_a_place_is_inside_a_quotation_its_paragraph_opened():
    text = 'Ms Lee said: "We will stay here until the end.\nThe end is near," she said. "We stay."'
    assert inside(text, text.index("stay here"))
    # the paragraph goes on with a quotation the one before opened: its closing mark opens nothing
    assert not inside(text, text.index("she said"))
    assert inside(text, text.index("We stay"))
    assert not inside(text, text.index("Ms Lee"))
    assert inside('They call it a \u201cfair deal\u201d now', 20)
    assert not inside('They call it a \u201cfair deal\u201d now', 34)


def test_a_pronoun_after_a_quotation_speaks_it_and_is_none_of_the_people_it_names() -> None:
    text = 'Talks failed. "Berg lied to the police," he said.'
    start, end = quotation_it_speaks(text, text.index("he said"))
    assert text[start:end + 1] == '"Berg lied to the police,"'
    text = "Ms Oduya left. \u201cI never met Obi, nor will I,\u201d she told reporters."
    start, end = quotation_it_speaks(text, text.index("she told"))
    assert "Obi" in text[start:end] and "Oduya" not in text[start:end]
    # a quotation that went on from the paragraph before: from the start of its paragraph
    text = '"We lost.\nBut Santos (the coach) will stay," he added.'
    start, end = quotation_it_speaks(text, text.index("he added"))
    assert text[start:end] == "But Santos (the coach) will stay,"
    text = 'Berg said he lied. He left.'
    assert quotation_it_speaks(text, text.index("He left")) == (0, 0)  # no quotation before it


def test_the_speaker_of_a_quotation_is_not_the_person_it_names() -> None:
    facts = facts_of('Halvorsen told the court he was innocent. "Berg lied to the police," he said.')
    names = labels(facts)
    speakers = {names[ref] for event in facts.events if event.type == "Statement"
                for role, ref in event.roles if role == "agent"}
    assert "Berg" not in speakers
