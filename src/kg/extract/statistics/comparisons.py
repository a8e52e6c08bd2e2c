"""How figures of one article relate: comparisons, differences, bases and restatements."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kg.extract.context import Context
from kg.extract.statistics.syntax import counted_noun, number_root
from kg.extract.statistics.written import figure_words, parse_number
from kg.model import Comparison, Statistic


def word_difference(span: Any, value: Decimal) -> Comparison:
    """"seven fewer than the winner", "one short of the 46 needed": a difference as words."""
    doc = span.doc
    word = doc[span.end].lower_
    sign = Decimal(1) if word in figure_words().rising else Decimal(-1)
    sentence_end = span.sent.end
    against = doc[span.end + 1 : sentence_end].text.strip(" .")
    against = re.sub(r"^(than|of)\s+", "", against)
    return Comparison("difference", value * sign, against[:160], f"{span.text} {word}")


def word_differences(found: list[tuple[Any, Statistic]],
                      differences: list[tuple[Any, Comparison]]) -> list[tuple[Any, Statistic]]:
    """A difference written in words belongs to the last figure before it in its sentence."""
    for span, comparison in differences:
        before = [i for i, (part, _) in enumerate(found)
                  if part.end <= span.start and part.sent.start == span.sent.start]
        if before:
            part, statistic = found[before[-1]]
            found[before[-1]] = (part, replace(
                statistic, comparisons=(*statistic.comparisons, comparison)))
    return found


def restatements(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"2.3 billion euros ($2.5 billion)": a sum restated in another currency in brackets counts
    what the first counts, for the same entity and event; and a figure the parse sets in
    apposition to another's noun restates it in other terms ("won 52 percent of the vote -- 40
    seats in all --"; "took 8 percent of the seats (12 seats)"): whom it is about and the event
    it measures are the first's, where it has none of its own."""
    result: list[tuple[Any, Statistic]] = []
    for part, statistic in found:
        if result and statistic.unit not in ("count", "percent"):
            previous_part, previous = result[-1]
            between = part.doc[previous_part.end : part.start].text.strip().lower()
            if previous.unit not in ("count", "percent") and between in ("(", "(about", "(or", "("):
                statistic = replace(statistic, measured=previous.measured, about=previous.about,
                                    event=previous.event)
        anchor = _apposed_figure(part, result)
        if anchor is not None:
            statistic = replace(statistic, about=statistic.about or anchor.about,
                                event=statistic.event or anchor.event)
        result.append((part, statistic))
    return result


def _apposed_figure(part: Any, earlier: list[tuple[Any, Statistic]]) -> Statistic | None:
    """The earlier figure of the same sentence whose noun a figure's counted noun is in
    apposition to ("68 percent of the vote -- 365 votes in all": "votes" hangs on "percent"),
    or to the whole a share is "of" ("9 percent of the ballots (400,000 votes)"); None for any
    other."""
    number = number_root(part)
    noun = counted_noun(number)
    if noun.dep_ != "appos":
        return None
    for earlier_part, statistic in reversed(earlier):
        if earlier_part.sent.start != part.sent.start:
            break
        anchor = counted_noun(number_root(earlier_part))
        # a share's figure may hang on the whole it is "of": "9 percent of the ballots
        # (400,000 votes)"
        wholes = [o.i for p in anchor.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"] if statistic.unit == "percent" else []
        if noun.head.i in (anchor.i, *wholes, *(t.i for t in earlier_part)):
            return statistic
    return None


def with_bases(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"1.22 percent out of 10,985": the percentage keeps its base."""
    result = []
    for index, (ent, statistic) in enumerate(found):
        if statistic.unit == "percent" and index + 1 < len(found):
            next_ent, following = found[index + 1]
            between = ent.doc[ent.end : next_ent.start].text.lower().strip()
            if between in ("out of", "of", "of the", "out of the", "of all") and \
                    following.unit == "count":
                statistic = replace(statistic, base=following.value)
                total = statistic.measured.replace(next_ent.text, "").strip(" ,")
                found[index + 1] = (next_ent, replace(following, measured=f"total: {total}"))
        result.append((ent, statistic))
    return result


def name_pronoun_figures(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"That's 134 more than X": a figure whose subject is a pronoun measures its difference."""
    result = []
    for ent, statistic in found:
        if statistic.measured.lower() in ("that", "this", "it", "which"):
            sentence = ent.sent
            rest = ent.doc[ent.end : sentence.end].text.strip(" .\n")
            statistic = replace(statistic, measured=rest[:160] or ent.text)
        result.append((ent, statistic))
    return result


def is_difference(span: Any) -> bool:
    """Whether a figure is a difference from another quantity ("134 more than the number of",
    "300 fewer than last year"): it measures the gap, not an event."""
    doc = span.doc
    after = doc[span.end : min(span.end + 2, len(doc))].text.lower()
    return bool(re.match(rf"({'|'.join(figure_words().comparatives)}) than", after))


def with_comparisons(ctx: Context, found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"triple the previous year", "134 more than", "about five times higher than"."""
    doc = ctx.doc
    words = figure_words()
    result = list(found)
    for sentence in ctx.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        in_sentence = [i for i, (e, _) in enumerate(result) if ctx.sentence_of(e[0]) == sentence.index]
        for token in span:
            ratio = None
            text = token.text
            lower = token.lower_
            if lower in words.ratios:
                ratio = words.ratios[lower]
            elif lower in words.multiples and token.i > 0:
                parsed = parse_number(doc[token.i - 1].text)
                if parsed:
                    ratio = parsed[0]
                    text = f"{doc[token.i - 1].text} {token.text}"
            if ratio is not None:
                rest = doc[token.i + 1 : span.end].text
                against = re.sub(rf"^({'|'.join(words.comparatives)}|as(?: many| much)?"
                                 r"|that of)?\s*(than|as)?\s*", "", rest).strip(" .")
                target = _subject_statistic(ctx, result, in_sentence, token, sentence.index)
                if target is not None:
                    ent, statistic = result[target]
                    comparison = Comparison("ratio", ratio, against[:160], text)
                    result[target] = (ent, replace(
                        statistic, comparisons=(*statistic.comparisons, comparison)))
        for i in in_sentence:
            ent, statistic = result[i]
            after = doc[ent.end : min(ent.end + 2, len(doc))].text.lower()
            if re.match(rf"({'|'.join(words.comparatives)}) than", after):
                against = doc[ent.end + 2 : span.end].text.strip(" .")
                sign = Decimal(1) if after.split()[0] in words.rising else Decimal(-1)
                comparison = Comparison("difference", statistic.value * sign, against[:160],
                                        f"{ent.text} {after}")
                target = i
                if _starts_with_pronoun(ctx, sentence.index) and \
                        in_sentence.index(i) == 0 and (earlier := _earlier(result, ent)):
                    target = earlier  # "That's 134 more than ...": the difference of "that"
                owner_ent, owner = result[target]
                result[target] = (owner_ent, replace(
                    owner, comparisons=(*owner.comparisons, comparison)))
    return result


def _subject_statistic(ctx: Context, found: list[tuple[Any, Statistic]], in_sentence: list[int],
                       token: Any, sentence: int) -> int | None:
    """The figure a comparison word qualifies: the one before it, or the previous sentence's."""
    before = [i for i in in_sentence if found[i][0].end <= token.i]
    if before:
        return before[-1]
    if _starts_with_pronoun(ctx, sentence) and in_sentence:
        return _earlier(found, found[in_sentence[0]][0])
    if _starts_with_pronoun(ctx, sentence):
        return _earlier(found, token.doc[token.i : token.i + 1])
    return None


def _starts_with_pronoun(ctx: Context, sentence: int) -> bool:
    """Whether a sentence opens with "That", "This" or "It" pointing back at a figure."""
    words = ctx.sentences[sentence].text.split()
    first = words[0].lower().replace("\u2019", "'").strip(".,;:!?\"()") if words else ""
    return first in ("that", "that's", "this", "it", "it's")  # not "Italy", "Its", "Thatcher"


def _earlier(found: list[tuple[Any, Statistic]], ent: Any) -> int | None:
    """The last figure before a span that is not just the base of a percentage."""
    bases = {id(f[1]) for f in found if f[1].measured.startswith("total: ")}
    candidates = [i for i, (e, s) in enumerate(found) if e.end <= ent.start and id(s) not in bases]
    return candidates[-1] if candidates else None
