"""Events: trigger words from the lexicon, their participants, place and time from the parse.

One module per job: ``lexicon`` (the trigger lexicon and the type a word stands for), ``roles``
(participants in their roles), ``verbs`` and ``nouns`` (events told by each), ``modality``
(whether an event is told as done), ``speakers`` (who speaks), ``timing`` (date and duration),
``places`` (the place a sentence, a gathering or a "where" clause gives), ``finder`` (every
event of an article) and ``occasions`` (one occasion told twice, merged after resolution)."""

from __future__ import annotations

from kg.extract.events.finder import find_events
from kg.extract.events.occasions import merge_occasions
from kg.extract.events.roles import INTERVIEW_ANCHORS, REPORTING

__all__ = ["INTERVIEW_ANCHORS", "REPORTING", "find_events", "merge_occasions"]
