"""Where an article quotes someone: the quotation marks, whether a place in the text is inside a
quotation (of its paragraph, or opened and closed in its sentence), and who speaks it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model import Mention

QUOTE_MARKS = ('"', "\u201c", "\u201d")
_MARK = re.compile("[" + "".join(QUOTE_MARKS) + "]")
_MARK_OR_BREAK = re.compile("[" + "".join(QUOTE_MARKS) + "\n]")
_SPEAKER_AFTER = 40
"""How many characters after a closing quotation mark the speaker's name may begin: '," the
Defence Minister, Jane Roe, said'."""
_SPEAKER_SENTENCE = 160
"""How far a quotation that goes on may open after the one whose speaker it takes: one
sentence ('"...," Roe told the agency from Kabul. "He is here"')."""


def quoted_speaker(text: str, mentions: Iterable[Mention], offset: int,
                   said: Iterable[tuple[int, Mention]] = ()) -> Mention | None:
    """The named person who speaks the quotation a place in the text is in, who says "I", not
    "he" or "she": the person named right after it closes ('"I don't mind meeting him," Mr
    Roe said': not Roe), or right before it opens after a colon ('Mr Roe said: "I met him"'),
    or, for a quotation that goes on after the sentence that tells who speaks ('"...," Mr Roe
    said. "I met him"'), the one named there; None outside quotations or when no one is named
    so. ``said`` gives the named speakers of statements by where their words ("he said")
    begin, as the events tell them, for a speaker the text names by a pronoun only. News copy
    that lost its paragraphs leaves a quotation that goes on to the next one unclosed, so a
    mark opens a quotation by where it stands, not by how many came before."""
    paragraph = text.rfind("\n", 0, offset) + 1
    marks = [found.start() for found in _MARK.finditer(text, paragraph, offset)]
    if not marks or not opens(text, marks[-1]):
        return None
    people = sorted([*((m.start, m) for m in mentions if m.type == "Person" and m.kind == "name"),
                     *said], key=lambda pair: pair[0])
    ended = _MARK_OR_BREAK.search(text, offset)
    close = ended.start() if ended else len(text)
    if close < len(text) and text[close] != "\n" and not opens(text, close):
        after = _named_after(text, people, close)
        if after is not None:
            return after
    opening = marks[-1]
    lead = text[:opening].rstrip()
    if lead.endswith(":"):  # 'Mr Roe said: "..."'
        return next((m for start, m in reversed(people) if opening - _SPEAKER_AFTER <= start < opening), None)
    at = len(marks) - 1  # '"...," Mr Roe said. "I met him"', also after unclosed ones
    while at > 0 and text[:marks[at]].rstrip().endswith((".", ".\"")):
        if not opens(text, marks[at - 1]):
            near = marks[at] - marks[at - 1] <= _SPEAKER_SENTENCE
            return _named_after(text, people, marks[at - 1]) if near else None
        at -= 1
    return None


def opens(text: str, mark: int) -> bool:
    """Whether a quotation mark opens a quotation: a curly one by its shape, a straight one by
    the space or the start of the text before it."""
    if text[mark] != '"':
        return text[mark] == "\u201c"
    return mark == 0 or text[mark - 1].isspace() or text[mark - 1] in "(["


def _named_after(text: str, people: list[tuple[int, Mention]], close: int) -> Mention | None:
    """The person named right after a closing quotation mark, in its sentence."""
    tail = text[close + 1:close + 1 + _SPEAKER_AFTER]
    cut = min((tail.find(c) for c in ".\n" if c in tail), default=len(tail))
    return next((m for start, m in people if close < start <= close + 1 + cut), None)


def inside(text: str, offset: int) -> bool:
    """Whether a place in the text is inside a quotation its paragraph opened: the last
    quotation mark before it in its paragraph opens one (see :func:`opens`), so a closing mark
    of a quotation that went on from the paragraph before ('... the end," he said.') opens
    nothing."""
    paragraph = text.rfind("\n", 0, offset) + 1
    last = max((text.rfind(mark, paragraph, offset) for mark in QUOTE_MARKS), default=-1)
    return last >= 0 and opens(text, last)


def within_sentence(sentence: str, offset: int) -> bool:
    """Whether a word at ``offset`` of a sentence stands inside a quotation the sentence both
    opens before it and closes after it: the speaker's own words, which tell what the speaker
    says, not what the text reports as having happened ('"He'd been in the trenches, killed a
    few people," the man said': the man's claim; '"the number of troops killed is now three"':
    a toll told again)."""
    before, after = sentence[:offset], sentence[offset:]
    straight = before.count('"') % 2 == 1 and '"' in after
    curly = before.count("\u201c") > before.count("\u201d") and "\u201d" in after
    return straight or curly
