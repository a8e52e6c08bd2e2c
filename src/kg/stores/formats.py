"""The RDF formats kg exports a store in, found by name, alias or file extension."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph

from kg.errors import InputError


@dataclass(frozen=True)
class ExportFormat:
    """An RDF serialisation kg can write: its name, other names, file extensions, and whether
    it keeps the named graphs (quad formats) or merges them into one graph (triple formats)."""

    name: str
    rdf_format: pyoxigraph.RdfFormat
    keeps_graphs: bool
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("turtle", pyoxigraph.RdfFormat.TURTLE, False, ("ttl",), ("ttl",)),
    ExportFormat("nt", pyoxigraph.RdfFormat.N_TRIPLES, False, ("ntriples", "n-triples"), ("nt",)),
    ExportFormat("nquads", pyoxigraph.RdfFormat.N_QUADS, True, ("nq", "n-quads"), ("nq",)),
    ExportFormat("trig", pyoxigraph.RdfFormat.TRIG, True, (), ("trig",)),
    # JSON-LD could carry the graphs, but as an export it is read by tools that expect one graph.
    ExportFormat("jsonld", pyoxigraph.RdfFormat.JSON_LD, False, ("json-ld",), ("jsonld", "json")),
    ExportFormat("xml", pyoxigraph.RdfFormat.RDF_XML, False, ("rdfxml", "rdf/xml"), ("rdf", "xml")),
)
"""Every export format, listed once; the lookups below are derived from this table."""

_FORMAT_BY_NAME = {key: f for f in EXPORT_FORMATS for key in (f.name, *f.aliases)}
_FORMAT_BY_EXTENSION = {extension: f for f in EXPORT_FORMATS for extension in f.extensions}


def format_for(name_or_path: str) -> ExportFormat:
    """The export format named ``name_or_path`` (or an alias), or guessed from a file extension.

    >>> format_for("ttl").name, format_for("out/graph.nq").name
    ('turtle', 'nquads')
    """
    key = name_or_path.strip().lower()
    if key in _FORMAT_BY_NAME:
        return _FORMAT_BY_NAME[key]
    extension = Path(key).suffix.lstrip(".") or key.lstrip(".")
    if extension in _FORMAT_BY_EXTENSION:
        return _FORMAT_BY_EXTENSION[extension]
    known = {**_FORMAT_BY_EXTENSION, **_FORMAT_BY_NAME}
    close = difflib.get_close_matches(extension or key, list(known), n=1)
    hint = f"; did you mean '{known[close[0]].name}'?" if close else ";"
    choices = ", ".join(f.name for f in EXPORT_FORMATS)
    raise InputError(f"unknown format '{name_or_path}'{hint} choose one of: {choices}")


RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def triple_order(triple: pyoxigraph.Triple) -> tuple[str, bool, str, str]:
    # Subjects together, rdf:type first: the Turtle writer then groups them as "s a C ; p o".
    return (
        str(triple.subject),
        triple.predicate != RDF_TYPE,
        str(triple.predicate),
        str(triple.object),
    )


def write_triples(
    triples: Iterator[pyoxigraph.Triple],
    output: BinaryIO,
    export_format: ExportFormat,
    prefixes: Mapping[str, str],
) -> None:
    """Serialise ``triples`` once each, sorted by subject (for the remote store, which receives
    them as query results; it holds them all in memory)."""
    pyoxigraph.serialize(
        sorted(set(triples), key=triple_order),
        output,
        export_format.rdf_format,
        prefixes=dict(prefixes),
    )


def write_graph(
    triples: Iterator[pyoxigraph.Triple],
    name: pyoxigraph.NamedNode,
    output: BinaryIO,
    export_format: ExportFormat,
    prefixes: Mapping[str, str],
) -> None:
    """Serialise one graph's ``triples``, sorted by subject, under its name ``name`` in a quad
    format (for the remote store)."""
    if export_format.keeps_graphs:
        quads = (pyoxigraph.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        pyoxigraph.serialize(
            sorted(quads, key=lambda quad: triple_order(quad.triple)),
            output,
            export_format.rdf_format,
            prefixes=dict(prefixes),
        )
    else:
        write_triples(triples, output, export_format, prefixes)
