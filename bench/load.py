"""Load test on loopback: `kg serve` against `oxigraph serve-read-only` on the same data.

Two workloads, each run in rounds against both servers taking turns: concurrent clients
(threads with keep-alive connections) ask the saved queries in ``queries/`` round-robin, then
the light query (a 50-row label lookup, which measures per-request overhead rather than the
engine). The run ends with a Markdown table per workload (requests, errors, throughput, p50/p99
latency) and the ratio of kg's throughput to Oxigraph's. Bounded on purpose: at most 200
clients, 120 seconds per round and 10 rounds, and only 127.0.0.1 is ever contacted.

    .venv/bin/python bench/load.py                # 50 and 32 clients, 3 rounds of 10 s each
    .venv/bin/python bench/load.py --clients 10 --seconds 5 --rounds 1 --store .kg

The `oxigraph` command comes with the `oxigraph` package on PyPI (pip install oxigraph); the
data reaches it as an N-Quads export of the kg store, and it runs with --union-default-graph,
as kg does.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_CLIENTS = 200
MAX_SECONDS = 120.0
MAX_ROUNDS = 10


@dataclass
class Tally:
    """What the clients saw against one server."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing listens on port {port} after {seconds:g} s")


def ask(connection: http.client.HTTPConnection, path: str, sparql: str) -> tuple[int, bytes]:
    connection.request("POST", path, body=sparql.encode("utf-8"), headers={
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json",
    })
    response = connection.getresponse()
    return response.status, response.read()


def client(port: int, path: str, queries: list[str], start: int, stop_at: float,
           tally: Tally) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    index = start
    latencies: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    while time.monotonic() < stop_at:
        sparql = queries[index % len(queries)]
        index += 1
        began = time.perf_counter()
        try:
            status, _ = ask(connection, path, sparql)
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        latencies.append(time.perf_counter() - began)
        statuses[status] = statuses.get(status, 0) + 1
        if status != 200:
            errors += 1
    connection.close()
    with tally.lock:
        tally.latencies.extend(latencies)
        tally.errors += errors
        for status, count in statuses.items():
            tally.statuses[status] = tally.statuses.get(status, 0) + count


def hammer(port: int, path: str, queries: list[str], clients: int, seconds: float) -> Tally:
    tally = Tally()
    stop_at = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, path, queries, i, stop_at, tally))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    return tally


def row_counts(port: int, path: str, queries: dict[str, str]) -> dict[str, int | str]:
    """Rows per query, to check that both servers answer the same."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    counts: dict[str, int | str] = {}
    for name, sparql in queries.items():
        status, body = ask(connection, path, sparql)
        counts[name] = len(json.loads(body)["results"]["bindings"]) if status == 200 else \
            f"HTTP {status}"
    connection.close()
    return counts


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def kg_serve_command() -> list[str]:
    from kg.cli import main

    if "serve" in getattr(main, "commands", {}):
        return [sys.executable, "-c", "from kg.cli import main; main()", "serve"]
    return [sys.executable, "-c", "from kg.cli_serve import serve; serve()"]


LIGHT_QUERY = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" \
    "SELECT ?s ?l { ?s rdfs:label ?l } LIMIT 50"
"""The light query: a small answer found at once, so what it measures is each server's
per-request overhead (HTTP, hand-offs, encoding) rather than the engine."""


@dataclass
class Phase:
    """One workload: its name, how many clients ask, and the queries per server."""

    name: str
    clients: int
    queries: dict[str, list[str]]


def summary_rows(tallies: dict[str, list[Tally]], seconds: float) -> list[str]:
    """One Markdown table row per server: its rounds pooled, the median round's throughput."""
    rows = []
    for name, rounds in tallies.items():
        latencies = [latency for tally in rounds for latency in tally.latencies] or [0.0]
        requests = sum(len(tally.latencies) for tally in rounds)
        errors = sum(tally.errors for tally in rounds)
        throughput = statistics.median(len(tally.latencies) / seconds for tally in rounds)
        rows.append(f"| {name} | {requests:,} | {errors:,} | {throughput:,.1f} | "
                    f"{statistics.median(latencies) * 1000:.1f} | "
                    f"{percentile(latencies, 0.99) * 1000:.1f} | {max(latencies) * 1000:.1f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="a kg store (default: build data/articles afresh)")
    parser.add_argument("--clients", type=int, default=50,
                        help="clients asking the saved queries (default 50)")
    parser.add_argument("--light-clients", type=int, default=32,
                        help="clients asking the light query (default 32)")
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="seconds of each round against each server (default 10)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds per workload, the servers taking turns (default 3)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2,
                        help="kg serve --processes (default: the number of CPUs)")
    parser.add_argument("--workers", type=int, default=1,
                        help="kg serve --workers, per process (default 1)")
    parser.add_argument("--oxigraph", default=shutil.which("oxigraph")
                        or str(Path(sys.executable).parent / "oxigraph"))
    arguments = parser.parse_args()
    clients = max(1, min(arguments.clients, MAX_CLIENTS))
    light_clients = max(1, min(arguments.light_clients, MAX_CLIENTS))
    seconds = max(1.0, min(arguments.seconds, MAX_SECONDS))
    rounds = max(1, min(arguments.rounds, MAX_ROUNDS))

    import kg
    from kg.query import list_queries
    from kg.vocab import PREFIXES

    with tempfile.TemporaryDirectory(prefix="kg-load-") as scratch:
        store = arguments.store
        if not store:
            store = str(Path(scratch) / "kg-store")
            print(f"building {ROOT / 'data' / 'articles'} into {store} ...", file=sys.stderr)
            kg.open(store).build([ROOT / "data" / "articles"])
        nquads = Path(scratch) / "data.nq"
        nquads.write_bytes(kg.open(store).export(fmt="nquads"))
        oxigraph_store = Path(scratch) / "oxigraph-store"
        subprocess.run([arguments.oxigraph, "load", "--location", str(oxigraph_store),
                        "--file", str(nquads)], check=True, capture_output=True)

        saved = {info.name: info.path.read_text(encoding="utf-8") for info in list_queries()}
        # kg predeclares its prefixes in every query; Oxigraph needs them written out.
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
        servers = {
            "kg serve": (kg_serve_command() + [
                "--store", store, "--quiet", "--processes", str(arguments.processes),
                "--workers", str(arguments.workers),
                "--timeout", "60"], "/sparql", saved),
            "oxigraph serve-read-only": ([
                arguments.oxigraph, "serve-read-only", "--location", str(oxigraph_store),
                "--union-default-graph"], "/query",
                {name: prologue + text for name, text in saved.items()}),
        }
        phases = [
            Phase(f"the {len(saved)} saved queries round-robin", clients,
                  {name: list(queries.values()) for name, (_, _, queries) in servers.items()}),
            Phase(f"the light query `{LIGHT_QUERY.splitlines()[-1]}`", light_clients,
                  {name: [LIGHT_QUERY] for name in servers}),
        ]
        # Both servers run for the whole test and take turns, first one then the other, so
        # that a busy moment of this (shared) machine does not fall on one server alone.
        processes: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
        counts: dict[str, dict[str, int | str]] = {}
        tallies: list[dict[str, list[Tally]]] = [{name: [] for name in servers} for _ in phases]
        try:
            for name, (command, _, _) in servers.items():
                port = free_port()
                command = [*command, "--port", str(port)] if name == "kg serve" else \
                    [*command, "--bind", f"127.0.0.1:{port}"]
                processes[name] = (subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                                    stderr=subprocess.DEVNULL), port)
            for name, (process, port) in processes.items():
                wait_until_up(port, process)
                counts[name] = row_counts(port, servers[name][1], servers[name][2])
            for phase, phase_tallies in zip(phases, tallies, strict=True):
                for turn in range(rounds):
                    order = list(servers) if turn % 2 == 0 else list(reversed(servers))
                    for name in order:
                        print(f"{phase.name}: {name}, round {turn + 1} of {rounds}: "
                              f"{phase.clients} clients for {seconds:g} s ...", file=sys.stderr)
                        port = processes[name][1]
                        phase_tallies[name].append(hammer(
                            port, servers[name][1], phase.queries[name], phase.clients, seconds))
        finally:
            for process, _ in processes.values():
                stop(process)

    kg_counts, oxigraph_counts = counts.values()
    different = [name for name in kg_counts if kg_counts[name] != oxigraph_counts.get(name)]
    print(f"\n{rounds} rounds of {seconds:g} s per server and workload, the servers taking "
          f"turns; POST application/sparql-query, JSON results, keep-alive; "
          f"kg serve --processes {arguments.processes} --workers {arguments.workers}; "
          f"{os.cpu_count()} CPUs, loopback. "
          "Throughput is the median round's; latencies are over all rounds.")
    for phase, phase_tallies in zip(phases, tallies, strict=True):
        print(f"\n{phase.clients} concurrent clients, {phase.name}:\n")
        print("| server | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) | "
              "max (ms) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        print("\n".join(summary_rows(phase_tallies, seconds)))
        kg_rounds, oxigraph_rounds = phase_tallies.values()
        ratios = [len(mine.latencies) / max(1, len(theirs.latencies))
                  for mine, theirs in zip(kg_rounds, oxigraph_rounds, strict=True)]
        print(f"\nkg serve / oxigraph throughput: {statistics.median(ratios):.2f} (median; "
              f"rounds: {', '.join(f'{ratio:.2f}' for ratio in ratios)})")
        for name, rounds_seen in phase_tallies.items():
            statuses: dict[int, int] = {}
            for tally in rounds_seen:
                for status, count in tally.statuses.items():
                    statuses[status] = statuses.get(status, 0) + count
            if any(status != 200 for status in statuses):
                print(f"\n{name} statuses: {dict(sorted(statuses.items()))} (0: no answer)")
    if different:
        print(f"\nRow counts differ for: {', '.join(different)} "
              f"(kg {[kg_counts[n] for n in different]}, "
              f"oxigraph {[oxigraph_counts.get(n) for n in different]})")
    else:
        print(f"\nBoth servers gave the same number of rows for all {len(kg_counts)} saved "
              "queries.")


if __name__ == "__main__":
    main()
