"""SPARQL as text: code versus strings and comments, and the guard against deep nesting."""

from __future__ import annotations

import subprocess

import pytest

from kg.errors import QueryError
from kg.sparqltext import MAX_NESTING, check_shape, code_only, nesting_depth


def test_brackets_in_strings_iris_and_comments_do_not_nest() -> None:
    sparql = 'SELECT * { ?s ?p "{{((" . ?s ?q <http://x/a> # }}}}\n FILTER((1 < 2)) }'
    assert nesting_depth(sparql) == 3
    assert code_only(sparql).count("{") == 1


def test_a_query_nested_past_the_limit_is_refused_with_one_line() -> None:
    check_shape("SELECT * WHERE " + "{" * MAX_NESTING + " ?s ?p ?o " + "}" * MAX_NESTING)
    with pytest.raises(QueryError, match=rf"nests .* {MAX_NESTING + 1} deep") as caught:
        check_shape("SELECT * WHERE " + "{" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1))
    assert "\n" not in str(caught.value)
    with pytest.raises(QueryError, match="301 deep"):  # the braces, FILTER( and 299 more
        check_shape("ASK { FILTER(" + "(" * 299 + "1" + ")" * 299 + ") }")


def test_kg_query_refuses_a_deep_query_instead_of_crashing(seed_store: str,
                                                          kg_command: str) -> None:
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    done = subprocess.run([kg_command, "query", "--store", seed_store, "--query", deep],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "3000 deep" in done.stderr and "Traceback" not in done.stderr


def test_a_deep_update_is_refused_too() -> None:
    from kg.stores import open_store

    with open_store(":memory:") as store, pytest.raises(QueryError, match="update nests"):
        store.update("INSERT DATA { " + "{" * 100 + "}" * 100 + " }")


def test_docstring_examples_run() -> None:
    import doctest

    import kg.sparqltext

    assert doctest.testmod(kg.sparqltext).failed == 0
