"""Parsing: the same documents in the same order whether one process parses or several, and
parser processes that end when the parse stops early."""

from __future__ import annotations

import multiprocessing

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
