"""Drawings: the self-contained HTML page, SVG and PNG pictures, the timeline, and `kg viz`."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg import analysis, graphlayout, timeline, viewcache, views, viz
from kg.errors import InputError, KgError
from tinystore import ARTICLE, HOSTILE_LABELS, ID, make_store, run


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(viewcache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))


@pytest.fixture()
def tiny_location(tmp_path: Path) -> str:
    return make_store(str(tmp_path / "tiny"))


@pytest.fixture()
def tiny(tiny_location: str) -> views.EntityView:
    return kg.open(tiny_location).view()


@pytest.fixture()
def hostile(tmp_path: Path) -> views.EntityView:
    return kg.open(make_store(str(tmp_path / "hostile"), HOSTILE_LABELS)).view()


def page_data(page: str) -> dict:
    found = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page,
                      re.DOTALL)
    assert found, "no data block"
    return json.loads(found.group(1))


# --- Formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "fmt"), [("g.html", "html"), ("G.HTM", "html"),
                                           ("out/g.svg", "svg"), ("g.png", "png")])
def test_format_from_extension(path: str, fmt: str) -> None:
    assert viz.format_for(path) == fmt


def test_unknown_extension() -> None:
    with pytest.raises(InputError, match=r"cannot draw 'g.jpg': .* \.html, \.svg, \.png"):
        viz.format_for("g.jpg")
    with pytest.raises(InputError, match=r"\.png, \.svg"):
        viz.format_for("t.html", allowed=("png", "svg"))


# --- Layout -------------------------------------------------------------------------------------


def test_layout_is_deterministic_and_finite(tiny: views.EntityView) -> None:
    first, second = graphlayout.layout(tiny.graph), graphlayout.layout(tiny.graph)
    assert first == second
    assert set(first) == set(tiny.graph)
    assert all(x == x and y == y for x, y in first.values())  # no NaN


def test_labels_do_not_overlap(tiny: views.EntityView, seed_store: str) -> None:
    for view in (tiny, kg.open(seed_store).view()):
        drawing = graphlayout.place(view, view.graph)
        boxes = [(n.x - max(n.r, n.label_width / 2), n.y - n.r,
                  n.x + max(n.r, n.label_width / 2), n.y + n.r + 16)
                 for n in drawing.nodes.values()]
        clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if graphlayout._overlaps(a, b)]
        assert not clashes


def test_shapes_follow_categories(tiny: views.EntityView) -> None:
    style = graphlayout.styles(tiny, tiny.graph)
    assert {t: s.shape for t, s in style.items()} == {
        "Person": "circle", "Ministry": "square", "Organization": "square",
        "City": "hexagon", "Country": "hexagon", "Visit": "diamond", "Statistic": "triangle"}
    assert len({s.colour for s in style.values()}) == len(style)


# --- The HTML page ------------------------------------------------------------------------------


def test_page_is_self_contained(tiny: views.EntityView) -> None:
    page = viz.html_page(tiny)
    assert page.count('<g class="node"') == 10
    assert page.count('<g class="edge"') == 11
    data = page_data(page)
    assert len(data["nodes"]) == 10
    alice = next(n for n in data["nodes"] if n["id"] == f"{ID}alice")
    assert [data["sentences"][i]["text"] for i in alice["sentences"]] == [
        "Alice Smith of Freedonia works for Acme Corp.",
        "Alice Smith visited Capital City in March 2024."]
    # Nothing is loaded from anywhere: no external references, a policy that forbids them.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "<link" not in page and "@import" not in page
    assert "default-src 'none'" in page and "script-src 'sha256-" in page


def test_page_escapes_hostile_text(hostile: views.EntityView) -> None:
    page = viz.html_page(hostile)
    # Only our two script elements exist, and each closes once.
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<img" not in page and "onerror=\"" not in page
    assert ">Alice &lt;script&gt;window.__pwne…</text>" in page  # the SVG label, escaped
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert HOSTILE_LABELS["alice"] in labels and HOSTILE_LABELS["visit"] in labels
    assert "\\u003cscript\\u003e" in page


def test_page_of_a_focus_and_type_subgraph(tiny: views.EntityView) -> None:
    part = analysis.subgraph(tiny, focus="Bob Jones", types=["Person"])
    page = viz.html_page(tiny, part, title="People around Bob")
    assert page.count('<g class="node"') == 2
    assert "<title>People around Bob</title>" in page


# --- Pictures -----------------------------------------------------------------------------------


def test_png_picture(tiny: views.EntityView) -> None:
    data = viz.picture(tiny, tiny.graph, "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


def test_svg_picture_keeps_text_as_text(tiny: views.EntityView, seed_store: str) -> None:
    for view in (tiny, kg.open(seed_store).view()):
        data = viz.picture(view, view.graph, "svg")
        root = ElementTree.fromstring(data)
        texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
        # Every node label, the legend and the title, at the least.
        assert len(texts) > view.graph.number_of_nodes() + len(graphlayout.styles(view, view.graph))
        assert any(t.startswith("Person (") for t in texts)


def test_svg_picture_escapes_hostile_labels(hostile: views.EntityView) -> None:
    data = viz.picture(hostile, hostile.graph, "svg")
    root = ElementTree.fromstring(data)  # still well-formed XML
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert not list(root.iter("{http://www.w3.org/2000/svg}img"))
    texts = "".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Alice <script>" in texts


def test_timeline(tiny: views.EntityView) -> None:
    events = timeline.timeline_events(tiny)
    assert [(e.label, e.start.isoformat(), e.end.isoformat()) for e in events] == [
        ("Visit: Alice Smith", "2024-03-01", "2024-03-31")]
    png = timeline.timeline(tiny, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    root = ElementTree.fromstring(timeline.timeline(tiny, "svg"))
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Visit: Alice Smith" in texts and "Visit" in texts


def test_timeline_of_the_seed_cuts_the_empty_decades(seed_store: str) -> None:
    view = kg.open(seed_store).view()
    events = timeline.timeline_events(view)
    assert {e.type for e in events} >= {"Treaty", "Death", "Visit", "Defection"}
    assert len(timeline._eras(events)) == 3  # 1953, 2011, 2023-2024
    assert len(timeline.timeline(view, "png")) > 10_000


def test_timeline_without_dates() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("e", kind="event", type="Visit", label="Visit")
    with pytest.raises(KgError, match="no event in the store has a date"):
        timeline.timeline(views.EntityView(graph), "png")


@pytest.mark.parametrize(("value", "period"), [
    ("2024-06-19", ("2024-06-19", "2024-06-19")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-12", ("2023-12-01", "2023-12-31")), ("1953", ("1953-01-01", "1953-12-31")),
    ("2024-06-19Z", ("2024-06-19", "2024-06-19")), ("soon", None), ("2024-13", None)])
def test_periods_of_dates(value: str, period: tuple[str, str] | None) -> None:
    found = timeline._period(value)
    assert (found and (found[0].isoformat(), found[1].isoformat())) == period


# --- kg viz -------------------------------------------------------------------------------------


def test_cli_viz_writes_each_format(tiny_location: str, tmp_path: Path) -> None:
    for name in ("graph.html", "graph.svg", "graph.png"):
        target = tmp_path / name
        code, _, err = run("viz", "-o", str(target), "--store", tiny_location)
        assert code == 0, err
        assert err.startswith("wrote ")
        assert target.stat().st_size > 5_000
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert page.count('<g class="node"') == 10


def test_cli_viz_focus_and_types(tiny_location: str, tmp_path: Path) -> None:
    target = tmp_path / "focus.html"
    code, _, err = run("viz", "-o", str(target), "--focus", "Alice Smith", "--depth", "1",
                       "--type", "Person", "--type", "Organization", "--store", tiny_location)
    assert code == 0, err
    nodes = {n["label"] for n in page_data(target.read_text(encoding="utf-8"))["nodes"]}
    assert nodes == {"Alice Smith", "Acme Corp"}


def test_cli_viz_limits_large_drawings(tiny_location: str, tmp_path: Path) -> None:
    target = tmp_path / "top.html"
    code, _, err = run("viz", "-o", str(target), "--max-nodes", "3", "--store", tiny_location)
    assert code == 0
    assert "note: drawing the 3 most linked of 10 nodes" in err
    assert len(page_data(target.read_text(encoding="utf-8"))["nodes"]) == 3


def test_cli_viz_timeline(tiny_location: str, tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    code, _, err = run("viz", "timeline", "-o", str(target), "--store", tiny_location)
    assert code == 0, err
    ElementTree.parse(target)
    # The group's --store is used when the subcommand has none.
    other = tmp_path / "u.png"
    code, _, err = run("viz", "--store", tiny_location, "timeline", "-o", str(other))
    assert code == 0, err
    assert other.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("args", "message"), [
    (["viz", "-o", "g.jpg"], "kg: error: cannot draw 'g.jpg': the file name must end in one "
                             "of .html, .svg, .png\n"),
    (["viz", "timeline", "-o", "t.html"], "kg: error: cannot draw 't.html': the file name "
                                          "must end in one of .png, .svg\n"),
    # A file named like a format is still a file without an extension.
    (["viz", "-o", "png"], "kg: error: cannot draw 'png': the file name must end in one "
                           "of .html, .svg, .png\n"),
    (["viz", "timeline", "-o", "svg"], "kg: error: cannot draw 'svg': the file name "
                                       "must end in one of .png, .svg\n"),
    (["viz", "-o", "g.html", "--focus", "Alise"], "kg: error: no entity named 'Alise'; did "
                                                  "you mean 'Alice Smith'?\n"),
    (["viz", "-o", "g.html", "--type", "Persn"], "kg: error: unknown type 'Persn'; did you "
                                                 "mean 'Person'?\n"),
])
def test_cli_viz_errors(tiny_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(*args, "--store", tiny_location)
    assert (code, err) == (2, message)
    assert not (tmp_path / "g.html").exists()


def test_event_nodes_are_drawn_as_diamonds(tiny: views.EntityView) -> None:
    page = viz.html_page(tiny)
    visit = page_data(page)["nodes"].index(
        next(n for n in page_data(page)["nodes"] if n["id"] == f"{ARTICLE}#event-1"))
    drawn = re.search(rf'<g class="node" data-i="{visit}"[^>]*>(<[^>]+>)', page)
    assert drawn and drawn.group(1).startswith('<polygon class="shape"')
