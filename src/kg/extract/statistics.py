"""Reported figures: value, unit, what is counted, when, about whom, who said so, and comparisons."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.coreference import body_for_pronoun
from kg.extract.dates import resolve_time
from kg.extract.entities import argument_mention
from kg.extract.events import REPORTING
from kg.gazetteer import lexicon_classes, lexicon_words, read_table
from kg.lexicon import NumberWords, lexicon
from kg.model import Comparison, Event, Statistic
from kg.resources import resource_path


def _numbers() -> NumberWords:
    """The words around figures (``data/lexicon/numbers.yaml``)."""
    return lexicon().numbers


@cache
def _currencies() -> dict[str, str]:
    """Currency words and symbols → ISO code (``data/lexicon/currencies.tsv``), longest first."""
    rows = read_table(resource_path("lexicon", "currencies.tsv"))
    table = {row["written"].strip().lower(): row["code"].strip() for row in rows}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


@cache
def _word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line lexicon of ``data/lexicon``, lower-cased (tokens are compared so)."""
    return frozenset(word.lower() for word in lexicon_words(name))


def _counted_nouns() -> frozenset[str]:
    """Words after which a word number below ten is a figure (``counted-nouns.txt``)."""
    return _word_list("counted-nouns.txt")


def _measure_units() -> frozenset[str]:
    """Units of physical measurement, whose numbers are not figures (``measure-units.txt``)."""
    return _word_list("measure-units.txt")


def _currency(text: str) -> tuple[str, str] | None:
    """The ISO code of the currency a figure is written in, and the words that say so."""
    for written, code in _currencies().items():  # longest first: "a$" before "$"
        if re.search(_written((written,)), text):
            return code, written
    return None


def _written(words: tuple[str, ...]) -> str:
    """A pattern for any of some words as written after a number, a word not run into another
    ("5pc", "5 per cent"; not "pcs" or "percentages")."""
    return "|".join(rf"(?<![a-z]){re.escape(w)}" + ("(?![a-z])" if w[-1].isalpha() else "")
                    for w in words)


@cache
def _percent() -> str:
    """How news copy writes a percentage: "5%", "5 per cent", "5 percentage points", "5pc"."""
    return _written(_numbers().percent)


def _percent_tokens() -> frozenset[str]:
    """The tokens a parsed percentage ends in ("%", "percent", the "cent" of "per cent")."""
    return _numbers().percent_tokens


def parse_number(text: str) -> tuple[Decimal, str | None, str] | None:
    """Value, qualifier and unit of a figure as written: "as many as 188" → (188, "as many as"),
    "$3bn" → (3000000000, None, "USD"), "forty-two" → (42, None, "count")."""
    lowered = text.lower().replace("\u2019", "'").strip()
    lowered = re.sub(r"^the\s+", "", lowered)
    qualifier = None
    for candidate in _numbers().qualifiers:
        if lowered.startswith(candidate + " "):
            qualifier = candidate
            lowered = lowered[len(candidate) + 1 :]
            break
    unit = "count"
    if re.search(_percent(), lowered):
        unit = "percent"
        lowered = re.sub(_percent(), "", lowered)
    currency = _currency(lowered)
    if currency is not None:
        unit, written = currency
        lowered = lowered.replace(written, " ")
    elif re.fullmatch(rf"\d+(?:\.\d+)?\s*(?:{'|'.join(_numbers().cents)})", lowered):
        # "27c a share", "40 cents"
        cents = Decimal(re.match(r"\d+(?:\.\d+)?", lowered).group(0))  # type: ignore[union-attr]
        return cents / 100, qualifier, _currencies()["$"]
    match = re.search(r"\d[\d,]*(?:\.\d+)?", lowered)
    if match is None:
        value = _word_value(re.findall(r"[a-z]+", lowered))
        return None if value is None else (value, qualifier, unit)
    try:
        value = Decimal(match.group(0).replace(",", ""))
    except InvalidOperation:
        return None
    suffixes = dict(_numbers().scale_suffixes)
    if unit not in ("count", "percent"):
        suffixes.update(_numbers().money_suffixes)  # "£450m", but "a 400m race"
    written_in = re.match(rf"\s?({'|'.join(suffixes)})\b", lowered[match.end():])
    if written_in:
        value *= suffixes[written_in.group(1)]
    for scale, factor in _numbers().scales.items():
        if re.search(rf"\b{scale}\b", lowered):
            value *= factor
    return value, qualifier, unit


def _word_value(words: list[str]) -> Decimal | None:
    """The number some words write: "forty-two" → 42, "two hundred" → 200, "a million" →
    1000000, "half a million" → 500000 (None when no number word is there)."""
    named, multipliers, scales = _numbers().number_words, _numbers().multipliers, _numbers().scales
    fractions = {word: ratio for word, ratio in _numbers().ratios.items() if ratio < 1}
    total, current, seen = Decimal(0), Decimal(0), False
    for word in words:  # other words ("a", "and", "people") are passed over
        if word in fractions:
            current += fractions[word]  # "half a million", "two and a half million"
            continue
        if word in named:
            current += named[word]
        elif word in multipliers:
            current = (current or Decimal(1)) * multipliers[word]
        elif word in scales:
            total += (current or Decimal(1)) * scales[word]
            current = Decimal(0)
        else:
            continue
        seen = True
    return total + current if seen else None


def _measured(token: Any, ctx: Context, skip: set[int]) -> str:
    """A short phrase for what a figure counts, built from the parse around it."""
    noun = _counted_noun(token)
    if noun.i != token.i and token.dep_ == "nsubj":
        skip = skip | {t.i for t in token.subtree}  # "14 of them Australians": the Australians
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("attr", "acomp") or token.dep_ in ("attr",):
        verb = noun.head if noun.dep_ in ("attr", "acomp") else token.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            noun = subjects[0]
    if noun.lower_ in _percent_tokens() and noun.dep_ in ("appos", "conj", "attr", "dobj") \
            and noun.head.pos_ == "NOUN":
        noun = noun.head
    elif noun.lower_ in _percent_tokens() or noun.i == token.i:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "out"):
                objects = [c for c in child.subtree if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                    noun = objects[0]
                    break
    unit_words = {*_percent_tokens(), *_numbers().scales, *_all_suffixes(), *_currencies()}
    if noun.i == token.i or noun.lower_ in unit_words:
        described = _described_by_verb(noun) if noun.head.pos_ in ("VERB", "AUX") else \
            _described_by_prepositional_verb(noun)
        if described:
            return described
    if noun.i != token.i:
        skip = skip | {t.i for t in token.subtree if t not in noun.subtree}
    for child in noun.children:  # ", or 1.22 percent out of 10,985": a restatement, not a part
        if child.dep_ in ("appos", "conj", "cc", "punct") and child.i > noun.i:
            skip = skip | {t.i for t in child.subtree}
    for t in noun.subtree:  # "of the roughly 1.7 million voters": another figure's number
        if t.dep_ in ("nummod", "quantmod") and t.i != token.i and t.head.i != token.i:
            skip = skip | {d.i for d in t.subtree}
    words = []
    for t in noun.subtree:
        if t.i != noun.i and (t.i in skip or t.ent_type_ in ("DATE", "TIME")) or t.i == token.i:
            continue  # the counted noun stays, even inside the figure ("1.2 million barrels")
        if t.dep_ in ("nummod", "quantmod", "det", "punct") and t.i < noun.i or \
                t.text in ("-", "–") and (t.i - 1 in skip or t.i - 1 == token.i):
            continue
        words.append(t)
        if len(words) >= 18:
            break
    phrase = _words(words).strip(" ,.-—")
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        verb = noun.head
        preps = [c for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i][:1]
        tail = [verb, *[t for c in preps for t in list(c.subtree)[:5] if not t.is_punct]]
        phrase = f"{phrase} {_words(tail)}"
    phrase = re.sub(r"^(the )?(number|total|share|proportion) of (the )?", "", phrase, flags=re.I)
    phrase = re.sub(r"^(of|out of) (the )?", "", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    if not phrase or all(word in unit_words | {"a", "an", "per"} or any(ch.isdigit() for ch in word)
                         for word in phrase.lower().replace(".", " ").split()):
        verb = _clause_verb(token)  # "$4.1 billion", "5.2%"; "wounding 60", "polling 54 percent"
        return _described_by_clause(token) or (verb.text if verb is not None else None) \
            or phrase or noun.text
    return phrase


def _words(tokens: list[Any]) -> str:
    """Tokens as the text writes them ("Slovenia's", "centre-left"), with a space where words
    between them were left out."""
    text = ""
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        text += token.text + (token.whitespace_ if following is not None
                              and following.i == token.i + 1 else " ")
    return text.strip()


def _subject_words(subject: Any) -> list[Any]:
    """A clause subject's words, without a dateline the parse hung on it ("LJUBLJANA, Sept 27 —
    The party won ..."), at most ten."""
    words = list(subject.subtree)
    breaks = [i for i, t in enumerate(words) if t.i < subject.i and t.text in ("—", "–", "--", ":")]
    if breaks:
        words = words[breaks[-1] + 1 :]
    return words[:10]


def _described_by_clause(token: Any) -> str | None:
    """What the clause a figure is in is about, for a figure that says nothing of its own: its
    subject and verb ("Sales at Acme fell 12% to $4.1 billion"), or the noun it is the worth
    of ("cocaine worth $120 million")."""
    worth = next((t for t in token.ancestors if t.lower_ == "worth"), None)
    if worth is not None and worth.head.pos_ in ("NOUN", "PROPN"):
        return worth.head.text
    verb = _clause_verb(token)
    subject = _subject_of(verb) if verb is not None else None
    if subject is None or subject.pos_ == "PRON" or token in subject.subtree:
        return None
    return _words([*_subject_words(subject), verb])


def _described_by_verb(noun: Any) -> str | None:
    """A figure that is a verb's object or measure says what changed: "Shares in X rose",
    "buy its Dutch rival Y" (for "rose 4.2 percent", "buy Y for 2.3 billion euros")."""
    verb = noun.head
    if noun.dep_ == "pobj" or noun.head.dep_ == "prep":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if noun.dep_ in ("npadvmod", "dobj", "attr") and subjects and subjects[0].pos_ != "PRON":
        return _words([*_subject_words(subjects[0]), verb])
    return None


def _described_by_prepositional_verb(noun: Any) -> str | None:
    """"buy its rival Y for 2.3 billion euros": the figure prices what the verb does to Y."""
    if noun.dep_ != "pobj":
        return None
    owner = noun.head.head
    if noun.head.lower_ == "of" and owner.pos_ == "NOUN":  # "annual revenue of 6.8 billion euros"
        words = [t for t in owner.subtree if t.i < noun.head.i and t.dep_ != "det"]
        return _words(words[-8:]) or None
    if owner.pos_ != "VERB":
        return None
    verb = owner
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:  # "Unemployment rose to 5.2%": what rose
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        return _words([*_subject_words(subjects[0]), verb])
    return _words([verb, *list(objects[0].subtree)[:10]])


def find_statistics(ctx: Context, events: list[Event]) -> list[Statistic]:
    """Every reported figure in the article, with what the text says about it."""
    doc = ctx.doc
    sources = _sources_by_sentence(ctx, events)
    dates = [ent for ent in doc.ents if ent.label_ in ("DATE",)]
    # A figure a report or a statement gives is what was said, not a measure of the saying: those
    # triggers stop the search (None) without being measured.
    triggers = {int(e.key.rsplit("-", 1)[1]): (None if e.type in _SAYING else e.key)
                for e in events if not e.negated
                and e.key.startswith("event-") and e.key.rsplit("-", 1)[1].isdigit()}
    # "Bombers killed 26 people", "police arrested 40": the figure counts whom the event
    # harmed, who are not the agent's.
    victims = frozenset(index for index, key in triggers.items() if key is not None and any(
        e.key == key and e.type in _numbers().victim_events for e in events))
    found: list[tuple[Any, Statistic]] = []
    differences: list[tuple[Any, Comparison]] = []
    written_until = 0
    for ent in sorted([*doc.ents, *_untagged_percentages(doc)], key=lambda e: e.start):
        if not _may_be_figure(ent) or ent.start < written_until:
            continue
        span = _as_written(ent)
        if span.end > ent.end:
            written_until = span.end  # what it took in ("$700 to" + "$900 million") is read
        following = doc[span.end] if span.end < len(doc) else None
        ends = _ends(span, following)
        if not ends or _is_score(span) or _measures(span, following) or \
                _is_time_or_name(span) or _is_vague(span) or _is_split_range(span, following) or \
                _is_reference(span):
            continue  # "330 miles", "a magnitude 6.1 quake", "Sept. 11", "Lawal, 30,", "several
            # thousand", "a 12 to 18-month freeze"
        value = ends[0][1]
        if following is not None and following.lower_ in _numbers().multiples:
            continue  # "five times higher" is a comparison, not a figure
        if not any(ch.isdigit() for ch in ent.text) and ends[0][3] == "count":
            if following is not None and following.lower_ in _numbers().comparatives:
                differences.append((span, _word_difference(span, value)))
                continue  # "seven fewer than the winner": a difference of the figure before
            counted = {ent.root.head.lower_, following.lower_ if following is not None else ""}
            if value < 10 and not counted & _counted_nouns() and \
                    not _counted_beside_a_figure(_number_root(span)):
                continue  # "his two sons"; but "eight civilians dead and nine wounded", "18
                # tourists and three guides"
        if ends[0][3] == "count" and all(re.fullmatch(r"(1[89]|20)\d\d", part.text.strip())
                                         for part, *_ in ends):
            continue  # a bare year, or a span of years ("the 1999-2000 season")
        if ends[0][3] == "count" and re.search(r"(?<![\d.,])0\d+\b", ent.text):
            continue  # "007", "0800": a code, not a quantity
        sentence = ctx.sentence_of(ent[0])
        skip = {t.i for t in span}
        measured = _measured(_number_root(span), ctx, skip)
        time = _time_for(ctx, ent, dates)
        about = _about(ctx, span, set(triggers), money=ends[0][3] not in ("count", "percent"),
                       victims=victims)
        event = _event_measured_by_words(span, sentence, events) or \
            _measured_event(span, triggers)
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
    found = _restatements(_word_differences(found, differences))
    found = _bases(found)
    found = _name_pronoun_figures(_comparisons(ctx, found))
    return _inherit_sources(ctx, [s for _, s in found])


def _counted_beside_a_figure(number: Any) -> bool:
    """Whether a small number written as a word counts a noun conjoined with one a figure
    counts, in a clause that tells a toll: "three soldiers and five members of the militia were
    killed", "injuring 14 pupils and two teachers" (a toll in parts, not an incidental count
    such as "400 staff and two offices")."""
    noun = _counted_noun(number)
    if noun.i == number.i:
        return False
    others = [c for c in noun.children if c.dep_ == "conj"]
    others += [noun.head] if noun.dep_ == "conj" else []
    others += [c for other in list(others) for c in other.children
               if c.dep_ == "conj" and c.i != noun.i]
    beside = any(c.dep_ == "nummod" and c.ent_type_ in _FIGURE_LABELS and c.i != number.i
                 and (_has_digit(c) or other.lower_ in _counted_nouns())
                 for other in others for c in other.children)
    verb = _clause_verb(noun)
    tolls = {lemma for measure in _numbers().event_measures if "Attack" in measure.events
             for lemma in measure.lemmas}
    return beside and verb is not None and verb.lemma_.lower() in tolls


_FIGURE_LABELS = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")


def _may_be_figure(ent: Any) -> bool:
    """Whether a named span may be a figure: a number the model tagged as one, or a large one it
    took for a date ("between 20 and 30 million euros", "two and a half million")."""
    if ent.label_ in _FIGURE_LABELS:
        return True
    if ent.label_ != "DATE" or not any(t.like_num for t in ent):
        return False
    if _counts_other_than_time(ent):
        return True
    words = {t.lower_ for t in ent if not _has_digit(t)}
    scaled = words & set(_numbers().scales)
    return bool(scaled) and words <= {*_numbers().scales, *_numbers().range_words,
                                      *(" ".join(_numbers().qualifiers).split()), "between",
                                      "from", "a", *_numbers().number_words, *_numbers().ratios}


def _untagged_percentages(doc: Any) -> list[Any]:
    """Percentages the model left without a figure's label, with their qualifier: "reduced by
    at least 40 per cent" (where it tagged only "at least")."""
    from kg.nlp import make_span

    tagged = {t.i for e in doc.ents if any(_has_digit(t) for t in e) for t in e}
    spans = []
    for token in doc:
        if token.i in tagged or not token.like_num or not _has_digit(token) or \
                token.i + 1 >= len(doc):
            continue
        written = re.match(rf"({_percent()})", doc[token.i + 1 : token.i + 3].text.lower())
        if written is None:
            continue
        start = token.i
        for qualifier in _numbers().qualifiers:  # longest first
            size = len(qualifier.split())
            if start >= size and doc[start - size : start].text.lower() == qualifier:
                start -= size
                break
        spans.append(make_span(doc, start, token.i + 1 + len(written.group(0).split()), "PERCENT"))
    return spans


@cache
def _time_nouns() -> frozenset[str]:
    """Nouns that make the number counting them a duration, an age or a date: the units,
    months, weekdays and day parts of ``dates.yaml`` and the other time nouns of numbers.yaml."""
    words = lexicon().dates
    counted = {*words.units, *words.day_parts}
    return frozenset({*counted, *(word + "s" for word in counted), *words.months, *words.weekdays,
                      *_numbers().time_nouns, *_numbers().clock_words})


def _counts_other_than_time(ent: Any) -> bool:
    """Whether a number the model took for a date counts something other than time: "18
    holiday deaths", "a total of 14 yachts" (not "18 months", "December 13", "a 15-year-old")."""
    numbers = [t for t in ent if _has_digit(t) and t.like_num]
    if len(numbers) != 1 or re.fullmatch(r"(1[89]|20)\d\d", numbers[0].text):
        return False
    number, time_nouns = numbers[0], _time_nouns()
    if number.dep_ != "nummod" or number.head.pos_ != "NOUN" or number.head.i < number.i:
        return False
    words = {t.lower_ for t in ent} | {t.lower_ for t in ent.doc[number.i : number.head.i + 1]}
    return not words & time_nouns and not any("-" in t.text for t in number.head.subtree)


def _is_vague(span: Any) -> bool:
    """Whether a number is an order of magnitude or a rank, not a figure: "several thousand",
    "a multi-billion dollar project", "the top 10 stories"."""
    doc = span.doc
    tokens = [t.lower_ for t in span]
    qualifier = next((q for q in _numbers().qualifiers if " ".join(tokens).startswith(q + " ")),
                     None)  # "as many as 35", "as few as 12": a figure
    words = set(tokens[len(qualifier.split()) if qualifier else 0 :])
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return bool((words | {before}) & _numbers().vague_words) or \
        before in _numbers().rank_words


def _as_written(ent: Any) -> Any:
    """A figure's span with the currency sign, scale or end of a range the model left out of it:
    "$" + "3bn", "£" + "450" + "m", "Rs" + "5,000" + "crore", "$700 to" + "$900 million"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in _currencies() and _currency(ent.text.lower()) is None \
            and (not before.is_alpha or before.text[0].isupper() and len(before.text) <= 3):
        start -= 1  # a sign, or an abbreviation ("Rs"); not a word ("won 40 seats")
    if end < len(doc):
        word = doc[end].lower_
        attached = doc[end - 1].whitespace_ == "" and word.rstrip(".") in _all_suffixes()
        if attached or word in _numbers().scales:
            end += 1
    if doc[end - 1].lower_ in _numbers().range_words and end < len(doc) and \
            doc[end].ent_type_ in ("MONEY", "CARDINAL", "PERCENT"):
        end = next(e.end for e in doc.ents if e.start == end)  # "$700 to" + "$900 million"
    written = doc[end : end + 4].text.lower()
    fraction = re.match(rf"of an? ({_percent()})", written)  # "0.25 of a per cent"
    if fraction is not None:
        end += len(fraction.group(0).split())
    elif not re.search(_percent(), ent.text.lower()) and re.match(rf"({_percent()})", written):
        end += len(re.match(rf"({_percent()})", written).group(0).split())  # type: ignore[union-attr]
    return doc[start:end]


def _all_suffixes() -> set[str]:
    return {*_numbers().scale_suffixes, *_numbers().money_suffixes}


def _ends(span: Any, following: Any) -> list[tuple[Any, Decimal, str | None, str]]:
    """The figure or figures a span writes, each with its value, qualifier and unit: one, or the
    two ends of a range ("between 20 and 30 million euros" → 20 million and 30 million euros,
    "at least" the one and "at most" the other)."""
    doc = span.doc
    joins = [t for t in span if t.lower_ in _numbers().range_words and span.start < t.i < span.end - 1
             and _has_digit(doc[t.i - 1]) and (_has_digit(doc[t.i + 1]) or t.i + 2 < span.end
                                               and doc[t.i + 1].lower_ in _currencies()
                                               and _has_digit(doc[t.i + 2]))]
    parts = [span] if not joins else [doc[span.start : joins[0].i], doc[joins[0].i + 1 : span.end]]
    if len(parts) == 2 and parts[0][0].lower_ in ("between", "from"):
        parts[0] = doc[parts[0].start + 1 : parts[0].end]
    parsed = [parse_number(part.text) for part in parts]
    if len(parts) == 2 and None in parsed:
        parts, parsed = [span], [parse_number(span.text)]  # not a range after all
    if None in parsed:
        return []
    ends = [(part, *p) for part, p in zip(parts, parsed, strict=True) if p is not None]
    if not ends:
        return []
    if following is not None and following.lower_ in _currencies():
        code = _currencies()[following.lower_]  # "6.8 billion euros", the model left "euros" out
        ends = [(part, value, qualifier, code if unit == "count" else unit)
                for part, value, qualifier, unit in ends]
    if len(ends) == 2:
        (first, low, low_qualifier, low_unit), (second, high, high_qualifier, high_unit) = ends
        scale = next((f for w, f in _numbers().scales.items()
                      if re.search(rf"\b{w}\b", second.text.lower())), None)
        if scale is not None and not any(w in first.text.lower() for w in _numbers().scales) \
                and low * scale <= high:
            low *= scale  # "between 20 and 30 million": both ends are millions
        if low_unit == "count":
            low_unit = high_unit  # "20 to 30 percent"
        elif high_unit == "count":
            high_unit = low_unit  # "between $20 and 30 million"
        ends = [(first, low, low_qualifier or "at least", low_unit),
                (second, high, high_qualifier or "at most", high_unit)]
    return ends


_NAMED = ("FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


def _is_time_or_name(span: Any) -> bool:
    """Whether a number is a day of a month ("Sept. 11", "11 September"), a time of day
    ("10:30pm"), an age ("Lawal, 30, was", "aged 30") or part of a name ("1 Squadron",
    "Apollo 11")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    day = re.fullmatch(r"\d{1,2}", span.text.strip()) is not None and int(span.text) <= 31
    if before is not None and before.lower_ in _numbers().age_words:
        return True
    joined = [t.lower_ for t in doc[span.start : span.end + 2]]
    if any(word == "-" and following in _time_nouns()
           for word, following in zip(joined, joined[1:], strict=False)):
        return True  # "Thirty-two-year-old", "a 12-month": an age or a duration
    if day and any(t is not None and t.lower_.rstrip(".") in lexicon().dates.months
           for t in (before, after)):
        return True  # "Sept. 11", "11 September"; but "in March 300 workers walked out"
    if re.search(r"\d:\d\d|\d\s*(am|pm|a\.m\.|p\.m\.)$", span.text.lower()) or \
            after is not None and after.lower_ in _numbers().clock_words:
        return True
    if before is not None and after is not None and before.text == "," and after.text == "," and \
            span.start > 1 and doc[span.start - 2].ent_type_ == "PERSON" and \
            all(t.like_num for t in span):
        return True  # "Lawal, 30, was sentenced": an age
    number, head = _number_root(span), _number_root(span).head
    if number.dep_ == "nummod" and head.i == span.start - 1 and head.pos_ in ("NOUN", "PROPN") \
            and head.lower_ not in _currencies():
        return True  # "Apollo 11", "Interstate 95", "page 5": a count comes before its noun
    return number.dep_ == "nummod" and head.i == span.end and head.text[:1].isupper() and \
        (head.ent_type_ in _NAMED or head.tag_ == "NNP" and head.ent_type_ not in ("NORP", "GPE"))


def _is_split_range(span: Any, following: Any) -> bool:
    """Whether a number is the first end of a range of durations or measurements the model
    split: "a 12 to 18-month freeze", "three to four hours", "13 to 14,000 feet"."""
    doc = span.doc
    while following is not None and following.is_space and following.i + 1 < len(doc):
        following = doc[following.i + 1]  # "about 13  to 14,000 feet"
    if following is None or following.lower_ not in _numbers().range_words or \
            following.i + 1 >= len(doc):
        return False
    other = next((e for e in doc.ents if e.start <= following.i + 1 < e.end), None)
    if other is None:
        return False
    if other.label_ in ("DATE", "TIME"):
        return not _may_be_figure(other)
    return other.label_ == "QUANTITY" and _measures(other, doc[other.end] if other.end < len(doc)
                                                    else None)


def _has_digit(token: Any) -> bool:
    return any(ch.isdigit() for ch in token.text)


def _is_score(span: Any) -> bool:
    """Whether a number is a match result ("beat the Lions 3-1", "a 2-0 win"): two small
    numbers joined by a dash, with no counted noun after them."""
    text = span.doc.text
    before, after = text[max(0, span.start_char - 5) : span.start_char], text[span.end_char :]
    joined = re.fullmatch(r"\d{1,3}\s?[-–]\s?\d{1,3}", span.text.strip())
    tail = re.match(r"\s?[-–]\s?\d{1,3}\b", after)
    if not (joined or tail or re.search(r"\b\d{1,3}\s?[-–]\s?$", before)):
        return False
    end_char = span.end_char + (tail.end() if tail else 0)
    nxt = next((t for t in span.doc if t.idx >= end_char and not t.is_space), None)
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in _numbers().score_words


def _is_reference(span: Any) -> bool:
    """Whether a number stands alone in brackets, a clause or item of a text ("section 6B
    (4)"), is a date or a ratio written with a slash ("9/11", "24/7"), gives odds ("a one in
    20 chance", "1 in 3 adults"), is part of a telephone number ("13 11 14"), or is a certainty
    or an effort ("100 per cent sure", "100 per cent against", "give 100 per cent")."""
    doc = span.doc
    if re.search(r"\d\s?/\s?\d", span.text):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "in" and \
            doc[span.start - 2].lower_ in ("one", "1"):
        return True
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in" and doc[span.end + 1].like_num \
            and span[-1].lower_ in ("one", "1"):
        return True  # "1 in 3 Australians": odds
    digits = [t for t in doc[span.start : span.end + 1] if t.text.isdigit()]
    if any(b.i == a.i + 1 for a, b in zip(digits, digits[1:], strict=False)):
        return True  # "13 11 14", "1800 551 800": a telephone number
    if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and \
            doc[span.end].text == ")" and len(span) == 1 and span[0].text.isdigit():
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if re.match(r"100\b", span.text) is None or span[-1].lower_ not in _percent_tokens() or \
            after is None:
        return False
    effort = span.root.dep_ in ("dobj", "dative") and span.root.head.lemma_ == "give" and not any(
        c.dep_ == "prep" for c in span.root.children)  # "give (a) 100 per cent"
    return effort or after.pos_ == "ADJ" or after.dep_ == "acomp" or \
        after.pos_ == "ADP" and after.lower_ not in ("of", "in")


def _number_root(span: Any) -> Any:
    """The token a figure hangs from: the span's root, unless that is a word before the number
    ("an estimated 800,000": the number, not "estimated")."""
    root = span.root
    if root.like_num or root.lower_ in _all_suffixes() or root.lower_ in _numbers().scales \
            or root.lower_ in _currencies() or root.lower_ in _percent_tokens():
        return root
    numbers = [t for t in span if t.like_num]
    return numbers[-1] if numbers else root


def _counted_noun(number: Any) -> Any:
    """The noun a figure's number counts: the one it modifies ("40 people"), or the one a
    verbless "N of them" clause names ("21 people, 14 of them Australians"); the number itself
    when it counts no noun ("rose to 40")."""
    if number.dep_ in ("nummod", "quantmod"):
        return number.head
    if number.dep_ == "nsubj" and number.head.pos_ in ("NOUN", "PROPN") and any(
            prep.dep_ == "prep" and prep.lower_ == "of" and any(
                c.dep_ == "pobj" and c.pos_ == "PRON" for c in prep.children)
            for prep in number.children):
        return number.head
    return number


def _word_difference(span: Any, value: Decimal) -> Comparison:
    """"seven fewer than the winner", "one short of the 46 needed": a difference as words."""
    doc = span.doc
    word = doc[span.end].lower_
    sign = Decimal(1) if word in _numbers().rising else Decimal(-1)
    sentence_end = span.sent.end
    against = doc[span.end + 1 : sentence_end].text.strip(" .")
    against = re.sub(r"^(than|of)\s+", "", against)
    return Comparison("difference", value * sign, against[:160], f"{span.text} {word}")


def _word_differences(found: list[tuple[Any, Statistic]],
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


def _restatements(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"2.3 billion euros ($2.5 billion)": a sum restated in another currency in brackets counts
    what the first counts, for the same entity and event."""
    result: list[tuple[Any, Statistic]] = []
    for part, statistic in found:
        if result and statistic.unit not in ("count", "percent"):
            previous_part, previous = result[-1]
            between = part.doc[previous_part.end : part.start].text.strip().lower()
            if previous.unit not in ("count", "percent") and between in ("(", "(about", "(or", "("):
                statistic = replace(statistic, measured=previous.measured, about=previous.about,
                                    event=previous.event)
        result.append((part, statistic))
    return result


def _measures(span: Any, following: Any) -> bool:
    """Whether a number is a physical measurement: written with a unit of length, area,
    speed, temperature or magnitude (in the span, the words after it, or the word before it:
    "magnitude 6.9")."""
    units = _measure_units()
    doc = span.doc
    words = [token.lower_ for token in span][1:] + ([following.lower_] if following is not None else [])
    words += ["-" + after for hyphen, after in zip(words, words[1:], strict=False) if hyphen == "-"]
    before = [doc[i].lower_ for i in range(max(0, span.start - 2), span.start)]
    if len(before) == 2 and before[1] in ("and", "or", ",", "but"):
        before = []  # "four months and 4,000 francs": the unit was the other's
    if any(word in units for word in before):
        return True
    if [t.lower_ for t in doc[span.end : span.end + 2]] == ["on", "the"] and \
            span.end + 2 < len(doc) and doc[span.end + 2].lower_ in units:
        return True  # "measuring 4.1 on the Richter scale"
    return any(word in units for word in words[:6]) or any(w.startswith("-") and w in units
                                                         for w in words)


def _sources_by_sentence(ctx: Context, events: list[Event]) -> dict[int, str]:
    """Who a sentence's figures are attributed to: "according to X", "X cited/reported"."""
    sources: dict[int, str] = {}
    mentions = {m.id: m for m in ctx.mentions}
    for token in ctx.doc:
        if token.lower_ == "according":
            for prep in token.children:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    mention = argument_mention(ctx, obj)
                    if mention is not None:
                        sources[ctx.sentence_of(token)] = mention.id
    for event in events:
        if event.type in REPORTING:
            agents = [ref for role, ref in event.roles if role in ("agent", "publisher")]
            if agents and agents[0] in mentions:
                sources.setdefault(event.evidence.sentence, agents[0])
    # Only people and organisations report: a dateline city ("OSLO, Oct 8 —") does not.
    return {sentence: ref for sentence, ref in sources.items()
            if mentions.get(ref) is None or mentions[ref].type not in PLACE_TYPES}


def _time_for(ctx: Context, ent: Any, dates: list[Any]) -> Any:
    sentence = ctx.sentence_of(ent[0])
    candidates = []
    for date_ent in dates:
        if ctx.sentence_of(date_ent[0]) != sentence:
            continue
        root = date_ent.root
        governor = root.head.head if root.dep_ == "pobj" else root.head
        if governor.lemma_.lower() in _numbers().reporting_verbs:
            continue  # "on Thursday cited": when it was reported, not what the figure covers
        if date_ent.text.lower().startswith(("the previous", "the year before")):
            continue
        candidates.append((abs(date_ent.start - ent.start), date_ent))
    if not candidates:
        return None
    _, best = min(candidates, key=lambda pair: pair[0])
    return resolve_time(best.text, ctx.article.published)


_ABOUT_TYPES = frozenset({*PLACE_TYPES, *ORGANIZATION_TYPES, "Person"})
_CLAUSE_ARGUMENTS = ("nsubj", "nsubjpass")


_MODIFIERS = ("compound", "amod", "poss", "nmod")
"""What modifies a counted noun in its own words ("Afghan refugees", "Acme's workers")."""

_WHERE = ("in", "at", "on", "across", "off", "throughout", "during")
"""Prepositions that place what a figure counts ("29 seats in the assembly", "landed on the
island of X", "killed during a coup in X")."""


def _about(ctx: Context, ent: Any, triggers: set[int], money: bool = False,
           victims: frozenset[int] = frozenset()) -> str | None:
    """What a figure is about, as the text says it; None when it does not say.

    In order: the entity the figure is part of the name of ("Slovenia's 90-seat National
    Assembly"); for a share ("22 percent of X"), the entity or state its clause's subject names
    ("Indonesian steel accounted for 22 percent of Australia's imports"); a state or other
    entity inside the counted phrase ("300 Afghan refugees",
    "Acme's 1,200 workers"); the place an apposition gives the figure ("Chala, a town of 15,000
    people"); what a price is paid for ("buy Acme for $2 billion"); the owner of the clause's
    subject ("Acme's profit fell 25 percent", "Acme cut 1,000 jobs", "the Greens, which took 9
    seats"); the place a "where" clause or the clause itself gives ("the X township, where
    1,000 people live", "40 died in Peru", "11 drowned when a boat capsized off Lampione"); and
    last, for a count or a share, a place the counted phrase is in ("29 seats in Slovenia's
    assembly" is first the party's; "a $3 billion lawsuit in the US" is not the US's).
    Nothing is taken from outside the figure's sentence: the nearest organisation is no answer.
    """
    number = _number_root(ent)
    root = _counted_noun(number)
    while root.dep_ in ("compound", "amod") and root.head.i != root.i and \
            (root.dep_ == "compound" or root.i > 0 and ctx.doc[root.i - 1].text == "-"):
        root = root.head  # "Acme's 1,200 workers"; "a 90-seat assembly"
    named = ctx.mention_at(root)
    if named is not None and named.type in _ABOUT_TYPES and named.kind == "name" \
            and not root.like_num and not ent.start <= root.i < ent.end:
        return named.id  # "Slovenia's 90-seat National Assembly"
    verb = _clause_verb(root)
    subject = _subject_of(verb) if verb is not None else None
    owner = None
    harmed = root.dep_ == "dobj" and verb is not None and verb.idx in victims
    if subject is not None and root not in subject.subtree and not harmed:
        owner = _owner(ctx, subject)
        if owner is not None and owner.kind == "pronoun" and \
                not (root.dep_ == "dobj" and root.head.i == verb.i):  # type: ignore[union-attr]
            owner = None  # "he paid 4,000 euros" is his; "she expects savings of $5m" not hers
        if owner is None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":  # type: ignore[union-attr]
            owner = _entity_of(ctx, verb.head)  # type: ignore[union-attr]
        if owner is None and subject.idx not in triggers:
            owner = _state_modifying(ctx, subject)  # not "a British raid": who raided
        if owner is not None and owner.type == "Person" and any(
                m.kind == "name" and m.type == "Person" and subject.idx < m.start < ent.start_char
                and m.start >= owner.end for m in ctx.mentions):
            owner = None  # "X received a fine of 5,000 francs, Y 4,000 francs": Y's, not X's
    share = root.lower_ in _percent_tokens() and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    if share and owner is not None:
        return owner.id  # the subject's share of the whole the "of" phrase names
    placed = {t.i for child in root.children if child.dep_ == "prep" and child.lower_ in _WHERE
              for t in child.subtree}
    own = {t.i for t in ent}
    if root.i != number.i and number.dep_ == "nsubj":  # "14 of them Australians"
        own |= {t.i for t in number.subtree}
    tokens = [t for t in _counted_phrase(root, placed, own) if t.i not in own]
    # The counted noun's own words first ("500 Hezbollah fighters hiding near the Syrian
    # border"), then the rest of its phrase; in each, a state before the others.
    near = {t.i for child in root.children if child.dep_ in _MODIFIERS for t in child.subtree}
    for group in ([t for t in tokens if t.i in near or t.i == root.i], tokens):
        inside = [ctx.mention_at(token) for token in group]  # not "NOK" of "NOK 2.3 billion"
        inside += [_described(ctx, token) for token in group if token.dep_ == "poss"]
        for wanted in (("Country",), tuple(_ABOUT_TYPES)):
            found = next((m for m in inside if m and m.type in wanted), None)
            if found is not None:
                return found.id  # a pronoun ("his £3,000 device") resolves with the others
    described = _apposed_place(ctx, root)
    if described is not None:
        return described.id
    if verb is None:
        return None
    if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i == verb.i:
        bought = next((c for c in verb.children if c.dep_ == "dobj"), None)
        found = _entity_of(ctx, bought) if bought is not None else None
        if found is not None and found.type != "Person":
            return found.id  # "buy Van der Berg for 2.3 billion euros": its price
    if owner is not None:
        return owner.id
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        place = ctx.mention_in(verb.head, PLACE_TYPES)  # "the X township, where 1,000 people live"
        if place is not None:
            return place.id
    own_place = next((m for m in (ctx.mention_at(ctx.doc[i]) for i in sorted(placed))
                      if m and m.type in PLACE_TYPES), None)
    if own_place is not None and not money and root.dep_ not in ("nsubj", "nsubjpass"):
        return own_place.id  # "20 died on Ohio roads, with eight deaths in Iowa": Iowa's eight
    for clause in _clause_and_its_parts(verb):
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in _WHERE:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    mention = _place_in(ctx, obj, nested=not money)
                    if mention is not None:
                        return mention.id
    if money:
        return None  # "a $3 billion lawsuit in the US" is no sum of the US's
    return own_place.id if own_place is not None else None


def _counted_phrase(root: Any, placed: set[int], own: set[int]) -> list[Any]:
    """The words of the phrase a figure counts that can say whose it is: the counted noun, its
    modifiers and possessor ("300 Afghan refugees", "Acme's 1,200 workers"), what it is "of"
    ("1,200 employees of Acme"), and the bare name or possessor another preposition gives
    ("refugees from Syria", "a premium to Acme's price"), and its clauses ("23,027 who fled
    the country") without their agents ("injured by US warplanes"), but not a name deeper in
    another preposition ("rescued 400 people from an Indonesian ferry" are not Indonesia's),
    nor a part the text counts apart ("40 people, including 12 Germans"; ``own``: the
    figure's own words), nor the state's adjective of a body it is "of" ("members of the
    Afghan opposition"), nor a place more than one preposition deep in its clause."""
    tokens = [root]
    for child in root.children:
        if child.i in placed or child.dep_ in ("conj", "cc"):
            continue  # "90 per cent market share and the minister, X": not X's share
        if child.lower_ == "including" or child.i not in own and child.lower_ != "of" and any(
                t.like_num and t.ent_type_ in _FIGURE_LABELS for t in child.subtree):
            continue  # "1,121 people, including 865 Palestinians", "21 people, 14 of them
            # Australians": a part, counted by a figure of its own, is not whose the whole is
            # (but "10 of the 26 deaths in X" is a part of X's whole)
        if child.dep_ == "prep" and child.lower_ != "of":
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                tokens += [obj] if obj.pos_ == "PROPN" else []
                tokens += [t for c in obj.children if c.dep_ == "poss" for t in c.subtree]
            continue
        agents = {t.i for c in child.subtree if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                  for t in c.subtree}  # "15 injured in raids by US warplanes": who, not whose
        if child.dep_ == "prep" and not root.like_num:  # "five members of the Afghan
            # opposition": the body's, not the state's; but "300 of the Afghan refugees"
            agents |= {t.i for obj in child.children if obj.dep_ == "pobj"
                       for t in obj.children if t.dep_ == "amod"}
        if child.dep_ in ("acl", "relcl"):  # "500 fighters, believed to be in the mountains
            # near the Pakistan border": not the border's state's
            agents |= {t.i for t in child.subtree if _prepositions_between(t, child) > 1}
        tokens += [t for t in child.subtree if t.i not in agents]
    return tokens


def _prepositions_between(token: Any, top: Any) -> int:
    """How many prepositions other than "of" lie on the way up from a token to ``top``."""
    count = 0
    while token.i != top.i and token.head.i != token.i:
        token = token.head
        count += token.dep_ == "prep" and token.lower_ != "of"
    return count


def _state_modifying(ctx: Context, noun: Any) -> Any | None:
    """The state a noun's adjective or compound names: "Indonesian steel", "US exports"."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.i < noun.i:
            found = ctx.mention_at(child)
            if found is not None and found.type in PLACE_TYPES and found.kind in ("name", "demonym"):
                return found
    return None


def _clause_and_its_parts(verb: Any) -> list[Any]:
    """A clause's verb, the verbs conjoined with it that share its subject ("had died or gone
    missing in X"; not "14 homes burned in X, and 20 were lost at Y"), their "when" clauses
    ("drowned when a boat capsized off X"), and for a participle, the clause it tells the
    outcome of ("bombers struck in X, killing 26 people"), in that order."""
    conjoined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        conjoined.append(verb.head)
    verbs = [verb, *[c for c in conjoined if not any(s.dep_ in _CLAUSE_ARGUMENTS for s in c.children)]]
    # "Four were killed and eight injured when a fire broke out in X": the "when" of both
    verbs += [c for v in [verb, *conjoined] for c in v.children if c.dep_ == "advcl"
              and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children)]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i:
        verbs.append(verb.head)
    return verbs


def _place_in(ctx: Context, noun: Any, nested: bool = True) -> Any | None:
    """The place a noun names, or the one it is "of" or "in" ("the island of Lampedusa",
    "hospitals in Arequipa"; not for a sum: "filed in a $3 billion lawsuit in the US")."""
    mention = _place_named(ctx, noun)
    if mention is None and nested:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = mention or _place_named(ctx, obj)
    return mention


def _place_named(ctx: Context, noun: Any) -> Any | None:
    """The place a noun names, itself or with the name before it ("Paktika province", "New
    South Wales roads", "the Gaza strikes"); not a state whose name says whose the things are
    ("wounded in US airstrikes", "killed by British troops")."""
    mention = ctx.mention_in(noun, PLACE_TYPES)
    if mention is not None and mention is not ctx.mention_at(noun) and \
            mention.type == "Country" and noun.tag_ == "NNS" and \
            noun.lower_ not in _word_list("area-nouns.txt"):
        return None
    return mention


def _apposed_place(ctx: Context, root: Any) -> Any | None:
    """The place a figure describes in apposition: "Chala, a fishing town of about 15,000
    people" (the figure counts the town's people)."""
    noun = root
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    if noun.dep_ == "appos":
        return ctx.mention_in(noun.head, PLACE_TYPES)
    return None


def _clause_verb(token: Any) -> Any | None:
    """The verb of the clause a token is in (the token itself when it is one)."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 12:
        token = token.head
        seen += 1
    return token if token.pos_ in ("VERB", "AUX") else None


def _subject_of(verb: Any) -> Any | None:
    """A verb's subject, or the one it shares: "Acme shelved X and will raise $750 million"
    (a conjoined verb), "Acme plans to cut 1,000 jobs" (an open complement)."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _CLAUSE_ARGUMENTS), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _owner(ctx: Context, subject: Any) -> Any | None:
    """Whose a subject is: the entity it names or describes ("Acme cut ...", "the bank
    reported ..."), its possessor ("Acme's profit", "the profit of Acme", "sales at Acme",
    "shares in Acme", "the toll in Peru's floods"), the place it is in
    ("the infection rate in Malawi is 19 percent"), or, for "it"/"its", the subject of the
    clause that reports it ("Acme said it plans to cut ...", as ``body_for_pronoun`` finds it)."""
    if subject.lower_ in ("it", "its"):
        body = body_for_pronoun(ctx, subject, descriptions=True)
        return _entity_of(ctx, body) if body is not None else None
    mention = _entity_of(ctx, subject) or _described(ctx, subject)
    if mention is not None:
        return mention
    institution = ctx.mention_at(subject)
    hosted = institution is not None and institution.kind == "institution"
    for child in subject.children:
        if hosted and child.lower_ in ("in", "at"):
            continue  # "the North Korean embassy in Beijing employs 120": not Beijing's staff
        if child.dep_ == "poss":
            if any(c.tag_ == "JJS" for c in subject.children):
                continue  # "Australia's largest investor": a description of one, not Australia's
            found = _owner(ctx, child) if child.lower_ == "its" else _entity_of(ctx, child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "at", "from"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            found = _entity_of(ctx, target) if target is not None and child.lower_ != "from" \
                else None  # "refugees from Syria" are no Syria's
            if found is None and target is not None and child.lower_ != "from":
                found = next((_entity_of(ctx, c) for c in target.children if c.dep_ == "poss"),
                             None)  # "the toll in Argentina's riots"
            if found is None:
                found = _place_of_cause(ctx, child)
            held = subject.lemma_.lower() in _numbers().holdings  # "shares in Acme"
            if found is not None and child.lower_ == "in" and found.type not in PLACE_TYPES \
                    and not held:
                found = None
        else:
            continue
        if found is not None:
            return found
    return None


def _place_of_cause(ctx: Context, prep: Any) -> Any | None:
    """The place where what a subject's figure comes from happened: "the damage bill from
    fire-related incidents at X", "the number of people killed in X", "the toll of the riots
    in X" (``prep``: the subject's "from", "of" or "in"; the cause, one conjoined with it or
    the preposition itself placed "in" or "at" a place)."""
    causes = [c for c in prep.children if c.dep_ == "pobj"]
    causes += [c for cause in causes for c in cause.children if c.dep_ == "conj"]
    causes += [c for cause in causes for c in cause.children if c.dep_ in ("acl", "relcl")]
    for noun in (prep, *causes):
        for where in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for obj in (c for c in where.children if c.dep_ == "pobj"):
                mention = _place_named(ctx, obj)
                if mention is not None:
                    return mention
    return None


def _entity_of(ctx: Context, token: Any) -> Any | None:
    """The entity a clause argument names, describes or, for "he"/"she", stands for."""
    mention = ctx.mention_in(token) or (
        argument_mention(ctx, token) if token.pos_ in ("NOUN", "PROPN", "PRON") else None)
    if mention is not None and mention.type in _ABOUT_TYPES and \
            mention.kind in ("name", "description", "demonym", "pronoun") and \
            mention is not ctx.dateline_place():  # "OSLO, May 3 (Reuters) - Profit fell 8%"
        return mention
    return None


def _described(ctx: Context, noun: Any) -> Any | None:
    """The organisation a definite description names by its head noun: "the bank" after
    "Commonwealth Bank", "the party('s)" after "the Green Party" or after a name the article
    types as a political party (the nearest earlier such name)."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    word = noun.lower_
    earlier = [m for m in ctx.mentions if m.kind == "name" and m.start < noun.idx
               and m.type in ORGANIZATION_TYPES
               and (word in m.text.lower().split()
                    or lexicon_classes("description-nouns.tsv").get(word) == m.type)]
    return max(earlier, key=lambda m: m.start) if earlier else None


_SAYING = REPORTING | {"PressConference"}


def _event_measured_by_words(span: Any, sentence: int, events: list[Event]) -> str | None:
    """The event a figure measures by what its clause counts (``event measures`` of
    numbers.yaml): "29 seats", "31.8 percent of the vote" → the story's election; "killing at
    least 17 people", "261 people injured" → the attack, disaster or war of the sentence, or of
    one just before it. The one in the figure's own sentence first, then the latest before."""
    number = _number_root(span)
    if number.i + 1 < len(number.doc) and number.doc[number.i + 1].text == "-":
        return None  # "a 90-seat assembly", "a 12-member panel": a size, not a result
    root = number.head if number.dep_ in ("nummod", "quantmod") else number
    verb = _clause_verb(root)
    words = {t.lemma_.lower() for t in root.subtree} | {t.lower_ for t in root.subtree}
    if verb is not None:
        words |= {verb.lemma_.lower(), verb.lower_}
        subject = _subject_of(verb)
        complement = root.head.i == verb.i or root.head.dep_ == "prep" and root.head.head.i == verb.i
        if subject is not None and complement:  # "the death toll rose to 43"
            words |= {t.lemma_.lower() for t in subject.subtree}
    for measure in _numbers().event_measures:
        if not words & measure.lemmas:
            continue
        candidates = [e for e in events if e.type in measure.events and not e.negated
                      and 0 <= sentence - e.evidence.sentence <= measure.reach]
        if candidates:
            best = min(candidates, key=lambda e: (sentence - e.evidence.sentence,
                                                  abs(e.evidence.start - span.start_char)))
            return best.key
    return None


def _measured_event(ent: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a figure measures: the one whose trigger governs it within its clause ("killed
    17 people", "bought Acme for $2 billion", "a death toll of 40")."""
    token = _number_root(ent)
    for _ in range(8):
        if token.idx in triggers and triggers[token.idx] is not None:
            return triggers[token.idx]
        # "196 people who defected", "300 migrants held on Manus": the figure counts the event's
        # participants, and the event's verb qualifies the counted noun.
        for child in token.children:
            if child.dep_ in ("relcl", "acl") and triggers.get(child.idx) is not None:
                return triggers[child.idx]
        if token.pos_ in ("VERB", "AUX"):
            return _paid_for_event(token, triggers) or _subject_event(token, triggers)
        if token.head.i == token.i or _counts_the_charge(token) or _describes_a_name(token):
            return None
        token = token.head
    return None


def _describes_a_name(noun: Any) -> bool:
    """Whether a noun is in apposition to a name ("the quake hit Chala, a fishing town of 15,000
    people"): a figure inside it describes what is named (a town's size), not the clause's
    event."""
    return noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN"


_CHARGES = ("with", "for", "over", "after", "before", "following", "despite")
"""Prepositions whose object is a charge, a cause or an earlier act ("charged with the murder
of 3 people", "after the torching of 20 buildings")."""


def _counts_the_charge(noun: Any) -> bool:
    """Whether a counted noun is what an act named in a charge or a cause was done to ("charged
    with the manslaughter of 18 tourists"): the figure counts its victims, not those the verb
    charges, arrests or tries."""
    of = noun.head
    act = of.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and act.pos_ == "NOUN" and \
        act.dep_ == "pobj" and act.head.lower_ in _CHARGES


def _paid_for_event(verb: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a sum is paid for: "paid $560 million for an agreement", "spent $2 billion on
    the acquisition" (the sum is its price)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "on"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if triggers.get(obj.idx) is not None:
                    return triggers[obj.idx]
    return None


def _subject_event(verb: Any, triggers: dict[int, str | None]) -> str | None:
    """The event a clause's subject names, for a figure the clause gives it ("the death toll
    rose to 43"); the cause when the subject names one ("the toll from the earthquake"); the
    event of those it counts ("the number of Chileans who defected was 196")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "in"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if triggers.get(obj.idx) is not None:
                    return triggers[obj.idx]
                for clause in (c for c in obj.children if c.dep_ in ("relcl", "acl")):
                    if triggers.get(clause.idx) is not None:
                        return triggers[clause.idx]  # "the number of people who fled was 196"
    return triggers.get(subject.idx)


def _bases(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
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


def _name_pronoun_figures(found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"That's 134 more than X": a figure whose subject is a pronoun measures its difference."""
    result = []
    for ent, statistic in found:
        if statistic.measured.lower() in ("that", "this", "it", "which"):
            sentence = ent.sent
            rest = ent.doc[ent.end : sentence.end].text.strip(" .\n")
            statistic = replace(statistic, measured=rest[:160] or ent.text)
        result.append((ent, statistic))
    return result


def _comparisons(ctx: Context, found: list[tuple[Any, Statistic]]) -> list[tuple[Any, Statistic]]:
    """"triple the previous year", "134 more than", "about five times higher than"."""
    doc = ctx.doc
    result = list(found)
    for sentence in ctx.sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        in_sentence = [i for i, (e, _) in enumerate(result) if ctx.sentence_of(e[0]) == sentence.index]
        for token in span:
            ratio = None
            text = token.text
            if token.lower_ in _numbers().ratios:
                ratio = _numbers().ratios[token.lower_]
            elif token.lower_ in _numbers().multiples and token.i > 0:
                parsed = parse_number(doc[token.i - 1].text)
                if parsed:
                    ratio = parsed[0]
                    text = f"{doc[token.i - 1].text} {token.text}"
            if ratio is not None:
                rest = doc[token.i + 1 : span.end].text
                against = re.sub(rf"^({'|'.join(_numbers().comparatives)}|as(?: many| much)?"
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
            if re.match(rf"({'|'.join(_numbers().comparatives)}) than", after):
                against = doc[ent.end + 2 : span.end].text.strip(" .")
                sign = Decimal(1) if after.split()[0] in _numbers().rising else Decimal(-1)
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


def _inherit_sources(ctx: Context, statistics: list[Statistic]) -> list[Statistic]:
    """A figure with no attribution of its own keeps the attribution of the figures just before."""
    result = []
    last_source: tuple[int, str] | None = None
    for statistic in statistics:
        if statistic.source is None and last_source and \
                statistic.evidence.sentence - last_source[0] <= 2:
            statistic = replace(statistic, source=last_source[1])
        if statistic.source is not None:
            last_source = (statistic.evidence.sentence, statistic.source)
        result.append(statistic)
    return result
