"""Inputs and uses that used to break kg: each ends with one line and the right exit code."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import kg
from kg.articles import read_articles
from kg.errors import InputError


def _article(folder: Path, text: str, published: str = "2024-05-02") -> Path:
    path = folder / "story.txt"
    path.write_text(f"---\nid: story\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_ends_of_the_calendar_stay_unresolved(tmp_path: Path,
                                                                    published: str) -> None:
    path = _article(tmp_path, "Yesterday the minister met Ana Lima in Lisbon. Tomorrow he "
                    "flies to Madrid, and next year to Rome.", published)
    report = kg.open(str(tmp_path / "store")).build([path])
    assert report.articles[0].id == "story"


def test_a_nul_character_anywhere_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "late-nul.txt"
    path.write_bytes(b"Officials met in Lisbon on Monday. " * 400 + b"\0 and more text.\n")
    with pytest.raises(InputError, match="NUL character"):
        list(read_articles([path]))


def test_a_link_back_to_a_folder_being_read_is_an_error_not_an_endless_walk(
        tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "inner").mkdir(parents=True)
    _article(folder, "Officials met in Lisbon on Monday.")
    (folder / "inner" / "back").symlink_to(folder)
    with pytest.raises(InputError, match=r"inner/back: a link back to the folder '.*news' that "
                                         r"holds it; remove the link"):
        list(read_articles([folder]))


def test_other_control_characters_become_spaces_in_place(tmp_path: Path) -> None:
    path = _article(tmp_path, "Officials met\x0b in Lisbon\x1b on Monday.")
    article = next(iter(read_articles([path])))
    assert article.text == "Officials met  in Lisbon  on Monday."


def test_the_size_error_names_no_option_that_does_not_exist(tmp_path: Path) -> None:
    path = _article(tmp_path, "Officials met in Lisbon on Monday. " * 40)
    with pytest.raises(InputError) as caught:
        list(read_articles([path], max_bytes=100))
    assert "--max-bytes" not in str(caught.value) and "split it" in str(caught.value)


def test_an_article_longer_than_the_parser_reads_is_refused_before_anything_is_stored(
        tmp_path: Path, kg_command: str) -> None:
    path = tmp_path / "long.jsonl"
    sentence = "Officials met in Lisbon on Monday. "
    path.write_text('{"id": "long", "text": "' + sentence * 30_000 + '"}\n', encoding="utf-8")
    done = subprocess.run([kg_command, "build", str(path), "--store", str(tmp_path / "store")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "line 1: the article is 1,049,999 characters long" in done.stderr
    assert "split it" in done.stderr and not (tmp_path / "store").exists()


def test_a_closed_pipe_ends_quietly(seed_store: str, kg_command: str) -> None:
    done = subprocess.run(f"'{kg_command}' stats --store '{seed_store}' | head -1",
                          shell=True, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    both = subprocess.run(["bash", "-o", "pipefail", "-c",
                           f"'{kg_command}' stats --store '{seed_store}' | head -1"],
                          capture_output=True, text=True, timeout=60)
    assert both.returncode == 0, both.stderr


def test_a_usage_error_is_one_line(kg_command: str) -> None:
    done = subprocess.run([kg_command, "query", "--bogus"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--bogus" in done.stderr


def test_an_update_given_to_kg_query_says_it_is_read_only(seed_store: str,
                                                          kg_command: str) -> None:
    done = subprocess.run([kg_command, "query", "--store", seed_store, "--query",
                           "INSERT DATA { <urn:a> <urn:b> <urn:c> }"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "read-only" in done.stderr


@pytest.mark.parametrize(("content", "said"), [
    (b'SELECT * WHERE { ?s ?p "caf\xe9" }', "not UTF-8 text (invalid byte 0xe9 at offset 27)"),
    (b"\0\1\2 SELECT", "looks like a binary file"),
    (b"  \n", "the query file is empty"),
])
def test_a_query_file_that_is_not_a_query_is_one_line(seed_store: str, kg_command: str,
                                                      tmp_path: Path, content: bytes,
                                                      said: str) -> None:
    path = tmp_path / "mine.rq"
    path.write_bytes(content)
    done = subprocess.run([kg_command, "query", str(path), "--store", seed_store],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and said in done.stderr, done.stderr


@pytest.mark.slow
def test_ctrl_c_during_a_corpus_build_ends_it_and_its_parsers_in_one_line(
        tmp_path: Path, kg_command: str) -> None:
    """Ctrl-C (to the whole terminal's process group) during a two-process build: the parsers
    leave it to kg, kg ends them at once and says what is stored, exit 130 (issue 12.6)."""
    import os
    import signal
    import time

    corpus = tmp_path / "corpus.jsonl"
    text = ("Finance Minister Marta Valente met reporters in Lisbon on Tuesday. Valente said "
            "Portugal and Spain would sign a water treaty next year. ") * 6
    # Long enough that the build is still parsing when Ctrl-C comes (it stops it early).
    corpus.write_text("".join(f'{{"id": "a{n}", "text": "{text}"}}\n' for n in range(4000)),
                      encoding="utf-8")
    # A test run started in the background (`make test &`) ignores Ctrl-C, and so would kg:
    # give it the terminal's default, as an interactive shell does.
    process = subprocess.Popen([kg_command, "build", str(corpus), "--store", str(tmp_path / "s"),
                                "--processes", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        children: list[str] = []
        deadline = time.monotonic() + 60
        while len(children) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                      text=True).stdout.split()
        assert len(children) >= 2, "the two parser processes started"
        time.sleep(1.0)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr
    assert stderr.startswith("kg: error: interrupted: ") and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    time.sleep(0.5)
    alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert not alive, "no parser process outlives the build"


@pytest.mark.parametrize("command", [["export", "--format", "nt"], ["graph", "export"]])
def test_an_output_file_that_cannot_be_written_is_one_line_and_leaves_nothing(
        tmp_path: Path, seed_store: str, kg_command: str, command: list[str]) -> None:
    (tmp_path / "kept.nt").write_text("kept\n")
    for output, says in ((tmp_path / "missing" / "out.nt", "there is no folder"),
                         (tmp_path, "folder|directory")):
        done = subprocess.run([kg_command, *command, "--store", seed_store, "-o", str(output)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert re.search(says, done.stderr) and f"'{output}'" in done.stderr, done.stderr
        assert ".partial" not in done.stderr
    done = subprocess.run([kg_command, *command, "--store", seed_store, "-o",
                           str(tmp_path / "kept.nt")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and (tmp_path / "kept.nt").read_text() != "kept\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.nt"]  # no hidden file left


def test_a_damaged_store_is_one_line(tmp_path: Path, kg_command: str) -> None:
    (tmp_path / "CURRENT").write_text("garbage\n")
    for command in (["stats"], ["query", "--query", "SELECT * WHERE { ?s ?p ?o }"]):
        done = subprocess.run([kg_command, *command, "--store", str(tmp_path)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert "its files are damaged" in done.stderr


def test_the_output_file_examples_run() -> None:
    import doctest

    import kg.outputfile

    failed, attempted = doctest.testmod(kg.outputfile)
    assert failed == 0 and attempted > 0
