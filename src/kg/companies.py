"""Know listed companies by name: the stock-index constituents the installed ``pytickersymbols``
package ships, with their legal forms cut by ``cleanco`` ("Comcast Corporation" → "Comcast").

Nothing is downloaded: the names come from the package's own data module. A name is read as
the company only where it is written as a name (each word as the list writes it) and the text
makes it no person: no honorific or title before it, no part of a longer person's name in the
story. A name that is also a common English word (the model's own WordNet word index: "Apple",
"Target", "Gap", "Visa", "Delta", "Amazon"), a given name ("Morgan Stanley") or that the
gazetteer knows (a place or a known body), or a common surname
(``data/lexicon/company-names-needing-cue.txt``), needs a cue that it is the company
(``data/lexicon/company-cue-words.txt``, ``company-legal-forms.tsv``).

The same care for the companies the gazetteer knows: a name that is part of a longer person's
name of the story is the person (``a_persons_name``), and an airline's short name that is also
a place or a word ("Delta", "United") is the airline only where the parse ties it to flying
(``airline_by_short_name``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.lexicon import lexicon
from kg.nlp import english_words

# Fewer letters than this is an abbreviation too many things share ("BP", "BD", "BT", "3i").
_SHORTEST_NAME = 3
_POSSESSIVES = ("'s", "\u2019s")
_HANGING_PREPOSITIONS = ("of", "in", "at")


@cache
def listed_companies() -> dict[str, str]:
    """Every written form of a listed company (its listed name and that name without its legal
    form or a note in brackets) → the listed name."""
    from cleanco import basename
    from pytickersymbols import PyTickerSymbols

    forms: dict[str, str] = {}
    for stock in PyTickerSymbols().get_all_stocks():
        name = str(stock.get("name") or "").replace("\u2019", "'").strip()
        if not name:
            continue
        bare = re.sub(r"\s*\([^)]*\)?\s*$", "", name).strip()  # "Buckle (clothing retailer)"
        for form in {name, bare, basename(bare).strip(" ,&")}:
            if len(form) >= _SHORTEST_NAME and (form[:1].isupper() or form[:1].isdigit()):
                forms.setdefault(form, name)
    return forms


def needs_a_cue(form: str, gazetteer: Any) -> bool:
    """Whether a listed name is also something else a reader could take it for: a common
    English word ("Target", "Best Buy" is not one), a given name first ("Morgan Stanley") or a
    name the gazetteer knows."""
    words = form.split()
    return (form in lexicon().words("company-names-needing-cue.txt") or
            "_".join(words).lower() in english_words() or
            words[0] in lexicon().words("given-names.txt") or
            gazetteer.lookup(form) is not None)


def has_a_company_cue(span: Any) -> bool:
    """Whether the words around a name say it is the company: a legal form or a cue word right
    after it (past "'s": "Apple Inc.", "Target shares", "Apple's chief executive"), or the noun
    it hangs on by "of", "in" or "at" ("shares of Target", "a stake in Gap")."""
    doc = span.doc
    cues = lexicon().words("company-cue-words.txt")
    legal = lexicon().classes("company-legal-forms.tsv")
    index = span.end
    if index < len(doc) and doc[index].text in _POSSESSIVES:
        index += 1
    if index < len(doc) and (doc[index].lower_ in cues or doc[index].text.rstrip(".") in legal):
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _HANGING_PREPOSITIONS:
        return root.head.head.lower_ in cues
    return False


def listed_company(span: Any, label: str, ctx: Any) -> str | None:
    """The listed name of the company a span the model tagged as a name stands for ("Comcast
    said", "Nielsen data", "Apple Inc."), or None: not a listed company's name as written, a
    person's (after "Mr" or a title, or part of a longer person's name in the story), or a
    name that is also a word, a given name or a known place, without a cue."""
    text = span.text.replace("\u2019", "'")
    name = listed_companies().get(text)
    if name is None or label not in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT", "LOC", "FAC"):
        return None
    doc = span.doc
    gazetteer = ctx.gazetteer
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text in gazetteer.honorifics or
                               before.lower_ in gazetteer.titles and before.is_title):
        return None  # "Mr Ford", "Senator Baker"
    if any(token.text == span[0].text and token.i > 0 and
           doc[token.i - 1].text in gazetteer.honorifics for token in doc):
        return None  # "Honeywell said" after "Mr Honeywell": the same person
    if ctx.part_of_longer_name(span):
        return None  # "Ford" after "Harrison Ford"
    if needs_a_cue(text, gazetteer) and not has_a_company_cue(span):
        return None  # "Apple" the fruit, "Amazon" the river, "Target" as a noun
    return name


def a_persons_name(span: Any, known: Any, ctx: Any) -> bool:
    """Whether a name the gazetteer knows as a company's is a person's of the story (rule
    ``company-name-of-a-person``): the name is part of a longer person's name the story
    gives ("the coach Morten Nielsen ... Nielsen said", "Michael Dell ... Dell told the
    meeting"), as a listed company's is (``listed_company``)."""
    return getattr(known, "type", None) == "Company" and ctx.part_of_longer_name(span)


def airline_by_short_name(span: Any) -> str | None:
    """The gazetteer key of the airline a short name stands for where the parse ties it to
    flying (rule ``airline-by-short-name``, ``data/lexicon/airline-short-names.tsv``): the
    subject of a verb whose object is a noun of flying ("Delta cancelled 300 flights"), or a
    proper noun compounded with or owning one ("a United jet", "Southwest's pilots"); None
    elsewhere ("the Delta region", "United fans", "American pilots")."""
    if len(span) != 1:
        return None
    token = span[0]
    key = lexicon().classes("airline-short-names.tsv").get(token.text)
    if key is None or token.pos_ != "PROPN":
        return None
    nouns = lexicon().words("airline-cue-nouns.txt")
    if token.dep_ in ("compound", "poss") and token.head.lower_ in nouns:
        return key
    if token.dep_ == "nsubj" and any(child.dep_ == "dobj" and child.lower_ in nouns
                                     for child in token.head.children):
        return key
    return None

