"""A tiny hand-written store for the graph-view and drawing tests, and `kg` run in this process."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.stores import open_store

ID = "https://kg.example.org/id/"
KGO = "https://kg.example.org/ontology#"
ARTICLE = "https://kg.example.org/article/tiny"
GRAPH = "https://kg.example.org/graph/tiny"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"

# The tiny graph, drawn undirected (frank stands alone):
#
#   carol ── bob ──── acme ── capital
#             │      /  │        │
#             │ alice   stat    visit ── alice
#             │   │     │
#           freedonia ──┘── ministry
#
ENTITIES = {
    "alice": ("Person", "Alice Smith", ("Ally",)),
    "bob": ("Person", "Bob Jones", ()),
    "carol": ("Person", "Carol Jones", ()),
    "frank": ("Person", "Frank Alone", ()),
    "freedonia": ("Country", "Freedonia", ()),
    "acme": ("Organization", "Acme Corp", ()),
    "ministry": ("Ministry", "Ministry of Tests", ()),
    "capital": ("City", "Capital City", ()),
}
RELATIONS = [  # (subject, property, object, sentence index)
    ("alice", "nationality", "freedonia", 0),
    ("bob", "nationality", "freedonia", 1),
    ("alice", "memberOf", "acme", 0),
    ("bob", "memberOf", "acme", 1),
    ("carol", "spouse", "bob", 2),
    ("acme", "basedIn", "capital", 3),
    ("ministry", "partOf", "freedonia", 4),
]
SENTENCES = [
    "Alice Smith of Freedonia works for Acme Corp.",
    "Bob Jones, a Freedonian, also works for Acme Corp.",
    "Carol Jones is married to Bob Jones.",
    "Acme Corp is based in Capital City.",
    "The Ministry of Tests is part of Freedonia's government.",
    "Alice Smith visited Capital City in March 2024.",
    "Acme Corp says 40 percent of Freedonians own a widget.",
    "Frank Alone was mentioned once.",
]
MENTIONS = {  # entity → sentences that mention it
    "alice": [0, 5], "bob": [1, 2], "carol": [2], "frank": [7], "freedonia": [0, 1, 4, 6],
    "acme": [0, 1, 3, 6], "ministry": [4], "capital": [3, 5],
}


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def tiny_ntriples(labels: dict[str, str] | None = None) -> str:
    """The tiny graph as kg.rdf writes it: types, labels, mentions, reified relations, an
    event with two roles and a date, a statistic about a state reported by a company."""
    labels = labels or {}
    lines = []
    for index, text in enumerate(SENTENCES):
        sentence = f"<{ARTICLE}#sentence-{index}>"
        lines += [f"{sentence} {RDF_TYPE} <{KGO}Sentence> .",
                  f"{sentence} <{KGO}anchorOf> {_literal(text)} .",
                  f"{sentence} <{KGO}sentenceIndex> \"{index}\"^^{INTEGER} .",
                  f"{sentence} <{KGO}sentenceOf> <{ARTICLE}> ."]
    lines += [f"<{ARTICLE}> {RDF_TYPE} <{KGO}Article> .",
              f"<{ARTICLE}> {LABEL} \"A tiny article\" ."]
    for key, (kind, label, alts) in ENTITIES.items():
        node = f"<{ID}{key}>"
        lines += [f"{node} {RDF_TYPE} <{KGO}{kind}> .",
                  f"{node} {LABEL} {_literal(labels.get(key, label))} ."]
        lines += [f"{node} {ALT} {_literal(alt)} ." for alt in alts]
        for number, index in enumerate(MENTIONS[key]):
            mention = f"<{ARTICLE}#mention-{key}-{number}>"
            lines += [f"{mention} {RDF_TYPE} <{KGO}Mention> .",
                      f"{mention} <{KGO}denotes> {node} .",
                      f"{mention} <{KGO}inSentence> <{ARTICLE}#sentence-{index}> .",
                      f"{node} {DERIVED} <{ARTICLE}#sentence-{index}> ."]
    for number, (subject, prop, obj, index) in enumerate(RELATIONS, start=1):
        assertion = f"<{ARTICLE}#relation-{number}>"
        lines += [f"<{ID}{subject}> <{KGO}{prop}> <{ID}{obj}> .",
                  f"{assertion} {RDF_TYPE} <{KGO}Assertion> .",
                  f"{assertion} <{RDF}subject> <{ID}{subject}> .",
                  f"{assertion} <{RDF}predicate> <{KGO}{prop}> .",
                  f"{assertion} <{RDF}object> <{ID}{obj}> .",
                  f"{assertion} {DERIVED} <{ARTICLE}#sentence-{index}> ."]
    visit, stat = f"<{ARTICLE}#event-1>", f"<{ARTICLE}#statistic-1>"
    lines += [f"{visit} {RDF_TYPE} <{KGO}Visit> .",
              f"{visit} {RDF_TYPE} <https://schema.org/Event> .",
              f"{visit} {LABEL} {_literal(labels.get('visit', 'Visit: Alice Smith'))} .",
              f"{visit} <{KGO}agent> <{ID}alice> .",
              f"{visit} <{KGO}location> <{ID}capital> .",
              f"{visit} <{KGO}date> \"2024-03\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .",
              f"{visit} {DERIVED} <{ARTICLE}#sentence-5> .",
              f"{stat} {RDF_TYPE} <{KGO}Statistic> .",
              f"{stat} {LABEL} \"40 percent: Freedonians who own a widget\" .",
              f"{stat} <{KGO}about> <{ID}freedonia> .",
              f"{stat} <{KGO}reportedBy> <{ID}acme> .",
              f"{stat} {DERIVED} <{ARTICLE}#sentence-6> ."]
    return "\n".join(lines) + "\n"


def make_store(location: str, labels: dict[str, str] | None = None) -> str:
    with open_store(location, create=True) as store:
        store.replace_graphs({GRAPH: tiny_ntriples(labels)})
    return location


def run(*args: str) -> tuple[int, str, str]:
    from kg.cli import main
    from kg.cli_graph import graph, viz

    for command in (graph, viz):  # until kg.cli registers them itself
        if command.name not in main.commands:
            main.add_command(command)
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# Names and sentences that try to run script in the page (test_viz, test_browser_viz).
PAYLOADS = (
    "<script>window.__pwned=1;document.title='pwned'</script>",
    "\"><img src=x onerror=\"window.__pwned=2;document.title='pwned'\">",
    "</script><script>window.__pwned=3</script>",
)
HOSTILE_LABELS = {"alice": f"Alice {PAYLOADS[0]}", "bob": f"Bob {PAYLOADS[1]}",
                  "visit": f"Visit {PAYLOADS[2]}"}
