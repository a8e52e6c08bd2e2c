"""Roles and kin a clause states: appositions, leading and appointing verbs (working, joining
and hiring: ``employment``; copulas: ``copulas``)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.coreference import body_for_pronoun, person_for_pronoun
from kg.extract.entities import argument_mention
from kg.extract.relations.collector import Relations
from kg.extract.relations.members import MEMBER_NOUNS
from kg.extract.relations.nationality import joined_nationalities
from kg.extract.relations.organizations import part_side
from kg.extract.relations.parties import party_before_title, party_of_adjective
from kg.extract.relations.title_words import (
    PAST_MODIFIERS,
    award_name,
    is_briefed,
    is_former,
    is_junior,
    is_retired,
    noun_title,
    one_of,
    only_a_candidate,
    opposed,
    profession_of,
)
from kg.extract.relations.titles import (
    affiliate,
    affiliate_all,
    named_by_its_noun,
)
from kg.extract.shared_verbs import verb_lemma, with_shared_forms
from kg.lexicon import lexicon
from kg.model import Mention
from kg.vocab import kinds_of


def person_of(ctx: Context, token: Any) -> Mention | None:
    """The mention an argument stands for; for a person pronoun ("he", "his"), the named
    person it refers to (see :func:`person_for_pronoun`), or None when that is unsure. The
    pronoun keeps a mention of its own, as the words the text uses (the resolver places it)."""
    if token.pos_ == "PRON" and token.lower_ in ("he", "him", "his", "she", "her"):
        argument_mention(ctx, token)
        return person_for_pronoun(ctx, token)
    found: Mention | None = argument_mention(ctx, token)
    return found


def appositions(ctx: Context, out: Relations) -> None:
    """'Ri Il Kyu, a former senior counsel at the embassy', 'his father, Kim Jong Il'."""
    for token in ctx.tokens_with("dep", ("appos",)):
        if token.dep_ != "appos":
            continue
        head = token.head
        for named_token, noun in ((head, token), (token, _title_over(ctx, head))):
            person = ctx.mention_in(named_token, ("Person",))
            if person is None or person.kind != "name" or ctx.mention_in(noun, ("Person",)) or \
                    part_side([noun]) == "part":
                continue  # "Ezzedin al-Qassam, the military wing of Hamas": no person
            if noun is token and _listed_after(named_token, noun):
                continue  # "spied on X, his legal team, his American friends": a list, no apposition
            if noun is token and _after_a_colon(named_token, noun):
                continue  # a slogan or caption, 'the words: "X: the real leader"': no statement
            evidence = ctx.evidence(sorted([named_token, noun], key=lambda t: t.i),
                                    "apposition", 0.8)
            if noun is token:  # "X, a Liberian-American": both states
                for joined in joined_nationalities(ctx, noun):
                    out.relate(person, "nationality", joined,
                               replace(evidence, rule="hyphenated-nationality"))
            state = _demonym_noun(ctx, noun) if noun is token else None
            if state is not None:  # "Jo Roe, a Briton, won", "Ann Lee, an Australian"
                out.relate(person, "nationality", state, evidence)
                continue
            group = one_of(noun)
            if group is not None:
                one_of_a_body(ctx, out, person, group, replace(evidence, rule="one-of-a-body"))
                continue
            relation = ctx.gazetteer.kinship.get(noun.lower_)
            if relation and not _named_by_another(ctx, noun, person):
                _kinship(ctx, out, noun, person, relation, evidence)
            if relation:
                continue
            noun = _post_taken_over(noun) or noun  # "his successor as chief executive, X"
            # "the founder and chief executive of Acme, X": every title, with the bodies of all
            nouns = [noun, *[c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                             and ctx.mention_in(c) is None]]
            titles = [(each, *noun_title(each, ctx)) for each in nouns]
            bodies: list[Mention] = []
            for each, title, _ in titles:
                bodies += [b for b in _apposed_bodies(ctx, out, person, each, title, evidence)
                           if b not in bodies]
            for each, title, shown in titles:
                if title:
                    out.attribute(person, "jobTitle", shown, evidence)
                elif each.i == noun.i and indefinite(each) and \
                        (job := profession_of(each, ctx)) is not None:
                    # "Jo Roe, a life insurance salesman": a trade, which ties to no body
                    out.attribute(person, "jobTitle", job,
                                  replace(evidence, rule="apposition-profession", confidence=0.7))
                if title or each.i == noun.i:
                    held = bodies if title or _of_its_body(ctx, each) else \
                        [b for b in bodies if b.type == "Country"]
                    affiliate_all(out, ctx, person, held, title, evidence,
                                  leading=not (is_former(each) or is_junior(each) or is_briefed(each, ctx)
                                               or one_among_several(each)),
                                  retired=is_retired(each))


_SUCCESSOR_NOUNS = lexicon().words("successor-nouns.txt")
"""Nouns of one who takes over another's post: "his successor as chairman, X"
(``successor-nouns.txt``)."""


def _post_taken_over(noun: Any) -> Any:
    """The post a successor's noun says was taken over, written after "as": "chief executive"
    in "his successor as chief executive, X" (X holds it now); None for any other noun."""
    if noun.lemma_.lower() not in _SUCCESSOR_NOUNS or noun.tag_ != "NN" or only_a_candidate(noun):
        return None  # "his likely successor as chairman": a candidate, not the holder
    return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"
                 for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)


def indefinite(noun: Any) -> bool:
    """Whether a noun is said with "a" or "an", as a trade one has among many ("a pharmacist"),
    not as one post or rank ("the first swimmer", "the resort's owner")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _listed_after(named: Any, noun: Any) -> bool:
    """Whether a plural noun the parser apposed to one name is rather the next item of a list:
    "X, his legal team, his American friends and US journalists" (plural people are no one
    person; "Carl Walz and Dan Bursch, US astronauts" describes the two names joined by "and")."""
    if noun.tag_ != "NNS":
        return False
    return named.dep_ != "conj" and not any(c.dep_ == "conj" for c in named.children)


def _after_a_colon(named: Any, noun: Any) -> bool:
    """Whether a noun the parser apposed to a name follows it after a colon, as on a banner,
    a T-shirt or a caption ('"Ann Roe: the true leader of Peru"'): a slogan's claim, which
    the text does not state as a fact (a true apposition follows a comma)."""
    between = noun.doc[named.i + 1 : min(t.i for t in noun.subtree)]
    return any(t.text == ":" for t in between)


def one_among_several(noun: Any) -> bool:
    """Whether a leading title is written with "a" or "an", as one post of several: "X, a
    director of Acme", "Y worked as an administrator at the consulate", "Z is a president of
    the union" (a member, not the one who heads it; "the director of Acme" heads it)."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


HEDGES = {"suspected", "alleged", "accused", "presumed", "purported"}
"""Modifiers by which a member's noun is a suspicion, not a fact: "a suspected Taliban fighter"
(the gold guidelines give no memberOf for one)."""


def _of_its_body(ctx: Context, noun: Any) -> bool:
    """Whether a noun in apposition that is no title still puts a person in the body that
    qualifies it: a member's noun ("a Hamas member", "a senior figure in X") or an occupation
    ("a Greenpeace activist", "an analyst with Acme"); not a stance, a tie or a group ("a
    critic of the Taliban", "a supporter of Hamas", "the company's legal team"), nor a
    suspicion ("a suspected Hamas militant")."""
    lemma = noun.lemma_.lower()
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in HEDGES for c in noun.children):
        return False
    return lemma in MEMBER_NOUNS or lemma in ctx.gazetteer.occupations


def _demonym_noun(ctx: Context, noun: Any) -> Mention | None:
    """The state a nationality word standing alone as a noun names: "a Briton", "an
    Australian", "a 24-year-old Frenchman" (not "an Australian soldier", nor a name)."""
    state = ctx.gazetteer.demonym(noun.text) if noun.is_title and noun.is_alpha else None
    if state is None or state.type != "Country" or noun.i + 1 < len(noun.doc) and \
            noun.nbor().is_alpha and noun.nbor().pos_ in ("NOUN", "PROPN") or \
            any(c.dep_ not in ("det", "amod", "nummod", "punct") or c.i > noun.i for c in noun.children):
        return None
    if not any(c.dep_ == "det" or c.i < noun.i - 1 for c in noun.children):
        return None  # a bare "Australian" may be the name's own: "Jo Roe, Australian Open champion"
    return ctx.add_mention([noun], "Country", kind="demonym", key=state.key)


def _apposed_bodies(ctx: Context, out: Relations, person: Mention, noun: Any, title: str | None,
                    evidence: Any) -> list[Mention]:
    """The states and organisations a noun in apposition to a person names: "a counsel at the
    embassy", "Acme's chief", "its chief executive"; a description ("the group's spokeswoman")
    is tied here, with less confidence."""
    bodies: list[Mention] = []
    for child in noun.children:
        body = None
        if child.dep_ == "prep" and child.lower_ in ("at", "of", "for", "with", "in"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            body = argument_mention(ctx, objects[0]) or board_of(ctx, objects[0]) if objects else None
            posted = child.lower_ in ("in", "to") or child.lower_ == "for" and _posted(ctx, title)
            if body is not None and body.type == "Country" and posted:
                continue  # "the group's coordinator in Sudan", "envoy for Iraq": where the post is
            if body is not None and workplace(child):
                affiliate(out, ctx, person, body, None, evidence)
                continue
        elif child.dep_ in ("poss", "compound", "amod", "nmod"):  # "the Hamas spiritual leader"
            body = ctx.mention_in(child)
            if body is None and child.dep_ in ("compound", "amod") and title:
                body = party_before_title(ctx, child)  # "a Labor MP", which the model left unnamed
                party = party_of_adjective(ctx, child, list(ctx.doc[child.i + 1 : noun.i + 1])) \
                    if body is None and child.i < noun.i else None
                if party is not None:  # "a Liberal MP, X"; "the Democratic president" leads no party
                    affiliate(out, ctx, person, party, title, evidence, leading=not (
                        is_former(noun) or is_junior(noun) or title.split()[-1] != "leader"))
                    continue
            if body is not None and body.type == "Person" and child.dep_ == "poss" and title:
                body = _company_named_short(ctx, body) or body  # "Van der Berg's finance chief, X"
            if body is None and child.dep_ == "poss" and title and child.pos_ == "PRON":
                pronoun = body_for_pronoun(ctx, child)  # "its chief executive, X"
                body = argument_mention(ctx, pronoun) if pronoun is not None else None
            elif body is None and child.dep_ == "poss" and title:
                # "the group's spokeswoman, X": the group the article just named; "the
                # service's chief executive, Y": the one body just named "... Service"
                body = argument_mention(ctx, child) or named_by_its_noun(ctx, child, child)
                if body is not None and body.kind in ("description", "name"):
                    affiliate(out, ctx, person, body, title, replace(
                        evidence, rule="apposition-description", confidence=0.6),
                        leading=not (is_former(noun) or is_junior(noun) or is_briefed(noun, ctx)))
                continue
        if body is not None and body.type in ("Country", *ORGANIZATION_TYPES) and \
                not opposed(ctx, body):
            bodies.append(body)
    return bodies


def _company_named_short(ctx: Context, named: Mention) -> Mention | None:
    """The one company or organisation named in full whose name a shorter name begins, which
    the model took for a person's: "Van der Berg" after "Van der Berg Logistics" (the title a
    possessive gives is a post in a body: "Van der Berg's chief executive" is the company's)."""
    words = named.text.split()
    longer = [m for m in ctx.mentions if m.kind == "name" and m.type in ORGANIZATION_TYPES and
              len(m.text.split()) > len(words) and m.text.split()[: len(words)] == words]
    return longer[0] if len({m.key or m.text for m in longer}) == 1 else None


def _named_by_another(ctx: Context, noun: Any, person: Mention) -> bool:
    """Whether the words just before a name apposed to a relative's noun are another relative's,
    or an in-law's, that the name belongs to: "his son Scott and daughter-in-law Alissa" (the
    parser hung Alissa on "son")."""
    before = ctx.doc[ctx.first_token(person).i - 1] if ctx.first_token(person).i > 0 else None
    if before is None or before.i == noun.i or not before.is_alpha:
        return False
    return before.lower_ == "law" or before.lower_ in ctx.gazetteer.kinship


def one_of_a_body(ctx: Context, out: Relations, person: Mention, group: Any, evidence: Any) -> None:
    """"X, one of the leaders of the Democratic Front", "Y is one of the founders of Acme": one of
    a body's office holders holds the title and belongs to the body, without being said to
    lead it."""
    title, shown = noun_title(group, ctx)
    if not title:
        return
    out.attribute(person, "jobTitle", shown, evidence)
    bodies = [b for b in _apposed_bodies(ctx, out, person, group, title, evidence)
              if b.type in ORGANIZATION_TYPES]
    affiliate_all(out, ctx, person, bodies, None, evidence, leading=not is_former(group))


def _posted(ctx: Context, title: str | None) -> bool:
    """Whether a title is a diplomat's, whose "for" names the state they are sent to: "the UN
    envoy for Afghanistan" (a "spokesman for Australia" speaks for his own)."""
    return title is not None and ctx.gazetteer.titles[title].kind == "diplomatic"


def unambiguous(ctx: Context, body: Mention) -> bool:
    """Whether a body is named, or described ("the army", "the group") where the text before
    names only one body of its class: in "Sudan's army and the RSF ... the army, led by X" the
    description could stand for either."""
    if body.kind != "description":
        return True
    kinds = kinds_of(body.type)
    named = {m.key or m.text for m in ctx.mentions if m.type in kinds and m.kind != "description"
             and m.start < body.start}
    return len(named) == 1


def workplace(preposition: Any) -> bool:
    """Whether a preposition names where a title is held, beside what it heads: the hospital of
    "director of microbiology at the Children's Hospital" employs the director, whom the
    department has as its head."""
    return preposition.lower_ == "at" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in preposition.head.children)


def _title_over(ctx: Context, noun: Any) -> Any:
    """The title a name apposed to a body belongs to, when the parser hung the name on the
    body: "the head of the IMF, Kristalina Georgieva" (the head is Georgieva, not the IMF),
    "Mexico's ambassador to Canada, Rosa Ibarra", through the place the body is in: "the
    chief inspector for the United Nations in Iraq, Jo Roe", and from a word inside the body's
    name: "President of the Hazara Society of Australia, Ali Reza" (hung on "Australia"); the
    object may be a place ("the mayor of Sydney, X"), and the preposition hung on the verb
    rather than on the title just before it ("set up by the envoy to the Balkans, Y")."""
    body = ctx.mention_at(noun)
    if body is not None and body.type in ORGANIZATION_TYPES:
        first, last = ctx.first_token(body).i, ctx.last_token(body).i
        while first <= noun.head.i <= last and noun.head.i != noun.i:
            noun = noun.head  # the word of the name that the rest of the sentence hangs on
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at") and noun.head.head.dep_ == "pobj" \
            and ctx.mention_in(noun.head.head, ORGANIZATION_TYPES) is not None:
        climbed = _title_over(ctx, noun.head.head)
        if climbed.i != noun.head.head.i:
            return climbed
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "for", "to") \
            or ctx.mention_in(noun, ("Country", *ORGANIZATION_TYPES)) is None and \
            ctx.mention_in(noun, PLACE_TYPES) is None:
        return noun
    if prep.head.pos_ in ("NOUN", "PROPN") and noun_title(prep.head, ctx)[0]:
        return prep.head
    before = ctx.doc[prep.i - 1] if prep.i > 0 else prep
    if prep.head.pos_ in ("VERB", "AUX") and before.pos_ == "NOUN" and before.head.i != prep.i and \
            not any(c.dep_ == "prep" for c in before.children) and noun_title(before, ctx)[0]:
        # "the meeting was set up by the US envoy to the Middle East, Jo Roe": the parser hung
        # the preposition on the verb, not on the title just before it
        return before
    return noun


_AFFILIATING_PREPOSITIONS = {"from", "of", "at", "with"}
"""Prepositions that tie a named person to the body they speak for: "Jane Roe from the Red
Cross", "John Doe, of the Greens", "Ann Lee at Oxfam"."""


def people_of_bodies(ctx: Context, out: Relations) -> None:
    """"Karen Lee from the Bureau of Meteorology says", "Tom Baxter, of the Greens, said": a
    named body hung on a person's name by a preposition is the body the person belongs to."""
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        last = ctx.last_token(person)
        for prep in last.children:
            if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATING_PREPOSITIONS:
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            body = ctx.mention_in(objects[0]) if objects else None
            if body is None or body.kind != "name" or body.type not in ORGANIZATION_TYPES or \
                    not _described_body_follows(ctx, prep, body):
                continue  # "Jo Hay of the party's youth wing": the wing, not the party
            out.relate(person, "memberOf", body,
                       ctx.evidence([last, prep, *objects], "person-of-body", 0.75))


_DEFUNCT = lexicon().words("defunct-words.txt")
"""Words before a body's name that say it no longer exists ("the defunct X", "the now-bankrupt
Y"): one "of" it is no member today; ``defunct-words.txt``."""


def _described_body_follows(ctx: Context, prep: Any, body: Mention) -> bool:
    """Whether a preposition governs a body's name, with at most "the" and words that describe
    the body between them: "of the Greens", "of the liberal Center for X", "from the
    Washington-based Brookings Institution", "of the ruling ANC"; not "of the party's youth
    wing" (a part of it) nor "of the defunct Acme" or "of the now-bankrupt Zentro" (a body one
    no longer belongs to: ``defunct-words.txt``)."""
    first = ctx.first_token(body)
    start = prep.i + 1 + (prep.nbor().lower_ == "the")
    if first.i < start:
        return False
    last = ctx.last_token(body)
    if first.i > start and _name_runs_on(last):
        return False  # "of the liberal National Fund for a Fair Economy", read short
    named = set(range(first.i, last.i + 1))
    for word in ctx.doc[start : first.i]:
        head = word
        while head.i not in named and head.i >= start and head.dep_ in _DESCRIBING_DEPS:
            head = head.head  # "Washington" → "based" → the name
        if head.i not in named or word.pos_ not in _DESCRIBING_POS or \
                word.lower_ in PAST_MODIFIERS or word.lower_ in _DEFUNCT:
            return False
    return True


def _name_runs_on(last: Any) -> bool:
    """Whether a body's name seems to go on past the mention's last word, as "of" or "for"
    and a capitalised word ("National Fund" of "the National Fund for a Fair Economy"): the
    mention names less than the body (however the parser hung the rest)."""
    doc = last.doc
    after = [t for t in doc[last.i + 1 : last.i + 4] if t.lower_ not in ("the", "a", "an")]
    return len(after) >= 2 and after[0].lower_ in ("of", "for") and after[1].is_title and \
        after[1].pos_ == "PROPN"


_DESCRIBING_DEPS = ("amod", "advmod", "npadvmod", "punct", "compound")
"""Dependencies by which a word before a body's name describes it: "the liberal", "the
Sydney-based", "the newly formed"."""

_DESCRIBING_POS = ("ADJ", "VERB", "ADV", "PUNCT", "PROPN")
"""Parts of speech of such words ("liberal" may be tagged a proper noun; "Sydney" of
"Sydney-based" is one); no common noun: "of the party youth wing" names a part."""


def compatriots(ctx: Context, out: Relations) -> None:
    """"Hewitt teamed with fellow Australian Alicia Molik", "Roe was beaten by fellow Briton Jo
    Hay": whoever does something with or to a "fellow" national shares the nationality."""
    doc = ctx.doc
    for token in ctx.tokens_with("lower", ("fellow",)):
        state = ctx.mention_at(doc[token.i + 1]) if token.lower_ == "fellow" and \
            token.i + 1 < len(doc) else None
        if state is None or state.type != "Country" or state.kind != "demonym":
            continue
        phrase = token.head  # the name or the plural the word "fellow" qualifies
        verb = phrase.head
        if phrase.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
            verb = verb.head  # "teamed with fellow Australian X", "beaten by fellow Briton Y"
        elif phrase.dep_ not in ("dobj", "conj"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl" or \
                subject is None and verb.dep_ == "acl":
            subject = verb.head  # "Jo Roe, who beat fellow Australian Ann Lee", "X, paired with"
        person = argument_mention(ctx, subject) if subject is not None and verb.pos_ == "VERB" \
            else None
        if person is not None and person.type == "Person" and ctx.mention_in(phrase) != person:
            out.relate(person, "nationality", state,
                       ctx.evidence([subject, verb, token, phrase], "fellow-national", 0.7))


_MOVEMENT_NOUNS = frozenset(lexicon().classes("movement-nouns.tsv"))
"""Nouns a movement's name may stand before when a person's possessive names it: "Yasser
Arafat's Fatah movement" (``movement-nouns.tsv``)."""

_LED_MOVEMENT_NOUNS = frozenset(noun for noun, possessor in lexicon().classes("movement-nouns.tsv").items()
                                if possessor == "leader")
"""Of those, the nouns by which a movement is named after the one who leads it: "Arafat's
Fatah movement", "bin Laden's al-Qaeda network" (a party or a coalition has its own leaders:
"Bush's Republican Party")."""

def _led_name_ends() -> frozenset[str]:
    """The last words of a movement's own name by which a person's possessive on it names its
    leader, as the noun after a name does: "Raila Odinga's Orange Democratic Movement" (not a
    group's or an organisation's, which have their own heads; ``led-name-ends.txt``)."""
    return lexicon().words("led-name-ends.txt")


def possessive_movements(ctx: Context, out: Relations) -> None:
    """"Hamid's Unity movement", "John Howard's Liberal Party", "Mr Peres called the ministers
    of his Labour Party": the party or movement a person's possessive (or a pronoun's, see
    :func:`person_for_pronoun`) names is one they belong to; a movement, faction or network
    named so is theirs to lead ("Arafat's Fatah faction"), a party not said to be ("Bush's
    Republican Party")."""
    doc = ctx.doc
    possessives: list[tuple[Mention, Any]] = []  # the person, and the mark that makes them owner
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        mark = ctx.last_token(person).i + 1
        if mark + 1 < len(doc) and doc[mark].text in ("'s", "\u2019s"):
            possessives.append((person, doc[mark]))
    for token in doc[:-1]:
        owner = person_for_pronoun(ctx, token) if token.tag_ == "PRP$" else None
        if owner is not None:
            possessives.append((owner, token))
    for person, mark in possessives:
        body = ctx.mention_at(doc[mark.i + 1])
        if body is None or body.kind != "name" or body.type not in ("Organization", "PoliticalParty") \
                or ctx.first_token(body).i != mark.i + 1:
            continue
        last = ctx.last_token(body)
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN") and after.lower_ not in _MOVEMENT_NOUNS:
            continue  # "Smith's Greenpeace report": the report is hers, not the membership
        named = mark.tag_ != "PRP$"
        evidence = ctx.evidence([doc[mark.i - 1], mark, last] if named else [mark, last],
                                "possessive-movement" if named else "pronoun-movement", 0.7)
        out.relate(person, "memberOf", body, evidence)
        if after is not None and after.lower_ in _LED_MOVEMENT_NOUNS or \
                last.lower_ in _led_name_ends() and (after is None or after.pos_ not in ("NOUN", "PROPN")):
            out.relate(person, "leaderOf", body, evidence)


_LEADING_VERBS = {"lead", "head", "chair", "run", "command", "found", "own"}


_UNASSERTING = lexicon().classes("unasserting-words.tsv")
"""Words by which a clause of working or leading does not state it of today, each with what it
says (hedge, condition, doubt, ended, past, past-until): ``unasserting-words.tsv``."""
_CLAUSE_LINKS = ("ccomp", "acl", "pcomp", "xcomp", "advcl", "csubj", "prep")
"""Dependencies by which a clause hangs on the verb or noun above it ("denied that she worked",
"claims that he worked", "accused of working": "of" and its verb)."""


@cache
def unasserting(kind: str) -> frozenset[str]:
    """The words of one kind of ``unasserting-words.tsv`` (read once per kind)."""
    return frozenset(word for word, each in _UNASSERTING.items() if each == kind)


def unasserted(verb: Any) -> bool:
    """Whether a verb's clause does not state that its subject does what it says: denied ("X
    has never run Oxfam", "Y did not lead the party"), only possible or wished ("Z could lead
    Labor", "W may one day head it", "to lead"), asked ("Does he still run it?"), ended ("no
    longer runs it"), only reported ("allegedly worked for the CIA"), supposed ("If she works
    for Acme", "Whether he worked there") or under a denial, claim or suspicion ("denied that
    she worked for Acme", "claims that he worked for the KGB"): ``unasserting-words.tsv``."""
    if any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in ("never", "not", "n't") or
           c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to") or
           c.dep_ == "advmod" and c.lower_ in unasserting("hedge") or
           c.dep_ == "mark" and c.lower_ in unasserting("condition") or
           c.dep_ == "advmod" and c.lower_ in unasserting("ended") and
           any(g.lower_ == "no" for g in c.children) for c in verb.children):
        return True
    clause = verb
    for _ in range(2):  # "denied that she worked", "accused of working" (through "of")
        if clause.dep_ not in _CLAUSE_LINKS or clause.head.i == clause.i:
            return False
        clause = clause.head
        if clause.lemma_.lower() in unasserting("doubt"):
            return True
    return False


def leading_verbs(ctx: Context, out: Relations) -> None:
    """'X chairs Y', 'Y, led by General X', 'the RSF, commanded by Y', 'X, who heads Y', 'X
    co-founded Y': X leads Y (founds or owns it: is in it). Not what a clause denies, or says
    only may be ("X has never run Oxfam", "Y could lead the party": :func:`unasserted`)."""
    for token in ctx.tokens_with("lemma", with_shared_forms(_LEADING_VERBS)):
        lemma = verb_lemma(token)  # "X co-founded Y" as "X founded Y"
        if lemma not in _LEADING_VERBS or token.pos_ != "VERB" or unasserted(token):
            continue
        person_token = body_token = None
        if token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children):
            body_token = token.head if token.dep_ == "acl" else next(
                (c for c in token.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            objects = [o for o in agent.children if o.dep_ == "pobj"] if agent is not None else []
            person_token = objects[0] if objects else None
        else:
            person_token = next((c for c in token.children if c.dep_ == "nsubj"), None)
            body_token = next((c for c in token.children if c.dep_ == "dobj"), None)
            if person_token is not None and person_token.tag_ == "WP" and token.dep_ == "relcl":
                person_token = token.head  # "Jorge Almeida, who heads the Socialist Party"
        if person_token is None or body_token is None:
            continue
        person = person_of(ctx, person_token)
        body = argument_mention(ctx, body_token)
        if person is None or person.type != "Person" or body is None or \
                body.type not in ORGANIZATION_TYPES or not unambiguous(ctx, body):
            continue
        evidence = ctx.evidence([person_token, token, body_token], "leading-verb", 0.75)
        out.relate(person, "memberOf", body, evidence)
        if lemma not in ("found", "own"):
            out.relate(person, "leaderOf", body, evidence)
        title, shown = noun_title(person_token, ctx) if person_token.pos_ == "NOUN" else (None, "")
        if title:
            out.attribute(person, "jobTitle", shown, evidence)
        elif lemma == "found" and person.kind == "name":  # "Acme was founded by Jo Roe"
            out.attribute(person, "jobTitle", "co-founder" if _co_written(token) else "founder",
                          replace(evidence, rule="founding-verb", confidence=0.7))


def _co_written(verb: Any) -> bool:
    """Whether a verb is written with "co-" before it: "co-founded" (one token or three)."""
    doc = verb.doc
    return verb.lower_.startswith("co-") or \
        verb.i > 1 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co"


_APPOINTING_VERBS = {"appoint", "reappoint", "name", "elect", "re-elect", "install", "instal",
                     "promote", "choose", "select"}
"""Lemmas of verbs that give a person a post ("instal": the parser's lemma of "installed")."""


def _of_body(ctx: Context, noun: Any) -> Mention | None:
    """The state or organisation a noun names or belongs to: "Acme", "the board of Acme",
    "the party's executive" (a description the resolver ties to the party named before)."""
    found = argument_mention(ctx, noun)
    if found is not None and found.type in ("Country", *ORGANIZATION_TYPES):
        return found
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ == "of":
            owner = child if child.dep_ == "poss" else next(
                (c for c in child.children if c.dep_ == "pobj"), None)
            found = argument_mention(ctx, owner) or board_of(ctx, owner) if owner is not None else None
            if found is not None and found.type in ("Country", *ORGANIZATION_TYPES):
                return found
    return None


_BOARD_MEMBERS = ("director", "trustee", "governor")
"""Plural nouns of the people a board is made of, named after it: "the board of directors of
Acme" (the company is the body after them)."""


def board_of(ctx: Context, noun: Any) -> Mention | None:
    """The company or organisation whose board an unnamed "board" is, a post on which is a post
    in it: "chairman of the board of directors of the Lagos Port Authority", "a member of
    Acme's board", "chairman of its board" (the body "its" stands for)."""
    if noun.lemma_.lower() != "board" or noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        owner = None
        if child.dep_ == "poss":
            owner = body_for_pronoun(ctx, child) if child.pos_ == "PRON" else child
        elif child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is not None and owner.lemma_.lower() in _BOARD_MEMBERS and owner.tag_ == "NNS":
                owner = next((o for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"
                              for o in c.children if o.dep_ == "pobj"), None)
        body = argument_mention(ctx, owner) if owner is not None else None
        if body is not None and body.kind == "name" and body.type in ORGANIZATION_TYPES:
            return body
    return None


def appointments(ctx: Context, out: Relations) -> None:
    """"Acme named Jane Roe as finance chief", "X was appointed chief executive of Y", "X,
    installed as interim leader by the party's executive": the title, and the body that
    appointed the person or that the title names."""
    for token in ctx.tokens_with("lemma", _APPOINTING_VERBS):
        if token.lemma_ not in _APPOINTING_VERBS or token.pos_ != "VERB":
            continue
        passive = token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)
        if token.dep_ == "acl":
            person_token = token.head
        else:
            person_token = next((c for c in token.children
                                 if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        person = ctx.mention_in(person_token, ("Person",)) if person_token is not None else None
        if person is None and person_token is not None and person_token.pos_ == "NOUN":
            person = _name_apposed(ctx, person_token)  # "Acme's finance chief, X, was named CEO"
        if person is None or person.kind != "name":
            continue
        noun = next((c for c in token.children if c.dep_ == "oprd"), None)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                noun = next((c for c in child.children if c.dep_ == "pobj"), noun)
        if noun is None or not (noun.pos_ == "NOUN" or noun.pos_ == "PROPN" and
                                ctx.mention_at(noun) is None):
            continue  # "was named CEO": a capitalised title no name covers
        if award_name(noun):
            continue  # "was named Coach of the Year": a prize, no post
        title, shown = noun_title(noun, ctx)
        if not title:
            continue
        evidence = ctx.evidence([person_token, token, noun], "appointed-as", 0.75)
        out.attribute(person, "jobTitle", shown, evidence)
        body = _of_body(ctx, noun) if any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "at") for c in noun.children) \
            else None
        if body is None:
            appointer = next((c for c in token.children if c.dep_ == "nsubj"), None) \
                if not passive else next(
                    (o for a in [*token.children, *noun.children] if a.dep_ in ("agent", "prep")
                     and a.lower_ == "by" for o in a.children if o.dep_ == "pobj"), None)
            body = _of_body(ctx, appointer) if appointer is not None else None
        if body is not None:
            affiliate(out, ctx, person, body, title, evidence)


def _name_apposed(ctx: Context, noun: Any) -> Mention | None:
    """The one named person apposed to a common noun: "Tim Vance" in "Acme's finance chief,
    Tim Vance, ..." (the clause's subject is the noun, the person the name)."""
    named = [m for m in (ctx.mention_in(c, ("Person",)) for c in noun.children if c.dep_ == "appos")
             if m is not None and m.kind == "name"]
    return named[0] if len(named) == 1 else None


def kin_before_names(ctx: Context, out: Relations) -> None:
    """"Harrison's widow Olivia", "his son Dhani", "her brother Emilio": a relative's noun
    just before a name, with the possessor on either."""
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        first = ctx.first_token(person)
        noun = ctx.doc[first.i - 1] if first.i > 0 else None
        relation = ctx.gazetteer.kinship.get(noun.lower_) if noun is not None else None
        if noun is None or relation is None or not noun.is_lower or ctx.mention_at(noun):
            continue
        name = ctx.last_token(person)
        evidence = ctx.evidence([noun, first, name], "kin-before-name", 0.75)
        _kinship(ctx, out, noun, person, relation, evidence, also=name)


def _kinship(ctx: Context, out: Relations, noun: Any, named: Mention, relation: str,
             evidence: Any, also: Any = None) -> None:
    """'his father, X' → possessor parent X; 'X, the son of Y' → Y child X; the possessor may
    hang on the name (``also``) rather than on the noun: "Harrison's widow Olivia", or be the
    one a relative clause is about: "Bill Roe, whose son Tim died"."""
    owner = None
    for child in [*noun.children, *(also.children if also is not None else ())]:
        if child.dep_ == "poss" and child.tag_ == "WP$":
            clause = next((t for t in noun.ancestors if t.dep_ == "relcl"), None)
            owner = argument_mention(ctx, clause.head) if clause is not None else None
        elif child.dep_ == "poss":
            owner = person_of(ctx, child)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.head.i == noun.i:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            owner = argument_mention(ctx, objects[0]) if objects else None
    if owner is not None and owner.type == "Person" and owner.id != named.id:
        out.relate(owner, relation, named, evidence)
        inverse = {"parent": "child", "child": "parent"}.get(relation)
        if inverse:
            out.relate(named, inverse, owner, evidence)
