"""One site per language: the French and Spanish sites have every page of the English one, say which
language each page is in and where its other languages are, keep the quotes verbatim English, and ask
for no interface string that translations/interface.yaml lacks."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from r2p_roadmap.build import Project, prepare
from r2p_roadmap.build.languages import SCRIPT_STRINGS, TEMPLATE_STRINGS, language, month_names
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.data_page import render_data_page
from r2p_roadmap.render.freshness import format_date
from r2p_roadmap.render.interface import INTERFACE_FILE, strings, text
from r2p_roadmap.render.markup import GENERATED_MARK, md, one_line
from r2p_roadmap.schema import schema
from r2p_roadmap.translations import localise

from .browser_support import DESKTOP
from .htmltree import Element, parse_page, resolve
from .test_open_data import DOWNLOADS, _descriptions

ROOT = Path(__file__).resolve().parents[1]
# The languages of the site as the build takes them (English first).
LANGUAGES = prepare(Project(ROOT))[0].languages
OTHERS = [code for code in LANGUAGES if code != "en"]
SITE = "https://r2p-roadmap.github.io/"


def _english_pages(site_dir: Path) -> list[str]:
    """The HTML pages of the English site (those outside every other language's folder)."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] not in OTHERS
    )


def _address(path: str) -> str:
    return path.removesuffix("index.html")


@pytest.mark.parametrize("code", OTHERS)
def test_every_english_page_has_its_counterpart(site_dir: Path, code: str) -> None:
    pages = _english_pages(site_dir)
    assert len(pages) > 25
    assert [path for path in pages if not (site_dir / code / path).is_file()] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_names_its_language_and_its_alternates(site_dir: Path, code: str) -> None:
    folder = language(code).folder
    for path in _english_pages(site_dir):
        text = (site_dir / folder / path).read_text(encoding="utf-8")
        if path.split("/")[0].isdigit() or (path.startswith(("performance/", "themes/")) and "md-content" not in text):
            assert f'<html lang="{code}">' in text, path  # a redirect page
            continue
        assert re.search(rf'<html lang="{code}"[ >]', text), path
        if path == "404.html":
            continue
        found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text)
        assert found == [
            *((other, SITE + language(other).folder + _address(path)) for other in LANGUAGES),
            ("x-default", SITE + _address(path)),
        ], path
        locales = re.findall(r'<meta property="og:locale(?::alternate)?" content="([^"]+)">', text)
        assert locales == [language(code).locale, *(language(o).locale for o in LANGUAGES if o != code)], path


def test_locales_and_names_come_from_cldr() -> None:
    assert [(language(code).name, language(code).locale) for code in ("en", "fr", "es")] == [
        ("English", "en_US"),
        ("Français", "fr_FR"),
        ("Español", "es_ES"),
    ]


@pytest.mark.parametrize("code", OTHERS)
def test_every_quote_on_a_translated_page_is_marked_and_verbatim_english(
    site_dir: Path, roadmap: Roadmap, code: str
) -> None:
    pages = [site_dir / code / "index.html"] + [
        site_dir / code / "themes" / t.id / "index.html" for t in roadmap.themes
    ]
    quotes = {quote.id: quote.text for quote in roadmap.progress} | {
        quote.id: quote.text for theme in roadmap.themes for priority in theme.priorities for quote in priority.quotes
    }
    seen = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for quote_id, inner in re.findall(r'<figure class="r2p-quote" id="([^"]+)">(.*?)</figure>', text, re.DOTALL):
            block = re.search(r"<blockquote([^>]*)>(.*?)</blockquote>", inner, re.DOTALL)
            assert block and block.group(1) == ' lang="en"', (page, quote_id)
            words = one_line(html.unescape(re.sub(r"<[^>]+>", "", block.group(2))))
            assert words == " ".join(quotes[quote_id].split()), quote_id
            seen += 1
    assert seen == len(quotes)


@pytest.mark.parametrize("code", OTHERS)
def test_the_verbatim_heading_and_support_phrase_are_marked_english(
    site_dir: Path, roadmap: Roadmap, code: str
) -> None:
    for theme in roadmap.themes:
        text = (site_dir / code / "themes" / theme.id / "index.html").read_text(encoding="utf-8")
        heading = re.search(r'<p class="r2p-source-title">.*?</span> <span lang="en">(.*?)</span>', text, re.DOTALL)
        assert heading, theme.id
        for priority in theme.priorities:
            if priority.support_phrase:
                assert f'<span lang="en">{html.escape(priority.support_phrase, quote=False)}</span>' in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_renders_without_a_missing_interface_string(roadmap: Roadmap, code: str) -> None:
    pages = render_site(localise(roadmap, code), SITE + language(code).folder, english=roadmap).pages
    assert len(pages) > 100


def test_each_interface_string_has_every_language_with_the_same_placeholders() -> None:
    table = yaml.safe_load(INTERFACE_FILE.read_text(encoding="utf-8"))
    assert table == strings()
    for english, texts in table.items():
        assert sorted(texts) == sorted(OTHERS), english
        for code, translated in texts.items():
            assert set(re.findall(r"\{(\w+)\}", translated)) == set(re.findall(r"\{(\w+)\}", english)), (english, code)
            if code == "fr":  # French typography: a narrow no-break space before : ; ? !
                assert not re.search(r"(?<!\u202f)[;?!]|(?<![\u202f\d])[:](?=\s|$)", translated), (english, translated)


def test_every_string_a_template_asks_for_is_listed_and_translated() -> None:
    asked = set()
    for template in (ROOT / "themes").rglob("*.html"):
        asked.update(re.findall(r"""t\[["']([^"']+)["']\]""", template.read_text(encoding="utf-8")))
    assert asked and asked == set(TEMPLATE_STRINGS)
    assert [english for english in TEMPLATE_STRINGS if english not in strings()] == []


def test_every_string_a_script_asks_for_is_listed_and_translated() -> None:
    asked = set()
    for script in (ROOT / "docs" / "assets").glob("*.js"):
        if script.name == "text.js":  # the lookup itself, whose comment shows how it is called
            continue
        source = script.read_text(encoding="utf-8")
        asked.update(re.findall(r'r2pText\(\s*"((?:[^"\\]|\\.)+)"', source))
        asked.update(
            re.findall(r'r2pText\(\s*isCitation \? "([^"]+)" : "([^"]+)"\)', source)[0]
            if "isCitation ?" in source
            else ()
        )
        for one, other in re.findall(r'r2pText\(\s*total === 1 \? "([^"]+)" : "([^"]+)"', source):
            asked.update((one, other))
    assert asked and asked == set(SCRIPT_STRINGS)
    assert [english for english in SCRIPT_STRINGS if english not in strings()] == []


@pytest.mark.parametrize("code", OTHERS)
def test_translated_pages_give_the_scripts_their_words(site_dir: Path, code: str) -> None:
    text = (site_dir / code / "quotes" / "index.html").read_text(encoding="utf-8")
    island = re.search(r'<script type="application/json" id="r2p-text">(.*?)</script>', text, re.DOTALL)
    assert island
    words = json.loads(island.group(1))
    assert sorted(words) == sorted([*SCRIPT_STRINGS, *month_names("en")])
    assert words["Copy as quote"] == strings()["Copy as quote"][code]
    assert words["March"] == {"fr": "mars", "es": "marzo"}[code]
    assert 'id="r2p-text"' not in (site_dir / "quotes" / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_language_switcher_keeps_the_reader_on_the_same_place(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "themes/veto-restraint/#p5-withhold-veto")
    for code, name in (("fr", "Français"), ("es", "Español"), ("en", "English")):
        page.locator(".md-header__option .md-select").hover()
        page.get_by_role("link", name=name).click()
        page.wait_for_load_state()
        expected = site_url + language(code).folder + "themes/veto-restraint/#p5-withhold-veto"
        assert page.url == expected
        assert page.evaluate("document.documentElement.lang") == code
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("code", OTHERS)
def test_search_in_a_language_finds_that_languages_pages(browser, site_url: str, code: str) -> None:  # type: ignore[no-untyped-def]
    from .browser_support import search_results

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + code + "/")
    assert page.evaluate("document.documentElement.lang") == code
    results = search_results(page, "veto")
    context.close()
    assert results and all(url.startswith(site_url + code + "/") for url in results)
    assert site_url + code + "/themes/veto-restraint/" in {url.split("#")[0].split("?")[0] for url in results}


def test_an_interface_string_with_other_placeholders_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from r2p_roadmap.errors import RoadmapError
    from r2p_roadmap.render import interface

    broken = tmp_path / "interface.yaml"
    broken.write_text(
        '"Theme {number}: {title}":\n  fr: "Thème {numero} : {title}"\n  es: "x {number} {title}"\n', "utf-8"
    )
    monkeypatch.setattr(interface, "INTERFACE_FILE", broken)
    interface.strings.cache_clear()
    try:
        with pytest.raises(RoadmapError) as caught:
            interface.text("fr", "Theme {number}: {title}", number=4, title="Veto")
        assert [problem.format() for problem in caught.value.problems] == [
            "translations/interface.yaml:1:1: the fr text of 'Theme {number}: {title}' does not have the placeholders "
            "of the English\n    hint: keep every word in braces, such as {number}, exactly as the English writes it"
        ]
    finally:
        interface.strings.cache_clear()


def test_a_missing_interface_string_stops_the_build_naming_it() -> None:
    from r2p_roadmap.errors import RoadmapError

    with pytest.raises(RoadmapError) as caught:
        text("fr", "A string no page has asked for")
    assert [problem.format() for problem in caught.value.problems] == [
        "translations/interface.yaml:1:1: the interface string 'A string no page has asked for' has no fr text\n"
        '    hint: add it to translations/interface.yaml, under the English text, as fr: "…"'
    ]


@pytest.mark.parametrize("code", OTHERS)
def test_every_block_quote_of_a_translated_site_is_marked_english(site_dir: Path, code: str) -> None:
    """Block quotes hold only the source's words, on every page (briefings, quote explorer, pack too)."""
    unmarked, seen = [], 0
    for page in sorted((site_dir / code).rglob("*.html")):
        for attributes in re.findall(r"<blockquote([^>]*)>", page.read_text(encoding="utf-8")):
            seen += 1
            if 'lang="en"' not in attributes:
                unmarked.append(page.relative_to(site_dir).as_posix())
    assert seen > 100
    assert unmarked == []


@pytest.mark.parametrize("code", OTHERS)
def test_a_citation_copied_from_a_translated_page_cites_that_page_and_the_original(
    site_dir: Path, roadmap: Roadmap, code: str
) -> None:
    page_html = (site_dir / code / "themes" / "veto-restraint" / "index.html").read_text(encoding="utf-8")
    # The citations as shown, which is what their Copy buttons copy (permalinks.js).
    citations = [
        html.unescape(re.sub(r"<[^>]+>", "", c))
        for c in re.findall(r'<p class="r2p-cite__text"[^>]*>(.*?)</p>', page_html)
    ]
    assert citations
    page = SITE + f"{code}/themes/veto-restraint/"
    for citation in citations:
        assert roadmap.source.url in citation and page in citation
        assert citation.index(roadmap.source.url) < citation.index(page)  # the original document first
        assert SITE + "themes/veto-restraint/" not in citation.replace(page, "")
    # The page is named as it is named in its language, and reference managers are told that language.
    theme = next(t for t in roadmap.themes if t.id == "veto-restraint")
    assert text(code, "Theme {0}").format(theme.number) in citations[0]
    ris = (site_dir / code / "data" / "cite" / "veto-restraint.ris").read_text(encoding="utf-8")
    assert f"LA  - {code}" in ris.split("ER  -")[1]
    assert f"AU  - {text(code, 'R2P Roadmap')}" in ris


# What the CSL locale of each language writes before the access date (APA, Chicago, OSCOLA), and the
# English words a citation on that language's page must not hold.
ACCESSED_WORDS = {"fr": ("Consulté", "consulté le"), "es": ("Recuperado", "Accedido", "accedido")}
DATE_FORMS = {"fr": "{day} {month} {year}", "es": "{day} de {month} de {year}"}
ENGLISH_WORDS = (
    "Retrieved",
    "Accessed",
    "accessed",
    "[date accessed]",
    "n.d.",
    "Data version",
    "data version",
    "R2P Roadmap",
)


@pytest.mark.parametrize("code", OTHERS)
def test_a_translated_pages_citations_are_written_in_its_language(site_dir: Path, code: str) -> None:
    page_html = (site_dir / code / "themes" / "veto-restraint" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<p class="r2p-cite__text" data-r2p-style="(\w+)" data-r2p-date="([^"]+)">(.*?)</p>', page_html)
    assert len(shown) > 20
    for style, date_form, markup in shown:
        words = html.unescape(re.sub(r"<[^>]+>", "", markup))
        # The reader's date is written by permalinks.js in the form the style wrote in that language.
        assert date_form == DATE_FORMS[code], style
        assert any(word in words for word in ACCESSED_WORDS[code]), words
        assert text(code, "data version {version}", version="").strip() in words.lower()
        assert not [word for word in ENGLISH_WORDS if word in words], words
        assert "'" not in words  # the locale's "à l'adresse" with the site's typographic apostrophe
        # The original keeps its English title.
        assert "Ministerial Round Table Discussion" in words


# English words of the Data page's own text, none of which a French or Spanish sentence uses.
ENGLISH_MARKERS = re.compile(
    r"\b(the|of|and|is|each|with|for|one|yes|text|list|file|field|required|quote|data)\b", re.I
)
_MARKED_ENGLISH = re.compile(r'<(span|p) lang="en"[^>]*>(.*?)</\1>')


@pytest.mark.parametrize("code", OTHERS)
def test_the_data_page_is_in_the_language_but_the_schema_s_descriptions(roadmap: Roadmap, code: str) -> None:
    page = render_data_page(localise(roadmap, code))
    english = render_data_page(roadmap)
    anchors = re.compile(r"\{#([\w-]+)\}")
    assert len(anchors.findall(english)) > 15
    assert anchors.findall(page) == anchors.findall(english)
    # Every description of the schema is there, marked as English, as the English page words it.
    marked = " ".join(inner for _, inner in _MARKED_ENGLISH.findall(page))
    assert [d for d in _descriptions(schema()) if md(d) not in marked and md(d) in english] == []
    assert [d for d in _descriptions(schema()) if md(d) not in english] == []
    # Without them, code, link targets and anchors, not one English word is left.
    own = _MARKED_ENGLISH.sub("", page.replace(GENERATED_MARK, ""))
    own = re.sub(r"`[^`]*`|\]\([^)]*\)|\{#[\w-]+\}", "", own)
    assert ENGLISH_MARKERS.findall(own) == []
    assert ENGLISH_MARKERS.findall(_MARKED_ENGLISH.sub("", english.replace(GENERATED_MARK, "")))  # the test can fail
    assert text(code, "The descriptions below are those of the JSON Schema, which gives them in English.") in page
    assert format_date(roadmap.updated, code) in page


def _headings(tree: Element) -> list[tuple[str, str]]:
    """(id, text) of the article's headings, without the permalink sign."""
    return [
        (h.attrs["id"], h.text().removesuffix("\u00b6").strip())
        for h in tree.find("article").find_all(where=lambda e: e.tag in ("h1", "h2", "h3"))
    ]


@pytest.mark.parametrize("code", OTHERS)
def test_the_built_data_page_of_a_language_has_its_headings_and_links_within_its_folder(
    site_dir: Path, code: str
) -> None:
    page = f"{code}/data/index.html"
    tree, english = parse_page(site_dir, page), parse_page(site_dir, "data/index.html")
    assert tree.find_all(cls="r2p-note") == []  # no "written in English only" note
    # The same anchors, each heading the language's text of the English heading.
    keys = {key.replace("`", ""): key for key in strings()}
    # (Element.text collapses whitespace, the narrow no-break space of French too.)
    expected = [(anchor, one_line(text(code, keys[words]).replace("`", ""))) for anchor, words in _headings(english)]
    assert len(expected) > 15
    assert _headings(tree) == expected
    assert tree.find("h1").text().removesuffix("\u00b6") == text(code, "Data")
    # Every link stays within the language's folder and lands on a file and anchor that exist.
    targets = set()
    for link in tree.find("article").find_all("a"):
        href = link.attrs.get("href", "")
        if href.startswith(("https:", "http:", "mailto:")):
            continue
        target, fragment = resolve(page, href)
        assert target.startswith(f"{code}/") and (site_dir / target).is_file(), href
        if fragment:
            assert f'id="{fragment}"' in (site_dir / target).read_text(encoding="utf-8"), href
        targets.add((target, fragment))
    assert (f"{code}/about/index.html", "support-levels") in targets
    assert {(f"{code}/{path}", "") for path in DOWNLOADS} <= targets
