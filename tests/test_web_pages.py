"""The pages and request checks of kg serve, without a socket (the server tests drive them over
HTTP): each check's status, each page's media type."""

from __future__ import annotations

import json

import pytest

from kg.errors import RequestError
from kg.web import pages, security


@pytest.mark.parametrize(("hosts", "loopback", "status"), [
    (["localhost:8000", "localhost:8000"], False, 400),
    (["attacker.example:8000"], True, 421),
])
def test_a_host_check_refuses(hosts: list[str], loopback: bool, status: int) -> None:
    with pytest.raises(RequestError) as refused:
        security.check_host(hosts, loopback=loopback)
    assert refused.value.status == status


def test_a_host_check_lets_loopback_names_through() -> None:
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "kg.localhost"):
        security.check_host([host], loopback=True)
    security.check_host(["attacker.example"], loopback=False)  # listening beyond loopback


@pytest.mark.parametrize(("transfer", "length", "status"), [
    ("chunked", "10", 411), (None, None, 411), (None, "-1", 400), (None, "ten", 400)])
def test_a_body_needs_a_plain_length(transfer: str | None, length: str | None,
                                     status: int) -> None:
    with pytest.raises(RequestError) as refused:
        security.body_length(transfer, length)
    assert refused.value.status == status
    assert security.body_length(None, "12") == 12


def test_the_token_is_a_bearer_token() -> None:
    security.check_token("Bearer s3cret", "s3cret")
    for header in (None, "Basic s3cret", "Bearer wrong"):
        with pytest.raises(RequestError) as refused:
            security.check_token(header, "s3cret")
        assert refused.value.status == 401
        assert ("WWW-Authenticate", 'Bearer realm="kg"') in refused.value.headers


def test_the_index_has_a_json_twin() -> None:
    limits = {"timeout": 30.0, "max_rows": 10, "update": False, "service": False}
    page = pages.index("application/json", limits)
    data = json.loads(page.body)
    assert page.content_type.startswith("application/json") and data["limits"] == limits
    assert any(query["name"] == "defections" for query in data["queries"])
    assert pages.index("text/html", limits).content_type.startswith("text/html")


def test_only_the_listed_static_files_are_served() -> None:
    assert pages.static("app.js").content_type.startswith("text/javascript")
    with pytest.raises(RequestError) as refused:
        pages.static("../server.py")
    assert refused.value.status == 404


def test_an_entity_address_is_checked_before_the_store_is_asked() -> None:
    def never(*_arguments: object) -> None:
        raise AssertionError("the store was asked")

    for path, formats, status in (("/id/a/../b", [], 404), ("/id/bob", ["pdf"], 406)):
        with pytest.raises(RequestError) as refused:
            pages.entity(path, formats, None, never, 10)
        assert refused.value.status == status


def test_the_neighbourhood_is_laid_out_as_kg_viz_lays_out_a_graph() -> None:
    import networkx as nx

    from kg.graphlayout import layout
    from kg.web.entity import _positions

    neighbourhood = {
        "nodes": [{"id": "center"}, {"id": "a"}, {"id": "b"}, {"id": "event"}],
        "edges": [{"source": "center", "target": "a"}, {"source": "event", "target": "center"},
                  {"source": "event", "target": "b"}],
    }
    placed = _positions(neighbourhood, 760, 420, 150, 50)
    assert placed["center"] == (380, 210)  # the entity in the middle
    assert all(150 <= x <= 610 and 50 <= y <= 370 for x, y in placed.values())
    # The same picture as kg.graphlayout.layout's, moved and scaled: the same angles between nodes.
    raw = layout(nx.Graph([("center", "a"), ("event", "center"), ("event", "b")]))

    def turn(points: dict[str, tuple[float, float]], node: str) -> tuple[float, float]:
        (x, y), (cx, cy) = points[node], points["center"]
        size = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
        return round((x - cx) / size, 6), round((y - cy) / size, 6)

    assert all(turn(placed, n) == turn(raw, n) for n in ("a", "b", "event"))
