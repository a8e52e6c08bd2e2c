"""Hand-made resolved facts of one small article, for the stages after resolution (rdf, store, api)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kg import vocab
from kg.model import (
    Article,
    Attribute,
    Comparison,
    Entity,
    Event,
    Evidence,
    Facts,
    Mention,
    Relation,
    Sentence,
    Statistic,
    TimeValue,
)

TEXT = "Ri Il Kyu fled to Seoul in 2023. He said 40 percent of 300 diplomats left, 120 in all."
ART = vocab.BASE + "article/wire%2F1"


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def evidence(text: str, sentence: int = 0, rule: str = "hand-made") -> Evidence:
    return Evidence(sentence, *span(text), rule=rule, confidence=0.8)


RI = Mention("m1", "Ri Il Kyu", *span("Ri Il Kyu"), sentence=0, type="Person")
SEOUL = Mention("m2", "Seoul", *span("Seoul"), sentence=0, type="City", key="seoul")
HE = Mention("m3", "He", *span("He"), sentence=1, type="Person", kind="pronoun")
FACTS = Facts(
    article=Article(id="wire/1", text=TEXT, title="A defection", published=date(2024, 5, 1),
                    url="https://news.example/1", source="Example Wire"),
    sentences=(Sentence(0, 0, 32, TEXT[:32]), Sentence(1, 33, len(TEXT), TEXT[33:])),
    entities=(
        Entity("ri-il-kyu", "Ri Il Kyu", "Person", aliases=("Ri",), mentions=(RI, HE)),
        Entity("seoul", "Seoul", "City", wikidata="Q8684", mentions=(SEOUL,)),
    ),
    relations=(Relation("ri-il-kyu", "locatedIn", "seoul", evidence("Ri Il Kyu fled to Seoul")),),
    attributes=(Attribute("ri-il-kyu", "jobTitle", "diplomat", evidence("Ri Il Kyu")),),
    events=(Event("event-1", "Defection", "fled", evidence("fled to Seoul", rule="event-trigger"),
                  roles=(("agent", "ri-il-kyu"), ("destination", "seoul")),
                  time=TimeValue("in 2023", value="2023", datatype="gYear", resolved=True)),),
    statistics=(
        Statistic("statistic-1", Decimal(40), "percent", "diplomats", evidence("40 percent", 1),
                  text="40 percent", base=Decimal(300), source="ri-il-kyu",
                  comparisons=(Comparison("ratio", Decimal("0.5"), "last year", "half"),)),
        Statistic("statistic-2", Decimal(120), "count", "diplomats", evidence("120", 1), text="120"),
    ),
)
