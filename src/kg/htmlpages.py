"""An HTML page's article: its fields (title, date, address, site) and the paragraphs of its body.

Finding the body of a real news page is the job of a main-content extractor: site templates put
the story among menus, players, teasers of other stories and sidebars, and a page may hold more
prose outside its story than inside it (a blog's sidebar of quotations, a teaser list). kg hands
that to trafilatura (its scoring of text density, link density and markup, with readability and
jusText as its fallbacks), after removing what no story holds: scripts, navigation, headers,
footers, forms, elements whose class or id names a widget (share bars, comment threads, "most
read" lists, advertisements), and paragraphs that are only a link to another story or a label
and links ("RELATED: <a>...</a>", "Topics: <a>...</a>"); pull quotes that repeat a paragraph go
too, and a lead that a box nested in its ``<p>`` broke open is put back into a paragraph. Only
where trafilatura finds no body (a page of a few lines) are the page's paragraphs (``p``,
``h2``, ``h3``, ``li``) taken as they are.

The fields come from the page's own markup first (Open Graph, ``<time datetime>``, the canonical
link); where it has none, from trafilatura's reading of the page (htmldate's date, the site's
name). A UTC date in the metadata is read on the newsroom's clock where the page's ``<time>``
gives the same instant with its offset. The body's lines are later cleaned line by line by
``kg.articles.clean_text``.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape as html_escape
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

_HTML_CHROME = "script, style, nav, header, footer, aside, form, noscript, [role=navigation]"
_HTML_BLOCKS = "p, h2, h3, li"
# A word in an element's class or id (camelCase split with '-') naming a widget container; it
# may run on ("relatedposts", "shareTools") but not into another word ("commentary", "address").
# Not "paywall": WIRED marks the story's own paragraphs behind its paywall with that class.
_HTML_WIDGET = re.compile(
    r"""(?<![a-z])(?:
        share(?!holder)|sharing|social|newsletter|comment(?!ar)|related|most-?(?:read|popular)
      | trending|advert|ads?(?![a-z])|promo|sponsor|byline|authors?(?![a-z])|breadcrumb|menu
      | nav(?!y)|cookie|subscri|signup|alerts?(?![a-z])|outbrain|taboola)""",
    re.VERBOSE,
)
_LIST_ITEM = re.compile(r"^[-*•]\s+")  # trafilatura writes a list item as "- item"


def read_page(html: str) -> tuple[dict[str, Any], str]:
    """The fields of the article in ``html`` and its body, paragraphs separated by blank lines.

        >>> fields, body = read_page("<html><head><title>Quiet day</title></head><body>"
        ...                          "<nav>Home</nav><p>Nothing happened today.</p></body></html>")
        >>> fields["title"], body
        ('Quiet day', 'Nothing happened today.')
    """
    tree = LexborHTMLParser(html)
    fields = _own_fields(tree)
    fields["published"] = _on_local_clock(fields["published"], tree)
    headline = _first(tree, "h1")
    stamp = _iso(_first(tree, "time[datetime]", "datetime"))
    for node in tree.css(_HTML_CHROME):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is not None:
        _mend_broken_paragraphs(root)
        _drop_widgets(root)
        _drop_teasers(root)
        _drop_pull_quotes(root)
    # links after a label are taken out of the text found, not out of the page: what a page holds
    # sways which of its blocks trafilatura takes for the story
    labelled = _labelled_links(root) if root is not None else set()
    paragraphs = _main_paragraphs(tree.html or "") or _block_paragraphs(root)
    paragraphs = [line for line in paragraphs if tuple(_words(line)) not in labelled]
    if paragraphs and headline and _same(paragraphs[0], headline):
        paragraphs = paragraphs[1:]  # the headline is the title, kept apart from the text
    if fields["published"] is None or fields["source"] is None:
        import trafilatura  # here, not at import: kg.articles reads far more JSONL than HTML

        found = trafilatura.extract_metadata(html, extensive=False)  # markup, not any date
        fields["published"] = fields["published"] or (found.date if found else None)
        fields["source"] = fields["source"] or (found.sitename if found else None)
    # the first <time> of a page may be a teaser's or a comment's: only where nothing else dates it
    fields["published"] = fields["published"] or stamp
    return fields, "\n\n".join(paragraphs)


def _own_fields(tree: LexborHTMLParser) -> dict[str, Any]:
    return {
        "title": _first(tree, 'meta[property="og:title"]', "content") or _first(tree, "title")
        or _first(tree, "h1"),
        "published": _iso(_first(tree, 'meta[property="article:published_time"]', "content"))
        or _iso(_first(tree, 'meta[name="date"]', "content")),
        "url": _first(tree, 'link[rel="canonical"]', "href")
        or _first(tree, 'meta[property="og:url"]', "content"),
        "source": _first(tree, 'meta[property="og:site_name"]', "content"),
        "language": (_first(tree, "html[lang]", "lang") or "en").split("-")[0].lower(),
    }


def _on_local_clock(published: str | None, tree: LexborHTMLParser) -> str | None:
    """``published`` as the page's own ``<time datetime>`` writes the same instant, with the
    newsroom's offset: metadata in UTC ("2024-03-06T02:30Z") falls on the next day for a story
    of a US evening, whose visible byline time ("2024-03-05 21:30-0500") gives its date."""
    instant = _instant(published)
    if instant is None or instant.utcoffset() is None or instant.utcoffset():
        return published
    for node in tree.css("time[datetime]"):
        local = _instant(node.attributes.get("datetime"))
        if local is not None and local.utcoffset() and local == instant:
            return " ".join((node.attributes.get("datetime") or "").split())
    return published


def _instant(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def _iso(value: str | None) -> str | None:
    """``value`` if it is an ISO date or date and time ("2024-03-05T09:15Z"), else None: a
    page's own markup may write its date in any form ("2024/03/05"), which htmldate reads."""
    return value if _instant(value) is not None else None


def _first(tree: LexborHTMLParser, selector: str, attribute: str | None = None) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    value = node.attributes.get(attribute) if attribute else node.text(deep=True)
    return " ".join(value.split()) or None if value is not None else None


def _main_paragraphs(html: str) -> list[str]:
    """The story's paragraphs as trafilatura finds them (no comments, tables or images)."""
    import trafilatura  # 0.2 s of imports, paid by builds that read HTML only

    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_images=False, include_links=False, deduplicate=False)
    if not body:
        return []
    lines = (_LIST_ITEM.sub("", " ".join(line.split())) for line in body.split("\n"))
    return [line for line in lines if line]


def _block_paragraphs(root: LexborNode | None) -> list[str]:
    """Every innermost paragraph-like block under ``root``."""
    paragraphs = []
    for node in root.css(_HTML_BLOCKS) if root is not None else ():
        if len(node.css(_HTML_BLOCKS)) == 1:  # innermost block only: no <li><p> twice
            paragraph = " ".join(node.text(deep=True).split())
            if paragraph:
                paragraphs.append(paragraph)
    return paragraphs


def _drop_widgets(root: LexborNode) -> None:
    """Remove the elements under ``root`` whose class or id names a widget (share, comments, ...).

    An element holding half the text or more (``root`` itself included) is a layout wrapper
    that merely carries such a class ("page nav-open"), so it stays.
    """
    total = len(root.text(deep=True, separator=" ").split())
    for node in root.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if not _HTML_WIDGET.search(re.sub(r"(?<=[a-z])(?=[A-Z])", "-", names).lower()):
            continue
        if 2 * len(node.text(deep=True, separator=" ").split()) >= total:
            continue
        node.decompose()


_SENTENCE_END = re.compile(r"[.!?…]['\"’”)]*$")


# What a paragraph of links may hold besides them: a short label ("IN TEXAS:", "Topics:",
# "Source", "(MORE:") in Title Case or capitals, and the commas, pipes and brackets between links.
_LINK_LABEL = re.compile(r"(?:[A-Z][\w'’&.-]*\s+){0,2}[A-Z][\w'’&.-]*")
_TEASER_WORDS = 15  # a headline or a tag: a link as long as a sentence may be the story's own
_BETWEEN_LINKS = re.compile(r"[\s,;:|/·•()\[\]]+")


def _drop_teasers(root: LexborNode) -> None:
    """Remove the paragraphs under ``root`` that are nothing but a link and end no sentence:
    teasers of other stories set between a story's paragraphs ("5 ways to beat jet lag",
    "Latest reviews »"), which no story's own paragraph is. A linked paragraph that ends a
    sentence ("Read the ruling here.") is left to the line rules."""
    for node in root.css("p"):
        text = " ".join(node.text(deep=True).split())
        linked = " ".join(" ".join(a.text(deep=True).split()) for a in node.css("a[href]"))
        if text and linked == text and not _SENTENCE_END.search(text):
            node.decompose()


def _labelled_links(root: LexborNode) -> set[tuple[str, ...]]:
    """The words of each paragraph or list item under ``root`` that is a short label and then
    only links, none of them a sentence: a related story ("IN OHIO: <a>Farmers count the cost
    of the frost</a>", "(MORE: <a>Five bridges that outlived their builders</a>)"), a tag list
    ("Topics: <a>floods</a>, <a>weather</a>"), a source credit ("Source <a>the ministry's
    site</a>"). No story's own paragraph is a label and links."""
    found: set[tuple[str, ...]] = set()
    for node in root.css("p, li"):
        links = [" ".join(a.text(deep=True).split()) for a in node.css("a[href]")]
        if any(links) and all(len(link.split()) <= _TEASER_WORDS
                              and not _SENTENCE_END.search(link) for link in links) \
                and _is_labelled_links(node):
            found.add(tuple(_words(node.text(deep=True))))
    return found


def _is_labelled_links(node: LexborNode) -> bool:
    """True for an element whose text outside its links is one short label (and commas, pipes)."""
    outside = [piece.text_content or "" for piece in node.traverse(include_text=True)
               if piece.tag == "-text" and not _in_link(piece, node)]
    words = [word for word in _BETWEEN_LINKS.split(" ".join(outside)) if word]
    return bool(words) and _LINK_LABEL.fullmatch(" ".join(words)) is not None


def _in_link(piece: LexborNode, top: LexborNode) -> bool:
    parent = piece.parent
    while parent is not None and parent.mem_id != top.mem_id:
        if parent.tag == "a" and "href" in parent.attributes:
            return True
        parent = parent.parent
    return False


_INLINE_TAGS = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "q", "small", "span",
                          "strong", "sub", "sup", "time", "u"})


def _runs_on_from_inline(loose: LexborNode) -> bool:
    """Whether inline markup or other text runs on into this bare text (one sentence's flow)."""
    before = loose.prev
    while before is not None and before.tag == "-text" and not (before.text_content or "").strip():
        before = before.prev
    return before is not None and (before.tag == "-text" or before.tag in _INLINE_TAGS)


def _mend_broken_paragraphs(root: LexborNode) -> None:
    """Give back its ``<p>`` to a paragraph that a box set inside it broke open.

    A ``<div>`` (a related-links box, a player) written inside ``<p>`` closes the paragraph in
    every HTML parser, so "<p><div>...</div>WASHINGTON (AP) — The lead ...</p>" leaves the lead
    as bare text and its closing ``</p>`` as an empty paragraph of its own, and the story loses
    its first paragraph. Bare text of a sentence or more followed by such an empty paragraph is
    put back into one.
    """
    for empty in root.css("p"):
        if empty.attributes or empty.text(deep=True).strip() or empty.child is not None:
            continue
        loose = empty.prev
        while loose is not None and loose.tag == "-text" and not (loose.text_content or "").strip():
            loose = loose.prev
        if loose is None or loose.tag != "-text":
            continue
        text = " ".join((loose.text_content or "").split())
        if _runs_on_from_inline(loose):
            continue  # the tail of a sentence that a link or an emphasis began
        if len(text.split()) >= 8 and _SENTENCE_END.search(text):
            mended = LexborHTMLParser(f"<p>{html_escape(text)}</p>").css_first("p")
            if mended is not None:
                loose.replace_with(mended)


_PULL_QUOTE_WORDS = 40  # a display quote is a sentence or two; a quoted statement may run on


def _drop_pull_quotes(root: LexborNode) -> None:
    """Remove the pull quotes under ``root``: a ``<q>`` or ``<blockquote>`` that is a paragraph
    of its own and repeats, in display type, words of one of the story's paragraphs ("Nobody
    saw the bill coming" beside "... and nobody saw the bill coming, she said."). A quotation
    whose words the story does not give again in their order (a statement, a post: "It is a
    sad day for the city" beside a paragraph that holds most of those words, not as a run) is
    the story's and stays."""
    paragraphs = [_words(node.text(deep=True)) for node in root.css("p")]
    for quote in root.css("q, blockquote"):
        parent = quote.parent
        if quote.tag == "q" and (parent is None or _words(parent.text(deep=True))
                                 != _words(quote.text(deep=True))):
            continue  # a quotation inside a sentence of the story
        words = _words(quote.text(deep=True))
        if not 3 <= len(words) <= _PULL_QUOTE_WORDS:
            continue
        if any(len(other) > len(words) and _share_in(words, other) >= 0.75
               and _pairs_in(words, other) >= 0.5 for other in paragraphs):
            (parent if quote.tag == "q" and parent is not None else quote).decompose()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _share_in(words: list[str], other: list[str]) -> float:
    """The share of ``words`` that ``other`` holds too."""
    held = set(other)
    return sum(word in held for word in words) / len(words)


def _pairs_in(words: list[str], other: list[str]) -> float:
    """The share of the word pairs of ``words`` (each word with the next) that ``other`` holds
    too, side by side: a display quote repeats runs of the story's words (trimmed or reordered
    a little), not only its vocabulary."""
    pairs = list(zip(words, words[1:], strict=False))
    held = set(zip(other, other[1:], strict=False))
    return sum(pair in held for pair in pairs) / len(pairs)


def _same(line: str, headline: str) -> bool:
    return _words(line) == _words(headline)
