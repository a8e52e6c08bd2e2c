"""An event's participants in their roles (agent, participant, origin, destination, location)."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, Context
from kg.extract.coreference import body_for_pronoun
from kg.extract.entities import argument_mention
from kg.lexicon import lexicon
from kg.model import Mention

MOVEMENT = {"Defection", "Migration", "Visit"}
LEAVING = {"Defection", "Migration"}
REPORTING = frozenset({"Report", "Statement", "Publication", "Interview"})
"""Events in which someone says or publishes something: their agent is a source."""
INTERVIEW_ANCHORS = frozenset({"agent", "participant", "publisher"})
"""The roles of one of whom an interview must name to be an occasion: who speaks, asks or airs
it ("an interview in Doha", "an interview on Monday" name no one)."""
_TOWNS = ("city", "town")
"""Nouns by which a story names again the town it told of."""
_FROM_THE_PLACE = REPORTING | {"Launch"}
"""Events whose "from" is where they happened: "reported from Baghdad", "launched from Baikonur"."""
LOCATIVE = ("in", "at", "near", "inside", "outside", "off", "across", "throughout")
"""Prepositions whose object is where an event happened."""
_ON_THE_PLACE = {"Death", "Disaster", "Arrest", "Landing", "Migration"}
"""Events whose "on" is where they happened ("died on the roads of Victoria", "landed on
Christmas Island"), not what they are about ("talks on Syria") or aimed at ("sanctions on Iran")."""
_OVER_THE_PLACE = {"War", "Attack"}
"""Events whose "over" is where they happened, fought in the air ("the air war over
Afghanistan", "raids over Baghdad"), not what they are about ("talks over Kashmir")."""
_DURING = ("during", "amid", "amidst")
"""Prepositions of the occasion an event happened at, whose place is the event's: "killed
during an attempted coup in Haiti", "arrested amid protests in Cairo"."""
_SPEAKING_FOR = ("spokesman", "spokeswoman", "spokesperson", "representative", "lawyer")
"""Persons who speak "for" a body: "a spokesman for the Red Cross"."""
_TARGETED = {"Attack", "Sanction", "Tariff", "Protest", "Trial", "War"}
"""Events aimed at someone: "sanctions against Iran", "an attack on the embassy", "charges
against the mayor", "Hamas's war against Israel"."""
NOT_THE_AGENTS_VERB = ("over", "for", "about", "after", "before", "since", "despite", "amid",
                        "following", "against", "because")
"""Prepositions by which a verb gives the reason or time of an event noun, not takes part in it:
"Washington rebuked Moscow over the bombings" (Washington did not bomb)."""
STATE_IS_THE_PLACE = {"Election", "Disaster", "Protest"}
"""Events a state's name or adjective on their noun places: "the Peruvian election", "Chile's
worst drought", "Argentina's food riots"."""
STATE_ACTS = {"Attack", "War", "Sanction", "Tariff"}


@cache
def _documents() -> frozenset[str]:
    """The nouns of documents that speak for their writers (the lexicon's Report
    ``speaking_subjects``: "the report said", "a new study shows")."""
    return frozenset((lexicon().events.triggers.get("Report") or {}).get("speaking_subjects") or [])


@cache
def _people_in_arms() -> frozenset[str]:
    """The nouns of armed people, not things of war: the lexicon's ``armed`` less its
    ``things_of_war`` ("troops", "forces", "soldier", not "warplane"), and the members of
    forces (``force-members.tsv``: "troops", "soldiers")."""
    entries = lexicon().events.triggers.values()
    armed = {word for entry in entries for word in entry.get("armed") or []}
    arms = {word for entry in entries for word in entry.get("things_of_war") or []}
    return frozenset((armed - arms) | set(lexicon().classes("force-members.tsv")))


def done_to(ctx: Context, type_: str) -> bool:
    """Whether the one an event noun belongs to is the one it is done to (the lexicon's
    ``of_is_patient``): "the arrest of Diaz", "Diaz's trial"."""
    return bool((lexicon().events.triggers.get(type_) or {}).get("of_is_patient"))


def of_is_object(type_: str, trigger: Any) -> bool:
    """Whether an event noun's "of" names the one its deed is done to while a possessive names
    its doer (the lexicon's ``of_is_object``): "Microsoft's acquisition of Activision", not
    "the merger of Exxon and Mobil"."""
    nouns = (lexicon().events.triggers.get(type_) or {}).get("of_is_object") or ()
    return trigger.pos_ == "NOUN" and trigger.lemma_.lower() in nouns


def prep_objects(prep: Any) -> list[Any]:
    """The objects of a preposition, with the ones joined to them: "with Iran and Iraq"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for obj in list(objects):
        objects.extend(c for c in obj.children if c.dep_ == "conj")
    return objects


_BETWEEN_SIDES = {"War", "Meeting", "Agreement", "Treaty", "Ceasefire"}
"""Events between sides, which a "their" gives when the sentence has named the sides joined
before it: "tensions between India and Pakistan ... since their 1971 war"."""


def _sides_for_their(ctx: Context, token: Any) -> list[Any]:
    """The states or bodies a possessive "their" stands for: the last pair (or more) of them the
    sentence joins by "and" before it ("India and Pakistan"); none when there is no such pair."""
    if token.lower_ != "their" or token.pos_ != "PRON":
        return []
    found: list[Any] = []
    for first in token.sent:
        if first.i >= token.i or first.dep_ == "conj":
            continue
        joined = [first, *(c for c in first.children if c.dep_ == "conj" and c.i < token.i)]
        bodies = [t for t in joined if (m := ctx.mention_in(t)) is not None and m.kind == "name"
                  and m.type in (*ORGANIZATION_TYPES, "Country")]
        if len(joined) >= 2 and len(bodies) == len(joined):
            found = bodies
    return found


def _named_with_the_noun(ctx: Context, description: Mention, token: Any) -> Mention | None:
    """The one body named before whose name ends in the noun a description takes up again:
    "the Community and Public Sector Union ... the union says" (the union, not the body named
    last); None when none or several do."""
    noun = token.lower_
    named = {m.text: m for m in ctx.mentions if m.kind == "name" and m.end <= description.start
             and m.type in ORGANIZATION_TYPES and m.text.lower().split()[-1:] == [noun]}
    return next(iter(named.values())) if len(named) == 1 else None


def _named_in_the_description(ctx: Context, description: Mention, token: Any) -> Mention | None:
    """The body a description names by a capitalised word before its noun, which the entities
    left unnamed: "the FNV union said", "the Kesko retail group said" (FNV, Kesko, of the
    description's type); None when the word is already a mention (a place, a state's
    adjective: "the Lagos police", "the Dutch union"), is not a proper noun, or the noun is
    capitalised too ("the Coalition Government said": the entity stage reads that phrase)."""
    if not token.is_lower:
        return None  # "the Coalition Government said": a capitalised body noun, no name before it
    names = [c for c in token.children
             if c.dep_ == "compound" and c.i < token.i and c.tag_ == "NNP"]
    if len(names) != 1 or not names[0].text[:1].isupper():
        return None
    name = names[0]
    span = [t for t in ctx.doc[name.left_edge.i:name.i + 1]
            if t.dep_ in ("compound", "flat") or t.i == name.i]
    if any(ctx.mention_at(t) not in (None, description) or t.tag_ != "NNP" for t in span):
        return None
    return ctx.add_mention(span, description.type, kind="name")


class Builder:
    """Assembles one event's roles from the tokens around its trigger."""

    def __init__(self, ctx: Context, type_: str, trigger: Any) -> None:
        self.ctx = ctx
        self.type = type_
        self.trigger = trigger
        self.roles: list[tuple[str, str]] = []
        self.tokens: list[Any] = [trigger]
        self.subject = False  # a grammatical subject, named or not ("5.1 million people fled")
        self.rule: str | None = None  # the rule that found it, when not the lexicon's trigger
        self.suffix = ""  # tells apart the second event of one trigger ("killed": attack, death)
        self.confidence: float | None = None
        self.anchored = False  # a noun told as done by its verb, though nobody is named in it

    def add(self, role: str, token: Any) -> Mention | None:
        if role == "agent" and self.type == "Protest" and _people_at_work(self.ctx, token):
            # "Ford workers went on strike": they strike, not their employer, whose name still
            # tells that people struck
            self.anchored = self.anchored or self.ctx.mention_in(token) is not None or any(
                _employers(self.ctx, token))
            return None
        named = _apposed_name(self.ctx, token)
        if named is not None:  # "a Kremlin spokesman, Dmitri Orlov, said": Orlov, not the Kremlin
            return self.add(role, named)
        mention = argument_mention(self.ctx, token)
        if mention is not None and mention.kind == "description":
            mention = _named_with_the_noun(self.ctx, mention, token) or (
                _named_in_the_description(self.ctx, mention, token) if role == "agent" else None
            ) or mention
        if mention is None:
            sides = _sides_for_their(self.ctx, token) if self.type in _BETWEEN_SIDES else []
            for side in sides:  # "India and Pakistan ... their 1971 war": both sides
                self.add(role, side)
            if sides:
                return argument_mention(self.ctx, sides[0])
            antecedent = body_for_pronoun(self.ctx, token)
            if antecedent is not None:
                return self.add(role, antecedent)
            if role in ("agent", "participant"):
                self._body_of_unnamed(role, token)
            return None
        if role == "agent" and self.type in REPORTING and self._place_acts(mention):
            return None  # a town says nothing: "Aleppo said" is a misread subject
        if self.type == "Death" and role in ("agent", "participant") and \
                mention.type in ORGANIZATION_TYPES:
            return None  # a body does not die: "killed an ISIS leader" (the leader died)
        if role == "participant" and self.type in ("Death", "Attack") and \
                mention.type in PLACE_TYPES and mention.type != "Country" and any(
                    c.dep_ in ("compound", "amod") and self.ctx.mention_at(c) is mention
                    for c in token.children):
            return None  # "a Bendigo woman killed in the canyon disaster": her home town
        if role in ("agent", "participant") and self._place_acts(mention) and (
                role == "agent" or self.type == "Death"):
            # a town does nothing and dies of nothing, it is where it happened: "Illawarra
            # police arrested" (a state stands for its people)
            return None if self.has("location") else self.add("location", token)
        if mention.kind == "demonym" and role in ("agent", "participant") and token.dep_ != "amod":
            # "North Koreans who defected": the people come from the state; they are not it.
            if self.type not in MOVEMENT or self.has("origin"):
                return None
            role = "origin"
        if role in ("agent", "participant") and self.type not in MOVEMENT and \
                self._people_of_a_state(mention, token):
            return None  # "US officials met", "three US soldiers were killed": people, not the state
        if role == "destination" and self._people_of_a_state(mention, token):
            return None  # "her visit to US marines near Herat": to the marines, not their state
        if role in ("origin", "destination", "location") and mention.type not in PLACE_TYPES:
            if mention.type in ("Person",):
                return None
        if (role, mention.id) not in self.roles:
            self.roles.append((role, mention.id))
            self.tokens.append(token)
            for child in token.children:
                if child.dep_ == "conj":
                    self.add(role, child)
        return mention

    def add_named(self, role: str, token: Any) -> Mention | None:
        """A role for a named argument only, as the rules that read who took part from a
        clause's form give it ("Diaz, arrested in Lyon"): "six teenagers killed" names nobody."""
        mention = self.ctx.mention_in(token)
        if mention is None or mention.kind != "name":
            return None
        return self.add(role, token)

    def _people_of_a_state(self, mention: Mention, token: Any) -> bool:
        """Whether a state's name stands before a noun of people as where they come from: "US
        officials", "three US soldiers", "US forces" (data/gold/README.md, "Adjective-only
        actors": the people are unnamed, the state is no participant); not before a thing of war
        ("US warplanes bombed": the state attacks), nor a body of its own ("the US embassy")."""
        if mention.type != "Country" or mention.kind != "name" or token.pos_ != "NOUN" or \
                self.ctx.mention_at(token) is not None:
            return False
        nouns = (token.lemma_.lower(), token.lower_)
        return any(noun in self.ctx.gazetteer.occupations or noun in _people_in_arms()
                   for noun in nouns)

    def _place_acts(self, mention: Mention) -> bool:
        """Whether an agent is a place below a state, which never speaks or acts; a capital
        speaks for its state ("Beijing said") and a state for its government."""
        if mention.type not in PLACE_TYPES or mention.type == "Country":
            return False
        return mention.key is None or self.ctx.gazetteer.capital_of(mention.key) is None

    def _body_of_unnamed(self, role: str, token: Any) -> None:
        """An unnamed person or group stands for the body it is said to belong to: "officials
        from the Red Cross said", "talks with leaders of the Greens", "scientists at CERN
        published", "a spokeswoman for Acme said" (the Red Cross, the Greens, CERN and Acme take
        part); a document for the body that wrote it: "the study by the ANU shows", "the report
        issued by the Grattan Institute says"."""
        if token.pos_ != "NOUN":
            return
        preps = list(token.children)
        if token.lemma_.lower() in _documents():  # "the study by the ANU", "a report issued by X"
            preps += [c for clause in token.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
                      for c in clause.children if c.dep_ == "agent"]
        for prep in preps:
            if prep.dep_ in ("prep", "agent") and (prep.lower_ in ("of", "from", "at") or (
                    prep.lower_ == "for" and token.lemma_.lower() in _SPEAKING_FOR) or (
                    prep.lower_ == "by" and token.lemma_.lower() in _documents())):
                for obj in prep_objects(prep):
                    body = self.ctx.mention_in(obj)
                    if body is not None and body.kind == "name" and \
                            body.type in (*ORGANIZATION_TYPES, "Country"):
                        self.add(role, obj)
        if token.lemma_.lower() in _documents() and not self.has(role):
            self._writers_told_after(role, token)

    def _writers_told_after(self, role: str, document: Any) -> None:
        """The bodies the next sentence names as writing a new document, when it takes the
        document up again: "A new study shows ... The study conducted by the ANU for the Bureau
        of Statistics is the first" (the ANU wrote it, for the Bureau); only a document the
        sentence introduces ("a new study"), in the same paragraph."""
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in document.children):
            return
        sentence = self.ctx.sentence_of(document)
        if sentence + 1 >= len(self.ctx.sentences) or "\n" in self.ctx.article.text[
                self.ctx.sentences[sentence].end:self.ctx.sentences[sentence + 1].start]:
            return
        for again in self.ctx.tokens_of(sentence + 1):
            if again.lemma_ != document.lemma_ or not any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") for c in again.children):
                continue
            for clause in [c for c in again.children if c.dep_ == "acl" and c.tag_ == "VBN"]:
                for prep in clause.children:
                    if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "for"):
                        for obj in prep_objects(prep):
                            body = self.ctx.mention_in(obj)
                            if body is not None and body.kind == "name" and \
                                    body.type in (*ORGANIZATION_TYPES, "Country"):
                                self.add(role if prep.dep_ == "agent" else "participant", obj)
            return

    def prepositions(self, head: Any) -> None:
        for child in head.children:
            if child.dep_ not in ("prep", "agent", "dative"):
                continue
            word = child.lower_
            for obj in prep_objects(child) if child.dep_ != "dative" else [child]:
                site = self.site_told_before(obj) if word in LOCATIVE else None
                if word == "from" and self.type in _FROM_THE_PLACE and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))  # "reported from Baghdad"
                elif word == "from":
                    self.add("origin", obj)
                elif word in ("to", "into") and self.type in MOVEMENT:
                    self.add("destination", obj)
                    self.prepositions(obj)  # "made their way to the area from Jordan"
                elif site is not None:
                    self.add_place(site)  # "attacks at the centre"
                elif (word in LOCATIVE or (word == "on" and self.type in _ON_THE_PLACE) or (
                        word == "over" and self.type in _OVER_THE_PLACE)) and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))  # "died on Queensland roads"
                elif word in _DURING and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))  # "killed during a coup in Haiti"
                elif word == "with":
                    self.add("participant", obj)  # "talks with X"
                elif word == "between":
                    self.add("agent", obj)  # "meetings between X and Y": both sides act
                elif word in ("on", "against") and self.type in _TARGETED:
                    place = self.place_of(obj, owners=False)
                    if self.type == "Attack" and place is not None and (
                            place is obj or self.ctx.mention_in(obj) is None):
                        self.add("location", place)  # "an attack on Kabul"
                    else:  # "an attack on India's parliament": the parliament is attacked
                        self.add("participant", obj)  # "sanctions against Iran"
                elif word == "by":
                    self.add("publisher" if self.type in REPORTING else "agent", obj)
                    if self.type not in REPORTING and not self.has("location"):
                        self._where_the_agent_was(obj)  # "a stabbing by an intruder in his home"
                elif child.dep_ == "dative" or (word == "to" and self.type in REPORTING):
                    self.add("participant", obj)
                elif word == "of" and self.trigger.pos_ in ("NOUN", "PROPN") and \
                        self.type not in MOVEMENT and self.place_of(obj, owners=False) is not None:
                    self.add("location", self.place_of(obj, owners=False))  # "of Georgian villages"
                elif word == "of" and self.trigger.pos_ in ("NOUN", "PROPN"):
                    # "the arrest of Diaz": the one arrested, not the arrester; "the acquisition
                    # of Activision": the one bought
                    done = done_to(self.ctx, self.type) or (
                        of_is_object(self.type, self.trigger) and not self._attacks_a_target(obj))
                    self.add("participant" if done else "agent", obj)

    def _attacks_a_target(self, doer: Any) -> bool:
        """Whether the object of an event noun's "of" is a body or a state the noun gives a
        target "on" or "against" (no date): the doer, though "of" names the one the deed is
        done to elsewhere ("the assault of Hezbollah on the border post", "the assault of the
        3rd Division on Falluja"; not "the shooting of Tom Reyes on Friday", "the assault of a
        nurse on a tram")."""
        found = self.ctx.mention_in(doer)
        if found is None or found.type not in (*ORGANIZATION_TYPES, "Country"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            o.ent_type_ not in ("DATE", "TIME") for o in prep_objects(c))
            for word in (self.trigger, doer) for c in word.children)

    def _where_the_agent_was(self, agent: Any) -> None:
        """The place a "by" agent of an event noun is said to be in, which the parser hung on
        the agent: "a stabbing by an intruder in his UK home", "an attack by gunmen in Kabul"."""
        if self.trigger.pos_ in ("NOUN", "PROPN"):
            self.locate_by(list(agent.children))

    def locate_by(self, preps: list[Any], owners: bool = True) -> bool:
        """The location the first locative preposition of these with a place gives: "in Kabul";
        with ``owners``, also the place that owns its object: "at Australia's airports"."""
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                place = next((self.place_of(o, owners) for o in prep_objects(prep)
                              if self.place_of(o, owners) is not None), None)
                if place is not None:
                    self.add("location", place)
                    return True
        return False

    def site_told_before(self, token: Any) -> Mention | None:
        """The named site a definite common noun takes up again: "the Woomera Detention
        Centre ... attacks at the centre", "Kabul International Airport ... a blast at the
        airport" (the latest place named before whose name ends in that noun; words before the
        noun must be in the name: "the Woomera centre")."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                            for c in token.children):
            return None
        told = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
        sites = [m for m in self.ctx.mentions if m.end <= token.idx and m.kind == "name"
                 and m.type in PLACE_TYPES and m.type != "Country" and len(m.text.split()) > 1
                 and m.text.split()[-1].lower() == token.lower_
                 and all(word in m.text.lower().split() for word in told)]
        return sites[-1] if sites else None

    def add_place(self, place: Mention) -> None:
        """Where the event happened, a place named elsewhere in the article."""
        if ("location", place.id) not in self.roles:
            self.roles.append(("location", place.id))

    def prepositions_of_place(self, head: Any) -> None:
        """The location the locative prepositions of another word give: "a tree fell on them
        at a reserve in Hornsby" (for the deaths it caused)."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                for obj in prep_objects(prep):
                    site = self.site_told_before(obj)
                    if site is not None:
                        self.add_place(site)
                    elif self.place_of(obj) is not None:
                        self.add("location", self.place_of(obj))

    def _is_place(self, token: Any) -> bool:
        mention = self.ctx.mention_in(token)
        return mention is not None and mention.type in PLACE_TYPES

    def place_of(self, token: Any, owners: bool = True) -> Any | None:
        """The token naming the place a locative object means: the object itself ("in Lima"),
        or the place a common noun introduces ("in the besieged city of El Fasher", "in the
        capital, Kyiv"), or, with ``owners``, the place that owns it ("in Chile's north"): not
        for the one an event is done to ("the arrest of Kabul's mayor" is the mayor's)."""
        return self._place_in(token, 0, owners)

    def _place_in(self, token: Any, depth: int, owners: bool) -> Any | None:
        named = self.ctx.mention_at(token)
        if named is not None and named.type in PLACE_TYPES:
            return token
        if depth > 2 or token.pos_ not in ("NOUN", "PROPN"):
            return token if self._is_place(token) else None
        if self._is_place(token):  # "the West Bank city of Tulkarem": Tulkarem, the finer
            return self._finer_place(token, depth, owners, ("of",)) or token
        # the finest place first: "the Italian island of Lampedusa", "a freezer in Canada"
        finer = self._finer_place(token, depth, owners, ("of", *LOCATIVE))
        if finer is not None:
            return finer
        town = self._town_told_before(token)
        if town is not None:
            return town
        for child in token.children:
            if owners and child.dep_ in ("poss", "nmod") and self._is_place(child):
                return child  # "Chile's north", "the New South Wales south coast"
            if child.dep_ == "amod" and self._is_state_adjective(child):
                return child  # "Georgian villages": somewhere in Georgia
        return None

    def owner_place(self, token: Any) -> Any | None:
        """The place a thing is said to belong to: "Gaza's main market", "the city's main
        market" (the town told before)."""
        for child in token.children:
            if child.dep_ == "poss":
                return child if self._is_place(child) else self._town_told_before(child)
        return None

    def _town_told_before(self, token: Any) -> Any | None:
        """The town "the city" or "the town" takes up again: the latest city the article named
        before it ("El Fasher has been shelled for weeks ... fire hit the city's main market")."""
        if token.lemma_.lower() not in _TOWNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        towns = [m for m in self.ctx.mentions if m.end <= token.idx and m.type == "City"
                 and m.kind == "name"]
        return self.ctx.first_token(towns[-1]) if towns else None

    def _finer_place(self, token: Any, depth: int, owners: bool, preps: tuple[str, ...]
                     ) -> Any | None:
        """The place a noun's apposition or prepositions name: "the capital, Kyiv", "the
        city of El Fasher", "the West Bank city of Tulkarem" (finer than the West Bank)."""
        for child in token.children:
            if child.dep_ == "appos" and self._is_place(child):
                return child
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in prep_objects(child):
                    found = self._place_in(obj, depth + 1, owners)
                    if found is not None:
                        return found
        return None

    def _is_state_adjective(self, token: Any) -> bool:
        mention = self.ctx.mention_at(token)
        return mention is not None and mention.type == "Country" and mention.kind == "demonym"

    def locate_from_arguments(self, verb: Any) -> None:
        """An event with no place of its own takes the one the subject or object of its verb
        is placed in: "fighting in Darfur killed 20", "shelling hit the market in Kherson",
        "farmers in Punjab staged a strike", or the one the object belongs to: "shelling hit
        Kherson's main market", "fire hit the city's main market" (the town told before); a
        leaving told only by where it left from happened there ("most of them fled
        Afghanistan")."""
        if any(role in ("location", "destination") for role, _ in self.roles):
            return
        if self._left_from(verb):
            return
        for argument in verb.children:
            if argument.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            modifiers = [c for c in argument.children if c.dep_ == "acl"]  # "papers filed in X"
            if self.locate_by([*argument.children, *[p for m in modifiers for p in m.children]],
                              owners=not self._words_about(argument)):
                return
        for argument in verb.children:
            owner = self.owner_place(argument) if argument.dep_ == "dobj" and \
                not self._words_about(argument) else None
            if owner is not None:
                self.add("location", owner)
                return

    def _left_from(self, verb: Any) -> bool:
        """Place a leaving at the one place it left from when it goes nowhere named: "most
        of them fled Afghanistan" (in Afghanistan); not "made their way to the area from
        Jordan and Syria", which goes somewhere and from several places."""
        origins = [ref for role, ref in self.roles if role == "origin"]
        mentions = self.ctx.mention_by_id()
        if self.type not in LEAVING or len(origins) != 1 or origins[0] not in mentions or \
                mentions[origins[0]].type not in PLACE_TYPES:
            return False
        heads = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]  # "made their way to"
        if any(c.dep_ == "prep" and c.lower_ in ("to", "into", "for") for h in heads for c in h.children):
            return False
        self.roles.append(("location", origins[0]))
        return True

    def _words_about(self, argument: Any) -> bool:
        """Whether a verb's argument is what words said or written are about, whose owner is
        then no place of the saying: "praised New York's diversity", "accuses Pakistan's
        intelligence", "criticising the handling of security at Australia's airports" (but
        "issued a statement in Geneva" is the event's own noun)."""
        return self.type in REPORTING and argument.dep_ == "dobj" and argument.i != self.trigger.i

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.roles)


def _people_at_work(ctx: Context, token: Any) -> bool:
    """Whether an unnamed noun names people by the work they do (``workforce-nouns.txt``, the
    occupations), not members of a body: "workers at the Ford plant", "Samsung employees",
    "nurses at Auckland Hospital". The body they work for or at is whom they strike against,
    not who strikes (data/gold/README.md: unnamed strikers take part unnamed); "members of
    the Transport Workers Union", "union members" strike as their union."""
    if token.pos_ != "NOUN" or ctx.mention_at(token) is not None:
        return False
    lemma = token.lemma_.lower()
    workforce = (lexicon().events.triggers.get("Protest") or {}).get("people_at_work") or []
    return lemma != "member" and (lemma in lexicon().words("workforce-nouns.txt")
                                  or lemma in ctx.gazetteer.occupations or lemma in workforce)


def _employers(ctx: Context, token: Any) -> list[Mention]:
    """The named bodies a noun of people at work is "at", "of" or "from": "workers at the Ford
    plant", "staff of Qantas"."""
    return [body for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at")
            for obj in prep_objects(prep) for body in [ctx.mention_in(obj)]
            if body is not None and body.kind == "name" and body.type in ORGANIZATION_TYPES]


def _apposed_name(ctx: Context, token: Any) -> Any | None:
    """The person an unnamed common noun is apposed to: "the head of the agency, David Amsel",
    "its spokeswoman, Lena Holm", also when the parser hung the name on the body the noun is
    of ("the president of France, Emmanuel Morel": not France, but Morel), also when the
    parser took the title for a name ("President of the Hazara Society, Hassan Ghulam")."""
    if token.pos_ not in ("NOUN", "PROPN") or (
            token.pos_ == "PROPN" and ctx.mention_at(token) is not None):
        return None
    bodies = _bodies_of(ctx, [token])
    bodies += _bodies_of(ctx, bodies)  # "of the Hazara Society of Australia, Hassan Ghulam"
    for child in [c for t in (token, *bodies) for c in t.children]:  # hung on the body:
        if child.dep_ == "appos":  # "the president of France, Emmanuel Morel"
            mention = ctx.mention_in(child)
            if mention is not None and mention.kind == "name" and mention.type == "Person":
                return child
    return None


def _bodies_of(ctx: Context, heads: list[Any]) -> list[Any]:
    """The states and bodies these nouns are "of", "at", "for" or "to": "the head of the agency"."""
    return [o for head in heads for c in head.children if c.dep_ == "prep"
            and c.lower_ in ("of", "at", "for", "to") for o in c.children
            if o.dep_ == "pobj" and ctx.mention_in(o, ("Country", *ORGANIZATION_TYPES)) is not None]


def relative_antecedent(ctx: Context, pronoun: Any, clause: Any) -> Any | None:
    """What a relative pronoun stands for: the noun its clause qualifies; but "who" is never a
    place ("Aleppo, who said" is a parse that hung a person's clause on the city)."""
    head = clause.head
    place = ctx.mention_in(head, PLACE_TYPES)
    if pronoun.lower_ in ("who", "whom") and place is not None and place.kind == "name":
        return None  # but "North Koreans who defected" are people
    return head


def state_modifier(builder: Builder, modifier: Any) -> None:
    """A state in an event noun's modifier: "the Russian bombing", "the US-led offensive" (the
    state acts), "the Peruvian election", "the Chilean earthquake" (the state is the place)."""
    ctx = builder.ctx
    if modifier.lemma_.lower() in lexicon().words("event-sponsors.txt"):  # "the US-led offensive"
        doers = [c for c in modifier.children
                 if c.dep_ in ("npadvmod", "compound") and ctx.mention_in(c) is not None]
        doc = modifier.doc
        if not doers and modifier.i >= 2 and doc[modifier.i - 1].text == "-" and \
                ctx.mention_in(doc[modifier.i - 2]) is not None:
            doers = [doc[modifier.i - 2]]  # "the UN-sponsored Afghan talks", parsed as siblings
        for doer in doers:
            builder.add("agent", doer)
        return
    state = ctx.mention_at(modifier)
    if state is None or state.type != "Country" or state.kind != "demonym":
        return
    if builder.type in STATE_IS_THE_PLACE:
        builder.add("location", modifier)
    elif builder.type in STATE_ACTS:
        builder.add("agent", modifier)


def past_dateline(ctx: Context, subject: Any) -> Any | None:
    """The real subject when the parser took another word for it: none for a noun inside the
    first subject's open relative clause (:func:`_inside_an_open_clause`), the speaker apposed
    to a list of places (:func:`_speaker_after_a_list`), or past the dateline: "NAIROBI, May 3
    (Reuters) - Minister X said" parses X as an apposition (or a conjunct) of NAIROBI; the city, and the
    state or date after it ("GAVDOS, Greece, May 2 —") or the wire credit in brackets
    ("SAN FRANCISCO (AP) —"), say nothing."""
    if _inside_an_open_clause(subject):
        return None
    speaker = _speaker_after_a_list(ctx, subject)
    if speaker is not None:
        return speaker
    dateline = ctx.opening_dateline()
    if dateline is None or ctx.mention_at(subject) is not dateline:
        return subject
    return next((c for c in subject.children if c.dep_ in ("appos", "conj")
                 and c.ent_type_ != "DATE" and ctx.mention_in(c, PLACE_TYPES) is None
                 and not _in_brackets(c)), None)  # "SAN FRANCISCO (AP) —": the wire's credit


def _inside_an_open_clause(subject: Any) -> bool:
    """Whether a second subject of a verb stands inside the relative clause of its first, which
    no comma closes, so that the parser took the clause's last noun for a subject of its own
    (rule event-subject-in-open-clause): "Tom Reyes, who replaced striker Ana Ruiz says he is
    fit" (Reyes says it, not Ruiz); not two subjects joined ("Reyes and Ruiz say")."""
    if subject.dep_ != "nsubj":
        return False
    return any(other.dep_ == "nsubj" and other.i < subject.i and any(
        clause.dep_ == "relcl" and clause.i < subject.i for clause in other.children)
        for other in subject.head.children)


_SPEAKER_TYPES = ("Person", *ORGANIZATION_TYPES)


def _speaker_after_a_list(ctx: Context, subject: Any) -> Any | None:
    """The speaker the parser hung as an apposition on the last places of a list that ends an
    attributed sentence, taking those places for the subject (rule event-speaker-after-a-list):
    "the flu has killed 300 in Peru, Chile and Bolivia, the World Health Organization says"
    (the WHO says it, not Chile); only a subject that carries on a list (a comma before it)
    and an apposed name that ends right before the verb."""
    verb = subject.head
    if subject.dep_ != "nsubj" or subject.left_edge.i == 0 or \
            subject.doc[subject.left_edge.i - 1].text != "," or \
            ctx.mention_in(subject, PLACE_TYPES) is None:
        return None
    for apposed in subject.children:
        found = ctx.mention_in(apposed, _SPEAKER_TYPES) if apposed.dep_ == "appos" else None
        if found is not None and found.kind == "name" and apposed.right_edge.i + 1 == verb.i:
            return apposed
    return None


def _in_brackets(token: Any) -> bool:
    """Whether a word stands between brackets right around it: a dateline's wire credit,
    "(AP)", "(Reuters)"."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
