"""How a job title is written: the known title a run of words ends with, the modifiers around it, and
the title a noun phrase names with its qualifiers ("former", "deputy", "retired")."""

from __future__ import annotations

from typing import Any

from kg.extract.context import PLACE_TYPES, Context
from kg.lexicon import lexicon
from kg.model import Mention

TITLE_MODIFIERS = lexicon().words("title-modifiers.txt")
"""Words a title may carry before it that are no title of their own: "former", "acting"
(``title-modifiers.txt``)."""


PAST_MODIFIERS = lexicon().words("title-past-modifiers.txt")
"""Modifiers by which a title is not or no longer held: "former leader X" leads nothing today,
"Shadow Defence Minister Y" holds no ministry (``title-past-modifiers.txt``)."""


JUNIOR_MODIFIERS = lexicon().words("title-junior-modifiers.txt")
"""Modifiers by which a title's holder is second to the one who leads: "deputy chief executive
X", "Acme vice-chairman Y" (members, not leaders; ``title-junior-modifiers.txt``)."""


DESCRIPTIVE_TITLES = lexicon().words("descriptive-titles.txt")
"""Title nouns that also describe a person rather than name a post: "X is a strong leader",
"world leaders including Y" (``descriptive-titles.txt``)."""


TITLE_LEVELS = lexicon().words("title-levels.txt")
"""Words before a title that say which level of a state's government the post is at, which
the title leaves out as it leaves out the state: "Federal Science Minister X" is a science
minister, "the Federal Privacy Commissioner, Y" a privacy commissioner. Narrower than
``entities.no_entity_cues.GOVERNMENT_LEVELS`` (words that with "government" name no body): "National"
or "State" before a title is often a party's or a body's name ("National Secretary"); ``title-levels.txt``."""


def portfolio_holders() -> frozenset[str]:
    """Titles a portfolio is written before or after: "Home Secretary", "Minister for Trade"
    (``portfolio-holders.txt``)."""
    return lexicon().words("portfolio-holders.txt")


_STANCE_PREFIXES = lexicon().words("title-stance-prefixes.txt")
"""Prefixes by which a body before a title is what the holder opposes or backs, not belongs to
(``title-stance-prefixes.txt``)."""


def _spellings(words: list[str]) -> tuple[str, str]:
    """How words may write a title, hyphen kept or read as a space: "Vice - President" →
    "vice-president", "vice president"."""
    joined = " ".join(w.lower() for w in words)
    return joined.replace(" - ", "-"), joined.replace(" - ", " ")


def title_in(words: list[str], ctx: Context) -> str | None:
    """The longest known title the words end with ("former Supreme Leader" → "supreme leader",
    "Attorney-General" → "attorney general")."""
    for size in range(len(words), 0, -1):
        for candidate in _spellings(words[-size:]):
            if candidate in ctx.gazetteer.titles:
                return candidate
    return None


def title_abbreviations() -> dict[str, str]:
    """Titles cut short with a full stop and the title each stands for: "Rep." →
    "representative", "Lt." → "lieutenant" (``title-abbreviations.tsv``)."""
    return lexicon().classes("title-abbreviations.tsv")


def cut_short(word: Any) -> str | None:
    """The title a word cut short with a full stop stands for: "Sen." → "senator", and "Capt"
    in "Capt. Ann Moss", whose full stop the tokenizer splits off ("Capt" | "." | "Ann");
    None for any other word."""
    spelled = title_abbreviations().get(str(word.text))
    if spelled is not None:
        return spelled
    if word.whitespace_ or word.i + 1 >= len(word.doc) or word.doc[word.i + 1].text != ".":
        return None
    return title_abbreviations().get(f"{word.text}.")


def singular(word: Any) -> str:
    """A title's word as one holder's title writes it: "astronauts" → "astronaut", "Sen." →
    "senator" (a title cut short is spelled out: "Lt. Gen. Paul Reed" is a lieutenant general)."""
    spelled = cut_short(word)
    if spelled is not None:
        return spelled
    return str(word.lemma_) if word.tag_ == "NNS" else str(word.text)


def words_of_title(words: list[Any], title: str | None) -> list[Any]:
    """The words that write a title: the title itself and the modifiers just before it, not
    the words it shares with other titles ("in favour of Senator X", "William and Prince Y")."""
    if not title:
        return []
    start = next(len(words) - size for size in range(1, len(words) + 1)
                 if title in _spellings([singular(w) for w in words[-size:]]))
    while start > 0 and portfolio_word(None, words[start - 1], words[start:]):
        start -= 1  # "Emergency Services Minister": the portfolio the title names
    while start > 0 and (words[start - 1].lower_ in TITLE_MODIFIERS or start > 1 and
                         words[start - 1].text == "-" and words[start - 2].lower_ in TITLE_MODIFIERS):
        start -= 1  # "deputy chief executive", "vice-chairman"
    return words[start:]


def portfolio_word(ctx: Context | None, token: Any, words: list[Any]) -> bool:
    """Whether a noun just before a minister's or secretary's title (``words``, the title's
    words read so far) names the portfolio, written as the title is (capitalised or not):
    "Economy" in "Argentina's Economy Minister X", "Emergency Services" in "Emergency Services
    Minister Y", "tourism" in "tourism minister Z"; not a state's name or adjective (which the
    gazetteer of ``ctx`` knows: "Economy" is also a town's name), a date or a modifier."""
    if not words or words[-1].lower_ not in portfolio_holders() or len(words) > 2 or \
            any(w.lower_ in TITLE_MODIFIERS for w in words):
        return False
    holder = words[-1]
    known = ctx.gazetteer.lookup(token.text) if ctx is not None else None
    if ctx is not None and ctx.gazetteer.demonym(token.text) or getattr(known, "type", None) == "Country":
        return False  # "Pakistan Foreign Minister", "British Defence Secretary": the state's
    if token.lower_ in lexicon().classes("description-nouns.tsv"):
        return False  # "union secretary X": the body just named (see titles._described_body)
    if token.lower_ in TITLE_LEVELS:
        return False  # "Federal Science Minister X": the level of government, no portfolio
    return token.is_alpha and token.pos_ in ("NOUN", "PROPN") and \
        token.ent_type_ not in ("GPE", "NORP", "LOC", "DATE", "TIME", "PERSON") and \
        (token.is_title and holder.is_title or token.is_lower and holder.is_lower)


def noun_title(noun: Any, ctx: Context) -> tuple[str | None, str]:
    """The title a noun phrase head names, and how one holder's title writes it with its
    modifiers: "the company's founders" → "founder", "the Federal Agriculture Minister" →
    "Agriculture Minister" (a level of government is no part of it: ``TITLE_LEVELS``); a trade's
    title as :func:`trade_written` writes it ("a young lawyer" → "lawyer")."""
    prefix = _hyphen_prefix(noun)
    parts = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
             and not ctx.mention_at(c) and c not in prefix and not _an_age(c) and not _stance(c)
             and c.lower_ not in TITLE_LEVELS and not joined_demonyms(c, ctx)]
    parts += [g for c in parts if c.dep_ == "compound" for g in c.children
              if g.dep_ == "amod" and g.i < c.i and g.lower_ in TITLE_MODIFIERS
              and not ctx.mention_at(g)]  # "chief" in "the chief weapons inspector", hung on "weapons"
    epithets = _epithets(noun, parts, ctx)
    if any(_graded(e) for e in epithets) and _judged_after_copula(noun):
        return None, ""  # "X is a remarkably capable leader": a judgement of X, no post
    parts = [c for c in parts if c not in epithets]
    words = [w.text for w in sorted([*parts, *prefix], key=lambda t: t.i)] + [singular(noun)]
    portfolio = [w.text for w in _portfolio_after(noun)]
    shown = " ".join(words + portfolio).replace(" - ", "-")
    title = title_in(words + portfolio, ctx) or title_in(words, ctx)
    if title is not None and ctx.gazetteer.titles[title].kind == "profession" and noun.is_lower:
        shown = trade_written(noun, ctx)  # "a young lawyer" is a lawyer
    return title, shown


def _judged_after_copula(noun: Any) -> bool:
    """Whether a descriptive title noun (``DESCRIPTIVE_TITLES``) after "a"/"an" completes a
    copula, as a judgement of the subject does: "X is a very strong leader"; not an apposition
    ("Y, a relatively junior minister") nor a post ("Z is a hugely successful manager"), nor
    one of a body ("X is a very strong leader of Acme": the post is told, the grade judges it)."""
    return noun.lemma_.lower() in DESCRIPTIVE_TITLES and noun.dep_ == "attr" and \
        noun.head.lemma_ == "be" and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and \
        not any(c.dep_ == "prep" and c.lower_ in ("of", "at") for c in noun.children)


def _hyphen_fixed(word: Any) -> bool:
    """Whether a participle is joined by a hyphen to the word before it, as a fixed epithet
    is: "award-winning", "long-serving", "hard-hitting"."""
    return word.i > 1 and word.doc[word.i - 1].text == "-"


def _epithets(noun: Any, parts: list[Any], ctx: Context) -> list[Any]:
    """The modifiers of a title's noun that describe its holder rather than the post: a past
    participle ("the embattled finance minister", "the criticised treasurer"), a word an adverb
    grades or a noun or hyphen fixes ("a remarkably capable leader", "a long-serving senator",
    "an award-winning journalist"); never a plain "-ing" word, which often names the post
    ("managing editor", "presiding judge", "commanding officer"), a modifier of
    ``title-modifiers.txt`` ("acting", "former") nor a word of a known title ("managing
    director", "special envoy")."""
    found = [c for c in parts if c.dep_ == "amod" and c.lower_ not in TITLE_MODIFIERS and (
        c.tag_ in ("VBN", "VBD") or c.tag_ == "VBG" and _hyphen_fixed(c) or _graded(c) or
        any(g.dep_ == "npadvmod" for g in c.children))]
    if not found:
        return []
    ordered = sorted(parts, key=lambda t: t.i)
    title = title_in([w.text for w in ordered] + [singular(noun)], ctx)
    own = words_of_title([*ordered, noun], title)
    return [c for c in found if c not in own]


def _graded(word: Any) -> bool:
    """Whether an adjective is graded by an adverb, as a judgement is: "remarkably capable",
    "very popular" (not "long-serving" or "newly elected", participles that date a post)."""
    return word.pos_ == "ADJ" and word.tag_ in ("JJ", "JJR", "JJS") and \
        any(g.dep_ == "advmod" for g in word.children)


PROFESSIONS = lexicon().words("professions.txt")
"""Nouns for a trade or a job that are no office ("salesman", "pharmacist", "venture
capitalist"), from WordNet (``professions.txt``, written by ``scripts/make_professions.py``)."""


_RANKS = {"leading", "top", "best", "greatest", "star"}
"""Words before a trade that rank its holder among others rather than name a job."""


def _a_rank(word: Any) -> bool:
    """Whether a modifier ranks: an ordinal ("first"), a superlative ("fastest"), "leading"."""
    return word.tag_ in ("JJS", "RBS") or word.ent_type_ == "ORDINAL" or word.lower_ in _RANKS


_STANCE_TRADES = lexicon().words("stance-trades.txt")
"""Trades whose noun, with "of" what it is said of, names a stance, not the job: "a critic of
the government" opposes it ("a film critic", "a critic for the Times" are the trade);
``stance-trades.txt``."""


def profession_of(noun: Any, ctx: Context) -> str | None:
    """The job a singular common noun names when it names no title, as :func:`trade_written`
    writes it: "a life insurance salesman" → "life insurance salesman", "a retired welder" →
    "retired welder"; None for a title, a plural, a proper noun or any other noun ("a father
    of three", "a keen golfer" is no trade of WordNet's), nor a stance ("a critic of Oxfam")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.is_lower or ctx.mention_at(noun) or \
            any(c.dep_ == "amod" and _a_rank(c) for c in noun.children):
        return None  # "the first swimmer out", "the league's leading goal kicker": a rank
    if noun.lower_ in _STANCE_TRADES and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "X, a critic of the government", "Y is a critic of the war"
    if noun_title(noun, ctx)[0] is not None:
        return None
    words = [w.text for w in _trade_compounds(noun, ctx)] + [noun.text]
    if not (words[-1] in PROFESSIONS or len(words) > 1 and " ".join(words[-2:]) in PROFESSIONS):
        return None
    return trade_written(noun, ctx)


def trade_written(noun: Any, ctx: Context) -> str:
    """How one holder's trade is written: its noun and the nouns compounded before it, after
    the title's modifiers ("former", "senior") and without any other adjective: "a young
    lawyer" → "lawyer", "a former hospital worker" → "former hospital worker" (no longer held,
    as "former leader X" is for the title rules)."""
    modifiers = [c.lower_ for c in noun.children
                 if c.dep_ == "amod" and c.i < noun.i and c.lower_ in TITLE_MODIFIERS]
    words = [*_trade_compounds(noun, ctx), noun]
    written = " ".join(modifiers)
    for before, word in zip([None, *words], words, strict=False):
        text = singular(noun) if word is noun else word.text
        hyphened = before is not None and word.i == before.i + 2 and \
            word.doc[before.i + 1].text == "-" and not before.whitespace_
        written += f"-{text}" if hyphened else f" {text}" if written else text
    return written  # "singer-songwriter" keeps its hyphen


def _trade_compounds(noun: Any, ctx: Context) -> list[Any]:
    """The lower-case nouns compounded before a trade's noun, in their order: "life" and
    "insurance" in "a life insurance salesman", "hospital" in "a hospital worker"; with the
    adjective a compounded noun carries, which names the field, not the holder: "gay" in "a gay
    rights activist", "civil" in "a civil rights lawyer" (not "young" in "a young rights
    lawyer", which the parser hangs on the trade)."""
    found: list[Any] = []
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i and child.is_lower and child.is_alpha \
                and child.pos_ == "NOUN" and not ctx.mention_at(child):
            found += [*_trade_compounds(child, ctx), child]
            if noun.pos_ == "NOUN" and noun.dep_ != "compound":
                found += [a for a in child.children if a.dep_ == "amod" and a.i == child.i - 1
                          and a.pos_ == "ADJ" and a.is_lower and a.is_alpha
                          and not any(g.dep_ == "advmod" for g in a.children)
                          and a.lower_ not in TITLE_MODIFIERS]
    return sorted(found, key=lambda t: t.i)


def _portfolio_after(noun: Any) -> list[Any]:
    """The capitalised portfolio written after a minister's or secretary's title: "Minister for
    Foreign Affairs and Trade", "Secretary of State"; none in "the minister for the region"."""
    if noun.lower_ not in portfolio_holders() or not noun.is_title:
        return []
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and
                 c.lower_ in ("for", "of")), None)
    if prep is None:
        return []
    words = list(prep.subtree)
    named = [w for w in words[1:] if w.lower_ not in ("and", "the", "&")]
    return words if named and all(w.is_alpha and w.is_title for w in named) else []


def joined_demonyms(word: Any, ctx: Context) -> list[Any]:
    """The nationality words a hyphen joins, ending at ``word``: "Liberian" and "American" in
    "a Liberian-American", "Chinese" and "Canadian" in "a Chinese-Canadian engineer" (two
    states, no part of a title); none where ``word`` is no nationality word or stands alone."""
    doc = word.doc
    chain = [word]
    while chain[0].i >= 2 and doc[chain[0].i - 1].text == "-" and \
            not doc[chain[0].i - 1].whitespace_ and not doc[chain[0].i - 2].whitespace_:
        chain.insert(0, doc[chain[0].i - 2])
    if len(chain) < 2 or not all(w.is_alpha and w.is_title and ctx.gazetteer.demonym(w.text)
                                 for w in chain):
        return []
    return chain


def _hyphen_prefix(noun: Any) -> list[Any]:
    """The word and hyphen a title noun is joined to, which the parser may leave unattached:
    "vice" and "-" in "the vice-chairman of BHP"."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 1].whitespace_ or \
            doc[noun.i - 2].whitespace_ or not doc[noun.i - 2].is_alpha:
        return []
    return [doc[noun.i - 2], doc[noun.i - 1]]


def _an_age(word: Any) -> bool:
    """Whether a modifier gives an age, which is no part of a title: "a 62-year-old fisherman"."""
    return word.lower_ == "old" and any(t.like_num or t.lower_ in ("year", "years")
                                        for t in word.subtree)


def _stance(word: Any) -> bool:
    """Whether a modifier is the prefix of a body someone opposes or backs, which is no part of
    their title: "anti" and "-" in "an anti-Taliban commander"."""
    doc = word.doc
    return word.lower_ in _STANCE_PREFIXES or word.text == "-" and word.i > 0 and \
        doc[word.i - 1].lower_ in _STANCE_PREFIXES


def one_of(noun: Any) -> Any | None:
    """The plural a person is "one of": "one of the leaders of Hamas" → "leaders"; None when
    the noun is no such "one"."""
    if noun.lower_ != "one":
        return None
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.tag_ == "NNS"), None)


def is_former(noun: Any) -> bool:
    """Whether a title noun is qualified as no longer held: "a former director of Oxfam"."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in PAST_MODIFIERS for c in noun.children)


def is_junior(noun: Any) -> bool:
    """Whether a title noun is qualified as second to the leader: "the deputy chairman of
    Westpac", "Acme's vice-chairman"."""
    return any(c.dep_ in ("amod", "compound", "advmod") and c.lower_ in JUNIOR_MODIFIERS
               for c in noun.children) or \
        any(w.lower_ in JUNIOR_MODIFIERS for w in _hyphen_prefix(noun))


def is_retired(noun: Any) -> bool:
    """Whether a title noun is qualified as retired from: "a retired Marine Corps general"."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ == "retired" for c in noun.children)


_FIELD_KINDS = ("official", "business", "academic", "media")
"""The kinds of title a field after "of" narrows: "director of nursing", "head of security"
(a state's offices are narrowed by their portfolio, which the portfolio rules read)."""


def _of_a_field(noun: Any, ctx: Context, title: str) -> bool:
    """Whether a leading title is narrowed by the field written after it with "of": "head of
    security at Acme", "the director of nursing at the hospital" (a lower-case noun that names
    no body and writes no longer title with it: not "chief of staff")."""
    if not title or ctx.gazetteer.titles[title].kind not in _FIELD_KINDS:
        return False
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for field in (o for o in prep.children if o.dep_ == "pobj"):
            if field.pos_ == "NOUN" and field.is_lower and ctx.mention_at(field) is None and \
                    f"{title} of {field.lower_}" not in ctx.gazetteer.titles and \
                    not any(c.dep_ == "det" for c in field.children):
                return True
    return False


def is_briefed(noun: Any, ctx: Context) -> bool:
    """Whether a title noun is narrowed to a place or a topic, whose holder leads that part and
    not the whole body: "Amnesty's Asia director", "the company's finance director", "the head
    of security at Acme"."""
    title = noun_title(noun, ctx)[0] or ""
    if _of_a_field(noun, ctx, title):
        return True
    for child in noun.children:
        if child.dep_ not in ("compound", "nmod") or child.i > noun.i:
            continue
        covering = ctx.mention_at(child)
        if covering is not None and covering.type in PLACE_TYPES or covering is None and \
                child.pos_ == "NOUN" and child.lower_ not in title.split() + list(TITLE_MODIFIERS):
            return True
    return False


def opposed(ctx: Context, body: Mention) -> bool:
    """Whether a body is named as what someone opposes or backs: "the anti-Taliban commander"."""
    doc = ctx.doc
    start = ctx.first_token(body).i
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCE_PREFIXES


AWARD_PERIODS = lexicon().words("award-periods.txt")
"""Nouns after "of" that make a capitalised noun an award's name: "Coach of the Year"
(``award-periods.txt``)."""


def award_name(noun: Any) -> bool:
    """Whether a capitalised noun one is "named" is a prize, not a post: "named Coach of the
    Year", "named Best Director at the festival", "Most Valuable Player"; not "named Chairman
    of the board" or "named CEO"."""
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("best", "most") for c in noun.subtree
           if c.i < noun.i):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lower_ in AWARD_PERIODS for o in c.children) for c in noun.children)


CANDIDATE_MODIFIERS = lexicon().words("candidate-modifiers.txt")
"""Modifiers by which a successor is only a candidate: "his likely successor"
(``candidate-modifiers.txt``)."""


def only_a_candidate(noun: Any) -> bool:
    """Whether a successor's noun is said of one who may take the post, not one who did: "his
    likely successor as chairman", "a would-be successor"; not "his successor as chairman"."""
    return any(c.i < noun.i and c.dep_ in ("amod", "compound", "advmod", "nmod") and
               "".join(t.text_with_ws for t in c.subtree).strip().lower() in CANDIDATE_MODIFIERS
               for c in noun.children)
