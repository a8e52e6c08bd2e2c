"""The interactive HTML page in real headless Chromium, driven over the DevTools protocol.

The driver and the Chromium it needs are in devtools.py (fails, never skips, without one).
Checks: the page draws every node, logs no error, works offline, reacts to the mouse, the
search box and the focus button, and runs nothing an article smuggles into a name or sentence.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from devtools import CHROMIUM, HEADLESS, Browser, require_chromium
from kg import analysis, viewcache, views, viz
from tinystore import HOSTILE_LABELS, ID, PAYLOADS, make_store


@pytest.fixture(scope="module", autouse=True)
def _chromium_installed() -> None:
    require_chromium()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    opened = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(autouse=True)
def _fresh_events(browser: Browser) -> None:
    """Each test judges only the console messages of its own pages."""
    browser.events.clear()


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(viewcache.CACHE_ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))


def write_page(view: views.EntityView, path: Path) -> Path:
    path.write_text(viz.html_page(view), encoding="utf-8")
    return path


def test_seed_graph_is_drawn_without_errors(browser: Browser, seed_store: str,
                                            tmp_path: Path) -> None:
    view = kg.open(seed_store).view()
    page = write_page(view, tmp_path / "seed.html")
    browser.open(page)
    assert browser.js("document.documentElement.dataset.ready") == "true"
    assert browser.js("document.querySelectorAll('#graph g.node').length") == (
        view.graph.number_of_nodes())
    assert browser.js("document.querySelectorAll('#graph g.node text').length") == (
        view.graph.number_of_nodes())
    assert browser.problems() == []
    # The drawing fills the canvas: nodes are not specks.
    width = browser.js("document.querySelector('#graph g.node .shape')"
                       ".getBoundingClientRect().width")
    assert width > 10


def test_hover_click_search_and_focus(browser: Browser, seed_store: str,
                                      tmp_path: Path) -> None:
    view = kg.open(seed_store).view()
    browser.open(write_page(view, tmp_path / "seed.html"))
    data = browser.js("JSON.parse(document.getElementById('kg-data').textContent)")
    putin = next(i for i, n in enumerate(data["nodes"]) if n["label"] == "Vladimir Putin")
    selector = f'#graph g.node[data-i="{putin}"] .shape'

    browser.click(selector)
    assert browser.js("document.querySelector('#tooltip').textContent").endswith(
        f"{ID}vladimir-putin")
    assert browser.js("document.querySelector('#panel h2').textContent") == "Vladimir Putin"
    sentences = browser.js("[...document.querySelectorAll('#panel blockquote')]"
                           ".map(b => b.firstChild.textContent)")
    assert any("Putin’s two-day visit" in s for s in sentences)
    links = browser.js("[...document.querySelectorAll('#panel li button')]"
                       ".map(b => b.textContent)")
    assert "—leader of, nationality→ Russia" in links
    assert "←agent— Visit: Vladimir Putin" in links

    browser.js("(() => { const s = document.getElementById('search'); s.value = 'kim jong';"
               " s.dispatchEvent(new Event('input')); })()")
    matched = browser.js("[...document.querySelectorAll('#graph g.node.match')]"
                         ".map(g => g.querySelector('text').textContent)")
    assert {"Kim Jong Un", "Kim Jong Il"} <= set(matched)
    assert browser.js("document.getElementById('search-count').textContent").endswith(
        "matches")

    browser.click("#focus-button")
    visible = browser.js("document.querySelectorAll('#graph g.node:not(.faded)').length")
    assert visible == 1 + len({n.node for n in analysis.neighbours(view, "Vladimir Putin")[1]})
    browser.click("#show-all")
    assert browser.js("document.querySelectorAll('#graph g.node.faded').length") == 0

    edge = browser.js("document.querySelector('#graph g.edge').dataset.i")
    browser.js(f"document.querySelector('#graph g.edge[data-i=\"{edge}\"] path.hit')"
               ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert "→" in browser.js("document.querySelector('#panel h2').textContent")
    assert browser.problems() == []


def test_legend_hides_a_type(browser: Browser, tmp_path: Path) -> None:
    view = kg.open(make_store(str(tmp_path / "tiny"))).view()
    browser.open(write_page(view, tmp_path / "tiny.html"))
    browser.click('#legend li[data-type="Person"]')
    assert browser.js("document.querySelectorAll('#graph g.node.hidden').length") == 4
    assert browser.problems() == []


def test_hostile_names_and_sentences_run_nothing(browser: Browser, tmp_path: Path) -> None:
    view = kg.open(make_store(str(tmp_path / "hostile"), HOSTILE_LABELS)).view()
    page = write_page(view, tmp_path / "hostile.html")
    browser.open(page)
    title = browser.js("document.title")
    assert "pwned" not in title
    assert browser.js("document.querySelectorAll('#graph g.node').length") == 10
    # Show every hostile name and sentence in the panel and the tooltip.
    count = browser.js("document.querySelectorAll('#graph g.node').length")
    for index in range(count):
        browser.click(f'#graph g.node[data-i="{index}"] .shape')
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.title") == title
    assert browser.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.js("document.querySelectorAll('script').length") == 2
    panel_names = browser.js("[...document.querySelectorAll('#graph g.node text')]"
                             ".map(t => t.textContent).join(' ')")
    assert "<script>" in panel_names  # shown as text, not run
    assert browser.problems() == []


def test_a_hostile_article_built_by_kg_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    import kg

    article = tmp_path / "hostile.md"
    article.write_text(
        "---\nid: hostile\ntitle: \"Minister <script>window.__pwned=9</script> resigns\"\n"
        "published: 2024-05-02\n---\n"
        f"Foreign Minister Anna Berg resigned on Monday in Oslo. {PAYLOADS[0]}\n\n"
        f"Anna Berg said the decision was final {PAYLOADS[1]} and left for Stockholm.\n\n"
        f"The Ministry of Foreign Affairs of Norway confirmed it {PAYLOADS[2]}.\n",
        encoding="utf-8")
    store = str(tmp_path / "store")
    kg.open(store).build([article])
    view = kg.open(store).view()
    page = write_page(view, tmp_path / "built.html")
    text = page.read_text(encoding="utf-8")
    assert "onerror" in text  # the payload did reach the page, as data
    browser.open(page)
    for index in range(view.graph.number_of_nodes()):
        browser.click(f'#graph g.node[data-i="{index}"] .shape')
    assert browser.js("typeof window.__pwned") == "undefined"
    assert "pwned" not in browser.js("document.title")
    assert browser.problems() == []


def test_the_screenshot_command_works(tmp_path: Path, seed_store: str) -> None:
    """The way docs/seed-graph.png is made: chromium --headless --screenshot."""
    page = write_page(kg.open(seed_store).view(), tmp_path / "seed.html")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri()],
        check=True, capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 30_000
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
