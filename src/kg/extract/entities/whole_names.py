"""Names the model cut or ran together around a surname, a hyphen or a possessive, made whole
before they are typed, and bodies before a person's title told from common nouns.

The rules, in the order :func:`whole_names` runs them over the model's repaired name spans
(:func:`kg.extract.entities.spans.repaired_names`): a person's name cut before its last surname
("Andrés López" + "Obrador"); a hyphened given name cut, or a name run into a hyphened modifier
("Yoon Suk" + "-yeol", "George Bush-era"); a union local's number ("Teamsters' Local 42"); a
known body before a title or credited in brackets ("Telstra chairman", "(Yonhap)"); a body
named for its members in the possessive ("the Workers' Party", "the Nurses and Midwives'
Union"); a leader's possessive before his movement ("Hamid's Unity movement"); a name owning
what only a person undergoes ("Choi's defection"). :func:`a_bare_institution_noun` tells the
untagged names' finder that "Ministry" in "Ministry spokesman X" is no body's name.
"""

from __future__ import annotations

from typing import Any

from kg.extract.entities.spans import NAME_LABELS
from kg.extract.names import name_particles, only_title_words
from kg.extract.organizations import body_descriptors, classify_organization, has_a_body_head
from kg.extract.place_words import PLACE_NAME_ENDS, place_name_words
from kg.gazetteer import KnownOrganization, Place
from kg.lexicon import lexicon
from kg.nlp import english_words as common_english_words


def whole_names(doc: Any, ents: list[Any], gazetteer: Any) -> list[Any]:
    """The model's name spans of a parsed text with the names it cut made whole (see each
    rule), in order."""
    repaired = []
    for ent in ents:
        ent = _with_hyphened_given_name(_with_cut_surname(ent, gazetteer))
        ent = _with_number_of_a_local(ent)
        ent = _credited_agency(_known_body_before_a_title(ent, gazetteer), gazetteer)
        repaired.append(ent)
    repaired += _bodies_named_for_their_members(doc, gazetteer)
    leaders = _leaders_and_movements(doc, gazetteer)
    repaired = [ent for ent in repaired
                if not any(ent.start < new.end and new.start < ent.end for new in leaders)]
    repaired = [_owner_of_a_persons_event(ent, gazetteer) for ent in [*repaired, *leaders]]
    return _join_members_listed_before_their_body(_without_overlaps(repaired))


def _without_overlaps(ents: list[Any]) -> list[Any]:
    """The spans in order, a span inside or across one that a rule made longer left out."""
    kept: list[Any] = []
    for ent in sorted(ents, key=lambda e: (e.start, -len(e))):
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    return kept


def _a_name_word(token: Any, gazetteer: Any) -> bool:
    """Whether a capitalised word after a name can be a surname: no title, honorific, post-
    nominal, body's or place's word, and no name the gazetteer knows but a small town's
    ("Howard Government", "Jones Street", "Smith QC", "Blair Washington"), no day or month."""
    text = token.text
    dates = lexicon().dates
    return token.pos_ == "PROPN" and token.is_alpha and text[:1].isupper() and \
        token.lower_ not in dates.weekdays and token.lower_ not in dates.months and \
        not text.isupper() and token.lower_ not in gazetteer.titles and \
        text not in gazetteer.honorifics and text not in gazetteer.post_nominals and \
        text not in gazetteer.institution_heads and text not in gazetteer.party_names and \
        text not in place_name_words(*PLACE_NAME_ENDS) and \
        classify_organization(text) == "Organization" and not has_a_body_head(text) and \
        _unknown_or_a_small_town(gazetteer.lookup(text)) and gazetteer.demonym(text) is None


def _unknown_or_a_small_town(known: Any) -> bool:
    """Whether a word the gazetteer knows is no name but a small town's ("Pen" after "Jean-Marie
    Le"), which news does not name without context."""
    return known is None or isinstance(known, Place) and known.minor


def _foreign_written(tokens: Any) -> bool:
    """Whether a name is written with a letter English does not use ("López", "Đoković")."""
    return any(not character.isascii() for token in tokens for character in token.text
               if character.isalpha())


def _with_cut_surname(ent: Any, gazetteer: Any) -> Any:
    """"Mexican President Andrés López Obrador visited", "José Luis Rodríguez Zapatero",
    "Jean-Marie Le Pen", "Ursula von der Leyen" (the last word tagged a place): a person's name
    the model ended before its last surname (the parse making the name's last word a compound
    of the capitalised word after it) runs to that word, where the name is written the way
    such names are: with a letter English does not use, ending in a particle ("Le", "von"), or
    right after a capitalised title that is a compound of the same words ("President X Y Z").
    Not "the Howard Government", "Bob Brown Greens": a title's, body's, party's or place's word
    ends no person's name. A body's one-word name the model took after a person's title or
    occupation in lower case ("tennis player Novak Đoković") is the person's name too."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG") or ent.end >= len(doc):
        return ent
    last = ent[-1]
    if last.dep_ != "compound" or last.head.i < ent.end:
        return ent
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "Ursula von" + "der" + "Leyen": "der" a compound of "Leyen"
    if head.i > ent.end + 2:
        return ent
    added = doc[ent.end : head.i + 1]
    for token in added:
        if token.ent_type_ and not (token.ent_type_ in NAME_LABELS and token.ent_iob_ == "B" and (
                token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")):
            return ent  # inside a longer name of the model's, or a date's
        if token.i != head.i and not (token.dep_ == "compound" and
                                      token.i < token.head.i <= head.i):
            return ent
        particle = token.i != head.i and token.is_lower and token.lower_ in name_particles()
        if not (particle or _a_name_word(token, gazetteer)):
            return ent  # ("Ursula von" + "der" + "Leyen": a particle inside the name)
    whole = doc[ent.start : head.i + 1]
    if len(whole) > 5 or has_a_body_head(whole.text) or \
            classify_organization(whole.text) != "Organization":
        return ent
    before = doc[ent.start - 1] if ent.start > 0 else doc[ent.start]
    heads_it = ent.start > 0 and ent.start <= before.head.i <= head.i
    titled = heads_it and before.lower_ in gazetteer.titles and before.text[:1].isupper()
    if ent.label_ == "ORG":
        occupied = heads_it and before.is_lower and (
            before.lower_ in gazetteer.titles or before.lower_ in gazetteer.occupations)
        if len(ent) == 1 and occupied and _foreign_written(whole):
            return make_span(doc, ent.start, head.i + 1, "PERSON")
        return ent
    if _foreign_written(whole) or last.lower_ in name_particles() or titled:
        return make_span(doc, ent.start, head.i + 1, "PERSON")
    return ent


_POSSESSIVE_MARKS = ("'s", "\u2019s")


def _with_number_of_a_local(ent: Any) -> Any:
    """"the International Brotherhood of Teamsters' Local 42", "United Auto Workers Local 600",
    "the Amalgamated Transit Union's Local 113": a union's local branch is named by its
    number, which the model leaves out of the name (with the possessive before "Local")."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ != "ORG" or ent.end >= len(doc):
        return ent
    end = ent.end
    if doc[end].text in _POSSESSIVE_MARKS and end + 1 < len(doc):
        end += 1  # "the Amalgamated Transit Union" + "'s Local 113": the possessive untagged
    if ent[-1].text in _POSSESSIVE_MARKS or end > ent.end:
        if end + 1 >= len(doc) or doc[end].text != "Local":
            return ent
        end += 1  # "the Amalgamated Transit Union's" + "Local 113"
    elif len(ent) < 2 or ent[-1].text != "Local":
        return ent
    number = doc[end]
    if not number.is_digit or number.i + 1 < len(doc) and doc[number.i + 1].is_digit:
        return ent
    return make_span(doc, ent.start, end + 1, "ORG")


def _bodies_named_for_their_members(doc: Any, gazetteer: Any) -> list[Any]:
    """"The Workers' Party won", "the Farmers' Federation", "the Nurses and Midwives' Union": a
    body named for its members in the plural possessive, which the model left untagged (or
    tagged without the members listed before "and"): the capitalised plurals, the apostrophe
    and the body's head word (a party, union, federation, association, ...) are one name, with
    the capitalised words before that modify it ("the National Teachers' Union")."""
    from kg.nlp import make_span

    def capitalised(token: Any) -> bool:
        return token.is_alpha and token.text[:1].isupper() and not token.is_upper

    found = []
    for mark in doc[2:-1]:
        if mark.text != "'":
            continue  # the neighbours read only around an apostrophe
        members, body = doc[mark.i - 1], doc[mark.i + 1]
        if mark.dep_ != "case" or members.whitespace_ or \
                not members.text.endswith("s") or not capitalised(members) or \
                not capitalised(body):
            continue
        if not (body.text in gazetteer.institution_heads or has_a_body_head(body.text) or
                classify_organization(body.text) != "Organization"):
            continue
        first = members
        if members.dep_ == "conj" and members.head.i == members.i - 2 and \
                doc[members.i - 1].lower_ == "and" and members.head.head.i == body.i:
            first = members.head  # "the Nurses and Midwives' Union"
        elif members.dep_ != "poss" or members.head.i != body.i:
            continue
        if not capitalised(first) or not first.text.endswith("s") or first.ent_type_:
            continue
        if first is members and body.ent_type_:
            continue  # the model's own name ("the Doctors' Association")
        start = first.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and capitalised(doc[start - 1]) and \
                not doc[start - 1].ent_type_ and doc[start - 1].dep_ == "compound" and \
                doc[start - 1].head.i == first.i:
            start -= 1
        found.append(make_span(doc, start, body.i + 1, "ORG"))
    return found


def _leaders_and_movements(doc: Any, gazetteer: Any) -> list[Any]:
    """"Hamid's Unity movement won 12 seats", "Kabila's Renewal party": a name the model ran
    over a possessive into a movement's, party's or faction's own name (capitalised words
    before a lower-case "movement", "party", "faction") is its leader's, a person's, and the
    capitalised words and the noun are the body's name; not where the
    gazetteer knows the owner as a place or a body ("Kenya's Orange movement"), nor a body's
    name with a possessive inside ("the People's Party", "Lloyd's Register")."""
    from kg.nlp import make_span

    found = []
    for mark in doc[1:-2]:
        if mark.text != "'s" or mark.dep_ != "case":
            continue
        owner_end, body = doc[mark.i - 1], doc[mark.i + 1]
        if owner_end.dep_ != "poss" or owner_end.whitespace_:
            continue
        noun = owner_end.head
        if not noun.is_lower or noun.pos_ != "NOUN" or noun.lower_ not in body_descriptors() or \
                not 1 <= noun.i - body.i <= 3:
            continue
        words = doc[body.i : noun.i]
        if owner_end.ent_type_ != "ORG" or not all(t.ent_iob_ == "I" for t in (mark, *words)):
            continue  # the model told the leader and the body apart (or named neither)
        if not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" and t.dep_ == "compound" and
                   t.i < t.head.i <= noun.i for t in words):
            continue
        start = owner_end.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha and \
                doc[start - 1].is_title and doc[start - 1].dep_ == "compound" and \
                doc[start - 1].head.i == owner_end.i and \
                doc[start - 1].lower_ not in gazetteer.titles and \
                doc[start - 1].text not in gazetteer.honorifics:
            start -= 1
        owner = doc[start : owner_end.i + 1]
        if len(owner) > 3 or not all(t.is_alpha and t.is_title for t in owner) or \
                not _unknown_or_a_small_town(gazetteer.lookup(owner.text)) or \
                gazetteer.demonym(owner.text) is not None or has_a_body_head(owner.text) or \
                classify_organization(owner.text) != "Organization" or \
                owner.text in gazetteer.party_names or only_title_words(owner, gazetteer):
            continue
        found.append(make_span(doc, owner.start, owner.end, "PERSON"))
        if _unknown_or_a_small_town(gazetteer.lookup(words.text)):
            found.append(make_span(doc, body.i, noun.i + 1, "ORG"))  # not "Unity", a state
    return found


def _owner_of_a_persons_event(ent: Any, gazetteer: Any) -> Any:
    """"Choi's 2016 defection", "Kovac's resignation": a name the model took for a body's that
    owns a noun of what only a person undergoes (``person-event-nouns.txt``) is a person's; not
    where the noun has an "of" object, whose undergoer that is ("Renamo's abduction of two
    engineers")."""
    from kg.nlp import make_span

    if ent.label_ != "ORG" or not 1 <= len(ent) <= 3 or ent.root.dep_ != "poss" or \
            not all(t.is_alpha and t.is_title for t in ent) or \
            gazetteer.lookup(ent.text) is not None or gazetteer.demonym(ent.text) is not None or \
            has_a_body_head(ent.text) or classify_organization(ent.text) != "Organization":
        return ent
    event = ent.root.head
    if event.pos_ != "NOUN" or event.lemma_.lower() not in lexicon().words("person-event-nouns.txt"):
        return ent
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in event.children):
        return ent  # "Renamo's abduction of two engineers": the owner did it to others
    return make_span(ent.doc, ent.start, ent.end, "PERSON")


def _known_body_before_a_title(ent: Any, gazetteer: Any) -> Any:
    """"Telstra chairman Jane Roe said", "Optus spokeswoman X": a name the gazetteer knows as
    an organisation's, which the model took for a people's, right before a person's title or
    occupation in lower case, is the organisation (not "Hindu priests": a people's name
    the gazetteer also knows as a paper's is read as a people's where no title follows)."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ != "NORP" or ent.end >= len(doc) or gazetteer.demonym(ent.text) is not None:
        return ent
    title = doc[ent.end]
    if not title.is_lower or not (title.lower_ in gazetteer.titles or
                                  title.lemma_ in gazetteer.occupations):
        return ent
    known = gazetteer.lookup(ent.text)
    if not isinstance(known, KnownOrganization) or ent.text in gazetteer.religions:
        return ent
    return make_span(doc, ent.start, ent.end, "ORG")


def _institution_nouns() -> frozenset[str]:
    """The lower-case nouns of a state's institutions (``unnamed-institutions.tsv``, and the
    last words of ``institution-nouns.tsv``: "ministry", "police", "army")."""
    nouns = set(lexicon().classes("unnamed-institutions.tsv"))
    nouns |= {noun.split()[-1] for noun in lexicon().classes("institution-nouns.tsv")}
    return frozenset(nouns)


def a_bare_institution_noun(span: Any) -> bool:
    """"Ministry spokesman Park Ji-hoon said", "Police spokeswoman Mary Lee said": one word,
    capitalised, that is only the common noun of a state's institution, before a title, is no
    body's name (data/gold/README.md: a bare description is no entity)."""
    return len(span) == 1 and span[0].lower_ in _institution_nouns()


def _with_hyphened_given_name(ent: Any) -> Any:
    """"President Yoon Suk-yeol declared", "Park Ji-hoon": a person's name the model ended at
    the hyphen of a given name whose second part is written in lower case runs to that part,
    which the tagger reads as a proper noun or which is no English word ("said Ryu Min-seok",
    where the tagger reads "seok" as a common noun); and one the model ran into a word joined by a
    hyphen that the tagger reads as a common word before a noun ("George Bush-era policies",
    "Blair-style reforms") ends before the hyphen."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ != "PERSON":
        return ent
    if len(ent) > 2 and ent[-2].text == "-" and ent[-1].is_lower and ent[-1].is_alpha and \
            ent[-1].pos_ in ("NOUN", "VERB", "ADJ") and not ent[-2].whitespace_ and \
            not ent[-3].whitespace_ and ent[-1].head.i >= ent.end and \
            ent[-1].head.pos_ == "NOUN":
        return make_span(doc, ent.start, ent.end - 2, "PERSON")
    if ent.end + 1 >= len(doc) or not ent[-1].is_alpha or not ent[-1].text[:1].isupper():
        return ent
    hyphen, rest = doc[ent.end], doc[ent.end + 1]
    if hyphen.text != "-" or ent[-1].whitespace_ or hyphen.whitespace_ or not rest.is_lower or \
            not rest.is_alpha or rest.ent_type_ or not (
                rest.pos_ == "PROPN" or rest.lower_ not in common_english_words()) or \
            rest.i + 1 < len(doc) and doc[rest.i + 1].text == "-":
        return ent
    return make_span(doc, ent.start, rest.i + 1, "PERSON")


def _credited_agency(ent: Any, gazetteer: Any) -> Any:
    """"SEOUL (Yonhap) -", "(Kyodo) Taro Sato": a name in brackets alone that the gazetteer
    knows as an organisation's, which the model took for a people's, is that organisation (an
    agency credited with the story)."""
    from kg.nlp import make_span

    doc = ent.doc
    if ent.label_ != "NORP" or ent.start == 0 or ent.end >= len(doc) or \
            doc[ent.start - 1].text != "(" or doc[ent.end].text != ")" or \
            gazetteer.demonym(ent.text) is not None or \
            not isinstance(gazetteer.lookup(ent.text), KnownOrganization):
        return ent
    return make_span(doc, ent.start, ent.end, "ORG")


def _join_members_listed_before_their_body(ents: list[Any]) -> list[Any]:
    """"the Kenya Medical Practitioners and Dentists' Union": a body named for the members it
    lists, the model cutting it at the "and" before the last members' possessive, is one name:
    the first part names no body (no head word) and ends in a plural that the parse makes the
    body's head word a conjunct of; the second is the last members' possessive and the head
    word."""
    from kg.nlp import make_span

    joined: list[Any] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        doc = ent.doc
        if previous is not None and previous.label_ == "ORG" and ent.label_ == "ORG" and \
                previous.end + 1 == ent.start and doc[previous.end].lower_ == "and" and \
                len(ent) >= 3 and ent[1].text == "'" and ent[0].text.endswith("s") and \
                previous[-1].text.endswith("s") and ent[-1].dep_ == "conj" and \
                ent[-1].head.i == previous[-1].i and \
                classify_organization(previous.text) == "Organization" and \
                not has_a_body_head(previous.text) and \
                (has_a_body_head(ent.text) or classify_organization(ent.text) != "Organization"):
            joined[-1] = make_span(doc, previous.start, ent.end, "ORG")
            continue
        joined.append(ent)
    return joined
