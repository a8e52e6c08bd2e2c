"""Saved SPARQL queries (``.rq`` files), their parameters, and the formats of their results.

A query file starts with a comment block: the first line is its title (the question it answers),
the following lines describe it, and lines ``# param: NAME (type) description`` declare the
parameters a user may pass as ``NAME=VALUE``::

    # Who defected from which organisation?
    # One row per defection, newest first.
    # param: org (iri) only defections from this organisation
    SELECT ?person ?org ?date WHERE { ... }

Parameter values become RDF terms that pyoxigraph substitutes for the variables (or, for a
variable the SELECT clause leaves out, a ``VALUES`` block written from the escaped term): user
text is never spliced into the query, so a value is always one RDF term however it is written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph

from kg import resources
from kg.errors import InputError, QueryError, StoreError
from kg.sparqltext import code_only, where_brace
from kg.stores import QueryResult, Store, Term, format_for
from kg.vocab import PREFIXES

QUERY_SUFFIX = ".rq"
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "xml")
"""The result formats of SELECT and ASK queries; ``table`` is for people, the others are the
W3C SPARQL 1.1 result formats."""

_XSD = "http://www.w3.org/2001/XMLSchema#"
_W3C_RESULT_FORMATS = {
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
    "json": pyoxigraph.QueryResultsFormat.JSON,
    "xml": pyoxigraph.QueryResultsFormat.XML,
}
# CONSTRUCT and DESCRIBE give a graph: the result format names map to RDF formats.
_GRAPH_RESULT_FORMATS = {"table": "turtle", "json": "jsonld", "xml": "xml"}


@dataclass(frozen=True)
class QueryParam:
    """A parameter a query declares in its header: ``# param: NAME (type) description``."""

    name: str
    type: str | None
    description: str


@dataclass(frozen=True)
class QueryInfo:
    """A saved query: its name, file, title and description, and the parameters it declares."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[QueryParam, ...]


# --- Finding queries --------------------------------------------------------------------------


def find_query(name_or_path: str) -> Path:
    """The ``.rq`` file for ``name_or_path``: an existing file, or the name of a saved query
    (``./queries/NAME.rq``, else one shipped with kg)."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    if path.suffix == QUERY_SUFFIX or len(path.parts) > 1:
        raise QueryError(f"no query file '{name_or_path}'")
    for directory in _query_directories():  # as _query_paths() would find it, without a listing
        found = directory / (name_or_path + QUERY_SUFFIX)
        if found.is_file():
            return found
    close = difflib.get_close_matches(name_or_path, _query_names(), n=3)
    hint = f"; did you mean {_alternatives(close)}?" if close else ""
    raise QueryError(f"no query named '{name_or_path}'{hint} (kg query --list shows all)")


def list_queries() -> list[QueryInfo]:
    """Every saved query, sorted by name: the working directory's ``queries/`` and the shipped
    ones (a local query of the same name comes first)."""
    return [query_info(path) for _, path in sorted(_query_paths().items())]


def query_info(path: Path) -> QueryInfo:
    """What the header comment of the query file ``path`` says about it."""
    title, description, params = _read_header(read_query(path))
    return QueryInfo(path.stem, path, title, description, params)


def read_query(path: Path) -> str:
    """The SPARQL text of the query file ``path``, refused with a one-line error when it cannot
    be read, is binary, is not UTF-8 or holds no query."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise QueryError(f"cannot read query file '{path}': {error.strerror}") from None
    if b"\0" in data:
        raise QueryError(f"{path}: looks like a binary file, not a SPARQL query")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"{path}: not UTF-8 text (invalid byte 0x{data[error.start]:02x} at "
                         f"offset {error.start}); save the query as UTF-8") from None
    if not text.strip():
        raise QueryError(f"{path}: the query file is empty; write a SPARQL query in it")
    return text


def _query_paths() -> dict[str, Path]:
    """Each saved query by name: ``./queries/NAME.rq`` first (a user's own, or the checkout's),
    then the queries shipped with kg."""
    found: dict[str, Path] = {}
    for directory in _query_directories():
        if directory.is_dir():
            for path in sorted(directory.glob("*" + QUERY_SUFFIX)):
                found.setdefault(path.stem, path)
    return found


def _query_directories() -> tuple[Path, Path]:
    """Where saved queries are, the first found first: ``./queries``, then kg's own."""
    return Path.cwd() / "queries", resources.resource_dir("queries")


def _query_names() -> list[str]:
    return sorted(_query_paths())


def _alternatives(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


_PARAM_LINE = re.compile(r"param:\s*[?$]?(?P<name>\w+)\s*(?:\((?P<type>[^)]*)\))?\s*(?P<text>.*)")


def _read_header(sparql: str) -> tuple[str, str, tuple[QueryParam, ...]]:
    """The title, description and parameters in the comment block that opens a query."""
    comments: list[str] = []
    for line in sparql.lstrip().splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        comments.append(stripped.lstrip("#").strip())
    params: list[QueryParam] = []
    prose: list[str] = []
    for comment in comments:
        declared = _PARAM_LINE.fullmatch(comment)
        if declared:
            kind = (declared["type"] or "").strip().lower() or None
            params.append(QueryParam(declared["name"], kind, declared["text"].strip()))
        else:
            prose.append(comment)
    title = prose[0] if prose else ""
    description = "\n".join(prose[1:]).strip()
    return title, description, tuple(params)


# --- Parameters -------------------------------------------------------------------------------


# Strings, IRIs and comments are matched whole so that a "?x" inside them is not a variable.
_SPARQL_TOKEN = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
    r"""|<[^<>"{}|^`\\\x00-\x20]*>"""
    r"""|\#[^\n]*"""
    r"""|[?$](?P<variable>[\w\u00B7\u0300-\u036F\u203F-\u2040]+)""",
    re.DOTALL,
)


def query_variables(sparql: str) -> set[str]:
    """The names (without ``?``) of the variables a SPARQL text uses."""
    return {match["variable"] for match in _SPARQL_TOKEN.finditer(sparql) if match["variable"]}


def _select_clause(sparql: str) -> tuple[set[str], int] | None:
    """The variables a SELECT query projects and the offset of its WHERE clause's ``{``;
    None for ``SELECT *`` and for ASK, CONSTRUCT and DESCRIBE queries, which bind any variable."""
    code = code_only(sparql)
    select = re.search(r"\bSELECT\b", code, re.IGNORECASE)
    opening = where_brace(sparql)
    if select is None or opening is None or select.start() > opening:
        return None
    clause = re.split(r"\b(?:WHERE|FROM)\b", code[select.end() : opening], flags=re.IGNORECASE)[0]
    outside = clause
    while True:  # drop "(expression AS ?x)", nested or not: what is left is the plain list
        shorter = re.sub(r"\([^()]*\)", " ", outside)
        if shorter == outside:
            break
        outside = shorter
    if "*" in outside:
        return None
    projected = re.findall(r"[?$](\w+)", outside)
    renamed = re.findall(r"\bAS\s*[?$](\w+)", clause, re.IGNORECASE)
    return set(projected) | set(renamed), opening


def _with_values(sparql: str, opening: int, terms: Mapping[str, Sequence[Term]]) -> str:
    """``sparql`` with one ``VALUES`` block per variable of ``terms`` (each binding it to one
    of its terms, none when the list is empty) opening its WHERE clause."""
    # str() of a pyoxigraph term is its N-Triples form: quoted and escaped, valid in SPARQL.
    blocks = "".join(f" VALUES ?{name} {{ {' '.join(str(t) for t in values)} }}"
                     for name, values in terms.items())
    return sparql[: opening + 1] + blocks + sparql[opening + 1 :]


def entities_named(store: Store, name: str) -> list[pyoxigraph.NamedNode]:
    """The entities whose label or other name is ``name``, case-insensitively (sorted)."""
    rows = store.query(
        f"""SELECT DISTINCT ?entity ?given WHERE {{
            {{ ?entity rdfs:label ?name }} UNION {{ ?entity skos:altLabel ?name }}
            FILTER(STRSTARTS(STR(?entity), "{PREFIXES['kgr']}")
                   && LCASE(STR(?name)) = LCASE(STR(?given))) }}""",
        substitutions={"given": pyoxigraph.Literal(name)},
    )
    found = [row["entity"] for row in rows]  # type: ignore[union-attr, index]
    return sorted((term for term in found if isinstance(term, pyoxigraph.NamedNode)),
                  key=lambda term: term.value)


def bind(sparql: str, params: Mapping[str, str]) -> dict[str, Term]:
    """Turn ``NAME=VALUE`` parameters into RDF terms for the variables ``?NAME`` of a query.

    A parameter's type comes from its ``# param:`` declaration if the query header has one
    (``iri``, ``string``, ``integer``, ``decimal``, ``date``, and ``entity``: an entity's name
    or IRI, see :func:`run_query`); otherwise from its value:
    ``<...>`` is an IRI, ``42`` an integer, ``4.2`` a decimal, ``2024-06-19`` a date, anything
    else a string.
    """
    variables = query_variables(sparql)
    declared = {param.name: param.type for param in _read_header(sparql)[2]}
    bindings: dict[str, Term] = {}
    for given_name, value in params.items():
        name = given_name.lstrip("?$")
        if name not in variables:
            close = difflib.get_close_matches(name, sorted(variables), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            listed = ", ".join(sorted(variables)) or "none"
            raise QueryError(
                f"unknown parameter '{name}': the query has no variable ?{name}{hint} "
                f"(its variables: {listed})"
            )
        bindings[name] = _term(name, value, declared.get(name))
    return bindings


def _term(name: str, value: str, kind: str | None) -> Term:
    """The RDF term a parameter value stands for, given its declared type if any."""
    parse = _TYPED_VALUES.get(kind or "", _guess_term)
    try:
        return parse(value)
    except ValueError as error:
        if kind in _TYPED_VALUES:
            raise QueryError(f"parameter '{name}' must be of type {kind}, got '{value}'") from error
        raise QueryError(f"parameter '{name}': cannot read '{value}': {error}") from error


def _iri(value: str) -> pyoxigraph.NamedNode:
    return _written_iri(value) or pyoxigraph.NamedNode(value.strip())


def _written_iri(value: str) -> pyoxigraph.NamedNode | None:
    """The IRI a value is written as: ``<...>`` or a known prefix's name (``kgr:x``); else None."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return pyoxigraph.NamedNode(text[1:-1])
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        return pyoxigraph.NamedNode(PREFIXES[prefix] + local)
    return None


def _typed(datatype: str, pattern: str) -> Callable[[str], pyoxigraph.Literal]:
    def parse(value: str) -> pyoxigraph.Literal:
        text = value.strip()
        if not re.fullmatch(pattern, text):
            raise ValueError(f"not an xsd:{datatype}")
        if datatype == "date":
            date.fromisoformat(text)  # rejects 2024-02-30
        return pyoxigraph.Literal(text, datatype=pyoxigraph.NamedNode(_XSD + datatype))

    return parse


_INTEGER = r"[+-]?\d+"
_DECIMAL = r"[+-]?(?:\d+\.\d*|\.\d+)"
_DATE = r"\d{4}-\d{2}-\d{2}"
_TYPED_VALUES: dict[str, Callable[[str], Term]] = {
    "iri": _iri,
    "string": pyoxigraph.Literal,
    "integer": _typed("integer", _INTEGER),
    "decimal": _typed("decimal", f"{_DECIMAL}|{_INTEGER}"),
    "date": _typed("date", _DATE),
    "entity": lambda value: _written_iri(value) or pyoxigraph.Literal(value),
}


def _guess_term(value: str) -> Term:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return _iri(text)
    for kind, pattern in (("integer", _INTEGER), ("decimal", _DECIMAL), ("date", _DATE)):
        if re.fullmatch(pattern, text):
            try:
                return _typed(kind, pattern)(text)
            except ValueError:
                break  # "2024-02-30" looks like a date but is not one: keep the text
    return pyoxigraph.Literal(value)


# --- Running and formatting -------------------------------------------------------------------


def run_query(store: Store, sparql: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a SPARQL query on ``store`` with its ``NAME=VALUE`` parameters bound (see :func:`bind`).

    Parameters are pyoxigraph substitutions, which pyoxigraph accepts only for variables a
    SELECT clause lists; a parameter the SELECT clause leaves out (a filter bound, say) is
    given as a ``VALUES`` block at the start of the WHERE clause instead, written from the
    term itself, so the value is still one escaped RDF term. A parameter declared ``(entity)``
    takes an entity's name, which becomes the IRIs of the entities of that name
    (:func:`entities_named`, case-insensitive), or an IRI; they are bound by a ``VALUES``
    block too, which the engine sees before it plans the query, so that it starts from them.
    """
    substitutions = bind(sparql, params) if params else {}
    declared = {param.name: param.type for param in _read_header(sparql)[2]}
    blocks: dict[str, Sequence[Term]] = {}
    for name, term in substitutions.items():
        if declared.get(name) == "entity":
            blocks[name] = (entities_named(store, term.value)
                            if isinstance(term, pyoxigraph.Literal) else [term])
    selection = _select_clause(sparql) if substitutions else None  # a scan of the text
    if selection is not None:
        selected, _ = selection
        blocks.update({name: [term] for name, term in substitutions.items()
                       if name not in selected and name not in blocks})
    if blocks:
        opening = where_brace(sparql)
        if opening is None:
            raise QueryError("cannot bind parameters to a query without a WHERE clause")
        sparql = _with_values(sparql, opening, blocks)
        substitutions = {name: t for name, t in substitutions.items() if name not in blocks}
    return store.query(sparql, substitutions=substitutions or None)


def format_result(
    result: QueryResult, fmt: str, *, prefixes: Mapping[str, str] = PREFIXES
) -> str | bytes:
    """Render a query result: ``table`` as text for people, the other formats as bytes.

    SELECT and ASK results take :data:`RESULT_FORMATS`. CONSTRUCT and DESCRIBE results are
    graphs: ``table`` gives Turtle, ``json`` JSON-LD, ``xml`` RDF/XML, and any export format
    name (``turtle``, ``nt``, ...) that format.
    """
    name = fmt.strip().lower()
    try:
        if isinstance(result, pyoxigraph.QueryTriples):
            return _format_graph(result, name, prefixes)
        if name not in RESULT_FORMATS:
            close = difflib.get_close_matches(name, RESULT_FORMATS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ";"
            raise InputError(
                f"unknown result format '{fmt}'{hint} choose one of: {', '.join(RESULT_FORMATS)}"
            )
        if name == "table":
            if isinstance(result, pyoxigraph.QueryBoolean):
                return "true" if result else "false"
            return _table(result, prefixes)
        serialized = result.serialize(format=_W3C_RESULT_FORMATS[name])
        assert serialized is not None
        return serialized
    except OSError as error:
        raise StoreError(f"cannot read the query results: {error}") from error
    except RuntimeError as error:
        raise QueryError(f"the query failed: {error}") from error


def python_rows(result: QueryResult) -> list[dict[str, Any]]:
    """The solutions of a SELECT query as dicts of Python values by variable name (see
    :func:`python_value`); an unbound variable is left out of its row."""
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise QueryError("rows come from a SELECT query; for ASK, CONSTRUCT and DESCRIBE ask for "
                         "the answer in a format (query(..., fmt=...))")
    names = [variable.value for variable in result.variables]
    return [{name: python_value(term) for name, term in zip(names, solution, strict=True)
             if term is not None} for solution in result]


_NUMBERS: dict[str, Callable[[str], Any]] = {
    _XSD + "integer": int, _XSD + "int": int, _XSD + "long": int,
    _XSD + "nonNegativeInteger": int, _XSD + "positiveInteger": int,
    _XSD + "decimal": Decimal, _XSD + "double": float, _XSD + "float": float,
}


def python_value(term: Term) -> Any:
    """An RDF term as a Python value: an IRI as its ``str``, a blank node as ``_:id``, a typed
    number as ``int``, ``Decimal`` or ``float``, an ``xsd:date`` as ``datetime.date``, an
    ``xsd:boolean`` as ``bool``, any other literal as its lexical form."""
    if isinstance(term, pyoxigraph.NamedNode):
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, pyoxigraph.Literal):
        return str(term)
    datatype = term.datatype.value
    try:
        if datatype in _NUMBERS:
            return _NUMBERS[datatype](term.value)
        if datatype == _XSD + "date":
            return date.fromisoformat(term.value)
    except (ValueError, ArithmeticError):
        return term.value  # an ill-typed literal stays as written
    if datatype == _XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


def _format_graph(
    triples: pyoxigraph.QueryTriples, name: str, prefixes: Mapping[str, str]
) -> str | bytes:
    if name in ("csv", "tsv"):
        raise InputError(
            f"a CONSTRUCT or DESCRIBE query gives a graph, not a table: use 'table', 'json', "
            f"'xml' or an RDF format, not '{name}'"
        )
    export_format = format_for(_GRAPH_RESULT_FORMATS.get(name, name))
    graph = sorted(
        set(triples),
        key=lambda triple: (str(triple.subject), str(triple.predicate), str(triple.object)),
    )
    serialized = pyoxigraph.serialize(
        graph, format=export_format.rdf_format, prefixes=dict(prefixes)
    )
    assert serialized is not None
    return serialized.decode("utf-8") if name == "table" else serialized


def _table(solutions: pyoxigraph.QuerySolutions, prefixes: Mapping[str, str]) -> str:
    """An aligned text table: a header of variable names, one line per solution, a row count."""
    header = [variable.value for variable in solutions.variables]
    rows = [[_cell(term, prefixes) for term in solution] for solution in solutions]
    widths = [max([len(header[i]), *(len(row[i]) for row in rows)]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    lines = [line(header), line(["-" * width for width in widths])] if header else []
    lines += [line(row) for row in rows]
    lines.append(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})")
    return "\n".join(lines)


def _cell(term: Term | None, prefixes: Mapping[str, str]) -> str:
    """A term as people read it: ``kgr:alice`` for IRIs, the plain text of literals."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        return shorten(term.value, prefixes)
    if isinstance(term, pyoxigraph.Literal):
        return re.sub(r"[\r\n\t]", " ", term.value)  # one line per row
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    parts = (
        _cell(term.subject, prefixes),
        _cell(term.predicate, prefixes),
        _cell(term.object, prefixes),
    )
    return "<< " + " ".join(parts) + " >>"


def shorten(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """``iri`` as a prefixed name when a prefix covers it (the longest one wins), else ``<iri>``.

    >>> shorten("https://kg.example.org/id/alice")
    'kgr:alice'
    """
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"
