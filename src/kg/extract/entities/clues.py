"""What a name's words and its neighbours say it is: the tests the typing rules ask of a span."""

from __future__ import annotations

from typing import Any

from kg.extract.organizations import (
    classify_organization,
    descriptors,
    has_a_body_head,
)
from kg.extract.place_clues import (
    PLACE_NAME_ENDS,
    listed_with,
    place_name_words,
    place_named,
)
from kg.gazetteer import REGION_WORDS, Place
from kg.lexicon import lexicon

# Words that, with "government", say only which level of government speaks, not whose.
GOVERNMENT_LEVELS = {"federal", "national", "central", "state", "commonwealth", "government",
                      "opposition", "coalition"}


def state_named(text: str, gazetteer: Any) -> Place | None:
    """The state (a country or a first-level region) that words name by its adjective or its
    name ("Pakistani", "United States", "Queensland"); None for anything else."""
    place = gazetteer.demonym(text) or gazetteer.lookup(text)
    return place if isinstance(place, Place) and place.type in ("Country", "AdministrativeRegion") \
        else None


def leading_state(words: list[str], gazetteer: Any) -> Place | None:
    """The state whose adjective or name the first one or two words of a body's name are, with
    words left after them ("the Pakistani police", "United States Army"); None when no state
    opens the name. The one test of whose a body is by its name, for extraction and resolution."""
    return next((state for size in (1, 2) if len(words) > size
                 for state in [state_named(" ".join(words[:size]), gazetteer)] if state), None)


def department_of_a_state(span: Any, gazetteer: Any) -> bool:
    """"Health Canada", "Statistics New Zealand", "Queensland Health": a portfolio's word and a
    state's or a region's name make the name of that government's department."""
    for size in (1, 2):
        if len(span) <= size:
            break
        for portfolio, place in ((span[:size], span[size:]), (span[-size:], span[:-size])):
            if not all(t.text in gazetteer.portfolio_names or t.lower_ == "and"
                       for t in portfolio) or portfolio[0].lower_ == "and":
                continue
            known = place_named(place.text, gazetteer)
            if isinstance(known, Place) and known.type in ("Country", "AdministrativeRegion"):
                return True
    return False


def names_a_thing(span: Any, gazetteer: Any) -> bool:
    """Whether a name is apposed to a noun for a thing ("the Seabird, a cargo ship"), itself or
    through the words it stands for ("XRD, which stands for Extended Range Defence, a rocket
    system"), or follows one as a name follows the noun for what it is ("the yacht Seabird",
    "Swedish maxi Seabird")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.tag_ in ("NN", "JJ") and \
            before.lemma_.lower() in gazetteer.thing_nouns:
        return True
    names = [span.root]
    for clause in span.root.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "stand":
            names += [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
    for name in names:
        nouns = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "appos":
            nouns.append(name.head)
        if any(n.is_lower and n.lemma_.lower() in gazetteer.thing_nouns for n in nouns):
            return True
    return False


def a_models_designation(span: Any, gazetteer: Any) -> int | None:
    """How many words of a name ending in a model's designation, written before a noun for a
    thing, name the state that flies or sails it: "a Kestrel B-9 bomber" (0), "a US B-9 bomber"
    (1), "two FX-30 fighter jets" (0). A model of an aircraft, a ship or a weapon is no entity
    of the ontology, which spaCy's small model tags as an organisation; the state before it is
    still named. None when the name does not end in a designation (a word with a digit) before
    such a noun."""
    doc = span.doc
    if not any(c.isdigit() for c in span[-1].text) or not any(c.isalpha() for c in span.text):
        return None
    after = span.end
    while after < len(doc) - 1 and doc[after].is_lower and doc[after].dep_ == "compound":
        after += 1  # "FX-30 fighter jets": the noun the compound leads to says what it is
    if after >= len(doc) or not doc[after].is_lower or doc[after].pos_ != "NOUN" or \
            doc[after].lemma_.lower() not in gazetteer.thing_nouns:
        return None
    return next((size for size in (2, 1) if len(span) > size and
                 state_named(span[:size].text, gazetteer) is not None), 0)


def names_nothing(span: Any, label: str, gazetteer: Any) -> bool:
    """Whether a span the model tagged, and the gazetteer does not know, names no entity of
    the ontology: a kind of body, a title, a common noun, a gathering, a law, a programme, a
    portfolio."""
    text = span.text
    if label == "ORG" and len(span) == 1 and span[0].lower_ in lexicon().words("body-words.txt"):
        return True  # "the Authority", "the Group": a kind of body, no name
    if len(span) == 1 and span[0].tag_ in ("NN", "NNS") and label != "PERSON" and \
            text not in gazetteer.party_names:
        return True  # "People", "Children" opening a sentence: a common noun, no name
    if label == "ORG" and len(span) == 1 and span[0].tag_ == "JJ":
        return True  # "Aboriginal communities": an adjective, not an organisation's name
    if label == "ORG" and span[-1].lower_ in gazetteer.titles and \
            classify_organization(text) == "Organization":
        return True  # "US Magistrate", "Joint Chiefs General": a title, no body
    if (label in ("ORG", "FAC") or label == "PERSON" and len(span) > 1) and \
            span[-1].text in gazetteer.event_name_heads:
        return True  # "the Johannesburg Earth Summit" names a gathering, not a body; "the Perth
        # Test" a match (the town keeps its mention); "the Jules Verne Trophy" a prize, no one
    if label != "NORP" and counted_as_a_kind(span):
        return True  # "he received an OBE", "trees felled in a World Heritage Area": one of a kind
    if names_a_document(span, gazetteer):
        return True  # "the Border Protection Bill" (even split as "Border Protection" + "Bill")
    if label == "ORG" and len(span) > 1 and span[-1].text in lexicon().words("programme-names.txt"):
        return True  # "the Pharmaceutical Benefits Scheme", "the Pacific Solution": a programme
    if label == "ORG" and unnamed_government(span):
        return True  # "the Federal Government": a government without a name is no entity
    return label == "ORG" and _portfolio(span, gazetteer)  # "Employment Services Minister X"


def names_a_storm(span: Any) -> bool:
    """"Cyclone Freddy", "Tropical Cyclone Yasi": a name a storm word begins
    (``data/lexicon/storm-words.txt``), that no organisation's word ends ("Cyclone Relief
    Fund")."""
    words = lexicon().words("storm-words.txt")
    return len(span) > 1 and span[0].text[:1].isupper() and span[0].lower_ in words and \
        span[1].text[:1].isupper() and classify_organization(span.text) == "Organization" and \
        (span[0].lower_ != "tropical" or span[1].lower_ in words)


def a_town_the_gazetteer_lacks(span: Any) -> bool:
    """A name the model took for a state's or a town's that the gazetteer does not know: the
    gazetteer knows every state and first-level region, so where the text puts it as one puts
    a town ("at Helensburgh", "from Port Augusta", "near Interlaken"; "in" may go before a
    region as well, "in Darfur") it is a town, unless an area noun follows it ("Mosh Khil
    area") or a feature's word ends it ("Salisbury Park")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) <= 3 and all(t.is_alpha and t.is_title for t in span) and \
        before is not None and before.lower_ in _TOWN_PREPOSITIONS and \
        (after is None or not (after.is_lower and after.lower_ in REGION_WORDS | AREA_WORDS)) and \
        span[-1].text not in place_name_words(*PLACE_NAME_ENDS) and \
        span[-1].text not in ("Union", "Republic", "Empire")


def names_a_sites_town(span: Any) -> bool:
    """Whether the story also writes the name as the first word of a building's or a site's
    ("the Woomera Detention Centre", "Wollongong Hospital"): a place name that a site is
    named after is the town it stands in."""
    doc = span.doc
    size = len(span)
    ends = place_name_words("facility-last")
    text = span.text
    for start in range(len(doc) - size):
        # The first word's text begins any equal span's text: checked first, it spares making a
        # span at every token (as place_clues.town_names_an_affair does).
        if start == span.start or not text.startswith(doc[start].text) or \
                doc[start : start + size].text != text:
            continue
        for end in range(start + size, min(start + size + 3, len(doc))):
            if not doc[end].is_title:
                break
            if doc[end].text in ends:
                return True
    return False


# Prepositions that put a place as one puts a town, not a region: "at Woomera".
_TOWN_PREPOSITIONS = {"at", "near", "nearby", "outside", "from"}


# Nouns after a name that make it the name of an area: "the Shoalhaven area".
AREA_WORDS = {"area", "region", "district"}


def paired_with_a_town(span: Any, ctx: Any) -> str | None:
    """The class of a name the model took for a person's or a body's that the sentence pairs
    with a town or a road: listed with it ("closed between Tarrin and Kelmore", "at Yallah,
    Kelmore and Dunmore"), or as the other end of a stretch ("from Kelmore to Tarrin", "between
    the Tarrin Highway and Yallah"). A name paired with a town is a town too (a City); with a
    road, a town at the road's end. Only a town (or a road) counts as the partner: "Japan and
    Nintendo", "between Israel and Hamas" pair a state and a body. A name after "the" is a
    region's (a Place). None when no partner."""
    doc = span.doc
    partners = [t for t in listed_with(span) if not span.start <= t.i < span.end]
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "to":
        start = next((i for i in range(before.i - 1, max(-1, before.i - 6), -1)
                      if doc[i].lower_ == "from"), None)
        partners += list(doc[start + 1 : before.i]) if start is not None else []
    if before is not None and before.lower_ == "from":
        end = next((i for i in range(span.end, min(len(doc), span.end + 2))
                    if doc[i].lower_ == "to"), None)
        partners += [doc[end + 1]] if end is not None and end + 1 < len(doc) else []
    if not {_town_or_road(t, ctx) for t in partners} - {None}:
        return None
    return "Place" if before is not None and before.lower_ == "the" else "City"  # "the
    # Illawarra, Sydney and the Hunter Valley": a region, which a town's name does not follow


def _town_or_road(token: Any, ctx: Any) -> str | None:
    """"City" when a token is in a town's name (as the article's mentions so far, or the
    gazetteer, have it), "road" when in a road's, else None."""
    mention = ctx.mention_at(token)
    if mention is not None:
        if mention.type == "City":
            return "City"
        words = mention.text.split()
        roads = place_name_words("way-last", "way-last-surname")
        return "road" if mention.type == "Place" and words[-1] in roads else None
    if not token.text[:1].isupper() or not token.is_alpha:
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP"):
        return None
    known = ctx.gazetteer.lookup(ent.text if ent is not None else token.text)
    return "City" if isinstance(known, Place) and known.type == "City" else None


def written_as_a_persons_name(span: Any, gazetteer: Any) -> bool:
    """A given name and a surname the model took for an organisation's that the sentence writes
    as a person's: right after a person's title in lower case ("UN envoy Terje Roed-Larsen",
    "the spokesman Ali Hassan") or joined by "and" to a name the model took for a person's
    ("batsmen Makhaya Ntini and Nanti Hayward")."""
    words = [t for t in span if t.text != "-"]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            any(t.text in place_name_words(*PLACE_NAME_ENDS)
                for t in words):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.tag_ == "NN" and \
            before.head.i in range(span.start, span.end) and (
            before.lower_ in gazetteer.titles or before.lower_ in gazetteer.occupations):
        return True
    last = span[-1]
    partners = [child for child in last.children if child.dep_ == "conj"]
    if last.dep_ == "conj":
        partners.append(last.head)
    return any(t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in partners)


def has_no_body_word(name: str) -> bool:
    """Whether a name has no word that makes it a body's: no class's head word ("Warren
    Hospital") and no head word of a body ("the John Monash Foundation"), as a person's has not."""
    return classify_organization(name) == "Organization" and not has_a_body_head(name)


def ends_with_a_named_surname(span: Any, surnames: set[str], gazetteer: Any) -> bool:
    """Whether a name of two or three capitalised words the model left untagged is a person's by
    its last word, the surname of a person the article names in full (``surnames``): a relative
    in a family story ("Tomas Ruiz Castell", the father of "Diego Castell", named by the father's
    full name at the start of a sentence); not where an earlier word says what else it is (a
    title's, a place's, a people's or a known body's word: "Senator Castell", "Mount Castell")."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            words[-1].text not in surnames:
        return False
    return has_no_body_word(span.text) and not any(
        t.text in place_name_words(*PLACE_NAME_ENDS, "feature-first") or
        t.text in gazetteer.institution_heads or
        t.text in gazetteer.party_names or t.lower_ in gazetteer.titles or
        t.text in gazetteer.honorifics or gazetteer.demonym(t.text) is not None or
        _known_beyond_a_town(t.text, gazetteer)
        for t in words[:-1])


def _known_beyond_a_town(word: str, gazetteer: Any) -> bool:
    """Whether the gazetteer knows a word as a body's or a place's name other than a small
    town's (many given names are some small town's too: "Tomas", "Ruiz")."""
    known = gazetteer.lookup(word)
    return known is not None and not (isinstance(known, Place) and known.minor)


def unit_of_a_force(span: Any) -> str | None:
    """The class of a unit whose members a noun after its name calls them
    (``data/lexicon/force-members.tsv``): "SAS troops" (Military), "Star Force police officers"
    (Agency); None when no such noun follows the name as the noun it modifies, or when the
    name is neither an acronym nor ends in a unit's word (``data/lexicon/force-units.txt``):
    "Sudan Liberation Movement soldiers" are an armed group's."""
    doc = span.doc
    members = lexicon().classes("force-members.tsv")
    head = span[-1].head
    if span[-1].dep_ != "compound" or head.i < span.end or head.i > span.end + 2:
        return None
    if not (len(span) == 1 and span[0].is_upper and len(span[0]) > 1 or
            span[-1].text in lexicon().words("force-units.txt")):
        return None
    return next((members[t.lower_] for t in doc[span.end : head.i + 1]
                 if t.is_lower and t.lower_ in members), None)


# The Persian and Urdu linking particle ("of") written between hyphens inside a group's name:
# "Lashkar-e-Taiba" (Army of the Pure), "Tehrik-i-Taliban", "Hizb-i-Islami". Personal names
# join their parts with "ul" or "al" ("Zia-ul-Haq"), never with these.
_IZAFE = {"e", "i"}


def joined_by_izafe(span: Any, gazetteer: Any) -> bool:
    """Whether a name joins two capitalised parts with "-e-" or "-i-" and is that word alone
    (or with a state's name: "Tehrik-i-Taliban Pakistan"): a group's name ("Jaish-e-Mohammad",
    "Hizb-i-Islami"), which the model may take for a person's. Not a person's name the particle
    is part of, written with a title before it or other names around the word ("police chief
    Gul-e-Rana Afridi", "Mr Noor-e-Alam")."""
    doc = span.doc
    joins = [t for t in span if t.lower_ in _IZAFE and t.is_lower and t.i - span.start >= 2 and
             t.i + 2 < span.end and doc[t.i - 1].text == "-" and doc[t.i + 1].text == "-" and
             doc[t.i - 2].text[:1].isupper() and doc[t.i + 2].text[:1].isupper()]
    if not joins:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text in gazetteer.honorifics or before.lower_ in gazetteer.titles):
        return False
    start = end = joins[0].i  # the hyphened word the particle is inside
    while start > span.start and not doc[start - 1].whitespace_:
        start -= 1
    while end + 1 < span.end and not doc[end].whitespace_:
        end += 1
    return all(isinstance(gazetteer.lookup(t.text), Place) for t in span
               if not start <= t.i <= end and t.is_alpha)


def kin_apposed(span: Any, gazetteer: Any) -> bool:
    """"his daughter, Beatriz", "her husband Tom", "his daughter-in-law Alissa": a name in
    apposition to a kinship noun (a kin by marriage too, which names no relation of the
    ontology but a person all the same)."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    if index >= 4 and [t.lower_ for t in doc[index - 3 : index + 1]] == ["-", "in", "-", "law"]:
        index -= 4  # "daughter-in-law", split at its hyphens
    return index >= 0 and doc[index].lower_ in gazetteer.kinship and doc[index].is_lower


def apposed_to_a_role(span: Any, gazetteer: Any) -> bool:
    """"Dana Okafor, an analyst at Brightline Capital, said", "Pieter Vos, chairman of the port
    authority, told reporters": two or three capitalised words the model took for a body's or a
    place's are a person's name when the parse apposes to them, right after a comma, a lower-case
    title or occupation only a person holds (not one a body may hold too: "Deloitte, the
    auditor", "KPMG, the administrator", "Apple, the market leader")."""
    words = list(span)
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words) or \
            not has_no_body_word(span.text) or any(
                t.text in place_name_words(*PLACE_NAME_ENDS) or t.text in gazetteer.party_names or
                t.text in gazetteer.institution_heads or t.lower_ in gazetteer.titles or
                gazetteer.demonym(t.text) is not None for t in words):
        return False
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    return any(child.dep_ == "appos" and child.i > span.end and child.is_lower and
               child.tag_ == "NN" and child.lower_ not in lexicon().words("body-roles.txt") and
               (child.lower_ in gazetteer.titles or child.lower_ in gazetteer.occupations)
               for child in span.root.children)


# Nouns after a people's name (not a state's) that make a place of it: "the Kurdish region".
_PEOPLE_PLACE_NOUNS = {"region", "world"}


def named_by_people(span: Any, place: Any, gazetteer: Any) -> tuple[Any, str] | None:
    """A name made of a people's adjective and a noun: "the Kurdish region", "the Arab world"
    (a place), "the Spanish parliament", "the Saudi royal family" (an institution)."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_lower:
        return None
    if place is None and doc[span.end].lower_ in _PEOPLE_PLACE_NOUNS:
        return doc[span.start : span.end + 1], "Place"
    if isinstance(place, Place) and place.type == "Country":
        for size in (2, 1):
            noun = doc[span.end : span.end + size]
            if len(noun) == size and all(t.is_lower for t in noun) and \
                    noun.text in gazetteer.institution_nouns and (
                        noun[-1].dep_ != "compound" or noun[-1].head.lower_ in gazetteer.titles
                        and not _a_member(noun[-1].head, gazetteer)):
                # "Iraqi intelligence chief X" heads the body; "Palestinian police stations" are
                # only the stations, and "an Israeli police officer" only one of its people
                return doc[span.start : span.end + size], gazetteer.institution_nouns[noun.text]
    return None


def _a_member(noun: Any, gazetteer: Any) -> bool:
    """Whether a title after a body's noun names one of its people, not the body: a noun for a
    person by role (``data/lexicon/occupations.txt``: "an Israeli police officer", "two Fijian
    army soldiers"), other than an official, who may speak for the body ("a Fijian police
    official said")."""
    return noun.lemma_.lower() in gazetteer.occupations and noun.lemma_.lower() != "official"


def counted_as_a_kind(span: Any) -> bool:
    """Whether a capitalised name takes "a" or "an" right before it as its own article: it
    names one of a kind (an honour, a class of site, a model), not the one body, place or
    person a name stands for: "he received an OBE", "logged trees in a World Heritage Area";
    not "a Qantas spokesman" (the article is the spokesman's) nor "a determined Ansett" (a
    word stands between: the one company, as it is at some time)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in ("a", "an") and before.dep_ == "det" and \
        before.head.i == span.root.i and span.root.i < span.end and span[0].text[:1].isupper()


def names_a_document(span: Any, gazetteer: Any) -> bool:
    """Whether a span is (part of) the name of a law or treaty: it ends in "Bill", "Act",
    "Protocol", ..., or a capitalised one follows it, or it is one after a capitalised word."""
    doc = span.doc
    heads = gazetteer.document_name_heads
    following = doc[span.end] if span.end < len(doc) else None
    preceding = doc[span.start - 1] if span.start > 0 else None
    return span[-1].text in heads and (len(span) > 1 or span[0].tag_ == "NNP") or \
        following is not None and following.text in heads or \
        len(span) == 1 and span[0].text in heads and preceding is not None and \
        preceding.text[:1].isupper() and preceding.is_alpha


# Levels of government that, capitalised before "Government", name one body of the article's
# state as a proper name would: "the Federal Government", "the State Government".
_NAMED_LEVELS = {"federal", "national", "state", "commonwealth", "central"}


def unnamed_government(span: Any) -> bool:
    """"the Government", "the Opposition", "the Coalition Government": no state, party or
    leader named, and no level of government capitalised as a name ("the Federal Government",
    "the State Government" and "the Federal Opposition" are names of one body:
    data/gold/README.md)."""
    words = {t.lower_ for t in span if t.is_alpha}
    body = words & {"government", "opposition"}
    named = len(body) == 1 and bool(words & _NAMED_LEVELS) and "coalition" not in words and \
        all(t.text[:1].isupper() for t in span if t.is_alpha)
    return bool(words & {"government", "opposition"}) and words <= GOVERNMENT_LEVELS and not named


def _portfolio(span: Any, gazetteer: Any) -> bool:
    """"Employment Services" in "Employment Services Minister Mal Brough": a minister's
    portfolio, written before a capitalised title, is not an organisation; nor is one written
    after a title and "on" ("the party's spokesman on Home Affairs") or after "Minister for"
    ("the Minister for Regional Affairs"): :func:`_portfolio_after_a_title`."""
    doc = span.doc
    if classify_organization(span.text) != "Organization":
        return False
    if _portfolio_after_a_title(span, gazetteer):
        return True
    if span.end >= len(doc) or company_head_after(span[-1]):
        return False  # "Acme CEO Jane Roe": a company, not a minister's portfolio
    index = span.end
    while index < min(len(doc) - 1, span.end + 2) and doc[index].is_title and \
            doc[index].is_alpha and doc[index].lower_ not in gazetteer.titles:
        index += 1  # "New South Wales Emergency" + "Services Minister": the model cut the portfolio
    title = doc[index]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper()


# The titles whose "for" names a portfolio ("the Minister for Regional Affairs"), where other
# titles' "for" names the body one speaks for ("a spokesman for the Northern Alliance").
_PORTFOLIO_TITLES = {"minister", "secretary"}


def _portfolio_after_a_title(span: Any, gazetteer: Any) -> bool:
    """Whether a name is the object of "on" hanging on a title ("Labor's spokesman on Home
    Affairs"), or of "for" hanging on a minister's or secretary's title ("the Minister for the
    Arts"): the portfolio a person holds or speaks on, not a body."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 1 or span.root.head.i != index:
        return False
    preposition = doc[index]
    title = preposition.head
    if preposition.dep_ != "prep" or title.i >= preposition.i or title.lower_ not in gazetteer.titles:
        return False
    return preposition.lower_ == "on" or preposition.lower_ == "for" and \
        title.lower_ in _PORTFOLIO_TITLES


def titled_name(span: Any, gazetteer: Any) -> bool:
    """"President Thabo Mbeki": two or three capitalised words right after a capitalised title
    are a person's name, whatever kind of name the model took them for."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or span.start == 0 or not all(
            t.is_alpha and t.text[:1].isupper() for t in span):
        return False
    title = doc[span.start - 1]
    return title.lower_ in gazetteer.titles and title.text[:1].isupper() and \
        classify_organization(span.text) == "Organization" and \
        span[-1].text not in place_name_words("facility-last", "way-last", "way-last-surname")
    # not "Queen Elizabeth Hospital", "King Street"


# Words before a common noun that show it is one: "the skipper", "another Beatle".
_NOUN_DETERMINERS = {"the", "a", "an", "another", "every", "each", "this", "that"}


def person_name_part(span: Any, gazetteer: Any) -> Any:
    """The part of a span typed a person's that is the name: without the capitalised common
    words the model took in before it. A title ("Skipper Brandt said" tagged a body's name, as
    ``trim`` cuts it from a person's), a day's word that opens the sentence ("Tomorrow
    Harrison's family will ...") or a word the article writes elsewhere as a common noun, in
    lower case or alone after a determiner ("Drummer Ray Cole" and "the drummer", "the
    Drummer said"), is no part of a name when a name is left without it ("Tiger Woods" keeps
    its first word); a common given name ("Mark", "Frank") and a place's name the gazetteer
    knows ("the Darwin region") always are. When the model's span slipped a
    word to the left ("Guides Simon" + "Wiget"), the untagged capitalised word after a given
    name left alone is the surname."""
    doc = span.doc
    given = lexicon().words("given-names.txt")
    dates = lexicon().dates
    start = span.start
    while span.end - start > 1:
        word = doc[start]
        lower = word.lower_
        if not word.is_alpha or not word.is_title or word.text in given:
            break
        if not (lower in gazetteer.titles or lower in dates.weekdays or lower in dates.days_back or
                gazetteer.lookup(word.text) is None and _leaves_a_name(doc[start + 1 : span.end], given)
                and _written_as_a_noun(word)):
            break
        start += 1
    end = span.end
    if start > span.start and end - start == 1 and end < len(doc) and doc[start].text in given:
        after = doc[end]
        if after.is_alpha and after.is_title and after.pos_ == "PROPN" and after.ent_iob_ != "B" and \
                after.ent_type_ in ("", "PERSON"):  # no other name begins there
            end += 1
    return doc[start:end]


def _leaves_a_name(rest: Any, given: Any) -> bool:
    """Whether the words left after a common noun is cut still make a name on their own: two
    words or more ("Beatle George Harrison"), or a given name whose surname follows untagged
    ("Guides Simon" + "Wiget"); a surname alone does not ("Tiger Woods", "Magic Johnson": the
    first word is the name's even where the article writes "a tiger")."""
    return len(rest) > 1 or len(rest) == 1 and rest[0].text in given


def _written_as_a_noun(word: Any) -> bool:
    """Whether the article writes a capitalised word elsewhere as a common noun: in lower case,
    or alone after a determiner ("the Beatle said"), not as the start of a longer name."""
    doc = word.doc
    return any(
        other.i != word.i and other.lower_ == word.lower_ and (
            other.is_lower and other.pos_ == "NOUN" or
            other.i > 0 and doc[other.i - 1].lower_ in _NOUN_DETERMINERS and
            other.ent_type_ in ("", "PERSON", "NORP") and
            not (other.i + 1 < len(doc) and doc[other.i + 1].is_title))
        for other in doc)


def names_of_peoples(doc: Any, gazetteer: Any) -> frozenset[str]:
    """The capitalised words an article writes as a people's name, right before a people's noun
    (``data/lexicon/people-nouns.txt``): "Pashtun tribal leaders", "the Zulu people". A people is
    a group of persons, which the model tags as an organisation or a person; the name is no
    entity wherever the article gives it. Not a state's adjective ("the Afghan people": the
    state stays a demonym) nor a name the gazetteer or the party list knows."""
    nouns = lexicon().words("people-nouns.txt")
    return frozenset(
        token.text for token, after in zip(doc, doc[1:], strict=False)
        if after.is_lower and after.lower_ in nouns and token.is_alpha and token.is_title and
        not token.is_sent_start and gazetteer.demonym(token.text) is None and
        gazetteer.lookup(token.text) is None and token.text not in gazetteer.party_names)


def names_of_things(ents: list[Any], gazetteer: Any) -> frozenset[str]:
    """The names an article once writes as a thing's (:func:`names_a_thing`: "Swedish maxi
    Seabird", "the Seabird, a cargo ship"), tagged there or not, or lists with such a name
    ("yacht Seabird and Sea Dragon lost their masts"): the same name is the thing's wherever the
    article repeats it ("the skipper of Seabird"), though the sentence there says nothing of
    what it is. Not a name the gazetteer knows."""
    if not ents:
        return frozenset()
    doc = ents[0].doc
    texts = [token.text for token in doc]
    candidates = {tuple(t.text for t in ent) for ent in ents
                  if ent.label_ in ("ORG", "PERSON") and not ent.ent_id_}
    starts: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        starts.setdefault(text, []).append(index)
    things: set[tuple[str, ...]] = set()
    for words in candidates:
        size = len(words)
        for start in starts.get(words[0], []):
            if tuple(texts[start : start + size]) != words:
                continue
            use = doc[start : start + size]
            if names_a_thing(use, gazetteer):
                things.add(words)
                listed = {t.i for t in listed_with(use)} - set(range(use.start, use.end))
                things |= {tuple(t.text for t in ent) for ent in ents
                           if ent.label_ in ("ORG", "PERSON") and ent[-1].i in listed}
    return frozenset(" ".join(words) for words in things
                     if gazetteer.lookup(" ".join(words)) is None)


# Prepositions after a verb that put a name as a party to what is done, as bodies and people
# are: "worked for X", "signed with X", "fought against X", "was sued by X" (not "at", "near",
# "above", which put a place).
_PARTNER_PREPOSITIONS = {"for", "with", "against", "by"}


# Verbs whose object or listener a name stands for someone or a body: "the actor told Variety".
_SPEECH_LEMMAS = {"tell", "speak", "talk", "interview", "write", "say"}


def stands_as_a_participant(word: Any, gazetteer: Any) -> bool:
    """Whether the sentence writes a capitalised word where a body or a person stands: as a
    verb's subject or object ("Korvex said", "Siemens sued Korvex", "he told Variety"), after a
    preposition that a person's title or a speech act governs ("a spokeswoman for Korvex", "an
    interview with Variety"), before a noun it owns or a person's title ("the Gallup survey",
    "a Korvex spokeswoman"; ``owned-nouns.txt``), after a place it is based in ("Nairobi-based
    Korvex"), or with a noun apposed ("Korvex, the phone company") or a descriptor before it
    ("the news agency Lusa"), or owned by a name ("Norway's Storting"). A word joined by "and"
    stands where the first of its list stands ("as did Japan and Korvex"). Not a town's, a
    thing's or a title's word: "at Tarrowby", "the Tolkien classic", "the Order of Merit"."""
    while word.dep_ == "conj" and word.head.i < word.i:
        word = word.head
    head = word.head

    def role_noun(token: Any) -> bool:
        return token.is_lower and (token.lemma_.lower() in gazetteer.titles or
                                   token.lemma_.lower() in gazetteer.occupations)

    if word.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and head.pos_ in ("VERB", "AUX"):
        return True
    if word.dep_ == "pobj" and (role_noun(head.head) or head.head.lemma_.lower() in _SPEECH_LEMMAS):
        return True
    if word.dep_ == "pobj" and head.lower_ in _PARTNER_PREPOSITIONS and head.head.pos_ == "VERB":
        return True  # "she worked for Korvex", "talks with Korvex", "sued by Korvex"
    if word.dep_ in ("compound", "nmod") and head.is_lower and (
            role_noun(head) or head.lemma_.lower() in lexicon().words("owned-nouns.txt")):
        return True
    if any(child.dep_ == "poss" and child.pos_ == "PROPN" for child in word.children):
        return True
    return any(child.dep_ == "appos" or child.is_lower and child.lower_ in descriptors() or
               child.lower_ == "based" for child in word.subtree if child.i != word.i and
               (child.head.i == word.i or child.lower_ == "based"))


def _in_a_longer_name(token: Any) -> bool:
    """Whether a token is one word of a longer name the model tagged ("Dun" in "Dun &
    Bradstreet")."""
    return token.ent_type_ != "" and any(
        len(ent) > 1 and ent.start <= token.i < ent.end for ent in token.doc.ents)


_LONGEST_HEAD_TITLE = 4
"""The most words a company head's title has ("president and chief executive")."""


def company_head_after(token: Any) -> int:
    """The number of words of a company head's title (``company-head-titles.txt``) right after
    a token, when a person's name follows the title: 2 after "Acme" in "Acme chief executive
    Jane Roe said", 1 after "Korvex" in "Korvex CEO Tom Hale"; 0 otherwise ("Volvo ocean racer
    X", "Korvex CEO said")."""
    doc = token.doc
    heads = lexicon().words("company-head-titles.txt")
    for size in range(_LONGEST_HEAD_TITLE, 0, -1):
        end = token.i + 1 + size
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and \
                " ".join(t.lower_ for t in doc[token.i + 1 : end]) in heads:
            return size
    return 0


def _unsupported_everywhere(word: Any, ctx: Any) -> bool:
    """Whether no use of a word in the article (at most three) says it stands for a body or a
    person (:func:`stands_as_a_participant`, owning something: "Korvex's chief", one word of a
    longer name)."""
    doc = word.doc
    uses = ctx.positions_of(word.text)
    return len(uses) <= 3 and not any(
        stands_as_a_participant(doc[i], ctx.gazetteer) or _in_a_longer_name(doc[i]) or
        i + 1 < len(doc) and doc[i + 1].text in ("'s", "\u2019s") for i in uses)


def an_unsupported_word(span: Any, ctx: Any) -> bool:
    """Whether a body's name the model tagged is one capitalised word that nothing else in the
    article supports: the gazetteer does not know it (the caller's test), no word of it says what
    kind of body it is, it is not an acronym or a party's short name, and no use of it in the
    article stands where a body does (:func:`_unsupported_everywhere`: not "Telstra said",
    "Telstra, the phone company", "Telstra's chief"; nor before a company head's title and
    name: "Telstra CEO X", :func:`company_head_after`). Such a word is more
    often a town, a part of a person's or a title's name or a thing the model took for a body
    ("a flare-up at Spencer", "the Tolkien classic", "Volvo ocean racer X") than a body."""
    if len(span) != 1:
        return False
    word = span[0]
    return word.is_alpha and word.is_title and not word.is_upper and \
        has_no_body_word(span.text) and span.text not in ctx.gazetteer.party_names and \
        _unsupported_everywhere(word, ctx) and \
        not any(company_head_after(word.doc[i]) for i in ctx.positions_of(word.text))


def a_lone_word_for_a_person(span: Any, ctx: Any) -> bool:
    """Whether a person's name the model tagged is one capitalised word that nothing else in the
    article writes as a person's: not a common given name, no use of it standing where a person
    does (:func:`_unsupported_everywhere`: "Ntini took three wickets", "he told Ntini"), with
    nothing apposed to it or owning it ("his son Tom", "Tom, 12,") and not after a kinship noun.
    (The caller checks that no honorific or title goes before it anywhere and that it is no part
    of a longer person's name.) Such a word is more often a town, a region, a thing or a cut
    part of a name ("fires above Tarrow", "the lower Tarrow") than someone the article names by
    one word alone."""
    if len(span) != 1:
        return False
    word = span[0]
    gazetteer = ctx.gazetteer
    return word.is_alpha and word.is_title and not word.is_upper and \
        word.text not in lexicon().words("given-names.txt") and \
        word.dep_ not in ("appos", "poss") and _unsupported_everywhere(word, ctx) and \
        not any(child.dep_ in ("appos", "poss") for child in word.children) and \
        not kin_apposed(span, gazetteer) and \
        not (word.head.is_lower and word.head.lower_ in gazetteer.kinship)


# The dependencies of a verb's subject.
_SUBJECTS = {"nsubj", "nsubjpass"}


def stands_where_a_body_does(span: Any) -> bool:
    """Whether a name the model took for a place's, which the gazetteer lacks, stands in the
    parse where a body stands and a place does not: the employer one works for ("he did not
    work for Kestrel"), a firm before a noun for the people who work for it ("a Kestrel
    contractor", "Tarrow staff"; ``workforce-nouns.txt``), or a subject joined by "and" to a
    name the model took for an organisation's ("Disney and Kestrel announced"). A company's
    name the model tags as a place's is read so; a town the gazetteer lacks is not written so."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ == "work":
        return True
    if root.dep_ == "compound" and head.pos_ == "NOUN" and head.is_lower and \
            head.lemma_.lower() in lexicon().words("workforce-nouns.txt"):
        return True
    partners = ([head] if root.dep_ == "conj" else []) + \
        [child for child in root.children if child.dep_ == "conj"]
    subject = root.dep_ in _SUBJECTS or root.dep_ == "conj" and head.dep_ in _SUBJECTS
    return subject and any(partner.ent_type_ == "ORG" and partner.ent_iob_ != "O"
                           for partner in partners)
