"""What a name's words and the article's uses of it say of whether it is a body's: a body's
word in it, a unit's or an armed group's name, a use where a body or a person stands (a verb's
subject or object, an owner, a company head's employer), or none at all."""

from __future__ import annotations

from typing import Any

from kg.extract.organizations import classify_organization, descriptors, has_a_body_head
from kg.gazetteer import Place
from kg.lexicon import lexicon


def has_no_body_word(name: str) -> bool:
    """Whether a name has no word that makes it a body's: no class's head word ("Warren
    Hospital") and no head word of a body ("the John Monash Foundation"), as a person's has not."""
    return classify_organization(name) == "Organization" and not has_a_body_head(name)


def unit_of_a_force(span: Any) -> str | None:
    """The class of a unit whose members a noun after its name calls them
    (``data/lexicon/force-members.tsv``): "SAS troops" (Military), "Star Force police officers"
    (Agency); None when no such noun follows the name as the noun it modifies, or when the
    name is neither an acronym nor ends in a unit's word (``data/lexicon/force-units.txt``):
    "Sudan Liberation Movement soldiers" are an armed group's."""
    doc = span.doc
    members = lexicon().classes("force-members.tsv")
    head = span[-1].head
    if span[-1].dep_ != "compound" or head.i < span.end or head.i > span.end + 2:
        return None
    if not (len(span) == 1 and span[0].is_upper and len(span[0]) > 1 or
            span[-1].text in lexicon().words("force-units.txt")):
        return None
    return next((members[t.lower_] for t in doc[span.end : head.i + 1]
                 if t.is_lower and t.lower_ in members), None)


# The Persian and Urdu linking particle ("of") written between hyphens inside a group's name:
# "Lashkar-e-Taiba" (Army of the Pure), "Tehrik-i-Taliban", "Hizb-i-Islami". Personal names
# join their parts with "ul" or "al" ("Zia-ul-Haq"), never with these.
_IZAFE = {"e", "i"}


def joined_by_izafe(span: Any, gazetteer: Any) -> bool:
    """Whether a name joins two capitalised parts with "-e-" or "-i-" and is that word alone
    (or with a state's name: "Tehrik-i-Taliban Pakistan"): a group's name ("Jaish-e-Mohammad",
    "Hizb-i-Islami"), which the model may take for a person's. Not a person's name the particle
    is part of, written with a title before it or other names around the word ("police chief
    Gul-e-Rana Afridi", "Mr Noor-e-Alam")."""
    doc = span.doc
    joins = [t for t in span if t.lower_ in _IZAFE and t.is_lower and t.i - span.start >= 2 and
             t.i + 2 < span.end and doc[t.i - 1].text == "-" and doc[t.i + 1].text == "-" and
             doc[t.i - 2].text[:1].isupper() and doc[t.i + 2].text[:1].isupper()]
    if not joins:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text in gazetteer.honorifics or before.lower_ in gazetteer.titles):
        return False
    start = end = joins[0].i  # the hyphened word the particle is inside
    while start > span.start and not doc[start - 1].whitespace_:
        start -= 1
    while end + 1 < span.end and not doc[end].whitespace_:
        end += 1
    return all(isinstance(gazetteer.lookup(t.text), Place) for t in span
               if not start <= t.i <= end and t.is_alpha)


# Prepositions after a verb that put a name as a party to what is done, as bodies and people
# are: "worked for X", "signed with X", "fought against X", "was sued by X" (not "at", "near",
# "above", which put a place).
_PARTNER_PREPOSITIONS = {"for", "with", "against", "by"}


# Verbs whose object or listener a name stands for someone or a body: "the actor told Variety".
_SPEECH_LEMMAS = {"tell", "speak", "talk", "interview", "write", "say"}


def stands_as_a_participant(word: Any, gazetteer: Any) -> bool:
    """Whether the sentence writes a capitalised word where a body or a person stands: as a
    verb's subject or object ("Korvex said", "Siemens sued Korvex", "he told Variety"), after a
    preposition that a person's title or a speech act governs ("a spokeswoman for Korvex", "an
    interview with Variety"), before a noun it owns or a person's title ("the Gallup survey",
    "a Korvex spokeswoman"; ``owned-nouns.txt``), after a place it is based in ("Nairobi-based
    Korvex"), or with a noun apposed ("Korvex, the phone company") or a descriptor before it
    ("the news agency Lusa"), or owned by a name ("Norway's Storting"). A word joined by "and"
    stands where the first of its list stands ("as did Japan and Korvex"). Not a town's, a
    thing's or a title's word: "at Tarrowby", "the Tolkien classic", "the Order of Merit"."""
    while word.dep_ == "conj" and word.head.i < word.i:
        word = word.head
    head = word.head

    def role_noun(token: Any) -> bool:
        return token.is_lower and (token.lemma_.lower() in gazetteer.titles or
                                   token.lemma_.lower() in gazetteer.occupations)

    if word.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and head.pos_ in ("VERB", "AUX"):
        return True
    if word.dep_ == "pobj" and (role_noun(head.head) or head.head.lemma_.lower() in _SPEECH_LEMMAS):
        return True
    if word.dep_ == "pobj" and head.lower_ in _PARTNER_PREPOSITIONS and head.head.pos_ == "VERB":
        return True  # "she worked for Korvex", "talks with Korvex", "sued by Korvex"
    if word.dep_ in ("compound", "nmod") and head.is_lower and (
            role_noun(head) or head.lemma_.lower() in lexicon().words("owned-nouns.txt")):
        return True
    if any(child.dep_ == "poss" and child.pos_ == "PROPN" for child in word.children):
        return True
    return any(child.dep_ == "appos" or child.is_lower and child.lower_ in descriptors() or
               child.lower_ == "based" for child in word.subtree if child.i != word.i and
               (child.head.i == word.i or child.lower_ == "based"))


def _in_a_longer_name(token: Any) -> bool:
    """Whether a token is one word of a longer name the model tagged ("Dun" in "Dun &
    Bradstreet")."""
    return token.ent_type_ != "" and any(
        len(ent) > 1 and ent.start <= token.i < ent.end for ent in token.doc.ents)


_LONGEST_HEAD_TITLE = 4
"""The most words a company head's title has ("president and chief executive")."""


def company_head_after(token: Any) -> int:
    """The number of words of a company head's title (``company-head-titles.txt``) right after
    a token, when a person's name follows the title: 2 after "Acme" in "Acme chief executive
    Jane Roe said", 1 after "Korvex" in "Korvex CEO Tom Hale"; 0 otherwise ("Volvo ocean racer
    X", "Korvex CEO said")."""
    doc = token.doc
    heads = lexicon().words("company-head-titles.txt")
    for size in range(_LONGEST_HEAD_TITLE, 0, -1):
        end = token.i + 1 + size
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and \
                " ".join(t.lower_ for t in doc[token.i + 1 : end]) in heads:
            return size
    return 0


def unsupported_everywhere(word: Any, ctx: Any) -> bool:
    """Whether no use of a word in the article (at most three) says it stands for a body or a
    person (:func:`stands_as_a_participant`, owning something: "Korvex's chief", one word of a
    longer name)."""
    doc = word.doc
    uses = ctx.positions_of(word.text)
    return len(uses) <= 3 and not any(
        stands_as_a_participant(doc[i], ctx.gazetteer) or _in_a_longer_name(doc[i]) or
        i + 1 < len(doc) and doc[i + 1].text in ("'s", "\u2019s") for i in uses)


def an_unsupported_word(span: Any, ctx: Any) -> bool:
    """Whether a body's name the model tagged is one capitalised word that nothing else in the
    article supports: the gazetteer does not know it (the caller's test), no word of it says what
    kind of body it is, it is not an acronym or a party's short name, and no use of it in the
    article stands where a body does (:func:`unsupported_everywhere`: not "Telstra said",
    "Telstra, the phone company", "Telstra's chief"; nor before a company head's title and
    name: "Telstra CEO X", :func:`company_head_after`). Such a word is more
    often a town, a part of a person's or a title's name or a thing the model took for a body
    ("a flare-up at Spencer", "the Tolkien classic", "Volvo ocean racer X") than a body."""
    if len(span) != 1:
        return False
    word = span[0]
    return word.is_alpha and word.is_title and not word.is_upper and \
        has_no_body_word(span.text) and span.text not in ctx.gazetteer.party_names and \
        unsupported_everywhere(word, ctx) and \
        not any(company_head_after(word.doc[i]) for i in ctx.positions_of(word.text))
