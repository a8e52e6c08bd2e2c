"""Load test on loopback: `kg serve` against `oxigraph serve-read-only` on the same data.

Concurrent clients (threads with keep-alive connections) run the saved queries in ``queries/``
round-robin for a fixed time against each server in turn, and the run ends with a Markdown
table of requests, errors, throughput and p50/p99 latency. Bounded on purpose: at most 200
clients and 120 seconds per server, and only 127.0.0.1 is ever contacted.

    .venv/bin/python bench/load.py                      # 50 clients, 20 s each, seed articles
    .venv/bin/python bench/load.py --clients 10 --seconds 5 --store .kg

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="a kg store (default: build data/articles afresh)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="kg serve --workers (default: the number of CPUs)")
    parser.add_argument("--oxigraph", default=shutil.which("oxigraph")
                        or str(Path(sys.executable).parent / "oxigraph"))
    arguments = parser.parse_args()
    clients = max(1, min(arguments.clients, MAX_CLIENTS))
    seconds = max(1.0, min(arguments.seconds, MAX_SECONDS))

    from kg import api
    from kg.query import list_queries
    from kg.vocab import PREFIXES

    with tempfile.TemporaryDirectory(prefix="kg-load-") as scratch:
        store = arguments.store
        if not store:
            store = str(Path(scratch) / "kg-store")
            print(f"building {ROOT / 'data' / 'articles'} into {store} ...", file=sys.stderr)
            api.build([ROOT / "data" / "articles"], store=store)
        nquads = Path(scratch) / "data.nq"
        nquads.write_bytes(api.export(store=store, fmt="nquads"))
        oxigraph_store = Path(scratch) / "oxigraph-store"
        subprocess.run([arguments.oxigraph, "load", "--location", str(oxigraph_store),
                        "--file", str(nquads)], check=True, capture_output=True)

        saved = {info.name: info.path.read_text(encoding="utf-8") for info in list_queries()}
        # kg predeclares its prefixes in every query; Oxigraph needs them written out.
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
        servers = {
            "kg serve": (kg_serve_command() + [
                "--store", store, "--quiet", "--workers", str(arguments.workers),
                "--timeout", "60"], "/sparql", saved),
            "oxigraph serve-read-only": ([
                arguments.oxigraph, "serve-read-only", "--location", str(oxigraph_store),
                "--union-default-graph"], "/query",
                {name: prologue + text for name, text in saved.items()}),
        }
        results: dict[str, tuple[Tally, dict[str, int | str]]] = {}
        for name, (command, path, queries) in servers.items():
            port = free_port()
            command = [*command, "--port", str(port)] if name == "kg serve" else \
                [*command, "--bind", f"127.0.0.1:{port}"]
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            try:
                wait_until_up(port, process)
                counts = row_counts(port, path, queries)
                print(f"{name}: {clients} clients for {seconds:g} s ...", file=sys.stderr)
                tally = hammer(port, path, list(queries.values()), clients, seconds)
            finally:
                stop(process)
            results[name] = (tally, counts)

    kg_counts, oxigraph_counts = (counts for _, counts in results.values())
    different = [name for name in kg_counts if kg_counts[name] != oxigraph_counts.get(name)]
    print(f"\n{clients} concurrent clients, {seconds:g} s per server, the {len(saved)} saved "
          f"queries round-robin, POST application/sparql-query, JSON results, keep-alive; "
          f"kg serve --workers {arguments.workers}; {os.cpu_count()} CPUs, loopback.\n")
    print("| server | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, (tally, _) in results.items():
        latencies = tally.latencies or [0.0]
        print(f"| {name} | {len(tally.latencies):,} | {tally.errors:,} | "
              f"{len(tally.latencies) / seconds:,.1f} | "
              f"{statistics.median(latencies) * 1000:.1f} | "
              f"{percentile(latencies, 0.99) * 1000:.1f} | {max(latencies) * 1000:.1f} |")
    for name, (tally, _) in results.items():
        if tally.errors:
            print(f"\n{name} statuses: {dict(sorted(tally.statuses.items()))} (0: no answer)")
    if different:
        print(f"\nRow counts differ for: {', '.join(different)} "
              f"(kg {[kg_counts[n] for n in different]}, "
              f"oxigraph {[oxigraph_counts.get(n) for n in different]})")
    else:
        print(f"\nBoth servers gave the same number of rows for all {len(kg_counts)} queries.")


if __name__ == "__main__":
    main()
