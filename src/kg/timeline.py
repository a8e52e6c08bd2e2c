"""The dated events of the entity view on a time axis, one row per event class, drawn with
matplotlib as PNG or SVG."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kg.errors import QueryError
from kg.graphlayout import PALETTE, short_label
from kg.views import EntityView
from kg.viz import A4_WIDTH_INCHES, new_figure, save_figure

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an xsd:date, gYearMonth or gYear covers (None if unreadable)."""
    if not value:
        return None
    found = _DATE.match(value.strip())
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class TimelineEvent:
    """An event placed in time: the period its date covers, its class and label."""

    node: str
    type: str
    label: str
    start: dt.date
    end: dt.date


def timeline_events(view: EntityView) -> list[TimelineEvent]:
    """The events of the view that have a date (kgo:date, else kgo:startDate/endDate), in time
    order."""
    found = []
    for node, data in view.graph.nodes(data=True):
        if data.get("kind") != "event":
            continue
        period = _period(data.get("date"))
        start, end = _period(data.get("start_date")), _period(data.get("end_date"))
        if start is not None:
            period = (start[0], end[1] if end else (period[1] if period else start[1]))
        if period is None:
            continue
        found.append(TimelineEvent(node, str(data.get("type", "")), view.label(node), *period))
    found.sort(key=lambda e: (e.start, e.type, e.label))
    return found


def _eras(events: list[TimelineEvent]) -> list[tuple[dt.date, dt.date]]:
    """Split the time axis where nothing happens for long (a 1953 treaty and 2024 news): each
    era gets its own panel; at most three."""
    periods = sorted((e.start, e.end) for e in events)
    total = max((periods[-1][1] - periods[0][0]).days, 1)
    eras = [[periods[0][0], periods[0][1]]]
    for start, end in periods[1:]:
        if (start - eras[-1][1]).days > 0.12 * total:
            eras.append([start, end])
        else:
            eras[-1][1] = max(eras[-1][1], end)
    while len(eras) > 3:  # merge the two closest neighbours
        gaps = [(eras[i + 1][0] - eras[i][1]).days for i in range(len(eras) - 1)]
        i = gaps.index(min(gaps))
        eras[i:i + 2] = [[eras[i][0], eras[i + 1][1]]]
    padded = []
    for start, end in eras:
        margin = dt.timedelta(days=max(45, (end - start).days * 0.06))
        padded.append((start - margin, end + margin))
    return padded


def timeline(view: EntityView, fmt: str = "png") -> bytes:
    """The dated events on a time axis, one row per event class, coloured by class; a date
    that is only a month or a year is drawn as a bar over that month or year. Long empty
    stretches of time are cut out (the axis breaks into up to three panels)."""
    from matplotlib import dates as mdates

    events = timeline_events(view)
    if not events:
        raise QueryError("no event in the store has a date (kgo:date or kgo:startDate): "
                      "nothing to put on a timeline")
    types = sorted({e.type for e in events},
                   key=lambda t: min(e.start for e in events if e.type == t))
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(types))}
    row = {t: i for i, t in enumerate(types)}
    eras = _eras(events)
    spans = [(end - start).days for start, end in eras]
    ratios = [max(span, 0.18 * sum(spans)) for span in spans]
    height = min(11.0, 1.5 + 0.5 * len(types) + 0.05 * len(events))
    figure = new_figure(A4_WIDTH_INCHES, height)
    grid = figure.add_gridspec(1, len(eras), width_ratios=ratios, wspace=0.04, left=0.2,
                               right=0.98, bottom=0.45 / height + 0.02, top=1 - 0.5 / height)
    halo = {"boxstyle": "round,pad=0.05", "facecolor": "white", "edgecolor": "none",
            "alpha": 0.7}
    lanes: dict[tuple[int, str], list[float]] = defaultdict(list)
    axes_list: list[Any] = []
    for number, (era_start, era_end) in enumerate(eras):
        axes = figure.add_subplot(grid[0, number], sharey=axes_list[0] if axes_list else None)
        axes_list.append(axes)
        axes.set_xlim(era_start, era_end)
        era_days = max((era_end - era_start).days, 1)
        for event in events:
            if not (era_start <= event.start <= era_end):
                continue
            y, colour = row[event.type], colours[event.type]
            middle = event.start + (event.end - event.start) / 2
            if event.end > event.start:
                axes.plot([event.start, event.end + dt.timedelta(days=1)], [y, y], color=colour,
                          linewidth=6, alpha=0.35, solid_capstyle="butt", zorder=2)
            axes.plot([middle], [y], marker="o", markersize=5, color=colour,
                      markeredgecolor="white", markeredgewidth=0.6, zorder=3)
            # Labels point into the panel, and stack when events of a class are close.
            label = short_label(event.label, 34)
            position = (middle - era_start).days / era_days
            width = len(label) * 5.5 * 0.55 / (A4_WIDTH_INCHES * 72 * 0.78
                                               * ratios[number] / sum(ratios))
            leftwards = position + width > 1.0
            extent = (position - width, position) if leftwards else (position, position + width)
            ends = lanes[(number, event.type)]
            lane = 0
            while lane < len(ends) and ends[lane] > extent[0]:
                lane += 1
            if lane == len(ends):
                ends.append(extent[1])
            else:
                ends[lane] = extent[1]
            axes.annotate(label, (middle, y), xytext=(-3 if leftwards else 3, 5 + 7.5 * lane),
                          textcoords="offset points", fontsize=5.5, color="#1d2330",
                          ha="right" if leftwards else "left", annotation_clip=False,
                          bbox=halo, zorder=4)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=max(4, round(9 * ratios[number]
                                                                           / sum(ratios))))
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.tick_params(axis="x", labelsize=6.5)
        axes.grid(axis="x", color="#e3e6ea", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.spines["top"].set_visible(False)
        axes.spines["right"].set_visible(False)
        if number > 0:
            axes.spines["left"].set_linestyle((0, (2, 2)))
            axes.tick_params(axis="y", left=False, labelleft=False)
    first = axes_list[0]
    first.set_yticks(range(len(types)), types, fontsize=7)
    stacked = max(len(v) for v in lanes.values())
    first.set_ylim(-0.6, len(types) - 0.4 + 0.3 * stacked)
    for name, colour in colours.items():
        first.get_yticklabels()[row[name]].set_color(colour)
    undated = sum(1 for _, d in view.graph.nodes(data=True) if d.get("kind") == "event") - len(
        events)
    note = f"; {undated} undated events not shown" if undated else ""
    cut = "; the axis is cut where nothing happens for long" if len(eras) > 1 else ""
    figure.suptitle(f"Timeline: {len(events)} dated events{note}{cut}", fontsize=9,
                    y=1 - 0.12 / height, va="top")
    return save_figure(figure, fmt)



__all__ = ["TimelineEvent", "timeline", "timeline_events"]
