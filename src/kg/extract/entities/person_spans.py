"""People's names the model ran together or missed in forms of their own: a list of surnames
read as one name, a speaker's name in capitals before a transcript's colon.

The rules, in the order :func:`person_spans` runs them over the model's name spans: a name
with a number after it is the name alone (:func:`_name_alone`); a span
listing surnames the article gives people in full ("Okafor, Lindqvist and other ministers"
read as "Okafor, Lindqvist") is one span per person; a name written in capitals as a
transcript's speaker label ("DANA OKAFOR: We will appeal.") is that person's name.
"""

from __future__ import annotations

from typing import Any

from kg.lexicon import lexicon

# The model's labels a list of surnames or a speaker's label in capitals is given.
_LABELS = ("PERSON", "ORG")


def person_spans(doc: Any, ents: list[Any]) -> list[Any]:
    """The model's name spans with each list of surnames split into its people and each
    speaker's label in capitals read as a person's name, in order."""
    surnames = _surnames_of_full_names(ents)
    split = [part for ent in map(_name_alone, ents) for part in _split_list_of_surnames(ent, surnames)]
    labels = [label for label in _speaker_labels(doc)
              if not any(label.start < ent.end and ent.start < label.end and
                         ent.label_ not in _LABELS for ent in split)]
    kept = [ent for ent in split
            if not any(ent.start < label.end and label.start < ent.end for label in labels)]
    return sorted([*kept, *labels], key=lambda e: e.start)


def _name_alone(ent: Any) -> Any:
    """The rule "a person's name alone": a span the model tags a person's with a number after
    the name ("Ravi Mehta 3 for 41", a bowler's figures) is the name without it."""
    from kg.nlp import make_span

    if ent.label_ != "PERSON":
        return ent
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].is_digit:
        end -= 1
    return ent if end == ent.end else make_span(ent.doc, ent.start, end, "PERSON")


def _surnames_of_full_names(ents: list[Any]) -> frozenset[str]:
    """The last words of the names of two or three words the model tags a person's."""
    return frozenset(ent[-1].text for ent in ents if ent.label_ == "PERSON" and 2 <= len(ent) <= 3
                     and all(t.is_alpha and t.is_title for t in ent))


def _split_list_of_surnames(ent: Any, surnames: frozenset[str]) -> list[Any]:
    """"Okafor, Lindqvist and other ministers met" read as one name "Okafor, Lindqvist": a span
    of single capitalised words joined by commas (and "and"), each the surname of a person the
    article names in full ("Dana Okafor", "Erik Lindqvist"), is one person's name each. A span
    with any other word ("Durham, N.C.", "Smith, Jones Ltd") is left as it is."""
    from kg.nlp import make_span

    if ent.label_ not in _LABELS or not any(t.text == "," for t in ent):
        return [ent]
    words = [t for t in ent if not (t.text == "," or t.lower_ == "and" and t.is_lower)]
    joined = all(t.text == "," or t.lower_ == "and" and t.is_lower
                 for t in ent if t not in words)
    adjacent = any(words[k].i + 1 == words[k + 1].i for k in range(len(words) - 1))
    if len(words) < 2 or not joined or adjacent or not all(
            t.is_alpha and t.is_title and t.text in surnames for t in words):
        return [ent]
    return [make_span(ent.doc, t.i, t.i + 1, "PERSON") for t in words]


def _speaker_labels(doc: Any) -> list[Any]:
    """"DANA OKAFOR: We will appeal.": a name of two or three words in capitals that opens a
    line and stands before a colon is a transcript's speaker label, a person's name, where the
    article also writes it in ordinary capitals ("Dana Okafor said") or it begins with a common
    given name and its second word is no common English word ("MARK BANNERMAN:"). Not a heading
    ("BREAKING NEWS:", "UPDATE:"), whose words are no given name and no name the article writes,
    nor one whose first word is also a given name ("FRANK ASSESSMENT:")."""
    from kg.nlp import english_words, make_span

    given = lexicon().words("given-names.txt")
    labels = []
    for colon in (t for t in doc if t.text == ":" and t.i >= 2):
        start = colon.i
        while start > 0 and colon.i - start < 3 and doc[start - 1].is_alpha and \
                doc[start - 1].is_upper and len(doc[start - 1].text) > 1:
            start -= 1
        if colon.i - start < 2 or not (start == 0 or "\n" in doc[start - 1].text or
                                       "\n" in doc[start - 1].whitespace_):
            continue
        span = doc[start : colon.i]
        written = " ".join(t.text.title() for t in span)
        if span[0].text.title() in given and span[1].lower_ not in english_words() or \
                written in doc.text:
            labels.append(make_span(doc, start, colon.i, "PERSON"))
    return labels
