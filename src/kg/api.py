"""The Python API the CLI calls: build, validate, query, export and count a kg store."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import InputError

Progress = Callable[[str, dict[str, Any]], None]
"""A progress listener: called with an event name and its details; the library never prints."""


def _quiet(event: str, details: dict[str, Any]) -> None:
    """The default listener: ignore progress."""


@dataclass
class ArticleResult:
    """What one article added to the store."""

    id: str
    graph: str
    triples: int
    entities: int
    events: int
    statistics: int
    quarantined: int


@dataclass
class BuildReport:
    """What a build did, article by article."""

    articles: list[ArticleResult] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return sum(a.quarantined for a in self.articles)


def build(
    paths: Iterable[str | Path],
    *,
    store: str | None = None,
    published: date | None = None,
    model: str | None = None,
    processes: int | None = None,
    curation: str | Path | None = None,
    batch_size: int = 200,
    progress: Progress = _quiet,
) -> BuildReport:
    """Read, extract, validate and store articles: one named graph per article.

    Every input file is read and checked before anything is written, so bad input leaves the
    store as it was. Articles are then parsed as a stream (memory stays bounded whatever the
    corpus size) and written in batches of ``batch_size``, each batch one transaction.
    """
    from kg.articles import read_articles
    from kg.curation import apply_curation, load_curation
    from kg.extract import extract
    from kg.nlp import parse_pairs
    from kg.rdf import (
        LAST_BUILD_GRAPH,
        ONTOLOGY_GRAPH,
        build_record,
        graph_iri,
        ontology_graph,
        quarantine_iri,
        to_graph,
    )
    from kg.resolve import agree_with, resolve
    from kg.store import open_store
    from kg.validate import default_engine, quarantine, validate

    paths = list(paths)
    engine = default_engine()
    curated = load_curation(curation) if curation else None
    total = sum(1 for _ in read_articles(paths, published=published))  # checks every input
    if total == 0:
        raise InputError("no articles found in " + ", ".join(str(p) for p in paths))
    workers = processes or (2 if total >= 100 else 1)
    progress("start", {"articles": total, "processes": workers})
    report = BuildReport()
    with open_store(store, create=True) as opened:
        existing = set(opened.graphs())
        known = _known_entities(opened)
        pending: dict[str, str] = {str(ONTOLOGY_GRAPH): ontology_graph().serialize(format="nt")}
        stale: list[str] = []
        articles = ((a.text, a) for a in read_articles(paths, published=published))
        for doc, article in parse_pairs(articles, model, processes=workers):
            # The store's earlier choices first, then a person's decisions over both.
            facts = apply_curation(agree_with(resolve(extract(article, doc)), known), curated)
            if curated:
                known.update({e.key: (e.label, e.type) for e in facts.entities if not e.local})
            graph = to_graph(facts)
            checked = validate(graph, engine=engine)
            quarantined_count = 0
            quarantine_name = str(quarantine_iri(article.id))
            if not checked.conforms:
                graph, quarantined = quarantine(graph, checked)
                quarantined_count = len(set(quarantined.subjects()))
                pending[quarantine_name] = quarantined.serialize(format="nt")
            elif quarantine_name in existing:
                stale.append(quarantine_name)
            name = str(graph_iri(article.id))
            pending[name] = graph.serialize(format="nt")
            report.articles.append(ArticleResult(
                id=article.id, graph=name, triples=len(graph), entities=len(facts.entities),
                events=len(facts.events), statistics=len(facts.statistics),
                quarantined=quarantined_count,
            ))
            progress("article", {"id": article.id})
            if len(report.articles) % batch_size == 0:
                opened.replace_graphs(pending, remove=stale)
                pending, stale = {}, []
        if pending or stale:
            opened.replace_graphs(pending, remove=stale)
        opened.replace_graphs({str(LAST_BUILD_GRAPH): build_record(
            [a.graph for a in report.articles]).serialize(format="nt")})
    progress("done", {"articles": total})
    return report


def store_facts(
    facts: Iterable[Any],
    *,
    store: str | None = None,
    batch_size: int = 200,
    validate: bool = False,
    progress: Progress = _quiet,
) -> BuildReport:
    """Store already extracted facts (``kg.model.Facts``, one per article): ``build`` without
    reading, parsing or extraction; agreement with the store, RDF, optional validation, writes
    in batches of ``batch_size``, each batch one transaction."""
    from kg.rdf import (
        LAST_BUILD_GRAPH,
        ONTOLOGY_GRAPH,
        build_record,
        graph_iri,
        ontology_graph,
        quarantine_iri,
        to_graph,
    )
    from kg.resolve import agree_with
    from kg.store import open_store

    report = BuildReport()
    with open_store(store, create=True) as opened:
        known = _known_entities(opened)
        pending: dict[str, str] = {str(ONTOLOGY_GRAPH): ontology_graph().serialize(format="nt")}
        for item in facts:
            item = agree_with(item, known)
            graph = to_graph(item)
            quarantined_count = 0
            if validate:
                from kg.validate import quarantine
                from kg.validate import validate as check

                checked = check(graph)
                if not checked.conforms:
                    graph, quarantined = quarantine(graph, checked)
                    quarantined_count = len(set(quarantined.subjects()))
                    pending[str(quarantine_iri(item.article.id))] = quarantined.serialize(format="nt")
            name = str(graph_iri(item.article.id))
            pending[name] = graph.serialize(format="nt")
            report.articles.append(ArticleResult(
                id=item.article.id, graph=name, triples=len(graph), entities=len(item.entities),
                events=len(item.events), statistics=len(item.statistics),
                quarantined=quarantined_count,
            ))
            progress("article", {"id": item.article.id})
            if len(report.articles) % batch_size == 0:
                opened.replace_graphs(pending)
                pending = {}
        if pending:
            opened.replace_graphs(pending)
        opened.replace_graphs({str(LAST_BUILD_GRAPH): build_record(
            [a.graph for a in report.articles]).serialize(format="nt")})
    progress("done", {"articles": len(report.articles)})
    return report


def _known_entities(opened: Any) -> dict[str, tuple[str, str]]:
    """Label and class of every entity already in the store, by key."""
    from kg.rdf import ID, KGO

    known: dict[str, tuple[str, str]] = {}
    result = opened.query(f"""SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {{
        ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l ; a ?t .
        FILTER(STRSTARTS(STR(?e), "{ID}") && STRSTARTS(STR(?t), "{KGO}")) }} GROUP BY ?e""")
    for row in result:
        key = str(row["e"].value)[len(str(ID)):]
        known[key] = (str(row["label"].value), str(row["type"].value)[len(str(KGO)):])
    return known


def remove(article_ids: Iterable[str], *, store: str | None = None) -> list[str]:
    """Remove articles (their graph and quarantine graph) from the store; the ids removed."""
    from kg.rdf import graph_iri, quarantine_iri
    from kg.store import open_store

    with open_store(store) as opened:
        existing = set(opened.graphs())
        removed, graphs = [], []
        for article_id in article_ids:
            names = [str(graph_iri(article_id)), str(quarantine_iri(article_id))]
            if names[0] not in existing:
                known = sorted(g.rsplit("/", 1)[-1] for g in existing if "/graph/" in g)
                import difflib

                close = difflib.get_close_matches(article_id, known, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise InputError(f"no article '{article_id}' in the store{hint}")
            removed.append(article_id)
            graphs += [n for n in names if n in existing]
        opened.remove_graphs(graphs)
    return removed


def review(*, store: str | None = None) -> str:
    """Every extracted fact with its sentence, rule and confidence, as CSV for a person to edit."""
    from kg.curation import review_rows, write_review
    from kg.store import open_store

    with open_store(store, read_only=True) as opened:
        return write_review(list(review_rows(opened)))


def _store_graph(store: str | None, only: list[str] | None = None) -> Any:
    """The union of the article graphs in a store (not the ontology, not the quarantine).

    With ``only`` (article graph IRIs), just those graphs plus what every graph says about the
    entities they mention: what a build changed and what it touched.
    """
    import pyoxigraph
    from rdflib import Graph

    from kg.rdf import BASE, KGO, LAST_BUILD_GRAPH, ONTOLOGY_GRAPH
    from kg.store import open_store

    articles = (f'FILTER(STRSTARTS(STR(?g), "{BASE}graph/") && ?g != <{ONTOLOGY_GRAPH}> '
                f"&& ?g != <{LAST_BUILD_GRAPH}>)")
    if only is None:
        sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {articles} }}"
    else:
        values = " ".join(f"<{iri}>" for iri in only)
        sparql = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
            {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}
            UNION
            {{ {{ SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }}
                   GRAPH ?c {{ ?m <{KGO.denotes}> ?s }} }} }}
               GRAPH ?g {{ ?s ?p ?o }} {articles} }}
        }}"""
    with open_store(store, read_only=True) as opened:
        data = pyoxigraph.serialize(opened.query(sparql), format=pyoxigraph.RdfFormat.N_TRIPLES)
    graph = Graph()
    graph.parse(data=data or b"", format="nt")
    return graph


def _last_build(store: str | None) -> list[str] | None:
    """The article graphs the last build wrote, or None when the store does not say."""
    from kg.rdf import LAST_BUILD_GRAPH, PROV
    from kg.store import open_store

    with open_store(store, read_only=True) as opened:
        if str(LAST_BUILD_GRAPH) not in opened.graphs():
            return None
        rows = opened.query(f"SELECT ?g WHERE {{ GRAPH <{LAST_BUILD_GRAPH}> "
                            f"{{ ?build <{PROV.generated}> ?g }} }}")
        return sorted(str(row["g"].value) for row in rows)


def validate_store(store: str | None = None, *, shapes: str | None = None,
                   engine: str = "pyshacl", everything: bool = False) -> Any:
    """Validate what the last build changed (and the entities it touched), or the whole store.

    Validation then costs what changed, not what is stored; ``everything=True`` (``kg validate
    --all``) checks every article graph.
    """
    from kg.validate import load_shapes, validate

    shapes_graph = load_shapes(shapes) if shapes else None
    only = None if everything else _last_build(store)
    return validate(_store_graph(store, only), shapes=shapes_graph, engine=engine)


def query(
    name_or_text: str | None = None,
    *,
    text: str | None = None,
    store: str | None = None,
    params: dict[str, str] | None = None,
    fmt: str = "table",
) -> str | bytes:
    """Run a stored query (file or name in queries/) or a query text; the formatted result."""
    from kg.query import find_query, format_result, run_query
    from kg.store import open_store

    if text is None:
        if not name_or_text:
            raise InputError("give a query: a NAME from queries/, a FILE.rq, or --query TEXT")
        text = find_query(name_or_text).read_text(encoding="utf-8")
    with open_store(store, read_only=True) as opened:
        result = run_query(opened, text, params or {})
        return format_result(result, fmt)


def export(*, store: str | None = None, fmt: str = "turtle") -> bytes:
    """The whole store serialised in an RDF format."""
    from kg.store import export as export_store
    from kg.store import open_store

    buffer = io.BytesIO()
    with open_store(store, read_only=True) as opened:
        export_store(opened, buffer, fmt)
    return buffer.getvalue()


def stats(*, store: str | None = None) -> dict[str, Any]:
    """Counts that summarise a store: articles, entities by type, events by type, figures."""
    from kg.rdf import KGO
    from kg.store import open_store

    def rows(opened: Any, sparql: str) -> list[tuple[str, int]]:
        return [(str(r[0].value).rsplit("#", 1)[-1], int(r[1].value))
                for r in opened.query(sparql)]

    entity_classes = ("Person", "Country", "City", "AdministrativeRegion", "Place", "Organization",
                      "GovernmentOrganization", "Ministry", "Agency", "Embassy", "Government",
                      "Legislature", "Military", "Court", "NewsOrganization", "PoliticalParty",
                      "Company", "InternationalOrganization")
    values = " ".join(f"<{KGO[c]}>" for c in entity_classes)
    with open_store(store, read_only=True) as opened:
        entities = rows(opened, f"""SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            VALUES ?type {{ {values} }} ?e a ?type }} GROUP BY ?type ORDER BY DESC(?n)""")
        events = rows(opened, f"""SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{
            ?e a <https://schema.org/Event> ; a ?type .
            FILTER(STRSTARTS(STR(?type), "{KGO}")) }} GROUP BY ?type ORDER BY DESC(?n)""")
        figures = rows(opened, f"""SELECT ?unit (COUNT(DISTINCT ?s) AS ?n) WHERE {{
            ?s a <{KGO.Statistic}> ; <{KGO.unit}> ?unit }} GROUP BY ?unit""")
        articles = rows(opened, f"""SELECT ("articles" AS ?k) (COUNT(DISTINCT ?a) AS ?n)
            WHERE {{ ?a a <{KGO.Article}> }}""")
        quarantined = rows(opened, f"""SELECT ("q" AS ?k) (COUNT(DISTINCT ?q) AS ?n)
            WHERE {{ ?q a <{KGO.QuarantinedStatement}> }}""")
        triples = opened.triples_count()
    return {
        "articles": articles[0][1] if articles else 0,
        "entities": dict(Counter(dict(entities))),
        "events": dict(events),
        "statistics": dict(figures),
        "quarantined": quarantined[0][1] if quarantined else 0,
        "triples": triples,
    }
