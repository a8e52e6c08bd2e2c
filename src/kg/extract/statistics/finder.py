"""Every reported figure of an article, each with what it counts, about whom, when and for which event."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, Context
from kg.extract.statistics.about import about_of
from kg.extract.statistics.comparisons import (
    is_difference,
    name_pronoun_figures,
    restatements,
    with_bases,
    with_comparisons,
    word_difference,
    word_differences,
)
from kg.extract.statistics.event import (
    SAYING,
    a_share_of_goods,
    cause_event,
    event_measured_by_words,
    linking_verb,
    measured_event,
    named_cause,
    place_of_the_whole,
    tells_a_cause,
    toll_causes,
    what_the_event_did,
)
from kg.extract.statistics.measured import measured_phrase
from kg.extract.statistics.not_figures import (
    is_a_family_count,
    is_a_rank_or_a_label,
    is_a_ranking_or_a_list_title,
    is_measurement,
)
from kg.extract.statistics.shorthand import is_rating, is_shorthand_label, scale_of_shorthand
from kg.extract.statistics.small_counts import counts_others_in_a_toll
from kg.extract.statistics.sources import inherit_sources, sources_by_sentence
from kg.extract.statistics.spans import (
    as_written,
    counted_beside_a_figure,
    figure_ends,
    is_multiple,
    is_reference,
    is_score,
    is_split_range,
    is_time_or_name,
    is_vague,
    may_be_figure,
    untagged_figures,
)
from kg.extract.statistics.syntax import counted_noun, number_root
from kg.extract.statistics.timing import in_an_earlier_year, is_habitual, time_for
from kg.extract.statistics.written import TOLL_EVENTS, counted_nouns, figure_words
from kg.lexicon import lexicon
from kg.model import Comparison, Event, Statistic, TimeValue


def _inside_a_body_name(ctx: Context, span: Any) -> bool:
    """Whether a number is written inside an organisation's name, after its first word: a
    union local's number ("Teamsters Local 42", "UAW Local 600") names the body, it counts
    nothing."""
    mention = ctx.mention_at(span[0])
    return mention is not None and mention.kind == "name" and \
        mention.type in ORGANIZATION_TYPES and mention.start < span[0].idx and \
        ctx.mention_at(span[-1]) is mention


def find_statistics(ctx: Context, events: list[Event]) -> list[Statistic]:
    """Every reported figure in the article, with what the text says about it."""
    doc = ctx.doc
    sources = sources_by_sentence(ctx, events)
    dates = [ent for ent in doc.ents if ent.label_ in ("DATE",)]
    # A figure a report or a statement gives is what was said, not a measure of the saying: those
    # triggers stop the search (None) without being measured.
    triggers = {index: (None if e.type in SAYING else e.key)
                for e in events if not e.negated and (index := _trigger_index(e)) is not None}
    # "Bombers killed 26 people", "police arrested 40": the figure counts whom the event
    # harmed, who are not the agent's.
    victims = frozenset(index for index, key in triggers.items() if key is not None and any(
        e.key == key and e.type in figure_words().victim_events for e in events))
    # a toll goes to the attack or disaster the text says caused the deaths, and stays
    # unresolved when kg found no event for that cause
    deaths = {e.key: doc.char_span(index, index + 1, alignment_mode="expand")[0]
              for e in events if e.type == "Death" and (index := _trigger_index(e)) is not None}
    causes = toll_causes(lexicon().events.triggers)
    found: list[tuple[Any, Statistic]] = []
    differences: list[tuple[Any, Comparison]] = []
    written_until = 0
    for ent in sorted([*doc.ents, *untagged_figures(doc)], key=lambda e: e.start):
        if not may_be_figure(ent) or ent.start < written_until:
            continue
        span = as_written(ent)
        if span.end > ent.end:
            written_until = span.end  # what it took in ("$700 to" + "$900 million") is read
        following = doc[span.end] if span.end < len(doc) else None
        ends = figure_ends(span, following)
        if not ends or is_score(span) or is_measurement(span, following) or \
                is_time_or_name(span) or is_vague(span) or is_split_range(span, following) or \
                is_reference(span) or _inside_a_body_name(ctx, span) or \
                is_a_rank_or_a_label(span) or \
                ends[0][3] == "count" and (is_a_ranking_or_a_list_title(span) or
                                           is_shorthand_label(span) or is_rating(span)):
            continue  # "330 miles", "a magnitude 6.1 quake", "Sept. 11", "Lawal, 30,", "several
            # thousand", "a 12 to 18-month freeze", "the 10 most populous states", "the No. 2
            # official", "a 400m race", "the 3M company", "four stars"
        if ends[0][3] == "count":
            scale = scale_of_shorthand(span)  # "300K workers": 300,000
            ends = [(part, value * scale, qualifier, unit) for part, value, qualifier, unit in ends]
        value = ends[0][1]
        if is_multiple(span, following):
            continue  # "five times higher", "7x more" is a comparison, not a figure
        if not any(ch.isdigit() for ch in ent.text) and ends[0][3] == "count":
            if following is not None and following.lower_ in figure_words().comparatives and \
                    following.i + 1 < len(doc) and doc[following.i + 1].lower_ in ("than", "of"):
                differences.append((span, word_difference(span, value)))
                continue  # "seven fewer than the winner": a difference of the figure before
                # (but "nineteen more were injured" is a toll of its own)
            counted = {ent.root.head.lower_, following.lower_ if following is not None else ""}
            if value < 10 and not counted & counted_nouns() and \
                    not counted_beside_a_figure(number_root(span)) and \
                    not counts_others_in_a_toll(number_root(span)) or \
                    value < 10 and is_a_family_count(span):
                continue  # "his two sons", "had three sons with her"; but "eight civilians
                # dead and nine wounded", "18 tourists and three guides"
        if ends[0][3] == "count" and all(re.fullmatch(r"(1[89]|20)\d\d", part.text.strip())
                                         for part, *_ in ends):
            continue  # a bare year, or a span of years ("the 1999-2000 season")
        if ends[0][3] == "count" and re.search(r"(?<![\d.,])0\d+\b", ent.text):
            continue  # "007", "0800": a code, not a quantity
        sentence = ctx.sentence_of(ent[0])
        skip = {t.i for t in span}
        measured = measured_phrase(number_root(span), ctx, skip)
        time = time_for(ctx, ent, dates)
        about = about_of(ctx, span, set(triggers), money=ends[0][3] not in ("count", "percent"),
                       victims=victims)
        by_words, own = (None, None) if is_difference(span) else \
            (event_measured_by_words(span, sentence, events), measured_event(span, triggers))
        if by_words is not None and _a_toll_of_an_earlier_year(time, own, by_words, events):
            by_words = None  # "312 drivers died over the holiday weekend last year" after this
            # week's storm: deaths before an attack, disaster or war are no toll of it
        event = by_words or own
        if event is None and ends[0][3] == "count" and not is_difference(span):
            event = what_the_event_did(span, sentence, events, triggers)  # "the storm left
            # 2,000 homes without power"
        if a_share_of_goods(span, event, events):
            event = None  # "bought 38 percent of all the cattle": a trade, not a takeover
        if about is None and event is not None:
            about = place_of_the_whole(span, event, events)  # "turnout reached 61 percent"
        cause = named_cause(deaths[event], causes) if event in deaths else None
        linking = linking_verb(span)
        if linking is not None:  # "40 people are dead after floods in X": the floods' toll
            cause = named_cause(linking, causes) or cause
            if cause is None and tells_a_cause(linking):
                event = None  # "14 are dead after a stampede": no earlier attack's toll
        if cause is not None:
            event = cause_event(cause, triggers)
        if event is not None and is_habitual(span):
            event = None  # "2,000 people die from malaria each year": a rate, no one death
        for index, (part, value, qualifier, unit) in enumerate(ends):
            statistic = Statistic(
                key=f"statistic-{ent.start_char if index == 0 else part.start_char}",
                value=value,
                unit=unit,
                measured=measured,
                evidence=ctx.evidence(list(part), f"figure:{ent.label_.lower()}", 0.8),
                text=part.text,
                qualifier=qualifier,
                time=time,
                about=about,
                source=sources.get(sentence),
                event=event,
            )
            found.append((part, statistic))
    found = _told_again(ctx, _parts_measure_the_whole_event(found), events)
    found = restatements(word_differences(found, differences))
    found = with_bases(found)
    found = name_pronoun_figures(with_comparisons(ctx, found))
    return inherit_sources(ctx, [s for _, s in found])


def _parts_measure_the_whole_event(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """A part counted inside another figure's phrase measures the event the whole measures,
    when it measures none of its own: in "the toll rose to 1,121 people, including 865
    Palestinians and 234 Israelis" and "21 people including 14 Australians were killed", the
    parts are of the same toll."""
    wholes = {counted_noun(number_root(part)).i: statistic for part, statistic in found}
    parts = []
    for part, statistic in found:
        noun = counted_noun(number_root(part))
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head  # "865 Palestinians and 234 Israelis"
        whole = wholes.get(noun.head.head.i) if noun.dep_ == "pobj" and \
            noun.head.lower_ == "including" else None
        if statistic.event is None and whole is not None and whole is not statistic:
            statistic = replace(statistic, event=whole.event)
        parts.append((part, statistic))
    return parts


def _told_again(ctx: Context, found: list[tuple[Any, Statistic]],
                events: list[Event]) -> list[tuple[Any, Statistic]]:
    """The figures of an article without those that restate one told in an earlier sentence:
    the same value in the same unit, counting the same noun ("more than 400 staff are to lose
    their jobs ... More than 400 staff will be made redundant"), measuring the same event, or
    an event of the same type at the same place ("killed 10 Israelis in the West Bank raid ...
    the ambush which killed 10 settlers in the West Bank"; not "two soldiers were killed in X
    ... two civilians were killed in Y"). Two equal figures of one sentence ("5,000 francs for
    X, 4,000 for Y and 4,000 for Z") are different ones."""
    types = {e.key: e.type for e in events}

    def named(about: str | None) -> str | None:
        # "in the West Bank" told twice is one place, though each telling is a mention of its own
        mention = ctx.mention_by_id().get(about) if about is not None else None
        return None if mention is None else mention.key or mention.text.lower()

    def noun(part: Any) -> str | None:
        counted = counted_noun(number_root(part))
        return None if counted.like_num or counted.i in {t.i for t in part} else counted.lemma_.lower()

    kept: list[tuple[Any, Statistic]] = []
    for part, statistic in found:
        again = any(
            earlier.value == statistic.value and earlier.unit == statistic.unit
            and earlier.evidence.sentence < statistic.evidence.sentence
            and ((noun(part) is not None and noun(part) == noun(earlier_part))
                 or (statistic.event is not None and statistic.event == earlier.event)
                 or (statistic.event is not None and earlier.event is not None
                     and types.get(statistic.event) == types.get(earlier.event)
                     and named(statistic.about) is not None
                     and named(statistic.about) == named(earlier.about)))
            for earlier_part, earlier in kept)
        again = again or any(_a_sum_told_again(part, statistic, earlier_part, earlier)
                             for earlier_part, earlier in kept)
        if not again:
            kept.append((part, statistic))
    return kept


def _a_sum_told_again(part: Any, statistic: Statistic, earlier_part: Any,
                      earlier: Statistic) -> bool:
    """Whether a sum of money restates one an earlier sentence told: the same value in the same
    currency, written as one the reader knows ("the $5,000 in prize money" after "each winner
    received five thousand dollars"; "10% of the $74 billion in fees and $70 billion in ad
    sales", each told before) or hung on a noun and a verb of one word ("a funding cut of
    $500,000" after "the board has cut $500,000 from its budget"). Sums of one sentence, or
    hung on other words, or on the same verb or noun twice, and written without "the", are
    different ones ("Acme paid $5 million ... Beta raised $5 million"; "Acme raised $5 million
    in March. Beta raised $5 million in April")."""
    if statistic.unit in ("count", "percent") or earlier.unit != statistic.unit or \
            earlier.value != statistic.value or \
            earlier.evidence.sentence >= statistic.evidence.sentence:
        return False
    if _written_as_known(part):
        return True
    word, earlier_word = _word_a_sum_hangs_on(part), _word_a_sum_hangs_on(earlier_part)
    return word.lemma_.lower() == earlier_word.lemma_.lower() and \
        {word.pos_, earlier_word.pos_} == {"NOUN", "VERB"}  # "a cut of" after "has cut"


def _first_conjunct(part: Any) -> Any:
    """The noun a figure counts, or the first conjunct of a list it is one of ("$70 billion"
    in "the $74 billion in fees and $70 billion in ad sales" is "billion" of "$74 billion")."""
    noun = counted_noun(number_root(part))
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _written_as_known(part: Any) -> bool:
    """Whether a figure is written with "the", itself or as a conjunct of one that is ("the $74
    billion in fees and $70 billion in ad sales")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in _first_conjunct(part).children)


def _word_a_sum_hangs_on(part: Any) -> Any:
    """The verb or noun a sum is the object or "of" phrase of: "cut" in "has cut $500,000" and
    in "a funding cut of $500,000"; the sum's own head word otherwise."""
    noun = _first_conjunct(part)
    return noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head


def _a_toll_of_an_earlier_year(time: TimeValue | None, own: str | None, key: str,
                               events: list[Event]) -> bool:
    """Whether the deaths a figure counts are of a year before the attack, disaster or war of
    ``key``, as kg read the dates: the figure's own date, or that of the Death event its clause
    tells (``own``: "died ... last year")."""
    by_key = {e.key: e for e in events}
    event = by_key.get(key)
    if event is None or event.type not in TOLL_EVENTS:
        return False
    death = by_key.get(own or "")
    times = [time, death.time if death is not None and death.type == "Death" else None]
    return any(in_an_earlier_year(told, event.time) for told in times)


def _trigger_index(event: Event) -> int | None:
    """Where an event's trigger word starts in the text, as its key says ("event-412")."""
    prefix, _, index = event.key.rpartition("-")
    return int(index) if prefix == "event" and index.isdigit() else None
