"""The store interface every kg store offers, its types, and what the embedded and remote
stores share: N-Triples helpers, the plan of a graph replacement, SPARQL error messages."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TypeAlias

import pyoxigraph

from kg.errors import InputError, QueryError, StoreError
from kg.sparqltext import check_shape, names_its_dataset
from kg.stores.formats import ExportFormat, format_for
from kg.vocab import PREFIXES

DEFAULT_STORE = ".kg"
"""Where the store lives when no location is given and ``$KG_STORE`` is not set."""

STORE_ENVIRONMENT_VARIABLE = "KG_STORE"
MEMORY = ":memory:"
"""The location of a fresh in-memory store, gone when it is closed."""


Term: TypeAlias = (
    pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
)
"""An RDF term, as pyoxigraph represents it."""

QueryResult: TypeAlias = (
    pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples
)
"""What a query returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""


@dataclass(frozen=True)
class RdfFile:
    """An RDF file to load: where it is, its format, and the named graph its triples go into."""

    path: Path
    rdf_format: pyoxigraph.RdfFormat
    graph: str


# --- The interface ----------------------------------------------------------------------------


class Store(ABC):
    """An RDF dataset of named graphs: what every kg store offers, wherever the data lives.

    Open one with :func:`open_store` and close it (or use ``with``). Every write is one
    transaction: it happens completely or not at all.
    """

    location: str
    read_only: bool

    def __repr__(self) -> str:
        state = " closed" if self.closed else (" read-only" if self.read_only else "")
        return f"<kg.stores.{type(self).__name__} {self.location!r}{state}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    @abstractmethod
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""

    def replace_graphs(
        self,
        graphs: Mapping[str, str],
        *,
        remove: Iterable[str] = (),
        descriptions: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """Replace each named graph in ``graphs`` (graph IRI → N-Triples text) by its new content
        and drop the graphs in ``remove``, all in one transaction.

        ``descriptions`` replaces parts of graphs: graph IRI → {subject IRI → N-Triples text},
        each text taking the place of every triple of that subject in that graph (kg keeps the
        shared entity graph this way, see :mod:`kg.entitygraph`).

        If anything is wrong (malformed N-Triples, a bad IRI) nothing is changed. Blank nodes
        are local to each N-Triples text: ``_:b`` in two graphs are two different nodes.
        """
        self._replace_graphs(graphs, list(remove), descriptions or {})

    @abstractmethod
    def _replace_graphs(self, graphs: Mapping[str, str], remove: list[str],
                        descriptions: Mapping[str, Mapping[str, str]]) -> None:
        """:meth:`replace_graphs`, as each store does it."""

    def remove_graphs(self, iris: Iterable[str]) -> None:
        """Drop the named graphs ``iris`` in one transaction (missing ones are ignored)."""
        self.replace_graphs({}, remove=iris)

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update as one transaction (for kg's own use; users only query)."""

    @abstractmethod
    def flush(self) -> None:
        """Make everything written so far durable and compact for the next reader."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; closing twice is harmless."""

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs in the store, sorted."""

    @abstractmethod
    def triples_count(self) -> int:
        """How many triples the store holds in all (a triple held by two graphs counts twice)."""

    @abstractmethod
    def graph_triples(self, iri: str) -> int:
        """How many triples the named graph ``iri`` holds (0 if there is no such graph)."""

    @abstractmethod
    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query whose default graph is the union of all named graphs.

        ``substitutions`` binds variables (name without ``?``) to terms before the query runs;
        only variables that the SELECT clause lists (or ``SELECT *``) can be bound.
        Beware that the union is not a set: a triple held by two graphs matches twice, so use
        ``DISTINCT`` where that matters.
        """

    def dump(
        self,
        output: BinaryIO,
        format_name: str,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] = PREFIXES,
    ) -> None:
        """Write the store, or the one named graph ``graph``, to ``output`` in an export format.

        Quad formats (N-Quads, TriG) keep the graph names; triple formats get the union of all
        graphs, each triple once, each subject's triples together with its ``rdf:type`` first.
        The same store gives the same bytes each time; the order is the engine's (an embedded
        store streams graph by graph in constant memory, a remote one sorts by subject).
        """
        self._dump(output, format_for(format_name), graph, prefixes)

    @abstractmethod
    def _dump(self, output: BinaryIO, export_format: ExportFormat, graph: str | None,
              prefixes: Mapping[str, str]) -> None:
        """:meth:`dump` in a format already found by name."""

    @abstractmethod
    def load(self, files: Sequence[RdfFile]) -> list[int]:
        """Add the RDF in ``files`` to the store in one bulk load; how many triples each held.

        The named graphs of a quad format (N-Quads, TriG) are kept; triples (and quads in a
        file's default graph) go into the file's ``graph``. Every file is read through before
        anything is written, so a malformed file changes nothing (:class:`InputError`). Blank
        nodes are each file's own: they never merge with the store's. Loading the same file
        twice adds nothing the second time (blank nodes aside).
        """


# --- Shared by the stores ---------------------------------------------------------------------


def oxigraph_query(
    store: pyoxigraph.Store, sparql: str, substitutions: Mapping[str, Term] | None
) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store over the union graph, with kg's prefixes, turning
    pyoxigraph's syntax and binding errors into :class:`QueryError` messages for people."""
    check_shape(sparql)
    bindings = (
        {pyoxigraph.Variable(name): term for name, term in substitutions.items()}
        if substitutions
        else None
    )
    try:
        return store.query(
            sparql,
            # A query that names its dataset (FROM, FROM NAMED) gets exactly that dataset.
            use_default_graph_as_union=not names_its_dataset(sparql),
            prefixes=dict(PREFIXES),
            substitutions=bindings,
        )
    except SyntaxError as error:
        raise QueryError(syntax_error_message("SPARQL query", sparql, error)) from error
    except RuntimeError as error:
        unprojected = re.search(r"does not contains? variable \?(\S+) in its SELECT", str(error))
        if unprojected:
            variable = unprojected.group(1)
            raise QueryError(
                f"cannot bind parameter ?{variable}: the query does not SELECT ?{variable} "
                f"(add ?{variable} to its SELECT clause)"
            ) from error
        raise QueryError(f"the query failed: {error}") from error


class LineNTriples(str):
    """N-Triples text written one triple a line, each line ``<s> <p> <o> .`` and its newline,
    with no comment and no blank line: what pyoxigraph's serialiser and a pyoxigraph term's
    ``str`` write (a build's article graphs, :func:`kg.entitygraph.split`). A store may then
    name the graph at the end of each line to make N-Quads instead of parsing the text
    (:func:`as_nquads`), or put it in a SPARQL update as it is (a "}" can only be inside a
    literal): either is parsed once, when the store writes it. Wrap only text made
    so: after a comment that ends a line, or in a line of two terms, the graph name would not be
    the fourth term."""


def as_nquads(text: str, graph: pyoxigraph.NamedNode) -> str | None:
    """The N-Quads of ``text`` in ``graph`` by naming the graph at each line's end, or None
    when the text is not laid out one triple a line (an empty or unterminated last line)."""
    if not text.endswith(" .\n") or text.count("\n") != text.count(" .\n"):
        return None
    return text.replace(" .\n", f" {graph} .\n")


def graph_name(iri: str) -> pyoxigraph.NamedNode:
    try:
        return pyoxigraph.NamedNode(iri)
    except ValueError as error:
        raise StoreError(f"invalid graph IRI '{iri}': {error}") from error


def planned_replacement(
    graphs: Mapping[str, str], remove: Iterable[str], *, unparsed: Container[str] = ()
) -> tuple[dict[str, pyoxigraph.NamedNode], dict[str, set[pyoxigraph.Triple]], list[str]]:
    """Check a replacement before anything is written: the graph names, each new graph's
    triples (but those of the graphs in ``unparsed``, which the caller reads itself), and the
    graphs to drop."""
    dropped = list(dict.fromkeys(remove))
    both = set(graphs) & set(dropped)
    if both:
        raise ValueError(f"graphs both replaced and removed: {', '.join(sorted(both))}")
    names = {iri: graph_name(iri) for iri in [*graphs, *dropped]}
    new_content = {iri: parse_ntriples(iri, text) for iri, text in graphs.items()
                   if iri not in unparsed}
    return names, new_content, dropped


def planned_descriptions(
    descriptions: Mapping[str, Mapping[str, str]], whole: set[str]
) -> list[tuple[pyoxigraph.NamedNode, pyoxigraph.NamedNode, set[pyoxigraph.Triple]]]:
    """Check the subject replacements of a write: (graph, subject, its new triples) each, the
    new triples all about that subject."""
    both = set(descriptions) & whole
    if both:
        raise ValueError(f"graphs both replaced whole and in part: {', '.join(sorted(both))}")
    planned = []
    for iri, subjects in descriptions.items():
        name = graph_name(iri)
        for subject_iri, text in subjects.items():
            subject = graph_name(subject_iri)
            triples = parse_ntriples(iri, text)
            strays = [t for t in triples if t.subject != subject]
            if strays:
                raise StoreError(f"the description of <{subject_iri}> in <{iri}> has a triple "
                                 f"about {strays[0].subject}; the store is unchanged")
            planned.append((name, subject, triples))
    return planned


def checked_rdf_file(path: str | Path, rdf_format: pyoxigraph.RdfFormat) -> int:
    """Read the RDF file ``path`` through without keeping it: its number of triples, or an
    :class:`InputError` saying where it is malformed."""
    count = 0
    try:
        for _ in pyoxigraph.parse(path=str(path), format=rdf_format):
            count += 1
    except SyntaxError as error:
        reason = " ".join(str(error.msg or error).split())
        raise InputError(f"{path}: {reason}; nothing was loaded") from error
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    return count


def count_solutions(result: QueryResult) -> int:
    """The number in the one solution of a ``SELECT (COUNT(*) AS ?n)`` query."""
    assert isinstance(result, pyoxigraph.QuerySolutions)
    count = next(result)["n"]
    assert isinstance(count, pyoxigraph.Literal)
    return int(count.value)


def parse_ntriples(iri: str, text: str) -> set[pyoxigraph.Triple]:
    try:
        # Renaming blank nodes keeps each text's blank nodes apart from every other graph's.
        quads = pyoxigraph.parse(text, pyoxigraph.RdfFormat.N_TRIPLES, rename_blank_nodes=True)
        return {quad.triple for quad in quads}
    except SyntaxError as error:
        raise invalid_ntriples(iri, error) from error


def invalid_ntriples(iri: str, error: SyntaxError) -> StoreError:
    """The error for a graph's text that is not N-Triples."""
    return StoreError(f"invalid N-Triples for graph <{iri}>: {error.msg}; the store is unchanged")


def is_ground(triple: pyoxigraph.Triple) -> bool:
    return not any(
        isinstance(term, pyoxigraph.BlankNode | pyoxigraph.Triple)
        for term in (triple.subject, triple.object)
    )


def triples_text(triples: Iterable[pyoxigraph.Triple]) -> str:
    # pyoxigraph writes terms in N-Triples syntax, which SPARQL's INSERT/DELETE DATA accept as is.
    return "\n".join(f"{triple.subject} {triple.predicate} {triple.object} ." for triple in triples)


ERROR_POSITION = re.compile(r"error at (\d+):(\d+): ")
_BRACKETED = re.compile(r"\[[^\]]*\]", re.DOTALL)


def syntax_error_message(what: str, sparql: str, error: SyntaxError) -> str:
    """One line saying where a SPARQL text is wrong, from pyoxigraph's "error at L:C: ..."."""
    text = str(error.msg or error)
    position = ERROR_POSITION.match(text)
    if not position:
        return f"invalid {what}: {' '.join(text.split())}"
    line, column = int(position.group(1)), int(position.group(2))
    reason = _readable_reason(text[position.end() :])
    lines = sparql.splitlines()
    near = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    hint = _undeclared_prefix_hint(sparql)
    message = f"invalid {what} at line {line}, column {column}: {reason}"
    if near:
        message += f" (in: {near[:80]})"
    return message + hint


def _readable_reason(reason: str) -> str:
    # pyoxigraph lists what its parser expected, mixing grammar tokens, character classes and,
    # for semantic errors, a sentence ("The SELECT contains a variable that is unbound").
    expected = reason.removeprefix("expected one of ").removeprefix("expected ")
    items = [item.strip() for item in _BRACKETED.sub("", expected).split(", ") if item.strip()]
    sentences = [item for item in items if " " in item]
    if sentences:
        return "; ".join(sentences)
    if len(items) > 8:
        return "expected one of " + ", ".join(items[:8]) + ", ..."
    return " ".join(reason.split())


_PREFIX_DECLARATION = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PREFIX_USE = re.compile(r"(?<![\w<?$/#.:-])([A-Za-z][\w-]*):(?=[A-Za-z_0-9])")


def _undeclared_prefix_hint(sparql: str) -> str:
    code = re.sub(r"<[^<>\s]*>|\"[^\"\n]*\"|'[^'\n]*'|#[^\n]*", " ", sparql)
    declared = set(_PREFIX_DECLARATION.findall(code)) | set(PREFIXES)
    undeclared = sorted(set(_PREFIX_USE.findall(code)) - declared)
    if not undeclared:
        return ""
    first = undeclared[0]
    return f"; is prefix '{first}:' declared? (add PREFIX {first}: <...>)"

