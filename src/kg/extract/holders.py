"""The named holder of an unnamed office: the one person an article titles with that office."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.context import Context
from kg.extract.coreference import surname
from kg.model import Mention

_HONORIFICS = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Senator|Professor|General|Judge)\.?\s+)?"
_BEFORE_NAME = 80
"""How many characters before a name the title written before it may start."""


@lru_cache(maxsize=512)
def title_before_name(title: str) -> re.Pattern[str]:
    """A title written just before a name, built once for each title (the last 512 kept):
    "Governor-General Peter Roe", "the Premier, Dr Ana Lopes"; a word between them only when
    capitalised, so "the ambassador thanked Jo Roe" titles no one."""
    return re.compile(re.escape(title) + r",?\s+(?-i:(?:[A-Z]\w*\s+)?)" + _HONORIFICS + r"$", re.I)


def written_before(ctx: Context, title: str) -> list[Mention]:
    """The named persons the article writes a title just before, in the order of the text:
    "the statement by Ambassador Abbas Khalaf" for "ambassador"."""
    before = title_before_name(title)
    text = ctx.article.text
    return [m for m in ctx.mentions if m.kind == "name" and m.type == "Person"
            and before.search(text[max(0, m.start - _BEFORE_NAME):m.start])]


def office_holders(ctx: Context, office: str, *, titled: Iterable[tuple[Mention, str | None]] | None = None,
                   sentence: int | None = None, reach: int = 2) -> list[Mention]:
    """The mentions of the one named person the article titles with an office, or [] when it
    titles none or several people so ("Iraq's ambassador said ... the statement by Ambassador
    Abbas Khalaf": Khalaf's mentions). A person is titled so by the given (person, title) pairs
    (their job titles, already read as gazetteer titles) or, without them, by the title written
    just before their name anywhere in the article (``written_before``). Near ``sentence``:
    only names in it or in the ``reach`` sentences after it. One person: the names share a
    surname ("Ambassador Abbas Khalaf ... Ambassador Khalaf")."""
    named = written_before(ctx, office) if titled is None else \
        [person for person, title in titled if title == office]
    if sentence is not None:
        named = [m for m in named if 0 <= m.sentence - sentence <= reach]
    return named if len({surname(m) for m in named}) == 1 else []
