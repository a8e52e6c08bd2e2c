"""A validation report written for people or programs: text, Turtle or JSON, and one summary line.

The three are rendered from the one :class:`kg.validate.ValidationReport`, so they never
disagree.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import asdict

from kg.errors import InputError
from kg.validate import ValidationReport, short_name

_MARKS = {"Violation": "✗", "Warning": "⚠", "Info": "ℹ"}
_SENTENCE_DISPLAY_LIMIT = 240


def render(report: ValidationReport, fmt: str = "text") -> str:
    """The report as ``text`` (for people), ``turtle`` (the report graph) or ``json``."""
    name = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    renderer = _RENDERERS.get(name)
    if renderer is None:
        known = sorted(_RENDERERS)
        close = difflib.get_close_matches(fmt.lower(), [*known, *_FORMAT_ALIASES], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InputError(f"unknown report format {fmt!r}: choose one of {', '.join(known)}{hint}")
    return renderer(report)


def summary(report: ValidationReport) -> str:
    """One line: "N violations, M warnings on K nodes", or "Conforms: 0 violations"."""
    violations, warnings = len(report.violations()), len(report.warnings())
    nodes = len({result.focus for result in report.results})
    if report.conforms:
        if not report.results:
            return "Conforms: 0 violations"
        return f"Conforms: 0 violations, {_count(warnings, 'warning')} on {_count(nodes, 'node')}"
    return (f"{_count(violations, 'violation')}, {_count(warnings, 'warning')} "
            f"on {_count(nodes, 'node')}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _render_text(report: ValidationReport) -> str:
    blocks = []
    for result in report.results:
        focus = short_name(result.focus)
        head = f"{result.focus_label} ({focus})" if result.focus_label else focus
        prop = f" — {result.path_label}" if result.path_label else ""
        lines = [f"{_MARKS.get(result.severity, '?')} {head}{prop}: {result.message}"]
        if result.sentence:
            sentence = " ".join(result.sentence.split())
            if len(sentence) > _SENTENCE_DISPLAY_LIMIT:
                sentence = sentence[: _SENTENCE_DISPLAY_LIMIT - 1].rstrip() + "…"
            lines.append(f"   sentence: “{sentence}”")
        blocks.append("\n".join(lines))
    blocks.append(summary(report))
    return "\n".join(blocks) + "\n"


def _render_json(report: ValidationReport) -> str:
    document = {
        "conforms": report.conforms,
        "violations": len(report.violations()),
        "warnings": len(report.warnings()),
        "results": [asdict(result) for result in report.results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _render_turtle(report: ValidationReport) -> str:
    return report.report_graph.serialize(format="turtle")


_RENDERERS: dict[str, Callable[[ValidationReport], str]] = {
    "text": _render_text,
    "json": _render_json,
    "turtle": _render_turtle,
}
_FORMAT_ALIASES = {"txt": "text", "ttl": "turtle"}


__all__ = ["render", "summary"]
