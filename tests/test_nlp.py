"""Parsing: the same documents in the same order whether one process parses or several, and
parser processes that end when the parse stops early."""

from __future__ import annotations

import multiprocessing

import pytest

from kg.nlp import parse_pairs

TEXTS = [f"Minister Ana Costa {n} met reporters in Porto on Monday. Prices rose {n} percent."
         for n in range(40)]


def _parsed(processes: int) -> list[tuple[str, list[tuple[str, str, str]]]]:
    pairs = ((text, n) for n, text in enumerate(TEXTS))
    return [(ctx, [(t.text, t.dep_, t.ent_type_) for t in doc])
            for doc, ctx in parse_pairs(pairs, processes=processes, batch_size=4)]


def test_several_parser_processes_give_what_one_gives_in_order() -> None:
    one, two = _parsed(1), _parsed(2)
    assert [ctx for ctx, _ in two] == list(range(len(TEXTS)))
    assert two == one


def test_stopping_early_ends_the_parser_processes() -> None:
    before = set(multiprocessing.active_children())
    docs = parse_pairs(((text, n) for n, text in enumerate(TEXTS)), processes=2, batch_size=4)
    next(docs)
    assert len(set(multiprocessing.active_children()) - before) == 2
    docs.close()
    assert set(multiprocessing.active_children()) - before == set()


def test_work_on_each_document_runs_next_to_the_parse_and_comes_back_in_order() -> None:
    import os

    def work(doc, ctx):  # type: ignore[no-untyped-def]
        return ctx, len(doc), os.getpid()

    results = {}
    for processes in (1, 2):
        pairs = ((text, n) for n, text in enumerate(TEXTS))
        results[processes] = [found for found, _ in parse_pairs(pairs, processes=processes,
                                                                 batch_size=4, then=work)]
    assert [(n, size) for n, size, _ in results[2]] == [(n, size) for n, size, _ in results[1]]
    assert {pid for _, _, pid in results[1]} == {os.getpid()}
    assert os.getpid() not in {pid for _, _, pid in results[2]}  # done in the workers


def test_the_loaded_heap_is_left_out_of_garbage_collection_while_articles_are_worked_on() -> None:
    import gc

    def work(doc, ctx):  # type: ignore[no-untyped-def]
        return gc.get_freeze_count()

    counts = {}
    for processes in (1, 2):
        pairs = ((text, n) for n, text in enumerate(TEXTS[:8]))
        counts[processes] = [n for n, _ in parse_pairs(pairs, processes=processes, batch_size=4,
                                                      then=work)]
    assert min(counts[1]) > 10_000 and min(counts[2]) > 10_000  # the pipeline at least
    assert gc.get_freeze_count() == 0  # and unfrozen after, in this process


def test_a_gazetteer_name_holding_the_models_pieces_is_one_entity() -> None:
    """The model cuts names at "and" ("Saint Kitts and" + a person "Saint Kitts", "Trinidad" +
    "Tobago"); the gazetteer's whole name replaces the pieces it holds, and never cuts a longer
    name the model found."""
    from kg.nlp import parse

    doc = parse("Saint Kitts and Nevis will vote in May. A sailor defected to Saint Kitts and "
                "Nevis, and Trinidad and Tobago sent observers. The Bank of England said it "
                "would wait.", None)
    names = [(e.text, e.label_) for e in doc.ents]
    assert names.count(("Saint Kitts and Nevis", "GPE")) == 2
    assert ("Trinidad and Tobago", "GPE") in names
    assert not any(text in ("Saint Kitts", "Saint Kitts and", "Trinidad", "Tobago", "Nevis")
                   for text, _ in names)
    assert ("The Bank of England", "ORG") in names  # not cut to the gazetteer's "England"


@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("Jane Okoro co-founded the software company Brightline in 1998.", "co-founded", "Okoro"),
    ("Two ministers were co-hosting the summit in Nairobi.", "co-hosting", "ministers"),
    ("Researchers in Oslo co-authored the report with colleagues.", "co-authored", "Researchers"),
])
def test_a_verb_formed_with_co_is_one_word_with_its_subject(
        text: str, verb: str, subject: str) -> None:
    """"Jane Okoro co-founded Brightline": one verb whose subject is the founder, not "co" as
    the clause's verb and the founder a compound of it."""
    from kg.nlp import parse

    doc = parse(text, None)
    token = next(t for t in doc if t.text == verb)
    assert any(c.text == subject and c.dep_.startswith("nsubj") for c in token.children)


@pytest.mark.parametrize(("text", "verb", "lemma"), [
    ("Jane Okoro co-founded the software company Brightline in 1998.", "co-founded", "co-found"),
    ("Two ministers were co-hosting the summit in Nairobi.", "co-hosting", "co-host"),
    ("The envoys co-signed the accord on Monday.", "co-signed", "co-sign"),
])
def test_a_verb_formed_with_co_has_its_stems_lemma(text: str, verb: str, lemma: str) -> None:
    """"co-founded" → "co-found", not the lemmatiser's "co-founde" read off the whole word."""
    from kg.nlp import parse

    assert next(t for t in parse(text, None) if t.text == verb).lemma_ == lemma


@pytest.mark.parametrize("text", [
    "Kwame Mensah, a co-founder of Brightline Energy, spoke first.",
    "Senator Lisa Park, the committee's co-chair, objected.",
    "The co-op sold a taco-stand and a Co-operative Bank share.",
])
def test_a_noun_formed_with_co_and_other_hyphened_words_stay_split(text: str) -> None:
    """The title rules read "co" | "-" | "founder" (kg.extract.relations.titles): only verbs
    ending in "-ed" or "-ing" are kept whole."""
    from kg.nlp import parse

    words = [t.text for t in parse(text, None)]
    assert "co" in words or "Co" in words
    assert not any(w.lower().startswith("co-") for w in words)


def test_the_co_verb_rule_needs_spacys_one_hyphen_infix() -> None:
    """kg.nlp finds spaCy's infix that splits a hyphen between letters from spaCy's own
    HYPHENS, and stops with a message when a spaCy version has none (or several) of it,
    rather than silently splitting "co-founded" again."""
    from types import SimpleNamespace

    import spacy

    from kg.nlp import _split_dotted_compounds

    nlp = spacy.blank("en")
    _split_dotted_compounds(nlp)
    assert [t.text for t in nlp("Ana co-founded a well-known firm.")] == \
        ["Ana", "co-founded", "a", "well", "-", "known", "firm", "."]
    other = SimpleNamespace(Defaults=SimpleNamespace(infixes=[r"(?<=[0-9])[+\-\*^](?=[0-9-])"]),
                            tokenizer=SimpleNamespace(infix_finditer=None))
    with pytest.raises(RuntimeError, match="_CO_VERB"):
        _split_dotted_compounds(other)
