"""Places in places the text states: "Nagoya, Aichi", "the city of X", "Florida's Kennedy Space
Centre" (the gazetteer's containment is kg.extract.relations.containment)."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.bearings import coast_of
from kg.extract.context import PLACE_TYPES, Context, with_period
from kg.extract.place_clues import site_noun_of_a_name
from kg.extract.place_words import area_nouns, place_name_words, side_words
from kg.extract.relations.collector import Relations
from kg.gazetteer import REGION_WORDS, Place
from kg.lexicon import lexicon
from kg.model import Mention

CONTAINERS = ("Country", "AdministrativeRegion")


def is_container(ctx: Context, mention: Mention) -> bool:
    """Whether a mention names a state, a region or a territory ("the West Bank"): a place
    other places are said to lie in."""
    if mention.type in CONTAINERS:
        return True
    place = ctx.gazetteer.get(mention.key) if mention.key else None
    return isinstance(place, Place) and place.territory


def named_area(ctx: Context, mention: Mention) -> Place | None:
    """The named region or feature of the land inside a state ("the Illawarra", "the Hunter
    region", "the Hawkesbury River") that an unlinked place name denotes
    (``data/gazetteer/areas.tsv``)."""
    if mention.kind != "name" or mention.key or mention.type not in ("City", "Place"):
        return None
    return ctx.gazetteer.area(mention.text)


def _size(ctx: Context, mention: Mention) -> int:
    """How large a place is, for what may lie in what: a town or a site 0, a region or a
    territory 1, a state 2."""
    if mention.type == "Country":
        return 2
    return 1 if is_container(ctx, mention) else 0


_SIDES = side_words("before-a-place")
"""Lower-case words of a side or a kind of country before a place: "northern Portugal",
"outback Queensland" (``side-words.tsv``)."""


def _container_after(ctx: Context, index: int) -> Mention | None:
    """The state or region named from token ``index`` on: "Chiapas", "Calif.", "northern
    Portugal" (after "in"); a town's abbreviation becomes a mention of its region."""
    doc = ctx.doc
    if index > 0 and doc[index - 1].lower_ in ("in", "on", "of") and index < len(doc) and \
            doc[index].lower_ == "the":
        index += 1  # "Eden, on the New South Wales south coast"; not "Brussels, the US envoy"
    if index < len(doc) and doc[index].lower_ in _SIDES and doc[index].is_lower:
        index += 1  # "northern Portugal", "outback Queensland"; but "South Australia" is a name
        if index + 1 < len(doc) and doc[index].text == "-" and doc[index + 1].lower_ in _SIDES:
            index += 2  # "north-west New South Wales", split at its hyphen
    if index >= len(doc):
        return None
    found = ctx.mention_at(doc[index])
    if found is not None:
        return found if is_container(ctx, found) and found.kind in ("name", "demonym") else None
    region = ctx.gazetteer.region_abbreviation(with_period(doc[index]))
    if region is None:
        return None
    end = index + (2 if with_period(doc[index]) != doc[index].text else 1)
    return ctx.add_mention(list(doc[index:end]), "AdministrativeRegion", kind="name",
                           key=region.key)


_PART_NOUNS = lexicon().words("place-part-nouns.txt")
"""Nouns of a settlement or a part of a state: "the Iraqi city of Mosul" (``place-part-nouns.txt``)."""


_KIND_WORDS = {"island", "islands", "republic", "kingdom", "state", "territory", "nation",
               "city", "town"}


_TOWN_PARTS = lexicon().words("town-district-nouns.txt")
"""Nouns of a district of a town: "Johannesburg's suburb of Sandton" (``town-district-nouns.txt``)."""


WATER_WORDS = lexicon().words("water-words.txt")
"""Last words of the name of a sea or a gulf: "the Timor Sea" (``water-words.txt``)."""


def places(ctx: Context, out: Relations) -> None:
    """A place inside a state or region: "Mosul, Iraq", "San Mateo, Calif.", "Porto, in
    northern Portugal", "Hunan province in China", "the Kurdish region of Iraq", "the Iraqi
    city of Mosul", "Johannesburg's suburb of Sandton"."""
    doc = ctx.doc
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in list(ctx.mentions):
        if mention.type not in ("City", "Place", "AdministrativeRegion") or mention.kind != "name":
            continue
        owner = _possessive_place(ctx, mention)
        if owner is not None:  # "Florida's Kennedy Space Centre"
            out.relate(mention, "locatedIn", owner,
                       ctx.evidence([ctx.first_token(owner), ctx.first_token(mention)],
                                    "place-of-possessive", 0.7))
        last = ctx.last_token(mention)
        index = last.i + 1
        region_word = last.lower_ in REGION_WORDS
        if index < len(doc) and doc[index].lower_ in REGION_WORDS:
            index += 1  # "Hunan province in China"
            region_word = True
        elif index + 1 < len(doc) and doc[index].is_lower and doc[index].lower_ in area_nouns() \
                and doc[index + 1].lower_ == "in" and mention.type in ("City", "Place"):
            index += 1  # "near Tora Bora mountain in eastern Afghanistan"
        comma = index < len(doc) and doc[index].text == ","
        if comma:
            index += 1
        container = None
        word = doc[index].lower_ if index < len(doc) else ""
        if word == "in" and mention.type == "City" and (
                suburb_of := _city_part_after(ctx, index + 1)) is not None:
            out.relate(mention, "locatedIn", suburb_of,  # "Beaumont in Adelaide's eastern suburbs"
                       ctx.evidence([last, ctx.first_token(suburb_of)], "town-in-part-of-city", 0.7))
            continue
        if word == "in" and (comma or mention.type in ("City", "AdministrativeRegion") or
                             mention.type == "Place" and not mention.key) or \
                word == "of" and not comma and (region_word or (
                    mention.type in ("Place", "AdministrativeRegion") and
                    last.lower_ not in _KIND_WORDS)):
            container = _container_after(ctx, index + 1)  # "the Southern Highlands of NSW"
        elif word == "on" and (comma or mention.type == "City") and \
                (coast := coast_of(doc, index)) is not None:
            container = _container_after(ctx, coast)  # "Eden, on the south coast of NSW"
        elif word == "on" and (comma or mention.type == "City"):
            container = _container_after(ctx, index + 1)  # "St Helens on Tasmania's east coast"
            if container is not None and not _coast_after(ctx, container):
                container = None
        elif comma and (capital := _capital_of(doc, index)) is not None:  # "Mekelle, the capital
            container = _container_after(ctx, capital)  # of Tigray"
        elif comma:
            container = _container_after(ctx, index)
            if container is not None and (container.kind == "demonym" or
                                          ctx.last_token(container).dep_ in ("nsubj", "nsubjpass")):
                container = None  # "In the Gaza Strip, Israeli forces ...", "..., Israel said"
            elif container is not None and _listed_with_its_peer(ctx, container):
                container = None  # "Moscow, Georgia and Ukraine": a list, no "Town, State"
            elif container is not None and _region_of_another_state(ctx, mention, container):
                container = None  # "Arizona, Georgia, Nevada and Utah": a list of US states
        if container is not None and _size(ctx, container) > _size(ctx, mention):
            # "the Woomera Detention Centre in outback South Australia": the town the site is
            # named after is what lies in the state (and the site in the town)
            out.relate(_town_of_site(mention, last, towns) or mention, "locatedIn", container,
                       ctx.evidence([last, ctx.first_token(container)], "place-comma-state", 0.8))
        elif word in ("in", "at") and is_site(mention, last) and \
                (town := _town_after(ctx, index + 1)) is not None:
            out.relate(mention, "locatedIn", town,  # "the Northside Shopping Centre in Alice
                       ctx.evidence([last, ctx.first_token(town)], "site-in-town", 0.7))  # Springs"
        elif comma and is_site(mention, last) and \
                (town := _town_apposed_to_site(ctx, index, last)) is not None:
            out.relate(mention, "locatedIn", town,  # "a cafe on Carrick Lane, Glasgow"
                       ctx.evidence([last, ctx.first_token(town)], "site-comma-town", 0.8))
        first = ctx.first_token(mention)
        root = last
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "the suburbs of Heathcote and Engadine", "of X, Y and Umm Tuba"
        if root.i < first.i:
            first = root.left_edge if root.left_edge.lower_ != "the" else root
        noun = doc[first.i - 2] if first.i >= 2 and doc[first.i - 1].lower_ == "of" else None
        if noun is None or noun.lemma_.lower() not in _PART_NOUNS:
            continue
        for child in noun.children:
            owner = ctx.mention_at(child) if child.dep_ in ("poss", "amod", "compound", "nmod") \
                else None
            if owner is None or owner.type not in PLACE_TYPES or owner.id == mention.id:
                continue
            if _size(ctx, owner) > _size(ctx, mention) or (
                    noun.lemma_.lower() in _TOWN_PARTS and owner.type == "City"):
                out.relate(mention, "locatedIn", owner,
                           ctx.evidence([child, first], "demonym-city-of", 0.8))
                break
    _sites_given_by_their_noun(ctx, out)
    _places_in_apposed_descriptions(ctx, out)
    _places_in_attached_phrases(ctx, out)


def _region_of_another_state(ctx: Context, mention: Mention, container: Mention) -> bool:
    """Whether a first-level region the gazetteer knows is followed by the name of a state it
    does not belong to: "Arizona, Georgia, Nevada and Utah" (a list of US states, Georgia read
    as the country), not "Tigray, Ethiopia". A region lies in its own state only."""
    region = ctx.gazetteer.get(mention.key) if mention.key else None
    state = ctx.gazetteer.get(container.key) if container.key else None
    return isinstance(region, Place) and region.type == "AdministrativeRegion" and \
        region.country is not None and isinstance(state, Place) and state.type == "Country" \
        and state.key != region.country


def _listed_with_its_peer(ctx: Context, container: Mention) -> bool:
    """Whether a state or region after a town and a comma is an item of a list that goes on
    with a place of its own size: "visits to Kabul, Pakistan and India", "storms hit Texas,
    Mexico and Cuba" (no town in a state there); not "Mosul, Iraq and Raqqa, Syria", where
    a town comes next."""
    last = ctx.last_token(container)
    if last.dep_ != "conj":
        return False
    for child in last.children:
        peer = ctx.mention_at(child) if child.dep_ == "conj" else None
        if peer is not None and peer.id != container.id and \
                _size(ctx, peer) == _size(ctx, container):
            return True
    return False


def _sites_given_by_their_noun(ctx: Context, out: Relations) -> None:
    """"the Narita and Haneda airports in Tokyo", "Chicago's O'Hare and Midway airports", "the
    two Berlin airports": a site the gazetteer lacks, given with the noun of its kind
    (kg.extract.place_clues.site_noun_of_a_name), lies in the town, region or state that modifies
    the noun (a possessive, a compound) or that the noun's phrase with "in" names; not in one
    written "the three Boston-area airports" (an area's airports may lie in other towns)."""
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.key or mention.type != "Place":
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        noun = site_noun_of_a_name(span) if span is not None else None
        if noun is None:
            continue
        container = None
        first = span[-1]
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "Chicago's O'Hare and Midway airports": the list's owner
        owners = [*noun.children, *(c for c in first.children if c.dep_ == "poss")]
        for word in owners:
            found = ctx.mention_at(word) if word.dep_ in ("compound", "nmod", "poss") else None
            if found is not None and found.kind == "name" and ctx.last_token(found).i == word.i \
                    and found.type in ("City", "AdministrativeRegion", "Country"):
                container = found
                break
        if container is None:
            preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"),
                               None)
            container = _place_of_phrase(ctx, preposition) if preposition is not None else None
        if container is not None and container.id != mention.id and \
                container.type in ("City", "AdministrativeRegion", "Country"):
            out.relate(mention, "locatedIn", container,
                       ctx.evidence([ctx.first_token(mention), noun], "site-of-its-noun", 0.7))


@cache
def _town_part_nouns() -> frozenset[str]:
    """Lower-case nouns of a part of a town, after the town's possessive: "Sydney's west",
    "Adelaide's northern suburbs", "Paris' first arrondissement" (a district's or a side's
    word, or one of ``town-part-nouns.txt``)."""
    return frozenset(_TOWN_PARTS | _SIDES | lexicon().words("town-part-nouns.txt"))


def _places_in_apposed_descriptions(ctx: Context, out: Relations) -> None:
    """"Tarrowa, a mining town in Western Australia", "Kolnaya, a village in northern Nigeria",
    "Tarrowa, a town in the Pilbara": a town or place whose apposed description (a noun of a
    settlement or a part of a state) has a phrase with "in" lies in the larger place that
    phrase names (a town in a named region of the land too), when no other rule placed it;
    not "Kabul, a city in ruins"."""
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.id in placed or mention.type not in ("City", "Place"):
            continue
        last = ctx.last_token(mention)
        for noun in last.children:
            if noun.dep_ != "appos" or not noun.is_lower or noun.lemma_.lower() not in _PART_NOUNS:
                continue
            preposition = next((c for c in noun.children
                                if c.dep_ == "prep" and c.lower_ == "in"), None)
            container = _place_of_phrase(ctx, preposition) if preposition is not None else None
            if container is not None and container.id != mention.id and (
                    _size(ctx, container) > _size(ctx, mention) or mention.type == "City" and
                    named_area(ctx, container) is not None):  # "a town in the Pilbara"
                placed.add(mention.id)
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([last, noun, preposition], "place-apposed-description", 0.8))
                break


def _place_of_phrase(ctx: Context, preposition: Any) -> Mention | None:
    """The named place a prepositional phrase names: its object's mention ("in the southern Gaza
    Strip"), or the town whose part its object is ("in Paris' first arrondissement")."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    found = ctx.mention_at(obj)
    if found is None and obj.is_lower and obj.lower_ in _town_part_nouns():
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        found = ctx.mention_at(owner) if owner is not None else None
        if found is not None and found.type != "City":
            return None
    if found is None or found.kind != "name" or found.type not in PLACE_TYPES:
        return None
    return found


def _places_in_attached_phrases(ctx: Context, out: Relations) -> None:
    """"the Rafah border crossing with Egypt in the southern Gaza Strip", "the Theatre du
    Chatelet in Paris' first arrondissement": a place the parser gives a phrase with "in", past
    other phrases, lies in the larger place it names; a site or a feature the gazetteer lacks
    (not a sea, a region or a town) lies in the town it names. Places another rule placed are
    left as they are, and so is a site named after a town the article names (the town lies
    there: "the Woomera Detention Centre in outback South Australia")."""
    placed = {r.subject for r in out.relations if r.predicate == "locatedIn"}
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in ctx.mentions:
        if mention.kind != "name" or mention.id in placed or \
                mention.type not in ("City", "Place", "AdministrativeRegion"):
            continue
        last = ctx.last_token(mention)
        if _town_of_site(mention, last, towns) is not None:
            continue
        for preposition in last.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "in":
                continue
            container = _place_of_phrase(ctx, preposition)
            if container is None or container.id == mention.id:
                continue
            if _size(ctx, container) > _size(ctx, mention) or (
                    container.type == "City" and mention.type == "Place" and
                    not mention.key and named_area(ctx, mention) is None and
                    not is_large_feature(ctx, mention) and last.text not in WATER_WORDS):
                placed.add(mention.id)
                out.relate(mention, "locatedIn", container,
                           ctx.evidence([last, preposition], "place-in-attached-phrase", 0.7))
                break


def is_site(mention: Mention, last: Any) -> bool:
    """Whether a place the gazetteer lacks is a building or a site: by its last word ("Logan
    Airport", "Woomera Detention Centre", ``place-name-words.tsv``), or as the model saw it, a
    facility ("the Burswood Dome", "the Archer Sporting Complex")."""
    return mention.type == "Place" and not mention.key and (
        last.text in place_name_words("facility-last", "way-last", "way-last-surname") or
        last.ent_type_ == "FAC")


def _town_after(ctx: Context, index: int) -> Mention | None:
    """The town named from token ``index`` on, past a side of it: "Alice Springs", "west
    Jerusalem"."""
    doc = ctx.doc
    side = index < len(doc) and doc[index].is_lower and doc[index].lower_ in _SIDES
    for start in (index, index + 1) if side else (index,):
        town = ctx.mention_at(doc[start]) if start < len(doc) else None
        if town is not None and town.type == "City" and town.kind == "name" and \
                ctx.first_token(town).i in (index, start):
            return town
    return None


def _town_apposed_to_site(ctx: Context, index: int, last: Any) -> Mention | None:
    """The town named from token ``index`` on, after a site's name and a comma, that the parse
    makes the site's apposition and that ends the phrase: "Glasgow" in "a cafe on Carrick
    Lane, Glasgow, closed"; not an item of a list ("the Olympia Stadium, Athens and Rome"), nor
    the subject of what follows ("at Carrick Lane, Glasgow police said")."""
    doc = ctx.doc
    town = ctx.mention_at(doc[index]) if index < len(doc) else None
    if town is None or town.type != "City" or town.kind != "name" or \
            ctx.first_token(town).i != index:
        return None
    head = ctx.last_token(town)
    if head.dep_ not in ("appos", "conj") or head.head.i != last.i or \
            any(c.dep_ in ("conj", "cc") for c in head.children) or \
            head.dep_ == "conj" and any(c.dep_ == "cc" for c in last.children):
        return None  # an apposition, or a conjunct the parse gives no "and" ("X, Dublin, for")
    after = head.i + 1
    if after < len(doc) and not doc[after].is_punct:
        return None
    return None if _town_is_the_subject(doc, last, after) else town


def _town_is_the_subject(doc: Any, site: Any, comma: int) -> bool:
    """Whether a town after a site and a comma is rather the subject of the clause, a team in
    sports copy: "At Fenwick Park, Leeds, who had lost twice, won 3-0" ("who" is never said of
    a place), or a sentence opened by the site's phrase whose main verb finds no subject after
    the town ("In Harbour Road, Derby, unbeaten all year, drew"); not "At Harcourt Street,
    Dublin, crowds queued" (the clause has its own subject)."""
    if comma + 1 < len(doc) and doc[comma + 1].lower_ in ("who", "whose", "whom"):
        return True
    prep = site.head
    if site.dep_ != "pobj" or prep.i != site.sent.start:
        return False  # the site's phrase does not open the sentence: "a cafe on X, Y"
    return not any(t.dep_ in ("nsubj", "nsubjpass") and t.i > comma and t.head.dep_ == "ROOT"
                   and t.pos_ != "PRON" or t.dep_ == "expl" for t in site.sent)


def _town_of_site(mention: Mention, last: Any, towns: dict[str, Mention]) -> Mention | None:
    """The town the article names whose name begins a site's: "Woomera" for the "Woomera
    Detention Centre"."""
    if not is_site(mention, last):
        return None
    words = mention.text.split()
    return next((towns[" ".join(words[:size])] for size in (3, 2, 1)
                 if size < len(words) and " ".join(words[:size]) in towns), None)


def _possessive_place(ctx: Context, mention: Mention) -> Mention | None:
    """The named place whose possessive comes right before a smaller one: "Florida" in
    "Florida's Kennedy Space Centre", "Beijing" in "Beijing's Tiananmen Square", "Victoria" in
    "Victoria's Bendigo"; a town is no other town's ("Sydney's Bankstown" may be a suburb or
    a rival)."""
    first = ctx.first_token(mention)
    if first.i < 2 or first.nbor(-1).text not in ("'s", "\u2019s"):
        return None
    owner = ctx.mention_at(first.nbor(-2))
    if owner is None or owner.kind != "name" or owner.type not in PLACE_TYPES:
        return None
    after = ctx.last_token(mention).i + 1
    if after < len(ctx.doc) and ctx.doc[after].is_lower and ctx.doc[after].pos_ == "NOUN" and \
            ctx.doc[after].lower_ not in area_nouns():
        return None  # "Australia's Pacific solution": the name is a word of a policy's; but
        # "East Timor's Los Palos district" is a place
    order = {"Place": 0, "City": 1, "AdministrativeRegion": 2, "Country": 3}
    rank = 2 if is_container(ctx, owner) and owner.type == "Place" else order.get(owner.type, -1)
    return owner if rank > order.get(mention.type, 9) or (
        rank == order["City"] and mention.type == "Place") else None


def _city_part_after(ctx: Context, index: int) -> Mention | None:
    """The city whose part is named from token ``index`` on: "Adelaide's eastern suburbs",
    "Sydney's south-west"."""
    doc = ctx.doc
    found = ctx.mention_at(doc[index]) if index < len(doc) else None
    if found is None or found.type != "City" or found.kind != "name":
        return None
    after = ctx.last_token(found).i + 1
    if after + 1 >= len(doc) or doc[after].text not in ("'s", "\u2019s"):
        return None
    part = doc[after + 1]
    return found if part.is_lower and (part.lower_ in _SIDES or part.lower_ in (
        "suburbs", "suburb", "outskirts")) else None


def _capital_of(doc: Any, index: int) -> int | None:
    """Where the state begins in "the (provincial) capital of <state>" from token ``index``."""
    words = [t.lower_ for t in doc[index : index + 5]]
    for size in (3, 4):
        if len(words) >= size and words[0] == "the" and words[size - 2:size] == ["capital", "of"]:
            return index + size
    return None


def _coast_after(ctx: Context, container: Mention) -> bool:
    """Whether a coast follows a state: "on Tasmania's east coast", "on the NSW south coast"."""
    doc = ctx.doc
    after = ctx.last_token(container).i + 1
    return any(t.lower_ in ("coast", "coastline", "shore") for t in doc[after : after + 4])


def capitals_of_demonyms(ctx: Context, out: Relations) -> None:
    """"the French capital", "the Afghan capital, Kabul", "the Norwegian capital of Oslo": the
    state's capital, where the article names it, lies in the state its adjective names (and the
    state is then a place of the article, though named only by the adjective)."""
    doc = ctx.doc
    towns = {m.key: m for m in ctx.mentions if m.kind == "name" and m.type == "City" and m.key}
    for mention in ctx.mentions:
        if mention.kind != "demonym" or mention.type != "Country" or not mention.key:
            continue
        last = ctx.last_token(mention)
        if last.i + 1 >= len(doc) or doc[last.i + 1].lower_ != "capital" or \
                doc[last.i + 1].dep_ == "compound" or doc[last.i + 1].pos_ != "NOUN":
            continue  # not "the Australian capital gains tax"
        state = ctx.gazetteer.get(mention.key)
        capital = towns.get(state.capital or "") if isinstance(state, Place) else None
        if capital is not None:
            out.relate(capital, "locatedIn", mention,
                       ctx.evidence([last, ctx.first_token(capital)], "capital-of-demonym", 0.8))
        elif isinstance(state, Place) and _a_capital_told_as_a_place(ctx, mention):
            _state_of_an_unnamed_capital(ctx, out, mention, state)


def _a_capital_told_as_a_place(ctx: Context, mention: Mention) -> bool:
    """Whether "<demonym> capital" is the city, told with "the" after a preposition of place
    ("north of the Indian capital", "flights to the Chinese capital"), not money ("Indian
    capital flowed abroad", "the Chinese capital flowing into mines": "the" alone does not
    tell the city)."""
    first = ctx.first_token(mention)
    if first.i == 0 or ctx.doc[first.i - 1].lower_ != "the":
        return False
    noun = ctx.doc[ctx.last_token(mention).i + 1]  # "capital"
    return noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPOSITIONS


_PLACE_PREPOSITIONS = frozenset({
    "in", "into", "to", "from", "of", "near", "at", "outside", "around", "across", "inside",
    "toward", "towards", "through", "within", "beyond", "throughout", "on"})
"""Prepositions whose object is a place ("streets of the Indian capital"): a closed class."""


def _state_of_an_unnamed_capital(ctx: Context, out: Relations, mention: Mention,
                                 state: Place) -> None:
    """"Pilgrims reached Agra, 200 km south of the Indian capital": a state named only by the
    adjective of its capital, which the story does not name, is still a place of the story,
    so the first named place the gazetteer puts in it, and in nothing smaller the story names,
    lies in it (the state's other places then follow from gazetteer_containment). Not where the
    story names the state itself: its name is the place then."""
    gazetteer = ctx.gazetteer
    named = {m.key for m in ctx.mentions if m.kind == "name" and m.key and m.type in PLACE_TYPES}
    if state.key in named:
        return
    for place_mention in ctx.mentions:
        if place_mention.kind != "name" or not place_mention.key or \
                place_mention.type not in PLACE_TYPES:
            continue
        place = gazetteer.get(place_mention.key)
        chain = place.containers if isinstance(place, Place) else ()
        if state.key not in chain or any(k in named for k in chain[:chain.index(state.key)]):
            continue
        out.relate(place_mention, "locatedIn", mention,
                   ctx.evidence([ctx.first_token(place_mention), ctx.last_token(mention)],
                                "state-of-unnamed-capital", 0.8))
        return


def places_named_after_states(ctx: Context, out: Relations) -> None:
    """"the Russian Far East", "Iraqi Kurdistan", "the New South Wales Hunter Valley": a place
    whose name begins with a state's or region's name or adjective lies in it, when the
    article names it (a sea or gulf does not); a site whose name begins with the name of a town
    the article names lies in the town ("Woomera Detention Centre", "Wollongong Hospital")."""
    gazetteer = ctx.gazetteer
    states = {m.key: m for m in ctx.mentions if m.kind == "name" and m.type in CONTAINERS}
    towns = {m.text: m for m in ctx.mentions if m.kind == "name" and m.type in ("City", "Place")}
    for mention in ctx.mentions:
        if mention.type != "Place" or mention.kind != "name" or mention.key:
            continue
        words = mention.text.split()
        if len(words) < 2 or words[-1] in WATER_WORDS:
            continue
        for size in (3, 2, 1):
            prefix = " ".join(words[:size])
            state = gazetteer.demonym(prefix) or gazetteer.lookup(prefix)
            if size < len(words) and isinstance(state, Place) and state.type in CONTAINERS and \
                    state.key in states:
                out.relate(mention, "locatedIn", states[state.key],
                           ctx.evidence([ctx.first_token(mention)], "state-in-place-name", 0.7))
                break
            if size < len(words) and prefix in towns and \
                    words[-1] in place_name_words("facility-last"):
                out.relate(mention, "locatedIn", towns[prefix],
                           ctx.evidence([ctx.first_token(mention)], "town-in-site-name", 0.7))
                break


def places_in_framed_sentences(ctx: Context, out: Relations) -> None:
    """"In the Czech Republic, ... the Vlava river receded", "In southern Fremont, Kestrel Road
    is closed": a sentence that opens with "In" and a state, region or city sets where the
    places it names and the gazetteer lacks lie."""
    doc = ctx.doc
    for sentence in doc.sents:
        first = next((t for t in sentence if not t.is_space), None)
        if first is None or first.lower_ != "in":
            continue  # the sentence's other words read only after an opening "In"
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < 3:
            continue
        start = 2 if tokens[1].lower_ == "the" else 1
        while start + 1 < len(tokens) and (
                tokens[start].is_lower and tokens[start].lower_ in _SIDES or
                tokens[start].text == "-"):
            start += 1  # "In north-western Sydney", "In the far north"
        frame = ctx.mention_at(tokens[start])
        if frame is None or frame.kind != "name" or not (
                is_container(ctx, frame) or frame.type == "City" and frame.key):
            continue
        after = ctx.last_token(frame).i + 1
        if after >= len(doc) or doc[after].text != "," and tokens[0].head.dep_ != "ROOT":
            continue  # "In Sydney, ...", "In Sydney only residents may ...": the whole clause
        for mention in ctx.mentions:
            if mention.kind == "name" and not mention.key and mention.type in ("City", "Place") \
                    and sentence.start_char <= mention.start < sentence.end_char:
                out.relate(mention, "locatedIn", frame,
                           ctx.evidence([tokens[0], ctx.first_token(mention)], "in-frame", 0.6))


# Nouns after a region's name that the region's bearing from a town may follow: "the Hawkesbury
# area north of Sydney".
REGION_NOUNS = {"area", "region", "district", "valley"}


def is_region(mention: Mention, last: Any) -> bool:
    """Whether a place the gazetteer lacks may be a region or a feature of the land: not a sea
    or a gulf by its last word, nor a building, a site or a road (``is_site``: "Wollongong
    Hospital", "Appin Road")."""
    return mention.type == "Place" and last.text not in WATER_WORDS and \
        not is_site(mention, last)


def is_large_feature(ctx: Context, mention: Mention) -> bool:
    """Whether a place the gazetteer lacks is a large feature of the land or a region, by the
    last word of its name or the noun after it: "the Hawkesbury River", "the Latrobe Valley",
    "the Herberton Range", "the Hunter region", "the Shoalhaven area". A small feature ("Mount
    X", "X Gully", "X Creek", "X Dam") lies in whatever local area the story names, and a sea, a
    road or a building is no part of the land."""
    doc = ctx.doc
    first, last = ctx.first_token(mention), ctx.last_token(mention)
    if mention.type != "Place" or mention.kind != "name" or mention.key or \
            not is_region(mention, last):
        return False
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return last.i > first.i and last.text in _LARGE_FEATURE_WORDS or \
        after is not None and after.is_lower and after.lower_ in REGION_NOUNS | {"river", "coast"}


# Last words of the name of a feature of the land larger than a town's surroundings.
_LARGE_FEATURE_WORDS = frozenset({"River", "Valley", "Range", "Ranges", "Mountains", "Peninsula",
                                  "Desert"})
