"""A store's content as comparable values: two builds that should agree compare equal."""

from __future__ import annotations

from rdflib import Dataset
from rdflib.compare import IsomorphicGraph, to_isomorphic

import kg

Quads = tuple[list[str], dict[str, IsomorphicGraph]]


def quads(store: str | kg.KnowledgeGraph) -> Quads:
    """The store as sorted N-Quads, without the build record's end time; the quads with blank
    nodes (a quarantine's reified statements) as one graph per named graph, compared up to the
    blank nodes' names."""
    opened = kg.open(store) if isinstance(store, str) else store
    dump = opened.export("nquads")
    assert isinstance(dump, bytes)
    ground, with_blanks = [], Dataset()
    for line in dump.decode().splitlines():
        if "_:" in line:
            with_blanks.parse(data=line, format="nquads")
        elif "endedAtTime" not in line:
            ground.append(line)
    return sorted(ground), {str(graph.identifier): to_isomorphic(graph)
                            for graph in with_blanks.graphs() if len(graph)}
