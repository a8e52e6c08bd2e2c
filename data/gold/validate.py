"""Check the gold annotations: YAML parses, schema values are allowed, every label used in
relations/events is declared in entities, every `text` snippet (events, statistics) occurs
verbatim in its article, and every entity label or alias occurs in the article text.

Run: .venv/bin/python data/gold/validate.py
"""
import datetime
import re
import sys
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent
SEED_CANDIDATES = [GOLD.parent / "articles" / "kim-jong-un-defections.txt",
                   GOLD.parents[2] / "shared" / "seed" / "kim-jong-un-defections.txt"]

ENTITY_TYPES = {"Person", "Country", "City", "Place", "GovernmentOrganization",
                "NewsOrganization", "Organization"}
PREDICATES = {"nationality", "jobTitle", "memberOf", "leaderOf", "partOf", "basedIn",
              "locatedIn", "parent", "child", "spouse", "sibling"}
LITERAL_OBJECT = {"jobTitle"}
EVENT_TYPES = {"Defection", "Migration", "Visit", "Meeting", "PressConference", "Death", "War",
               "Attack", "Treaty", "Ceasefire", "Interview", "Publication", "Report", "Statement",
               "NoComment", "Election", "Disaster", "Arrest", "Protest", "Agreement", "Sanction",
               "Appointment", "Resignation", "Acquisition", "Layoff", "Tariff",
               "Trial", "Launch", "Landing"}
UNITS = {"percent", "count", "money"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def article_text(art_id):
    path = GOLD / "articles" / f"{art_id}.md"
    if path.exists():
        raw = path.read_text(encoding="utf-8")
        m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
        if not m:
            raise ValueError(f"{path}: no front matter")
        return yaml.safe_load(m.group(1)), m.group(2)
    for seed in SEED_CANDIDATES:
        if seed.exists():
            return None, seed.read_text(encoding="utf-8")
    raise FileNotFoundError(art_id)


def norm_date(v):
    return v.isoformat() if isinstance(v, datetime.date) else str(v)


def check(path):
    errs = []
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    art = doc["article"]
    front, body = article_text(art)
    if front is not None:
        if front.get("id") != art:
            errs.append(f"front matter id {front.get('id')!r} != {art!r}")
        if norm_date(front.get("published")) != norm_date(doc["published"]):
            errs.append("published date differs from article front matter")
        words = len(body.split())
        if not 250 <= words <= 450:
            errs.append(f"article body has {words} words")
    labels = {}
    for e in doc["entities"]:
        if e["label"] in labels:
            errs.append(f"duplicate entity {e['label']}")
        labels[e["label"]] = e["type"]
        if e["type"] not in ENTITY_TYPES:
            errs.append(f"bad type {e['type']} for {e['label']}")
        forms = [e["label"]] + list(e.get("aliases") or [])
        for a in e.get("aliases") or []:
            if a not in body:
                errs.append(f"alias {a!r} of {e['label']} not in text")
        if not any(f in body for f in forms):
            # countries named only through an adjective ("Croatian") are allowed
            if e["type"] != "Country":
                errs.append(f"entity {e['label']!r}: no surface form in text")
    for r in doc.get("relations") or []:
        s, p, o = r
        if p not in PREDICATES:
            errs.append(f"bad predicate {p}")
        if s not in labels:
            errs.append(f"relation subject {s!r} not an entity")
        if p not in LITERAL_OBJECT and o not in labels:
            errs.append(f"relation object {o!r} not an entity")
    for ev in doc.get("events") or []:
        if ev["type"] not in EVENT_TYPES:
            errs.append(f"bad event type {ev['type']}")
        for p in ev.get("participants") or []:
            if p not in labels:
                errs.append(f"event participant {p!r} not an entity")
        if ev.get("place") and ev["place"] not in labels:
            errs.append(f"event place {ev['place']!r} not an entity")
        for k in ("date", "effective"):
            if k in ev and not DATE_RE.match(norm_date(ev[k])):
                errs.append(f"bad {k} {ev[k]!r}")
        if ev["text"] not in body:
            errs.append(f"event text not verbatim: {ev['text']!r}")
    for st in doc.get("statistics") or []:
        if st["unit"] not in UNITS:
            errs.append(f"bad unit {st['unit']}")
        if st["unit"] == "money" and not st.get("currency"):
            errs.append(f"money without currency: {st['text']!r}")
        if not isinstance(st["value"], (int, float)):
            errs.append(f"non-numeric value {st['value']!r}")
        if st["text"] not in body:
            errs.append(f"statistic text not verbatim: {st['text']!r}")
        c = st.get("comparison")
        if c and (c.get("kind") not in {"ratio", "difference"} or not isinstance(c.get("value"), (int, float))):
            errs.append(f"bad comparison {c!r}")
    counts = tuple(len(doc.get(k) or []) for k in ("entities", "relations", "events", "statistics"))
    return errs, counts


def main():
    bad = 0
    print(f"{'file':40s} ent rel evt stat")
    for path in sorted((GOLD / "annotations").glob("*.yaml")):
        errs, (ne, nr, nv, ns) = check(path)
        print(f"{path.name:40s} {ne:3d} {nr:3d} {nv:3d} {ns:4d}")
        for e in errs:
            print("   ERROR:", e)
        bad += len(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
