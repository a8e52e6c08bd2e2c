"""kg.htmlpages on invented pages: what of a page's structure is chrome and what is the story."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from kg.htmlpages import _mend_broken_paragraphs, read_page

_STORY = ("<p>The council of Dunmore voted on Monday to close the old harbour bridge for repairs "
          "that engineers say will take most of the coming year.</p>"
          "<p>Traffic will move to the ferry, which the regional transport office said would run "
          "every twenty minutes from early morning, and nobody saw the bill coming, the mayor "
          "told reporters.</p>")


def _page(inner: str, head: str = "") -> str:
    return (f"<html><head><title>Bridge shut</title>{head}</head>"
            f"<body><article>{inner}</article></body></html>")


def _body(inner: str) -> str:
    return read_page(_page(inner))[1]


def test_links_after_a_short_label_are_chrome() -> None:
    body = _body(
        _STORY
        + '<p><b>IN OHIO: </b><a href="/a">Farmers count the cost of the late frost</a></p>'
        + '<p>Topics: <a href="/t/1">bridges</a>, <a href="/t/2">transport</a></p>'
        + '<ul><li><strong>Source</strong><a href="/s">Ministry of Works</a></li></ul>'
        + '<p>(MORE: <a href="/m">Five Bridges That Outlived Their Builders</a>)</p>')
    assert "Dunmore" in body and "ferry" in body
    for chrome in ("Farmers", "Topics", "transport</", "Ministry of Works", "MORE"):
        assert chrome not in body


def test_a_sentence_that_holds_links_stays() -> None:
    body = _body(_STORY + '<p>The plan was first put by <a href="/p">Ana Ruiz</a> of the '
                 '<a href="/g">Greens</a> in March.</p><p><a href="/x">Read the report</a> here.</p>')
    assert "The plan was first put by Ana Ruiz of the Greens in March." in body
    assert "Read the report here." in body


def test_a_pull_quote_repeating_the_story_is_chrome() -> None:
    body = _body(_STORY + '<p><q class="right">"Nobody saw the bill coming"</q></p>'
                 '<blockquote>Engineers say the repairs will take most of the year</blockquote>')
    assert body.count("Nobody saw") == 0 and body.count("nobody saw the bill coming") == 1
    assert "Engineers say the repairs" not in body


def test_a_quotation_of_its_own_stays() -> None:
    body = _body(_STORY + "<blockquote><p>We will not pay for a bridge we were never asked "
                 "about, and we will say so at the hearing in Kilbride next week.</p></blockquote>"
                 '<p>She called it <q>a folly</q> and left the chamber.</p>')
    assert "We will not pay for a bridge" in body
    assert "a folly" in body


def test_a_short_quotation_whose_words_the_story_uses_elsewhere_stays() -> None:
    # most of its words are in the story's paragraph, but not as a run: a post, no display copy
    body = _body("<p>It is the first time in a decade that the city has shut all of its schools "
                 "for a day, the council said on Tuesday after the storm.</p>"
                 "<p>The mayor posted a short message on her page:</p>"
                 "<blockquote><p>It is a sad day for the city.</p></blockquote>")
    assert "It is a sad day for the city." in body


def test_a_lead_broken_open_by_a_box_inside_it_is_read() -> None:
    # a box written inside <p> closes it: the lead is left as bare text before the stray </p>
    body = _body('<div class="body"><p><div class="related-box"><ul><li><a href="/v">Video: the '
                 'bridge</a></li></ul></div>LAGOS (Reuters) — Nigeria\'s central bank raised its '
                 "main lending rate by two points on Tuesday to slow rising prices.</p>"
                 "<p>The bank's governor said more rises could follow if the naira kept falling "
                 "against the dollar over the coming months, traders said.</p></div>")
    assert body.startswith("LAGOS (Reuters) — Nigeria's central bank raised")
    assert "Video" not in body


def test_bare_text_without_a_broken_paragraph_is_left_as_it_was() -> None:
    for html in ("<div>Copyright 2031 Example Media. All rights reserved in every country."
                 "<p>One short line.</p></div>",  # no stray </p> after it
                 "<div><p><div>box</div>Watch live now.</p></div>",  # too short for a sentence
                 # the tail of a sentence a link began: mending it would split the sentence
                 '<div><p><div>box</div><a href="/m">Markets</a> were fixed on the central bank '
                 "all week long, traders in three cities said.</p></div>"):
        tree = LexborHTMLParser(html)
        assert tree.body is not None
        before = tree.body.html
        _mend_broken_paragraphs(tree.body)
        assert tree.body.html == before


def test_the_date_is_the_newsroom_s_own_day() -> None:
    head = '<meta property="article:published_time" content="2031-03-06T02:30:00Z" />'
    inner = '<time datetime="2031-03-05 21:30:00-0500">March 5, 2031 9:30 pm</time>' + _STORY
    assert read_page(_page(inner, head))[0]["published"].startswith("2031-03-05")


def test_a_time_of_another_instant_does_not_move_the_date() -> None:
    head = '<meta property="article:published_time" content="2031-03-06T02:30:00Z" />'
    inner = ('<time datetime="2031-03-04 08:00:00+0900">a teaser</time>' + _STORY
             + '<time datetime="2031-03-06T02:30:00Z">UTC</time>')
    assert read_page(_page(inner, head))[0]["published"] == "2031-03-06T02:30:00Z"


def test_an_alerts_box_is_chrome() -> None:
    body = _body(_STORY + '<div class="reporter-alerts"><h5>Get reporter alerts</h5><ul>'
                 "<li>Jane Okafor</li><li>Tom Reyes</li></ul></div>"
                 '<div id="weather-alert-bar">Flood warning for Kent County until 6 pm</div>'
                 '<section class="breakingAlerts"><p>Live: the mayor speaks now</p></section>')
    assert "Dunmore" in body
    for chrome in ("reporter alerts", "Okafor", "Kent County", "mayor speaks"):
        assert chrome not in body
