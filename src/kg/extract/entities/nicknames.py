"""People named with a nickname in quotes inside the name: "Park “Rook” Ji-hoon", the way
esports and sports writing gives a player's handle between the family and the given name, and
"Earl “Spider” Dawkins" in Western copy.

The rule "a quoted nickname inside a name" (confidence 0.9): one capitalised word, a single
capitalised word in quotes with no space inside the quotes, and one capitalised given name
(hyphened or not) are one person. The entity is labelled with the name alone ("Park
Ji-hoon"); the form with the nickname and the nickname are its aliases, and the nickname said
alone elsewhere in the article ("Rook's late charge") is the same person. It is a person's name
only where the model tags a word of it a person's, its first word is a given name ("Earl"),
or its given name is hyphened in syllables as Korean and Chinese names are romanised
("Ji-hoon", "Xiao-Long"); a quoted word between capitalised words of another kind ("the Labor
“Left” Caucus", "the Cheap “Eats” Guide") is no name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.extract.context import Context
from kg.extract.entities.acronyms import DEFINES
from kg.lexicon import lexicon

RULE = "a quoted nickname inside a name"
CONFIDENCE = 0.9

_OPEN = frozenset({'"', "\u201c", "``"})
_CLOSE = frozenset({'"', "\u201d", "''"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_SYLLABLE = 6  # the longest part of a romanised given name ("Min-hyeong")
_NO_NAME = frozenset({"ADV", "VERB", "AUX", "ADP", "PART"})  # word classes no name part is in


def find_nicknamed_people(ctx: Context) -> None:
    """Each name with a quoted nickname inside it one person's mention, labelled without the
    nickname; the nickname's other mentions that person's (see the module's docstring)."""
    doc = ctx.doc
    for quote in [t for t in doc if t.text in _OPEN]:
        found = _nicknamed_name(doc, quote)
        if found is None:
            continue
        family, nickname, end = found
        span = doc[family.i : end]
        names = [ctx.mention_at(t) for t in span]
        ctx.drop_mentions({m.id for m in names if m is not None})
        given = doc[nickname.i + 2 : end].text
        alias = (("alias", span.text), ("alias", nickname.text))
        mention = ctx.add_mention(span, "Person", attributes=alias)
        person = replace(mention, text=f"{family.text} {given}")
        ctx.mentions[ctx.mentions.index(mention)] = person
        _name_the_nickname_elsewhere(ctx, nickname, person)


def _nicknamed_name(doc: Any, quote: Any) -> tuple[Any, Any, int] | None:
    """The family name, the nickname and the end of a name "Family “Nick” Given" whose open
    quote this is, or None."""
    i = quote.i
    if i < 1 or i + 3 >= len(doc):
        return None
    family, nickname, close, given = doc[i - 1], doc[i + 1], doc[i + 2], doc[i + 3]
    if close.text not in _CLOSE or quote.whitespace_ or nickname.whitespace_ or \
            not close.whitespace_ or family.whitespace_ != " ":
        return None
    if not (family.is_alpha and family.is_title and len(family) >= 2) or \
            not (nickname.text.isalnum() and nickname.text[0].isupper()) or \
            not (given.is_alpha and given.is_title):
        return None
    if i >= 2 and doc[i - 2].is_alpha and doc[i - 2].is_title and doc[i - 2].pos_ == "PROPN":
        return None  # "New York “Big” Apple": the name runs on before the quoted word
    end = i + 4
    hyphened = end + 1 < len(doc) and doc[end].text == "-" and not given.whitespace_ and \
        not doc[end].whitespace_ and doc[end + 1].is_alpha
    if hyphened:
        end += 2
    if end < len(doc) and doc[end - 1].whitespace_ and doc[end].is_alpha and doc[end].is_title \
            and doc[end].pos_ == "PROPN":
        return None  # "Ann “Ace” Lee Walsh Trust": a longer name than family and given
    if nickname.pos_ in _NO_NAME or given.pos_ in _NO_NAME:
        return None  # 'Morrison “Lied” Again', 'Dawkins “Always” Delivers': scare quotes
    if any(t.ent_type_ == "PERSON" for t in doc[i + 3 : end]) or family.text in \
            lexicon().words("given-names.txt") or hyphened and _romanised(doc[i + 3 : end]):
        return family, nickname, end  # the word after the quotes is a name of its own
    return None


def _romanised(given: Any) -> bool:
    """"Ji-hoon", "Xiao-Long": two short syllables joined by a hyphen, no English word."""
    from kg.nlp import english_words

    first, last = given[0].text, given[-1].text
    return len(first) <= _SYLLABLE and len(last) <= _SYLLABLE and \
        given.text.lower() not in english_words() and f"{first}{last}".lower() not in english_words()


def _name_the_nickname_elsewhere(ctx: Context, nickname: Any, person: Any) -> None:
    """The nickname in its quotes, and said alone anywhere in the article ("Rook's charge",
    "Rook" in a headline), the person's: a mention that kg.resolve joins to the full name."""
    doc = ctx.doc
    attributes = ((DEFINES, person.id),)
    for index in ctx.positions_of(nickname.text):
        token = doc[index]
        if person.start <= token.idx < person.end:
            continue
        current = ctx.mention_at(token)
        if current is not None:
            if current.type == "Person" and current.kind == "name" and \
                    dict(current.attributes).get(DEFINES) == person.id:
                continue
            first, last = ctx.first_token(current), ctx.last_token(current)
            runs_on = last.i > token.i and not (last.i == token.i + 1 and last.text in _POSSESSIVE)
            if first.i != token.i or runs_on and doc[token.i + 1].text not in _POSSESSIVE:
                continue  # a longer name that holds the word ("Rook Street")
            ctx.drop_mentions({current.id})
        ctx.add_mention([token], "Person", attributes=attributes)
