"""Resolved events that are one occasion told twice in an article, merged into the first telling."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.events.lexicon import Triggers
from kg.gazetteer import Gazetteer, Place
from kg.lexicon import lexicon
from kg.model import Event


def merge_occasions(events: list[Event], persons: set[str],
                    gazetteer: Gazetteer) -> tuple[list[Event], dict[str, str]]:
    """Resolved events that are one occasion told twice, merged into the first telling.

    A speaker's statements in one article are one occasion unless their dates or places differ
    ("Hockey said today ... Mr Hockey said the Government was not embarrassed"), and so are
    a speaker's statements and the words they told an outlet, which make the occasion an
    interview ("Williams says ... He has told Channel Nine"). A written statement and the words
    quoted from it are one occasion too ("Dr Roe released a statement ... In it, Roe says ...
    He says"; "Okafor announced ... Okafor's statement followed"), but stay apart from
    words told to an outlet ("said in a statement ... later told the BBC", "In a video, Mensah
    said ... Mensah told the BBC"), and two written
    statements are one only when both or neither are dated. A reporter's reports are one
    occasion on the same terms, on one date or none ("A new study suggests ... The study
    issued by the Grattan Institute says", "The Daily Nation reports ... the Nation reports";
    not "Bloomberg reported ... In January, Bloomberg reported"). A statement or report the
    text tells as another ("a second statement", "a separate report": the lexicon's
    Statement ``told_as_another``) is not one told before, nor are the words of its sentence,
    and words told later with a date of their own are not it ("In a tape made in 2010, X
    said ... X said on Tuesday"),
    and one told as that told before ("In the statement, Vantex said") is the same occasion,
    dated or not: the latest told of those it may be.
    A person dies once: deaths of the same person are one death ("shot himself ... was
    murdered"), and deaths a disaster caused are one toll unless their places or dates differ
    ("a fire killed 12 ... Ruiz died in the blaze"). A disaster told again with no
    other place or date is the same disaster ("Tuesday's earthquake ... the quake destroyed"),
    but one told somewhere else is not the many a number counts ("100 fires across the state
    ... a blaze at Spencer"),
    and so is an attack, unless both tellings
    name their agents and no agent is shared (one side's ambush, the other's reprisal), only one
    names them and the other, a noun, is placed elsewhere ("an attack in the West Bank ...
    Israel's strikes on Nablus"), or both
    are verbs told at other places ("jets blasted Gaza City ... gunships hit Ramallah"); a place
    told closer ("in Iraq ... in Basra province") replaces the wider one. A war is told again
    by the word that first told it ("the war against terrorism ... contributing to the war"),
    not by another ("two decades of war ... fighting the Taliban near Kandahar": a fight of
    its own), and a war told by its name is only the war of that name ("Indonesia's invasion
    ... following the Vietnam War"). An agreement told
    again with no other party, place or date is the same agreement ("the deal was signed in
    Doha"). Returns the events kept and, for
    each event merged away, the key of the one it joined.
    """
    triggers = Triggers.of(lexicon().events.triggers)
    written = set(triggers.nouns)
    kept: list[Event] = []
    first_told: dict[str, Event] = {}  # each kept event's first telling, by key
    last_told: dict[str, int] = {}  # the sentence of each kept event's latest telling, by key
    joined: dict[str, str] = {}
    another = _told_as_another(events)
    for event in events:
        twins = (k for k in kept if not event.negated and not k.negated
                     and (event.key not in another
                          or first_told[k.key].evidence.sentence == event.evidence.sentence)
                     and not _dated_apart_from_another(first_told[k.key], k, event, another)
                     and (_same_occasion(k, event, persons, written, gazetteer)
                          or (_one_verdict(k, event, triggers.verdicts)
                              and (event.evidence.sentence - last_told[k.key] <= _VERDICT_REACH
                                   or _verdict_told_as_known(k, event))))
                     and not _struck_apart(first_told[k.key], event, written))
        # words told as those told before ("In the statement, Acme said") are the latest told
        twin = max(twins, key=lambda k: last_told[k.key], default=None) \
            if event.told_as == "again" else next(twins, None)
        if twin is None:
            kept.append(event)
            first_told[event.key] = event
            last_told[event.key] = event.evidence.sentence
            continue
        last_told[twin.key] = event.evidence.sentence
        known = {ref for _, ref in twin.roles}
        roles = _closest_places(twin, event, gazetteer) if twin.type in _TOLD_AGAIN else \
            (*twin.roles, *[r for r in event.roles if r[1] not in known])
        first_role: dict[str, tuple[str, str]] = {}  # "X died ... X was murdered": one role
        for role in roles:
            first_role.setdefault(role[1], role)
        finer = event.time if twin.time is None or (event.time is not None and len(
            event.time.value or "") > len(twin.time.value or "")) else twin.time
        merged = replace(twin, roles=tuple(first_role.values()), time=finer,
                         type=event.type if event.type in _TOLD_TO_AN_OUTLET else twin.type)
        kept[kept.index(twin)] = merged
        joined[event.key] = twin.key
    return _where_the_court_sat(_where_the_disaster_was(kept)), joined


def _where_the_disaster_was(events: list[Event]) -> list[Event]:
    """Deaths a disaster caused happened where it did, when they are told with no place of
    their own and the article places one disaster: "a fire broke out at a club in Porto ...
    three people died in the blaze"."""
    places = {ref for e in events if e.type == "Disaster" for role, ref in e.roles
              if role == "location"}
    if len(places) != 1 or len([e for e in events if e.type == "Disaster"]) != 1:
        return events
    place = places.pop()
    return [replace(e, roles=(*e.roles, ("location", place))) if e.type == "Death"
            and e.evidence.rule in DISASTER_DEATHS and not any(
                role == "location" for role, _ in e.roles) else e for e in events]


def _where_the_court_sat(events: list[Event]) -> list[Event]:
    """The steps of a court case told with no place of their own happened where the first
    placed step did: "A Swiss court found six guides guilty ... Two guides who survived were
    acquitted" (in Switzerland too). A case is heard by one court, and news names the court
    when it first tells of it; later steps say only what happened there."""
    court = next((ref for e in events if e.type == "Trial" for role, ref in e.roles
                  if role == "location"), None)
    if court is None:
        return events
    return [replace(e, roles=(*e.roles, ("location", court))) if e.type == "Trial" and not any(
        role in ("location", "destination") for role, _ in e.roles) else e for e in events]


def _same_occasion(first: Event, second: Event, persons: set[str], written: set[str],
                   gazetteer: Gazetteer) -> bool:
    if {first.type, second.type} <= _SPOKEN and "Statement" in {first.type, second.type} and not (
            first.type != second.type and ({first.trigger.lower(), second.trigger.lower()} & written
                                           or first.told_as or second.told_as)):
        if first.type == second.type == "Statement" and first.time != second.time and \
                _named(first.trigger, written) and _named(second.trigger, written) and \
                not _told_again(second):
            return False  # "In a statement, Acme said ... In a statement on Friday, Acme said"
        return _one_telling(first, second)
    if first.type == second.type == "Report":
        # "The Daily Nation reports ... the Nation reports", on one date or none: a report told
        # with a date the other lacks is another ("Bloomberg reported ... In January, Bloomberg
        # reported")
        return (first.time == second.time or _told_again(second)) and _one_telling(first, second)
    if first.type == second.type == "Death":
        victims = [{ref for _, ref in e.roles if ref in persons} for e in (first, second)]
        if not {first.evidence.rule, second.evidence.rule} <= DISASTER_DEATHS:
            return bool(victims[0] & victims[1])
        # deaths a disaster caused ("the fire killed 12 ... Ruiz died in the blaze") are one
        # toll told again, its victims together, as the disaster is: below
    if first.type == second.type and first.type in _TOLD_AGAIN | _SEALED_ONCE:
        places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
        if first.type == "Disaster" and places[0] != places[1] and \
                (first.evidence.rule == COUNTED) != (second.evidence.rule == COUNTED):
            return False  # "100 fires are burning across the state ... a blaze at Spencer": one of them
        if first.type == "War" and not _one_war(first, second, written):
            return False  # "two decades of war ... fighting the Taliban near Kandahar"
        if _struck_apart(first, second, written):
            return False  # "warplanes blasted Gaza City ... helicopters hit a station in Ramallah"
        agents = [{ref for role, ref in e.roles if role == "agent"} for e in (first, second)]
        if first.type != "Death" and agents[0] and agents[1] and not agents[0] & agents[1]:
            return False  # "the army killed three militants who had attacked a patrol": two attacks
        if first.type == "Attack" and _one_attacker_untold((first, second), agents, places):
            return False  # "an attack in the West Bank ... Israeli strikes on Nablus": two attacks
        parties = [{ref for role, ref in e.roles if role != "location"} for e in (first, second)]
        if first.type in _SEALED_ONCE and not (parties[0] <= parties[1] or parties[1] <= parties[0]):
            return False  # "a trade deal with Japan ... an agreement with Chile": two agreements
        return _same_time(first, second) \
            and (not places[0] or not places[1] or bool(places[0] & places[1])
                 or _within(places[0], places[1], gazetteer) or _within(places[1], places[0], gazetteer))
    return False


def _one_verdict(first: Event, second: Event, verdicts: set[str]) -> bool:
    """Whether two steps of a court case are one verdict told again: both told by words of a
    verdict (the lexicon's Trial ``verdicts``), by no other court, at no other place or date
    ("a jury found three guards guilty ... Two others were acquitted", "found the men guilty of
    murder ... also found them guilty of arson"); not a charge or a sentence, steps of their own,
    nor verdicts of two courts ("a court in Lyon convicted ... in Nice, a judge acquitted"), nor
    one told with a date the other lacks ("found Lund guilty ... In June the appeals court
    acquitted him": an appeal), nor verdicts of other defendants, when both name theirs ("found
    Grant guilty of fraud. In a separate case, Hale was acquitted"), unless one sentence or one
    named court tells both ("convicted Otieno of fraud and acquitted his brother") or the
    second is told of "the same" charge (``Event.told_as`` "again": "found Lund guilty of fraud.
    His co-accused Berg was acquitted of the same charge": one hearing, two defendants). The
    caller asks too that they are told close together (``_VERDICT_REACH``), unless the second
    is told as known (:func:`_verdict_told_as_known`)."""
    if not first.type == second.type == "Trial" or not all(
            e.trigger.lower() in verdicts for e in (first, second)):
        return False
    agents = [{ref for role, ref in e.roles if role == "agent"} for e in (first, second)]
    places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
    defendants = [{ref for role, ref in e.roles if role == "participant"} for e in (first, second)]
    return not (agents[0] and agents[1] and not agents[0] & agents[1]) and \
        not (defendants[0] and defendants[1] and not defendants[0] & defendants[1]
             and first.evidence.sentence != second.evidence.sentence
             and not agents[0] & agents[1] and second.told_as != "again") and \
        (not places[0] or not places[1] or bool(places[0] & places[1])) and first.time == second.time


def _dated_apart_from_another(first: Event, kept: Event, event: Event, another: set[str]) -> bool:
    """Whether words told later with a date of their own are another occasion than words the
    text told as another (:func:`_told_as_another`: "In a tape made in 2010, Okoro said she
    loved the river. Okoro said on Tuesday she would move away": the recording's words and
    Tuesday's are two occasions); words told with no date, or with its date, may be its own
    ("In a podcast, Silva said she would retire. Silva said the club had been her home")."""
    return first.key in another and event.evidence.sentence != first.evidence.sentence \
        and event.time is not None and event.time != kept.time


def _told_again(event: Event) -> bool:
    """Whether words are told as those told before, with no date of their own: "Vantex said in
    a statement on Monday ... In the statement, Vantex said", "The WHO issued a report on
    Monday ... In the new report, the WHO said" (one occasion each; ``Event.told_as``); not
    "In the statement on Friday" (a date of its own tells another day's)."""
    return event.told_as == "again" and event.time is None


def _one_telling(first: Event, second: Event) -> bool:
    """Whether two speech acts or reports are one occasion: the same agents, named, and no
    other date or place."""
    speakers = {ref for role, ref in first.roles if role == "agent"}
    places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
    return bool(speakers) and speakers == {ref for role, ref in second.roles if role == "agent"} \
        and (first.time is None or second.time is None or first.time == second.time) \
        and (not places[0] or not places[1] or places[0] == places[1])


def _verdict_told_as_known(first: Event, second: Event) -> bool:
    """Whether a verdict told further on than ``_VERDICT_REACH`` is the verdict told before, as
    far from it as it is: told as known (``Event.told_as`` "known": "A jury found Ada Lund
    guilty of fraud ... [five sentences on] Lund, who was convicted of fraud, plans to appeal",
    "Asante's conviction shocked his supporters"), of a defendant in common, the same way (both
    acquittals, ``event-acquittals.txt``, or neither), and by no court and at no place the first
    does not name. One told otherwise may be a later step of the case ("The Court of Appeal
    acquitted Lund", "Lund was later acquitted on appeal", "Lund, who was acquitted of fraud");
    a verdict on another day is another (:func:`_one_verdict` asks the same date)."""
    acquittals = lexicon().words("event-acquittals.txt")
    roles = [{role: {ref for r, ref in e.roles if r == role} for role in ("participant", "agent", "location")}
             for e in (first, second)]
    return second.told_as == "known" and bool(roles[0]["participant"] & roles[1]["participant"]) \
        and (first.trigger.lower() in acquittals) == (second.trigger.lower() in acquittals) \
        and roles[1]["agent"] <= roles[0]["agent"] and roles[1]["location"] <= roles[0]["location"]


_VERDICT_REACH = 3
"""How many sentences after a verdict's latest telling another may tell it again: the day's
verdicts are told together ("found three guards guilty ... Two others were acquitted"); one told
further on is more often another case's or a later step of the case, unless it is told as
known (:func:`_verdict_told_as_known`)."""


def _told_as_another(events: list[Event]) -> set[str]:
    """The keys of the events the text tells as others than those told before: those the finder
    found told so (``Event.told_as``: "In a second statement on Friday", "A separate WHO
    report", "In a separate case, Vance was acquitted"), and the words the speaker of such a
    statement or report says in its sentence ("In a second statement, Acme announced"), which
    are that statement's; not another's quoted there, nor a court's words beside its verdict."""
    told = {e.key for e in events if e.told_as == "another"}
    speakers = {(e.evidence.sentence, ref) for e in events if e.key in told
                and e.type in _SPOKEN | {"Report"} for role, ref in e.roles if role == "agent"}
    return told | {e.key for e in events if e.type in _SPOKEN | {"Report"} and any(
        (e.evidence.sentence, ref) in speakers for role, ref in e.roles if role == "agent")}


_SPOKEN = {"Statement", "Interview"}
"""Speech one occasion may tell twice: "Williams says the Government is not losing control ...
He has told Channel Nine vandalism is not going to get visas" (one occasion, an interview)."""
_TOLD_TO_AN_OUTLET = {"Interview"}
"""What a statement told again becomes when the telling names the outlet it was told to."""
_SEALED_ONCE = {"Agreement"}
"""Events an article names again by what was sealed, adding where or by whom: "rival factions
signed an agreement ... the agreement was signed in Bonn"; all parties told join the first."""
_TOLD_AGAIN = {"Disaster", "Attack", "Death", "War"}
"""Events an article tells more than once, closer each time: "an air raid in southern Iraq ...
the warplanes bombed areas in Basra province", "the war against terrorism ... contributing to
the war against terrorism"; deaths only those of a disaster (an attack's deaths are often
several incidents: "another man was killed in Hebron")."""
COUNTED = "event-counted-disasters"
"""The rule that finds disasters told by their number ("more than 100 fires"): several of them,
of which one told elsewhere is not the whole."""
TOLD_ANEW = "event-attack-told-anew"
"""The rule that finds an attack a noun introduces ("an attack on a bus", "rocket strikes"), not
one it takes up ("the ambush"): one whose attackers are untold, placed elsewhere than one whose
attackers are named, is an attack of its own (:func:`_one_attacker_untold`)."""
NAMED = "event-named"
"""The rule that finds an event by its name ("the Vietnam War", "the Korean War in 1953")."""
DISASTER_DEATHS = {"event-killed-by-a-disaster", "event-died-in-a-disaster"}
"""The rules that find a death a disaster or an accident caused."""


def _struck_apart(first: Event, second: Event, written: set[str]) -> bool:
    """Whether two attacks are both told by verbs at other places, and so are two attacks:
    "warplanes blasted Gaza City ... helicopters hit a station in Ramallah". Asked of the
    first telling too, not only of what merging made of it: "jets swooped on Palestinian
    cities ... rocket strikes in Ramallah ... helicopters also hit a station in Ramallah" (the
    strikes told closer where the swoop was, the hit still another attack)."""
    places = [{ref for role, ref in e.roles if role == "location"} for e in (first, second)]
    return first.type == second.type == "Attack" and places[0] != places[1] and not (
        _named(first.trigger, written) or _named(second.trigger, written))


def _one_attacker_untold(events: tuple[Event, Event], agents: list[set[str]],
                         places: list[set[str]]) -> bool:
    """Whether one of two attacks, both placed at other places, names its attacker and the
    other, told anew by a noun (``TOLD_ANEW``), does not: "an attack on a bus in the West Bank
    ... Israel launched retaliatory strikes on Nablus" (one side's deed and the other's answer),
    "a suicide bombing in Haifa ... a wave of suicide bombings on Israeli cities" (one of many).
    Otherwise a place told closer takes up an attack only when
    the attackers are the same or both untold ("an air raid in southern Iraq ... the warplanes
    bombed areas in Basra province"); an attack placed nowhere may be any of them ("Hamas
    claimed the attack"), and one told by "the" is one told before ("the bus ambush")."""
    untold = [i for i in (0, 1) if not agents[i]]
    return len(untold) == 1 and bool(places[0]) and bool(places[1]) and places[0] != places[1] \
        and events[untold[0]].evidence.rule == TOLD_ANEW


def _one_war(first: Event, second: Event, written: set[str]) -> bool:
    """Whether a war told again can be the war first told: told by the same word ("the war
    against terrorism ... contributing to the war against terrorism", "Indonesia's invasion of
    East Timor ... an Indonesian invasion"), as another word tells another part of the fighting
    ("two decades of war ... fighting the Taliban near Kandahar", "the invasion ... the war");
    and a war told by its name after another is that war only under the same name ("the 1975
    invasion ... following the Vietnam War": a name told later is a war of its own), though the
    plain word may take up a name told first ("the Korean War ... the war ended in 1953")."""
    if second.evidence.rule == NAMED:
        return first.evidence.rule == NAMED and first.trigger.lower() == second.trigger.lower()
    return _war_word(first, written) == _war_word(second, written)


def _war_word(event: Event, written: set[str]) -> str:
    """The word that tells a war: a named war's last ("Vietnam War": "war"), a plural as its
    singular ("wars": "war")."""
    word = event.trigger.lower().split()[-1] if event.trigger.strip() else ""
    return word[:-1] if word.endswith("s") and word[:-1] in written else word


def _named(trigger: str, written: set[str]) -> bool:
    """Whether an event is told by a noun of the lexicon ("the raid", "attacks"), which may take
    up one told before, not by a verb ("blasted"), which tells one of its own."""
    word = trigger.lower()
    return word in written or (word.endswith("s") and word[:-1] in written)


def _same_time(first: Event, second: Event) -> bool:
    """Whether two tellings' dates can be one: either is untold, or one lies within the other
    ("in 1999 ... on July 27, 1999")."""
    if first.time is None or second.time is None or first.time == second.time:
        return True
    one, other = first.time.value or "", second.time.value or ""
    return bool(one and other) and (one.startswith(other) or other.startswith(one))


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
