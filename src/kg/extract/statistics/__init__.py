"""Reported figures: value, unit, what is counted, when, about whom, who said so, and comparisons.

One module per job: ``written`` (a number as news copy writes it: value, qualifier, unit,
currency), ``spans`` (which numbers are figures, and the span each is written in), ``not_figures``
(numbers that are labels, names' numbers, rates' bases, ranks or measurements), ``syntax``
(where a figure sits in the parse), ``measured`` (what it counts), ``about`` (whom or where it
is about), ``event`` (the event it measures), ``timing`` (the period it covers), ``sources``
(who it is attributed to), ``comparisons`` (how the figures of one article relate) and
``finder`` (every figure of an article)."""

from __future__ import annotations

from kg.extract.statistics.finder import find_statistics
from kg.extract.statistics.written import parse_number

__all__ = ["find_statistics", "parse_number"]
