"""Names the model left untagged: typed from their surroundings, or as a name the article gave
before."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.entities.body_cues import company_head_after, has_no_body_word
from kg.extract.entities.compass import find_compass_states
from kg.extract.entities.given_names import begins_with_a_given_name
from kg.extract.entities.no_entity_cues import unnamed_government
from kg.extract.entities.person_cues import ends_with_a_named_surname
from kg.extract.entities.spans import NAME_LABELS
from kg.extract.entities.thing_cues import names_a_document
from kg.extract.entities.whole_names import a_bare_institution_noun
from kg.extract.names import (
    only_title_words,
)
from kg.extract.organizations import (
    body_descriptors,
    classify_organization,
    descriptor_type,
    descriptors,
    find_outlets_told,
    outlet_by_its_phrase,
)
from kg.extract.place_clues import owned_by_a_place, said_to_be_place, untagged_place
from kg.extract.place_words import place_name_words
from kg.gazetteer import Place
from kg.lexicon import lexicon
from kg.model import Mention

# A broadcaster's or a station's name of letters and digits: "TVN24", "N1", "France24".
_CALL_SIGN = re.compile(r"^[A-Z][A-Za-z]*\d+[A-Za-z]*$")


def _with_first_conjunct(span: Any) -> Any:
    """"Aboriginal and Torres Strait Islander Commission": a body's name that begins with a
    capitalised word and "and" before the part the parser took for a name."""
    doc = span.doc
    start = span.start
    if start >= 2 and doc[start - 1].lower_ == "and" and doc[start - 2].is_title and \
            not doc[start - 2].ent_type_ and (start == 2 or not doc[start - 3].is_title):
        return doc[start - 2 : span.end]
    return span


def find_untagged_names(ctx: Context) -> None:
    """Names the model left untagged whose own surroundings say what they are: "the river
    Elbe" (a place), "Batasuna, a political party" (an organisation); a person the model saw in
    the same name elsewhere takes that type too; "the North" after "North Korea" stands for
    that state (``compass``)."""
    doc = ctx.doc

    def untagged(token: Any) -> bool:  # "the river Tarrow" may even be tagged a date
        return token.pos_ == "PROPN" and (token.is_alpha or bool(_CALL_SIGN.match(token.text))) and \
            token.text[:1].isupper() and token.ent_type_ not in NAME_LABELS and \
            ctx.mention_at(token) is None

    surnames = _surnames(ctx)
    index = 0
    while index < len(doc):
        if not untagged(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and untagged(doc[end]):
            end += 1
        span = doc[index:end]
        index = end
        place = untagged_place(span, ctx.gazetteer)
        if place is not None:
            ctx.add_mention(place[0], place[1].type, key=place[1].key)
            continue
        if only_title_words(span, ctx.gazetteer) or span.text in ctx.gazetteer.honorifics or \
                names_a_document(span, ctx.gazetteer) or \
                span[-1].text in ctx.gazetteer.event_name_heads:
            continue
        if len(span) > 1 and span[0].text in ctx.gazetteer.honorifics:
            name = span[1:]  # "Mr Lording said", the model tagging neither word: a person
            if all(t.is_alpha and t.is_title for t in name) and \
                    not only_title_words(name, ctx.gazetteer) and \
                    has_no_body_word(name.text):  # not "the Sir John Monash Foundation"
                ctx.add_mention(name, "Person")
            continue
        if begins_with_a_given_name(span, ctx.gazetteer):
            start = span.start  # "tailender Shane Bond", the model tagging nothing: a person;
            if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and \
                    not doc[start - 1].whitespace_ and doc[start - 2].is_alpha and \
                    doc[start - 2].is_title and ctx.mention_at(doc[start - 2]) is None:
                start -= 2  # with the first part of a hyphened given name: "Jan-Michael Gambill"
            ctx.add_mention(doc[start : span.end], "Person")
            continue
        if ends_with_a_named_surname(span, surnames, ctx.gazetteer):
            ctx.add_mention(span, "Person")  # "Tomas Ruiz Castell", after "Diego Castell": kin
            continue
        if _completes_a_takeover(span, ctx):
            ctx.add_mention(span, classify_organization(span.text))  # "Vodafone completed the
            continue  # acquisition of Three": a body buys another
        body = _body_before_a_company_head(span, ctx)
        if body is not None:
            known = ctx.gazetteer.lookup(body.text)
            ctx.add_mention(body, classify_organization(body.text) if known is None else known.type,
                            key=None if known is None else known.key)
            continue
        type_ = said_to_be_place(span, ctx.gazetteer)
        if type_ is None and len(span) > 1 and span[-1].text in place_name_words("way-last"):
            type_ = "Place"  # "closed from Appin Road to ...": a road the model left untagged
        if type_ is None:
            apposed = [c for t in span for c in t.children
                       if c.dep_ == "appos" and c.is_lower and c.lower_ in body_descriptors()]
            type_ = descriptors()[apposed[0].lower_] if apposed else None
        outlet = span.root.head if span.root.dep_ == "appos" else None
        if type_ is None and outlet is not None and outlet.is_lower and \
                outlet.lower_ in descriptors() and descriptor_type(outlet) == "NewsOrganization":
            type_ = "NewsOrganization"  # "local broadcaster TVN24", "the news agency ANA"
        if type_ is None and outlet_by_its_phrase(span):
            type_ = "NewsOrganization"  # "told local broadcaster RTP", "told The Grayzone that"
        office = span.end < len(doc) and doc[span.end].is_lower and \
            doc[span.end].lower_ in ctx.gazetteer.titles and \
            not a_bare_institution_noun(span)  # "X Commission chairman Y", not "Ministry spokesman Y"
        if type_ is None and (span.start > 0 and doc[span.start - 1].lower_ == "the" or
                              owned_by_a_place(span, ctx) or office) and \
                not any(t.ent_type_ for t in span) and \
                classify_organization(span.text) != "Organization" and \
                not unnamed_government(span):
            type_ = classify_organization(span.text)  # "the Police Ombudsman": a body's head word
            span = _with_first_conjunct(span)
        if type_ is None:
            continue
        ctx.add_mention(span, type_)
        for position, other in enumerate(ctx.mentions):
            if other.kind == "name" and not other.key and other.text == span.text and \
                    other.type == "Person":
                ctx.mentions[position] = replace(other, type=type_)
    find_compass_states(ctx)
    find_outlets_told(ctx)


def _surnames(ctx: Context) -> set[str]:
    """The surnames of the people the model tagged by their full names, as the text writes
    them, where the name is surely a person's: it begins with a common given name
    (``given-names.txt``: "Omar Castell"), or the model tagged its last word alone as a
    person's too ("Castell said"); not the last word of a team or a company the model took for
    a person ("Weibo Gaming")."""
    people = [m.text.split() for m in ctx.mentions if m.type == "Person" and m.kind == "name"]
    alone = {words[0] for words in people if len(words) == 1}
    given = lexicon().words("given-names.txt")
    return {words[-1] for words in people if len(words) > 1 and
            all(word.isalpha() and word.istitle() for word in words) and
            (words[0] in given or words[-1] in alone)}


def _completes_a_takeover(span: Any, ctx: Context) -> bool:
    """Whether capitalised words the model left untagged are the subject of a verb whose
    object is a takeover of something ("Vodafone completed the acquisition of Three", "Kering
    announced its takeover of the fashion house", "Zenco agreed a merger with Globex"): a
    company. Not where the takeover is his or hers ("Musk completed his takeover of the
    site"), nor a name that is part of a person's named in the article, a given name, a title's
    or a place's."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB" or \
            not all(t.is_alpha and t.is_title for t in span):
        return False
    nouns = lexicon().events.triggers["Acquisition"]["nouns"]
    takeovers = [c for c in root.head.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns
                 and any(p.dep_ == "prep" and p.lower_ in ("of", "with") for p in c.children)]
    return bool(takeovers) and not any(
        c.dep_ == "poss" and c.lower_ in ("his", "her") for c in takeovers[0].children) and \
        not ctx.part_of_longer_name(span) and not begins_with_a_given_name(span, ctx.gazetteer) and \
        span.text not in lexicon().words("given-names.txt") and \
        not only_title_words(span, ctx.gazetteer) and ctx.gazetteer.lookup(span.text) is None


def _body_before_a_company_head(span: Any, ctx: Context) -> Any | None:
    """The words of a body the model left untagged, written right before the title of a
    company's head that a person's name follows (:func:`company_head_after`): "Brightwell" in
    "after Brightwell chief executive Omar Said quit", "Acme" in "Acme CEO Jane Roe said" where
    the article writes "Acme" inside a sentence too (as "Qantas chief executive X" names the
    airline); None where the words are a title's, a given name's, a place's, a people's or
    a body's head word alone ("Acting CEO X", "Sydney CEO X", "Group CEO X"), or a sentence's
    first word the article writes nowhere else ("New CEO X")."""
    for cut in range(1, len(span) + 1):
        if company_head_after(span[cut - 1]):
            body = span[:cut]
            return body if _may_name_a_body(body, ctx) else None
    return None


def _may_name_a_body(body: Any, ctx: Context) -> bool:
    """Whether capitalised words before a company head's title may be a body's name (see
    :func:`_body_before_a_company_head`)."""
    gazetteer = ctx.gazetteer
    known = gazetteer.lookup(body.text)
    first = body[0]
    return all(t.is_alpha and (t.is_title or t.is_upper and len(t) > 1) for t in body) and \
        not any(only_title_words(body[i : i + 1], gazetteer) for i in range(len(body))) and \
        first.text not in gazetteer.honorifics and body.text not in gazetteer.party_names and \
        gazetteer.demonym(body.text) is None and not begins_with_a_given_name(body, gazetteer) and \
        not (len(body) == 1 and classify_organization(body.text) != "Organization") and \
        (known is None or not isinstance(known, Place)) and \
        (not first.is_sent_start or any(not ctx.doc[i].is_sent_start
                                        for i in ctx.positions_of(first.text)))


def _short_company_names(ctx: Context, names: dict[tuple[str, ...], Mention]) -> dict[
        tuple[str, ...], Mention]:
    """The names without their legal form (``company-legal-forms.tsv``) of the companies the
    article names in full: "Vodafone" of "Vodafone Group Plc", "Toyota Motor" of "Toyota Motor
    Corp"; not a short form that is a number's word, a place's name, a people's, an
    occasion's ("Grand Prix" of "Grand Prix Corporation") or a body's head word alone
    ("Seven" of "Seven Group Holdings", "News" of "News Corp")."""
    forms = lexicon().classes("company-legal-forms.tsv")
    short: dict[tuple[str, ...], Mention] = {}
    for words, mention in names.items():
        if mention.type not in ORGANIZATION_TYPES or forms.get(words[-1]) != "yes":
            continue
        rest = list(words)
        while rest and rest[-1] in forms:
            rest.pop()
        text = " ".join(rest)
        if not rest or not all(w.isalpha() and w[:1].isupper() for w in rest) or \
                ctx.gazetteer.lookup(text) is not None or ctx.gazetteer.demonym(text) is not None or \
                rest[-1] in ctx.gazetteer.event_name_heads or \
                len(rest) == 1 and (classify_organization(text) != "Organization" or
                                    rest[0].lower() in lexicon().numbers.number_words):
            continue
        short.setdefault(tuple(rest), mention)
    return short


def _stands_alone(span: Any) -> bool:
    """Whether a company's short name is written as a name of its own: proper nouns with no
    capitalised word or number before them inside the sentence ("Vodafone said"; not "the
    Formula One Grand Prix", not "Brown coal")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return all(t.pos_ == "PROPN" for t in span) and (
        before is None or span[0].is_sent_start or
        not (before.text[:1].isupper() or before.like_num))


def find_repeated_names(ctx: Context) -> None:
    """A name the article already gave an entity, repeated where the model tagged nothing
    ("Civic Renewal won ..." after "the Civic Renewal party"): the same entity again. Only
    whole names of two words or more, or of one word for a non-person, or a person's surname
    alone ("Moussaoui is charged" after "Zacarias Moussaoui", a word the gazetteer does not
    know as a place's or a body's), as a run of proper nouns of its own (not the start or the
    end of a longer name). A surname two people of the article share is the one person of
    that surname named before it, and no one's once both are ("Waugh" after "Mark Waugh" and
    before "Steve Waugh" is Mark)."""
    doc = ctx.doc
    names: dict[tuple[str, ...], Mention] = {}
    surnames: dict[tuple[str, ...], dict[tuple[str, ...], Mention]] = {}  # full names by surname
    for mention in ctx.mentions:
        if mention.kind != "name":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        words = tuple(token.text for token in span) if span is not None else ()
        if words and (len(words) > 1 or mention.type != "Person") and words[0][:1].isupper():
            names.setdefault(words, mention)
        if mention.type == "Person" and len(words) > 1 and words[-1].isalpha() and \
                words[-1].istitle() and ctx.gazetteer.lookup(words[-1]) is None:
            surnames.setdefault((words[-1],), {}).setdefault(words, mention)
    shared: dict[str, list[Mention]] = {}  # a surname two people share, by its word
    for surname, people in surnames.items():
        if len(people) == 1:  # not "Waugh" where the article names Steve and Mark Waugh
            names.setdefault(surname, next(iter(people.values())))
        elif surname not in names:
            shared[surname[0]] = list(people.values())
    short_forms = _short_company_names(ctx, names)
    for words, mention in short_forms.items():
        names.setdefault(words, mention)
    if not names:
        return
    sizes = sorted({len(words) for words in names}, reverse=True)
    firsts = {words[0] for words in names}
    texts = [token.text for token in doc]  # read once: slicing the doc makes a Span each time
    index = 0
    while index < len(doc):
        found = None
        for size in sizes if texts[index] in firsts else ():
            words = tuple(texts[index:index + size])
            if len(words) == size and words in names:
                found = (size, names[words])
                break
        if found is None and texts[index] in shared:
            # "Waugh" after "Mark Waugh" and before the article names "Steve Waugh": the one
            # person of that surname named so far (the nearest antecedent that is unambiguous)
            words = (texts[index],)
            earlier = [m for m in shared[texts[index]] if m.end <= doc[index].idx]
            found = (1, earlier[0]) if len(earlier) == 1 else None
        if found is None:
            index += 1
            continue
        size, mention = found
        span = doc[index:index + size]
        before = doc[index - 1] if index > 0 else None
        after = doc[index + size] if index + size < len(doc) else None
        alone = not any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper()
                        for t in (before, after))
        if alone and all(ctx.mention_at(token) is None for token in span) and \
                (size > 1 or mention.type != "Person" or
                 not span[0].ent_type_ and span[0].pos_ == "PROPN") and \
                (words not in short_forms or _stands_alone(span)):  # not 'Brown coal'
            ctx.add_mention(span, mention.type, key=mention.key, attributes=mention.attributes)
        index += size
