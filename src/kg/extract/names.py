"""What a name looks like: its words, particles and capitals, and the span of it that is the name."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.organizations import trailing_nouns
from kg.lexicon import lexicon

# "Sharm el-Sheikh", "Corriere della Sera", "Folha de S.Paulo", "Ortega y Gasset".
LOWER_NAME_WORDS = lexicon().words("name-lower-words.txt")


_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.N.", "U.S."


def _dangling_words() -> frozenset[str]:
    """Lower-case joining words that a name has inside it ("Bank of England") but never at its
    end: the model sometimes stops a body's or an office's name before the place that completes
    it (``dangling-words.txt``)."""
    return lexicon().words("dangling-words.txt")


def _particle_first(tokens: Any) -> bool:
    """"al-Qaida", "el-Baradei": a lower-case particle joined by a hyphen to a capitalised word."""
    return len(tokens) > 2 and tokens[0].lower_ in name_particles() and tokens[1].text == "-" \
        and not tokens[0].whitespace_ and tokens[2].text[:1].isupper()


def looks_like_name(tokens: Any) -> bool:
    words = [t.text for t in tokens if t.is_alpha or _DOTTED_ABBREVIATION.match(t.text)]
    if not words or not (tokens[0].text[:1].isupper() or _particle_first(tokens)):
        return False
    if any(re.search(r"\.(com|org|net)\b|https?:|www\.", t.text) for t in tokens):
        return False
    after_hyphen = {t.i for t in tokens if t.i > 0 and t.doc[t.i - 1].text == "-"
                    and not t.doc[t.i - 1].whitespace_}
    return all(t.text[:1].isupper() or t.lower_ in LOWER_NAME_WORDS or "-" in t.text
               or t.i in after_hyphen  # "Park Ji-hoon": the tokenizer splits "Ji - hoon"
               for t in tokens if t.is_alpha)


def _rank_before_a_name(token: Any) -> bool:
    """Whether a word is a title cut short with a full stop ("Adm.", or "Lt" whose full stop the
    tokenizer split off) just before a capitalised name: "Coast Guard Adm. Thad Allen", "Air
    Force Lt. Gen. Ann Moss", "Col. O'Neil Baptiste" (``title-abbreviations.tsv``); not "Acme
    Corp." nor a rank that ends the sentence."""
    doc = token.doc
    abbreviations = lexicon().classes("title-abbreviations.tsv")
    index = token.i + 1
    if token.text not in abbreviations:
        if token.whitespace_ or index >= len(doc) or doc[index].text != "." or \
                f"{token.text}." not in abbreviations:
            return False
        index += 1
    while index < len(doc) and (doc[index].text in abbreviations or doc[index].text == "."):
        index += 1  # "Lt. Gen. Paul Reed": the ranks before the name
    return index < len(doc) and doc[index].text[:1].isupper() and \
        any(letter.isalpha() for letter in doc[index].text)  # "Col. O'Neil Baptiste"


def trim(ent: Any, gazetteer: Any) -> Any:
    """The part of an entity span that is the name: no leading 'the' or titles, no trailing 's."""
    start, end = ent.start, ent.end
    doc = ent.doc
    label = ent.label_
    # Each word is read from the document once where it is tested (a Token is made each time
    # it is read: trim is asked of every name, several times).
    while start < end:
        first = doc[start]
        if not (first.lower_ in ("the", "a", "an") or first.is_punct):
            break
        start += 1
    while end > start:
        last = doc[end - 1]
        if not (last.text in ("'s", "'", "\u2019s") or last.is_punct or last.text in _dangling_words()):
            break
        end -= 1  # "the Anglican Archbishop of" (Brisbane tagged apart): no name ends in "of"
    while start < end - 1 and doc[start].text in gazetteer.honorifics:
        start += 1  # "Mr Fleischer": the name is "Fleischer"
    if label == "ORG":
        while end - start > 1:
            last = doc[end - 1]
            if not (last.is_lower and last.lower_ in trailing_nouns()):
                break
            end -= 1  # "Yonhap news agency": the noun after the name says what it is
        while end - start > 1 and _rank_before_a_name(doc[end - 1]):
            end -= 1  # "Coast Guard Adm. Thad Allen": the rank is the person's, not the body's
    if label == "PERSON":
        while start < end - 1:
            first = doc[start]
            if not (first.lower_ in gazetteer.titles or first.lower_ in ("former", "late")):
                break
            start += 1
        while end - start > 1 and doc[end - 1].text in gazetteer.post_nominals:
            end -= 1  # "Wayne Martin QC"
        titles = [i for i in range(start, end - 2) if doc[i].lower_ in gazetteer.titles]
        if titles:
            start = titles[-1] + 1  # "Federal Labor MP Carmen Lawrence": the name after the title
    return doc[start:end]


def name_particles() -> frozenset[str]:
    """Lower-case particles inside personal names ("van", "bin"; ``name-particles.txt``)."""
    return lexicon().words("name-particles.txt")


def extend_person(span: Any, gazetteer: Any) -> Any:
    """'Ana Vidmar' when the model only marked 'Vidmar', 'Van der Berg Logistics' when it marked
    'Berg Logistics': take in the capitalised name parts and particles just before."""
    doc = span.doc
    start = span.start
    while start > 0:
        token = doc[start - 1]
        particle = token.lower_ in name_particles() and token.is_lower and start >= 2 and \
            doc[start - 2].text[:1].isupper()
        capitalised = token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha \
            and (token.head.i in range(start, span.end) or doc[start].lower_ in name_particles())
        if not (particle or capitalised) or token.ent_type_ or token.text in gazetteer.honorifics \
                or token.lower_ in gazetteer.titles or token.is_sent_start and particle:
            break
        start -= 1
    if doc[start].lower_ in name_particles() and doc[start].is_lower and \
            not _particle_first(doc[start : span.end]):
        start += 1  # never begin a name with a lowercase particle, unless hyphened: "al-Qaida"
    return doc[start : span.end]


def only_title_words(span: Any, gazetteer: Any) -> bool:
    """"Supreme" out of "Supreme Leader" is part of a title, not an organisation."""
    words = title_words(gazetteer.titles)
    alpha = [t for t in span if t.is_alpha]  # "U.N." has no word to be a title
    return bool(alpha) and all(t.lower_ in words for t in alpha)


_TITLE_WORDS: dict[int, tuple[Any, int, frozenset[str]]] = {}
"""The words of a gazetteer's titles, by the id of its table of titles (kept with it)."""


def title_words(titles: Any) -> frozenset[str]:
    """Every word of the titles ("supreme", "leader"), gathered once per table of titles, not
    once per name (0.3 ms an article)."""
    held = _TITLE_WORDS.get(id(titles))
    if held is None or held[0] is not titles or held[1] != len(titles):
        held = _TITLE_WORDS[id(titles)] = (
            titles, len(titles), frozenset(word for title in titles for word in title.split()))
    return held[2]



def a_given_name(word: str) -> bool:
    """Whether a word is a given name: a common one in English-language news
    (``given-names.txt``) or one of many countries' (``given-names-world.txt``, from Faker's
    per-locale lists)."""
    return word in lexicon().words("given-names.txt") or \
        word in lexicon().words("given-names-world.txt")
