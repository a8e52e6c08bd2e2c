"""Tests of kg.articles: .txt/.md, .jsonl and .html files into Articles; boilerplate removal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.articles import clean_text, read_articles
from kg.errors import InputError
from kg.model import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "kim-jong-un-defections.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"


def read_one(path: Path | str, **options: object) -> Article:
    articles = list(read_articles([path], **options))  # type: ignore[arg-type]
    assert len(articles) == 1
    return articles[0]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- front matter and text files ------------------------------------------------------------


def test_front_matter_fields_are_parsed_and_boilerplate_removed() -> None:
    path = FIXTURES / "riverside-festival.md"
    article = read_one(path)
    assert article == Article(
        id="riverside-festival-2024",
        text=(
            "Organisers said 41,000 people attended the Riverside festival over the weekend.\n\n"
            "The mayor opened the festival on Friday evening with a speech about the river "
            "clean-up."
        ),
        title="“Riverside festival draws record crowds”",
        published=date(2024, 6, 30),
        url="https://valley.example/riverside",
        source="Valley Post",
        language="en",
        path=str(path),
    )


def test_text_without_front_matter_gets_id_from_file_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "My Story! (draft).txt", "A ferry sank off the coast on Monday.\n")
    article = read_one(path)
    assert (article.id, article.title, article.published) == ("my-story-draft", None, None)
    assert article.text == "A ferry sank off the coast on Monday."
    assert article.path == str(path)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.md", "\ufeff---\ntitle: Hello\n---\nThe ferry docked.\r\n")
    article = read_one(path)
    assert (article.title, article.text) == ("Hello", "The ferry docked.")


# --- the seed article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_one(SEED)


def test_seed_metadata(seed: Article) -> None:
    assert seed.id == "kim-jong-un-defections"
    assert seed.published == date(2024, 8, 23)
    assert seed.title == "Kim Jong Un's Rule Leads to Biggest Surge in North Korean Defections"
    assert seed.source == "Bangladeshi Help"
    assert seed.language == "en"


@pytest.mark.parametrize(
    "chrome",
    [
        "Site icon",
        "Follow more",
        "bdphone.com",
        "forexdhaka.com",
        "bangladeshi.help",
        "Exit mobile version",
        "Getty Images",
        "👉",
        "Kim’s…",
        "Rule Leads to Biggest Surge",
    ],
)
def test_seed_chrome_is_removed(seed: Article, chrome: str) -> None:
    assert chrome not in seed.text


def test_seed_keeps_every_news_sentence(seed: Article) -> None:
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    news = [line for line in body.splitlines() if line.endswith(".")]
    assert len(news) == 13
    for paragraph in news:
        assert paragraph in seed.text
    assert seed.text.startswith("The number of people from North Korea’s “elite”")
    assert seed.text.endswith(
        "On Tuesday, a North Korean soldier defected to the South after "
        "making the dangerous crossing over the countries’ heavily "
        "militarized border."
    )
    # The truncated caption is gone, its full version stays, once.
    assert seed.text.count("Kim Jong Un speaks at a press conference on June 19") == 1


def test_seed_text_is_a_verbatim_copy_of_kept_paragraphs(seed: Article) -> None:
    original = SEED.read_text(encoding="utf-8")
    paragraphs = seed.text.split("\n\n")
    assert len(paragraphs) == 13
    for paragraph in paragraphs:
        assert paragraph and paragraph in original


# --- jsonl ----------------------------------------------------------------------------------


def test_jsonl_reads_one_article_per_line(tmp_path: Path) -> None:
    lines = [
        {
            "id": "Flood Report #1",
            "title": "Floods",
            "published": "2024-03-01",
            "text": "Rain fell.",
        },
        {"text": "Snow fell.", "url": "https://x.example/snow", "source": "Wire", "language": "de"},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = read_articles([path])
    assert (first.id, first.title, first.published, first.text) == (
        "flood-report-1",
        "Floods",
        date(2024, 3, 1),
        "Rain fell.",
    )
    assert first.path == f"{path}:1"
    assert (second.id, second.url, second.source, second.language, second.path) == (
        "feed-2",
        "https://x.example/snow",
        "Wire",
        "de",
        f"{path}:2",
    )


def test_jsonl_broken_line_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path / "corpus.jsonl",
        '{"text": "One."}\n{"text": "Two.",\n{"text": "Three."}\n',
    )
    articles = read_articles([path])
    assert next(articles).text == "One."
    with pytest.raises(InputError) as caught:
        next(articles)
    message = str(caught.value)
    assert message.startswith(f"{path} line 2: not valid JSON (")
    assert "\n" not in message


def test_jsonl_line_longer_than_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", '{"text": "Short."}\n' + json.dumps({"text": "x" * 500}))
    with pytest.raises(InputError, match=r"big\.jsonl line 2: .*limit"):
        list(read_articles([path], max_bytes=100))


# --- html -----------------------------------------------------------------------------------


def test_html_keeps_only_article_paragraphs() -> None:
    path = FIXTURES / "harbour-reopens.html"
    article = read_one(path)
    assert article.text == (
        "The harbour at Porthcastle reopened on Wednesday, three weeks after Storm Ciarán "
        "damaged its outer wall.\n\n"
        "Repairs cost £2m\n\n"
        "The council said repairs cost about £2 million.\n\n"
        "Twelve boats returned on the first day."
    )
    assert article.published == date(2023, 11, 2)  # the meta tag, not the <time>
    assert article.title == "Storm-hit harbour reopens to fishing boats"
    assert article.url == "https://courier.example/news/harbour-reopens"
    assert (article.id, article.source, article.language) == (
        "harbour-reopens",
        "The Coastal Courier",
        "en",
    )


def test_html_fallbacks_for_title_and_date(tmp_path: Path) -> None:
    path = write(
        tmp_path / "plain.htm",
        "<html><head><title>Quiet day</title></head><body><nav><a>Home</a></nav>"
        '<h1>Ignored heading</h1><time datetime="2022-05-04T10:00">May 4</time>'
        "<p>Nothing  happened\n today.</p><footer><p>About us</p></footer></body></html>",
    )
    article = read_one(path)
    assert (article.title, article.published, article.text) == (
        "Quiet day",
        date(2022, 5, 4),
        "Nothing happened today.",
    )


# --- folders, order, overrides, ids ---------------------------------------------------------


def test_folders_recurse_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Bee.")
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.md", "Zed.")
    (tmp_path / "c").mkdir()
    write(tmp_path / "c" / "d.jsonl", '{"text": "Dee."}\n')
    write(tmp_path / "c" / "notes.csv", "not,an,article")
    write(tmp_path / ".hidden.txt", "Hidden.")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", "Hidden too.")
    texts = [article.text for article in read_articles([tmp_path])]
    assert texts == ["Zed.", "Bee.", "Dee."]
    paths = [article.path for article in read_articles([str(tmp_path)])]
    assert paths == [f"{tmp_path}/a/z.md", f"{tmp_path}/b.txt", f"{tmp_path}/c/d.jsonl:1"]


def test_a_folders_readme_and_license_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path / "story.md", "A story.")
    for name in ("README.md", "LICENSE.txt", "changelog.md", "NOTICE.txt"):
        write(tmp_path / name, "About this folder.")
    assert [article.text for article in read_articles([tmp_path])] == ["A story."]
    # Named on its own, a README is read like any file.
    assert [article.text for article in read_articles([tmp_path / "README.md"])] == [
        "About this folder."]


def test_published_override_replaces_every_date(tmp_path: Path) -> None:
    write(tmp_path / "dated.md", "---\npublished: 2020-01-01\n---\nOld news.")
    write(tmp_path / "undated.txt", "New news.")
    override = date(2024, 8, 23)
    dates = [article.published for article in read_articles([tmp_path], published=override)]
    assert dates == [override, override]


def test_duplicate_ids_are_rejected_naming_both_places(tmp_path: Path) -> None:
    first = write(tmp_path / "one.md", "---\nid: Same Story\n---\nFirst.")
    second = write(tmp_path / "two.txt", "---\nid: same-story\n---\nSecond.")
    with pytest.raises(InputError) as caught:
        list(read_articles([first, second]))
    message = str(caught.value)
    assert str(first) in message and str(second) in message and "same-story" in message


# --- bad input ------------------------------------------------------------------------------

BAD_INPUTS = [
    ("empty.txt", b"", r"empty\.txt: no article text"),
    ("blank.md", b"---\ntitle: Only chrome\n---\n\n  \n", r"blank\.md: no article text"),
    (
        "chrome.txt",
        "Skip to content\nAdvertisement\n👉 example.com\nShare this:\n".encode(),
        r"chrome\.txt: no article text \(empty after removing boilerplate\)",
    ),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"photo\.txt: looks like a binary file"),
    (
        "latin1.txt",
        "Caf\u00e9 opens.".encode("latin-1"),
        r"latin1\.txt: not UTF-8 text \(invalid byte 0xe9 at offset 3\); convert it to UTF-8",
    ),
    (
        "yaml.md",
        b"---\ntitle: ok\nsource: a: b\n---\nText.",
        r"yaml\.md: front matter line 3: mapping values are not allowed here; fix the YAML",
    ),
    ("open.md", b"---\ntitle: never closed\nText.", r"open\.md: front matter .*never closed"),
    ("list.md", b"---\n- a\n- b\n---\nText.", r"list\.md: front matter must be 'key: value'"),
    (
        "date.md",
        b"---\ntitle: x\npublished: 2024-13-45\n---\nText.",
        r"date\.md: front matter line 3: published '2024-13-45' is not an ISO date \(YYYY-MM-DD\)",
    ),
    ("bad.jsonl", b'{"text": "ok"}\n[1, 2\n', r"bad\.jsonl line 2: not valid JSON \("),
    ("notext.jsonl", b'\n{"title": "t"}\n', r"notext\.jsonl line 2: missing 'text'"),
    (
        "baddate.jsonl",
        b'{"text": "t", "published": "yesterday"}\n',
        r"baddate\.jsonl line 1: published 'yesterday' is not an ISO date",
    ),
    ("nothing.jsonl", b"\n\n", r"nothing\.jsonl: no article text"),
    ("noid.md", "---\nid: 記事\n---\nText.".encode(), r"noid\.md: front matter line 2: id '記事'"),
    ("table.csv", b"a,b\n", r"table\.csv: unknown kind of file '\.csv'"),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_raises_one_line_input_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        list(read_articles([path]))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert caught.match(expected)


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match=r"^no such file or folder: .*nowhere\.txt$"):
        list(read_articles([missing]))


def test_file_larger_than_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", "Long text. " * 300_000)
    with pytest.raises(InputError) as caught:
        list(read_articles([path], max_bytes=2_000_000))
    assert str(caught.value) == (
        f"{path}: 3.3 MB is larger than the 2 MB limit per article; split it into several articles"
    )


# --- boilerplate rules, on chrome from other sites ------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Site icon The Daily Planet",
        "Exit mobile version",
        "Skip to main content",
        "Share this:",
        "Share on Facebook",
        "Tweet  |  Email  |  Print",
        "👇 Follow more 👇",
        "Follow us on Instagram and Telegram",
        "Read more: Dam bursts in the north",
        "Related stories: Elections 2025",
        "Related:",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Subscribe to our daily briefing",
        "Sign up for the Morning Wire newsletter",
        "This website uses cookies to ensure you get the best experience.",
        "Accept all cookies",
        "© 2025 Daily Planet Media Group. All rights reserved.",
        "Getty Images",
        "AP Photo/Ahn Young-joon",
        "(AP Photo/Ahn Young-joon)",
        "Reuters/Kim Hong-Ji",
        "Jung Yeon-je/AFP via Getty Images",
        "Photo: Yonhap",
        "File photo",
        "https://planet.example/world/123?ref=rss",
        "www.planet.example",
        "  • planet-news.example",
        "👉 daily.planet.example",
        "🔥🔥🔥",
        "* * *",
    ],
)
def test_boilerplate_lines_are_removed(line: str) -> None:
    text = f"Flooding closed the main road on Sunday.\n\n{line}\n\nRepairs began on Monday."
    assert clean_text(text) == (
        "Flooding closed the main road on Sunday.\n\nRepairs began on Monday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that the talks had stalled.",
        "Subscribers to the service received a refund.",
        "Photographs of the flooding were shared widely online.",
        "The company's website, planet.example, was offline for a day.",
        "Related parties denied any wrongdoing.",
        "Share prices fell 3 percent.",
        "Follow-up talks are planned for May.",
        "The U.S. embassy said 1.22 percent of applicants were refused...",
        "“We will rebuild,” she said.",
    ],
)
def test_news_lines_are_kept_verbatim(line: str) -> None:
    assert clean_text(f"Opening line.\n\n{line}\n\nClosing line.") == (
        f"Opening line.\n\n{line}\n\nClosing line."
    )


def test_trailing_run_of_link_lines_is_removed() -> None:
    text = (
        "The bridge reopened on Friday.\n\n"
        "More of our partners 👇\n"
        "👉 Best rates: fxrates.example\n"
        "👉 cheapflights.example\n"
        "Visit shop.example/deals\n"
    )
    assert clean_text(text) == "The bridge reopened on Friday.\n\nMore of our partners 👇"


def test_truncated_caption_duplicate_is_removed() -> None:
    caption = "Rescuers carry a child from the rubble in Antakya on February 7, 2023."
    text = f"Intro.\n\n{caption[:40]}...\n\n{caption}\n\nEnd."
    assert clean_text(text) == f"Intro.\n\n{caption}\n\nEnd."
    unrelated = "The minister said the plan was still under review..."
    assert clean_text(f"{unrelated}\nSomething else entirely.") == (
        f"{unrelated}\nSomething else entirely."
    )


@pytest.mark.parametrize(
    "first_line",
    [
        "Mayor’s Plan Wins Approval",
        "MAYOR'S PLAN WINS APPROVAL",
        "# “Mayor's plan wins approval”",
    ],
)
def test_first_line_repeating_the_title_is_removed(first_line: str) -> None:
    text = f"{first_line}\n\nThe council approved the plan."
    assert clean_text(text, title="Mayor's plan wins approval") == "The council approved the plan."
    assert clean_text(text) == text  # without a title nothing is guessed


def test_title_is_only_removed_from_the_first_line() -> None:
    text = "The council met.\n\nMayor's plan wins approval"
    assert clean_text(text, title="Mayor's plan wins approval") == text


def test_paragraph_structure_is_kept_and_quotes_untouched() -> None:
    text = (
        "\n\nHe said “yes” — ‘maybe’.   \n\n\n\n\nSecond   paragraph\tstays.  \r\nSame paragraph.\n"
    )
    assert clean_text(text) == (
        "He said “yes” — ‘maybe’.\n\nSecond   paragraph\tstays.\nSame paragraph."
    )
