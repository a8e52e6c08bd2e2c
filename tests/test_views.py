"""The entity view: projection, cache, paths, neighbours, centrality, communities, export, CLI.

Algorithms are checked against answers computed by hand on small hand-made graphs; the seed
store checks that real output reads well.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg import analysis, projection, viewcache, views
from kg.errors import InputError, KgError
from kg.stores import open_store
from tinystore import ARTICLE, GRAPH, ID, SENTENCES, make_store, run, tiny_ntriples


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep cached projections out of the user's home."""
    cache = tmp_path / "cache"
    monkeypatch.setenv(viewcache.CACHE_ENVIRONMENT_VARIABLE, str(cache))
    return cache


@pytest.fixture()
def tiny_location(tmp_path: Path) -> str:
    return make_store(str(tmp_path / "tiny"))


@pytest.fixture()
def tiny(tiny_location: str) -> views.EntityView:
    return kg.open(tiny_location).view()


def view_of(edges: list[tuple[str, str, str]], types: dict[str, str] | None = None
            ) -> views.EntityView:
    """A view built straight from (source, property, target) triples, for algorithm checks."""
    graph = nx.MultiDiGraph()
    for source, prop, target in edges:
        for node in (source, target):
            graph.add_node(node, label=node, type=(types or {}).get(node, "Person"),
                           kind="entity", iri=node, mentions=1, alt_labels=())
        graph.add_edge(source, target, key=prop, property=prop, label=prop, kind="relation",
                       sentences=(f"{source} {prop} {target}.",))
    return views.EntityView(graph)


def iri(key: str) -> str:
    return ID + key


# --- Projection ---------------------------------------------------------------------------------


def test_projection_has_entities_events_and_statistics(tiny: views.EntityView) -> None:
    graph = tiny.graph
    assert graph.number_of_nodes() == 10
    assert graph.number_of_edges() == 11
    alice = graph.nodes[iri("alice")]
    assert alice == {"iri": iri("alice"), "kind": "entity", "type": "Person",
                     "label": "Alice Smith", "alt_labels": ("Ally",), "mentions": 2}
    visit = graph.nodes[f"{ARTICLE}#event-1"]
    assert (visit["kind"], visit["type"], visit["date"]) == ("event", "Visit", "2024-03")
    assert graph.nodes[f"{ARTICLE}#statistic-1"]["type"] == "Statistic"
    assert graph.nodes[iri("freedonia")]["mentions"] == 4
    # Provenance records are not nodes.
    assert not [n for n in graph if "#sentence-" in n or "#mention-" in n or "#relation-" in n]


def test_edges_carry_labels_kinds_and_sentences(tiny: views.EntityView) -> None:
    edge = tiny.graph.edges[iri("alice"), iri("acme"), "memberOf"]
    assert edge == {"property": "memberOf", "label": "member of", "kind": "relation",
                    "sentences": (SENTENCES[0],)}
    role = tiny.graph.edges[f"{ARTICLE}#event-1", iri("capital"), "location"]
    assert (role["kind"], role["label"], role["sentences"]) == ("role", "location",
                                                                (SENTENCES[5],))
    link = tiny.graph.edges[f"{ARTICLE}#statistic-1", iri("acme"), "reportedBy"]
    assert (link["kind"], link["label"]) == ("statistic", "reported by")
    assert views.edge_sentences(tiny, iri("carol"), iri("bob")) == (SENTENCES[2],)


def test_sentences_behind_nodes_on_demand(tiny_location: str) -> None:
    found = projection.node_sentences(tiny_location, [iri("alice"), f"{ARTICLE}#event-1"])
    assert [s.text for s in found[iri("alice")]] == [SENTENCES[0], SENTENCES[5]]
    assert found[iri("alice")][0].title == "A tiny article"
    assert [s.text for s in found[f"{ARTICLE}#event-1"]] == [SENTENCES[5]]


def test_the_undirected_view_counts_parallel_facts_as_weight() -> None:
    view = view_of([("a", "parent", "b"), ("b", "child", "a"), ("b", "sibling", "c")])
    assert view.undirected.number_of_edges() == 2
    assert view.undirected.edges["a", "b"]["weight"] == 2


# --- Cache --------------------------------------------------------------------------------------


def test_second_load_reads_the_cache(tiny_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_build = projection.build

    def counting_build(store: object) -> views.EntityView:
        calls.append(store)
        return real_build(store)  # type: ignore[arg-type]

    monkeypatch.setattr(viewcache, "build", counting_build)
    first = kg.open(tiny_location).view()
    second = kg.open(tiny_location).view()
    assert len(calls) == 1
    assert viewcache.cache_path(tiny_location).is_file()
    assert nx.utils.graphs_equal(first.graph, second.graph)
    assert second.fingerprint == first.fingerprint


def test_a_changed_store_is_projected_again(tiny_location: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_build = projection.build
    monkeypatch.setattr(viewcache, "build", lambda store: calls.append(1) or real_build(store))
    assert kg.open(tiny_location).view().label(iri("bob")) == "Bob Jones"
    # Same number of triples, one label changed: the fingerprint still changes.
    with open_store(tiny_location) as store:
        before = store.triples_count()
        store.replace_graphs({GRAPH: tiny_ntriples({"bob": "Robert Jones"})})
        assert store.triples_count() == before
    assert kg.open(tiny_location).view().label(iri("bob")) == "Robert Jones"
    assert len(calls) == 2
    kg.open(tiny_location).view()
    assert len(calls) == 2


def test_an_unreadable_cache_is_rebuilt(tiny_location: str) -> None:
    kg.open(tiny_location).view()
    viewcache.cache_path(tiny_location).write_bytes(b"not a pickle")
    assert kg.open(tiny_location).view().graph.number_of_nodes() == 10


def test_memory_stores_are_projected_without_a_cache(_cache_dir: Path) -> None:
    with open_store(":memory:") as store:
        store.replace_graphs({GRAPH: tiny_ntriples()})
        view = projection.build(store)
    assert view.graph.number_of_nodes() == 10
    assert not _cache_dir.exists()


# --- Finding nodes ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Alice Smith", "alice  SMITH", "Ally", f"{ID}alice", "kgr:alice"])
def test_find_by_label_alternative_label_or_iri(tiny: views.EntityView, name: str) -> None:
    assert tiny.find(name) == iri("alice")


def test_unknown_name_suggests_the_closest(tiny: views.EntityView) -> None:
    with pytest.raises(KgError) as error:
        tiny.find("Alise Smith")
    assert str(error.value) == "no entity named 'Alise Smith'; did you mean 'Alice Smith'?"
    with pytest.raises(KgError, match=r"did you mean 'Carol Jones'\?"):
        tiny.find("Carol")


def test_unknown_name_without_anything_close(tiny: views.EntityView) -> None:
    with pytest.raises(KgError, match="no entity named 'Zzyzx' in the store"):
        tiny.find("Zzyzx")


def test_a_name_shared_by_two_entities_is_ambiguous() -> None:
    view = view_of([("x1", "sibling", "x2")])
    for node in ("x1", "x2"):
        view.graph.nodes[node]["label"] = "Kim"
    with pytest.raises(KgError, match="'kim' names 2 nodes: Kim <x1>, Kim <x2>"):
        view.find("kim")


# --- Paths --------------------------------------------------------------------------------------


def test_shortest_path_explains_each_hop(tiny: views.EntityView) -> None:
    [path] = analysis.shortest_paths(tiny, "Carol Jones", "Capital City")
    assert path.nodes == (iri("carol"), iri("bob"), iri("acme"), iri("capital"))
    assert [(h.phrase, h.forward) for h in path.hops] == [
        ("spouse", True), ("member of", True), ("based in", True)]
    assert [h.sentences for h in path.hops] == [(SENTENCES[2],), (SENTENCES[1],),
                                                (SENTENCES[3],)]
    assert analysis.describe(tiny, path) == (
        "Carol Jones —spouse→ Bob Jones —member of→ Acme Corp —based in→ Capital City")


def test_walking_a_relation_backwards_reads_backwards(tiny: views.EntityView) -> None:
    [path] = analysis.shortest_paths(tiny, "Capital City", "Carol Jones")
    assert analysis.describe(tiny, path) == (
        "Capital City —home of→ Acme Corp —has member→ Bob Jones —spouse of→ Carol Jones")
    assert [h.forward for h in path.hops] == [False, False, False]


def test_all_shortest_paths(tiny: views.EntityView) -> None:
    paths = analysis.shortest_paths(tiny, "Alice Smith", "Bob Jones", all_paths=True)
    assert [p.nodes for p in paths] == [(iri("alice"), iri("acme"), iri("bob")),
                                        (iri("alice"), iri("freedonia"), iri("bob"))]
    via_event = analysis.shortest_paths(tiny, "Carol Jones", "Visit: Alice Smith", all_paths=True)
    assert len(via_event) == 3 and {len(p) for p in via_event} == {4}


def test_max_length_and_missing_paths(tiny: views.EntityView) -> None:
    with pytest.raises(KgError, match=r"no path of at most 2 hops .*\(the shortest has 3\)"):
        analysis.shortest_paths(tiny, "Carol Jones", "Capital City", max_length=2)
    assert len(analysis.shortest_paths(tiny, "Carol Jones", "Capital City", max_length=3)[0]) == 3
    with pytest.raises(KgError, match="no path between 'Alice Smith' and 'Frank Alone'"):
        analysis.shortest_paths(tiny, "Alice Smith", "Frank Alone")


def test_a_hop_lists_the_other_facts_between_the_same_nodes() -> None:
    view = view_of([("kju", "parent", "kji"), ("kji", "child", "kju")])
    step = analysis.hop(view, "kju", "kji")
    assert (step.phrase, step.also) == ("parent", ("child of",))
    assert step.sentences == ("kju parent kji.", "kji child kju.")


# --- Neighbours ---------------------------------------------------------------------------------


def test_neighbours_grouped_by_relation(tiny: views.EntityView) -> None:
    start, found = analysis.neighbours(tiny, "Alice Smith")
    assert start == iri("alice")
    assert [(n.phrase, tiny.label(n.node)) for n in found] == [
        ("agent of", "Visit: Alice Smith"), ("member of", "Acme Corp"),
        ("nationality", "Freedonia")]


def test_neighbours_at_depth_two(tiny: views.EntityView) -> None:
    _, found = analysis.neighbours(tiny, "Alice Smith", depth=2)
    second = [(n.phrase, tiny.label(n.node), tiny.label(n.via)) for n in found if n.depth == 2]
    assert second == [
        ("based in", "Capital City", "Acme Corp"),
        ("has member", "Bob Jones", "Acme Corp"),
        ("has part", "Ministry of Tests", "Freedonia"),
        ("location", "Capital City", "Visit: Alice Smith"),
        ("nationality of", "Bob Jones", "Freedonia"),
        ("reported", "40 percent: Freedonians who own a widget", "Acme Corp"),
        ("subject of", "40 percent: Freedonians who own a widget", "Freedonia"),
    ]
    with pytest.raises(InputError):
        analysis.neighbours(tiny, "Alice Smith", depth=0)


# --- Centrality ---------------------------------------------------------------------------------


def test_degree_centrality_by_hand(tiny: views.EntityView) -> None:
    # Acme and Freedonia have 4 of 9 possible neighbours; Alice and Bob 3.
    ranking = analysis.centrality(tiny, "degree", top=4)
    assert [(s.label, round(s.score, 4)) for s in ranking.scores] == [
        ("Acme Corp", round(4 / 9, 4)), ("Freedonia", round(4 / 9, 4)),
        ("Alice Smith", round(3 / 9, 4)), ("Bob Jones", round(3 / 9, 4))]


def test_type_filter_includes_subclasses(tiny: views.EntityView) -> None:
    ranking = analysis.centrality(tiny, "degree", types=["organization"])
    assert [(s.label, s.type) for s in ranking.scores] == [
        ("Acme Corp", "Organization"), ("Ministry of Tests", "Ministry")]
    assert [s.label for s in analysis.centrality(tiny, types=["Event"]).scores] == [
        "Visit: Alice Smith"]
    with pytest.raises(InputError, match="unknown type 'Persn'; did you mean 'Person'"):
        analysis.centrality(tiny, types=["Persn"])


STAR = [("l1", "memberOf", "hub"), ("l2", "memberOf", "hub"), ("l3", "memberOf", "hub"),
        ("l4", "memberOf", "hub")]


def test_star_centralities_by_hand() -> None:
    view = view_of(STAR)
    scores = {m: {s.node: s.score for s in analysis.centrality(view, m, top=5).scores}
              for m in analysis.MEASURES}
    assert scores["degree"]["hub"] == 1.0 and scores["degree"]["l1"] == 0.25
    # Every pair of leaves (6 of 6) goes through the hub.
    assert scores["betweenness"]["hub"] == 1.0 and scores["betweenness"]["l1"] == 0.0
    # Largest eigenvalue 2: hub 1/sqrt(2), leaves half of that.
    assert scores["eigenvector"]["hub"] == pytest.approx(1 / math.sqrt(2), abs=1e-4)
    assert scores["eigenvector"]["l1"] == pytest.approx(1 / (2 * math.sqrt(2)), abs=1e-4)
    # PageRank (damping 0.85) on the directed star: PR(hub) = 0.88 / 1.68.
    assert scores["pagerank"]["hub"] == pytest.approx(0.88 / 1.68, abs=1e-4)
    assert scores["pagerank"]["l1"] == pytest.approx((1 - 0.88 / 1.68) / 4, abs=1e-4)


def test_eigenvector_falls_back_when_it_does_not_converge(
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = view_of(STAR)

    def no_convergence(*args: object, **kwargs: object) -> None:
        raise nx.PowerIterationFailedConvergence(500)

    monkeypatch.setattr(nx, "eigenvector_centrality", no_convergence)
    ranking = analysis.centrality(view, "eigenvector")
    assert ranking.scores[0].score == pytest.approx(1 / math.sqrt(2), abs=1e-4)

    def arpack_fails(*args: object, **kwargs: object) -> None:
        raise RuntimeError("ARPACK error -1: No convergence")

    monkeypatch.setattr(nx, "eigenvector_centrality_numpy", arpack_fails)
    ranking = analysis.centrality(view, "eigenvector")
    assert "showing degree centrality instead" in ranking.note
    assert (ranking.scores[0].node, ranking.scores[0].score) == ("hub", 1.0)


def test_eigenvector_on_a_disconnected_large_graph_uses_the_largest_component(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "LARGE_GRAPH", 3)
    view = view_of([*STAR, ("x", "sibling", "y")])
    ranking = analysis.centrality(view, "eigenvector", top=7)
    scores = {s.node: s.score for s in ranking.scores}
    assert scores["hub"] == pytest.approx(1 / math.sqrt(2), abs=1e-4)
    assert scores["x"] == 0.0
    assert "largest connected component (5 of 7 nodes" in ranking.note


def test_betweenness_is_sampled_on_large_graphs(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real = nx.betweenness_centrality

    def spy(graph: nx.Graph, k: int | None = None, **kwargs: object) -> dict[str, float]:
        seen.append(k)
        return real(graph, k=k, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(nx, "betweenness_centrality", spy)
    path = [(f"n{i}", "sibling", f"n{i + 1}") for i in range(30)]
    view = view_of(path)
    assert analysis.centrality(view, "betweenness").samples is None  # small: exact
    monkeypatch.setattr(analysis, "LARGE_GRAPH", 10)
    ranking = analysis.centrality(view, "betweenness")
    # Large, but fewer nodes (31) than the default samples (500): exact all the same.
    assert seen == [None, None] and ranking.samples is None and ranking.note == ""
    ranking = analysis.centrality(view, "betweenness", samples=8)
    assert seen[-1] == 8 and ranking.samples == 8
    assert ranking.note == "estimated from 8 sampled source nodes of 31"
    assert analysis.betweenness_samples(nx.path_graph(10)) == 500
    assert analysis.betweenness_samples(nx.path_graph(1_000_000)) == 10


def test_unknown_measure() -> None:
    with pytest.raises(InputError, match="unknown measure 'pagernk'; did you mean 'pagerank'"):
        analysis.centrality(view_of(STAR), "pagernk")


# --- Communities --------------------------------------------------------------------------------


def test_two_triangles_joined_by_one_edge_are_two_communities() -> None:
    view = view_of([("a", "sibling", "b"), ("b", "sibling", "c"), ("c", "sibling", "a"),
                    ("x", "sibling", "y"), ("y", "sibling", "z"), ("z", "sibling", "x"),
                    ("c", "spouse", "x")])
    found = analysis.communities(view)
    assert [set(c.members) for c in found] == [{"a", "b", "c"}, {"x", "y", "z"}]
    assert found[0].members[0] == "c"  # the most linked first
    assert len(analysis.communities(view, top=1)) == 1


def test_communities_of_the_tiny_graph_cover_every_node(tiny: views.EntityView) -> None:
    found = analysis.communities(tiny)
    assert sorted(n for c in found for n in c.members) == sorted(tiny.graph)
    assert ["Frank Alone"] in [list(c.labels) for c in found]


# --- Subgraphs and export -----------------------------------------------------------------------


def test_subgraph_by_focus_type_and_size(tiny: views.EntityView) -> None:
    around = analysis.subgraph(tiny, focus="Carol Jones", depth=2)
    assert {tiny.label(n) for n in around} == {
        "Carol Jones", "Bob Jones", "Acme Corp", "Freedonia"}
    people = analysis.subgraph(tiny, types=["Person"])
    assert {tiny.label(n) for n in people} == {
        "Alice Smith", "Bob Jones", "Carol Jones", "Frank Alone"}
    assert people.number_of_edges() == 1  # carol —spouse→ bob
    biggest = analysis.subgraph(tiny, max_nodes=2)
    assert {tiny.label(n) for n in biggest} == {"Acme Corp", "Freedonia"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_are_read_back_by_networkx(tiny: views.EntityView, fmt: str) -> None:
    data = analysis.export_graph(tiny, fmt)
    if fmt == "graphml":
        back = nx.read_graphml(io.BytesIO(data))
    elif fmt == "gexf":
        back = nx.read_gexf(io.BytesIO(data))
    else:
        payload = json.loads(data)
        assert {"nodes", "links"} <= set(payload)
        back = nx.node_link_graph(payload, directed=True, multigraph=True, edges="links")
    assert back.number_of_nodes() == tiny.graph.number_of_nodes()
    assert back.number_of_edges() == tiny.graph.number_of_edges()
    assert back.nodes[iri("alice")]["label"] == "Alice Smith"
    assert back.nodes[iri("alice")]["type"] == "Person"
    edge = next(d for u, v, d in back.edges(data=True)
                if (u, v) == (iri("carol"), iri("bob")))
    assert SENTENCES[2] in (edge["sentences"] if fmt != "json" else edge["sentences"][0])


def test_unknown_export_format(tiny: views.EntityView) -> None:
    with pytest.raises(InputError, match="unknown graph format 'graphm'; did you mean 'graphml'"):
        analysis.export_graph(tiny, "graphm")


# --- The seed store -----------------------------------------------------------------------------


def test_seed_path_from_putin_to_ri_il_kyu(seed_store: str) -> None:
    view = kg.open(seed_store).view()
    [path] = analysis.shortest_paths(view, "Vladimir Putin", "Ri Il Kyu")
    words = analysis.describe(view, path)
    assert words.startswith("Vladimir Putin —agent of→ Visit: Vladimir Putin —location→ "
                            "Pyongyang")
    assert words.endswith("—nationality of→ Ri Il Kyu")
    assert all(hop.sentences for hop in path.hops)
    assert "Putin’s two-day visit" in path.hops[0].sentences[0]
    assert "Ri Il Kyu" in path.hops[-1].sentences[0]


def test_seed_unknown_name(seed_store: str) -> None:
    with pytest.raises(KgError) as error:
        kg.open(seed_store).view().find("Putn")
    assert str(error.value) == "no entity named 'Putn'; did you mean 'Vladimir Putin'?"


# --- The command line ---------------------------------------------------------------------------


def test_cli_path(tiny_location: str) -> None:
    code, out, err = run("graph", "path", "Carol Jones", "capital city", "--store",
                         tiny_location)
    assert code == 0, err
    assert out.splitlines()[0] == ("Carol Jones —spouse→ Bob Jones —member of→ Acme Corp "
                                   "—based in→ Capital City  (3 hops)")
    assert f"“{SENTENCES[2]}”" in out


def test_cli_path_json_and_all(tiny_location: str) -> None:
    code, out, _ = run("graph", "path", "Alice Smith", "Bob Jones", "--all", "--format",
                       "json", "--store", tiny_location)
    assert code == 0
    paths = json.loads(out)["paths"]
    assert [p["text"] for p in paths] == [
        "Alice Smith —member of→ Acme Corp —has member→ Bob Jones",
        "Alice Smith —nationality→ Freedonia —nationality of→ Bob Jones"]
    assert paths[0]["hops"][0]["sentences"] == [SENTENCES[0]]


def test_cli_unknown_name_is_one_line_and_exit_2(tiny_location: str) -> None:
    code, out, err = run("graph", "neighbors", "Alise", "--store", tiny_location)
    assert code == 2
    assert err == "kg: error: no entity named 'Alise'; did you mean 'Alice Smith'?\n"


def test_cli_neighbors(tiny_location: str) -> None:
    code, out, _ = run("graph", "neighbors", "Carol Jones", "--depth", "2", "--store",
                       tiny_location)
    assert code == 0
    assert out == (f"Carol Jones (Person) <{ID}carol>\n"
                   "depth 1\n  spouse\n    Bob Jones [Person]\n"
                   "depth 2\n  member of\n    Acme Corp [Organization]  (via Bob Jones)\n"
                   "  nationality\n    Freedonia [Country]  (via Bob Jones)\n")


def test_cli_central_and_communities(tiny_location: str) -> None:
    code, out, _ = run("graph", "central", "--top", "2", "--store", tiny_location)
    assert code == 0
    assert out.splitlines() == ["rank       degree  type          name",
                                "   1       0.4444  Organization  Acme Corp",
                                "   2       0.4444  Country       Freedonia"]
    code, out, _ = run("graph", "central", "--measure", "pagerank", "--type", "Person",
                       "--format", "json", "--store", tiny_location)
    assert code == 0
    assert {s["type"] for s in json.loads(out)["scores"]} == {"Person"}
    code, out, _ = run("graph", "communities", "--format", "json", "--store", tiny_location)
    assert code == 0
    assert sum(c["size"] for c in json.loads(out)["communities"]) == 10


def test_cli_export(tiny_location: str, tmp_path: Path) -> None:
    target = tmp_path / "graph.gexf"
    code, _, err = run("graph", "export", "-o", str(target), "--store", tiny_location)
    assert code == 0 and "wrote" in err
    assert nx.read_gexf(target).number_of_nodes() == 10
    code, out, _ = run("graph", "export", "--format", "json", "--store", tiny_location)
    assert len(json.loads(out)["links"]) == 11


def test_cli_missing_store(tmp_path: Path) -> None:
    code, _, err = run("graph", "central", "--store", str(tmp_path / "nowhere"))
    assert code == 2
    assert err.startswith("kg: error: no store at ")


def test_entity_readings_are_bookkeeping_not_nodes(seed_store: str) -> None:
    """Each article's kgo:EntityReading records what it read about an entity (docs/layout.md):
    provenance, like mentions and assertions, never a node or edge of the view."""
    view = kg.open(seed_store).view(use_cache=False)
    kinds = {data.get("type") for _, data in view.graph.nodes(data=True)}
    assert "EntityReading" not in kinds
    assert not any(key == "reads" for _, _, key in view.graph.edges(keys=True))
