"""The working state one article's extractors share: the parsed doc, its sentences and mentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, SupportsIndex

import numpy

from kg.gazetteer import Gazetteer
from kg.model import Article, Evidence, Mention, MentionKind, Sentence
from kg.vocab import kinds_of

STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'"})
# The columns of Doc.to_array that Context.tokens_with indexes, by the name it is asked by.
_TOKEN_COLUMNS = {"text": "ORTH", "lower": "LOWER", "lemma": "LEMMA", "lemma lower": "LEMMA", "dep": "DEP",
                  "pos": "POS", "tag": "TAG"}
_CREDITED = re.compile(r",[^.\n]{0,40}?(?:\(\w[\w .&-]{0,30}\)\s*)?[-\u2013\u2014]")
"""What follows a dateline's place: ", May 3 (AP) —", ", Peru (Reuters) -"."""
_CREDIT_ONLY = re.compile(r"\s*\(\w[\w .&-]{0,30}\)\s*(?:-{1,2}|[\u2013\u2014])\s")
"""What follows a dateline's place written with no comma, a wire credit and a dash: " (AP) —",
" (CNN) --"."""
_DASH_ONLY = re.compile(r"\s*(?:-{1,2}|[\u2013\u2014])\s")
"""What follows a dateline's place in capitals written with a dash alone: "LONDON — "."""


class MentionList(list[Mention]):
    """The mentions of an article, a list that keeps its mapping from mention id to mention
    (:meth:`by_id`) until it is changed: every change to the list forgets the mapping, so an
    extractor that puts a retyped copy in a mention's place (``ctx.mentions[i] = replace(m,
    ...)``) is seen by the next reader."""

    _by_id: dict[str, Mention] | None = None

    def by_id(self) -> Mapping[str, Mention]:
        """Each mention by its id (the last one, should two share an id), built once per change
        of the list. Read it, do not change it, and fetch it again after the list changes (a
        mention put in another's place is not in a mapping fetched before)."""
        if self._by_id is None:
            self._by_id = {mention.id: mention for mention in self}
        return self._by_id

    def __copy__(self) -> MentionList:
        return MentionList(self)  # its own mapping: not the original's, which appends change

    def __setitem__(self, index: Any, value: Any) -> None:
        self._by_id = None
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        self._by_id = None
        super().__delitem__(index)

    def __iadd__(self, other: Iterable[Mention]) -> MentionList:  # type: ignore[override, misc]
        self._by_id = None
        return super().__iadd__(other)

    def __imul__(self, count: SupportsIndex) -> MentionList:  # type: ignore[override]
        self._by_id = None
        return super().__imul__(count)

    def append(self, mention: Mention) -> None:
        if self._by_id is not None:  # a new mention: the mapping grows by one, not rebuilt
            self._by_id[mention.id] = mention
        super().append(mention)

    def extend(self, mentions: Iterable[Mention]) -> None:
        self._by_id = None
        super().extend(mentions)

    def insert(self, index: SupportsIndex, mention: Mention) -> None:
        self._by_id = None
        super().insert(index, mention)

    def pop(self, index: SupportsIndex = -1) -> Mention:
        self._by_id = None
        return super().pop(index)

    def remove(self, mention: Mention) -> None:
        self._by_id = None
        super().remove(mention)

    def clear(self) -> None:
        self._by_id = None
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._by_id = None  # the last of two sharing an id may change
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        self._by_id = None
        super().reverse()


@dataclass
class Context:
    """One article under extraction; extractors add mentions and read each other's."""

    article: Article
    doc: Any
    gazetteer: Gazetteer
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=MentionList)
    """A :class:`MentionList` whatever is assigned (see :meth:`__setattr__`)."""
    _sentence_of_token: dict[int, int] = field(default_factory=dict)
    _mention_of_token: dict[int, str] = field(default_factory=dict)
    _counter: int = 0
    _token_positions: dict[str, list[int]] | None = None
    _token_starts: list[int] | None = None
    _person_names: list[tuple[int, frozenset[str]]] | None = None
    _sentence_bounds: list[tuple[int, int]] = field(default_factory=list)
    _spans: dict[tuple[int, int], Any] = field(default_factory=dict)
    _token_columns: dict[str, Any] = field(default_factory=dict)
    fires_told: dict[str, bool] = field(default_factory=dict)
    """What the event finder read of the whole article for its fire words (a fire of the land, a
    fire set or a riot anywhere in it: :meth:`Triggers.set_by_people`), read once per article."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "mentions" and not isinstance(value, MentionList):
            value = MentionList(value)
        object.__setattr__(self, name, value)

    def mention_by_id(self) -> Mapping[str, Mention]:
        """Each mention by its id, as ``{m.id: m for m in ctx.mentions}`` would give it, built
        once until the mentions change (the list's own mapping: read it, never change it)."""
        mentions = self.mentions
        assert isinstance(mentions, MentionList)
        return mentions.by_id()

    def __post_init__(self) -> None:
        text = self.article.text
        for index, sent in enumerate(self.doc.sents):
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            self.sentences.append(Sentence(index, start, end, text[start:end]))
            self._sentence_bounds.append((sent.start, sent.end))
            self._sentence_of_token.update(dict.fromkeys(range(sent.start, sent.end), index))

    def dateline_place(self) -> Mention | None:
        """The place of the article's dateline ("LJUBLJANA, Slovenia (Reuters) -", "Kyiv, May 3
        (AP) —"): a place named first in the text, before a comma, in capitals or followed by a
        date or a wire credit. The parser often takes it for the first sentence's subject."""
        text = self.article.text
        start = len(text) - len(text.lstrip())
        first = next((m for m in self.mentions if m.start == start), None)
        if first is None:
            return None
        after = text[first.end:first.end + 60]
        if not after.startswith(","):
            return None
        shouting = first.text.isupper() and len(first.text) > 2
        if first.type not in PLACE_TYPES:
            # "LAMPEDUSA, Italy, June 19 —": a town the model took for an organisation is still
            # the dateline when a state follows it
            state = next((m for m in self.mentions if m.start > first.end), None)
            placed = state is not None and state.type in PLACE_TYPES and \
                text[first.end:state.start].strip() == ","
            return first if shouting and placed else None
        credited = _CREDITED.match(after)
        return first if shouting or credited else None

    def opening_dateline(self) -> Mention | None:
        """The place of the article's dateline however it is written: with a comma
        (:meth:`dateline_place`), or with a wire credit and a dash and no comma ("SAN FRANCISCO
        (AP) — Jane Roe resigned", "Nairobi (Reuters) -"), or in capitals with a dash alone
        ("LONDON — Tom Baker said"). Read to keep the dateline from being a sentence's subject;
        only the comma form places what the reporter tells (``places.AT_THE_DATELINE``)."""
        placed = self.dateline_place()
        if placed is not None:
            return placed
        text = self.article.text
        start = len(text) - len(text.lstrip())
        first = next((m for m in self.mentions if m.start == start), None)
        if first is None or first.type not in PLACE_TYPES:
            return None
        after = text[first.end:first.end + 60]
        shouting = first.text.isupper() and len(first.text) > 2
        return first if _CREDIT_ONLY.match(after) or (shouting and _DASH_ONLY.match(after)) else None

    def positions_of(self, text: str) -> list[int]:
        """The indices of the tokens whose text is ``text`` (an index built once per article, so
        that looking for every use of a name costs its uses, not the article's length)."""
        if self._token_positions is None:
            self._token_positions = {}
            for token in self.doc:
                self._token_positions.setdefault(token.text, []).append(token.i)
        return self._token_positions.get(text, [])

    def tokens_with(self, attribute: str, values: Collection[str]) -> list[Any]:
        """The tokens, in the text's order, whose ``attribute`` is one of ``values``: "text",
        "lower", "lemma", "dep", "pos", "tag" (spaCy's ``text``, ``lower_``, ``lemma_``,
        ``dep_``, ``pos_``, ``tag_``) or
        "lemma lower" (``lemma_.lower()``). What a walk over every token that reads only such
        tokens stops at, found in the column of the article's tokens (``Doc.to_array``, read
        once per attribute) by the values' hashes."""
        column = self._token_columns.get(attribute)
        if column is None:
            column = self._token_columns[attribute] = self.doc.to_array(_TOKEN_COLUMNS[attribute])
        strings = self.doc.vocab.strings
        if attribute == "lemma lower":
            wanted = [key for key in set(column.tolist()) if strings[key].lower() in values]
        else:
            wanted = [strings[value] for value in values]
        doc = self.doc
        found = numpy.isin(column, numpy.array(wanted, dtype=numpy.uint64))
        return [doc[i] for i in numpy.flatnonzero(found).tolist()]

    def token_from(self, offset: int) -> Any:
        """The first token that starts at or after a character offset (None after the last),
        as ``next((t for t in doc if t.idx >= offset), None)`` gives it, found by bisection
        over the tokens' offsets (listed once per article)."""
        if self._token_starts is None:
            self._token_starts = [token.idx for token in self.doc]
        index = bisect_left(self._token_starts, offset)
        return self.doc[index] if index < len(self._token_starts) else None

    def person_names(self) -> list[tuple[int, frozenset[str]]]:
        """The model's person names: (length in words, the set of their words), built once.
        A run of spaces inside a name is a token of its own ("Tora  Bora": "Tora", " ",
        "Bora"), and no word: it makes no name longer."""
        if self._person_names is None:
            self._person_names = [(len(words), frozenset(words)) for words in
                                  ([t.text for t in ent if not t.is_space]
                                   for ent in self.doc.ents if ent.label_ == "PERSON")]
        return self._person_names

    def part_of_longer_name(self, span: Any) -> bool:
        """Whether a name's words are part of a longer person name somewhere in the article
        ("Tora Bora" is no part of "Tora  Bora", written with two spaces)."""
        words = [t.text for t in span if not t.is_space]
        return any(size > len(words) and set(words) <= names
                   for size, names in self.person_names())

    def sentence_of(self, token: Any) -> int:
        """Index of the sentence a token is in."""
        return self._sentence_of_token[token.i]

    def tokens_of(self, sentence: int) -> Any:
        """The tokens of a sentence (by its index), as a span of the parse."""
        start, end = self._sentence_bounds[sentence]
        return self.doc[start:end]

    def text(self, start: int, end: int) -> str:
        """Exact article text between two offsets."""
        return self.article.text[start:end]

    def add_mention(
        self,
        tokens: Any,
        type_: str,
        *,
        kind: MentionKind = "name",
        key: str | None = None,
        attributes: tuple[tuple[str, str], ...] = (),
    ) -> Mention:
        """Record a mention over a token span (a spaCy Span or a slice of tokens)."""
        first, last = tokens[0], tokens[-1]
        start, end = first.idx, last.idx + len(last.text)
        existing = self.mention_at(first)
        if existing and existing.start == start and existing.end == end and existing.kind == kind:
            return existing
        self._counter += 1
        mention = Mention(
            id=f"m{self._counter}",
            text=self.text(start, end),
            start=start,
            end=end,
            sentence=self.sentence_of(first),
            type=type_,
            kind=kind,
            key=key,
            attributes=attributes,
        )
        self.mentions.append(mention)
        for token in tokens:
            self._mention_of_token.setdefault(token.i, mention.id)
        return mention

    def drop_mentions(self, ids: set[str]) -> None:
        """Forget mentions an extractor found to name nothing (a programme of a broadcaster):
        they leave the list and their tokens are covered by no mention."""
        self.mentions[:] = [m for m in self.mentions if m.id not in ids]
        for index in [i for i, mention_id in self._mention_of_token.items() if mention_id in ids]:
            del self._mention_of_token[index]

    def mention_at(self, token: Any) -> Mention | None:
        """The mention covering a token, if any."""
        mention_id = self._mention_of_token.get(token.i)
        if mention_id is None:
            return None
        return self.mention_by_id()[mention_id]

    def mention_in(self, token: Any, types: tuple[str, ...] | None = None) -> Mention | None:
        """The mention covering a token or, failing that, one of its compound/flat modifiers."""
        candidates = [token, *[c for c in token.children if c.dep_ in ("compound", "flat")]]
        for candidate in candidates:
            mention = self.mention_at(candidate)
            if mention and (types is None or mention.type in types or _in_family(mention, types)):
                return mention
        return None

    def first_token(self, mention: Mention) -> Any:
        """The token a mention starts with."""
        return self._tokens_over(mention.start, mention.end)[0]

    def last_token(self, mention: Mention) -> Any:
        """The token a mention ends with."""
        return self._tokens_over(mention.start, mention.end)[-1]

    def root_of(self, mention: Mention) -> Any:
        """The token of a mention the parser hangs its other words on ("Ministry" in "the
        Ministry of Health"; spaCy's ``Span.root``)."""
        return self._tokens_over(mention.start, mention.end).root

    def _tokens_over(self, start: int, end: int) -> Any:
        """The tokens over a stretch of text (``doc.char_span``, expanded to whole tokens),
        looked up once per stretch: the extractors ask for the first and last token of the same
        mentions again and again."""
        key = (start, end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self._spans[key]

    def evidence(self, tokens: Any, rule: str, confidence: float) -> Evidence:
        """Evidence pointing at the span of tokens (or one token) that expresses a fact."""
        if hasattr(tokens, "i") and not hasattr(tokens, "start"):
            tokens = [tokens]
        tokens = sorted(tokens, key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Evidence(self.sentence_of(tokens[0]), start, end, rule, confidence)


# The kinds of government bodies, organisations and places, as ontology/kg.ttl has them.
GOVERNMENT_TYPES = kinds_of("GovernmentOrganization")
ORGANIZATION_TYPES = kinds_of("Organization")
PLACE_TYPES = kinds_of("Place")


def _in_family(mention: Mention, types: tuple[str, ...]) -> bool:
    if "Organization" in types and mention.type in ORGANIZATION_TYPES:
        return True
    if "GovernmentOrganization" in types and mention.type in GOVERNMENT_TYPES:
        return True
    return "Place" in types and mention.type in PLACE_TYPES



def with_period(token: Any) -> str:
    """A token with the full stop the tokenizer split off: "Calif" + "." → "Calif."."""
    doc = token.doc
    return token.text + ("." if token.i + 1 < len(doc) and doc[token.i + 1].text == "." and
                         not token.whitespace_ else "")
