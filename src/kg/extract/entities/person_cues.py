"""What a name's words and the article's uses of it say of whether it is a person's: a title
or a kinship noun before it ("President Thabo Mbeki", "her husband Tom"), a role apposed to it,
a surname the article gives in full; and, of a one-word name the model took for a person's,
whether anything in the article writes the word as someone's name, or only as a common word."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.entities.body_cues import has_no_body_word, unsupported_everywhere
from kg.extract.names import a_given_name
from kg.extract.organizations import classify_organization
from kg.extract.place_words import PLACE_NAME_ENDS, place_name_words
from kg.gazetteer import Place
from kg.lexicon import lexicon
from kg.nlp import english_words as common_english_words

# Common surnames that are also English words ("Smith", "Rice"): a person's name first.
_SURNAME_WORDS = lexicon().words("surname-words.txt")

# The lemmas of verbs whose subject is someone speaking: "Okafor said", "Okafor told". Not
# events.yaml's verbs of speech (events.lexicon.saying_verbs): those lack "speak", "write"
# and "recall" and have verbs a company or a common word is the subject of ("confirm", "report").
_SPEAKING = {"say", "tell", "add", "ask", "speak", "write", "explain", "insist", "claim", "announce",
             "warn", "admit", "deny", "describe", "recall"}


def a_common_word_for_a_person(span: Any, ctx: Any) -> bool:
    """Whether a person's name the model tagged is one capitalised word that English has as a
    common word (WordNet's, lower case: "Marijuana becomes legal", "Paranoia set in") and that
    no use in the article writes as someone's: not a given name, no speaker of the article's
    words ("Rice said", "Baker told reporters"), nothing apposed to it and nothing it owns ("Rice,
    a diplomat", "Baker's office"). (The caller checks that no honorific or title goes before it
    anywhere and that it is no part of a longer person's name, as "Bush" after "George Bush".)"""
    if len(span) != 1:
        return False
    word = span[0]
    if not (word.is_alpha and word.is_title and not word.is_upper) or a_given_name(word.text) or \
            word.lower_ not in common_english_words() or word.text in _SURNAME_WORDS:
        return False  # "Smith defected": a surname first, though "smith" is a word
    doc = word.doc
    return not any(_a_persons_cue(doc[i], ctx.gazetteer) for i in ctx.positions_of(word.text))


def _a_persons_cue(word: Any, gazetteer: Any) -> bool:
    """Whether one use of a word writes it as someone's name: a speaking verb's subject or the
    one it addresses ("he told Smith"), the subject of "is" with an occupation's noun ("Sampson
    was a refugee"), an apposition either way, an owner ("Baker's office"), a nickname in
    quotes inside a name ("Lee 'Sparrow' Min")."""
    doc = word.doc
    head = word.head
    quoted = 2 <= word.i < len(doc) - 2 and doc[word.i - 1].text in _QUOTES and \
        doc[word.i + 1].text in _QUOTES and doc[word.i - 2].is_title and doc[word.i + 2].is_title
    return word.dep_ in ("nsubj", "appos", "poss") and (
        word.dep_ != "nsubj" or head.lemma_.lower() in _SPEAKING) or quoted or \
        word.dep_ in ("dobj", "dative") and head.lemma_.lower() in _ADDRESSING or \
        word.dep_ == "nsubj" and head.lemma_ == "be" and any(
            child.dep_ == "attr" and child.lemma_.lower() in gazetteer.occupations
            for child in head.children) or \
        any(child.dep_ == "appos" for child in word.children) or \
        word.i + 1 < len(doc) and doc[word.i + 1].text in ("'s", "\u2019s")


# The lemmas of verbs whose object is someone spoken to: "he told Smith", "asked Baker".
_ADDRESSING = {"tell", "ask", "thank", "interview", "brief", "urge", "warn", "remind"}


# The marks a nickname is quoted in.
_QUOTES = {'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"}


def written_as_a_persons_name(span: Any, gazetteer: Any) -> bool:
    """A given name and a surname the model took for an organisation's that the sentence writes
    as a person's: right after a person's title in lower case ("UN envoy Terje Roed-Larsen",
    "the spokesman Ali Hassan") or joined by "and" to a name the model took for a person's
    ("batsmen Makhaya Ntini and Nanti Hayward")."""
    words = [t for t in span if t.text != "-"]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            any(t.text in place_name_words(*PLACE_NAME_ENDS)
                for t in words):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.tag_ == "NN" and \
            before.head.i in range(span.start, span.end) and (
            before.lower_ in gazetteer.titles or before.lower_ in gazetteer.occupations):
        return True
    last = span[-1]
    partners = [child for child in last.children if child.dep_ == "conj"]
    if last.dep_ == "conj":
        partners.append(last.head)
    return any(t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in partners)


def ends_with_a_named_surname(span: Any, surnames: set[str], gazetteer: Any) -> bool:
    """Whether a name of two or three capitalised words the model left untagged is a person's by
    its last word, the surname of a person the article names in full (``surnames``): a relative
    in a family story ("Tomas Ruiz Castell", the father of "Diego Castell", named by the father's
    full name at the start of a sentence); not where an earlier word says what else it is (a
    title's, a place's, a people's or a known body's word: "Senator Castell", "Mount Castell")."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            words[-1].text not in surnames:
        return False
    return has_no_body_word(span.text) and not any(
        t.text in place_name_words(*PLACE_NAME_ENDS, "feature-first") or
        t.text in gazetteer.institution_heads or
        t.text in gazetteer.party_names or t.lower_ in gazetteer.titles or
        t.text in gazetteer.honorifics or gazetteer.demonym(t.text) is not None or
        _known_beyond_a_town(t.text, gazetteer)
        for t in words[:-1])


def _known_beyond_a_town(word: str, gazetteer: Any) -> bool:
    """Whether the gazetteer knows a word as a body's or a place's name other than a small
    town's (many given names are some small town's too: "Tomas", "Ruiz")."""
    known = gazetteer.lookup(word)
    return known is not None and not (isinstance(known, Place) and known.minor)


def kin_apposed(span: Any, gazetteer: Any) -> bool:
    """"his daughter, Beatriz", "her husband Tom", "his daughter-in-law Alissa": a name in
    apposition to a kinship noun (a kin by marriage too, which names no relation of the
    ontology but a person all the same)."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    if index >= 4 and [t.lower_ for t in doc[index - 3 : index + 1]] == ["-", "in", "-", "law"]:
        index -= 4  # "daughter-in-law", split at its hyphens
    return index >= 0 and doc[index].lower_ in gazetteer.kinship and doc[index].is_lower


def apposed_to_a_role(span: Any, gazetteer: Any) -> bool:
    """"Dana Okafor, an analyst at Brightline Capital, said", "Pieter Vos, chairman of the port
    authority, told reporters": two or three capitalised words the model took for a body's or a
    place's are a person's name when the parse apposes to them, right after a comma, a lower-case
    title or occupation only a person holds (not one a body may hold too: "Deloitte, the
    auditor", "KPMG, the administrator", "Apple, the market leader")."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            not has_no_body_word(span.text) or any(
                t.text in place_name_words(*PLACE_NAME_ENDS) or t.text in gazetteer.party_names or
                t.text in gazetteer.institution_heads or t.lower_ in gazetteer.titles or
                gazetteer.demonym(t.text) is not None for t in words):
        return False
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    return any(child.dep_ == "appos" and child.i > span.end and child.is_lower and
               child.tag_ == "NN" and child.lower_ not in lexicon().words("body-roles.txt") and
               (child.lower_ in gazetteer.titles or child.lower_ in gazetteer.occupations)
               for child in span.root.children)


def titled_name(span: Any, gazetteer: Any) -> bool:
    """"President Thabo Mbeki": two or three capitalised words right after a capitalised title
    are a person's name, whatever kind of name the model took them for."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.start == 0 or not all(
            t.is_alpha and t.text[:1].isupper() for t in span):
        return False
    title = doc[span.start - 1]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper() and \
        classify_organization(span.text) == "Organization" and \
        span[-1].text not in place_name_words("facility-last", "way-last", "way-last-surname")
    # not "Queen Elizabeth Hospital", "King Street"


# Words before a common noun that show it is one: "the skipper", "another Beatle".
_NOUN_DETERMINERS = {"the", "a", "an", "another", "every", "each", "this", "that"}


def person_name_part(span: Any, gazetteer: Any) -> Any:
    """The part of a span typed a person's that is the name: without the capitalised common
    words the model took in before it. A title ("Skipper Brandt said" tagged a body's name, as
    ``trim`` cuts it from a person's), a day's word that opens the sentence ("Tomorrow
    Harrison's family will ...") or a word the article writes elsewhere as a common noun, in
    lower case or alone after a determiner ("Drummer Ray Cole" and "the drummer", "the
    Drummer said"), is no part of a name when a name is left without it ("Tiger Woods" keeps
    its first word); a common given name ("Mark", "Frank") and a place's name the gazetteer
    knows ("the Darwin region") always are. When the model's span slipped a
    word to the left ("Guides Simon" + "Wiget"), the untagged capitalised word after a given
    name left alone is the surname."""
    doc = span.doc
    given = lexicon().words("given-names.txt")
    dates = lexicon().dates
    start = span.start
    while span.end - start > 1:
        word = doc[start]
        lower = word.lower_
        if not word.is_alpha or not word.is_title or word.text in given:
            break
        if not (lower in gazetteer.titles or lower in dates.weekdays or lower in dates.days_back or
                gazetteer.lookup(word.text) is None and _leaves_a_name(doc[start + 1 : span.end], given)
                and (_written_as_a_noun(word) or _a_job_before_a_full_name(doc[start : span.end]))):
            break
        start += 1
    end = span.end
    if start > span.start and end - start == 1 and end < len(doc) and doc[start].text in given:
        after = doc[end]
        if after.is_alpha and after.is_title and after.pos_ == "PROPN" and after.ent_iob_ != "B" and \
                after.ent_type_ in ("", "PERSON"):  # no other name begins there
            end += 1
    return doc[start:end]


def _a_job_before_a_full_name(span: Any) -> bool:
    """"Paramedic Lena Ortiz, who ...": a capitalised trade or role (``professions.txt``,
    ``occupations.txt``) opening a sentence before a common given name and a surname is the
    person's job, not part of the name; not a given name that is also a trade ("Mason Lee
    Tran") nor a job word before a surname alone ("Baker Tran")."""
    first = span[0]
    return len(span) >= 3 and first.is_sent_start and not a_given_name(first.text) and \
        first.lower_ in _jobs() and a_given_name(span[1].text)


@cache
def _jobs() -> frozenset[str]:
    return lexicon().words("professions.txt") | lexicon().words("occupations.txt")


def _leaves_a_name(rest: Any, given: Any) -> bool:
    """Whether the words left after a common noun is cut still make a name on their own: two
    words or more ("Beatle George Harrison"), or a given name whose surname follows untagged
    ("Guides Simon" + "Wiget"); a surname alone does not ("Tiger Woods", "Magic Johnson": the
    first word is the name's even where the article writes "a tiger")."""
    return len(rest) > 1 or len(rest) == 1 and rest[0].text in given


def _written_as_a_noun(word: Any) -> bool:
    """Whether the article writes a capitalised word elsewhere as a common noun: in lower case,
    or alone after a determiner ("the Beatle said"), not as the start of a longer name."""
    doc = word.doc
    return any(
        other.i != word.i and other.lower_ == word.lower_ and (
            other.is_lower and other.pos_ == "NOUN" or
            other.i > 0 and doc[other.i - 1].lower_ in _NOUN_DETERMINERS and
            other.ent_type_ in ("", "PERSON", "NORP") and
            not (other.i + 1 < len(doc) and doc[other.i + 1].is_title))
        for other in doc)


def a_lone_word_for_a_person(span: Any, ctx: Any) -> bool:
    """Whether a person's name the model tagged is one capitalised word that nothing else in the
    article writes as a person's: not a common given name, no use of it standing where a person
    does (:func:`unsupported_everywhere`: "Ntini took three wickets", "he told Ntini"), with
    nothing apposed to it or owning it ("his son Tom", "Tom, 12,") and not after a kinship noun.
    (The caller checks that no honorific or title goes before it anywhere and that it is no part
    of a longer person's name.) Such a word is more often a town, a region, a thing or a cut
    part of a name ("fires above Tarrow", "the lower Tarrow") than someone the article names by
    one word alone."""
    if len(span) != 1:
        return False
    word = span[0]
    gazetteer = ctx.gazetteer
    return word.is_alpha and word.is_title and not word.is_upper and \
        word.text not in lexicon().words("given-names.txt") and \
        word.dep_ not in ("appos", "poss") and unsupported_everywhere(word, ctx) and \
        not any(child.dep_ in ("appos", "poss") for child in word.children) and \
        not kin_apposed(span, gazetteer) and \
        not (word.head.is_lower and word.head.lower_ in gazetteer.kinship)
