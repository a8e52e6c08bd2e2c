"""The event trigger lexicon in a shape fit for lookup, and the type a trigger word stands for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from kg.extract.events.roles import prep_objects
from kg.extract.shared_verbs import verb_lemma
from kg.lexicon import lexicon

_YEAR = re.compile(r"(1[89]|20)\d\d")
"""A year written in digits: "the 1999 canyoning accident"."""
_LISTENERS = lexicon().words("listener-pronouns.txt")
"""Personal pronouns that stand for the one an order is given to: "told them not to comment"
(``listener-pronouns.txt``)."""
_UNREST = lexicon().words("unrest-nouns.txt")
"""Nouns of violence whose spread is no illness: "an epidemic of gun violence"
(``unrest-nouns.txt``)."""
_BUILT: dict[int, tuple[Mapping[str, Mapping[str, Any]], Triggers]] = {}
"""Triggers by the id of their lexicon (kept with it, so that the id stays its)."""


class Triggers:
    """The lexicon in a shape fit for lookup."""

    @classmethod
    def of(cls, lexicon: Mapping[str, Mapping[str, Any]]) -> Triggers:
        """The triggers of a lexicon, built once per process (not once per article: building
        them is about 0.3 ms); nothing changes them once built."""
        held = _BUILT.get(id(lexicon))
        if held is None or held[0] is not lexicon:
            if len(_BUILT) >= 8:
                _BUILT.clear()
            held = _BUILT[id(lexicon)] = (lexicon, cls(lexicon))
        return held[1]

    def __init__(self, lexicon: Mapping[str, Mapping[str, Any]]) -> None:
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
        self.excluded_objects: dict[str, set[str]] = {}
        self.passive_death: set[str] = set()
        self.predicates: dict[str, str] = {}
        self.causes_of_death: set[str] = set()
        self.report_subjects: set[str] = set()
        self.of_documents: set[str] = set()  # "a new study shows"
        self.documents_made: set[str] = set()  # "a leaked document"
        self.verdicts: set[str] = set()  # "found guilty", "were acquitted": one verdict
        self.another: set[str] = set()  # "a second statement": not the one told before
        self.another_by_the: set[str] = set()  # "the second statement": not the one told before
        self.media: set[str] = set()  # "In a video, Karimov said": an occasion of its own
        self.of_naming: dict[str, str] = {}  # "called the meeting a failure"
        self.orders: set[str] = set()  # "told them not to comment": an order, no statement
        self.of_craft: set[str] = set()  # "a bomber crashed"
        self.craft: set[str] = set()
        self.of_persons: dict[str, str] = {}
        self.kinds_anchor: set[str] = set()
        self.weapons: set[str] = set()
        self.gatherings: set[str] = set()
        self.when_planned: set[str] = set()
        self.not_when_quoted: set[str] = set()  # "'... killed a few people,' the man said"
        self.told_again: set[str] = set()  # "Afroz was arrested ... the suspect was detained"
        self.planned_under_will: set[str] = set()
        self.planned_verbs: set[str] = set()  # "will walk off the job": not yet
        self.sealing: dict[str, set[str]] = {}
        self.to_a_place: set[str] = set()
        self.before_the_press: dict[str, str] = {}  # "met with reporters": a press conference
        self.the_press: set[str] = set()
        self.between_places: set[str] = set()
        self.journeys: set[str] = set()
        self.with_a_target: set[str] = set()  # "blew up the bridge", not "blew up at reporters"
        self.on_oneself: set[str] = set()  # "a bomber blew himself up": an attack
        self.kinds: dict[str, set[str]] = {}
        self.deadly_words: dict[str, str] = {}  # words that name an event only when it killed
        self.courses: dict[str, set[str]] = {}  # verbs of an event going on: "fires are burning"
        self.enemies: dict[str, set[str]] = {}  # whom a war is fought against, unnamed
        self.of_an_enemy: dict[str, str] = {}  # "the campaign against terrorism"
        self.answers: dict[str, set[str]] = {}  # "denies reports", by type
        self.arson: dict[str, set[str]] = {}  # fires people set: "the first fire was lit"
        self.armed: set[str] = set()  # forces, war machines and arms that strike
        self.arms: set[str] = set()  # things of war, not people: "US warplanes", "missiles"
        self.of_the_armed: list[tuple[str, str | None]] = []  # "warplanes blasted"
        self.idioms_of_the_armed: set[str] = set()  # "troops hit the streets"
        self.fired_into_nothing: set[str] = set()  # "fired a missile into the sea": no target
        self.senses: dict[str, list[tuple[str, set[str], set[str]]]] = {}
        self.of_a_vote: dict[str, dict[str, set[str]]] = {}  # "the run-off", "the poll": by type
        self.of_workers: dict[str, str] = {}  # "thousands of nurses struck": a strike
        self.workers: set[str] = {"union"}  # who strikes: "nurses", "the union"
        self.to_a_post: dict[str, str] = {}  # "was named chief executive": an appointment
        self.of_a_board: dict[str, str] = {}  # "was elected chairman of the board": an appointment
        self.boards: set[str] = set()  # the choosers that make "elect" an appointment's verb
        self.excluded_subjects: dict[str, set[str]] = {}  # "the virus attacked computers"
        self.required: dict[str, set[str]] = {}  # "appealed for calm": words only so
        self.courts: set[str] = set()  # "appealed to the High Court": no words said
        self.voters: set[str] = set()  # "voters chose Reyes as president": an election's choosers
        self.no_post: set[str] = set()  # "manager of the month": an award, no post
        self.of_bodies: set[str] = set()  # "Acme bought Brightwater", not "fans bought tickets"
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
            for word, dependents in (entry.get("unless_with") or {}).items():
                self.excluded.setdefault(word, set()).update(dependents)
            for word, subjects in (entry.get("unless_subject") or {}).items():
                self.excluded_subjects.setdefault(word, set()).update(subjects)
            for word, dependents in (entry.get("only_with") or {}).items():
                self.required.setdefault(word, set()).update(dependents)
            self.courts.update(entry.get("courts_appealed_to") or [])
            for word, heads in (entry.get("unless_under") or {}).items():
                self.excluded_under.setdefault(word, set()).update(heads)
            for word, objects in (entry.get("unless_object") or {}).items():
                self.excluded_objects.setdefault(word, set()).update(objects)
            for word in entry.get("when_deadly") or []:
                self.deadly_words[word] = type_
            for word in entry.get("predicates") or []:
                self.predicates[word] = type_
            if type_ == "Death":
                self.passive_death.update(entry.get("passive_of") or [])
                self.causes_of_death.update(entry.get("caused_by") or [])
            if type_ == "Trial":
                self.verdicts.update(entry.get("verdicts") or [])
            self.another.update(entry.get("told_as_another") or [])
            self.another_by_the.update(entry.get("told_as_another_by_the") or [])
            self.media.update(entry.get("media_of_speech") or [])
            if type_ == "Report":
                self.report_subjects.update(entry.get("speaking_subjects") or [])
                self.of_documents.update(entry.get("verbs_of_documents") or [])
                self.documents_made.update(entry.get("documents_made") or [])
            for verb in entry.get("verbs_of_naming") or []:
                self.of_naming[verb] = type_
            self.orders.update(entry.get("orders_to_a_listener") or [])
            for verb in entry.get("verbs_of_persons") or []:
                self.of_persons[verb] = type_
            self.gatherings.update(entry.get("gatherings") or [])
            self.to_a_place.update(entry.get("verbs_to_a_place") or [])
            for verb in entry.get("verbs_before_the_press") or []:
                self.before_the_press[verb] = type_
            self.the_press.update(entry.get("the_press") or [])
            self.between_places.update(entry.get("verbs_between_places") or [])
            self.journeys.update(entry.get("journeys") or [])
            self.with_a_target.update(entry.get("verbs_with_a_target") or [])
            self.on_oneself.update(entry.get("attacks_on_oneself") or [])
            self.sealing[type_] = set(entry.get("sealed_by") or [])
            if entry.get("not_when_quoted"):
                self.not_when_quoted.add(type_)
            if entry.get("told_again_unnamed"):
                self.told_again.add(type_)
            if entry.get("told_when_planned"):
                self.when_planned.add(type_)
            if entry.get("planned_under_will") is True:
                self.planned_under_will.add(type_)
            elif entry.get("planned_under_will"):  # "will walk off the job": those verbs only
                self.planned_verbs.update(entry["planned_under_will"])
            self.weapons.update(entry.get("weapons") or [])
            if entry.get("kinds_anchor"):
                self.kinds_anchor.add(type_)
            if entry.get("kinds"):
                self.kinds[type_] = set(entry["kinds"])
            self.courses[type_] = {form for verb in entry.get("courses") or [] for form in _forms(verb)}
            for key, words in (entry.get("arson") or {}).items():
                self.arson[key] = set(words)
            for verb in entry.get("answered_by") or []:
                self.answers.setdefault(type_, set()).add(verb)
            for noun in entry.get("nouns_of_an_enemy") or []:
                self.nouns.setdefault(noun, type_)
                self.of_an_enemy[noun] = type_
            if entry.get("enemies"):
                self.enemies[type_] = set(entry["enemies"]) | set(entry.get("armed_groups") or [])
            self.armed.update(entry.get("armed") or [])
            self.arms.update(entry.get("things_of_war") or [])
            self.of_craft.update(entry.get("verbs_of_craft") or [])
            self.craft.update(entry.get("craft") or [])
            self.idioms_of_the_armed.update(entry.get("idioms_of_the_armed") or [])
            self.fired_into_nothing.update(entry.get("fired_into_nothing") or [])
            for verb in entry.get("verbs_of_the_armed") or []:
                lemma, _, particle = verb.partition(" ")
                self.of_the_armed.append((lemma, particle or None))
            if entry.get("verbs_need_a_body"):
                self.of_bodies.add(type_)
            for verb in entry.get("verbs_to_a_post") or []:
                self.to_a_post[verb] = type_
            for verb in entry.get("verbs_of_a_board") or []:
                self.of_a_board[verb] = type_
            self.boards.update(entry.get("boards") or [])
            self.voters.update(entry.get("voters") or [])
            self.no_post.update(entry.get("awards_of_a_time") or [])
            for verb in entry.get("verbs_of_workers") or []:
                self.of_workers[verb] = type_
            self.workers.update(entry.get("people_at_work") or [])
            if entry.get("of_a_vote"):
                self.of_a_vote[type_] = {key: set(words) for key, words in entry["of_a_vote"].items()}
            for word, sense in (entry.get("senses") or {}).items():
                self.senses.setdefault(word, []).append(
                    (type_, set(sense.get("with") or []), set(sense.get("under") or [])))
        self.causes_of_death.update(noun for noun, type_ in self.nouns.items() if type_ == "Disaster")
        self.killing = {verb for verb, senses in self.verbs.items()
                        if any(type_ == "Death" and not particle for type_, particle in senses)}
        self.killing |= self.passive_death  # "died in", "killed in", "the accident which killed"
        self.armed = (self.armed | self.weapons) - self.causes_of_death  # not a fire, a storm
        # Whether a sentence holds any phrase at all, in one scan before the phrases one by one:
        # their alternation matches where one of them does (a phrase with groups of its own,
        # whose numbers the alternation would shift, leaves every sentence to the phrases).
        self.any_phrase = re.compile("" if any(pattern.groups for pattern, _ in self.phrases) else
                                     "|".join(f"(?:{pattern.pattern})" for pattern, _ in self.phrases)
                                     or "(?!)", re.I)

    def verb_type(self, token: Any) -> tuple[str, str | None] | None:
        """The event type and particle a verb trigger stands for: an attack when it strikes and
        what strikes is armed ("warplanes blasted Gaza City"), a disaster when it befalls a craft
        ("a bomber crashed"), a report when a document finds ("a new study shows"), else the
        first of its senses whose
        kind of thing, when the lexicon asks for one, is among its arguments, and whose enemy,
        when it asks for one, is fought ("fighting the Taliban")."""
        lemma = token.lemma_.lower()
        for verb, particle in self.of_the_armed:
            if verb != lemma:
                continue  # the particles are looked for only under the verb's own entries
            if particle and _goes_off(token, particle):
                if self.arm_as_subject(token):
                    return "Attack", particle  # "a bomb went off in a market"
                continue
            aimed = not particle or (particles_of(token, particle) and _targets(token, particle)
                                     and not self.fired_at_nothing(token, particle))  # not "on Friday"
            if aimed and (
                    self.armed_subject(token) or (particle and self.arms_fired(token, particle))):
                return "Attack", particle  # "warplanes blasted police posts", "gunships fired on cars"
        if lemma in self.of_workers and self.done_by_workers(token):
            return self.of_workers[lemma], None  # "thousands of nurses struck on Thursday"
        if lemma in self.of_craft and self.craft_befallen(token):
            return "Disaster", None  # "a bomber that crashed in the Indian Ocean"
        if lemma in self.of_documents and any(
                c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in self.report_subjects
                for c in token.children):
            return "Report", None  # "a new study shows", "the survey found"
        if self.naming(token):
            return self.of_naming[lemma], None  # "called the meeting a failure", "branded it absurd"
        if lemma in self.before_the_press and self.meets_the_press(token):
            return self.before_the_press[lemma], None  # "met with reporters", "briefed journalists"
        for type_, particle in self.verbs.get(lemma, []):
            if type_ in self.enemies and not self.fights_an_enemy(token, type_):
                continue  # "firefighters are fighting fires"
            if lemma in self.with_a_target and not any(
                    c.dep_ in ("dobj", "nsubjpass") for c in token.children):
                continue  # "the minister blew up at reporters": no target, no attack
            if (type_ not in self.kinds or _of_kind(token, self.kinds[type_])) and (
                    not particle or particles_of(token, particle)):  # "lost lives", "lost jobs"
                return type_, particle
        return None

    def meets_the_press(self, verb: Any) -> bool:
        """Whether whom a verb is done with is the press, as its object or after "with" (rule
        ``event-met-the-press``): "the mayor met with reporters at City Hall", "the coach met the
        media after the match", "a spokesman briefed journalists in Geneva"; not "met the
        minister", nor "met with a reporter's family" (the press only as a modifier)."""
        people = [c for c in verb.children if c.dep_ == "dobj"]
        people += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                   for o in prep_objects(c)]
        return any(p.lower_ in self.the_press or p.lemma_.lower() in self.the_press for p in people)

    def done_by_workers(self, verb: Any) -> bool:
        """Whether a verb with no object is done by people at work or their union (the
        lexicon's Protest ``people_at_work``, ``workforce-nouns.txt``, ``occupations.txt``), its
        subject or the "of" of a subject that counts them: "thousands of nurses struck",
        "teachers in Chicago are striking", "the union struck for 48 hours"."""
        if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
            return False  # "the nurses struck a deal", "the coast was struck"
        workers = self.workers | lexicon().words("workforce-nouns.txt") | \
            lexicon().words("occupations.txt")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [o for s in subjects for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in prep_objects(c)]  # "thousands of nurses"
        return any(s.pos_ == "NOUN" and (s.lemma_.lower() in workers or s.lower_ in workers)
                   for s in subjects)

    def answered(self, token: Any, type_: str) -> bool:
        """Whether an event noun is the object of a verb of the lexicon's ``answered_by`` for its
        type, by which its subject answers what others made: "denies reports the man was a
        member", "cannot confirm media reports", "played down reports of a rift"."""
        verbs = self.answers.get(type_) or set()
        head = token.head
        if token.dep_ != "dobj" or head.pos_ != "VERB":
            return False
        lemma = head.lemma_.lower()
        particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
        return lemma in verbs or any(f"{lemma} {p}" in verbs for p in particles)

    def set_by_people(self, token: Any, told: dict[str, bool]) -> str | None:
        """The type of a fire people set, by the lexicon's ``arson``: a Protest when the fire is
        told beside a riot ("overnight fires and rioting"), an Attack when its article tells a
        fire lit or a building set on fire ("the first fire was lit", "buildings were set on
        fire") or fires beside a riot ("buildings were damaged by fire ... fires and rioting");
        none in an article of fires of the land ("a bushfire was deliberately lit") or
        when the setting is only tried or supposed ("tried to set fire to the curtains"). ``told``
        keeps what was read of the whole article for its other fire words: the article's
        :attr:`Context.fires_told`."""
        arson = self.arson
        if not arson or token.lemma_.lower() not in arson.get("fires", set()):
            return None
        doc = token.doc
        if "land" not in told:
            told["land"] = any(t.lemma_.lower() in arson.get("of_the_land", set()) for t in doc)
        if told["land"]:
            return None
        if _beside_a_riot(token, arson):
            return "Protest"
        if "set" not in told:
            told["set"] = any(_sets_fire(t, arson) or _beside_a_riot(t, arson) for t in doc)
        return "Attack" if told["set"] else None

    def naming(self, verb: Any) -> bool:
        """Whether a verb of the lexicon's ``verbs_of_naming`` names its object as something,
        which states a judgement of it: "called the meeting a failure", "branded it absurd"."""
        return verb.lemma_.lower() in self.of_naming and any(
            c.dep_ == "dobj" for c in verb.children) and any(c.dep_ == "oprd" for c in verb.children)

    def order_to_a_listener(self, verb: Any) -> bool:
        """Whether a verb of telling gives an order to one the text names by a pronoun, which
        tells an instruction retold by or about the one told, not an occasion of speech (rule
        ``order-to-a-listener``): "the police had told them not to comment", "He told me to
        close my eyes"; not "told reporters to leave" (a named audience) nor "told her she had
        won" (words, not an infinitive)."""
        return verb.lemma_.lower() in self.orders and any(
            c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" and c.lower_ in _LISTENERS
            for c in verb.children) and any(
            c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)

    def noun_type(self, token: Any, compound: str) -> str | None:
        """The event type a noun trigger stands for, after its sense ("the teachers' strike" is
        a protest) and the kind of thing the lexicon asks of it ("the rocket launch")."""
        joined = hyphen_joined(token)
        type_ = self.nouns.get(joined or "") or self.nouns.get(compound) or \
            self.nouns.get(token.lemma_.lower()) or \
            self.nouns.get(token.lower_) or self.named_disaster(token) or \
            self.deadly(token) or self.of_a_year(token) or self.made_document(token)  # "talks",
        # "Cyclone Freddy", "died in the accident", "the 1999 canyoning tragedy", "a leaked paper"
        if type_ is None:
            return None
        if self.of_an_enemy.get(token.lemma_.lower()) == type_ and (
                token.lower_ in self.of_an_enemy or token.lower_ not in self.nouns) \
                and not self.fights_an_enemy(token, type_):
            return None  # "won the first battle", "the fight against the disease" (not "fighting")
        for other, modifiers, verbs in self.senses.get(token.lemma_.lower(), []):
            if _with_modifier(token, modifiers) or _under_verb(token, verbs):
                return other
        if type_ in self.kinds and not _of_kind(token, self.kinds[type_]):
            return None
        vote = self.of_a_vote.get(type_)
        if vote and (joined or token.lemma_.lower()) in vote["nouns"] and not _a_vote(token, vote):
            return None  # "toxic run-off from farms", "a new opinion poll showed"
        return type_

    def deadly(self, token: Any) -> str | None:
        """The event a word of misfortune names when the sentence tells it killed (the
        lexicon's ``when_deadly``): "died in the accident", "killed in the canyon disaster",
        "the tragedy which killed 21 people", "the crash claimed six lives"."""
        type_ = self.deadly_words.get(token.lemma_.lower())
        if type_ is None or token.pos_ != "NOUN" or spread_of_unrest(token):
            return None  # "an epidemic of gun violence killed 300": an attack's toll
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("in", "during") and \
                head.head.lemma_.lower() in self.killing:
            return type_
        if token.dep_ == "nsubj" and head.lemma_.lower() in (*self.passive_death, "claim"):
            return type_
        return type_ if any(c.dep_ == "relcl" and c.lemma_.lower() in (*self.passive_death, "claim")
                            and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in c.children)
                            for c in token.children) else None

    def of_a_year(self, token: Any) -> str | None:
        """The event a word of misfortune (the lexicon's ``when_deadly``) names when a year
        dates it, which tells one misfortune that happened: "the 1999 Interlaken canyoning
        tragedy", "survived the 1999 canyoning accident" (not "a tragedy for the club", nor
        a misfortune of another event: "the 1999 election disaster")."""
        type_ = self.deadly_words.get(token.lemma_.lower())
        if type_ is None or token.pos_ != "NOUN":
            return None
        modifiers = [c for c in token.children if c.i < token.i]
        if any((self.nouns.get(c.lemma_.lower()) or self.nouns.get(c.lower_)) not in (None, type_)
               for c in modifiers):
            return None  # "the 1999 election disaster": the election's, not a disaster
        return type_ if any(c.dep_ in ("nummod", "compound", "amod", "nmod") and c.ent_type_ == "DATE"
                            and _YEAR.fullmatch(c.text) for c in modifiers) else None

    def made_document(self, token: Any) -> str | None:
        """The report a document noun (the lexicon's ``speaking_subjects``) is when a participle
        of ``documents_made`` tells it made: "a leaked document prepared for the world's
        richest countries", "a leaked airline briefing paper" (someone made it and let it out,
        named or not); not "the paper published the names", nor a document that speaks,
        told by its verb ("the leaked report said": see verbs.retype_by_form)."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.report_subjects or \
                token.dep_ == "nsubj":
            return None
        return "Report" if any(c.dep_ in ("amod", "acl") and c.tag_ == "VBN"
                               and c.lemma_.lower() in self.documents_made
                               for c in token.children) else None

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

    def sealed(self, token: Any, type_: str) -> bool:
        """Whether a noun trigger is the object of a verb that tells its event whoever the
        parties are (the lexicon's ``sealed_by``): "factions signed an agreement", "an accord
        was reached in Bonn"."""
        verb = token.head
        return token.dep_ in ("dobj", "nsubjpass") and verb_lemma(verb) in self.sealing.get(
            type_, set()) and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") and not any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)  # not "close to signing",
        # "an agreement will be reached"

    def armed_subject(self, verb: Any) -> bool:
        """Whether what does a verb's deed is armed, a force or war machine of the lexicon's
        ``armed`` or an arm of its ``weapons`` (not a fire, a storm or a crash, which kill
        without attacking): "Israeli helicopter gunships", "a missile", "F-16s", "US troops";
        not in an idiom of the verb (the lexicon's ``idioms_of_the_armed``)."""
        if any(c.dep_ in ("prt", "advmod", "dobj") and c.lemma_.lower() in self.idioms_of_the_armed
               for c in verb.children):
            return False  # "the army hit back at critics", "troops hit the streets"
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [o for c in verb.children if c.dep_ == "agent" for o in prep_objects(c)]
        doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
        return any(word in self.armed for d in doers for word in (
            d.lemma_.lower(), d.lower_, *(c.lower_ for c in d.children if c.dep_ == "compound")))

    def arm_as_subject(self, verb: Any) -> bool:
        """Whether a verb's subject is a thing of war (the lexicon's ``things_of_war``), not a
        person: "a car bomb went off" (not "troops went off to the front", "the alarm went off")."""
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in self.arms for c in verb.children)

    def arms_fired(self, verb: Any, particle: str) -> bool:
        """Whether a verb of the armed fires things of war (the lexicon's ``things_of_war``) at
        a target through its preposition, whoever fires them: "they also fired rockets on a
        security post", "gunboats fired missiles at the harbour" (an attack, not a launch); not
        into what is no one's (``fired_into_nothing``: "fired a missile into the sea")."""
        arms = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.arms]
        return bool(arms) and bool(_targets(verb, particle)) and not self.fired_at_nothing(verb, particle)

    def fired_at_nothing(self, verb: Any, particle: str) -> bool:
        """Whether what a verb of the armed fires at through its preposition is no one's (the
        lexicon's ``fired_into_nothing``): "the navy fired a missile into the sea"."""
        return any(t.lemma_.lower() in self.fired_into_nothing for t in _targets(verb, particle))

    def craft_befallen(self, verb: Any) -> bool:
        """Whether a verb with no object befalls a craft of the lexicon's ``craft``, its subject
        or the noun a "that"/"which" subject stands for: "a US B-1 bomber that crashed in the
        Indian Ocean", "an RFDS aircraft crashed near Mt Gambier"."""
        if any(c.dep_ == "dobj" for c in verb.children):
            return False  # "he crashed his car into a wall": told by what came of it
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects = [s.head.head if s.tag_ == "WDT" and verb.dep_ == "relcl" else s for s in subjects]
        return any(word in self.craft for s in subjects for word in (
            s.lemma_.lower(), s.lower_, *(c.lower_ for c in s.children if c.dep_ == "compound")))

    def fights_an_enemy(self, token: Any, type_: str) -> bool:
        """Whether a war word has an enemy, as its object or after "against" or "on": a state or
        its people ("fighting Israel", "fighting the Palestinians") or one of the lexicon's
        ``enemies`` ("the war against terrorism", "fighting rebels") or ``armed_groups`` by a word
        of the name ("fighting the Taliban", "to fight Al Qaeda networks"); not "fighting fires",
        "the war on drugs", nor another named body, which may be a rival in business or politics
        ("Qantas is fighting the ACTU")."""
        enemies = self.enemies.get(type_) or set()
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                    for o in prep_objects(c)]
        return any(o.ent_type_ in ("GPE", "NORP") or o.lemma_.lower() in enemies
                   or o.lower_ in enemies or any(c.dep_ in ("compound", "amod") and c.lemma_.lower()
                                                 in enemies for c in o.children) for o in objects)

    def course_of(self, token: Any, type_: str) -> Any | None:
        """The verb that tells an event noun going on, as its subject or by a participle (the
        lexicon's ``courses``): "fires are burning across Victoria", "fighting broke out in
        Mogadishu", "two fires still raging near Hobart"; not one only possible or to come
        ("fires could break out", "the war will spread"), nor one told before ("the fire
        was still burning on Monday" is the bushfire of the story going on, and so are a
        disaster's "fires are burning near Sale"; a disaster is new when counted or with "a":
        "more than 100 fires are burning", "a fire broke out at a hotel")."""
        verbs = self.courses.get(type_) or set()
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
               for c in token.children):
            return None  # "the fire was still burning": the one told before, going on
        if type_ == "Disaster" and not any(c.dep_ == "nummod" or c.lower_ in ("a", "an", "another")
                                           for c in token.children):
            return None  # "fires are burning near Sale": the story's bushfire, not another
        heads = [token.head] if token.dep_ == "nsubj" else []
        heads += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        for verb in heads:
            particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
            told = {verb.lemma_.lower(), verb.lower_, *(f"{word} {p}" for p in particles
                                                        for word in (verb.lemma_.lower(), verb.lower_))}
            if verb.pos_ == "VERB" and told & verbs and not any(
                    c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
                return verb
        return None

    def nominal_gerund(self, token: Any) -> bool:
        """Whether a verb the parser found is a gerund used as an event noun of the lexicon,
        with no object of its own: "fighting between rebels and the army killed 12", "killed in
        fighting" (not "fighting the rebels")."""
        return token.tag_ == "VBG" and token.lower_ in self.nouns and \
            token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and \
            not any(c.dep_ in ("dobj", "nsubj", "aux", "auxpass", "dative") for c in token.children)

    def excluded_sense(self, token: Any) -> bool:
        """Whether a trigger word is used in a sense that is no event: "demonstrated an
        interest", "a demonstration of strength", "a heart attack" (the lexicon's
        ``unless_with``: dependency labels, or prepositions and modifiers by their word),
        "met the deadline", "the deadline was met", "a film shot in Lagos" (``unless_object``:
        the verb's object by its lemma, written as the direct object, the passive subject or the
        noun a past participle modifies), "the virus attacked computers" (``unless_subject``:
        the verb's subject by its lemma), "he will appeal" (``only_with``: a verb with none of
        the dependents it needs)."""
        lemma = token.lemma_.lower()
        if lemma in self.required and token.pos_ == "VERB" and not self._has_required(token):
            return True  # "he will appeal", "appealed the verdict": no words said
        if lemma in self.excluded_subjects and token.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.excluded_subjects[lemma]
                for c in token.children):
            return True  # "the virus is attacking home computers": no one attacks
        if lemma not in self.excluded_objects and lemma not in self.excluded and \
                lemma not in self.excluded_under:
            return False  # a word with no sense to exclude (most words): nothing to read
        if self.nouns.get(hyphen_joined(token) or ""):
            return False  # "a cease-fire": not the "fire" of "cease fire", a word of its own
        objects = self.excluded_objects.get(token.lemma_.lower()) or set()
        if objects and any(c.dep_ in ("dobj", "nsubjpass") and (
                c.lemma_.lower() in objects or c.lower_ in objects) for c in token.children):
            return True  # "met the deadline", "the film was shot in Morocco"
        if objects and token.dep_ == "acl" and token.tag_ == "VBN" and (
                token.head.lemma_.lower() in objects or token.head.lower_ in objects):
            return True  # "a documentary shot by two students": the participle's noun is its object
        dependents = self.excluded.get(token.lemma_.lower()) or set()
        if dependents and any(
                c.dep_ in dependents or (c.dep_ in ("prep", "compound", "amod") and c.lower_ in dependents)
                for c in token.children):
            return True
        heads = self.excluded_under.get(token.lemma_.lower()) or set()
        return bool(heads) and token.head.i != token.i and (  # "opened fire", "a landslide victory"
            token.head.lemma_.lower() in heads or token.head.lower_ in heads)


    def _has_required(self, verb: Any) -> bool:
        """Whether a verb of the lexicon's ``only_with`` has one of the dependents it needs: a
        dependency label, or a preposition by its word whose object is no court
        (``courts_appealed_to``): "appealed for calm", "appealed to voters", not "appealed to
        the High Court"."""
        needed = self.required[verb.lemma_.lower()]
        return any(c.dep_ in needed or (c.dep_ == "prep" and c.lower_ in needed and not any(
            o.lemma_.lower() in self.courts or o.lower_ in self.courts for o in c.children
            if o.dep_ == "pobj")) for c in verb.children)


def spread_of_unrest(token: Any) -> bool:
    """Whether a noun is the spread "of" violence people do (``unrest-nouns.txt``): "an
    epidemic of gun violence", "the outbreak of fighting" (no illness, no disaster; what it
    kills is an attack's toll), not "an outbreak of cholera"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.lemma_.lower() in _UNREST for o in prep_objects(c)) for c in token.children)


def one_word_verbs(types: Iterable[str], *, passives: bool = False) -> frozenset[str]:
    """The single-word verbs events.yaml gives for these event types ("say", "kill", not "call
    off"), and with `passives` also those of their ``passive_of`` lists."""
    triggers = lexicon().events.triggers
    keys = ("verbs", "passive_of") if passives else ("verbs",)
    return frozenset(verb for type_ in types for key in keys
                     for verb in (triggers.get(type_) or {}).get(key) or () if " " not in verb)


@cache
def saying_verbs() -> frozenset[str]:
    """The verbs of speech events.yaml gives ("say", "tell", "describe")."""
    return one_word_verbs(("Statement", "Interview", "PressConference", "Report"))


def _forms(verb: str) -> set[str]:
    """A lexicon verb ("rage", "break out") in its inflected forms, for a word whose lemma the
    tagger gets wrong ("raging", "raged" as forms of "rag")."""
    word, _, particle = verb.partition(" ")
    stem = word[:-1] if word.endswith("e") else word
    forms = {word, f"{word}s", f"{stem}ed", f"{stem}ing", f"{word}es"}
    return {f"{form} {particle}".strip() for form in forms}


def particles_of(verb: Any, particle: str | None) -> list[Any]:
    """The words that go with a verb trigger written "verb particle" in the lexicon: its
    particle ("walk out", "step down"), preposition ("charged with", "named as") or the noun
    it takes ("cut 400 jobs", "400 jobs were cut", "400 jobs will go", "figures released by
    the bureau"), or, written "verb
    preposition noun", the preposition or particle with that noun ("walked off the job",
    "walked off their jobs": not "walked off the pitch")."""
    if particle is not None and " " in particle:
        word, _, noun = particle.partition(" ")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return [c for c in verb.children if c.lower_ == word and (
            (c.dep_ == "prep" and any(o.lemma_.lower() == noun for o in prep_objects(c))) or (
                c.dep_ == "prt" and any(o.lemma_.lower() == noun for o in objects)))]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() == particle:
        return [verb.head]  # "new figures released by the bureau": the noun the participle is on
    return [c for c in verb.children if (c.dep_ == "prt" and c.lower_ == particle) or (
        c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() == particle) or (
        c.dep_ == "prep" and c.lower_ == particle) or (
        c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ == particle)]  # "walk out"


def hyphen_joined(token: Any) -> str | None:
    """The one word a noun makes with the modifier a hyphen joins to it, in lower case: "the
    run-off" ("run", "-", "off" to the tokenizer) is "runoff", "a cease-fire" "ceasefire";
    None for a noun with no such modifier."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i < 2 or token.doc[token.i - 1].text != "-":
        return None
    first = token.doc[token.i - 2]
    if first.head.i != token.i or first.dep_ not in ("compound", "amod", "nmod"):
        return None
    return first.lower_ + token.lemma_.lower()


def _a_vote(token: Any, vote: Mapping[str, set[str]]) -> bool:
    """Whether a noun that may name a vote does in its clause (the lexicon's ``of_a_vote``): by
    a modifier ("the presidential run-off"), under a verb told as done ("won the poll", "beat
    Lula in the run-off", "went to the polls"; not "will face him in a run-off"), or as the
    "of" or "in" of a result ("the winner of the August poll", "her victory in the run-off")."""
    if any(c.dep_ in ("amod", "compound", "nmod") and (c.lower_ in vote["modifiers"]
                                                       or c.lemma_.lower() in vote["modifiers"])
           for c in token.children):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "in") and \
            head.head.pos_ == "NOUN" and head.head.lemma_.lower() in vote["results"]:
        return True
    verb = head.head if token.dep_ == "pobj" else head
    return verb.pos_ == "VERB" and _under_verb(token, vote["verbs"]) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _goes_off(verb: Any, particle: str) -> bool:
    """Whether a verb of the armed is written with its particle as an adverb and no target:
    "a bomb went off" ("off" the verb's particle), not "fired on a car" (a preposition)."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == particle and c.i == verb.i + 1
               for c in verb.children) and not _targets(verb, particle)


def _targets(verb: Any, particle: str) -> list[Any]:
    """What a verb fires at through its preposition: "on a security post" (not "on Monday")."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == particle
            for o in prep_objects(c) if o.ent_type_ not in ("DATE", "TIME")]


def _of_kind(token: Any, kinds: set[str]) -> bool:
    """Whether a trigger's subject, object, modifier or "of" object is one of the kinds of
    thing its event needs: "launched a satellite", "the rocket launch", "the capsule landed"."""
    arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "compound")]
    arguments += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in prep_objects(c)]
    return any(a.lemma_.lower() in kinds or any(
        c.dep_ == "compound" and c.lemma_.lower() in kinds for c in a.children) for a in arguments)


def _with_modifier(token: Any, words: set[str]) -> bool:
    """Whether a noun is modified by one of the words, before it or through "by", or is the
    object of a verb whose subject is one: "the teachers' strike", "a general strike", "a
    strike by nurses", "farmers staged a strike"."""
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")]
    modifiers += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                  for o in prep_objects(c)]
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


def _sets_fire(verb: Any, arson: dict[str, set[str]]) -> bool:
    """Whether a verb tells a fire set, as done: "the first fire was lit", "detainees lit
    fires", "eight buildings were set on fire", "set fire to the hall", "torched the office";
    not "tried to set fire", "could have lit"."""
    if verb.pos_ != "VERB" or any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would")
                                  for c in verb.children) or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("try", "attempt", "threaten")):
        return False
    lemma = verb.lemma_.lower()
    if lemma in arson.get("lit_by", set()) and lemma != "light":
        return True
    if lemma == "light":
        return any(c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in arson.get("fires", set())
                   for c in verb.children)
    if lemma != "set":
        return False
    fire = arson.get("set_on_fire", set())
    return any(c.lower_ in fire or (c.dep_ == "prep" and any(o.lower_ in fire for o in c.children))
               for c in verb.children)


def _beside_a_riot(token: Any, arson: dict[str, set[str]]) -> bool:
    """Whether a fire is told beside a riot, joined to it by "and": "fires and rioting"."""
    if token.lemma_.lower() not in arson.get("fires", set()):
        return False
    beside = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    return any(t.lemma_.lower() in arson.get("riots", set()) for t in beside)
