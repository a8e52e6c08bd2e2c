"""What extraction builds once per process instead of once per article or per call gives the
same answers as building it anew (the caches of docs/performance.md)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from kg.extract.events.lexicon import Triggers
from kg.extract.names import only_title_words
from kg.extract.statistics.written import currency_codes, currency_of
from kg.lexicon import lexicon


def test_the_event_triggers_are_built_once_per_lexicon() -> None:
    words = lexicon().events.triggers
    assert Triggers.of(words) is Triggers.of(words)
    assert Triggers.of(words).nouns == Triggers(words).nouns
    other = {"Meeting": {"verbs": ["confer"], "nouns": ["parley"]}}
    assert Triggers.of(other).nouns == {"parley": "Meeting"}  # another lexicon, its own triggers


def test_title_words_follow_the_table_of_titles() -> None:
    def span(*words: str) -> list[SimpleNamespace]:
        return [SimpleNamespace(is_alpha=True, lower_=w) for w in words]

    gazetteer = SimpleNamespace(titles={"supreme leader": None})
    assert only_title_words(span("supreme"), gazetteer)
    assert not only_title_words(span("grand", "vizier"), gazetteer)
    gazetteer.titles["grand vizier"] = None  # a table that grows is read again
    assert only_title_words(span("grand", "vizier"), gazetteer)
    assert not only_title_words(span("grand", "vizier"), SimpleNamespace(titles={}))


def test_currencies_are_found_as_before_with_their_patterns_compiled_once() -> None:
    import re

    from kg.extract.statistics.written import _written

    def anew(text: str) -> tuple[str, str] | None:
        return next(((code, written) for written, code in currency_codes().items()
                     if re.search(_written((written,)), text)), None)

    for text in ("3bn euros", "$40", "a$ 12m", "5 pc", "40 cents", "12 dollarsigns", "80 yen"):
        assert currency_of(text) == anew(text)
    assert currency_of("$40") is not None


def test_names_are_normalised_the_same_when_asked_again() -> None:
    from kg.gazetteer import normalize_name

    for _ in range(2):
        assert normalize_name("the  Ruritanian\u2019s") == "Ruritanian"
        assert normalize_name(" The Hague ") == "Hague"


def test_a_mentions_first_and_last_tokens_are_looked_up_once() -> None:
    from kg.extract.context import Context
    from kg.gazetteer import default_gazetteer
    from kg.model import Article
    from kg.nlp import parse

    text = "Mayor Lena Varga of Portville opened the new bridge."
    ctx = Context(Article(id="a", text=text), parse(text), default_gazetteer())
    mention = ctx.add_mention(ctx.doc[1:3], "Person")
    calls = []
    doc = ctx.doc

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(doc, name)

        def char_span(self, *args: object, **kwargs: object) -> object:
            calls.append(args)
            return doc.char_span(*args, **kwargs)

    ctx.doc = Counting()
    assert [ctx.first_token(mention).text, ctx.last_token(mention).text] == ["Lena", "Varga"]
    assert ctx.first_token(mention).i == 1 and ctx.last_token(mention).i == 2
    assert len(calls) == 1


def test_the_mentions_by_id_follow_every_change_to_the_mentions() -> None:
    from dataclasses import replace

    from kg.extract.context import Context
    from kg.gazetteer import default_gazetteer
    from kg.model import Article
    from kg.nlp import parse

    text = "Mayor Lena Varga of Portville met Omar Quist in Dunmere."
    ctx = Context(Article(id="a", text=text), parse(text), default_gazetteer())
    varga = ctx.add_mention(ctx.doc[1:3], "Person")
    town = ctx.add_mention(ctx.doc[4:5], "City")

    def anew() -> dict[str, object]:
        return {m.id: m for m in ctx.mentions}

    by_id = ctx.mention_by_id()
    assert by_id == anew() and ctx.mention_by_id() is by_id  # built once
    quist = ctx.add_mention(ctx.doc[6:8], "Person")  # a new mention is seen
    assert ctx.mention_by_id()[quist.id] is quist and ctx.mention_by_id() == anew()
    retyped = ctx.mentions[1] = replace(town, type="Country")  # a mention put in another's place
    assert ctx.mention_by_id()[town.id] is retyped and ctx.mention_at(ctx.doc[4]) is retyped
    ctx.mentions.remove(quist)
    assert quist.id not in ctx.mention_by_id() and ctx.mention_by_id() == anew()
    ctx.mentions += [quist]
    ctx.mentions.sort(key=lambda m: m.start, reverse=True)
    del ctx.mentions[0]
    assert ctx.mention_by_id() == anew() and quist.id not in ctx.mention_by_id()
    ctx.mentions = [varga]  # a list assigned is kept as such a list too
    assert ctx.mention_by_id() == {varga.id: varga}
    ctx.mentions.append(retyped)
    assert ctx.mention_by_id() == anew() and ctx.mention_at(ctx.doc[1]) is varga


def test_the_lexicon_files_read_through_libyaml_are_what_pyyaml_reads() -> None:
    from kg.lexicon import _safe_yaml

    for path in sorted(lexicon().directory.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert repr(_safe_yaml(text)) == repr(yaml.safe_load(text)), path.name
    invented = "storm words:\n  - gale\n  - yes\n  - 'no'\nmonths: {May: 5}\n"
    assert _safe_yaml(invented) == {"storm words": ["gale", True, "no"], "months": {"May": 5}}
    broken = "storm words: [gale, squall\n"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(broken)
    with pytest.raises(yaml.YAMLError) as found:
        _safe_yaml(broken)
    assert str(found.value) == str(expected.value)  # PyYAML's own message, as before


def test_a_capital_is_found_as_by_a_scan_of_every_place() -> None:
    from kg.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()

    def scanned(key: str) -> object:
        return next((p for p in gazetteer.places.values()
                     if p.type == "Country" and p.capital == key), None)

    for key in gazetteer.places:  # the keys with no capital answer None without the scan
        assert gazetteer.capital_of(key) == scanned(key), key
    assert gazetteer.capital_of("no-such-place") is None


def test_the_token_at_an_offset_and_the_sentence_of_a_token_are_found_as_by_a_scan() -> None:
    from kg.extract.context import Context
    from kg.gazetteer import default_gazetteer
    from kg.model import Article
    from kg.nlp import parse

    text = "Mayor Lena Varga of Portville opened the bridge.  It cost $4m, she said. Rain fell."
    ctx = Context(Article(id="a", text=text), parse(text), default_gazetteer())
    doc = ctx.doc
    for offset in range(len(text) + 2):
        expected = next((t for t in doc if t.idx >= offset), None)
        found = ctx.token_from(offset)
        assert (found.i if found is not None else None) == \
            (expected.i if expected is not None else None), offset
    sentences = {token.i: index for index, sent in enumerate(doc.sents) for token in sent}
    assert {token.i: ctx.sentence_of(token) for token in doc} == sentences
    assert len(set(sentences.values())) == 3


def test_a_word_of_a_title_is_found_as_by_splitting_every_title() -> None:
    from kg.extract.names import title_words
    from kg.gazetteer import default_gazetteer

    titles = default_gazetteer().titles
    words = {word for title in titles for word in title.split()} | {"co-founder", "mayor", "walrus"}
    for word in words:
        assert (word in title_words(titles)) == any(word in title.split() for title in titles)
