"""The SPARQL 1.1 Protocol's rules for ``kg serve``: what may run, in which format, the answer.

Specifications: SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/), the Query
Results JSON, XML and CSV/TSV formats, and SPARQL 1.1 Service Description
(https://www.w3.org/TR/sparql11-service-description/).

"No way out": pyoxigraph runs ``SERVICE`` by calling the remote endpoint over HTTP and ``LOAD`` by
fetching the document (checked by ``tests/test_server.py``), so both are refused before a query
or update reaches the store, unless the server was started with ``--allow-service``. ``FROM``
and ``FROM NAMED`` never fetch anything in pyoxigraph (they only pick graphs of the store; also
tested), and the server accepts them only for graphs the store holds.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

import pyoxigraph

from kg.errors import QueryError, RequestError
from kg.sparqltext import BEFORE_KEYWORD, DATASET_CLAUSE, QUERY_FORM, calls_out, code_only
from kg.stores import Store, Term
from kg.vocab import PREFIXES
from kg.web.negotiation import choose

# --- Reading a query's text -------------------------------------------------------------------

_PREFIX = re.compile(BEFORE_KEYWORD + r"PREFIX\s+([^\s:]*):\s*", re.I)
_BASE = re.compile(BEFORE_KEYWORD + r"BASE\s+", re.I)
_IRI_AT = re.compile(r'<((?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>')
_PREFIXED_NAME_AT = re.compile(r"""([^\s:<>{}"'()]*):((?:\\.|[^\s<>{}"'()\\,;])*)""")
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def query_form(sparql: str) -> str | None:
    """``select``, ``ask``, ``construct`` or ``describe``: the form of a query (None if unknown).

    >>> query_form("PREFIX s: <http://select/> # ASK\\nconstruct { ?s ?p ?o } WHERE {}")
    'construct'
    """
    match = QUERY_FORM.search(code_only(sparql))
    return match[1].lower() if match else None


def check_no_way_out(sparql: str, *, update: bool = False) -> None:
    """Refuse (403) a query with ``SERVICE``, or an update with ``SERVICE`` or ``LOAD``.

    Conservative on purpose: the letters are refused wherever they stand outside strings,
    IRIs, comments and variable names, so a prefixed name that contains them is refused too.
    """
    found = calls_out(sparql, update=update)
    if found == "SERVICE":
        raise RequestError(
            403,
            "SERVICE is not allowed: this endpoint never calls other servers "
            "(start kg serve with --allow-service to allow federated queries). "
            "Outside strings, IRIs and variables the word 'service' is refused wherever it "
            "appears, in a prefixed name too: write such a name as a full <IRI>.",
        )
    if found == "LOAD":
        raise RequestError(
            403,
            "LOAD is not allowed: this endpoint never fetches data from other servers "
            "(start kg serve with --allow-service to allow it). Outside strings, IRIs and "
            "variables the word 'load' is refused wherever it appears in an update.",
        )


def dataset_graphs(sparql: str) -> list[str]:
    """The graph IRIs that the ``FROM`` and ``FROM NAMED`` clauses of a query name."""
    code = code_only(sparql)
    prefixes = dict(PREFIXES)
    base = None
    for match in _BASE.finditer(code):
        iri = _IRI_AT.match(sparql, match.end())
        if iri:
            base = _unescape(iri[1])
    for match in _PREFIX.finditer(code):
        iri = _IRI_AT.match(sparql, match.end())
        if iri:
            prefixes[match[1]] = _unescape(iri[1])
    graphs = []
    for match in DATASET_CLAUSE.finditer(code):
        iri = _IRI_AT.match(sparql, match.end())
        if iri:
            value = _unescape(iri[1])
            graphs.append(urljoin(base, value) if base else value)
            continue
        name = _PREFIXED_NAME_AT.match(sparql, match.end())
        if name and name[1] in prefixes:
            local = re.sub(r"\\(.)", r"\1", name[2].rstrip("."))
            graphs.append(prefixes[name[1]] + local)
            continue
        raise RequestError(400, f"cannot read the graph named after '{match[0].strip()}'")
    return graphs


LIGHT_ROWS = 100
"""The largest LIMIT of a query :func:`is_light` may call light: the answer is held up to three
times over (TSV, the re-read rows, the final format) in the server process, outside any memory
ceiling, so it is kept small."""

_NAME = r"(?:[A-Za-z][\w.\-]*)?:[\w\-]*"
_TERM = r"(?:[?$]\w+|\0+|" + _NAME + r")"
_OBJECT = r"(?:" + _TERM + r"(?:@[A-Za-z\-]+|\^\^(?:\0+|" + _NAME + r"))?|[+\-]?\d+(?:\.\d+)?)"
_LIGHT_SELECT = re.compile(
    r"\s*(?:(?:PREFIX\s+(?:[A-Za-z][\w.\-]*)?:\s*|BASE\s+)\0+\s*)*"
    r"SELECT\s+(?:\*|(?:[?$]\w+\s*)+)\s*(?:WHERE\s*)?"
    r"\{\s*(" + _TERM + r")\s+(" + _TERM + r"|a)\s+(" + _OBJECT + r")\s*\.?\s*\}"
    r"\s*LIMIT\s+(\d+)\s*",
    re.I,
)


def is_light(sparql: str, max_rows: int) -> bool:
    """Whether the engine's work on a query is bounded by its own small LIMIT: a SELECT of
    plain variables over one triple pattern (no path, no variable twice, no FILTER, FROM,
    OFFSET, DISTINCT or ORDER BY) with ``LIMIT n``, n at most :data:`LIGHT_ROWS` and
    ``max_rows``. Such a query reads at most n matches from an index and holds nothing else,
    so it may be answered without a deadline or a memory ceiling.

    >>> is_light("SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 50", 10_000)
    True
    >>> is_light("SELECT ?s { ?s ?p ?s } LIMIT 50", 10_000)
    False
    >>> is_light("SELECT ?s ?l { ?s rdfs:label ?l } ORDER BY ?l LIMIT 50", 10_000)
    False
    """
    match = _LIGHT_SELECT.fullmatch(code_only(sparql))
    if match is None or int(match[4]) > min(LIGHT_ROWS, max_rows):
        return False
    variables = [term[1:] for term in match.group(1, 2, 3) if term[0] in "?$"]
    return len(variables) == len(set(variables))


def _unescape(iri: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m[1] or m[2], 16)), iri)


# --- Formats ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerFormat:
    """A format the endpoint answers in: its ``format=`` name, media type, whether it is for
    graphs (CONSTRUCT, DESCRIBE) or for solutions (SELECT, ASK), and other names it goes by."""

    name: str
    media_type: str
    graph: bool
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("json", "xml"))
        return self.media_type + ("; charset=utf-8" if text else "")


ANSWER_FORMATS: tuple[AnswerFormat, ...] = (
    AnswerFormat("json", "application/sparql-results+json", False, ("application/json",)),
    AnswerFormat("xml", "application/sparql-results+xml", False, ("application/xml", "text/xml")),
    AnswerFormat("csv", "text/csv", False),
    AnswerFormat("tsv", "text/tab-separated-values", False),
    AnswerFormat(
        "turtle", "text/turtle", True, ("ttl", "n3", "application/turtle", "application/x-turtle")
    ),
    AnswerFormat("nt", "application/n-triples", True, ("ntriples", "n-triples", "text/plain")),
    AnswerFormat(
        "jsonld", "application/ld+json", True,
        ("json-ld", "json", "application/json", "application/x-json+ld"),
    ),
    AnswerFormat(
        "rdfxml", "application/rdf+xml", True, ("rdf+xml", "xml", "application/xml", "text/xml")
    ),
)
"""Every answer format, listed once, most preferred first within each kind."""

_RESULTS_FORMAT = {
    "json": pyoxigraph.QueryResultsFormat.JSON,
    "xml": pyoxigraph.QueryResultsFormat.XML,
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
}
_RDF_FORMAT = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}
FORMAT_BY_NAME = {f.name: f for f in ANSWER_FORMATS}


@dataclass(frozen=True)
class _Offer:
    """The formats for one kind of answer, and what negotiation needs of them."""

    formats: tuple[AnswerFormat, ...]
    kind: str
    media_types: tuple[str, ...]
    """Their media types, then the aliases that are media types (as :func:`choose` takes)."""

    @property
    def choices(self) -> str:
        return ", ".join(f"{f.name} ({f.media_type})" for f in self.formats)


def _offer(graph: bool) -> _Offer:
    formats = tuple(f for f in ANSWER_FORMATS if f.graph == graph)
    return _Offer(
        formats,
        "a graph (CONSTRUCT, DESCRIBE)" if graph else "solutions (SELECT, ASK)",
        tuple(f.media_type for f in formats)
        + tuple(alias for f in formats for alias in f.aliases if "/" in alias),
    )


_OFFERS = {graph: _offer(graph) for graph in (False, True)}


def negotiate(accept: str | None, format_names: Sequence[str], *, graph: bool) -> AnswerFormat:
    """The format to answer with: the first known ``format=`` value if any, else the Accept
    header's choice among the formats for graphs (``graph``) or for solutions; 406 if none."""
    offer = _OFFERS[graph]
    if format_names:
        for value in format_names:
            key = value.strip().lower()
            for candidate in offer.formats:
                if key in (candidate.name, candidate.media_type, *candidate.aliases):
                    return candidate
        raise RequestError(
            406, f"format={format_names[0]} cannot carry {offer.kind}; choose one of: "
                 f"{offer.choices}"
        )
    chosen = choose(accept, offer.media_types)
    if chosen is None:
        raise RequestError(406, f"the Accept header allows no format for {offer.kind}: "
                                f"{offer.choices}")
    for candidate in offer.formats:
        if chosen in (candidate.media_type, *candidate.aliases):
            return candidate
    raise AssertionError(chosen)  # every offered media type belongs to a format


# --- Answering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A query's answer, ready to send: the body, its media type, how many solutions or
    triples it holds (None for ASK) and whether the row cap cut it short."""

    body: bytes
    content_type: str
    rows: int | None = None
    truncated: bool = False


def _past(deadline: float) -> bool:
    return time.monotonic() > deadline


def _timed_out() -> RequestError:
    return RequestError(504, "the query ran out of time")


def answer_query(
    store: Store,
    deadline: float,
    sparql: str,
    format_name: str,
    max_rows: int,
    dataset: Sequence[str] = (),
) -> Answer:
    """Run a query and write its answer in the format ``format_name``, keeping at most
    ``max_rows`` solutions or triples; ``dataset`` are the graphs its FROM clauses name.

    (A job for :mod:`kg.web.runner`: it runs in a worker, and stops between rows once
    ``deadline`` has passed.)
    """
    if dataset:
        present = set(store.graphs())
        for iri in dataset:
            if iri not in present:
                raise RequestError(
                    403,
                    f"FROM <{iri}>: there is no such graph in this store, and this endpoint "
                    "never fetches graphs from elsewhere (GET /sparql lists the graphs it has)",
                )
    result = store.query(sparql)
    answer_format = FORMAT_BY_NAME[format_name]
    try:
        if isinstance(result, pyoxigraph.QueryBoolean):
            if answer_format.graph:
                answer_format = FORMAT_BY_NAME["json"]
            body = result.serialize(format=_RESULTS_FORMAT[answer_format.name])
            assert body is not None
            return Answer(body, answer_format.content_type)
        if isinstance(result, pyoxigraph.QuerySolutions):
            if answer_format.graph:
                answer_format = FORMAT_BY_NAME["json"]
            return _solutions(result, answer_format, max_rows, deadline)
        if not answer_format.graph:
            answer_format = FORMAT_BY_NAME["turtle"]
        return _graph(result, answer_format, max_rows, deadline)
    except RuntimeError as error:  # an evaluation error met while reading the results
        raise QueryError(f"the query failed: {error}") from error


def answer_light(store: Store, deadline: float, sparql: str, format_name: str) -> Answer:
    """The answer to a query :func:`is_light` accepts, written by pyoxigraph in one go (the
    row cap cannot cut it short); a job for :meth:`kg.web.runner.ProcessRunner.call_here`.

    JSON and TSV are written once, straight from the engine, and their rows counted in the
    written text (:func:`_json_rows`, one line per row in TSV); the other formats are written
    as TSV, counted, re-read and written again."""
    result = store.query(sparql)
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise QueryError("a light query must be a SELECT")
    answer_format = FORMAT_BY_NAME[format_name]
    if answer_format.graph:
        answer_format = FORMAT_BY_NAME["json"]
    name = answer_format.name
    written = name if name in ("json", "tsv") else "tsv"
    try:
        body = result.serialize(format=_RESULTS_FORMAT[written])
    except RuntimeError as error:  # an evaluation error met while reading the results
        raise QueryError(f"the query failed: {error}") from error
    assert body is not None
    if written == "json":
        rows = _json_rows(body)
        if rows is None:
            rows = _tsv_rows(_rewrite(body, "json", "tsv"))
        return Answer(body, answer_format.content_type, rows)
    if name == "tsv":
        return Answer(body, answer_format.content_type, _tsv_rows(body))
    return Answer(_rewrite(body, "tsv", name), answer_format.content_type, _tsv_rows(body))


def _tsv_rows(tsv: bytes) -> int:
    """How many solutions TSV results hold: it escapes the line breaks in terms, so one line
    per solution after the header."""
    return tsv.count(b"\n") - 1


def _rewrite(body: bytes, source: str, target: str) -> bytes:
    """Results written in the format ``source``, re-read and written in ``target``."""
    read = pyoxigraph.parse_query_results(body, format=_RESULTS_FORMAT[source])
    assert isinstance(read, pyoxigraph.QuerySolutions)
    written = read.serialize(format=_RESULTS_FORMAT[target])
    assert written is not None
    return written


def _json_rows(body: bytes) -> int | None:
    r"""How many solutions pyoxigraph's (compact) JSON results hold, or None when the text
    alone cannot tell (solutions that bind nothing, or another layout). For the answer to a
    light query: its solutions all bind the same variables, those of its one pattern.

    Solutions that bind something begin with ``{"``, and between two of them stands ``},{"``,
    which occurs nowhere else: not inside a term (whose members are separated by ``,"``), and
    not inside a string (where a ``"`` is escaped as ``\"``).

    >>> _json_rows(b'{"head":{"vars":["s"]},"results":{"bindings":[]}}')
    0
    >>> _json_rows(b'{"head":{"vars":["l"]},"results":{"bindings":[{"l":{"type":"literal",'
    ...            b'"value":"},{\\"l\\":"}},{"l":{"type":"literal","value":"b"}}]}}')
    2
    >>> _json_rows(b'{"head":{"vars":["z"]},"results":{"bindings":[{},{}]}}') is None
    True
    """
    if body.endswith(b'"bindings":[]}}'):
        return 0
    if b'"bindings":[{"' not in body:
        return None
    return body.count(b'},{"') + 1


def _solutions(
    solutions: pyoxigraph.QuerySolutions, answer_format: AnswerFormat, max_rows: int,
    deadline: float,
) -> Answer:
    # pyoxigraph writes a whole result; to stop at the row cap, the kept rows are written as
    # TSV (each term in its N-Triples form, which escapes tabs and newlines) and re-read, so
    # every format still comes from pyoxigraph's own W3C serialisers.
    lines = ["\t".join(str(variable) for variable in solutions.variables)]
    truncated = False
    for solution in solutions:
        if len(lines) > max_rows:
            truncated = True
            break
        if _past(deadline):
            raise _timed_out()
        lines.append("\t".join("" if term is None else _tsv_term(term) for term in solution))
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    kept = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
    assert isinstance(kept, pyoxigraph.QuerySolutions)
    body = kept.serialize(format=_RESULTS_FORMAT[answer_format.name])
    assert body is not None
    return Answer(body, answer_format.content_type, len(lines) - 1, truncated)


def _tsv_term(term: Term) -> str:
    """A term as TSV results write it: its N-Triples form, a quoted triple within ``<<( )>>``
    (whose ``str`` leaves out the outermost brackets)."""
    return f"<<( {term} )>>" if isinstance(term, pyoxigraph.Triple) else str(term)


def _graph(
    triples: pyoxigraph.QueryTriples, answer_format: AnswerFormat, max_rows: int,
    deadline: float,
) -> Answer:
    # The default graph is the union of the article graphs, where a triple two graphs share
    # comes twice: keep each once, sorted by subject so the answer is stable and readable.
    kept: dict[pyoxigraph.Triple, None] = {}
    truncated = False
    for triple in triples:
        if _past(deadline):
            raise _timed_out()
        if triple in kept:
            continue
        if len(kept) == max_rows:
            truncated = True
            break
        kept[triple] = None
    ordered = sorted(kept, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    rdf_format = _RDF_FORMAT[answer_format.name]
    prefixes = None if rdf_format == pyoxigraph.RdfFormat.N_TRIPLES else dict(PREFIXES)
    body = pyoxigraph.serialize(ordered, format=rdf_format, prefixes=prefixes)
    assert body is not None
    return Answer(body, answer_format.content_type, len(ordered), truncated)


def run_update(store: Store, deadline: float, sparql: str) -> None:
    """Run a SPARQL update as one transaction (a job for :mod:`kg.web.runner`)."""
    store.update(sparql)


# --- Service description ----------------------------------------------------------------------

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}


def describe_service(
    store: Store, deadline: float, endpoint: str, limits: str, allow_update: bool,
    format_name: str,
) -> Answer:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint``: languages, result
    formats, the union default graph and the named graphs of the store (a runner job)."""
    endpoint_node = pyoxigraph.NamedNode(endpoint)
    languages = ["sd:SPARQL11Query"] + (["sd:SPARQL11Update"] if allow_update else [])
    formats = ", ".join(f"formats:{_FORMAT_IRIS[f.name]}" for f in ANSWER_FORMATS)
    named = ",\n".join(
        f"    [ a sd:NamedGraph ; sd:name {pyoxigraph.NamedNode(iri)} ]" for iri in store.graphs()
    )
    turtle = f"""@prefix sd: <{_SD}> .
@prefix formats: <{_FORMATS}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

[] a sd:Service ;
  rdfs:label "kg serve" ;
  rdfs:comment {pyoxigraph.Literal(limits)} ;
  sd:endpoint {endpoint_node} ;
  sd:supportedLanguage {", ".join(languages)} ;
  sd:resultFormat {formats} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [
    a sd:Dataset ;
    rdfs:comment "The default graph is the union of the named graphs." ;
    sd:defaultGraph [ a sd:Graph ]{" ;" if named else ""}
{"    sd:namedGraph" + chr(10) + named if named else ""}
  ] .
"""
    answer_format = FORMAT_BY_NAME[format_name]
    if answer_format.name == "turtle":
        return Answer(turtle.encode("utf-8"), answer_format.content_type)
    triples = pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    body = pyoxigraph.serialize(
        [quad.triple for quad in triples], format=_RDF_FORMAT[answer_format.name]
    )
    assert body is not None
    return Answer(body, answer_format.content_type)
