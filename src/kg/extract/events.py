"""Events: trigger words from the lexicon, their participants, place and time from the parse."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.context import ORGANIZATION_TYPES, PLACE_TYPES, STRAIGHT, Context
from kg.extract.coreference import body_for_pronoun
from kg.extract.dates import duration, resolve_time
from kg.extract.entities import argument_mention
from kg.gazetteer import Gazetteer, Place
from kg.model import Event, Mention

_MOVEMENT = {"Defection", "Migration", "Visit"}
_LEAVING = {"Defection", "Migration"}
REPORTING = frozenset({"Report", "Statement", "Publication", "Interview"})
"""Events in which someone says or publishes something: their agent is a source."""
_FROM_THE_PLACE = REPORTING | {"Launch"}
"""Events whose "from" is where they happened: "reported from Baghdad", "launched from Baikonur"."""
_LOCATIVE = ("in", "at", "near", "inside", "outside", "off", "across", "throughout")
"""Prepositions whose object is where an event happened."""
_AT_THE_DATELINE = {"Statement", "Interview", "PressConference", "NoComment"}
"""Events that happen where the reporter is: at the dateline's place when the text says no other."""
_TARGETED = {"Attack", "Sanction", "Tariff", "Protest", "Trial"}
"""Events aimed at someone: "sanctions against Iran", "an attack on the embassy", "charges
against the mayor"."""
_NOT_THE_AGENTS_VERB = ("over", "for", "about", "after", "before", "since", "despite", "amid",
                        "following", "against", "because")
"""Prepositions by which a verb gives the reason or time of an event noun, not takes part in it:
"Washington rebuked Moscow over the bombings" (Washington did not bomb)."""
_STATE_IS_THE_PLACE = {"Election", "Disaster"}
_STATE_ACTS = {"Attack", "War", "Sanction", "Tariff"}
_NO_AGENT = {"Disaster"}
"""Events nobody does: the subject of the verb a disaster noun hangs off ("NHK reported the
quake", "Fiji braced for the cyclone") reports or suffers it."""
_STRIKING = ("hit", "strike", "ravage", "sweep", "batter", "devastate", "rock", "shake")
"""Verbs of a relative clause whose object is where the event noun happened: "the storm that
hit Fiji", "the worst drought to strike Kenya"."""
_RESULTS = ("death",)
"""Nouns of a verb's result ("shot a man to death"): the verb's event stays, the noun adds one."""
_ASPECTUAL = ("begin", "start", "open", "end", "close", "conclude", "finish", "resume")
"""Verbs of a relative clause that date the event noun they qualify: "talks, which resume today"."""
_GOING = ("arrive", "fly", "travel", "come", "go", "head", "return", "gather", "meet")
"""Verbs of going whose "for" names what the goer takes part in: "arrived for a state visit",
"flew to Geneva for talks" (not "rebuked Moscow for the bombing")."""
_ATTENDED = {"Meeting", "Visit", "PressConference", "Protest", "Interview", "Election"}
"""Events one takes part in by going to them (not a funeral or a trial one attends)."""
_OWNED_UP = ("responsibility", "credit", "blame")
"""Nouns by which a subject owns an event: "claimed responsibility for the attack"."""
_HYPOTHETICAL = ("would", "could", "might", "may", "should")
"""Modals by which a verb's object event is only possible: "would open talks"."""
_CONDITIONS = ("if", "unless")
_REFLEXIVE = ("himself", "herself", "themselves", "itself")
_DURATION_RE = re.compile(r"\b(\d+|[a-z]+)[\s-](day|week|month|year|decade|hour)s?\b", re.I)


class _Triggers:
    """The lexicon in a shape fit for lookup."""

    def __init__(self, lexicon: dict[str, dict[str, Any]]) -> None:
        self.verbs: dict[str, list[tuple[str, str | None]]] = {}
        self.nouns: dict[str, str] = {}
        self.phrases: list[tuple[re.Pattern[str], str]] = []
        self.needs: dict[str, set[str]] = {}
        self.needs_for_nouns: dict[str, set[str]] = {}
        self.needs_for_verbs: dict[str, set[str]] = {}
        self.named: set[str] = set()
        self.named_agent: set[str] = set()
        self.excluded: dict[str, set[str]] = {}
        self.excluded_under: dict[str, set[str]] = {}
        self.passive_death: set[str] = set()
        self.predicates: dict[str, str] = {}
        self.causes_of_death: set[str] = set()
        self.report_subjects: set[str] = set()
        self.unnamed_speakers: dict[str, set[str]] = {}
        self.speaking_bodies: dict[str, set[str]] = {}
        self.of_persons: dict[str, str] = {}
        self.kinds_anchor: set[str] = set()
        self.gatherings: set[str] = set()
        self.to_a_place: set[str] = set()
        self.kinds: dict[str, set[str]] = {}
        self.senses: dict[str, list[tuple[str, set[str], set[str]]]] = {}
        # Types whose triggers need a kind of thing ("launched a satellite") are tried first:
        # "the capsule landed" is a landing, "200 migrants landed" a migration.
        ordered = sorted(lexicon.items(), key=lambda item: not item[1].get("kinds"))
        for type_, entry in ordered:
            for verb in entry.get("verbs") or []:
                lemma, _, particle = verb.partition(" ")
                self.verbs.setdefault(lemma, []).append((type_, particle or None))
            for noun in entry.get("nouns") or []:
                self.nouns.setdefault(noun, type_)
            for phrase in entry.get("phrases") or []:
                self.phrases.append((re.compile(r"\b" + phrase, re.I), type_))
            self.needs[type_] = set(entry.get("needs") or [])
            self.needs_for_nouns[type_] = set(entry.get("needs_for_nouns") or [])
            self.needs_for_verbs[type_] = set(entry.get("needs_for_verbs") or [])
            if entry.get("named"):
                self.named.add(type_)
            if entry.get("named_agent"):
                self.named_agent.add(type_)
                self.unnamed_speakers[type_] = set(entry.get("unless_speaker") or [])
                self.speaking_bodies[type_] = set(entry.get("unless_body_speaks") or [])
            for word, dependents in (entry.get("unless_with") or {}).items():
                self.excluded.setdefault(word, set()).update(dependents)
            for word, heads in (entry.get("unless_under") or {}).items():
                self.excluded_under.setdefault(word, set()).update(heads)
            for word in entry.get("predicates") or []:
                self.predicates[word] = type_
            if type_ == "Death":
                self.passive_death.update(entry.get("passive_of") or [])
                self.causes_of_death.update(entry.get("caused_by") or [])
            if type_ == "Report":
                self.report_subjects.update(entry.get("speaking_subjects") or [])
            for verb in entry.get("verbs_of_persons") or []:
                self.of_persons[verb] = type_
            self.gatherings.update(entry.get("gatherings") or [])
            self.to_a_place.update(entry.get("verbs_to_a_place") or [])
            if entry.get("kinds_anchor"):
                self.kinds_anchor.add(type_)
            if entry.get("kinds"):
                self.kinds[type_] = set(entry["kinds"])
            for word, sense in (entry.get("senses") or {}).items():
                self.senses.setdefault(word, []).append(
                    (type_, set(sense.get("with") or []), set(sense.get("under") or [])))
        self.causes_of_death.update(noun for noun, type_ in self.nouns.items() if type_ == "Disaster")

    def verb_type(self, token: Any) -> tuple[str, str | None] | None:
        """The event type and particle a verb trigger stands for: the first of its senses whose
        kind of thing, when the lexicon asks for one, is among its arguments."""
        for type_, particle in self.verbs.get(token.lemma_.lower(), []):
            if type_ not in self.kinds or _of_kind(token, self.kinds[type_]):
                return type_, particle
        return None

    def noun_type(self, token: Any, compound: str) -> str | None:
        """The event type a noun trigger stands for, after its sense ("the teachers' strike" is
        a protest) and the kind of thing the lexicon asks of it ("the rocket launch")."""
        type_ = self.nouns.get(compound) or self.nouns.get(token.lemma_.lower()) or \
            self.nouns.get(token.lower_) or self.named_disaster(token)  # "talks", "Cyclone Freddy"
        if type_ is None:
            return None
        for other, modifiers, verbs in self.senses.get(token.lemma_.lower(), []):
            if _with_modifier(token, modifiers) or _under_verb(token, verbs):
                return other
        if type_ in self.kinds and not _of_kind(token, self.kinds[type_]):
            return None
        return type_

    def named_disaster(self, token: Any) -> str | None:
        """The disaster a name stands for when a disaster noun begins it: "Hurricane Otis",
        "Typhoon Haikui", "Cyclone Freddy"."""
        if token.pos_ != "PROPN":
            return None
        first = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i), None)
        if first is None or not first.text[:1].isupper():
            return None
        type_ = self.nouns.get(first.lemma_.lower())
        return type_ if type_ == "Disaster" else None

    def excluded_sense(self, token: Any) -> bool:
        """Whether a trigger word is used in a sense that is no event: "demonstrated an
        interest", "a demonstration of strength", "a heart attack" (the lexicon's
        ``unless_with``: dependency labels, or prepositions and modifiers by their word)."""
        dependents = self.excluded.get(token.lemma_.lower()) or set()
        if dependents and any(
                c.dep_ in dependents or (c.dep_ in ("prep", "compound", "amod") and c.lower_ in dependents)
                for c in token.children):
            return True
        heads = self.excluded_under.get(token.lemma_.lower()) or set()
        return bool(heads) and token.head.i != token.i and (  # "opened fire", "a landslide victory"
            token.head.lemma_.lower() in heads or token.head.lower_ in heads)


def _of_kind(token: Any, kinds: set[str]) -> bool:
    """Whether a trigger's subject, object, modifier or "of" object is one of the kinds of
    thing its event needs: "launched a satellite", "the rocket launch", "the capsule landed"."""
    arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "compound")]
    arguments += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in _objects(c)]
    return any(a.lemma_.lower() in kinds or any(
        c.dep_ == "compound" and c.lemma_.lower() in kinds for c in a.children) for a in arguments)


def _with_modifier(token: Any, words: set[str]) -> bool:
    """Whether a noun is modified by one of the words, before it or through "by", or is the
    object of a verb whose subject is one: "the teachers' strike", "a general strike", "a
    strike by nurses", "farmers staged a strike"."""
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")]
    modifiers += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                  for o in _objects(c)]
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        modifiers += [c for c in verb.children if c.dep_ == "nsubj"]  # "nurses went on strike"
    return any(m.lemma_.lower() in words or m.lower_ in words for m in modifiers)


def _under_verb(token: Any, verbs: set[str]) -> bool:
    """Whether a noun is the object of one of the verbs, written "verb" or "verb particle":
    "staged a strike", "called off the strike", "went on strike"."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        return f"{head.head.lemma_.lower()} {head.lower_}" in verbs  # "went on strike"
    if token.dep_ not in ("dobj", "nsubjpass"):
        return False
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
    return head.lemma_.lower() in verbs or any(
        f"{head.lemma_.lower()} {p}" in verbs for p in particles)


def _done_to(ctx: Context, type_: str) -> bool:
    """Whether the one an event noun belongs to is the one it is done to (the lexicon's
    ``of_is_patient``): "the arrest of Diaz", "Diaz's trial"."""
    return bool((ctx.gazetteer.event_triggers.get(type_) or {}).get("of_is_patient"))


def _objects(prep: Any) -> list[Any]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for obj in list(objects):
        objects.extend(c for c in obj.children if c.dep_ == "conj")
    return objects


class _Builder:
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

    def add(self, role: str, token: Any) -> Mention | None:
        named = _apposed_name(self.ctx, token)
        if named is not None:  # "a Kremlin spokesman, Dmitri Orlov, said": Orlov, not the Kremlin
            return self.add(role, named)
        mention = argument_mention(self.ctx, token)
        if mention is None:
            antecedent = body_for_pronoun(self.ctx, token)
            if antecedent is not None:
                return self.add(role, antecedent)
            if role in ("agent", "participant"):
                self._body_of_unnamed(role, token)
            return None
        if role == "agent" and self.type in REPORTING and self._place_speaks(mention):
            return None  # a town says nothing: "Aleppo said" is a misread subject
        if self.type == "Death" and mention.type in ORGANIZATION_TYPES:
            return None  # a body does not die: "killed an ISIS leader" (the leader died)
        if mention.kind == "demonym" and role in ("agent", "participant") and token.dep_ != "amod":
            # "North Koreans who defected": the people come from the state; they are not it.
            if self.type not in _MOVEMENT or self.has("origin"):
                return None
            role = "origin"
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

    def _place_speaks(self, mention: Mention) -> bool:
        """Whether a speaker is a place below a state, which never speaks; a capital speaks
        for its state ("Beijing said") and a state for its government."""
        if mention.type not in PLACE_TYPES or mention.type == "Country":
            return False
        return mention.key is None or self.ctx.gazetteer.capital_of(mention.key) is None

    def _body_of_unnamed(self, role: str, token: Any) -> None:
        """An unnamed person or group stands for the body it is said to belong to: "officials
        from the Red Cross said", "talks with leaders of the Greens", "scientists at CERN
        published" (the Red Cross, the Greens and CERN take part)."""
        if token.pos_ != "NOUN":
            return
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at"):
                for obj in _objects(prep):
                    body = self.ctx.mention_in(obj)
                    if body is not None and body.kind == "name" and \
                            body.type in (*ORGANIZATION_TYPES, "Country"):
                        self.add(role, obj)

    def prepositions(self, head: Any) -> None:
        for child in head.children:
            if child.dep_ not in ("prep", "agent", "dative"):
                continue
            word = child.lower_
            for obj in _objects(child) if child.dep_ != "dative" else [child]:
                if word == "from" and self.type in _FROM_THE_PLACE and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))  # "reported from Baghdad"
                elif word == "from":
                    self.add("origin", obj)
                elif word in ("to", "into") and self.type in _MOVEMENT:
                    self.add("destination", obj)
                    self.prepositions(obj)  # "made their way to the area from Jordan"
                elif word in _LOCATIVE and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))
                elif word == "with":
                    self.add("participant", obj)  # "talks with X"
                elif word == "between":
                    self.add("agent", obj)  # "meetings between X and Y": both sides act
                elif word in ("on", "against") and self.type in _TARGETED:
                    if self.type == "Attack" and self.place_of(obj) is not None:
                        self.add("location", self.place_of(obj))  # "an attack on Kabul"
                    else:
                        self.add("participant", obj)  # "sanctions against Iran"
                elif word == "by":
                    self.add("publisher" if self.type in REPORTING else "agent", obj)
                elif child.dep_ == "dative" or (word == "to" and self.type in REPORTING):
                    self.add("participant", obj)
                elif word == "of" and self.trigger.pos_ in ("NOUN", "PROPN") and \
                        self.type not in _MOVEMENT and self.place_of(obj) is not None:
                    self.add("location", self.place_of(obj))  # "the bombing of Georgian villages"
                elif word == "of" and self.trigger.pos_ in ("NOUN", "PROPN"):
                    # "the arrest of Diaz": the one arrested, not the arrester
                    self.add("participant" if _done_to(self.ctx, self.type) else "agent", obj)

    def _is_place(self, token: Any) -> bool:
        mention = self.ctx.mention_in(token)
        return mention is not None and mention.type in PLACE_TYPES

    def place_of(self, token: Any) -> Any | None:
        """The token naming the place a locative object means: the object itself ("in Lima"),
        or the place a common noun introduces ("in the besieged city of El Fasher", "in the
        capital, Kyiv")."""
        return self._place_in(token, depth=0)

    def _place_in(self, token: Any, depth: int) -> Any | None:
        if self._is_place(token):
            return token
        if depth > 2 or token.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in token.children:
            if child.dep_ == "appos" and self._is_place(child):
                return child
            if child.dep_ == "amod" and self._is_state_adjective(child):
                return child  # "Georgian villages": somewhere in Georgia
            if child.dep_ == "prep" and child.lower_ in ("of", *_LOCATIVE):
                for obj in _objects(child):  # "a freezer in Canada", "the city of El Fasher"
                    found = self._place_in(obj, depth + 1)
                    if found is not None:
                        return found
        return None

    def _is_state_adjective(self, token: Any) -> bool:
        mention = self.ctx.mention_at(token)
        return mention is not None and mention.type == "Country" and mention.kind == "demonym"

    def locate_from_arguments(self, verb: Any) -> None:
        """An event with no place of its own takes the one the subject or object of its verb
        is placed in: "fighting in Darfur killed 20", "shelling hit the market in Kherson",
        "farmers in Punjab staged a strike"."""
        if any(role in ("location", "destination") for role, _ in self.roles):
            return
        for argument in verb.children:
            if argument.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            modifiers = [c for c in argument.children if c.dep_ == "acl"]  # "papers filed in X"
            for prep in [*argument.children, *[p for m in modifiers for p in m.children]]:
                if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
                    place = next((self.place_of(o) for o in _objects(prep)
                                  if self.place_of(o) is not None), None)
                    if place is not None:
                        self.add("location", place)
                        return

    def has(self, role: str) -> bool:
        return any(r == role for r, _ in self.roles)


def _verb_event(ctx: Context, token: Any, type_: str) -> _Builder:
    builder = _Builder(ctx, type_, token)
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ",
                                                                   "NUM", "DET"):
            builder.subject = True  # "Most of them fled", "Thousands fled", "Many fled"
        if child.dep_ in ("nsubj",):
            subject = _past_dateline(ctx, child)
            if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                subject = _antecedent(ctx, child, token)
            if subject is None:
                continue
            if builder.add("agent", subject) is None and type_ in _STATE_ACTS:
                for modifier in subject.children:  # "Russian forces shelled Kharkiv"
                    if modifier.dep_ == "amod":
                        _state_modifier(builder, modifier)
            if type_ in _MOVEMENT:  # "people from North Korea's elite who defected"
                for prep in subject.children:
                    if prep.dep_ == "prep" and prep.lower_ == "from":
                        for obj in _objects(prep):
                            builder.add("origin", obj)
        elif child.dep_ in ("nsubjpass", "dobj") and child.tag_ in ("WP", "WDT"):
            if token.dep_ == "relcl" and _antecedent(ctx, child, token) is not None:
                builder.add("participant", token.head)  # "Ortiz, who was arrested in Bogota"
        elif child.dep_ in ("nsubjpass", "dobj"):
            if type_ in _STATE_ACTS and builder.place_of(child) is not None and \
                    builder.place_of(child) is child:
                builder.add("location", child)  # "shelled Kharkiv", "Mosul was bombed"
            elif type_ == "Visit" and child.dep_ == "dobj":
                builder.add("destination", child)
            elif type_ in _LEAVING and child.dep_ == "dobj" and builder.place_of(child) is not None:
                builder.add("origin", builder.place_of(child))  # "fled Afghanistan"
            else:
                builder.add("participant", child)
    own = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("xcomp", "conj", "advcl") and not builder.has("agent") and \
            all(c.pos_ == "PRON" for c in own):  # none, or "it" for the subject above
        for child in token.head.children:
            if child.dep_ == "nsubj" and _past_dateline(ctx, child) is not None:
                builder.subject = True  # "X agreed to buy": X is the buyer
                builder.add("agent", _past_dateline(ctx, child))
    builder.prepositions(token)
    return builder


def _apposed_name(ctx: Context, token: Any) -> Any | None:
    """The person an unnamed common noun is apposed to: "the head of the agency, David Amsel",
    "its spokeswoman, Lena Holm", also when the parser hung the name on the body the noun is
    of ("the president of France, Emmanuel Morel": not France, but Morel)."""
    if token.pos_ != "NOUN":
        return None
    bodies = [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "to")
              for o in c.children if o.dep_ == "pobj"
              and ctx.mention_in(o, ("Country", *ORGANIZATION_TYPES)) is not None]
    for child in [c for t in (token, *bodies) for c in t.children]:  # hung on the body:
        if child.dep_ == "appos":  # "the president of France, Emmanuel Morel"
            mention = ctx.mention_in(child)
            if mention is not None and mention.kind == "name" and mention.type == "Person":
                return child
    return None


def _antecedent(ctx: Context, pronoun: Any, clause: Any) -> Any | None:
    """What a relative pronoun stands for: the noun its clause qualifies; but "who" is never a
    place ("Aleppo, who said" is a parse that hung a person's clause on the city)."""
    head = clause.head
    place = ctx.mention_in(head, PLACE_TYPES)
    if pronoun.lower_ in ("who", "whom") and place is not None and place.kind == "name":
        return None  # but "North Koreans who defected" are people
    return head


def _noun_event(ctx: Context, token: Any, type_: str) -> _Builder:
    builder = _Builder(ctx, type_, token)
    patient = _done_to(ctx, type_)
    for child in token.children:
        if child.dep_ == "poss" and token.pos_ == "NOUN" and type_ in _STATE_IS_THE_PLACE and \
                ctx.mention_in(child, PLACE_TYPES) is not None:
            builder.add("location", child)  # "Slovenia's snap election", "Chile's worst drought"
        elif child.dep_ == "poss":
            builder.add("participant" if patient else "agent", child)  # "Diaz's arrest"
        elif child.dep_ == "compound" and type_ in _STATE_ACTS and \
                ctx.mention_in(child, ("Country",)) is not None:
            builder.add("agent", child)  # "a US air raid": the state acts
        elif child.dep_ == "compound" and ctx.mention_in(child, PLACE_TYPES):
            builder.add("location", child)  # "the Johannesburg summit", "the Kobe earthquake"
        elif child.dep_ == "compound" and ctx.mention_in(child):
            builder.add("agent", child)
        elif child.dep_ == "amod":
            _state_modifier(builder, child)
        elif child.dep_ == "acl" or (child.dep_ == "relcl" and child.lemma_.lower() in _STRIKING):
            builder.prepositions(child)
            for obj in child.children:  # "the worst flooding to hit central Europe"
                if obj.dep_ == "dobj" and builder.place_of(obj) is not None:
                    builder.add("location", builder.place_of(obj))
    builder.prepositions(token)
    head = token.head
    if token.dep_ == "nsubj" and token.pos_ == "PROPN" and type_ in _NO_AGENT and head.pos_ == "VERB":
        _where_it_struck(builder, head)  # "Cyclone Freddy has killed 400 people in Malawi"
    verb = None
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and (head.lower_ not in _NOT_THE_AGENTS_VERB or (
                head.lower_ == "for" and head.head.lemma_.lower() in _GOING
                and type_ in _ATTENDED)):
        verb = head.head  # "talks with X", "flew to Warsaw for talks"
    elif token.dep_ == "pobj" and head.lower_ == "for" and \
            head.head.lemma_.lower() in _OWNED_UP and head.head.head.pos_ == "VERB":
        verb = head.head.head  # "Al-Shabaab claimed responsibility for the bombing"
    elif token.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        verb = head  # "won the election", "impose a tariff", "a ceasefire was agreed"
    if verb is not None and (verb.lemma_.lower() in ctx.gazetteer.event_reaction_verbs
                             or type_ in _NO_AGENT):
        verb = None  # "the opposition dismissed the reshuffle": the critic took no part
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "nsubj" and not builder.has("agent"):
                subject = _past_dateline(ctx, child)
                if subject is not None:
                    builder.add("agent", subject)
                    builder.subject = True
            elif child.dep_ in ("dative",) or (child.dep_ == "dobj" and child.i != token.i):
                builder.add("participant", child)
        builder.prepositions(verb)
    return builder


def _where_it_struck(builder: _Builder, verb: Any) -> None:
    """The place of a named disaster that is the subject of a verb: where the verb says it acted,
    by a locative ("killed 400 people in Malawi") or a place it hit ("hit Acapulco"), also in
    a clause of time ("killed 27 people when it hit Acapulco")."""
    clauses = [verb, *[c for c in verb.children if c.dep_ == "advcl"]]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
                builder.prepositions(clause)
            elif child.dep_ == "dobj" and clause.lemma_.lower() in _STRIKING and \
                    builder.place_of(child) is not None:
                builder.add("location", builder.place_of(child))
    builder.locate_from_arguments(verb)  # "killed 400 people in Malawi", parsed on the people


def _state_modifier(builder: _Builder, modifier: Any) -> None:
    """A state in an event noun's modifier: "the Russian bombing", "the US-led offensive" (the
    state acts), "the Peruvian election", "the Chilean earthquake" (the state is the place)."""
    ctx = builder.ctx
    if modifier.lemma_.lower() in ("lead", "back", "sponsor"):  # "the US-led offensive"
        for child in modifier.children:
            if child.dep_ in ("npadvmod", "compound") and ctx.mention_in(child) is not None:
                builder.add("agent", child)
        return
    state = ctx.mention_at(modifier)
    if state is None or state.type != "Country" or state.kind != "demonym":
        return
    if builder.type in _STATE_IS_THE_PLACE:
        builder.add("location", modifier)
    elif builder.type in _STATE_ACTS:
        builder.add("agent", modifier)


def _arguments(verb: Any) -> list[Any]:
    """A verb's objects, direct or through a preposition, and the verb it governs ("agreed to
    buy": the buying is the event)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "xcomp")]
    found += [o for c in verb.children if c.dep_ == "prep" and c.lower_ not in _NOT_THE_AGENTS_VERB
              for o in c.children if o.dep_ == "pobj"  # not "fled after the offensive"
              and not (c.lower_ == "to" and o.lemma_.lower() in _RESULTS)]  # "shot him to death"
    return found


_CLAUSES = {"ccomp", "advcl", "relcl", "pcomp", "xcomp", "acl", "csubj", "conj", "parataxis"}


def _governed_directly(token: Any, trigger: Any) -> bool:
    """Whether a token hangs off the trigger without crossing into another clause."""
    while token.i != trigger.i:
        if token.dep_ in _CLAUSES and token.pos_ in ("VERB", "AUX"):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _time_of(ctx: Context, builder: _Builder, dates: list[Any]) -> tuple[Any, str | None]:
    """The date entity that belongs to this trigger, and a duration such as "two-day"."""
    trigger = builder.trigger
    near = {t.i for t in trigger.subtree if _governed_directly(t, trigger)}
    for clause in trigger.children:  # "the summit, which opens on Monday"
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in _ASPECTUAL:
            near |= {t.i for t in clause.subtree if _governed_directly(t, clause)}
    if trigger.ent_type_ == "EVENT" and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "NOUN":
        frame = trigger.head.head  # "the end of the Korean War in 1953"
        near |= {t.i for t in frame.subtree if _governed_directly(t, frame)}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "dobj", "nsubjpass",
                                                               "nsubj", "attr"):
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        near |= {c.i for c in verb.children if c.dep_ in ("prep", "npadvmod")}
        near |= {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
    for clause in trigger.children:  # "drowned when the boat capsized on Sunday"
        if clause.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when"
                                          for c in clause.children):
            near |= {t.i for t in clause.subtree if _governed_directly(t, clause)}
    direct = {trigger.i, *[c.i for c in trigger.children if c.dep_ == "prep"]}
    if trigger.dep_ in ("xcomp", "conj") and trigger.pos_ == "VERB":
        direct |= {trigger.head.i, *[c.i for c in trigger.head.children if c.dep_ == "prep"]}
    candidates = []
    length = None
    sentence = ctx.sentence_of(trigger)
    for ent in dates:
        if ctx.sentence_of(ent[0]) != sentence:
            continue
        if _DURATION_RE.search(ent.text) and not re.search(r"\b(ago|last|since)\b", ent.text):
            if ent.root.head.i == trigger.i:
                length = duration(ent.text)
            continue
        if ent.root.i in near or ent.root.head.i in direct:
            # Best a date attached to the trigger itself ("landed on Monday", "agreed on
            # Tuesday to buy"), then one that resolves ("the highest daily total" does not).
            resolved = resolve_time(ent.text, ctx.article.published).value is not None
            candidates.append((ent.root.head.i not in direct, not resolved, -ent.start, ent))
    found = min(candidates, key=lambda c: c[:3])[3] if candidates else None
    return found, length


def find_events(ctx: Context) -> list[Event]:
    """Every event the trigger lexicon finds in the article, with roles and time."""
    triggers = _Triggers(ctx.gazetteer.event_triggers)
    doc = ctx.doc
    dates = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    builders: list[_Builder] = []
    used: set[int] = set()
    noun_triggers = {t.i for t in doc if t.pos_ in ("NOUN", "PROPN") and (
        triggers.nouns.get(" ".join([c.lower_ for c in t.children if c.dep_ == "compound"
                                     and c.i < t.i] + [t.lemma_.lower()]))
        or triggers.nouns.get(t.lemma_.lower()) or triggers.nouns.get(t.lower_))}
    noun_triggers |= {t.i for t in doc if t.pos_ == "VERB" and t.dep_ == "xcomp"
                      and t.lemma_.lower() in triggers.verbs}
    type_: str | None
    unnamed_spoken: set[str] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if triggers.excluded_sense(token) or _conditional(token):
            continue
        if token.pos_ == "ADJ" and lemma in triggers.predicates:
            builder = _predicate_event(ctx, token, triggers.predicates[lemma])
            if builder is not None:
                builders.append(builder)
                used.add(token.i)
            continue
        if token.pos_ == "VERB" and lemma in triggers.of_persons:
            builder = _person_held(ctx, token, triggers.of_persons[lemma])
            if builder is not None:
                builders.append(builder)
                used.add(token.i)
            continue
        sense = triggers.verb_type(token) if token.pos_ == "VERB" else None
        if sense is not None:
            type_, particle = sense
            particles = [c for c in token.children if (c.dep_ == "prt" and c.lower_ == particle) or (
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == particle) or (
                c.dep_ == "prep" and c.lower_ == particle) or (  # "charged with", "named as"
                c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ == particle)]  # "walk out"
            if particle and not particles:
                continue
            if type_ != "Report" and any(c.i in noun_triggers and (c.pos_ == "VERB" or (
                    _noun_trigger(ctx, c, triggers, dates) is not None
                    and not (type_ == "Death" and c.lemma_.lower() in triggers.causes_of_death)))
                    for c in _arguments(token)):
                # "agreed to a ceasefire", "told a press conference": the noun says more; but
                # "died in an avalanche" is a death and a disaster, "announced a ban on vapes"
                # (no sanction: nobody is its target) a statement, and "the daily reported
                # talks" a report of them
                continue
            builder = _verb_event(ctx, token, type_)
            for word in particles:  # "making their way to Chile", "cut jobs at its plant in Lyon"
                builder.prepositions(word)
            if lemma in triggers.to_a_place and not builder.has("destination"):
                continue  # "while travelling in Peru": going somewhere is no visit yet
            _retype_by_form(builder, triggers)
        elif token.pos_ in ("NOUN", "PROPN"):
            noun_builder = _noun_trigger(ctx, token, triggers, dates)
            if noun_builder is None:
                continue
            builder = noun_builder
        else:
            continue
        speaker = None
        if builder.type in triggers.named_agent and not builder.has("agent"):
            speaker = _unnamed_speaker(token, triggers.unnamed_speakers.get(builder.type, set()),
                                       triggers.speaking_bodies.get(builder.type, set()))
            if speaker in unnamed_spoken:
                continue  # "Police said ... police said": one occasion, as a named speaker's is
        named_only = builder.type in triggers.named_agent and not _told_an_outlet(builder) \
            and speaker is None
        needs = triggers.needs.get(builder.type, set())
        if token.pos_ == "VERB":
            needs = needs | triggers.needs_for_verbs.get(builder.type, set())
        if any(not builder.has(role) and not (role == "agent" and builder.subject
                                               and not named_only)
               for role in needs):
            continue
        builders.append(builder)
        used.add(token.i)
        if speaker is not None:
            unnamed_spoken.add(speaker)
        if builder.type == "Attack" and token.pos_ == "VERB" and lemma in triggers.passive_death:
            victims = _victims(ctx, token)
            if victims is not None:
                builders.append(victims)
    for ent in doc.ents:
        if ent.label_ == "EVENT":
            head = ent.root.lemma_.lower()
            type_ = triggers.nouns.get(head)
            if type_:
                builder = _Builder(ctx, type_, ent.root)
                builder.tokens = list(ent)
                builders.append(builder)
    for sentence in ctx.sentences:
        seen_types: set[str] = set()
        for pattern, type_ in triggers.phrases:
            for match in pattern.finditer(sentence.text.translate(STRAIGHT)):
                start = sentence.start + match.start()
                token = next((t for t in doc if t.idx >= start), None)
                if token is None or token.i in used or type_ in seen_types:
                    continue
                builder = _phrase_event(ctx, token, type_)
                if builder is not None:
                    builders.append(builder)
                    used.add(token.i)
                    seen_types.add(type_)
    ordered = sorted(builders, key=lambda b: b.trigger.i)
    events = [_finish(ctx, builder, number, dates) for number, builder in enumerate(ordered, start=1)]
    return _merge_repeats(_at_gatherings(ctx, list(zip(ordered, events, strict=True)), triggers))


def _noun_trigger(ctx: Context, token: Any, triggers: _Triggers, dates: list[Any]) -> _Builder | None:
    """The event a noun triggers, when it is one in this sentence: of a type the lexicon
    gives it, with the roles its type needs, and anchored by a participant, a place, a time,
    a name or a kind ("the anthrax attacks")."""
    compound = " ".join([c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i]
                        + [token.lemma_.lower()])
    type_ = triggers.noun_type(token, compound)
    if type_ is None or (type_ in triggers.named and token.ent_type_ == "EVENT"):
        return None
    named = ctx.mention_in(token)
    if named is not None and named.kind == "name" and named.type not in PLACE_TYPES and \
            " " in named.text and triggers.named_disaster(token) is None:
        return None  # a word of a name: "Activision Blizzard", "the Strike Force"
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ctx.gazetteer.unrealised_event_verbs:
        return None  # "considers a military attack", "called for a ceasefire"
    if token.dep_ == "dobj" and any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL
                                    for c in token.head.children):
        return None  # "she said she would open coalition talks": not yet, maybe never
    builder = _noun_event(ctx, token, type_)
    if any(not builder.has(role) for role in triggers.needs_for_nouns.get(type_, ())):
        return None
    if triggers.named_disaster(token) is not None:
        builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]  # its name
    elif token.pos_ == "PROPN":
        _place_in_name(builder)
    kind = type_ in triggers.kinds_anchor and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children)
    if not builder.roles and token.dep_ == "dobj" and token.head.pos_ == "VERB":
        builder.locate_from_arguments(token.head)  # "dock workers in Rotterdam staged a strike"
    if not builder.roles and _time_of(ctx, builder, dates)[0] is None \
            and not _named_event(token) and not kind:
        # Without a participant, place or time a noun ("still at war", "the attack",
        # "the flooding") names a state of affairs or a topic: no anchor, no event.
        return None
    return builder


def _at_gatherings(ctx: Context, told: list[tuple[_Builder, Event]], triggers: _Triggers) -> list[Event]:
    """An event told at a gathering happened where the gathering is: "X, speaking at the
    opening ceremony, said" after "the summit in Johannesburg" was said in Johannesburg. The
    gathering is a meeting noun or one of the lexicon's ``gatherings``; its place is its own
    ("at a rally in Lyon") or else that of the latest meeting the article placed before."""
    gatherings = set(triggers.gatherings) | {
        noun for noun, type_ in triggers.nouns.items() if type_ == "Meeting"}
    events: list[Event] = []
    where: str | None = None  # the place of the latest placed meeting
    for builder, event in told:
        places = [ref for role, ref in event.roles if role in ("location", "destination")]
        gathering = None if places else _gathering_of(builder.trigger, gatherings)
        if gathering is not None:
            own = _Builder(ctx, event.type, gathering)
            own.prepositions(gathering)  # "at a rally in Lyon"
            place = next((ref for role, ref in own.roles if role == "location"), where)
            if place is not None:
                event = replace(event, roles=(*event.roles, ("location", place)))
        if event.type == "Meeting" and places:
            where = places[0]
        events.append(event)
    return events


def _gathering_of(trigger: Any, gatherings: set[str]) -> Any | None:
    """The gathering a trigger, or a participle beside it ("speaking at"), is said to be at."""
    heads = [trigger, *[c for c in trigger.children if c.dep_ in ("advcl", "conj")]]
    for subject in (c for c in trigger.children if c.dep_ == "nsubj"):
        heads += [c for c in subject.children if c.dep_ in ("acl", "relcl")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "during"):
                for obj in _objects(prep):
                    if obj.lemma_.lower() in gatherings:
                        return obj
    return None


def _named_event(token: Any) -> bool:
    """Whether an event noun ends a name ("the Johannesburg Earth Summit", "the Lima Climate
    Conference"): a name is an anchor of its own."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _place_in_name(builder: _Builder) -> None:
    """The known place an event's name begins with: "the Johannesburg Earth Summit" was held in
    Johannesburg (the model takes the whole name for an organisation's)."""
    ctx = builder.ctx
    for child in builder.trigger.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN" or ctx.mention_at(child) is not None:
            continue
        place = ctx.gazetteer.lookup(child.text)
        if isinstance(place, Place) and place.type in ("City", "AdministrativeRegion"):
            ctx.add_mention([child], place.type, key=place.key)
            builder.add("location", child)
            return


def _conditional(token: Any) -> bool:
    """Whether a word stands in a condition, which reports nothing as having happened: "he
    will weep if the woman is killed"."""
    while True:
        if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children):
            return True
        if token.dep_ in ("advcl", "ccomp", "ROOT", "relcl") or token.head.i == token.i:
            return False
        token = token.head


def _unnamed_speaker(verb: Any, speakers: set[str], bodies: set[str]) -> str | None:
    """The unnamed speaker a statement verb's subject singles out, as its words: a body or
    person described by a modifier ("party sources", "the Federal Government", "drug squad
    detectives"), a body with neither article nor plural ("Police said"), or one of the bodies
    every state has with "the" ("the government said"); not a loose "officials" or "some
    analysts", nor "the minister", who is someone named before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in speakers | bodies:
        return None
    words = [c for c in subject.children if c.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod")]
    if any(w.dep_ in ("det", "nummod") and w.lower_ not in ("the", "this") for w in words):
        return None  # "a source", "some officials", "two witnesses"
    described = any(w.dep_ in ("compound", "amod", "poss", "nmod") for w in words)
    plural = subject.tag_ == "NNS" and subject.lower_ != subject.lemma_.lower()  # not "police"
    if not described and (plural or (words and subject.lemma_.lower() not in bodies)):
        return None  # "officials said", "the minister said"
    return " ".join(w.lower_ for w in [*words, subject] if w.dep_ != "det")


def _told_an_outlet(builder: _Builder) -> bool:
    """Words given to a named news organisation make an interview whoever gives them: "officials
    told Reuters" (the speaker may stay unnamed)."""
    types = {m.id: m.type for m in builder.ctx.mentions}
    return builder.type == "Statement" and any(
        role == "participant" and types.get(ref) == "NewsOrganization" for role, ref in builder.roles)


def _retype_by_form(builder: _Builder, triggers: _Triggers) -> None:
    """A verb trigger whose form says more than its word: a killing without a killer is a
    death ("17 people were killed"), a killing of oneself too ("shot himself"), as is one by
    a disaster or an accident ("the blaze killed 12"), and the
    words of a document are a report ("the report said", "court papers allege")."""
    token = builder.trigger
    lemma = token.lemma_.lower()
    objects = [c for v in (token, *[c for c in token.children if c.dep_ == "conj"])
               for c in v.children if c.dep_ == "dobj"]
    if builder.type == "Attack" and any(o.lower_ in _REFLEXIVE for o in objects):
        builder.type, builder.rule = "Death", "event-killed-oneself"
        builder.roles = [("participant" if role == "agent" else role, ref)
                         for role, ref in builder.roles]
        builder.subject = True
    elif lemma in triggers.passive_death and not any(c.dep_ == "nsubj" for c in token.children):
        builder.type, builder.rule = "Death", "event-killed-by-no-one-named"
        builder.subject = builder.subject or any(c.dep_ == "nsubjpass" for c in token.children)
    elif lemma in triggers.passive_death and any(
            c.dep_ == "nsubj" and ((c.lemma_.lower() in triggers.causes_of_death
                                    and builder.ctx.mention_in(c) is None)
                                   or triggers.named_disaster(c) is not None)
            for c in token.children):
        # "a fire at the plant killed 12 workers": a disaster or an accident kills, nobody attacks
        builder.type, builder.rule = "Death", "event-killed-by-a-disaster"
        builder.subject = builder.subject or bool(objects)
        builder.roles = [(role, ref) for role, ref in builder.roles if role != "agent"]
    elif builder.type in REPORTING and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in triggers.report_subjects
            and builder.ctx.mention_in(c) is None for c in token.children):  # not "the Survey said"
        builder.type, builder.rule = "Report", "event-document-speaks"


def _victims(ctx: Context, verb: Any) -> _Builder | None:
    """The deaths of those an attacker killed: "gunmen killed five villagers" is an attack
    and a death, as the same killing told without the gunmen is a death alone."""
    killed = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE]
    if not killed:
        return None
    builder = _Builder(ctx, "Death", verb)
    builder.rule, builder.subject, builder.suffix = "event-killed-victims", True, "-death"
    for victim in killed:
        builder.add("participant", victim)
    return builder


def _person_held(ctx: Context, token: Any, type_: str) -> _Builder | None:
    """A detention told by a verb that detains only people: "the ministry is holding a
    21-year-old man", "two aid workers are being held in Goma" (not "held talks")."""
    held = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    people = [m for m in (argument_mention(ctx, c) for c in held) if m is not None]
    if not people or any(m.type != "Person" for m in people):
        return None
    builder = _verb_event(ctx, token, type_)
    builder.rule = "event-person-held"
    return builder


def _predicate_event(ctx: Context, token: Any, type_: str) -> _Builder | None:
    """An event stated by an adjective, the lexicon's ``predicates``: a death ("he was found
    dead in Canada", "the raid left eight civilians dead", "the pilot is dead"; not "feared
    dead", which is not yet a death), a verdict ("a jury found Ruiz guilty")."""
    verb = token.head
    dead: list[Any] = []
    if token.dep_ == "amod" and token.i > verb.i and verb.dep_ in ("dobj", "nsubjpass"):
        dead, verb = [verb], verb.head  # "found two climbers dead", parsed as a modifier
    if (token.dep_ not in ("oprd", "acomp", "xcomp", "ccomp") and not dead) or \
            verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in ("fear", "believe", "presume"):
        return None
    builder = _Builder(ctx, type_, token)
    builder.rule = f"event-{token.lemma_.lower()}-predicate"
    dead += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
             or (c.dep_ == "nsubj" and token.dep_ == "acomp")]
    if token.dep_ == "ccomp":  # "found the nurse guilty", parsed as a small clause
        dead += [c for c in token.children if c.dep_ == "nsubj"]
    for child in dead:
        builder.subject = True
        builder.add("participant", child)
    builder.prepositions(verb)
    return builder if builder.subject else None


def _merge_repeats(events: list[Event]) -> list[Event]:
    """One sentence restating the same kind of event adds nothing: "people who defected ...
    more than the amount who defected under his father" is one generic defection, not two; a
    defector's journey told in the same sentence is the defection."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if k.type == event.type
                     and k.evidence.sentence == event.evidence.sentence
                     and not any(role == "agent" for role, _ in event.roles)
                     and set(event.roles) <= set(k.roles)
                     and (event.time is None or event.time == k.time)), None)
        journey = event.type == "Migration" and any(
            k.type == "Defection" and k.evidence.sentence == event.evidence.sentence
            and {r for r in k.roles if r[0] == "agent"} >= {r for r in event.roles if r[0] == "agent"}
            for k in events)  # "defected after making the crossing": the crossing is the defection
        if twin is None and not journey:
            kept.append(event)
    return kept


def _phrase_event(ctx: Context, token: Any, type_: str) -> _Builder | None:
    """Multi-word triggers: "didn't respond to requests for comment", "the flight of X"."""
    builder = _Builder(ctx, type_, token)
    if type_ == "Report":  # "according to X"
        for prep in token.children:
            for obj in _objects(prep):
                builder.add("agent", obj)
        return builder if builder.has("agent") else None
    if type_ == "NoComment":
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        while verb.pos_ not in ("VERB",) and verb.head.i != verb.i:
            verb = verb.head
        for child in verb.children:
            if child.dep_ == "nsubj":
                builder.add("agent", child)
        return builder if builder.has("agent") else None
    builder.prepositions(token)
    return builder if builder.has("agent") else None


def _past_dateline(ctx: Context, subject: Any) -> Any | None:
    """The real subject when the parser took the dateline for it: "NAIROBI, May 3 (Reuters) -
    Minister X said" parses X as an apposition (or a conjunct) of NAIROBI; the city, and the
    state or date after it ("GAVDOS, Greece, May 2 —"), say nothing."""
    dateline = ctx.dateline_place()
    if dateline is None or ctx.mention_at(subject) is not dateline:
        return subject
    return next((c for c in subject.children if c.dep_ in ("appos", "conj")
                 and c.ent_type_ != "DATE" and ctx.mention_in(c, PLACE_TYPES) is None), None)


def _finish(ctx: Context, builder: _Builder, number: int, dates: list[Any]) -> Event:
    trigger = builder.trigger
    date_ent, length = _time_of(ctx, builder, dates)
    time = resolve_time(date_ent.text, ctx.article.published) if date_ent is not None else None
    if date_ent is not None:
        builder.tokens.extend(date_ent)
    negated = builder.type != "NoComment" and (any(
        c.dep_ == "neg" or c.lower_ == "never" for c in trigger.children) or any(
        c.dep_ == "neg" or c.lower_ == "never" for c in trigger.head.children
        if trigger.dep_ in ("dobj", "pobj")
    ))
    if trigger.pos_ in ("VERB", "AUX"):
        builder.locate_from_arguments(trigger)
    elif trigger.dep_ in ("dobj", "oprd", "acomp", "ccomp", "amod") and trigger.head.pos_ == "VERB" \
            and trigger.head.lemma_.lower() not in ctx.gazetteer.event_reaction_verbs:
        # the noun's own "in X" came first; "the raid in Iraq left eight civilians dead"
        builder.locate_from_arguments(trigger.head)
    elif trigger.dep_ == "pobj" and trigger.head.lower_ in _LOCATIVE and \
            trigger.head.head.pos_ == "VERB" and \
            trigger.head.head.lemma_.lower() not in ctx.gazetteer.event_reaction_verbs:
        # "voters in Chile go to the polls in a referendum", "hikers in Nepal died in an avalanche"
        builder.locate_from_arguments(trigger.head.head)
    if builder.type in _AT_THE_DATELINE and not any(
            role in ("location", "destination") for role, _ in builder.roles):
        dateline = ctx.dateline_place()
        if dateline is not None:
            builder.roles.append(("location", dateline.id))
    if not any(role in ("location", "destination") for role, _ in builder.roles) and \
            builder.type in _SITUATED:
        place = _place_in_sentence(ctx, ctx.sentence_of(trigger))
        if place is None and _placeless(ctx, ctx.sentence_of(trigger)):
            place = _place_before(ctx, ctx.sentence_of(trigger))
        if place is not None:
            builder.roles.append(("location", place))
    trigger_text = " ".join(t.text for t in builder.tokens[:1])
    if builder.trigger.ent_type_ == "EVENT":
        trigger_text = " ".join(t.text for t in builder.tokens if t.lower_ != "the")
    if builder.type == "Statement":
        mentions = {m.id: m for m in ctx.mentions}
        if any(role == "participant" and mentions[ref].type == "NewsOrganization"
               for role, ref in builder.roles):
            builder.type = "Interview"  # "told Reuters": words given to a news organisation
    confidence = 0.75 if builder.roles else 0.6
    rule = builder.rule or f"event-trigger:{builder.type}"
    evidence = ctx.evidence(builder.tokens, rule, builder.confidence or confidence)
    return Event(
        key=f"event-{trigger.idx}{builder.suffix}",  # stable while the trigger stays: curation refers to it
        type=builder.type,
        trigger=trigger_text,
        evidence=evidence,
        roles=tuple(builder.roles),
        time=time,
        duration=length,
        negated=negated,
    )


_SITUATED = {"Visit", "Meeting", "PressConference", "Protest", "Attack", "Disaster", "Arrest",
             "Death", "Trial", "Launch", "Landing"}
"""Events that happen at one place, which the sentence around them may name without tying it."""
_LOCAL_PLACES = ("City", "AdministrativeRegion", "Place")


def _place_in_sentence(ctx: Context, sentence: int) -> str | None:
    """The one city, region or other named place below a state that a sentence names."""
    places = {m.id for m in ctx.mentions if m.sentence == sentence
              and m.type in _LOCAL_PLACES and m.kind == "name"}
    return places.pop() if len(places) == 1 else None


def _placeless(ctx: Context, sentence: int) -> bool:
    """Whether a sentence names no place at all, not even a state."""
    return not any(m.sentence == sentence and m.type in PLACE_TYPES for m in ctx.mentions)


def _place_before(ctx: Context, sentence: int) -> str | None:
    """The place of the sentence just before, in the same paragraph, when a sentence names
    none: "A fire broke out at a warehouse in Osaka on Monday. Two workers died." (the
    deaths were in Osaka). Only the one place that sentence names, and only across a single
    sentence: further back the story may have moved."""
    if sentence == 0:
        return None
    before, this = ctx.sentences[sentence - 1], ctx.sentences[sentence]
    if "\n" in ctx.article.text[before.end:this.start]:
        return None
    return _place_in_sentence(ctx, sentence - 1)


def merge_occasions(events: list[Event], persons: set[str],
                    gazetteer: Gazetteer) -> tuple[list[Event], dict[str, str]]:
    """Resolved events that are one occasion told twice, merged into the first telling.

    A speaker's statements in one article are one occasion unless their dates or places differ
    ("Hockey said today ... Mr Hockey said the Government was not embarrassed"); words told to
    an outlet (an interview) and written ones ("said in a statement") stay apart from them.
    A person dies once: deaths of the same person are one death ("shot himself ... was
    murdered"). A disaster told again with no other place or date is the same disaster
    ("Tuesday's earthquake ... the quake destroyed"), and so is an attack; a place told closer
    ("in Iraq ... in Basra province") replaces the wider one. Returns the events kept and, for
    each event merged away, the key of the one it joined.
    """
    written = set(_Triggers(gazetteer.event_triggers).nouns)
    kept: list[Event] = []
    joined: dict[str, str] = {}
    for event in events:
        twin = next((k for k in kept if not event.negated and not k.negated
                     and _same_occasion(k, event, persons, written, gazetteer)), None)
        if twin is None:
            kept.append(event)
            continue
        known = {ref for _, ref in twin.roles}
        roles = _closest_places(twin, event, gazetteer) if twin.type in _TOLD_AGAIN else \
            (*twin.roles, *[r for r in event.roles if r[1] not in known])
        merged = replace(twin, roles=tuple(dict.fromkeys(roles)), time=twin.time or event.time)
        kept[kept.index(twin)] = merged
        joined[event.key] = twin.key
    return kept, joined


def _same_occasion(first: Event, second: Event, persons: set[str], written: set[str],
                   gazetteer: Gazetteer) -> bool:
    if first.type == second.type == "Statement" and not {
            first.trigger.lower(), second.trigger.lower()} & written:
        speakers = {ref for role, ref in first.roles if role == "agent"}
        places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
        return bool(speakers) and speakers == {ref for role, ref in second.roles if role == "agent"} \
            and (first.time is None or second.time is None or first.time == second.time) \
            and (not places[0] or not places[1] or places[0] == places[1])
    if first.type == second.type == "Death":
        return bool({ref for _, ref in first.roles if ref in persons}
                    & {ref for _, ref in second.roles if ref in persons})
    if first.type == second.type and first.type in _TOLD_AGAIN:
        places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
        return (first.time is None or second.time is None or first.time == second.time) \
            and (not places[0] or not places[1] or bool(places[0] & places[1])
                 or _within(places[0], places[1], gazetteer) or _within(places[1], places[0], gazetteer))
    return False


_TOLD_AGAIN = {"Disaster", "Attack"}
"""Events an article tells more than once, closer each time: "an air raid in southern Iraq ...
the warplanes bombed areas in Basra province"."""


def _within(inner: set[str], outer: set[str], gazetteer: Gazetteer) -> bool:
    """Whether every place of one set lies in a place of the other."""
    def containers(key: str) -> tuple[str, ...]:
        place = gazetteer.get(key)
        return place.containers if isinstance(place, Place) else ()
    return bool(inner) and all(set(containers(key)) & outer for key in inner)


def _closest_places(kept: Event, told: Event, gazetteer: Gazetteer) -> tuple[tuple[str, str], ...]:
    """The roles of a merged event, its place the closest the two tellings give."""
    places = [{ref for role, ref in e.roles if role == "location"} for e in (kept, told)]
    roles = [r for r in kept.roles if not (r[0] == "location" and _within(places[1], places[0], gazetteer))]
    return (*roles, *[r for r in told.roles if r not in roles and not (
        r[0] == "location" and _within(places[0], places[1], gazetteer))])
