"""A corpus built to a million triples, through the commands a user runs: time and peak memory.

Writes synthetic articles (bench/corpus.py: text that spaCy really parses, about 1,100 triples
each) until the corpus should pass ``--triples``, then runs each step as its own ``kg``
command on that store and reports its wall time and peak memory::

    python bench/million.py                    # 1M triples: about 1,000 articles
    python bench/million.py --triples 100000 --work /some/folder -o million.md

Steps: ``kg build`` (kg's parser processes, SHACL validation of each article, the writes),
``kg validate --all`` (the whole store again, the Rust engine), ``kg export`` as N-Quads and
as Turtle, every saved query (``kg query NAME``, the slowest reported) and ``kg stats``.
Peak memory is measured twice: the largest single process (``ru_maxrss`` from ``wait4``, which
covers the command and the children it waited for) and the sum over the command's process tree,
sampled from ``/proc`` every 0.1 s (a build runs a parent and two parser processes at once).
The target (issue "Build at the speed of spaCy", 4.) is a peak under 2 GB for every step.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402

TRIPLES_PER_ARTICLE = 1_000  # a little under what bench/corpus.py's articles give, so it passes
LIMIT_MIB = 2048.0


@dataclass(frozen=True)
class Step:
    name: str
    seconds: float
    process_mib: float  # the largest single process
    tree_mib: float  # the largest sum over the command's process tree


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def run_step(name: str, arguments: list[str], *, output: Path | None = None,
             allowed: tuple[int, ...] = (0,)) -> Step:
    """Run one command to the end: its wall time and peak memory (MiB). An exit code not in
    ``allowed`` stops the benchmark with the command's error."""
    started = time.perf_counter()
    sink = output.open("wb") if output else subprocess.DEVNULL
    try:
        process = subprocess.Popen(arguments, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT)
        tree_peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not done.wait(0.1):
                tree_peak = max(tree_peak, sum(_rss_kib(p) for p in _tree(process.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stderr = process.stderr.read() if process.stderr else b""
        _, status, usage = os.wait4(process.pid, 0)
        done.set()
        sampler.join()
    finally:
        if output:
            sink.close()  # type: ignore[union-attr]
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in allowed:
        raise SystemExit(f"{name}: {' '.join(arguments)} exited with {code}: "
                         f"{stderr.decode(errors='replace').strip()[-500:]}")
    single = usage.ru_maxrss / 1024
    return Step(name, seconds, single, max(tree_peak / 1024, single))


def _query_names(kg: str) -> list[str]:
    listed = subprocess.run([kg, "query", "--list"], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout
    names = sorted(path.stem for path in (ROOT / "queries").glob("*.rq"))
    return [name for name in names if name in listed]


def run(triples: int, work: Path) -> tuple[list[Step], dict[str, str]]:
    kg = str(Path(sys.executable).parent / "kg")
    articles = math.ceil(triples / TRIPLES_PER_ARTICLE)
    corpus = write_corpus(work / "corpus.jsonl", articles, seed=7)
    store = str(work / "store")
    facts: dict[str, str] = {"articles": f"{articles:,}"}
    steps = [run_step("kg build", [kg, "build", str(corpus), "--store", store])]
    stats = subprocess.run([kg, "stats", "--store", store], capture_output=True, text=True,
                           check=True, cwd=ROOT).stdout
    counted = next((line.split(":", 1)[1] for line in stats.splitlines()
                    if line.startswith("triples:")), "? ")
    facts["triples"] = counted.split()[0]
    # Exit 1 is an answer (the store has violations), reported with the verdict's line.
    report = work / "validation.txt"
    steps.append(run_step("kg validate --all", [kg, "validate", "--all", "--store", store],
                          output=report, allowed=(0, 1)))
    verdict = report.read_text(encoding="utf-8").strip().splitlines()
    facts["validation"] = verdict[-1] if verdict else "?"
    for fmt in ("nquads", "turtle"):
        steps.append(run_step(f"kg export --format {fmt}",
                              [kg, "export", "--format", fmt, "--store", store],
                              output=work / f"export.{fmt}"))
    slowest: Step | None = None
    for name in _query_names(kg):
        step = run_step(f"kg query {name}", [kg, "query", name, "--store", store],
                        output=work / "answer")
        if slowest is None or step.seconds > slowest.seconds:
            slowest = step
        facts["queries"] = facts.get("queries", "") + f"{name} {step.seconds:.1f} s; "
    if slowest is not None:
        steps.append(Step(f"slowest saved query ({slowest.name[9:]})", slowest.seconds,
                          slowest.process_mib, slowest.tree_mib))
    steps.append(run_step("kg stats", [kg, "stats", "--store", store]))
    return steps, facts


def markdown(steps: list[Step], facts: dict[str, str]) -> str:
    lines = [f"{facts['articles']} synthetic articles built, {facts['triples']} triples; "
             f"{os.cpu_count()} cores.", "",
             "| step | seconds | peak RSS, one process | peak RSS, process tree | under 2 GB |",
             "| --- | ---: | ---: | ---: | --- |"]
    for step in steps:
        verdict = "yes" if step.tree_mib < LIMIT_MIB else "**no**"
        lines.append(f"| {step.name} | {step.seconds:.1f} | {step.process_mib:,.0f} MiB | "
                     f"{step.tree_mib:,.0f} MiB | {verdict} |")
    lines += ["", f"`kg validate --all`: {facts.get('validation', '?')}.",
              f"Each saved query: {facts.get('queries', '').rstrip('; ')}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many")
    parser.add_argument("--work", help="folder for the corpus, the store and the files, kept "
                        "afterwards (default: a temporary folder)")
    parser.add_argument("-o", "--output", help="also write the table to this file")
    options = parser.parse_args(argv)
    if options.triples < 1:
        parser.error("--triples must be positive")
    if options.work:
        work = Path(options.work)
        work.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(work / "store", ignore_errors=True)  # a build, not a re-run
        steps, facts = run(options.triples, work)
    else:
        with tempfile.TemporaryDirectory(prefix="kg-million-") as temporary:
            steps, facts = run(options.triples, Path(temporary))
    text = markdown(steps, facts)
    print(text)
    if options.output:
        Path(options.output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
