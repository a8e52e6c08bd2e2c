"""The names the model reads around a verb formed with "co-" ("co-founded"), mended: the
model never saw the one word, runs a name over it and misreads what it has for its object."""

from __future__ import annotations

from typing import Any

from kg.nlp import SHARED_PREFIX, SHARED_VERB


def mend_names_at_shared_verbs(doc: Any) -> None:
    """The rule "names around a shared verb": "Ann Lee co-founded Acme Labs", one organisation
    to the model, is the person "Ann Lee" and the organisation "Acme Labs" (cut at the verb);
    the proper name "co-founded" has for its object is an organisation, where the model reads
    a person or a work or nothing ("Tomas Berg co-founded Larkspur Analytics")."""
    if SHARED_PREFIX not in doc.text.lower():
        return  # no word formed with "co-": nothing to mend (most articles; read once)
    if any(SHARED_VERB.match(t.text) for ent in doc.ents for t in ent):
        doc.ents = _cut_at_shared_verbs(doc)
    if any(t.lemma_ == _COFOUND for t in doc):
        doc.ents = _what_was_cofounded(doc)


_COFOUND = SHARED_PREFIX + "found"


def _what_was_cofounded(doc: Any) -> list[Any]:
    """The model's names, with the proper name a "co-founded" verb has for its object an
    organisation: the model, which never saw the one word "co-founded", reads that object as
    a person or a work or misses it ("Ann Lee co-founded Larkspur Analytics"), where after
    "founded" it reads an organisation."""
    from kg.nlp import make_span

    ents = list(doc.ents)
    for verb in doc:
        if verb.lemma_ != _COFOUND or verb.pos_ != "VERB":
            continue
        for head in verb.children:
            if head.dep_ != "dobj" or head.pos_ != "PROPN" or not head.text[:1].isupper():
                continue
            start = head.i
            while start > verb.i + 1 and doc[start - 1].pos_ == "PROPN" and \
                    doc[start - 1].head.i == head.i and doc[start - 1].dep_ == "compound":
                start -= 1
            overlapping = [e for e in ents if e.start < head.i + 1 and start < e.end]
            if not overlapping:
                ents.append(make_span(doc, start, head.i + 1, "ORG"))
            elif len(overlapping) == 1 and overlapping[0].label_ in ("PERSON", "WORK_OF_ART",
                                                                     "PRODUCT"):
                ent = overlapping[0]
                ents[ents.index(ent)] = make_span(doc, ent.start, ent.end, "ORG")
    return sorted(ents, key=lambda e: e.start)


def _cut_at_shared_verbs(doc: Any) -> list[Any]:
    """The model's names, each cut at a verb formed with "co-" inside it: the verb is one word
    the model never saw, and it runs one name over it ("Ann Lee co-founded Acme Labs" as one
    organisation); the name before the verb and the one after are the names."""
    from kg.nlp import make_span

    ents = []
    for ent in doc.ents:
        if not any(token.is_lower and SHARED_VERB.match(token.text) for token in ent):
            ents.append(ent)  # kept whole, with the gazetteer's key of a ruler's name
            continue
        start = ent.start
        for token in ent:
            if token.is_lower and SHARED_VERB.match(token.text):
                if token.i > start:
                    ents.append(make_span(doc, start, token.i, ent.label_))
                start = token.i + 1
        if start < ent.end:
            ents.append(make_span(doc, start, ent.end, ent.label_))
    return ents
