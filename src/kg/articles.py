"""Read .txt/.md with front matter, .jsonl and .html files into Article records; strip boilerplate.

``read_articles`` streams one ``Article`` per file (one per line of a ``.jsonl`` file) and
``clean_text`` removes site chrome (widget phrases from ``data/lexicon/page-chrome.txt``, menus,
date stamps, phone numbers, bylines, link lists, photo credits, a repeated title) so that it
never reaches NLP; an HTML page is first cut down to its story (``kg.htmlpages``). Kept lines
stay character for character as written, because later stages quote exact sentences from
``Article.text``. Every problem with an input is an ``InputError`` whose one-line message says
what is wrong, where, and what to do.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import Any

import yaml

from kg.errors import InputError
from kg.htmlpages import read_page
from kg.model import Article
from kg.resources import resource_path

_BINARY_PROBE = 8192  # bytes inspected for NUL bytes
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAGE_CHROME_FILE = "page-chrome.txt"  # known widget phrases, in data/lexicon
_AGENCY = (
    r"(?:getty\ images|getty|afp|ap|reuters|epa(?:-efe)?|efe|xinhua|yonhap|kcna|dpa|ansa"
    r"|anadolu(?:\ agency)?|shutterstock|alamy|bloomberg|pool)"
)
_PHOTO_CREDIT = re.compile(
    rf"""\(?(?:
        (?:file\ )?(?:photo|image|picture|photograph|illustration)s?(?:\ credits?)?
            \s*(?::|\bby\b|\bcourtesy\b).{{0,80}}
      | file\ (?:photo|picture|image)
      | {_AGENCY}(?:\s*(?:/|\bvia\b|\bphotos?\b|\bimages?\b)\s*.{{0,60}})?
      | [^.!?:]{{1,60}}?\s*(?:/|\bvia\b)\s*{_AGENCY}(?:\s*(?:/|\bvia\b)\s*.{{0,40}})?
    )\)?""",
    re.IGNORECASE | re.VERBOSE,
)
_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
_LINK = re.compile(rf"https?://\S+|www\.\S+|{_DOMAIN}(?::\d+)?(?:/\S*)?", re.IGNORECASE)
_LINK_INSIDE = re.compile(rf"https?://|www\.|\b{_DOMAIN}\b", re.IGNORECASE)
_BULLETS = frozenset("•·‣◦▪▫▸►▶➤→←⇒-–—*>|#~=_\ufe0f\u200d\u20e3")
_EMOJI = ("So", "Sk", "Cf", "Cs", "Co")  # Unicode categories of emoji and their modifiers
_QUOTES = str.maketrans("", "", "'\"‘’‚‛“”„‟′″«»`")
_FENCE = re.compile(r"---[ \t]*")
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")

# Cheap stand-in for "this line has a verb", since articles are read before NLP: English prose
# ends with sentence punctuation or holds lowercase function words (articles, prepositions,
# pronouns, auxiliaries, reporting verbs); menus, date stamps and bylines have neither.
_FUNCTION_WORDS = frozenset(
    """a an the of to in on at for with from by as into after over amid against than about
    and or but nor that this these those he she it they we i you his her its their our
    is are was were be been being has have had do does did will would can could may might must
    should shall said says say told not no who which what when where why how""".split()
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Markdown images vanish and links read as their text when a line is judged (never in the output).
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD_EDGES = "\"'“”‘’()[],.;:!?…"
# A Title-Case or ALL-CAPS word of a menu ("World", "BUSINESS", "Sci-Tech", "&").
_LABEL_WORD = re.compile(r"[A-Z][\w'’.&-]*|&")
# Items of a menu, breadcrumb or byline line: pipes, bullets, dots, slashes, arrows, tabs, gaps.
_ITEM_SEPARATOR = re.compile(r"\s*[|•·‣◦▪/›»>]\s*|\t+|\s{2,}")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_ZONE = r"(?:gmt|utc|bst|cet|cest|eet|eest|msk|ist|kst|jst|hkt|sgt|aest|aedt|[ecmpa][sd]?t)"
_STAMP_PART = rf"""(?:
    \d{{4}}-\d{{2}}-\d{{2}}(?:[t\ ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?
  | \d{{1,2}}/\d{{1,2}}/\d{{2,4}}
  | \d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\s*[ap]\.?m\.?)?
  | \d{{1,2}}\s*[ap]\.?m\.?
  | \d{{1,2}}(?:st|nd|rd|th)? | \d{{4}}
  | {_MONTH} | {_WEEKDAY} | {_ZONE}(?:\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)?
  | (?:\d+|an?)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago
  | yesterday | today | just\ now
)(?![a-z0-9])"""  # a part ends at a word's end, so "2024" is one part, never "20" and "24"
_STAMP_LABEL = (
    r"(?:(?:(?:last|first)\s+)?(?:updated|published|posted|modified|edited)|date)(?:\s+(?:on|at))?"
)
# A line that is only a time or date stamp: "Updated 14:32 GMT", "5 hours ago", "Published: 3 March
# 2019", "Mon 3 Mar 2025, 09.15 EST".
_STAMP = re.compile(
    rf"""(?:{_STAMP_LABEL}\s*:?\s*)?
         {_STAMP_PART}(?:(?:\s*(?:,|\||·|•|-|–|—|/|\bat\b|\bon\b)\s*|\s+){_STAMP_PART})*\.?
       | {_STAMP_LABEL}\s*:?""",
    re.IGNORECASE | re.VERBOSE,
)
_PHONE_NUMBER = r"\+?\(?\d[\d(). -]{5,}\d"
# A line that is only a phone number, maybe after a label and a few words before it: "Call
# 1-800-555-0199", "Tel: +44 20 7946 0000", "For subscriptions call ...". Without a label the
# number needs a '+' or three groups of digits, unlike "2019-2020".
_PHONE = re.compile(
    rf"""(?:(?P<lead>(?:\S+\ ){{0,4}}?)(?P<label>(?:call|phone|tel(?:ephone)?|ph|fax|mobile|mob|cell
        |hotline|helpline|whatsapp|sms|text|contact(?:\ us)?)\.?(?:\ (?:us|now|today|free))?
        (?:\ (?:on|at))?\s*:?\s*))?
        (?P<numbers>{_PHONE_NUMBER}(?:\s*(?:/|,|\bor\b|\band\b)\s*{_PHONE_NUMBER})*)\.?""",
    re.IGNORECASE | re.VERBOSE,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*)"
_NAME_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|du|la|le|al|el|bin|ibn|dos|das)"
_NAME = rf"{_NAME_WORD}(?:\ (?:{_NAME_PARTICLE}\ )?{_NAME_WORD}){{0,4}}"
# A byline: "By Jane Roe and John Doe", "By JANE ROE, Associated Press", "By Jane Roe in Seoul |
# Reporter". Names are capitalised (case-sensitive), so "By the time ..." is prose.
_BYLINE = re.compile(
    rf"""(?i:by)\ {_NAME}(?:(?:\ (?i:and)\ |\ ?&\ ){_NAME})*(?:\ in\ {_NAME})?
         (?:\ ?[,|·•–—-]\ ?(?:for\ |(?i:the)\ )?{_NAME}(?:\ (?:of|for|and|&)\ {_NAME})?)*\.?""",
    re.VERBOSE,
)

_Fields = Mapping[Any, Any]  # the fields of one article, from front matter, JSON or HTML
_Where = Callable[[str], str]  # field name → where it was given, for error messages


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.safe_load, except that dates stay strings, so a bad date gets a clear message."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# The longest text spaCy parses in one piece (its ``nlp.max_length``, which kg keeps): the parser
# and NER need about 1 GB of memory per 100,000 characters at the worst, says spaCy.
MAX_CHARACTERS = 1_000_000


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: date | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Article]:
    """Stream the articles in ``paths`` (files, or folders read recursively in sorted order).

    ``published`` replaces every article's date; ``max_bytes`` caps the size of one article.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    first_place: dict[str, str] = {}
    for path in _files(paths):
        for article in _READERS[_suffix(path)](path, max_bytes):
            place = article.path or path
            if article.id in first_place:
                raise InputError(
                    f"{place}: article id '{article.id}' is already used by "
                    f"{first_place[article.id]}; give each article its own id"
                )
            first_place[article.id] = place
            yield article if published is None else replace(article, published=published)


def clean_text(text: str, title: str | None = None) -> str:
    """Remove site chrome and boilerplate lines from an article's text, keeping the rest as written.

    Lines are only dropped whole (and stripped of trailing spaces): known widget phrases
    (``data/lexicon/page-chrome.txt``), photo credits, bare links, menus, date stamps, phone
    numbers and bylines. A run of Title-Case words without a verb ("World Business Sport") is
    taken for a menu only above the first or below the last line of prose; between two, it may
    be a subheading. A first line repeating ``title`` is dropped too, since the title is kept
    separately.
    """
    lines = [line.rstrip() for line in re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))]
    kinds = [_line_kind(line) if line else "blank" for line in lines]
    prose = [index for index, kind in enumerate(kinds) if kind == "prose"]
    kept: list[str] = []
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == "blank":
            kept.append("")
        elif kind == "chrome" or _is_truncated_copy(lines, index):
            continue
        elif kind == "label" and prose and not prose[0] < index < prose[-1]:
            continue
        else:
            kept.append(line)
    while kept and (not kept[-1] or _is_trailing_link(kept[-1])):
        kept.pop()
    first = next((index for index, line in enumerate(kept) if line), None)
    if first is not None and title and _comparable(kept[first]) == _comparable(title):
        del kept[first]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def _line_kind(line: str) -> str:
    """``chrome`` (drop), ``label`` (a Title-Case run: a menu outside the body), ``prose`` or ``other``."""
    core = _strip_decoration(_MARKDOWN_LINK.sub(r"\1", _MARKDOWN_IMAGE.sub("", line)))
    if not core:  # only emoji, bullets, rules or images
        return "chrome"
    flat = " ".join(core.split())
    if _page_chrome().fullmatch(flat) or any(
        pattern.fullmatch(flat) for pattern in (_PHOTO_CREDIT, _LINK, _STAMP, _BYLINE)
    ):
        return "chrome"
    if _is_phone_line(flat) or _is_item_list(core):
        return "chrome"
    if _reads_as_prose(flat):
        return "prose"
    words = flat.split()
    if len(words) >= 3 and not line.lstrip().startswith("#") and _is_label_run(words, verbs=True):
        return "label"
    return "other"


@cache
def _page_chrome() -> re.Pattern[str]:
    """The known widget phrases of data/lexicon/page-chrome.txt as one pattern."""
    path = resource_path("lexicon", _PAGE_CHROME_FILE)
    entries = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        try:
            re.compile(entry)
        except re.error as error:
            raise ValueError(f"{path}:{number}: not a regular expression ({error})") from None
        entries.append(f"(?:{entry})")
    return re.compile("|".join(entries), re.IGNORECASE)


def _reads_as_prose(flat: str) -> bool:
    """True for a line that ends like a sentence or holds a lowercase function word."""
    if _SENTENCE_END.search(flat):
        return True
    return any(word.strip(_WORD_EDGES) in _FUNCTION_WORDS for word in flat.split())


def _is_label_run(words: list[str], *, verbs: bool = False) -> bool:
    """True for Title-Case or ALL-CAPS words with no function word, as in a menu or a name.

    With ``verbs``, a possessive, a word in -ed or a word in -s after one that is not (the
    "Plan Wins" of a headline) count as a verb and make the run a headline, not a menu.
    """
    previous = ""
    for word in words:
        bare = word.strip(_WORD_EDGES)
        if not _LABEL_WORD.fullmatch(word) or bare.casefold() in _FUNCTION_WORDS:
            return False
        if verbs:
            lower = bare.casefold()
            if lower.endswith(("'s", "’s")) or (len(lower) > 4 and lower.endswith("ed")):
                return False
            if previous and lower.endswith("s") and not lower.endswith(("ss", "us", "is")) \
                    and not previous.endswith("s"):
                return False
        previous = bare.casefold()
    return bool(words)


def _is_item_list(core: str) -> bool:
    """True for a line of two or more separated items that are all chrome: a menu or byline.

    "World | Business | Sport", "Jane Roe | Reporter", "By Jane Roe · Updated 5 hours ago".
    """
    items = [item for item in _ITEM_SEPARATOR.split(core) if item.strip()]
    if len(items) < 2:
        return False
    for item in items:
        flat = " ".join(item.split())
        words = flat.split()
        if len(words) <= 4 and _is_label_run(words):
            continue
        if not any(p.fullmatch(flat) for p in (_page_chrome(), _STAMP, _BYLINE)) \
                and not _is_phone_line(flat):
            return False
    return True


def _is_phone_line(flat: str) -> bool:
    """True for a line that is only phone numbers, maybe after a label such as "Call" or "Tel:"."""
    match = _PHONE.fullmatch(flat)
    if match is None:
        return False
    if match["lead"] and any(word.strip(_WORD_EDGES) in _FUNCTION_WORDS for word in match["lead"].split()):
        return False  # "Police urged anyone with information to call ...": a sentence
    for number in re.split(r"\s*(?:/|,|\bor\b|\band\b)\s*", match["numbers"]):
        digits = sum(char.isdigit() for char in number)
        groups = len(re.findall(r"\d+", number))
        if not 7 <= digits <= 15:
            return False
        if not match["label"] and not number.startswith("+") and groups < 3:
            return False
    return True


def _is_truncated_copy(lines: list[str], index: int) -> bool:
    """True for a line cut short with an ellipsis whose full version is the next line."""
    line = lines[index].strip()
    stem = line.removesuffix("…") if line.endswith("…") else line.removesuffix("...")
    stem = stem.rstrip()
    if stem == line or len(stem) < 20:
        return False
    following = index + 1
    while following < len(lines) and not lines[following].strip():
        following += 1
    if following == len(lines):
        return False
    full = lines[following].strip()
    return len(full) > len(stem) and full.startswith(stem)


def _is_trailing_link(line: str) -> bool:
    """A short line with a link at the very end of the text, such as "Visit: example.com"."""
    core = _strip_decoration(line)
    return (
        len(core) <= 100
        and _LINK_INSIDE.search(core) is not None
        and not core.endswith((".", "!", "?", '"', "”", "’", "'", ")"))
    )


def _strip_decoration(line: str) -> str:
    """The line without spaces, bullets, rules and emoji at either end."""

    def decoration(char: str) -> bool:
        category = unicodedata.category(char)
        return char.isspace() or char in _BULLETS or (category in _EMOJI and char not in "©®™")

    start, end = 0, len(line)
    while start < end and decoration(line[start]):
        start += 1
    while end > start and decoration(line[end - 1]):
        end -= 1
    return line[start:end]


def _comparable(text: str) -> str:
    """Text folded for comparing a line with the title: no quotes, case or extra spaces."""
    return " ".join(text.translate(_QUOTES).strip().lstrip("#").casefold().split())


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    for given in paths:
        name = os.fspath(given)
        if os.path.isdir(name):
            yield from _folder_files(name)
        elif os.path.isfile(name):
            if _suffix(name) not in _READERS:
                raise InputError(
                    f"{name}: unknown kind of file '{_suffix(name) or '(no extension)'}'; "
                    f"give articles one of the extensions {', '.join(sorted(_READERS))}"
                )
            yield name
        else:
            raise InputError(f"no such file or folder: {name}")


_PROJECT_FILES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "NOTICE",
                            "CONTRIBUTING", "AUTHORS", "COPYING"})
"""File names (without extension, any case) that a folder of articles holds about itself."""


def _folder_files(folder: str, reading: tuple[str, ...] = ()) -> Iterator[str]:
    """The article files under ``folder``, sorted; ``reading`` holds the real paths of the
    folders it lies in, so that a link back to one of them is an error, not an endless walk."""
    real = os.path.realpath(folder)
    if real in reading:
        raise InputError(f"{folder}: a link back to the folder '{real}' that holds it; "
                         "remove the link or name the folders to read")
    reading = (*reading, real)
    try:
        with os.scandir(folder) as entries:
            found = sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        raise InputError(f"{folder}: cannot read the folder ({error.strerror})") from None
    for entry in found:
        if entry.name.startswith(".") or _stem(entry.name).upper() in _PROJECT_FILES:
            continue  # a folder's README or LICENSE is not an article (name the file to read it)
        path = os.path.join(folder, entry.name)
        if entry.is_dir():
            yield from _folder_files(path, reading)
        elif entry.is_file() and _suffix(entry.name) in _READERS:
            yield path


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _read_text(path: str, max_bytes: int) -> str:
    """The whole file as text, after checking its size, that it is not binary and is UTF-8."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(
                f"{path}: {_size(size)} is larger than the {_size(max_bytes)} limit per article; "
                "split it into several articles"
            )
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror})") from None
    _refuse_binary(data[:_BINARY_PROBE], path)
    text = _decode(data, path, 0)
    if not text.strip():
        raise InputError(f"{path}: no article text (the file is empty); add the article's text")
    return text


def _refuse_binary(head: bytes, where: str) -> None:
    if b"\0" in head:
        raise InputError(f"{where}: looks like a binary file, not text")


def _decode(data: bytes, where: str, offset: int) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{where}: not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset "
            f"{offset + error.start}); convert it to UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _size(count: int) -> str:
    if count < 100_000:
        return f"{count:,} bytes"
    return f"{count / 1_000_000:.1f}".removesuffix(".0") + " MB"


def _read_text_file(path: str, max_bytes: int) -> Iterator[Article]:
    text = re.sub(r"\r\n?", "\n", _read_text(path, max_bytes))
    fields, key_lines, body = _split_front_matter(text, path)

    def where(key: str) -> str:
        return f"{path}: front matter line {key_lines[key]}" if key in key_lines else path

    yield _build(fields, body, path, _stem(path), where)


def _split_front_matter(text: str, path: str) -> tuple[_Fields, dict[str, int], str]:
    """The front matter's fields, the file line of each key, and the text after the block."""
    lines = text.split("\n")
    if not _FENCE.fullmatch(lines[0]):
        return {}, {}, text
    end = next((number for number in range(1, len(lines)) if _FENCE.fullmatch(lines[number])), 0)
    if not end:
        raise InputError(
            f"{path}: front matter opened by '---' on line 1 is never closed; "
            "add a '---' line after its last key"
        )
    try:
        fields = yaml.load("\n".join(lines[1:end]), Loader=_FrontMatterLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join((error.problem or error.context or "not valid YAML").split())
        raise InputError(
            f"{path}: front matter line {mark.line + 2 if mark else 2}: {problem}; "
            "fix the YAML between the '---' lines"
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"{path}: front matter: {' '.join(str(error).split())}") from None
    if not isinstance(fields, dict):
        raise InputError(
            f"{path}: front matter must be 'key: value' lines, not a {type(fields).__name__}"
        )
    # YAML keeps the last of repeated keys, and so does this map of key → file line.
    key_lines = {m[1]: n + 1 for n in range(1, end) if (m := _KEY_LINE.match(lines[n]))}
    return fields, key_lines, "\n".join(lines[end + 1 :])


def _read_jsonl_file(path: str, max_bytes: int) -> Iterator[Article]:
    count = 0
    try:
        with open(path, "rb") as file:
            _refuse_binary(file.read(_BINARY_PROBE), path)
            file.seek(0)
            offset = 0
            # readline is capped so that one huge line cannot exhaust memory.
            for number, raw in enumerate(iter(lambda: file.readline(max_bytes + 1), b""), 1):
                where = f"{path} line {number}"
                if len(raw.rstrip(b"\r\n")) > max_bytes:
                    raise InputError(
                        f"{where}: the article is larger than the {_size(max_bytes)} limit "
                        "per article; split it into several articles"
                    )
                line = _decode(raw, where, offset)
                offset += len(raw)
                if line.strip():
                    count += 1
                    yield _jsonl_article(line, path, number)
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror})") from None
    if not count:
        raise InputError(f"{path}: no article text (the file is empty); add one JSON object a line")


def _jsonl_article(line: str, path: str, number: int) -> Article:
    where = f"{path} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where}: not valid JSON ({error.msg} at column {error.colno}); "
            "fix the line or remove it"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object {{...}}, not {type(record).__name__}")
    if "text" not in record:
        raise InputError(f"{where}: missing 'text'; give each line the article's text")
    if not isinstance(record["text"], str):
        raise InputError(f"{where}: 'text' must be a string, not {type(record['text']).__name__}")
    return _build(record, record["text"], f"{path}:{number}", f"{_stem(path)}-{number}", _at(where))


def _read_html_file(path: str, max_bytes: int) -> Iterator[Article]:
    fields, text = read_page(_read_text(path, max_bytes))
    yield _build(fields, text, path, _stem(path), _at(path))


def _build(fields: _Fields, text: str, path: str, default_id: str, where: _Where) -> Article:
    """An Article from the fields of a front matter, JSON line or HTML page, and its raw text."""
    title = _string(fields, "title")
    if "\0" in text:
        raise InputError(f"{where('text')}: the text holds a NUL character (at offset "
                         f"{text.index(chr(0)):,}): binary data, not an article")
    # Other control characters cannot be written in XML (the RDF/XML export) and mean nothing in
    # prose: each becomes a space, so every offset into the text stays as it was.
    text = _CONTROL.sub(" ", text)
    body = clean_text(text, title)
    if not body:
        raise InputError(f"{where('text')}: no article text (empty after removing boilerplate)")
    if len(body) > MAX_CHARACTERS:
        raise InputError(f"{where('text')}: the article is {len(body):,} characters long, more "
                         f"than the {MAX_CHARACTERS:,} the parser reads at once; split it into "
                         "several articles")
    return Article(
        id=_slug(_string(fields, "id") or default_id, where("id")),
        text=body,
        title=title,
        published=_date(fields.get("published"), where("published")),
        url=_string(fields, "url"),
        source=_string(fields, "source"),
        language=_string(fields, "language") or "en",
        path=path,
    )


def _at(place: str) -> _Where:
    """A ``where`` for inputs whose fields have no line of their own: always ``place``."""
    return lambda key: place


def _string(fields: _Fields, key: str) -> str | None:
    value = fields.get(key)
    return None if value is None else str(value).strip() or None


def _date(value: object, where: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return datetime.fromisoformat(str(value).strip()).date()
    except ValueError:
        raise InputError(f"{where}: published '{value}' is not an ISO date (YYYY-MM-DD)") from None


def _slug(raw: str, where: str) -> str:
    """A slug-safe id: ASCII letters and digits, lowercased, anything else becoming '-'."""
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise InputError(
            f"{where}: id '{raw}' has no letters or digits (a-z, 0-9) to make an id from; "
            "give the article an 'id'"
        )
    return slug


# The one list of readers, by file extension.
_READERS: dict[str, Callable[[str, int], Iterator[Article]]] = {
    **dict.fromkeys((".txt", ".md", ".markdown"), _read_text_file),
    **dict.fromkeys((".html", ".htm"), _read_html_file),
    ".jsonl": _read_jsonl_file,
}
