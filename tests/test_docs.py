"""The README and docs/ say what kg does today: their outputs, command lines and links are checked.

- ``make run``'s output shown in the README is what the Makefile's ``run`` commands print on the
  seed article (the lines shown, in order; ``...)`` ends a line shown abridged);
- every README block that starts with ``$ kg ...`` is run, and prints what it shows (``...``
  stands for lines left out);
- every line of the command-line synopses names a command whose ``--help`` has each option it
  shows, the choices it lists, and its required arguments outside brackets;
- every ``>>>`` example of the README's Python blocks runs (as a doctest, from the repository's
  root) and prints what it shows;
- every ``curl`` example of docs/serve.md runs against a real ``kg serve`` on the seed store;
- every relative link and repository path in the README and docs/ exists, and no file in data/
  or docs/ names a path on one developer's machine.

When one fails, change the doc to what kg prints (or fix kg), and review the diff.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from kg.cli import main
from processes import stop

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))


def code_blocks(path: Path) -> list[tuple[str, list[str]]]:
    """Each fenced code block of a Markdown file: the paragraph before it and its lines."""
    blocks, before, inside, lines = [], "", False, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if inside:
                blocks.append((before, lines))
            inside, lines = not inside, []
        elif inside:
            lines.append(line)
        elif line.strip():
            before = line
    return blocks


def shown_in_order(shown: list[str], printed: list[str]) -> None:
    """Every line shown appears among the lines printed, in the same order; a shown line ending in
    ``...`` or ``...)`` is the start of a printed one, and a line ``...`` alone stands for lines
    left out."""
    printed = [line.rstrip() for line in printed]
    at = 0
    for line in (s.rstrip() for s in shown):
        if line.strip() == "...":
            continue
        prefix = line.endswith(("...", "...)"))
        wanted = line[:line.rindex("...")] if prefix else line
        for index in range(at, len(printed)):
            if printed[index].startswith(wanted) if prefix else printed[index] == wanted:
                at = index + 1
                break
        else:
            pytest.fail(f"the docs show {line!r}, which kg does not print (after line {at}):\n"
                        + "\n".join(printed))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, kg_command: str) -> Path:
    """A folder as after ``make run``: data/ of this repository, the store in .kg/."""
    folder = tmp_path_factory.mktemp("make-run")
    (folder / "data").symlink_to(ROOT / "data")
    return folder


def run_shell(command: str, cwd: Path, kg_command: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{Path(kg_command).parent}{os.pathsep}{os.environ['PATH']}",
                   "NO_COLOR": "1", "COLUMNS": "200"}
    environment.pop("KG_STORE", None)
    return subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def make_run(workdir: Path, kg_command: str) -> list[str]:
    """What the Makefile's ``run`` commands print, run as the Makefile runs them."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "the Makefile has a run target"
    printed = []
    for line in recipe.group(1).splitlines():
        command = line.strip().replace("$(BIN)/", "")
        result = run_shell(command, workdir, kg_command)
        assert result.returncode == 0, (command, result.stderr)
        printed += (result.stdout + result.stderr).splitlines()
    return printed


def test_make_run_prints_what_the_readme_shows(make_run: list[str]) -> None:
    (shown,) = [lines for before, lines in code_blocks(README) if "`make run` on the seed" in before]
    shown_in_order(shown, make_run)


def kg_examples() -> list[list[str]]:
    """Each ``$ kg ...`` line of a code block with the lines it shows, up to the next ``$``."""
    examples: list[list[str]] = []
    for path in [README, *DOCS]:
        for _, lines in code_blocks(path):
            for line in lines if lines and lines[0].startswith("$ ") else []:
                if line.startswith("$ "):
                    examples.append([line])
                else:
                    examples[-1].append(line)
    return [example for example in examples if example[0].startswith("$ kg ")]


KG_EXAMPLES = kg_examples()


@pytest.mark.parametrize("block", KG_EXAMPLES, ids=[lines[0][2:60] for lines in KG_EXAMPLES])
def test_each_kg_example_prints_what_it_shows(
    block: list[str], make_run: list[str], workdir: Path, kg_command: str
) -> None:
    result = run_shell(block[0][2:], workdir, kg_command)  # an example may show an error
    shown_in_order([line for line in block[1:] if line.strip()],
                   (result.stdout + result.stderr).splitlines())


def python_examples() -> list[str]:
    """The README's Python blocks written as an interactive session (``>>>`` lines)."""
    return ["\n".join(lines) + "\n" for _, lines in code_blocks(README)
            if lines and lines[0].startswith(">>> ")]


def test_the_readme_shows_the_python_api() -> None:
    assert any("kg.open(" in example for example in python_examples())


@pytest.mark.parametrize("example", python_examples())
def test_each_python_example_prints_what_it_shows(example: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KG_STORE", raising=False)
    test = doctest.DocTestParser().get_doctest(example, {}, "README.md", str(README), 0)
    output: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=output.append)
    assert runner.failures == 0, "".join(output)


def synopsis() -> list[str]:
    """The lines of every block made only of ``kg ...`` lines: the README's and docs/'s synopses."""
    return [line for path in [README, *DOCS] for _, lines in code_blocks(path)
            if lines and all(line.startswith("kg ") for line in lines) for line in lines]


def test_every_command_has_a_synopsis_line() -> None:
    named = {line.split()[1] for line in synopsis()}
    assert named == set(main.list_commands(click.Context(main)))


def command_of(words: list[str]) -> tuple[click.Command, list[str]]:
    """The click command a synopsis line names, and the words after its name."""
    command: click.Command = main
    while words and isinstance(command, click.Group):
        found = command.get_command(click.Context(command), words[0])  # kg loads some lazily
        if found is None:
            break
        command, words = found, words[1:]
    return command, words


@pytest.mark.parametrize("line", synopsis())
def test_each_synopsis_line_matches_the_commands_help(line: str) -> None:
    assert line.startswith("kg ")
    command, rest = command_of(line.split()[1:])
    assert command is not main, f"no such command: {line}"
    options = {name: param for param in command.params if isinstance(param, click.Option)
               for name in (*param.opts, *param.secondary_opts)}
    help_text = command.get_help(click.Context(command, info_name="kg"))
    arguments = " ".join(rest)
    for match in re.finditer(r"(?<![\w-])(--?[a-z][\w-]*)(?: ([\w.|]+))?", arguments):
        name, value = match.groups()
        assert name in options and name in help_text, f"{line}: {name} is not an option of the command"
        kind = options[name].type
        if value and "|" in value and isinstance(kind, click.Choice):
            assert set(value.split("|")) == set(kind.choices), f"{line}: {name} takes {kind.choices}"
    required = [p for p in command.params if isinstance(p, click.Argument) and p.required]
    unbracketed = re.sub(r"\[[^\]]*\]", "", arguments).split()
    placeholders = [word for word in unbracketed if not word.startswith("-") and word.isupper()]
    options_only = any(word.startswith("-") for word in unbracketed)  # "kg query --list"
    assert options_only or len(placeholders) >= len(required), (
        f"{line}: {[p.name for p in required]} are required, so not in brackets")


@pytest.fixture(scope="module")
def served(make_run: list[str], workdir: Path, kg_command: str) -> Iterator[str]:
    """``kg serve`` on the seed store over loopback; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([kg_command, "serve", "--port", str(port)], cwd=workdir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, "kg serve stopped"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


def curl_examples() -> list[str]:
    commands = []
    for path in DOCS:
        for _, lines in code_blocks(path):
            joined = "\n".join(lines).replace("\\\n", " ")
            commands += [line for line in joined.splitlines() if line.startswith("curl ")]
    return commands


def test_the_docs_have_curl_examples() -> None:
    assert len(curl_examples()) >= 2


@pytest.mark.parametrize("command", curl_examples())
def test_each_curl_example_is_answered(command: str, served: str, workdir: Path,
                                       kg_command: str) -> None:
    result = run_shell(command.replace("http://127.0.0.1:8000", served) + " --fail --silent "
                       "--show-error", workdir, kg_command)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
REPOSITORY_PATH = re.compile(r"`((?:data|docs|tests|src|bench|scripts|queries|ontology)/[\w./-]*)`")


@pytest.mark.parametrize("document", [README, *DOCS], ids=lambda p: p.name)
def test_every_link_and_repository_path_exists(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    missing = [target for target in LINK.findall(text)
               if "://" not in target and not (document.parent / target).exists()]
    missing += [path for path in REPOSITORY_PATH.findall(text)
                if not re.search(r"[A-Z]{3,}|<", path) and not (ROOT / path).exists()]
    assert missing == []


def test_no_file_names_a_path_on_one_machine() -> None:
    machine = re.compile(r"(?<![\w.])/(?:home|work|tmp|root|Users)/")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for folder in ("data", "docs", "src")
             for path in sorted((ROOT / folder).rglob("*")) if path.is_file()
             and path.suffix in (".md", ".txt", ".py", ".tsv", ".yaml", ".jsonl", ".json", ".ttl")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if machine.search(line)]
    assert found == []
