"""The model's name spans repaired before they are typed: names it cut joined, names it ran
together split, names the gazetteer knows relabelled."""

from __future__ import annotations

from typing import Any

from kg.extract.context import with_period
from kg.extract.entities.body_cues import company_head_after
from kg.extract.entities.person_spans import person_spans
from kg.extract.names import (
    LOWER_NAME_WORDS,
    trim,
)
from kg.extract.organizations import (
    classify_organization,
    media_after,
)
from kg.extract.place_clues import (
    said_to_be_place,
)
from kg.gazetteer import KnownOrganization, Place
from kg.lexicon import lexicon

# The model's labels for the names kg reads; other labels (DATE, MONEY, ...) are no names.
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


def _join_nationality_to_names(ents: list[Any], gazetteer: Any) -> list[Any]:
    """"Indonesian" + "Meat Importers Association" is one name when the model split it, and so
    is "Australian" + "Democrats" (a party's short name, which the model reads as a people); an
    acronym stands for a name of its own ("Australian SAS troops": the SAS, Australia's)."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        party = ent.label_ in ("NORP", "ORG") and ent.text in gazetteer.party_names
        if previous is not None and previous.label_ == "NORP" and previous.end == ent.start and (
                party and gazetteer.demonym(previous.text) is not None
                or ent.label_ == "ORG" and gazetteer.lookup(ent.text) is None and
                not (len(ent) == 1 and ent[0].is_upper)) \
                and ent[0].text[:1].isupper() and ent[0].lower_ != "the":
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        if party:
            ent = make_span(ent.doc, ent.start, ent.end, "ORG")
        joined.append(ent)
    return joined


def _untagged_party_names(doc: Any, gazetteer: Any) -> list[Any]:
    """"Labor needed to ...": a party's short name the model left untagged, where it stands as a
    name (a subject, an object) or names whose leader or member someone is, not as a modifier
    of some other noun ("Labor costs")."""
    from kg.nlp import make_span

    found = []
    for token in doc:
        if token.ent_type_ or token.text not in gazetteer.party_names or token.pos_ != "PROPN":
            continue
        head = token.head.lower_
        if token.dep_ == "compound" and head not in gazetteer.titles and \
                head not in ("member", "members", "supporter", "supporters", "candidate"):
            continue
        found.append(make_span(doc, token.i, token.i + 1, "ORG"))
    return found


# Lower-case words and marks that may stand between the capitalised words of a name an
# acronym abbreviates: "Agency for Integration, Migration and Asylum (AIMA)".
_ACRONYM_SKIPS = {"of", "for", "and", "the", "on", "in", "to", ",", "&", "-"}


def _names_before_acronyms(doc: Any, gazetteer: Any) -> list[Any]:
    """"the Agency for Integration, Migration and Asylum (AIMA)": the capitalised words before
    an acronym in brackets whose initials are its letters are one organisation's name, however
    the model cut it. A place ("United States (US)") is left to the gazetteer."""
    from kg.nlp import make_span

    found = []
    for token in doc[1:-2]:
        if token.text != "(":
            continue  # tested first: the words after are read only after an opening bracket
        letters = doc[token.i + 1].text.replace(".", "")
        if doc[token.i + 2].text != ")" or not letters.isalpha() or \
                not letters.isupper() or not 2 <= len(letters) <= 8:
            continue
        start, initials = token.i, ""
        while start > 0 and len(initials) < len(letters):
            word = doc[start - 1]
            if word.text[:1].isupper() and word.is_alpha:
                initials = word.text[0] + initials
            elif word.lower_ not in _ACRONYM_SKIPS:
                break
            start -= 1
        if initials != letters or not doc[start].text[:1].isupper() or token.i - start < 2:
            continue
        name = doc[start : token.i]
        if isinstance(gazetteer.lookup(name.text), Place) or gazetteer.lookup(letters) is not None:
            continue
        found.append(make_span(doc, start, token.i, "ORG"))
    return found


def repaired_names(doc: Any, gazetteer: Any) -> list[Any]:
    """The model's name spans with the names it cut joined and those it ran together split; the
    labels of names the gazetteer knows set; other labels (DATE, MONEY, ...) left out."""
    abbreviated = _names_before_acronyms(doc, gazetteer)
    ents = [part for e in doc.ents
            if not any(e.start < a.end and a.start < e.end for a in abbreviated)
            for part in _split_at_a_line_break(e)] + abbreviated
    ents = _join_nationality_to_names(sorted(
        [part for e in ents for part in _names_in_a_title(e, gazetteer)]
        + _untagged_party_names(doc, gazetteer), key=lambda e: e.start), gazetteer)
    ents = _join_paired_places(ents, gazetteer)
    return person_spans(doc, [_with_hyphened_rest(_with_sentence_initial_word(e, gazetteer))
                              for e in _join_split_names(
        [part for e in ents if e.label_ in NAME_LABELS
         for piece in _split_at_an_inner_the(e, gazetteer)
         for part in _split_at_a_comma(piece, gazetteer)], gazetteer)])


def _split_at_a_line_break(ent: Any) -> list[Any]:
    """"... met Okafor\n\nBrennan later said": a span the model ran across a line or a
    paragraph break is a name on each side of it (a name never runs on over a paragraph's
    end); each part keeps the model's label. Only where each side begins with a capital."""
    from kg.nlp import make_span

    doc = ent.doc
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
    if not breaks:
        return [ent]
    parts, start = [], ent.start
    for at in [*breaks, ent.end - 1]:
        end = at if doc[at].is_space else at + 1
        if end > start:
            parts.append(make_span(doc, start, end, ent.label_))
        start = at + 1
    if not all(part[0].text[:1].isupper() for part in parts):
        return [ent]  # "won the\n\nX Award": no name before the break, left as the model read it
    return parts


# The model's labels for figures, dates, titles and products, which it sometimes gives a
# surname the article has already given someone.
_MISTAKEN_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW")


def relabel_mistaken_surnames(doc: Any) -> None:
    """Relabel, in the parsed document itself, a one-word span the model took for a date, a
    figure, a title or a product as a person's, where the word is the surname (the last word)
    of a longer person's name the model tagged elsewhere in the article: "In a memo dated June 4,
    2019, Okafor said" after "Grace Okafor" (the surname tagged a date), "Okafor said" tagged a
    work of art. In the document, so that no later stage reads the surname as the event's date
    or a figure. A month's or a weekday's name is no surname ("in May" after "Theresa May")."""
    from kg.nlp import make_span

    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and
                e[-1].is_alpha and e[-1].is_title}
    calendar = {*lexicon().dates.months, *lexicon().dates.weekdays}
    mistaken = [e for e in doc.ents if e.label_ in _MISTAKEN_LABELS and len(e) == 1 and
                e[0].text in surnames and e[0].pos_ == "PROPN" and e[0].lower_ not in calendar]
    if mistaken:
        doc.ents = [make_span(doc, e.start, e.end, "PERSON") if e in mistaken else e
                    for e in doc.ents]


def _with_sentence_initial_word(ent: Any, gazetteer: Any) -> Any:
    """"Western Australia, the Northern Territory and ...", "New South Wales health authorities
    said": a name at the start of a sentence the model began one word late (the capitalised
    first word untagged, a compound of the name) is the longer name where the gazetteer knows
    it as a place's. "Nutrition Australia dietitian X says", "Energy Australia says": a word
    before a state's name, where the two stand as someone who speaks or employs, is a body's
    name (as "Medicare" + "Australia"); not "Regional Australia has had rain"."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ not in ("GPE", "LOC", "ORG") or ent.start == 0:
        return ent
    first = doc[ent.start - 1]
    if not first.is_sent_start or first.ent_type_ or first.pos_ != "PROPN" or \
            not first.is_alpha or not first.is_title or first.dep_ != "compound" or \
            not ent.start <= first.head.i < ent.end or first.lower_ in gazetteer.titles or \
            first.text in gazetteer.honorifics:
        return ent
    joined = doc[first.i : ent.end]
    known = gazetteer.lookup(joined.text)
    if isinstance(known, Place) and not known.minor:
        return make_span(doc, first.i, ent.end, "GPE")
    place = gazetteer.lookup(ent.text)
    root = ent[-1]
    employs = root.head.is_lower and (
        root.head.lower_ in gazetteer.titles or root.head.lemma_ in gazetteer.occupations)
    speaks = root.dep_ == "nsubj" and root.head.lemma_ == "say" or \
        root.dep_ in ("compound", "nsubj") and employs  # (the parser's "nsubj" of a noun)
    if known is None and len(ent) == 1 and isinstance(place, Place) and \
            place.type == "Country" and speaks:
        return make_span(doc, first.i, ent.end, "ORG")
    return ent


def _with_hyphened_rest(ent: Any) -> Any:
    """"Jaish" + "-e-Mohammad", "Zia" + "-ul-Haq", "Mazar" + "-e-Sharif": a person's, a
    body's or a place's name the model ended inside a word the tokenizer split at its hyphens
    runs to the end of that word, where a lower-case particle inside it joins a capitalised
    last part (not "Pakistan-based", nor two names paired: "the Ford-Suharto meeting", "the
    Kabul-to-Jalalabad road")."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        return ent
    end = ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_alpha and not doc[end + 1].ent_type_:
        end += 2
    if end == ent.end or not doc[end - 1].text[:1].isupper() or \
            not any(t.is_lower for t in doc[ent.end : end]):
        return ent
    if ent.label_ in ("GPE", "LOC", "FAC") and \
            any(t.lower_ in _ROUTE_WORDS for t in doc[ent.end : end]):
        return ent  # "the Kabul-to-Jalalabad highway": two places, no "Mazar-e-Sharif"
    return make_span(doc, ent.start, end, ent.label_)


# Lower-case words that join two places' names into a route or a pair, not into one name.
_ROUTE_WORDS = frozenset({"to", "and", "or", "via", "versus", "vs"})


def _join_paired_places(ents: list[Any], gazetteer: Any) -> list[Any]:
    """"Devon and Cornwall Police", "Avon and Somerset Constabulary": a police force, court or
    service named for two places, that the model cut at the "and" (the first place tagged
    apart or not at all), is one name; not two states' ("Fiji and Australian Federal Police")."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        doc = ent.doc
        first = ent.start - 2
        if ent.label_ == "ORG" and first >= 0 and doc[ent.start - 1].lower_ == "and" and \
                doc[first].is_title and doc[first].is_alpha and doc[ent.start].is_title and \
                (first == 0 or not doc[first - 1].is_title) and \
                classify_organization(ent.text) in ("Agency", "Court", "Military") and \
                classify_organization(doc[ent.start].text) == "Organization" and not any(
                    gazetteer.demonym(word.text) or isinstance(gazetteer.lookup(word.text), Place)
                    and gazetteer.lookup(word.text).type == "Country"
                    for word in (doc[first], doc[ent.start])):
            joined = [e for e in joined if e.end <= first]
            joined.append(make_span(doc, first, ent.end, "ORG"))
        else:
            joined.append(ent)
    return joined


def _split_at_an_inner_the(ent: Any, gazetteer: Any) -> list[Any]:
    """"told Parliament the Coalition would": a span the model ran over a "the" that no "of",
    "for" or "and" introduces is two names; so is one over "for the" between two names that each
    have an institution's head word."""
    from kg.nlp import make_span

    doc = ent.doc
    inner = [t.i for t in ent[1:-1] if t.text == "the" and doc[t.i - 1].is_title and
             doc[t.i - 1].lower_ not in LOWER_NAME_WORDS and doc[t.i + 1].is_title]
    if len(inner) == 1:
        return [make_span(doc, ent.start, inner[0], ent.label_),
                make_span(doc, inner[0] + 1, ent.end, ent.label_)]
    heads = gazetteer.institution_heads
    bodies = [t.i for t in ent[2:-2] if t.lower_ == "for" and doc[t.i + 1].lower_ == "the" and
              doc[t.i - 1].text in heads and any(w.text in heads for w in doc[t.i + 2 : ent.end])]
    if ent.label_ == "ORG" and len(bodies) == 1:  # "the Tarra University for the State Bureau
        # of Statistics": each part has an institution's head word ("the Office for the
        # Coordination of Humanitarian Affairs" is one body)
        return [make_span(doc, ent.start, bodies[0], "ORG"),
                make_span(doc, bodies[0] + 2, ent.end, "ORG")]
    return [ent]


def _split_at_a_comma(ent: Any, gazetteer: Any) -> list[Any]:
    """"The mayor of Kharkiv, Ihor Terekhov, said": a span the model ran over a comma, that
    begins with a place the gazetteer knows, is the place and what follows it (a person's name
    of two or three words, else what the model took the whole for)."""
    from kg.nlp import make_span

    commas = [t.i for t in ent if t.text == ","]
    if not commas or gazetteer.lookup(ent.text) is not None:
        return [ent]
    first = ent.doc[ent.start : commas[0]]
    rest = ent.doc[commas[0] + 1 : ent.end]
    if not len(first) or not len(rest) or not isinstance(gazetteer.lookup(first.text), Place) \
            or gazetteer.region_after_town(with_period(rest[0])) is not None:
        return [ent]  # "Durham, N.C.", "Nagoya, Aichi": a town and its region, read elsewhere
    person = 2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title for t in rest) and \
        classify_organization(rest.text) == "Organization"
    return [make_span(ent.doc, first.start, first.end, "GPE"),
            make_span(ent.doc, rest.start, rest.end, "PERSON" if person else ent.label_)]


# The model's labels for titles, events, laws and products: spans that are no name of an
# entity, unless made of names the gazetteer knows or a person's name after an honorific.
_TITLE_LABELS = ("WORK_OF_ART", "EVENT", "LAW", "PRODUCT")


def _names_in_a_title(ent: Any, gazetteer: Any) -> list[Any]:
    """The names in a span the model took for a title, an event or a product: the span itself
    with the label of the known organisation it is; the known names it is made of, every
    capitalised word in one of them ("UN Middle East envoy": the UN and the Middle East); or a
    person's name after an honorific ("Ms Morrow"). Nothing else is taken from such a span
    ("the Sydney Test" names a match, "the Vietnam War" a war)."""
    from kg.nlp import make_span

    if ent.label_ not in _TITLE_LABELS:
        return [_known_organization_label(ent, gazetteer)]
    doc = ent.doc
    if len(ent) == 2 and ent[0].text in gazetteer.honorifics and ent[1].is_title and \
            ent[1].is_alpha:
        return [make_span(doc, ent.start, ent.end, "PERSON")]
    titled = _titled_person(ent, gazetteer)
    if titled is not None:
        return [titled]
    known = _known_organization_label(ent, gazetteer)
    if known.label_ != ent.label_:
        return [known]
    parts, index = [], ent.start
    while index < ent.end:
        end = next((end for end in range(ent.end, index, -1)
                    if gazetteer.lookup(doc[index:end].text) is not None), None)
        if end is None:
            if doc[index].text[:1].isupper():
                return [ent]  # a capitalised word no known name holds
            index += 1
            continue
        found = gazetteer.lookup(doc[index:end].text)
        if isinstance(found, Place) and found.minor:
            return [ent]  # "Hurricane Otis": no small town's name, a storm's
        parts.append(make_span(doc, index, end, "ORG" if isinstance(found, KnownOrganization)
                               else "LOC"))
        index = end
    return parts if len(parts) > 1 else [ent]


def _titled_person(ent: Any, gazetteer: Any) -> Any | None:
    """The person's name that ends a span the model took for a title or a work, after a
    title's word: "Deputy Commissioner Maria Lopez", "Patrol Sergeant John Hall" (the office
    capitalised before the name); None where no title's word stands right before two or three
    capitalised words that begin with a common given name (``given-names.txt``) and hold no
    other title's word. After a title, "Hall" or "Park" ends a person's name, not a building's."""
    from kg.nlp import make_span

    given = lexicon().words("given-names.txt")
    for cut in range(ent.start + 1, ent.end - 1):
        title, name = ent.doc[cut - 1], ent.doc[cut : ent.end]
        if title.is_title and title.lower_ in gazetteer.titles and 2 <= len(name) <= 3 and \
                all(t.is_title and t.is_alpha for t in ent.doc[ent.start : ent.end]) and \
                name[0].text in given and not any(t.lower_ in gazetteer.titles for t in name):
            return make_span(ent.doc, cut, ent.end, "PERSON")
    return None


def _known_organization_label(ent: Any, gazetteer: Any) -> Any:
    """An organisation the gazetteer knows, whatever else the model took it for: "The Sydney
    Morning Herald reported" tagged an event, "the Hindustan Times" a work of art; a people's
    name only where it is a title ("The Hindu"), before a media noun ("the Yonhap news
    agency") or before a company head's title and name ("Telstra CEO X"), not in "Hindu
    temples"; and a known place the model took for a people's name."""
    from kg.nlp import make_span

    span = trim(ent, gazetteer)
    if ent.label_ == "NORP" and len(span) and gazetteer.demonym(span.text) is None and \
            isinstance(gazetteer.lookup(span.text), KnownOrganization) and \
            (ent.start > 0 and ent.doc[ent.start - 1].text == "The" and
             span[-1].dep_ not in ("amod", "compound", "nmod") or media_after(span[-1]) or
             company_head_after(span[-1])):
        return make_span(ent.doc, ent.start, ent.end, "ORG")  # "according to The Hindu",
        # "Telstra CEO X"
    place = gazetteer.lookup(span.text) if ent.label_ == "NORP" and len(span) else None
    if isinstance(place, Place) and not place.minor and gazetteer.demonym(span.text) is None \
            and span[-1].dep_ not in ("amod", "compound"):
        return make_span(ent.doc, ent.start, ent.end, "GPE")  # "a refugee from Aleppo"
    if ent.label_ == "NORP" and len(span) and gazetteer.demonym(span.text) is None and \
            span[-1].pos_ == "PROPN" and said_to_be_place(span, gazetteer) == "AdministrativeRegion":
        return make_span(ent.doc, ent.start, ent.end, "GPE")  # "in Ituri province"
    if ent.label_ in ("GPE", "LOC") and len(span) and gazetteer.lookup(span.text) is None and \
            isinstance(gazetteer.demonym(span.text), Place):
        return make_span(ent.doc, ent.start, ent.end, "NORP")  # "the Tongan government": a
        # people's adjective the model took for a place's name
    if ent.label_ in NAME_LABELS:
        return ent
    if len(span) and isinstance(gazetteer.lookup(span.text), KnownOrganization):
        return make_span(ent.doc, ent.start, ent.end, "ORG")
    return ent


# Words that end the first part of a name the model cut in two: "the Australian Competition
# and" + "Consumer Commission", "the Ministry of" + "Defence".
_NAME_JOINS = {"and", "of", "for", "&"}


def _join_split_names(ents: list[Any], gazetteer: Any) -> list[Any]:
    """One organisation's name the model cut at an inner "and" or "of" is one name again, and
    so is a longer name the gazetteer knows ("International Federation of Red Cross" + "and" +
    "Red Crescent Societies")."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        if joined and ent.start < joined[-1].end:
            continue  # inside a longer known name
        if ent.label_ == "ORG":
            ent = _with_untagged_place_after_of(_longest_known_name(ent, gazetteer), gazetteer)
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ == "ORG" and ent.label_ == "ORG" and \
                previous.end == ent.start and len(previous) > 1 and \
                previous[-1].lower_ in _NAME_JOINS and ent[0].text[:1].isupper():
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        if previous is not None and previous.label_ == "ORG" and ent.label_ == "ORG" and \
                previous.end + 1 == ent.start and ent.doc[previous.end].lower_ in ("of", "for") \
                and len(ent) > 1 and ent[0].lower_ == "the" and ent[1].text[:1].isupper() and \
                classify_organization(ent.text) == "Organization":
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue  # "the UN Office" + "for" + "the Coordination of Humanitarian Affairs" (but
            # "a study by the Tarra University for the State Bureau of Statistics": two bodies)
        if previous is not None and _institution_of_place(previous, ent, gazetteer) or \
                previous is not None and _state_after_a_body(previous, ent, gazetteer):
            joined[-1] = make_span(ent.doc, previous.start, ent.end, "ORG")
            continue
        joined.append(ent)
    return joined


def _state_after_a_body(body: Any, place: Any, gazetteer: Any) -> bool:
    """"Medicare" + "Australia", "Save the Children" + "Kenya": a state's or a region's name
    right after an organisation's, with nothing between, ends the organisation's name."""
    if body.label_ != "ORG" or place.label_ != "GPE" or body.end != place.start or \
            not body.doc[body.end - 1].whitespace_ or body[-1].is_punct:
        return False
    known = gazetteer.lookup(place.text)
    return isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion") and \
        (place.end == len(place.doc) or not place.doc[place.end].text[:1].isupper())


def _with_untagged_place_after_of(ent: Any, gazetteer: Any) -> Any:
    """"The Ambulance Service" + "of NSW", the model leaving "NSW" untagged: an institution's
    head, "of" and a state or region the gazetteer knows (or abbreviates) are one name."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.end + 1 >= len(doc) or ent[-1].text not in gazetteer.institution_heads or \
            doc[ent.end].lower_ != "of":
        return ent
    following = doc[ent.end + 1]
    if following.ent_type_ or not following.text[:1].isupper():
        return ent
    known = gazetteer.lookup(following.text) or gazetteer.region_abbreviation(following.text)
    if isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion"):
        return make_span(doc, ent.start, following.i + 1, "ORG")
    return ent


def _institution_of_place(body: Any, place: Any, gazetteer: Any) -> bool:
    """"The Supreme Court" + "of" + "Pakistan", "the Electoral Commission of" + "Zambia": an
    organisation ending in an institution's head word, "of" and a place are one name."""
    doc = body.doc
    if body.label_ != "ORG" or place.label_ not in ("GPE", "ORG") or \
            not place[0].text[:1].isupper():
        return False
    if body.end == place.start and len(body) > 2 and body[-1].lower_ == "of":
        head = body[-2]  # the model took "of" into the organisation's span
    elif body.end + 1 == place.start and doc[body.end].lower_ == "of":
        head = body[-1]
    else:
        return False
    return head.text in gazetteer.institution_heads


# How many tokens past the model's span a longer known name is looked for.
_NAME_REACH = 8


def _longest_known_name(ent: Any, gazetteer: Any) -> Any:
    """The model's organisation span, or a longer one from its start that the gazetteer knows
    as an organisation's name."""
    from kg.nlp import make_span

    doc = ent.doc
    start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
    for end in range(min(len(doc), ent.end + _NAME_REACH), ent.end, -1):
        if doc[end - 1].is_punct or doc[end - 1].is_lower:
            continue
        if isinstance(gazetteer.lookup(doc[start:end].text), KnownOrganization):
            return make_span(doc, ent.start, end, "ORG")
    return ent
