"""Argument parsing and output for `kg graph` and `kg viz`; the work is done by kg.api and kg.analysis.

Registered on the main command in kg.cli (``main.add_command(graph)``, ``main.add_command(viz)``),
whose group turns kg's errors into one line on stderr and exit code 2.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import click

from kg import analysis, api

# The same option as kg.cli.store_option; defined here so that kg.cli can import this module.
store_option = click.option(
    "--store", "store", envvar="KG_STORE", default=None, metavar="DIR",
    help="Store directory (default .kg, or $KG_STORE); ':memory:' for a throwaway store.",
)
format_option = click.option(
    "--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]),
    help="Output for people (table) or programs (json).",
)


def _node(view: api.EntityView, node: str) -> dict[str, Any]:
    data = view.graph.nodes[node]
    return {"iri": node, "label": view.label(node), "type": data.get("type", ""),
            "kind": data.get("kind", "")}


def _echo_json(payload: Any) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def _write(output: str, data: bytes) -> None:
    """Write a file whole or not at all, and say so on stderr."""
    api.write_file(output, data)
    click.echo(f"wrote {len(data):,} bytes to {output}", err=True)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _quote(text: str, indent: int) -> str:
    """A sentence in quotes, whole, wrapped to the terminal's usual width."""
    return textwrap.fill(f"“{' '.join(text.split())}”", width=100,
                         initial_indent=" " * indent, subsequent_indent=" " * (indent + 1))


# --- kg graph -----------------------------------------------------------------------------------


@click.group()
def graph() -> None:
    """Graph views of the store: paths, neighbours, centrality, communities, export."""


@graph.command()
@click.argument("source")
@click.argument("target")
@click.option("--all", "all_paths", is_flag=True, help="Every shortest path, not just one.")
@click.option("--max-length", type=click.IntRange(min=1), default=None, metavar="N",
              help="Fail unless there is a path of at most N hops.")
@store_option
@format_option
def path(source: str, target: str, all_paths: bool, max_length: int | None, store: str | None,
         fmt: str) -> None:
    """The shortest path between two entities (names, alternative names or IRIs), each hop
    with the sentence it was read from."""
    view = api.open(store).view()
    found = analysis.shortest_paths(view, source, target, all_paths=all_paths,
                                 max_length=max_length)
    if fmt == "json":
        _echo_json({"paths": [{
            "text": analysis.describe(view, p), "length": len(p),
            "nodes": [_node(view, n) for n in p.nodes],
            "hops": [{"source": h.source, "target": h.target, "property": h.property,
                      "phrase": h.phrase, "forward": h.forward, "also": list(h.also),
                      "sentences": list(h.sentences)} for h in p.hops],
        } for p in found]})
        return
    for number, found_path in enumerate(found, start=1):
        if len(found) > 1:
            click.echo(f"path {number} of {len(found)}")
        hops = len(found_path)
        click.echo(f"{analysis.describe(view, found_path)}  ({hops} hop{'s' * (hops != 1)})")
        previous: tuple[str, ...] = ()
        for step, hop in enumerate(found_path.hops, start=1):
            also = f"  (also: {', '.join(hop.also)})" if hop.also else ""
            click.echo(f"  {step}. {view.label(hop.source)} —{hop.phrase}→ "
                       f"{view.label(hop.target)}{also}")
            if hop.sentences and hop.sentences[:2] == previous[:2]:
                click.echo("     (the same sentence)")
            elif not hop.sentences:
                click.echo("     (no sentence recorded)")
            for sentence in () if hop.sentences[:2] == previous[:2] else hop.sentences[:2]:
                click.echo(_quote(sentence, 5))
            previous = hop.sentences
        if number < len(found):
            click.echo("")


@graph.command()
@click.argument("name")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many hops away to look.")
@store_option
@format_option
def neighbors(name: str, depth: int, store: str | None, fmt: str) -> None:
    """The entities, events and figures linked to NAME, grouped by relation."""
    view = api.open(store).view()
    start, found = analysis.neighbours(view, name, depth=depth)
    if fmt == "json":
        _echo_json({"node": _node(view, start), "neighbours": [
            {**_node(view, n.node), "depth": n.depth, "via": n.via, "property": n.property,
             "phrase": n.phrase, "sentences": list(n.sentences)} for n in found]})
        return
    data = view.graph.nodes[start]
    click.echo(f"{view.label(start)} ({data.get('type', '')}) <{start}>")
    if not found:
        click.echo("  no neighbours")
        return
    current: tuple[int, str] | None = None
    for neighbour in found:
        if current is None or neighbour.depth != current[0]:
            click.echo(f"depth {neighbour.depth}")
        if current != (neighbour.depth, neighbour.phrase):
            click.echo(f"  {neighbour.phrase}")
            current = (neighbour.depth, neighbour.phrase)
        via = f"  (via {view.label(neighbour.via)})" if neighbour.depth > 1 else ""
        kind = view.graph.nodes[neighbour.node].get("type", "")
        click.echo(f"    {view.label(neighbour.node)} [{kind}]{via}")


@graph.command()
@click.option("--measure", default="degree", show_default=True,
              type=click.Choice(list(analysis.MEASURES)), help="Centrality measure.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many nodes to list.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only nodes of this kgo class or its subclasses (Person, Organization, "
                   "Event, ...); repeatable.")
@click.option("--samples", type=click.IntRange(min=1), default=None, metavar="K",
              help=f"Betweenness from K sampled sources (exact up to {analysis.LARGE_GRAPH:,} "
                   "nodes; above, by default as many as take about a minute).")
@store_option
@format_option
def central(measure: str, top: int, types: tuple[str, ...], samples: int | None,
            store: str | None, fmt: str) -> None:
    """The most central entities, events and figures by a centrality measure."""
    view = api.open(store).view()
    ranking = analysis.centrality(view, measure, top=top, types=types, samples=samples)
    if fmt == "json":
        _echo_json({"measure": ranking.measure, "note": ranking.note,
                    "samples": ranking.samples,
                    "scores": [{"iri": s.node, "label": s.label, "type": s.type,
                                "score": s.score} for s in ranking.scores]})
        return
    if ranking.note:
        click.echo(f"note: {ranking.note}", err=True)
    width = max([len(s.type) for s in ranking.scores] + [4])
    click.echo(f"{'rank':>4}  {measure:>11}  {'type':{width}}  name")
    for rank, score in enumerate(ranking.scores, start=1):
        click.echo(f"{rank:>4}  {score.score:>11.4f}  {score.type:{width}}  {score.label}")


@graph.command()
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many communities to list, largest first.")
@store_option
@format_option
def communities(top: int, store: str | None, fmt: str) -> None:
    """Groups of nodes more linked to each other than to the rest (Louvain modularity)."""
    view = api.open(store).view()
    found = analysis.communities(view, top=top)
    if fmt == "json":
        _echo_json({"communities": [{"size": c.size, "members": [
            _node(view, n) for n in c.members]} for c in found]})
        return
    for number, community in enumerate(found, start=1):
        shown = ", ".join(_shorten(label, 40) for label in community.labels[:8])
        more = f", … (+{community.size - 8})" if community.size > 8 else ""
        nodes = "node " if community.size == 1 else "nodes"
        click.echo(f"{number:>3}. {community.size:>4} {nodes}: {shown}{more}")


@graph.command(name="export")
@click.option("--format", "fmt", default=None, type=click.Choice(list(analysis.EXPORT_FORMATS)),
              help="graphml, gexf or json (node-link, for D3); default: from -o, else graphml.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="File to write (default: standard output).")
@store_option
def export_graph(fmt: str | None, output: str | None, store: str | None) -> None:
    """Export the entity graph for Gephi, yEd, Cytoscape or D3."""
    if fmt is None:
        suffix = Path(output).suffix.lstrip(".").lower() if output else ""
        fmt = suffix if suffix in analysis.EXPORT_FORMATS else "graphml"
    data = analysis.export_graph(api.open(store).view(), fmt)
    if output:
        _write(output, data)
    else:
        sys.stdout.buffer.write(data)


# --- kg viz -------------------------------------------------------------------------------------


@click.group(invoke_without_command=True)
@click.option("-o", "--output", default="kg-graph.html", show_default=True,
              type=click.Path(dir_okay=False),
              help="FILE.html (interactive, self-contained), FILE.svg or FILE.png.")
@click.option("--focus", default=None, metavar="NAME",
              help="Draw only the neighbourhood of this entity.")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --focus: how many hops around it.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only nodes of this kgo class or its subclasses; repeatable.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=500, show_default=True,
              help="Keep at most this many nodes, the most linked ones.")
@store_option
@click.pass_context
def viz(ctx: click.Context, output: str, focus: str | None, depth: int,
        types: tuple[str, ...], max_nodes: int, store: str | None) -> None:
    """Draw the entity graph: an interactive HTML page, or an SVG or PNG picture."""
    if ctx.invoked_subcommand is not None:
        return
    drawing = api.open(store).draw(focus=focus, depth=depth, types=types,
                                   max_nodes=max_nodes, file=output)
    if drawing.nodes < drawing.of and not (focus or types):
        click.echo(f"note: drawing the {max_nodes} most linked of {drawing.of:,} nodes "
                   "(see --max-nodes, --focus)", err=True)
    _write(output, drawing.data)


@viz.command()
@click.option("-o", "--output", default="kg-timeline.png", show_default=True,
              type=click.Path(dir_okay=False), help="FILE.png or FILE.svg.")
@store_option
@click.pass_context
def timeline(ctx: click.Context, output: str, store: str | None) -> None:
    """Draw the events on a time axis (kgo:date, kgo:startDate), coloured by event class."""
    parent = ctx.parent.params.get("store") if ctx.parent else None
    _write(output, api.open(store or parent).timeline(file=output))


__all__ = ["graph", "viz"]
