"""Two small article graphs that share one triple: what the store tests load into each store."""

from __future__ import annotations

import textwrap

ARTICLE_1 = "https://kg.example.org/graph/article-1"
ARTICLE_2 = "https://kg.example.org/graph/article-2"
GRAPH_1 = textwrap.dedent("""\
    <https://kg.example.org/id/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .
    <https://kg.example.org/id/alice> <https://schema.org/name> "Alice Moreau"@en .
    <https://kg.example.org/id/alice> <https://schema.org/worksFor> <https://kg.example.org/id/acme> .
    <https://kg.example.org/id/acme> <https://schema.org/name> "Acme \\"Corp\\"" .
    _:claim <https://kg.example.org/ontology#says> "3 workers" .
""")  # noqa: E501
GRAPH_2 = textwrap.dedent("""\
    <https://kg.example.org/id/alice> <https://schema.org/name> "Alice Moreau"@en .
    <https://kg.example.org/id/bob> <https://schema.org/birthDate> "1970-01-02"^^<http://www.w3.org/2001/XMLSchema#date> .
    _:claim <https://kg.example.org/ontology#says> "5 workers" .
""")  # noqa: E501
