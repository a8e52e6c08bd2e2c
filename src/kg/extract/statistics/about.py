"""Whom or where a figure is about: the entity or place the text says it belongs to, or none."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.coreference import body_for_pronoun
from kg.extract.entities import argument_mention
from kg.extract.events.lexicon import one_word_verbs
from kg.extract.statistics.event import after_words, toll_causes
from kg.extract.statistics.spans import FIGURE_LABELS
from kg.extract.statistics.syntax import (
    CLAUSE_ARGUMENTS,
    clause_verb,
    counted_noun,
    counts_the_charge,
    is_joint,
    is_size,
    number_root,
    subject_of,
)
from kg.extract.statistics.written import figure_words, percent_tokens, toll_words, word_list
from kg.lexicon import lexicon
from kg.vocab import kinds_of

_ABOUT_TYPES = frozenset({*PLACE_TYPES, *ORGANIZATION_TYPES, "Person"})


_MODIFIERS = ("compound", "amod", "poss", "nmod")
"""What modifies a counted noun in its own words ("Afghan refugees", "Acme's workers")."""


_WHERE = ("in", "at", "on", "across", "around", "off", "throughout", "during")
"""Prepositions that place what a figure counts ("29 seats in the assembly", "landed on the
island of X", "killed during a coup in X", "500 jobs around the country")."""


def about_of(ctx: Context, ent: Any, triggers: set[int], money: bool = False,
             victims: frozenset[int] = frozenset()) -> str | None:
    """What a figure is about, as the text says it; None when it does not say (see
    :func:`_about`). A count of nationals ("10 Israelis", "400,000 Brazilians") is first read
    without their state: a place or an owner the clause ties the figure to comes before it
    ("killed 10 Israelis in the West Bank raid" is the West Bank's, "Portugal is home to
    400,000 Brazilians" Portugal's); the state only when the text ties nothing else ("the toll
    includes 865 Ruritanians")."""
    tied = _about(ctx, ent, triggers, money, victims, nationals=False)
    return tied if tied is not None else _about(ctx, ent, triggers, money, victims)


def _about(ctx: Context, ent: Any, triggers: set[int], money: bool = False,
           victims: frozenset[int] = frozenset(), nationals: bool = True) -> str | None:
    """What a figure is about, as the text says it; None when it does not say.

    In order: the entity the figure is part of the name of ("Slovenia's 90-seat National
    Assembly"); for a share ("22 percent of X"), the entity or state its clause's subject names
    ("Indonesian steel accounted for 22 percent of Australia's imports"); a state or other
    entity inside the counted phrase ("300 Afghan refugees",
    "Acme's 1,200 workers"); the place an apposition gives the figure ("Chala, a town of 15,000
    people"); what a price is paid for ("buy Acme for $2 billion"); the body the counted noun
    is "at" ("hire 300 staff at Acme"); the owner of the clause's subject ("Acme's profit fell
    25 percent", "Acme cut 1,000 jobs", "the Greens, which took 9 seats"); the body the counted
    noun is "in" ("the 76 seats in the Senate"); the place a "where" clause or the clause
    itself gives ("the X township, where 1,000 people live", "40 died in Peru", "11 drowned
    when a boat capsized off Lampione"); and last, for a count or a share, a place the counted
    phrase is in ("29 seats in Slovenia's assembly" is first the party's; "a $3 billion
    lawsuit in the US" is not the US's). A list of names or places ("in X and Y") is none of
    theirs. Nothing is taken from outside the figure's sentence: the nearest organisation is
    no answer.
    """
    number = number_root(ent)
    root = counted_noun(number)
    while root.dep_ in ("compound", "amod") and root.head.i != root.i and \
            (root.dep_ == "compound" or root.i > 0 and ctx.doc[root.i - 1].text == "-"):
        root = root.head  # "Acme's 1,200 workers"; "a 90-seat assembly"
    named = ctx.mention_at(root)
    if named is not None and named.type in _ABOUT_TYPES and named.kind == "name" \
            and not root.like_num and not ent.start <= root.i < ent.end:
        return named.id  # "Slovenia's 90-seat National Assembly"
    verb = clause_verb(root)
    subject = subject_of(verb) if verb is not None else None
    owner = None
    # "bombers killed 26 people", "a court found 10 men guilty": whom the act harmed (not
    # "a raid in X left eight civilians dead": the subject is the act, and its place theirs)
    # (a verb of such an act counts even where kg told its event at another word: "bombers
    # killed 25 people in the suicide attacks")
    harmed = root.dep_ == "dobj" and verb is not None and (
        verb.idx in victims or verb.lemma_.lower() in _victim_verbs() or any(
            c.idx in victims for c in root.children if c.dep_ == "amod"))
    # "Afghanistan agreed to a 3,000-strong force": a size is of what it describes, whoever
    # the clause's subject is
    size = is_size(number)
    # "after the torching of 20 buildings, the camp ...": the figure counts what an earlier
    # act was done to, not what the subject owns; "Iraq and Russia are close to signing a $40
    # billion plan": a figure of a joint subject is not one part's
    joint = subject is not None and is_joint(subject)
    # "Two Palestinians were killed and 120 injured": a figure that names no noun of its own
    # shares nothing with a subject another figure counts
    elided = subject is not None and root.like_num and any(
        c.dep_ == "nummod" and c.like_num for c in subject.children)
    # "the Greens hold 12 of the 76 seats": the whole a part is counted from is not the
    # subject's
    whole = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.like_num
    # "Mr Dixon claims workers earn 28 per cent above ...": a figure the parse hung on a verb
    # that reports a clause is the clause's, not the reporter's
    reporting = verb is not None and _reports_a_clause(verb)
    # "the president declared an emergency in 14 districts": where the subject acted, not
    # what it holds (but "finished at 6 for 255", "closed at 31 cents" are its own levels)
    where = root.dep_ == "pobj" and root.head.lower_ in _WHERE and root.i != number.i
    # "the port at Kelso, a $1.2 billion development": a figure in an apposition to a name
    # describes what the name names, not what the clause's subject owns (but "received 45
    # patients, 30 more than last month" restates the subject's figure)
    apposed = subject is not None and root.dep_ == "appos" and not root.like_num and \
        ctx.mention_at(root.head) is not None and \
        root.head.i not in {t.i for t in subject.subtree}
    apart = joint or elided or whole or reporting or where or apposed
    counted = ctx.mention_at(root)  # "10 Israelis": the counted noun, a demonym or a name
    if subject is not None and root not in subject.subtree and not harmed and not size and \
            not apart and not counts_the_charge(root):
        owner = _owner(ctx, subject)
        if owner is not None and owner.kind == "pronoun" and \
                not (root.dep_ == "dobj" and root.head.i == verb.i):  # type: ignore[union-attr]
            owner = None  # "he paid 4,000 euros" is his; "she expects savings of $5m" not hers
        relative = _relative_clause(subject) if subject.lower_ in ("which", "that", "who") \
            else None
        if owner is None and relative is not None:
            antecedent = relative.head
            owner = _entity_of(ctx, antecedent) or _state_modifying(ctx, antecedent)
            if owner is None and antecedent.dep_ == "appos":
                owner = _entity_of(ctx, antecedent.head)  # "Texas, a state that is expected
                # to add four seats": the name the described noun is in apposition with
        if owner is None and subject.idx not in triggers:
            owner = _state_modifying(ctx, subject)  # not "a British raid": who raided
        if owner is not None and owner.type == "Person" and any(
                m.kind == "name" and m.type == "Person" and subject.idx < m.start < ent.start_char
                and m.start >= owner.end for m in ctx.mentions):
            owner = None  # "X received a fine of 6,000 euros, Y 2,000 euros": Y's, not X's
        if owner is not None and owner.type == "Person" and counted is not None and \
                counted.kind == "demonym":
            owner = None  # "Ms X, who joined the 40 million Americans travelling": a count of a
            # nation's people is no one person's (the nation's, read with the counted phrase)
        if owner is not None and owner.type == "Person" and verb is not None and \
                verb.lemma_.lower() in _telling_verbs() and \
                not (root.dep_ == "dobj" and root.head.i == verb.i):
            owner = None  # "At Acme, Jo Lee called the delays minor, with an on-time rate of
            # 70%": whoever tells a figure is not whom it is about (but "Lee claimed 40% of
            # the vote" is hers)
    share = root.lower_ in percent_tokens() and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    # "the Greens hold 12 of the 76 seats in the Senate": a part the subject holds is its
    # own, whatever holds the whole
    part = root.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    if (share or part) and owner is not None:
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
    # "10 Israelis": the counted noun is a demonym; the first reading skips the counted phrase
    # ("196 Chileans who defected to Peru" are no Peru's)
    groups = [] if not nationals and counted is not None and counted.kind == "demonym" else \
        [[t for t in tokens if t.i in near or t.i == root.i], tokens]
    for group in groups:
        # not "NOK" of "NOK 2.3 billion", nor one of a list ("11 of his men, from Egypt, Libya
        # and Yemen" are none of theirs)
        inside = [ctx.mention_at(token) or _described_place(ctx, token) for token in group
                  if not _listed(token, root)]
        inside += [_owner(ctx, token) if token.lower_ == "its" else _described(ctx, token)
                   for token in group if token.dep_ == "poss"]  # "its 550 employees"
        for wanted in (("Country",), tuple(_ABOUT_TYPES)):
            found = next((m for m in inside if m and m.type in wanted), None)
            if found is not None:
                return found.id  # a pronoun ("his £3,000 device") resolves with the others
    # "Acme's bid for Zentro, a $2 billion deal": a sum is what the apposed thing costs, and
    # the parse hangs the apposition on the nearest name; no place is a sum's by apposition
    described = None if money else _apposed_place(ctx, root)
    if described is not None:
        return described.id
    if verb is None or size:
        return None
    if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i == verb.i:
        bought = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if bought is not None and bought.lower_ in ("which", "that") and verb.dep_ == "relcl":
            bought = verb.head  # "Zentro, which Acme bought for $2 billion": Zentro's price
        found = _entity_of(ctx, bought) if bought is not None else None
        if found is not None and found.type != "Person":
            return found.id  # "buy Van der Berg for 2.3 billion euros": its price
        if found is not None and found.kind == "name" and root.i == number.i and not money \
                and root.lower_ not in percent_tokens() and _puts_out(verb):
            return found.id  # "Singh removed Tom Baxter for 47", "had Baxter caught for 41":
            # a bare number "for" which a named person was put out is that person's score,
            # not the bowler's
    # "his government will hire 300 staff at AIMA": AIMA's staff, whoever hires them; but
    # "the Greens won 29 seats in the Senate" are the Greens' (the Senate's only with no owner)
    body = _body_within(ctx, root, ("at",) if owner is not None else ("at", "in"))
    if body is not None:
        return body.id
    if owner is not None:
        return owner.id
    body = _clause_body(ctx, verb)
    if body is not None:
        return body.id  # "At Acme, 70% of flights were on time"
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        place = ctx.mention_in(verb.head, PLACE_TYPES)  # "the X township, where 1,000 people live"
        if place is not None:
            return place.id
    # "26 killed in Jerusalem and Haifa", "eight deaths in both X and Y": a figure placed in a
    # list of places is none of theirs
    places = [(m, _listed(ctx.doc[i], root)) for m, i in
              ((ctx.mention_at(ctx.doc[i]), i) for i in sorted(placed))
              if m and m.type in PLACE_TYPES]
    # a name before a description of one ("in the city of Homs": Homs, not the city the story
    # named last)
    places.sort(key=lambda place: place[0].kind == "description")
    if places and places[0][1]:
        return None
    own_place = places[0][0] if places else None
    if own_place is not None and not money and root.dep_ not in ("nsubj", "nsubjpass"):
        return own_place.id  # "20 died on Ohio roads, with eight deaths in Iowa": Iowa's eight
    for clause in _clause_and_its_parts(verb):
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in _WHERE:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    mention = _place_in(ctx, obj, nested=not money)
                    if mention is not None:
                        listed = _listed(obj, root) or _listed(ctx.last_token(mention), root)
                        return None if listed else mention.id  # "in attacks in X and Y"
    if not money and root.lower_ not in percent_tokens() and \
            root.dep_ in ("dobj", "nsubjpass", "nsubj"):
        caused = _place_of_the_cause(ctx, verb, root, triggers)
        if caused is not None:
            return caused.id if caused else None
    if not money and root.dep_ in ("dobj", "nsubjpass", "nsubj"):
        struck = _place_struck(ctx, verb, root) or _place_of_the_act(ctx, verb, root)
        if struck is not None:
            return struck.id
    if money:
        return None  # "a $3 billion lawsuit in the US" is no sum of the US's
    return own_place.id if own_place is not None else None


_JOINS = (";", "—", "–", "--")
"""Marks that join two clauses side by side, neither reporting the other."""

_QUOTES = ('"', "“", "”", "'", "‘", "’")


def _reports_a_clause(verb: Any) -> bool:
    """Whether a verb reports a clause the parse hung on it ("Mr Dixon claims workers earn 28
    per cent above ..."); not when the clause comes before it, joined by a semicolon or a dash
    with no quotation closing after the mark ("cord cutting is accelerating; Comcast lost
    238,000 subscribers", "Acme was foundering in 1996 — a year it lost $900 million": the
    parse took the first clause for the second's object, but the second reports nothing).
    "'Costs fell; 300 jobs will go,' Acme said" still reports its quotation."""
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        joins = [t for t in doc[clause.i + 1 : verb.i] if t.text in _JOINS]
        if clause.i < verb.i and joins and not any(
                t.text in _QUOTES for t in doc[joins[-1].i + 1 : verb.i]):
            continue
        return True
    return False


def _relative_clause(pronoun: Any) -> Any | None:
    """The verb of the relative clause a relative pronoun is the subject of, through the verbs
    it is the subject of inside it: "Nissan, which cut 900 jobs" (cut), "Nissan, which is
    expected to cut 900 jobs" (expected), "U.S. ad spending, which analysts say will break $1
    billion" (say); None when the pronoun opens no relative clause."""
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ == "relcl":
            return clause
        if clause.dep_ not in ("xcomp", "ccomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return clause if clause.dep_ == "relcl" else None


@cache
def _victim_verbs() -> frozenset[str]:
    """The one-word verbs of the events whose object is whom they harmed (``victim events`` of
    numbers.yaml, their verbs in events.yaml): "kill", "shoot", "arrest", "convict"; and the
    verbs of taking captive (``captive-verbs.txt``): "capture", "kidnap"."""
    return one_word_verbs(figure_words().victim_events, passives=True) | word_list("captive-verbs.txt")


@cache
def _telling_verbs() -> frozenset[str]:
    """The one-word verbs of a statement in events.yaml, with its verbs of naming ("say",
    "describe", "call the delays minor"): their subject tells a figure, it does not own it."""
    statement = lexicon().events.triggers.get("Statement") or {}
    naming = [verb for verb in statement.get("verbs_of_naming") or () if " " not in verb]
    return one_word_verbs(("Statement",)) | frozenset(naming)


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
                t.like_num and t.ent_type_ in FIGURE_LABELS for t in child.subtree):
            continue  # "1,121 people, including 865 Palestinians", "21 people, 14 of them
            # Australians": a part, counted by a figure of its own, is not whose the whole is
            # (but "10 of the 26 deaths in X" is a part of X's whole)
        if child.dep_ == "prep" and child.lower_ != "of":
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                tokens += [obj] if obj.pos_ == "PROPN" and child.lower_ not in _BEYOND else []
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


_BEYOND = ("to",)
"""Prepositions whose bare name is where what a figure counts goes, not whose it is ("29
recommendations to the Federal Government", "exports to Japan"; but "130 officers from
Queensland" are Queensland's)."""


def _puts_out(verb: Any) -> bool:
    """Whether a verb puts a batter out (``dismissal-verbs.txt``): "removed Baxter", "ran out
    Moyo" (with its particle), "had Baxter caught"; not "held", "signed" or "suspended"."""
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return any(verb.lemma_.lower() == lemma and (not particle or particle in particles)
               for lemma, _, particle in (entry.partition(" ")
                                          for entry in word_list("dismissal-verbs.txt")))


def _body_within(ctx: Context, root: Any, prepositions: tuple[str, ...]) -> Any | None:
    """The organisation a counted noun is "at" or "in" (``prepositions``): "35 jobs at Acme",
    "300 workers at the plant" after "the Acme plant", "the 76 seats in the Senate", also
    through a noun of a body's own people the figure is "of" ("a workforce of 3,000 at Acme",
    ``body-own-people-nouns.txt``; "a crowd of 30,000 at the stadium" is none of the
    stadium's) (not a place: a place comes later, after the clause's own)."""
    nouns = [root]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" and \
            root.head.head.lemma_.lower() in word_list("body-own-people-nouns.txt"):
        nouns.append(root.head.head)  # "a workforce of 3,000 at Acme": the noun it is "of"
    for prep in (c for noun in nouns for c in noun.children
                 if c.dep_ == "prep" and c.lower_ in prepositions):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _entity_of(ctx, obj) or _described(ctx, obj)
            if found is not None and found.type in ORGANIZATION_TYPES and found.kind != "pronoun":
                return found
    return None


def _clause_body(ctx: Context, verb: Any) -> Any | None:
    """The organisation a clause opens by being "at" ("At Acme, Jo Lee called the delays minor,
    with an on-time rate of 70%", "At Orvano Bank, 300 jobs will go"): the body whose figures
    the clause gives, when nothing else in it owns them. Only a name before the verb (not
    "spoke at the United Nations"), and no list of bodies."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and c.i < verb.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = ctx.mention_at(obj)
            if found is not None and found.kind == "name" and found.type in ORGANIZATION_TYPES \
                    and not any(c.dep_ == "conj" for c in obj.children):
                return found
    return None


def _listed(token: Any, root: Any) -> bool:
    """Whether a word in a counted phrase is, or is part of a name that is, one of a list
    ("Egypt, Libya and Yemen"; "Afghan and Pakistani"), not the counted noun itself ("Three
    US troops and five Afghan soldiers")."""
    while token.dep_ in ("compound", "flat") and token.head.i not in (token.i, root.i):
        token = token.head
    return token.i != root.i and (token.dep_ == "conj" or any(
        c.dep_ == "conj" for c in token.children) or _heads_a_broken_list(token))


_PLACE_LABELS = ("GPE", "LOC")


def _heads_a_broken_list(token: Any) -> bool:
    """Whether a place name is the first of a list of places the parse broke off after it
    ("claimed 300 lives in Chad, Niger, Mali and Ghana, officials report", where the rest
    became the subject of "report"): names of places after it, each after a comma, the last
    after "and" or "or". "in Paris, France" is no list."""
    doc = token.doc
    if token.ent_type_ not in _PLACE_LABELS:
        return False
    i = token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1  # past the rest of the name
    names = 0
    while i + 1 < len(doc) and doc[i].text in (",", "and", "or"):
        joined_by = doc[i].lower_
        i += 1
        if joined_by == "," and doc[i].lower_ in ("and", "or"):
            joined_by = doc[i].lower_
            i += 1
        if i >= len(doc) or doc[i].ent_type_ not in _PLACE_LABELS or doc[i].ent_iob_ != "B":
            return False
        names += 1
        i += 1
        while i < len(doc) and doc[i].ent_iob_ == "I":
            i += 1
        if joined_by in ("and", "or"):
            return names >= 1
    return False


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
    outcome of ("bombers struck in X, killing 26 people"), and for an open complement, the
    clause it completes ("in X, lawmakers voted to raise it"), in that order. A gapped conjunct is
    one of those verbs: in "24 were killed and 15 injured in raids in X", the parse hangs
    "injured" and its place on "15", the conjunct of "killed"."""
    conjoined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        conjoined.append(verb.head)
    conjoined += [a for c in verb.children if c.dep_ == "conj" and c.like_num
                  for a in c.children if a.dep_ in ("acl", "amod") and a.pos_ == "VERB"]
    verbs = [verb, *[c for c in conjoined if not any(s.dep_ in CLAUSE_ARGUMENTS for s in c.children)]]
    # "Four were killed and eight injured when a fire broke out in X": the "when" of both
    verbs += [c for v in [verb, *conjoined] for c in v.children if c.dep_ == "advcl"
              and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children)]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i:
        verbs.append(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verbs.append(verb.head)  # "In Ohio, lawmakers voted to raise it to $9.10": the clause
        # an open complement completes, whose subject it shares, places it too
    return verbs


def _from_a_cause() -> tuple[str, ...]:
    """Prepositions that tie a toll to its cause without placing it ("dead after floods in X",
    "dead from floods in X"; the cause must be a toll cause, so "from Lima" is none)."""
    return (*after_words(), "from")


def _place_of_the_cause(ctx: Context, verb: Any, root: Any, triggers: set[int]) -> Any | None:
    """For a toll whose clause names its cause, the place the cause is "in" or "at": "At least
    40 people are dead after floods in Peru", "20 were hurt amid riots in Lagos", "300 homes
    were destroyed following a bushfire at X", or the place of an event an "after" clause tells
    ("15 soldiers are dead after militants attacked a base in Mali"); False for a list of
    places ("after storms in X and Y"), None when the cause is no attack, disaster or war, or
    is placed nowhere."""
    if verb.lemma_.lower() not in toll_words() and not any(
            c.dep_ == "acomp" and c.lemma_.lower() in toll_words() for c in verb.children):
        return None  # "200 workers remain idle after the strike in X": no toll
    causes = toll_causes(lexicon().events.triggers)
    # "are dead after floods in X", or with the phrase on the adjective: "dead from floods in X"
    clauses = _clause_and_its_parts(verb)
    clauses += [c for v in clauses for c in v.children if c.dep_ == "acomp"]
    for clause in clauses:
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in _from_a_cause()):
            for cause in (c for c in prep.children if c.dep_ == "pobj"):
                if cause.lemma_.lower() not in causes and cause.lower_ not in causes:
                    continue
                for where in (c for c in cause.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
                    found = _place_after(ctx, where, root)
                    if found is not None:
                        return found
    acts = [c for c in verb.children if c.dep_ == "advcl" and c.idx in triggers and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in after_words() for m in c.children)]
    for act in acts:  # where it was done, or where what it struck was ("attacked a church in X")
        struck = [c for c in act.children if c.dep_ == "dobj"]
        for where in (c for noun in (act, *struck) for c in noun.children
                      if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            found = _place_after(ctx, where, root)
            if found is not None:
                return found
    return None


def _place_struck(ctx: Context, verb: Any, root: Any) -> Any | None:
    """For a toll a participle tells ("shelling hit the city's main market, killing 17
    people", "a jet struck three buildings in Gaza City, injuring 18"), the place of what the
    act it tells the outcome of struck: the place its object is in or at, or the place "the
    city('s)" stands for; None when it names a list of places or none."""
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.tag_ == "VBG":
        verb = verb.head  # "killing 17 people and wounding 60"
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i):
        return None
    act = verb.head
    for obj in (c for c in act.children if c.dep_ == "dobj"):
        for child in obj.children:
            if child.dep_ == "poss":
                place = _described_place(ctx, child)
                if place is not None:
                    return place  # "the city's main market"
            if child.dep_ == "prep" and child.lower_ in _WHERE:
                found = _place_after(ctx, child, root)
                if found is not None:
                    return found or None
    return None


def _place_of_the_act(ctx: Context, verb: Any, root: Any) -> Any | None:
    """For a toll, the place of the act that took it, when the act is the clause's subject or
    the noun its relative clause tells of ("the bombing in Haifa killed 12 people", "the fire
    at a hostel in Lyon, which killed 9", "the attack in X in which 10 were killed"): the
    place the act's noun is "in" or "at", as in "a raid in X left eight civilians dead"; None
    for a list of places ("the attacks in X and Y") or none."""
    acts = toll_causes(lexicon().events.triggers)
    nouns = [verb.head] if verb.dep_ == "relcl" else []
    for _ in range(3):  # "the bombing in Haifa, which killed 12", "the fire at a hostel in
        # Lyon, which killed 9": the parse hangs the clause on the nearest noun, the act's place
        if not nouns or nouns[0].lemma_.lower() in acts or nouns[0].dep_ != "pobj" or \
                nouns[0].head.lower_ not in ("in", "at", "of"):
            break
        nouns = [nouns[0].head.head]
    subject = subject_of(verb)
    nouns += [subject] if subject is not None and subject.lower_ not in ("which", "that") else []
    for noun in (n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in acts):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            found = _place_after(ctx, prep, root)
            if found is not None:
                return found or None
    return None


def _place_after(ctx: Context, prep: Any, root: Any) -> Any | None:
    """The place a preposition's object names ("in Haifa"); False when it is one of a list of
    places ("in X and Y": no single place), None when it names none."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        place = _place_in(ctx, obj)
        if place is not None:
            return False if _listed(obj, root) or _listed(ctx.last_token(place), root) else place
    return None


def _place_in(ctx: Context, noun: Any, nested: bool = True) -> Any | None:
    """The place a noun names, or the one it is "of" or "in" ("the island of Lampedusa",
    "hospitals in Arequipa"; not for a sum: "filed in a $3 billion lawsuit in the US")."""
    mention = _place_named(ctx, noun)
    if mention is None and nested:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                mention = mention or _place_named(ctx, obj)
    return mention


def _described_place(ctx: Context, noun: Any) -> Any | None:
    """The place "the state", "the city" or "the country" stands for: the last one of its
    class the article named before it ("fires raging around the state" after "New South
    Wales"; ``place descriptions`` of numbers.yaml)."""
    kind = figure_words().place_descriptions.get(noun.lower_)
    if kind is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or ctx.mention_at(noun) is not None:
        return None
    if any(c.dep_ in ("appos", "compound") or c.dep_ == "prep" and c.lower_ == "of"
           for c in noun.children):
        return None  # "the northern city of Mazar-e-Sharif": the name is given
    earlier = [m for m in ctx.mentions if m.kind == "name" and m.type in kinds_of(kind)
               and m.end <= noun.idx and m is not ctx.dateline_place()]
    return max(earlier, key=lambda m: m.start) if earlier else None


def _place_named(ctx: Context, noun: Any) -> Any | None:
    """The place a noun names, itself or with the name before it ("Paktika province", "New
    South Wales roads", "the Gaza strikes"); not a state whose name says whose the things are
    ("wounded in US airstrikes", "killed by British troops")."""
    mention = ctx.mention_in(noun, PLACE_TYPES) or _described_place(ctx, noun)
    if mention is not None and mention is not ctx.mention_at(noun) and \
            mention.type == "Country" and noun.tag_ == "NNS" and \
            noun.lower_ not in word_list("area-nouns.txt"):
        return None
    return mention


def _apposed_place(ctx: Context, root: Any) -> Any | None:
    """The place a figure describes in apposition: "Chala, a fishing town of about 15,000
    people" (the figure counts the town's people)."""
    noun = root
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    if noun.dep_ != "appos":
        return None
    place = ctx.mention_in(noun.head, PLACE_TYPES)
    start = noun.left_edge.i
    if place is None and start > 1 and ctx.doc[start - 1].text == ",":
        # "the damage was in and around Chala, a town of 15,000": the parse hung the
        # apposition on another word, but it follows the name it describes
        place = ctx.mention_in(ctx.doc[start - 2], PLACE_TYPES)
    return place


def _owner(ctx: Context, subject: Any) -> Any | None:
    """Whose a subject is: the entity it names or describes ("Acme cut ...", "the bank
    reported ..."), its possessor ("Acme's profit", "the profit of Acme", "sales at Acme",
    "shares in Acme", "the toll in Peru's floods"), the place it is in
    ("the infection rate in Malawi is 19 percent"), or, for "it"/"its", the subject of the
    clause that reports it ("Acme said it plans to cut ...", as ``body_for_pronoun`` finds it)."""
    if subject.lower_ in ("it", "its"):
        body = body_for_pronoun(ctx, subject, descriptions=True)
        # not the possessor of the noun "it" stands for ("as Canada's largest lender missed
        # its target")
        return _entity_of(ctx, body) if body is not None and body.dep_ != "poss" else None
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
            if target is not None and child.lower_ != "from" and (
                    found is None or found.type in PLACE_TYPES and ctx.mention_at(target) is not found):
                # "the toll in Argentina's riots"; "sales at its Ohio plant", "jobs at Acme's
                # Leeds depot": the plant's owner, not the place that only names the plant
                found = next((_owner(ctx, c) if c.lower_ == "its" else _entity_of(ctx, c)
                              for c in target.children if c.dep_ == "poss"), None) or found
            if found is None:
                found = _place_of_cause(ctx, child)
            held = subject.lemma_.lower() in figure_words().holdings  # "shares in Acme"
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
    if mention is not None and _only_modifies_an_apposition(ctx, token, mention):
        return None  # "Zorblax, the leading U.S. cable system, lost 238,000 subscribers"
    if mention is not None and mention.type in _ABOUT_TYPES and \
            mention.kind in ("name", "description", "demonym", "pronoun") and \
            mention is not ctx.dateline_place():  # "OSLO, May 3 (Reuters) - Profit fell 8%"
        return mention
    return None


def _only_modifies_an_apposition(ctx: Context, token: Any, mention: Any) -> bool:
    """Whether the mention found for an argument is a name that only modifies the noun of its
    apposition ("Zorblax, the leading U.S. cable system": the state describes the system, it is
    not Zorblax); a name that is the apposition ("newspaper The Chosun Daily") is the argument's."""
    if ctx.mention_in(token) is mention:
        return False
    return any(child.dep_ == "appos" and ctx.mention_in(child) is mention
               and ctx.mention_at(child) is not mention for child in token.children)


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
                    or lexicon().classes("description-nouns.tsv").get(word) == m.type)]
    return max(earlier, key=lambda m: m.start) if earlier else None
