"""SPARQL as text, before any engine sees it: what is code (not strings, IRIs or comments),
and whether a query is too deeply nested or too large to hand to a parser.

Oxigraph's parser descends recursively: a query of a few kilobytes with thousands of nested
``{`` or ``(`` overflows its stack and kills the process (``kg query`` exits 139; a server loses
a worker). :func:`check_shape` refuses such a text with a one-line :class:`QueryError` first.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

MAX_NESTING = 64
"""The deepest nesting of ``{ }``, ``( )`` and ``[ ]`` a query may have (real queries stay
under 15; Oxigraph's parser overflows somewhere in the thousands)."""

MAX_LENGTH = 2_000_000
"""The longest query text accepted, in characters."""

# The lexical tokens in which keywords cannot occur, exactly as Oxigraph's parser delimits them:
# long and short strings with their escapes, IRIs (which may hold \u escapes), comments (to the
# end of the line: \n or \r), and the escapes of prefixed names ("ex:a\#b" holds no comment,
# "ex:it\'s" no string). Whatever is not inside one of these is code.
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'
    r"|\#[^\n\r]*"
    r"|\\.",
    re.DOTALL,
)
_OPEN, _CLOSE = "{([", "})]"
BEFORE_KEYWORD = r"(?<![\w:?$.\-])"
"""What may not precede a keyword: a name character, a prefix colon, a variable sign."""
DATASET_CLAUSE = re.compile(BEFORE_KEYWORD + r"FROM\s+(?:NAMED\s+)?", re.I)
"""A ``FROM`` or ``FROM NAMED`` clause (search it in :func:`code_only` text)."""


def _hide(match: re.Match[str]) -> str:
    # A comment is whitespace; a string, IRI or escape becomes NULs, so that "FROM\s+" stops
    # where the IRI after it begins.
    return (" " if match[0].startswith("#") else "\0") * len(match[0])


def code_only(sparql: str) -> str:
    """``sparql`` with its comments blanked and its strings, IRIs and escapes hidden (as NUL
    characters), every offset unchanged.

    >>> code_only('SELECT * { ?s ?p "a#" } # SERVICE')
    'SELECT * { ?s ?p \\x00\\x00\\x00\\x00 }          '
    """
    return _NOT_CODE.sub(_hide, sparql)


_UPDATE_KEYWORD = re.compile(
    BEFORE_KEYWORD + r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:\-])", re.I)
QUERY_FORM = re.compile(BEFORE_KEYWORD + r"(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.I)
"""A query form keyword (search it in :func:`code_only` text)."""


def is_update(sparql: str) -> bool:
    """Whether a SPARQL text is an update (its first operation keyword comes before any query
    form).

    >>> is_update("PREFIX ex: <x> INSERT DATA { ex:a ex:b ex:c }"), is_update("SELECT * {}")
    (True, False)
    """
    code = code_only(sparql)
    update, query = _UPDATE_KEYWORD.search(code), QUERY_FORM.search(code)
    return update is not None and (query is None or update.start() < query.start())


def names_its_dataset(sparql: str) -> bool:
    """Whether a query says which graphs it reads (``FROM`` or ``FROM NAMED``): then its own
    dataset applies, not the store's union of all graphs.

    >>> names_its_dataset("SELECT * FROM <g> { ?s ?p ?o }"), names_its_dataset("# FROM <g>")
    (True, False)
    """
    return DATASET_CLAUSE.search(code_only(sparql)) is not None


# SPARQL's VARNAME characters; a variable name is read greedily, so "?serviceX" is one name.
_VARIABLE = re.compile(
    "[?$][0-9A-Za-z_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d"
    "\u203f\u2040\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff]+"
)


def calls_out(sparql: str, *, update: bool = False) -> str | None:
    """The keyword by which a query (``SERVICE``) or an update (``SERVICE``, ``LOAD``) would
    reach another server, or None. Conservative on purpose: the letters count wherever they
    stand outside strings, IRIs, comments and variable names, in a prefixed name too.

    >>> calls_out('SELECT * { SERVICE <http://x/> { ?s ?p ?o } }'), calls_out('# service')
    ('SERVICE', None)
    """
    code = _VARIABLE.sub(lambda match: " " * len(match[0]), code_only(sparql)).lower()
    if "service" in code:
        return "SERVICE"
    if update and "load" in code:
        return "LOAD"
    return None


def nesting_depth(sparql: str) -> int:
    """How deeply the brackets of a query's code nest (strings, IRIs and comments aside).

    >>> nesting_depth('SELECT * { { ?s ?p "{{{" } FILTER((1 < 2)) }')
    3
    """
    depth = deepest = 0
    for char in code_only(sparql):
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
    return deepest


def check_shape(sparql: str, what: str = "query") -> None:
    """Refuse a query or update text an engine could not parse safely: longer than
    :data:`MAX_LENGTH` characters or nested deeper than :data:`MAX_NESTING`."""
    if len(sparql) > MAX_LENGTH:
        raise QueryError(f"the {what} is {len(sparql):,} characters long; kg accepts at most "
                         f"{MAX_LENGTH:,}")
    if sparql.count("{") + sparql.count("(") + sparql.count("[") <= MAX_NESTING:
        return  # cannot nest deeper than the brackets it has
    depth = nesting_depth(sparql)
    if depth > MAX_NESTING:
        raise QueryError(f"the {what} nests {{ }}, ( ) or [ ] {depth} deep; kg accepts at most "
                         f"{MAX_NESTING} levels (flatten the groups or split the {what})")




def where_brace(sparql: str) -> int | None:
    """The offset of the ``{`` that opens the WHERE clause of a query, if it has one."""
    code = code_only(sparql)
    form = QUERY_FORM.search(code)
    if form is None:
        return None
    start = form.end()
    if form[1].upper() == "CONSTRUCT" and not re.match(r"\s*WHERE\s*\{", code[start:], re.I):
        template = code.find("{", start)
        if template == -1:
            return None
        start = _closing_brace(code, template) + 1
    depth = 0  # parentheses: SELECT (EXISTS { ... } AS ?x) is not the WHERE clause
    for offset in range(start, len(code)):
        character = code[offset]
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "{" and depth == 0:
            return offset
    return None


def _closing_brace(code: str, opening: int) -> int:
    depth = 0
    for offset in range(opening, len(code)):
        if code[offset] == "{":
            depth += 1
        elif code[offset] == "}":
            depth -= 1
            if depth == 0:
                return offset
    return len(code)


__all__ = [
    "BEFORE_KEYWORD", "DATASET_CLAUSE", "MAX_LENGTH", "MAX_NESTING", "QUERY_FORM", "calls_out",
    "check_shape", "code_only", "is_update", "names_its_dataset", "nesting_depth", "where_brace",
]
