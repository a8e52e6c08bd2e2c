"""Page chrome (menus, share bars, bylines, stamps, phone numbers, widgets) never reaches NLP.

The pages under tests/fixtures/chrome are invented in the styles of several kinds of site; each
``NAME.expected`` file holds the exact article text the page must give.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.articles import clean_text, read_articles
from kg.extract import extract
from kg.model import Article, Facts
from kg.nlp import parse
from kg.resolve import resolve
from kg.resources import resource_path

PAGES = Path(__file__).resolve().parent / "fixtures" / "chrome"

# For each page: chrome that is in the page, and the figures that chrome states.
CHROME: dict[str, tuple[list[str], set[Decimal]]] = {
    "harbour-gazette.txt": (
        ["Home World Business Sport Culture Travel", "NEWS | CANADA | ATLANTIC",
         "By Marta Quill and Oskar Lind", "Updated 14:32 GMT", "5 hours ago",
         "Facebook Twitter Email Print", "Listen to this article", "ADVERTISEMENT",
         "Sign up to our daily newsletter", "1-800-555-0199", "+1 902 555 0143",
         "Reporting by Marta Quill", "Post a comment", "Comments (12)", "Join the conversation",
         "Most read", "Trending", "Download the app", "All rights reserved"],
        {Decimal(4), Decimal(5), Decimal(12), Decimal(14), Decimal(32), Decimal(2025)},
    ),
    "valley-courier.md": (
        ["[Home](/)", "By JANE ROE", "Published: 2 October 2025", "Share on Facebook",
         "![Vines", "Image caption", "Advertisement", "Read more:", "Comments (4)",
         "Leave a comment", "Reporting by Jane Roe"],
        {Decimal(4), Decimal(2), Decimal(2025)},
    ),
    "northfield-chronicle.html": (
        ["cookies", "Business", "By Priya Castell", "WhatsApp", "Advertisement",
         "garden furniture", "Morning Briefing", "newsletter", "Flood defences fail in Leeds",
         "12 thoughts", "Labour", "Leave a comment", "01632 960 123"],
        {Decimal(20), Decimal(12), Decimal(1632)},
    ),
    "meridian-daily.html": (
        ["Skip to content", "Weather", "By Tomas Okafor", "Published 12 June 2025",
         "Image caption", "More on this story", "World Bank", "Most read", "Kenya Airways",
         "Download the Meridian app", "Facebook"],
        {Decimal(12), Decimal(2025)},
    ),
    "pacifica-wire.html": (
        ["Home › Americas", "World | Markets", "Updated 3 March 2025", "Share on X",
         "ADVERTISEMENT", "Reporting by Elena Marsh", "newsletter", "+1 415 555 0177"],
        {Decimal(3), Decimal(9), Decimal(15), Decimal(415), Decimal(4155550177)},
    ),
}
# Words of menus, share bars and bylines on these pages that must never name an entity.
CHROME_NAMES = {
    "Facebook", "Twitter", "Email", "Print", "WhatsApp", "LinkedIn", "World", "Business", "Sport",
    "Culture", "Travel", "Weather", "Markets", "Politics", "Climate", "Newsletter", "Comments",
    "Advertisement", "Marta Quill", "Oskar Lind", "Jane Roe", "Sam Poe", "Priya Castell",
    "Tomas Okafor", "Elena Marsh", "Chris Vale", "Labour", "Leeds", "Yorkshire", "Kenya Airways",
    "World Bank", "Mombasa", "Lagos", "Meridian", "Americas",
}


def read_page(name: str) -> Article:
    articles = list(read_articles([PAGES / name]))
    assert len(articles) == 1
    return articles[0]


def expected_text(name: str) -> str:
    return (PAGES / name).with_suffix(".expected").read_text(encoding="utf-8").rstrip("\n")


@pytest.fixture(scope="module")
def facts() -> dict[str, Facts]:
    found = {}
    for name in CHROME:
        article = read_page(name)
        found[name] = resolve(extract(article, parse(article.text)))
    return found


@pytest.mark.parametrize("name", sorted(CHROME))
def test_page_gives_exactly_its_article_text(name: str) -> None:
    assert read_page(name).text == expected_text(name)


@pytest.mark.parametrize("name", sorted(CHROME))
def test_page_chrome_is_gone(name: str) -> None:
    page = (PAGES / name).read_text(encoding="utf-8")
    text = read_page(name).text
    for chrome in CHROME[name][0]:
        assert chrome in page, f"{chrome!r} is not on the page: fix the test"
        assert chrome not in text


@pytest.mark.parametrize("name", sorted(CHROME))
def test_every_kept_line_is_verbatim_from_the_page(name: str) -> None:
    page = (PAGES / name).read_text(encoding="utf-8")
    flat_page = " ".join(page.split())  # HTML paragraphs are joined on one line each
    for line in read_page(name).text.split("\n"):
        if line:
            assert line in (page if not name.endswith(".html") else flat_page), line


@pytest.mark.parametrize("name", sorted(CHROME))
def test_chrome_gives_no_entity_and_no_figure(name: str, facts: dict[str, Facts]) -> None:
    labels = {entity.label for entity in facts[name].entities}
    assert labels and not labels & CHROME_NAMES, sorted(labels & CHROME_NAMES)
    text = facts[name].article.text
    for statistic in facts[name].statistics:
        assert statistic.value not in CHROME[name][1], text[statistic.evidence.start:statistic.evidence.end]
    assert not re.search(r"\d{3}[ -]\d{4}", text)  # no phone number left to read as a figure


# --- the rules, one line at a time ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # known widget phrases (data/lexicon/page-chrome.txt)
        "Post a comment", "Leave a comment", "Comments (12)", "48 comments", "Join the conversation",
        "Newsletter", "Sign up to our daily newsletter", "Advertisement", "ADVERTISEMENT", "Ad",
        "Most read", "Trending", "Listen to this article", "Listen to this article · 6 min",
        "Download the app", "Get our free news app", "Image caption", "Media caption,",
        "Image source, Getty Images", "Watch: Divers search the flooded cave", "Read the full story",
        "You may also like", "Top stories", "Log in", "Back to top",
        "Reporting by Ana Silva; Editing by Tom Reed",
        "(Reporting by Ana Silva in Lisbon and Jo Park in Seoul; Editing by Tom Reed)",
        "Additional reporting by Ana Silva",
        # staff credits, end marks, desk addresses and notes at a story's foot (real pages of
        # AP, CNN and Yonhap end this way)
        "Associated Press writers Ana Silva in Lisbon and Jo Park contributed to this report.",
        "Harbour Times' Ana Silva, Jo Park and Tom Reed contributed to this report",
        "Ana Silva contributed reporting from Lisbon.", "Reporting was contributed by Jo Park.",
        "Associated Press writer Jo Park in St. Louis contributed to this report.",
        "Contributing: Ana Silva, Jo Park, Associated Press.", "Contributing writers: Tom Reed and Jo Park",
        "Contributors: Ana Silva in Lisbon; Jo Park",
        "(END)", "desk@wire.example", "This story has been updated with additional developments.",
        "(Corrects spelling of the mayor's name in third paragraph.)",
        "(Updates with closing prices, adds analyst comment)",
        "(Adds comment from the union in paragraph 5)", "(Fixes typo in headline)",
        "(Changes headline, adds byline)", "(Updates to add the minister's reaction)",
        "(Recasts, adds details of the vote)", "(Refiles to restore a dropped word)",
        "-- By Ana Silva Follow @asilva", "Follow Harbour Sport on Facebook and Twitter for more news.",
        "Please share your videos, pictures and stories with us.", "Loading weather data ...",
        "This post contains affiliate links, which means we may earn a commission.",
        "Just so you know, some of the links on Harbour Sport are affiliate links.",
        # menus and breadcrumbs with separators
        "World | Business | Sport | Culture", "NEWS  SPORT  WEATHER", "Home • Europe • Portugal",
        "Home > News > Science", "[World](/world) · [Sport](/sport)",
        # date and time stamps
        "Updated 14:32 GMT", "5 hours ago", "Published: 3 March 2019", "Mon 3 Mar 2025 09.15 EST",
        "March 3, 2019 at 2:14 p.m. ET", "Last updated on 12/04/2024", "2024-03-03T09:15:00Z",
        "Updated",
        # phone numbers
        "Call 1-800-555-0199", "Tel: +44 20 7946 0000", "Phone: (555) 010-4477", "+1 202 555 0143",
        "For bookings call 0131 496 0000",
        # bylines
        "By Jane Roe and John Doe", "By JANE ROE, Associated Press", "Jane Roe | Reporter",
        "By Jane Roe in Seoul", "By Jane Roe, for The Harbour Times", "By Jane Roe · 5 hours ago",
        "**By Ana Silva**",
    ],
)
def test_chrome_line_is_dropped(line: str) -> None:
    text = f"Flooding closed the main road on Sunday.\n\n{line}\n\nRepairs began on Monday."
    assert clean_text(text) == "Flooding closed the main road on Sunday.\n\nRepairs began on Monday."


@pytest.mark.parametrize(
    "line",
    [
        "He denied it.",
        "SEOUL, South Korea (AP) — The talks collapsed on Monday.",
        "SEOUL (Reuters) - North Korea fired a missile on Tuesday.",
        "“No,” she said.",
        "Mayor’s Plan Wins Approval",
        "Thousands Flee As Floods Hit Capital",
        "Death Toll Rises",
        "By the time rescuers arrived, the house had collapsed.",
        "By Monday, the river had risen.",
        "Reporting by the Guardian revealed the scheme.",
        "Comments by the minister drew criticism.",
        "Trending topics on the platform included the strike.",
        "Published reports said the mine had closed.",
        "Updated figures showed 40 deaths.",
        "The fund contributed to the report's costs, the ministry said.",
        "Doctors said the end of the outbreak was near.",
        "She said she would follow the case on Twitter.",
        # prose that mentions what a credit, a prompt or a player says
        "Rising rents contributed to the report", "Loading docks closed",
        "Contributing factors included the heavy rain.", "Contributing: the heavy rain, she said.",
        "Contributing to the delay was a strike by port workers",
        "(Adds to the confusion, the mayor said.) The vote was delayed.",
        "(Corrections officers walked out on Monday.)",
        # news in brackets opened by a word a wire's notice also opens with
        "(Changes to the parking rules start on May 2, the council said.)",
        "(Updates on the rail works will be given daily by the operator.)",
        "(Adds up to 300 jobs over a decade, the firm estimates.)",
        "(Fixes to the sea wall were completed last spring, officials said.)",
        "The senator urged supporters to follow @harbourcouncil",
        "Follow Smith on Twitter, where she posted the video of the attack",
        "Share your stories with us, the mayor told residents",
        "“We earn a commission on every policy we sell,” said Jones.",
        "He was 5 hours late.",
        "Call it a comeback.",
        "Anyone with information should call 555 0100 9999.",
        "In 2019, 1,234,567 people voted.",
        "Jane Roe, a reporter, was detained in Minsk.",
    ],
)
def test_real_line_is_kept(line: str) -> None:
    for text in (f"Opening line.\n\n{line}\n\nClosing line.", f"{line}\n\nThe vote was held."):
        assert clean_text(text) == text


def test_title_case_run_is_a_menu_above_or_below_the_prose_only() -> None:
    menu = "World Business Sport Culture Travel"
    assert clean_text(f"{menu}\n\nThe port reopened.\n\nShips sailed.\n\n{menu}") == (
        "The port reopened.\n\nShips sailed."
    )
    subheading = "Economic Fallout Ahead"
    between = f"The port reopened.\n\n{subheading}\n\nShips sailed."
    assert clean_text(between) == between  # a subheading between paragraphs stays
    assert clean_text(f"{subheading}\n\nShips sailed.") == "Ships sailed."
    assert clean_text(menu) == menu  # with no prose to judge by, nothing is dropped


def test_markdown_heading_is_never_a_menu() -> None:
    text = "# Storm Damage Report\n\nThe storm hit the coast."
    assert clean_text(text) == text


# --- HTML widget containers ----------------------------------------------------------------


def test_html_widget_containers_are_removed_but_wrappers_and_lookalikes_stay(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div class='site nav-open'>"
        "<div class='shareBar'><p>Share the story with your friends today.</p></div>"
        "<div id='related-posts'><p>Another story about the same harbour was popular.</p></div>"
        "<div class='ad'><p>Buy two tyres and get the third one for half price.</p></div>"
        "<p class='article-author'>Written by the staff of the paper in the capital.</p>"
        "<div class='commentary'><p>The harbour reopened after the storm on Friday.</p></div>"
        "<p class='address'>Ships lined up outside the port for most of the day.</p>"
        "</div></body></html>",
        encoding="utf-8",
    )
    assert next(iter(read_articles([page]))).text == (
        "The harbour reopened after the storm on Friday.\n\n"
        "Ships lined up outside the port for most of the day."
    )


@pytest.mark.parametrize(("teaser", "kept"), [
    # a teaser of another story between a story's paragraphs, as news sites of several kinds
    # set it: a bare link, a link in bold, a link with an arrow
    ("<p><a href='/2024/05/travel/jet-lag/index.html'>7 ways to beat jet lag on long flights</a></p>",
     None),
    ("<p><strong><a href='https://example.org/food'>Latest restaurant reviews, news »</a></strong></p>",
     None),
    ("<p><a href='/sport/rugby/12345'>Rugby: 3 things we learned in Cardiff</a></p>", None),
    # a linked paragraph that ends a sentence, and a paragraph with a link inside it, stay
    ("<p><a href='/doc.pdf'>The ministry published 40 pages of the report on Friday.</a></p>",
     "The ministry published 40 pages of the report on Friday."),
    ("<p>Officials <a href='/x'>said</a> 12 roads were closed</p>", "Officials said 12 roads were closed"),
])
def test_a_paragraph_that_is_only_a_link_to_another_story_is_a_teaser(
        tmp_path: Path, teaser: str, kept: str | None) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article>"
        "<p>The harbour reopened after the storm on Friday, officials said.</p>"
        f"{teaser}"
        "<p>Ships lined up outside the port for most of the day, the harbour master said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    text = next(iter(read_articles([page]))).text
    lines = ["The harbour reopened after the storm on Friday, officials said.",
             *([kept] if kept else []),
             "Ships lined up outside the port for most of the day, the harbour master said."]
    assert text == "\n\n".join(lines)


# --- the lexicon -----------------------------------------------------------------------------


def test_page_chrome_lexicon_entries_compile_and_each_block_says_what_it_serves() -> None:
    lines = resource_path("lexicon", "page-chrome.txt").read_text(encoding="utf-8").splitlines()
    entries = 0
    previous = ""
    for number, line in enumerate(lines, 1):
        if line.strip() and not line.startswith("#"):
            re.compile(line)
            assert previous.strip(), f"line {number}: a block of entries opens with a # comment"
            entries += 1
        previous = line if line.strip() else ""
    assert entries >= 30


@pytest.mark.parametrize("line", ["1 " * 40 + "x", "1" * 40 + "x", "By " + "Aa, " * 100 + "x"])
def test_long_lines_do_not_make_the_patterns_backtrack_for_ever(line: str) -> None:
    assert clean_text(line) == line.rstrip()  # hours each, when date-stamp parts could overlap
