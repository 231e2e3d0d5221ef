"""Text from roadmap.yaml renders inert and intact: markup in it is shown, never obeyed.

The property tests render a roadmap whose free-text fields hold arbitrary text and compare it with
the same roadmap holding plain placeholders: the HTML must have exactly the same elements and
attributes, and where a placeholder stood, the arbitrary text must stand, character for character
(after whitespace is collapsed, as the renderer does on purpose).
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from r2p_roadmap.build import Project, build
from r2p_roadmap.load import load_document
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.markup import md, one_line
from r2p_roadmap.validate import load_roadmap
from r2p_roadmap.validate.wording import curly

from .conftest import ROOT, copy_project

# Markup of every kind an editor might paste, and scripts that must stay intact.
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "</title><script>alert(1)</script>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    "![tracker](https://example.com/pixel.png)",
    "<https://example.com>",
    '{: onclick="alert(1)" }',
    "{#injected .cls}",
    "*bold* _em_ `code` **strong**",
    "# heading",
    "1. item",
    "- item",
    "> quoted",
    "| a | b |",
    "~~~",
    "```",
    "!!! note",
    "[TOC]",
    "<!-- comment -->",
    "&amp; &lt;b&gt; &#x3C;script&#x3E;",
    "back\\slash\\",
    "---",
    "العربية من اليمين إلى اليسار",
    "עברית",
    "👨‍👩‍👧 🇺🇳 ✊🏽",
    "é (e\u0301), ñ (n\u0303), Ǖ",
    "देवनागरी",
    "\u200fright-to-left mark\u200f and arabic letter mark\u061c",
]

# Characters the loader refuses (controls, surrogates, separators, noncharacters, tab, bidirectional
# overrides) never reach the renderer, so they are not generated; and the loader hands on every text
# normalised (NFC, stripped), so generated texts are too.
_ALPHABET = st.characters(
    blacklist_categories=("Cc", "Cs"),
    blacklist_characters="\t\u2028\u2029\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
TEXT = (
    st.lists(st.one_of(st.text(_ALPHABET, min_size=1, max_size=12), st.sampled_from(PAYLOADS)), min_size=1, max_size=4)
    .map(lambda words: unicodedata.normalize("NFC", " ".join(words)).strip())
    .filter(bool)
)


# --- HTML as a comparable list of events ----------------------------------------------------------


# Text that a CSL style formats (the citations of the Link · Cite disclosures) or that is JSON (JSON-LD):
# a style may change the case and punctuation of the publisher's name, as it does a title, so its words
# are not compared; its elements are, and FORMATTED_TAGS says which a citation may have at all.
FORMATTED = "«formatted»"
FORMATTED_TAGS = {"i", "b", "span", "br", "sup", "sub"}


class _Events(HTMLParser):
    """Events of a page; the text of the hidden search-terms paragraph (render/search.py) counts as one
    marker, because which phrases it lists depends on the words of the text, not only on where they go."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[Any, ...]] = []
        self.formatted = ""  # the tag of the formatted element the parser is in, if any
        self.in_terms = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(("start", tag, tuple(attrs)))
        self.in_terms = tag == "p" and ("class", "r2p-keywords") in attrs
        if ("class", "r2p-cite__text") in attrs or ("type", "application/ld+json") in attrs:
            self.formatted = tag
        elif self.formatted and tag not in FORMATTED_TAGS:
            self.items.append(("unexpected element in a formatted citation", tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("end", tag))
        self.in_terms = False
        if tag == self.formatted:
            self.formatted = ""

    def handle_data(self, data: str) -> None:
        if self.formatted:
            data = FORMATTED
        if self.in_terms:
            data = "search terms"
            if self.items[-1] == ("data", data):
                return
        if self.items and self.items[-1][0] == "data":
            self.items[-1] = ("data", self.items[-1][1] + data)
        else:
            self.items.append(("data", data))

    def handle_comment(self, data: str) -> None:
        self.items.append(("comment", data))


def events(page: str) -> list[tuple[Any, ...]]:
    """The elements, attributes, text and comments of an HTML page, in order."""
    parser = _Events()
    parser.feed(page)
    parser.close()
    return parser.items


def substitute(items: list[tuple[Any, ...]], texts: dict[str, str]) -> list[tuple[Any, ...]]:
    """`items` with every placeholder in text and attribute values replaced by its text."""
    pattern = re.compile("|".join(map(re.escape, sorted(texts, key=len, reverse=True))))

    def put(value: str | None) -> str | None:
        return None if value is None else pattern.sub(lambda m: texts[m.group()], value)

    result: list[tuple[Any, ...]] = []
    for item in items:
        if item[0] == "data":
            result.append(("data", put(item[1])))
        elif item[0] == "start":
            result.append(("start", item[1], tuple((name, put(value)) for name, value in item[2])))
        else:
            result.append(item)
    return result


# --- a roadmap with chosen free text ---------------------------------------------------------------

FIELDS = [
    "meeting_summary",
    "publisher",
    "theme_title",
    "theme_short_title",
    "theme_summary",
    "priority_title",
    "priority_text",
    "actor_name",
    "actor_abbr",
    "actor_description",
]


def with_texts(roadmap: Roadmap, texts: dict[str, str]) -> Roadmap:
    """The roadmap with the free text of the home page, theme 1, its first priority and that priority's
    first actor replaced."""
    theme = roadmap.themes[0]
    priority = theme.priorities[0]
    actor = roadmap.actor(priority.actors[0])
    new_actor = dataclasses.replace(
        actor, name=texts["actor_name"], abbr=texts["actor_abbr"], description=texts["actor_description"]
    )
    new_priority = dataclasses.replace(priority, title=texts["priority_title"], text=texts["priority_text"])
    new_theme = dataclasses.replace(
        theme,
        title=texts["theme_title"],
        short_title=texts["theme_short_title"],
        summary=texts["theme_summary"],
        priorities=(new_priority, *theme.priorities[1:]),
    )
    return dataclasses.replace(
        roadmap,
        meeting_summary=texts["meeting_summary"],
        source=dataclasses.replace(roadmap.source, publisher=texts["publisher"]),
        actors=tuple(new_actor if a.id == actor.id else a for a in roadmap.actors),
        themes=(new_theme, *roadmap.themes[1:]),
    )


# The actors page lists actors by name; the varied name keeps its first word so that its place in
# the list, and so the structure of the page, stays the same. The varied abbreviation starts with a
# bracket: it keeps its place at the top of the Glossary page, and, starting with no letter, is never
# one the `abbr` extension looks for, placeholder or not.
PREFIXES = {"actor_name": "Ministers ", "actor_abbr": "("}
PLACEHOLDERS = {field: f"{PREFIXES.get(field, '')}Qz{index}placeholder{index}zQ" for index, field in enumerate(FIELDS)}


def _prefixed(field: str) -> st.SearchStrategy[str]:
    prefix = PREFIXES.get(field, "")
    return TEXT.map(lambda text: prefix + text)


TEXTS = st.fixed_dictionaries({field: _prefixed(field) for field in FIELDS})


class SiteMarkdown:
    """Python-Markdown configured with the extensions and settings of the site's mkdocs.yml."""

    def __init__(self) -> None:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"))
        self.converter = markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
        )

    def page(self, source: str) -> str:
        body, _ = get_data(source)
        self.converter.reset()
        return self.converter.convert(body)


@cache
def site_markdown() -> SiteMarkdown:
    """One converter for the module (the property tests take no fixtures, to keep their reports short)."""
    return SiteMarkdown()


@cache
def real_roadmap() -> Roadmap:
    return load_roadmap(ROOT / "roadmap.yaml")


def rendered(roadmap: Roadmap) -> Iterator[tuple[str, str]]:
    """(path, HTML) of every generated Markdown page."""
    for path, text in sorted(render_site(roadmap).pages.items()):
        if path.endswith(".md"):
            yield path, site_markdown().page(text)


@cache
def reference() -> dict[str, list[tuple[Any, ...]]]:
    """The pages of the roadmap with placeholders in its free-text fields, as events."""
    return {path: events(page) for path, page in rendered(with_texts(real_roadmap(), PLACEHOLDERS))}


# --- tests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", PAYLOADS)
def test_markdown_escape_shows_the_text_as_typed(text: str) -> None:
    page = site_markdown().page(f'## {md(text)} {{#h}}\n\n{md(text)}\n\n<p markdown="span">{md(text)}</p>\n')
    assert events(page) == [
        ("start", "h2", (("id", "h"),)),
        ("data", one_line(text)),
        ("start", "a", (("class", "headerlink"), ("href", "#h"), ("title", "Link to this section"))),
        ("data", "¶"),
        ("end", "a"),
        ("end", "h2"),
        ("data", "\n"),
        ("start", "p", ()),
        ("data", one_line(text)),
        ("end", "p"),
        ("data", "\n"),
        ("start", "p", ()),
        ("data", one_line(text)),
        ("end", "p"),
    ]


def test_fence_markers_in_two_texts_stay_text() -> None:
    # '~~~' opens a fenced code block that a later '~~~' closes; a backslash does not escape it.
    roadmap = real_roadmap()
    theme = roadmap.themes[0]
    first = dataclasses.replace(theme.priorities[0], text="~~~ draft")
    second = dataclasses.replace(theme.priorities[1], text="~~~")
    themes = (dataclasses.replace(theme, priorities=(first, second, *theme.priorities[2:])), *roadmap.themes[1:])
    page = dict(rendered(dataclasses.replace(roadmap, themes=themes)))["themes/political-leadership.md"]
    items = events(page)
    assert not [item for item in items if item[0] == "start" and item[1] in {"pre", "code"}]
    assert [item for item in items if item in {("data", "~~~ draft"), ("data", "~~~")}] == [
        ("data", "~~~ draft"),
        ("data", "~~~"),
    ]


# Shrinking is left out: a failing example is reported as found (the runs are derandomised, see conftest).
@pytest.mark.slow
@settings(max_examples=25, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(texts=TEXTS)
def test_arbitrary_text_renders_inert_and_intact(texts: dict[str, str]) -> None:
    assert_renders_as_text(texts)


def assert_renders_as_text(texts: dict[str, str]) -> None:
    """Every page rendered with `texts` in the free-text fields is the placeholder page with each text in
    its placeholder's place, as typed."""
    expected_texts = {PLACEHOLDERS[field]: one_line(text) for field, text in texts.items()}
    pages = dict(rendered(with_texts(real_roadmap(), texts)))
    assert sorted(pages) == sorted(reference())
    for path, page in pages.items():
        assert events(page) == substitute(reference()[path], expected_texts), path


@pytest.mark.parametrize("description", ["\\{(\\w+)\\} \\*not bold\\* back\\\\slash \\", "`code` and ``more``"])
def test_an_actor_chip_s_hover_text_stays_as_typed(description: str) -> None:
    # The chip is a Markdown link, whose title Markdown reads escapes and code spans in: "\{" lost its
    # backslash and "`code`" its backticks.
    assert_renders_as_text({**PLACEHOLDERS, "actor_description": description})


# --- full builds ---------------------------------------------------------------------------------------


class _QuotingDumper(yaml.SafeDumper):
    """Writes every text in double quotes, so that no text can be read back as another type."""


_QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def write_roadmap(project: Project, texts: dict[str, str]) -> None:
    """Put `texts` into the free-text fields of the project's roadmap.yaml (the same fields as
    `with_texts`), writing the file out again in full."""
    data = load_document(project.roadmap.read_bytes()).data
    theme = data["themes"][0]
    priority = theme["priorities"][0]
    actor = next(a for a in data["actors"] if a["id"] == priority["actors"][0])
    data["meeting"]["summary"] = texts["meeting_summary"]
    data["source"]["publisher"] = texts["publisher"]
    theme.update(title=texts["theme_title"], short_title=texts["theme_short_title"], summary=texts["theme_summary"])
    priority.update(title=texts["priority_title"], text=texts["priority_text"])
    actor.update(name=texts["actor_name"], abbr=texts["actor_abbr"], description=texts["actor_description"])
    theme["keywords"] = [texts["theme_summary"]]
    project.roadmap.write_text(
        # One line per value, so that every theme starts on the same line as with the placeholders.
        yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=1500),
        encoding="utf-8",
    )


def site_events(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Events of every HTML page of the built site, by path."""
    # The band at the foot of each page gives the size of the offline zip, which changes with the text.
    return {
        path.relative_to(project.site_dir).as_posix(): events(_ZIP_SIZE.sub(r"\1", path.read_text(encoding="utf-8")))
        for path in sorted(project.site_dir.rglob("*.html"))
    }


_ZIP_SIZE = re.compile(r'(<span class="r2p-band__size">)[^<]*')


@cache
def placeholder_site() -> dict[str, list[tuple[Any, ...]]]:
    """Events of every page of the site built with placeholders in the free-text fields."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "repo", every_language=False)
        write_roadmap(project, PLACEHOLDERS)
        build(project)
        return site_events(project)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() or "x"


# The fields of the site's own wording, which validate asks to use typographic marks (the others, such
# as the source's heading and publisher and an abbreviation, still carry straight ones to the pages).
_EDITORIAL = {"meeting_summary", "theme_short_title", "theme_summary", "priority_title", "priority_text"}
_EDITORIAL |= {"actor_name", "actor_description"}


def _fit(texts: dict[str, str]) -> dict[str, str]:
    """Texts within the schema's limits (lengths, and no < > & " in a short title) and typographic
    marks in the site's own wording."""
    texts = {field: curly(text) if field in _EDITORIAL else text for field, text in texts.items()}
    return {
        **texts,
        "theme_short_title": _short(re.sub('[<>&"]', "", texts["theme_short_title"]), 40),
        "priority_title": _short(texts["priority_title"], 120),
        "actor_abbr": _short(texts["actor_abbr"], 20),
    }


@pytest.mark.build
def test_built_site_shows_every_payload_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "repo", every_language=False)
    payloads = iter(PAYLOADS * 2)
    # Every field gets the characters that HTML treats specially, then three payloads.
    texts = _fit(
        {
            field: PREFIXES.get(field, "") + "<b> & \" ' " + " ".join(next(payloads) for _ in range(3))
            for field in FIELDS
        }
    )
    write_roadmap(project, texts)
    build(project)
    built = site_events(project)
    expected_texts = {
        PLACEHOLDERS[field]: unicodedata.normalize("NFC", one_line(text)) for field, text in texts.items()
    }
    assert sorted(built) == sorted(placeholder_site())
    for path, items in built.items():
        assert items == substitute(placeholder_site()[path], expected_texts), path
    # The search index holds the same text as HTML for the search box to show: escaped, never raw.
    index = json.loads((project.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for item in events(doc["title"]) + events(doc["text"]):
            assert item[0] != "start" or item[1] in {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}, doc
    theme_page = (project.site_dir / "themes" / "political-leadership" / "index.html").read_text(encoding="utf-8")
    assert html.escape(one_line(texts["theme_short_title"]), quote=False) in theme_page
    # The JSON-LD, whose words the comparison above leaves out, is JSON holding the texts as typed.
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', theme_page, re.DOTALL)
    report, theme = (json.loads(script) for script in scripts)
    assert report["author"]["name"] == expected_texts[PLACEHOLDERS["publisher"]]
    assert theme["description"] == expected_texts[PLACEHOLDERS["theme_summary"]]


# Each example is a full MkDocs build: few examples, and no shrinking (each step would be a build).
@pytest.mark.build
@settings(max_examples=3, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(texts=TEXTS.map(_fit))
def test_built_site_with_arbitrary_text(texts: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "repo", every_language=False)
        write_roadmap(project, texts)
        build(project)
        expected_texts = {PLACEHOLDERS[field]: one_line(text) for field, text in texts.items()}
        for path, items in site_events(project).items():
            assert items == substitute(placeholder_site()[path], expected_texts), path
