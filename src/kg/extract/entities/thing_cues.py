"""Names of things the ontology has no class for: a vessel's or an aircraft's ("the yacht
Seabird"), a model's designation ("a Kestrel B-9 bomber"), a storm's ("Cyclone Freddy"), a law's
or a treaty's ("the Border Protection Bill"), one of a kind ("he received an OBE")."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.entities.state_cues import state_named
from kg.extract.organizations import classify_organization, has_a_body_head
from kg.extract.place_clues import listed_with
from kg.lexicon import lexicon


def names_a_thing(span: Any, gazetteer: Any) -> bool:
    """Whether a name is apposed to a noun for a thing ("the Seabird, a cargo ship"), itself or
    through the words it stands for ("XRD, which stands for Extended Range Defence, a rocket
    system"), or follows one as a name follows the noun for what it is ("the yacht Seabird",
    "Swedish maxi Seabird")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.tag_ in ("NN", "JJ") and \
            before.lemma_.lower() in gazetteer.thing_nouns:
        return True
    names = [span.root]
    for clause in span.root.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "stand":
            names += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
    for name in names:
        nouns = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "appos":
            nouns.append(name.head)
        if any(n.is_lower and n.lemma_.lower() in gazetteer.thing_nouns for n in nouns):
            return True
    return False


def a_models_designation(span: Any, gazetteer: Any) -> int | None:
    """How many words of a name ending in a model's designation, written before a noun for a
    thing, name the state that flies or sails it: "a Kestrel B-9 bomber" (0), "a US B-9 bomber"
    (1), "two FX-30 fighter jets" (0). A model of an aircraft, a ship or a weapon is no entity
    of the ontology, which spaCy's small model tags as an organisation; the state before it is
    still named. None when the name does not end in a designation (a word with a digit) before
    such a noun."""
    doc = span.doc
    if not any(c.isdigit() for c in span[-1].text) or not any(c.isalpha() for c in span.text):
        return None
    after = span.end
    while after < len(doc) - 1 and doc[after].is_lower and doc[after].dep_ == "compound":
        after += 1  # "FX-30 fighter jets": the noun the compound leads to says what it is
    if after >= len(doc) or not doc[after].is_lower or doc[after].pos_ != "NOUN" or \
            doc[after].lemma_.lower() not in gazetteer.thing_nouns:
        return None
    return next((size for size in (2, 1) if len(span) > size and
                 state_named(span[:size].text, gazetteer) is not None), 0)


def names_a_storm(span: Any) -> bool:
    """"Cyclone Freddy", "Tropical Cyclone Yasi": a name a storm word begins
    (``data/lexicon/storm-words.txt``), that no organisation's word ends ("Cyclone Relief
    Fund")."""
    words = lexicon().words("storm-words.txt")
    return len(span) > 1 and span[0].text[:1].isupper() and span[0].lower_ in words and \
        span[1].text[:1].isupper() and classify_organization(span.text) == "Organization" and \
        (span[0].lower_ != "tropical" or span[1].lower_ in words)


def counted_as_a_kind(span: Any) -> bool:
    """Whether a capitalised name takes "a" or "an" right before it as its own article: it
    names one of a kind (an honour, a class of site, a model), not the one body, place or
    person a name stands for: "he received an OBE", "logged trees in a World Heritage Area";
    not "a Qantas spokesman" (the article is the spokesman's) nor "a determined Ansett" (a
    word stands between: the one company, as it is at some time)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in ("a", "an") and before.dep_ == "det" and \
        before.head.i == span.root.i and span.root.i < span.end and span[0].text[:1].isupper()


def names_a_document(span: Any, gazetteer: Any) -> bool:
    """Whether a span is (part of) the name of a law or treaty: it ends in "Bill", "Act",
    "Protocol", ..., or a capitalised one follows it, or it is one after a capitalised word."""
    doc = span.doc
    heads = gazetteer.document_name_heads
    following = doc[span.end] if span.end < len(doc) else None
    preceding = doc[span.start - 1] if span.start > 0 else None
    return span[-1].text in heads and (len(span) > 1 or span[0].tag_ == "NNP") or \
        following is not None and following.text in heads or \
        len(span) == 1 and span[0].text in heads and preceding is not None and \
        preceding.text[:1].isupper() and preceding.is_alpha


def names_of_things(ents: list[Any], gazetteer: Any) -> frozenset[str]:
    """The names an article once writes as a thing's (:func:`names_a_thing`: "Swedish maxi
    Seabird", "the Seabird, a cargo ship"), tagged there or not, or lists with such a name
    ("yacht Seabird and Sea Dragon lost their masts"): the same name is the thing's wherever the
    article repeats it ("the skipper of Seabird"), though the sentence there says nothing of
    what it is. Not a name the gazetteer knows."""
    if not ents:
        return frozenset()
    doc = ents[0].doc
    texts = [token.text for token in doc]
    candidates = {tuple(t.text for t in ent) for ent in ents
                  if ent.label_ in ("ORG", "PERSON") and not ent.ent_id_}
    starts: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        starts.setdefault(text, []).append(index)
    things: set[tuple[str, ...]] = set()
    for words in candidates:
        size = len(words)
        for start in starts.get(words[0], []):
            if tuple(texts[start : start + size]) != words:
                continue
            use = doc[start : start + size]
            if names_a_thing(use, gazetteer):
                things.add(words)
                listed = {t.i for t in listed_with(use)} - set(range(use.start, use.end))
                things |= {tuple(t.text for t in ent) for ent in ents
                           if ent.label_ in ("ORG", "PERSON") and ent[-1].i in listed}
    return frozenset(" ".join(words) for words in things
                     if gazetteer.lookup(" ".join(words)) is None)


@cache
def _place_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns of a place (``area-nouns.txt``, ``place-part-nouns.txt``), and those with the nouns
    of its people or council (``place-dweller-nouns.txt``), joined once."""
    places = frozenset(lexicon().words("area-nouns.txt") | lexicon().words("place-part-nouns.txt"))
    return places, places | lexicon().words("place-dweller-nouns.txt")


def names_a_disease(span: Any, ctx: Any) -> bool:
    """Whether a name is a disease's or a virus's: the article writes it, somewhere, as the
    compound before a noun of an illness (``data/lexicon/illness-nouns.txt``: "the Ebola
    outbreak", "an Ebola patient", "the Zika virus"), and nowhere as a place or a body is
    written: after a preposition other than "of", "with", "for", "against", nor with "'s".
    Not "the Tarrow outbreak" in a story that also writes "in Tarrow": the town's; nor a name
    set beside a noun of a place ("Tarrow, a village in Ghana") or written before its people or
    council ("Tarrow residents", ``place-dweller-nouns.txt``)."""
    illness = lexicon().words("illness-nouns.txt")
    if not ctx.tokens_with("lower", illness):
        return False  # no noun of an illness in the article: no name before one
    doc = span.doc
    words = [t.text for t in span]
    prepositions = lexicon().words("illness-prepositions.txt")
    places, beside_places = _place_nouns()
    compound = False
    for start in ctx.positions_of(words[0]):
        if [t.text for t in doc[start : start + len(words)]] != words:
            continue
        last = doc[start + len(words) - 1]
        head = last.head
        if last.dep_ == "compound" and head.i > last.i and head.lower_ in illness:
            compound = True
            continue
        if last.dep_ == "compound" and head.i > last.i and head.lower_ in beside_places:
            return False  # "Tarrow residents", "the Tarrow suburb": a place's
        root = doc[start : start + len(words)].root
        if any(child.dep_ == "appos" and child.lower_ in places for child in root.children):
            return False  # "Tarrow, a village in Ghana": a place
        following = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if following is not None and following.text in ("'s", "’s"):
            return False  # "Tarrow's mayor": a place's or a body's
        if root.dep_ == "pobj" and root.head.lower_ not in prepositions and \
                root.head.dep_ != "agent":
            return False  # "in Tarrow", "at Tarrow": a place or a body (not "hit by Ebola")
        if root.dep_ == "nsubj" and root.head.lemma_.lower() == "say":
            return False  # "Veltrix said": a body speaks, no disease
    return compound


# Quotation marks that set a title apart: "the \u201cMarlow Barn Hour\u201d", the "Brindle Crunch".
_OPENING_QUOTES = {'"', "\u201c"}
_CLOSING_QUOTES = {'"', "\u201d"}

def quoted_titles(doc: Any) -> frozenset[tuple[int, int]]:
    """The names an article sets alone in quotation marks, as the token ranges inside the
    quotes: a show's, a film's, a dish's, a product's or an app's title ("fans of the
    \u201cMarlow Barn Hour\u201d", "a bowl of the \u201cBrindle Crunch\u201d", "produced \u201cToy
    Boat\u201d"), which news writes so and a body's name it does not. Only the quoted uses: the
    name written again without quotes keeps the model's reading. Not a nickname set inside a
    person's name ("Ana \u201cRook\u201d Silva": a name word on either side), nor a name a body
    noun or "calling itself" comes just before ("a group calling itself \u201cAnsar Tarrow\u201d",
    "a firm named \u201cVeltrix\u201d"), nor a name whose last word is a company's legal form or a
    body's head ("\u201cDurmont Capital\u201d", "\u201cKelmore Foods\u201d": company-legal-forms.tsv,
    organization-heads.tsv), nor one the article, without quotes, makes speak ("Kelmore said")
    or own "its" ("Kelmore later collapsed, and its founder ...")."""
    titles: set[tuple[int, int]] = set()
    for opening in doc:
        if opening.text not in _OPENING_QUOTES:
            continue
        end = next((t.i for t in doc[opening.i + 1 : opening.i + 9] if t.text in _CLOSING_QUOTES),
                   None)
        if end is None:
            continue
        inner = doc[opening.i + 1 : end]
        if len(inner) and inner[-1].is_punct:
            inner = inner[:-1]  # "the \u201cMarlow Barn Hour.\u201d"
        if not len(inner) or not all(t.text[:1].isupper() or t.is_lower and t.lower_ in ("of", "the")
                                     for t in inner if t.is_alpha) or not inner[0].text[:1].isupper():
            continue
        before = doc[opening.i - 1] if opening.i > 0 else None
        after = doc[end + 1] if end + 1 < len(doc) else None
        if before is not None and after is not None and before.is_alpha and after.is_alpha and \
                before.text[:1].isupper() and after.text[:1].isupper():
            continue  # Ana "Rook" Silva: a nickname inside a person's name
        lead = doc[max(0, opening.i - 4) : opening.i]
        if any(t.lower_ in _naming_verbs() or _a_body_noun(t) for t in lead):
            continue  # "a group calling itself \u201cAnsar Tarrow\u201d": a body's name
        if _ends_in_a_body_word(inner[-1].text) or _a_body_elsewhere(inner):
            continue  # "\u201cDurmont Capital\u201d", then "Durmont Capital said": a company
        titles.add((inner.start, inner.end))
    return frozenset(titles)


def _naming_verbs() -> frozenset[str]:
    """The lower-case words before a quoted name that make it a body's name
    (``data/lexicon/naming-verbs.txt``: "a group calling itself ...")."""
    return lexicon().words("naming-verbs.txt")


def _ends_in_a_body_word(word: str) -> bool:
    """Whether a name's last word is a company's legal form ("Inc", "Ltd":
    ``company-legal-forms.tsv``) or a body's head word ("Capital", "Foods", "Group":
    ``organization-heads.tsv``)."""
    return word.rstrip(".") in lexicon().classes("company-legal-forms.tsv") or \
        has_a_body_head(word)


def _a_body_elsewhere(inner: Any) -> bool:
    """Whether the article writes a quoted name again, without quotes, as a body is written: the
    subject of a verb of saying ("Kelmore said", ``events.yaml``'s Statement verbs) or the
    subject of a clause that goes on with "its" ("Kelmore later collapsed, and its founder")."""
    doc = inner.doc
    words = [t.text for t in inner]
    saying = set(lexicon().events.triggers.get("Statement", {}).get("verbs", ()))
    for token in doc:
        if token.text != words[0] or inner.start <= token.i < inner.end:
            continue
        if [t.text for t in doc[token.i : token.i + len(words)]] != words:
            continue
        root = doc[token.i : token.i + len(words)].root
        if root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if root.head.lemma_.lower() in saying:
            return True
        if any(t.lower_ == "its" for t in doc[root.i + 1 : root.sent.end]):
            return True
    return False


def _a_body_noun(token: Any) -> bool:
    """Whether a lower-case word is a noun for a body: "group", "company" (``body-words.txt``),
    "firm", "faction" (``descriptors.tsv``'s nouns of organisations)."""
    from kg.extract.context import PLACE_TYPES
    from kg.extract.organizations import descriptors

    kind = descriptors().get(token.lower_)
    return token.is_lower and (token.lower_ in lexicon().words("body-words.txt") or
                               kind is not None and kind not in PLACE_TYPES)
