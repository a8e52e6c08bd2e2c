"""Consistency checks for the held-out gold set (run with .venv/bin/python).

Mirrors the checks described in data/gold/README.md: parsing, closed vocabularies,
declared labels, verbatim aliases/snippets, date format and article length.
For .html articles the text is taken from the <article> element (minus any
"Related stories" <aside>), with tags stripped; page chrome is ignored.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
TYPES = {"Person", "Country", "City", "Place", "GovernmentOrganization",
         "NewsOrganization", "Organization"}
PREDICATES = {"nationality", "jobTitle", "memberOf", "leaderOf", "partOf", "basedIn",
              "locatedIn", "parent", "child", "spouse", "sibling"}
EVENT_TYPES = {"Defection", "Migration", "Visit", "Meeting", "PressConference", "Death", "War",
               "Attack", "Treaty", "Ceasefire", "Interview", "Publication", "Report", "Statement",
               "NoComment", "Election", "Disaster", "Arrest", "Protest", "Agreement", "Sanction",
               "Appointment", "Resignation", "Acquisition", "Layoff", "Tariff",
               "Trial", "Launch", "Landing"}
UNITS = {"percent", "count", "money"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def article_text(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, fm, body = raw.split("---\n", 2)
        return yaml.safe_load(fm), body
    art = re.search(r"<article\b.*?</article>", raw, re.S).group(0)
    art = re.sub(r"<aside\b.*?</aside>", " ", art, flags=re.S)
    art = re.sub(r'<div class="(byline|share-buttons)".*?</div>', " ", art, flags=re.S)
    art = re.sub(r"<time\b.*?</time>", " ", art, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", art))
    meta = {"published": re.search(r'<time datetime="(\d{4}-\d{2}-\d{2})', raw).group(1),
            "id": path.stem}
    return meta, re.sub(r"\s+", " ", text)


def main() -> int:
    errors: list[str] = []
    arts = {p.stem: p for p in sorted((ROOT / "articles").iterdir())}
    anns = sorted((ROOT / "annotations").glob("*.yaml"))
    if set(arts) != {a.stem for a in anns}:
        errors.append(f"article/annotation mismatch: {sorted(arts)} vs {[a.stem for a in anns]}")
    for ann_path in anns:
        err = lambda m, n=ann_path.name: errors.append(f"{n}: {m}")  # noqa: E731
        try:
            ann = yaml.safe_load(ann_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            err(f"YAML error {e}")
            continue
        meta, text = article_text(arts[ann_path.stem])
        flat = re.sub(r"\s+", " ", text)
        if ann.get("article") != meta.get("id") or meta.get("id") != ann_path.stem:
            err("article id mismatch")
        words = len(text.split())
        if not 250 <= words <= 450:
            err(f"body has {words} words")
        labels = set()
        for e in ann.get("entities", []):
            if e["label"] in labels:
                err(f"duplicate label {e['label']}")
            labels.add(e["label"])
            if e["type"] not in TYPES:
                err(f"bad type {e}")
            if e["label"] not in flat:  # generic labels for unnamed bodies are allowed
                print(f"  note {ann_path.name}: label {e['label']!r} is not verbatim in the text")
            for form in e.get("aliases", []):
                if form not in flat:
                    err(f"alias not in text: {form!r}")
        for r in ann.get("relations", []):
            s, p, o = r
            if p not in PREDICATES:
                err(f"bad predicate {r}")
            if s not in labels:
                err(f"undeclared subject {r}")
            if p != "jobTitle" and o not in labels:
                err(f"undeclared object {r}")
            if p == "jobTitle" and o != o.lower():
                err(f"jobTitle not lower-case {r}")
        if len({tuple(r) for r in ann.get("relations", [])}) != len(ann.get("relations", [])):
            err("duplicate relation")
        for ev in ann.get("events", []):
            if ev["type"] not in EVENT_TYPES:
                err(f"bad event type {ev}")
            for lab in ev.get("participants", []) + ([ev["place"]] if ev.get("place") else []):
                if lab not in labels:
                    err(f"undeclared event label {lab!r}")
            if ev["text"] not in flat:
                err(f"event text not in article: {ev['text']!r}")
            for k in ("date", "effective"):
                if k in ev and not DATE.match(str(ev[k])):
                    err(f"bad {k} {ev[k]!r}")
        for st in ann.get("statistics", []):
            if st["unit"] not in UNITS:
                err(f"bad unit {st}")
            if st["unit"] == "money" and not re.fullmatch(r"[A-Z]{3}", st.get("currency", "")):
                err(f"money without currency {st}")
            if st["text"] not in flat:
                err(f"stat text not in article: {st['text']!r}")
            if not isinstance(st["value"], (int, float)):
                err(f"non-numeric value {st}")
            c = st.get("comparison")
            if c and c.get("kind") not in {"ratio", "difference"}:
                err(f"bad comparison {st}")
        print(f"{ann_path.stem}: {words} words, {len(labels)} entities, "
              f"{len(ann.get('relations', []))} relations, {len(ann.get('events', []))} events, "
              f"{len(ann.get('statistics', []))} statistics")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
