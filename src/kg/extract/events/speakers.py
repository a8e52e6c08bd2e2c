"""Who speaks: an unnamed speaker singled out, words told to an outlet, the speaker "he said" means."""

from __future__ import annotations

from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.coreference import gender_of, person_for_pronoun, person_genders, pronoun_gender, surname
from kg.extract.events.roles import REPORTING, Builder
from kg.extract.holders import office_holders, written_before
from kg.extract.organizations import reports_its_own_business
from kg.extract.quotations import QUOTE_MARKS, inside
from kg.lexicon import lexicon
from kg.model import Mention, Sentence

_SPEAKING = REPORTING | {"NoComment", "PressConference"}
"""Events whose agent is one who speaks, or says nothing."""
_SPEAKER_REACH = 3
"""How many sentences back the speaker of a "he said" may have been named or quoted."""


def spoken_for(ctx: Context, verb: Any) -> Mention | None:
    """The named body or person an unnamed speaker stands for ("a spokesman for Acme", "an Acme
    official", "Acme officials", "Acme's office"), or None: "police said" and "a spokeswoman
    said" name no one, and a state's name or adjective ("US officials", "Israeli sources") tells
    where the speakers are from, not whom they speak for (data/gold/README.md, "Unnamed
    speakers")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or _kin(ctx, subject):
        return None  # "Mr Hicks' family told media": his family speaks, not Hicks
    words = [c for c in subject.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    words += [o for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
              for o in c.children if o.dep_ == "pobj"]
    for word in words:
        mention = ctx.mention_in(word)
        if mention is not None and mention.kind == "name" and \
                (mention.type == "Person" or mention.type in ORGANIZATION_TYPES):
            return mention
    return None


def places_of_the_speakers(ctx: Context, verb: Any) -> set[str]:
    """The states and places a verb's subject names only as a modifier of people it leaves
    unnamed (rule ``state-modifies-unnamed-speakers``): "US officials say", "US officers in
    Afghanistan say", "the Israel official says" tell where the speakers are from, not who
    speaks (data/gold/README.md, "Adjective-only actors" and "Unnamed speakers"), as "Israeli
    officials said" does: people told by their role or title. Not "the United States says" nor
    "the US Government says", whose subject the name is, nor "the US administration said" (a
    body, no people), nor "Acme officials" (a body the speakers speak for: spoken_for)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or ctx.mention_at(subject) is not None:
        return set()
    role = subject.lemma_.lower()
    if role not in ctx.gazetteer.occupations and role not in ctx.gazetteer.titles:
        return set()  # "the US administration said": a body of the state, which speaks
    places = (ctx.mention_at(c) for c in subject.children if c.dep_ in ("compound", "amod", "nmod"))
    return {m.id for m in places if m is not None and m.type in PLACE_TYPES}


def body_of_speaker(ctx: Context, verb: Any) -> Mention | None:
    """The named body a named speaker is said to be from, who speaks with them: "Anna Berg,
    from the Red Cross, says" (both take part); not a state or a town ("Anna Berg from Suva":
    where she lives), nor a title's body ("Acme chief executive Tom Ruiz": a job, read as a
    relation) or a possessive ("the union's Tom Ruiz"), which the gold reads both ways."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    speaker = ctx.mention_in(subject)
    if speaker is None or speaker.type != "Person" or speaker.kind != "name":
        return None
    words = [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "from"
             for o in c.children if o.dep_ == "pobj"]
    for word in words:
        mention = ctx.mention_in(word)
        if mention is not None and mention.kind == "name" and mention.type in ORGANIZATION_TYPES \
                and mention.type != "NewsOrganization":  # (an outlet's reporter tells no outlet)
            return mention
    return None


def named_after_the_title(ctx: Context, verb: Any) -> Mention | None:
    """The person a speaker's title is followed by, when the parser hung the name inside the
    title's phrase instead of beside it: "The report author and director of Safe Kids, Ana
    Lopes, says" (the name in apposition to the body), "Chief forecaster with the Weather Bureau
    Tom Hale, says" (the name after the body's). The name closes the subject, right before
    the verb (a comma, an auxiliary or an adverb between), and is set off from the title's words by a comma or
    follows a body's name; "the wife of Tom Hale says" and "Tom Hale's family says" are not
    his words. None when the subject is itself named or is no title."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or ctx.mention_at(subject) is not None or \
            _kin(ctx, subject) or subject.i > verb.i:
        return None
    between = ctx.doc[subject.i + 1:verb.i]
    last = next((t for t in reversed(between) if not (t.is_punct or t.dep_ in ("aux", "advmod", "neg"))),
                None)
    if last is None or last.i <= subject.i or not any(t.i == last.i for t in subject.subtree):
        return None
    mention = ctx.mention_at(last)
    if mention is None or mention.kind != "name" or mention.type != "Person" or \
            not any(t.text == "," for t in ctx.doc[last.i + 1:verb.i]):
        return None
    first = ctx.first_token(mention)
    before = ctx.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.i <= subject.i:
        return None
    told = before.text == "," or (
        (body := ctx.mention_at(before)) is not None and body.kind == "name" and body.type != "Person")
    return mention if told else None


def _kin(ctx: Context, noun: Any) -> bool:
    """Whether a noun names people close to someone, who speak as themselves: "family",
    "mother", "friends" (event-kin.txt and the gazetteer's kinship nouns)."""
    word = noun.lower_
    return word in ctx.gazetteer.kinship or noun.lemma_.lower() in ctx.gazetteer.kinship or \
        word in lexicon().words("event-kin.txt")


def titled_person(ctx: Context, trigger: Any) -> Mention | None:
    """The person a speaker's title with "the" stands for, when the article named
    one person with that title before ("Governor-General Peter Roe ... the Governor-General
    said", "the Premier, Dr Ana Lopes, ... In a statement, the Premier said"); None when it
    named none or several."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else \
        trigger.head.head if trigger.dep_ == "pobj" else trigger.head  # "In a statement, X said"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.left_edge.lower_ != "the" \
            or ctx.mention_at(subject) is not None:
        return None
    title = ctx.doc[subject.left_edge.i + 1:subject.i + 1].text
    if not title[:1].isupper():
        return None  # "the minister": a title written as a word, anyone's
    named = [m for m in written_before(ctx, title) if m.end <= subject.idx]
    if len({surname(m) for m in named}) != 1:
        return None
    return named[-1]


def holder_named(ctx: Context, unnamed: Mention) -> Mention | None:
    """The named person an unnamed office holder is, when the article writes the title before
    one person's name, earlier or later ("Iraq's ambassador said ... the statement by
    Ambassador Abbas Khalaf"); None when it names none or several so titled (see
    ``kg.extract.holders.office_holders``)."""
    title = dict(unnamed.attributes).get("occupation")
    holders = office_holders(ctx, title) if title else []
    return holders[0] if holders else None


def told_an_outlet(builder: Builder) -> bool:
    """Words given to a named news organisation make an interview whoever gives them: "officials
    told Reuters" (the speaker may stay unnamed)."""
    types = {m.id: m.type for m in builder.ctx.mentions}
    return builder.type == "Statement" and any(
        role == "participant" and types.get(ref) == "NewsOrganization" for role, ref in builder.roles)


_REPORTERS = ("agent", "publisher", "source")
"""The roles that name who reports."""


def reported_by_no_one(verb: Any, builder: Builder) -> bool:
    """Whether a report verb is told in the passive, or as a bare participle, with no one it is
    reported by: its subject is what was reported, not a reporter, and a report of no named
    reporter is no occasion (data/gold/README.md, "Unnamed speakers"): "Delays were reported
    at two airports", "the day after the leak was reported", "as previously reported"; not
    "Diaz was quoted by Reuters as saying", "the raid, reported by the BBC", nor a report told
    from where it was made, which is someone's dispatch ("his death was reported from Baghdad")."""
    return builder.type == "Report" and verb.pos_ == "VERB" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "expl") or (c.dep_ == "prep" and c.lower_ == "from")
        for c in verb.children) and not any(role in _REPORTERS for role, _ in builder.roles)


def gives_its_own_figures(ctx: Context, builder: Builder) -> bool:
    """Whether a report is a body's account of its own business, words and no document (rule
    ``event-body-reports-its-figures``): "Amtrak reported no major delays", "Transnet
    reported three derailments", "Acme's Ana Berg reported 40 cancellations" (one who speaks
    for the body) are statements (data/gold/README.md: a report is a document's or an
    outlet's); "the Jakarta Post reported three deaths" stays an outlet's report, and so do
    "Dagens Industri reported talks" (no figure of its own) and "Statistics Norway reported
    40,000 new jobs" (an agency's figures are its report)."""
    token = builder.trigger
    if builder.type != "Report" or token.pos_ != "VERB" or not reports_its_own_business(token):
        return False
    mentions = ctx.mention_by_id()
    agents = [mentions[ref] for role, ref in builder.roles if role == "agent" and ref in mentions]
    return bool(agents) and all(_of_a_body(ctx, token, agent) for agent in agents)


# The bodies that run a business of their own (an operator, a railway, an airline, a firm);
# not an outlet, an agency of the state whose figures are its report, nor a relief body.
_BUSINESSES = ("Organization", "Company")


def _of_a_body(ctx: Context, verb: Any, agent: Mention) -> bool:
    """Whether the named agent of a verb is a body that runs a business, or a person whose
    name that body's possessive opens ("Acme's Ana Berg")."""
    if agent.kind != "name":
        return False
    if agent.type in _BUSINESSES:
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if agent.type != "Person" or subject is None or ctx.mention_in(subject) != agent:
        return False
    owners = (ctx.mention_in(c) for c in subject.children if c.dep_ == "poss")
    return any(o is not None and o.kind == "name" and o.type in _BUSINESSES for o in owners)


def outlet_spoken_to(ctx: Context, verb: Any) -> Mention | None:
    """The named news outlet a speaker is said to be speaking to, in a participle beside the
    verb of saying or on its subject (rule ``event-speaking-to-an-outlet``): "Speaking to
    Reuters on Monday, the minister said", "Ana Berg, speaking to the broadcaster RTP, said",
    "speaking with local station WXYZ"; the words are given to the outlet, an interview
    (data/gold/README.md). Not "speaking to reporters" (no outlet named), nor one the outlet
    speaks about ("speaking about the BBC"). A verb joined to another by "and" shares its
    subject ("Ana Berg, speaking to RTP, described the visit as a success and said ...")."""
    clause = verb
    while clause.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in clause.children):
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    heads = [verb, clause] + ([subject] + [c for c in subject.children if c.dep_ == "appos"]
                              if subject is not None else [])
    for head in heads:
        for participle in head.children:
            if participle.dep_ not in ("advcl", "acl") or participle.lemma_.lower() != "speak" or \
                    participle.tag_ != "VBG":
                continue
            for prep in participle.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                    continue
                for word in prep.children:
                    mention = ctx.mention_in(word) if word.dep_ == "pobj" else None
                    if mention is not None and mention.type == "NewsOrganization":
                        return mention
    return None


def an_outlet_takes_part(builder: Builder) -> bool:
    """Whether a news organisation takes part in an event, as interviewer, as the one told or
    as its publisher: an interview is words given to an outlet (data/gold/README.md), so
    "police are interviewing a man", "the boys have been interviewed" and "ASIO has
    interviewed him" are questioning, no interview; "CNN interviewed the minister" is, and so
    is "elites interviewed by the news outlet" where the article names the outlet."""
    mentions = builder.ctx.mention_by_id()
    return any(ref in mentions and mentions[ref].type == "NewsOrganization"
               for role, ref in builder.roles if role in ("agent", "participant", "publisher"))


def pronoun_speakers(ctx: Context, builders: list[Builder]) -> set[int]:
    """The speaker a '"...," he said' stands for: the one quoted or talked about last, not the
    last person named ("Lee beat Roe in straight sets. '...,' he said" is Lee's word when Lee
    was the one speaking before). Candidates are the named speakers of the article's
    statements and the named subjects of its main clauses outside quotes, each within
    ``_SPEAKER_REACH`` sentences and of the pronoun's gender when known. A "he says" of
    indirect speech is read so too ("Costello says Christians must remember Jesus was a
    refugee. He says ...": Costello, not Jesus); either is left to resolve when the last person
    named is the subject of a main clause outside quotes, who may be the one speaking next.
    Builders are in the order of the text; an agent is replaced in place.

    Returns the triggers (token indices) of statements that only go on with an unnamed
    speaker's words: "A spokesman says the fire was lit at 11pm. He says detainees threw
    rocks" is one occasion, the spokesman's (see ``_goes_on``)."""
    mentions = ctx.mention_by_id()
    going_on: set[int] = set()
    speaking = {b.trigger.i: b for b in builders if b.type in REPORTING}
    genders = dict(person_genders(ctx.article.text, ctx.mentions))  # and who "he said" was
    latest: list[tuple[int, Mention | None]] = []  # (sentence, person) as they came up; None:
    # someone not named spoke ("the opposition leader says"): no earlier one is sure
    for number, span in enumerate(ctx.doc.sents):
        told = [b for i, b in sorted(speaking.items()) if ctx.sentence_of(b.trigger) == number]
        said: list[Mention | None] = []
        for builder in told:
            before = len(said)
            for index, (role, ref) in enumerate(builder.roles):
                mention = mentions.get(ref)
                if role != "agent" or mention is None:
                    continue
                if mention.kind == "pronoun" and mention.text.lower() in ("he", "she") and \
                        builder.type == "Statement" and _goes_on(ctx, latest, number, mention):
                    going_on.add(builder.trigger.i)
                    said.append(None)  # the unnamed speaker is still the one speaking
                elif mention.kind == "pronoun" and mention.text.lower() in ("he", "she") and \
                        not _last_named_is_a_subject(ctx, mention):
                    gender = pronoun_gender(mention.text) or ""
                    speaker = _latest(latest, number, gender, genders)
                    if speaker is None:
                        continue
                    builder.roles[index] = ("agent", speaker.id)
                    genders.setdefault(surname(speaker), gender)
                    said.append(speaker)
                elif mention.kind == "name" and mention.type == "Person":
                    said.append(mention)
            if len(said) == before:
                said.append(None)  # "the opposition leader says", "a spokesman for Acme says":
                # nobody named spoke
        if not said and not _quoted(ctx, ctx.sentences[number]):
            subject = _main_subject(ctx, span)
            if subject is not None:
                said.append(subject)
        latest += [(number, person) for person in said]
    return going_on


def _goes_on(ctx: Context, latest: list[tuple[int, Mention | None]], number: int,
             pronoun: Mention) -> bool:
    """Whether a "he says" goes on with the words of an unnamed speaker: the last one to speak,
    in this sentence or the one before, was not named ("A spokesman for the department
    says ... He says"), and no person is named from that sentence up to the pronoun."""
    if not latest or latest[-1][1] is not None or number - latest[-1][0] > 1:
        return False
    start = ctx.sentences[latest[-1][0]].start
    return not any(m.kind == "name" and m.type == "Person" and start <= m.start < pronoun.start
                   for m in ctx.mentions)


def _latest(latest: list[tuple[int, Mention | None]], number: int, gender: str,
            genders: dict[str, str]) -> Mention | None:
    for sentence, person in reversed(latest):
        if number - sentence > _SPEAKER_REACH or person is None:
            return None
        if gender_of(genders, person) in (None, gender):
            return person
    return None


def _main_subject(ctx: Context, sentence: Any) -> Mention | None:
    """The named person a sentence is about: the subject of its main verb."""
    subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    mention = ctx.mention_at(subject)
    return mention if mention is not None and mention.kind == "name" and \
        mention.type == "Person" else None


def _quoted(ctx: Context, sentence: Sentence) -> bool:
    """Whether a sentence quotes someone or begins inside a quotation its paragraph opened."""
    return inside(ctx.article.text, sentence.start) or any(mark in sentence.text for mark in QUOTE_MARKS)


def _last_named_is_a_subject(ctx: Context, pronoun: Mention) -> bool:
    """Whether the last person named before a pronoun is named outside quotes in the subject
    of a main clause ("President of the society, Hassan Ghulam, says ...": he speaks next),
    where the last name is the pronoun's, as resolve takes it; not one named in a quote, an
    object or a clause of time ("beaten by Roger Federer", "as Tom Hale scored twice")."""
    named = [m for m in ctx.mentions if m.kind == "name" and m.type == "Person"
             and m.end <= pronoun.start]
    if not named:
        return True
    last = max(named, key=lambda m: m.start)
    token = ctx.token_from(last.start)
    if token is None or inside(ctx.article.text, last.start):
        return False
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return token.head.dep_ == "ROOT"  # not "as striker Tom Hale scored twice"
        token = token.head
    return False


def gendered_agents(ctx: Context, builders: list[Builder]) -> None:
    """Each "he" or "she" still standing for a speaker (of words, or of none: "would not say")
    is the person coreference finds of that gender ("Ambassador Denise Almao said she had
    identified the body of Sir Peter Blake, but she would not say how he died": Almao, not
    Blake), where it finds one; the pronoun is left to resolve otherwise. Not an agent of
    another act, whom a quotation may tell of ('"... when he died," the student said').
    An agent is replaced in place."""
    mentions = ctx.mention_by_id()
    for builder in builders:
        if builder.type not in _SPEAKING:
            continue
        for index, (role, ref) in enumerate(builder.roles):
            mention = mentions.get(ref)
            if role != "agent" or mention is None or mention.kind != "pronoun" or \
                    mention.text.lower() not in ("he", "she"):
                continue
            person = person_for_pronoun(ctx, ctx.first_token(mention))
            if person is not None:
                builder.roles[index] = ("agent", person.id)
