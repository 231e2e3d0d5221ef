"""The glossary and the reader's way into the site: every abbreviation and term explained where it is
used and on the Glossary page, typographic marks in the site's own text, the band at the foot of every
page, the 404 page, and the Performance page kept out of the readers' site."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from r2p_roadmap.model import Roadmap, term_forms
from r2p_roadmap.paths import ZIP_PATH
from r2p_roadmap.render.glossary import abbreviations, glossary_entries
from r2p_roadmap.validate.wording import curly, is_editorial, straight_words

from .browser_support import MOBILE, sitemap_paths
from .conftest import ROOT
from .htmltree import Element, parse_page, resolve

# Elements whose text is not the site's own prose: the source's words (quotes, the text of record,
# the quote explorer's list), code, and what is not shown.
_VERBATIM_CLASSES = frozenset({"r2p-para", "r2p-qx-text", "r2p-quoted"})
_NOT_PROSE = {"blockquote", "code", "pre", "script", "style", "kbd", "svg", "title", "q"}


def _article(site_dir: Path, page: str) -> Element:
    return parse_page(site_dir, page).find("article")


def _texts_outside(element: Element, skip: set[str], skip_classes: frozenset[str] = frozenset()) -> list[str]:
    """The text pieces of `element` that lie outside elements with the tags in `skip`."""
    found: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            found.append(child)
        elif child.tag not in skip and not (child.classes & skip_classes):
            found += _texts_outside(child, skip, skip_classes)
    return found


def _theme_pages(roadmap: Roadmap) -> list[str]:
    return [f"themes/{theme.id}/index.html" for theme in roadmap.themes]


# --- the glossary's explanations, unit by unit ---------------------------------------------------


def test_each_term_and_actor_abbreviation_is_explained_once(roadmap: Roadmap) -> None:
    explained = abbreviations(roadmap)
    assert explained["R2P"].startswith("Responsibility to protect. The commitment that each state protects")
    assert explained["third pillar"] == explained["Third pillar"]  # at the start of a sentence too
    assert explained["P5"] == (
        "Permanent members of the Security Council. The five permanent members of the UN Security Council, "
        "each of which can veto its decisions."
    )
    terms = [entry.term for entry in glossary_entries(roadmap)]
    assert len(terms) == len(set(terms)) == len(roadmap.glossary) + sum(1 for a in roadmap.actors if a.abbr)
    assert terms == sorted(terms, key=lambda term: (term.casefold(), term))


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("the Council's working methods", "the Council’s working methods"),
        ('the "confidence deficit" among states', "the “confidence deficit” among states"),
        ("('Uniting for Peace')", "(‘Uniting for Peace’)"),
        ("the essential - and overdue - step", "the essential – and overdue – step"),
        ("pages 3--5", "pages 3–5"),
    ],
)
def test_straight_marks_are_made_typographic(typed: str, fixed: str) -> None:
    assert curly(typed) == fixed


def test_only_the_sites_own_wording_must_be_typographic() -> None:
    assert is_editorial(("themes", 3, "priorities", 0, "text"))
    assert is_editorial(("actors", 2, "description"))
    assert is_editorial(("glossary", 0, "definition"))
    assert not is_editorial(("themes", 3, "priorities", 0, "quotes", 1, "text"))  # a verbatim quote
    assert not is_editorial(("meeting", "progress", 0, "text"))
    assert not is_editorial(("themes", 3, "title"))  # the source's own heading
    assert not is_editorial(("source", "title"))
    assert straight_words("Words ‘quoted’ and it’s fine – here") is None


def test_real_roadmap_has_no_straight_marks_in_its_own_wording() -> None:
    data = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    found = []

    def walk(value: object, path: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str) and is_editorial(path) and straight_words(value):
            found.append(path)

    walk(data, ())
    assert found == []


# --- the built site ---------------------------------------------------------------------------------


def test_every_abbreviation_on_a_theme_page_carries_its_explanation(site_dir: Path, roadmap: Roadmap) -> None:
    explained = abbreviations(roadmap)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(explained, key=len, reverse=True))) + r")\b")
    for page in _theme_pages(roadmap):
        article = _article(site_dir, page)
        abbrs = article.find_all("abbr")
        assert abbrs, page
        assert {(a.text(), a.attrs.get("title")) for a in abbrs} <= set(explained.items()), page
        # No term is left unexplained in the page's text: code apart, and citations, which name the
        # site ("R2P Roadmap") as a reference manager would.
        texts = _texts_outside(article, {"abbr", "code", "pre"}, frozenset({"r2p-cite"}))
        bare = [m.group(0) for text in texts for m in pattern.finditer(text)]
        assert bare == [], page


def test_the_glossary_page_lists_every_term_with_its_meaning(site_dir: Path, roadmap: Roadmap) -> None:
    glossary = _article(site_dir, "glossary/index.html").find("dl", "r2p-glossary")
    terms = [
        dt.children[0].text() if isinstance(dt.children[0], Element) else dt.text() for dt in glossary.find_all("dt")
    ]
    definitions = [dd.text() for dd in glossary.find_all("dd")]
    entries = glossary_entries(roadmap)
    assert terms == [entry.term for entry in entries]
    for entry, definition in zip(entries, definitions, strict=True):
        assert definition.startswith(" ".join(entry.definition.split())), entry.term
    assert {t.term for t in roadmap.glossary} | {a.abbr for a in roadmap.actors if a.abbr} == set(terms)


def test_glossary_and_what_is_r2p_are_in_the_navigation(site_dir: Path) -> None:
    nav = parse_page(site_dir, "index.html").find("nav", "md-nav--primary")
    labels = [link.text() for link in nav.find_all("a")]
    assert "What is R2P?" in labels and "Glossary" in labels
    assert "Performance" not in labels


def test_what_is_r2p_cites_the_un_documents(site_dir: Path) -> None:
    article = _article(site_dir, "what-is-r2p/index.html")
    links = [a.attrs["href"] for a in article.find_all("a")]
    assert "https://undocs.org/A/RES/60/1" in links and "https://undocs.org/A/63/677" in links
    text = article.text()
    for fact in (
        "paragraphs 138–139",
        "A/63/677",
        "genocide, war crimes, ethnic cleansing and crimes against humanity",
    ):
        assert fact in text
    assert [h.text() for h in article.find_all("h2")][:2] == ["The 2005 commitment¶", "The three pillars¶"]


def test_no_straight_double_quote_in_the_sites_own_prose(site_dir: Path) -> None:
    found = {}
    for path in sitemap_paths(site_dir):
        page = path + "index.html" if path.endswith("/") or not path else path
        article = _article(site_dir, page)
        text = "".join(_texts_outside(article, _NOT_PROSE, _VERBATIM_CLASSES))
        if '"' in text:
            found[page] = [text[max(0, i - 30) : i + 30] for i in [m.start() for m in re.finditer('"', text)][:3]]
    assert found == {}


def test_the_band_gives_the_real_size_of_the_zip(site_dir: Path) -> None:
    size = (site_dir / ZIP_PATH).stat().st_size
    for page in ("index.html", "editing/index.html", "themes/veto-restraint/index.html", "404.html"):
        band = parse_page(site_dir, page).find("aside", "r2p-band")
        shown = band.find("span", "r2p-band__size").text()
        number, unit = re.fullmatch(r"([0-9.]+) (KB|MB)", shown).groups()  # type: ignore[union-attr]
        scale = 1000 if unit == "KB" else 1_000_000
        assert abs(float(number) * scale - size) <= scale / (2 if unit == "KB" else 20), (page, shown, size)


def test_the_band_names_the_source_the_licence_and_where_to_report_an_error(site_dir: Path, roadmap: Roadmap) -> None:
    band = parse_page(site_dir, "themes/veto-restraint/index.html").find("aside", "r2p-band")
    links = {a.text(): a.attrs["href"] for a in band.find_all("a")}
    assert links[roadmap.source.title] == roadmap.source.url
    assert links["CC BY 4.0"] == "https://creativecommons.org/licenses/by/4.0/"
    assert links["Report an error"] == "https://github.com/r2p-roadmap/r2p-roadmap/issues"
    assert resolve("themes/veto-restraint/index.html", links["Download this site"])[0] == ZIP_PATH
    assert len(parse_page(site_dir, "index.html").find_all("aside", "r2p-band")) == 1


def test_the_404_page_offers_search_and_every_theme(site_dir: Path, roadmap: Roadmap) -> None:
    article = _article(site_dir, "404.html")
    assert article.find("button", where=lambda b: "data-r2p-open-search" in b.attrs).text() == "Search the site"
    links = [a.attrs["href"] for a in article.find("ul", "r2p-404-themes").find_all("a")]
    assert links == [f"/themes/{theme.id}/" for theme in roadmap.themes]  # from the site root: any depth


def test_the_offline_copy_has_the_404_page_with_links_from_where_it_lies(site_dir: Path, roadmap: Roadmap) -> None:
    with zipfile.ZipFile(site_dir / ZIP_PATH) as archive:
        page = archive.read("r2p-roadmap/404.html").decode("utf-8")
    assert re.findall(r'\s(?:href|src)="/(?!/)', page) == []
    for theme in roadmap.themes:
        assert f'href="./themes/{theme.id}.html"' in page


def test_performance_is_not_part_of_the_readers_site(site_dir: Path) -> None:
    assert not (ROOT / "docs" / "performance.md").exists() and (ROOT / "benchmarks" / "PERFORMANCE.md").is_file()
    assert "performance" not in " ".join(sitemap_paths(site_dir))
    # Its published address stays a link that works: it leads to the About page, which says where the figures are.
    redirect = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in redirect and "../about/" in redirect
    assert "benchmarks/PERFORMANCE.md" in _article(site_dir, "about/index.html").text()


def test_term_forms_capitalise_only_lowercase_terms() -> None:
    assert term_forms("third pillar") == ("third pillar", "Third pillar")
    assert term_forms("R2P") == ("R2P",)


# --- in a browser -------------------------------------------------------------------------------


@pytest.mark.browser
def test_each_abbreviation_shows_its_tooltip_on_hover_and_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "themes/veto-restraint/")
    abbrs = page.locator("article abbr")
    count = abbrs.count()
    assert count > 10
    assert page.evaluate("() => [...document.querySelectorAll('article abbr')].every(a => a.title)")
    # The page sets up nothing for its tooltips before one is used (docs/assets/tooltip.js).
    assert page.locator(".md-tooltip2").count() == 0
    first = abbrs.first
    first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.inner_text().startswith("Permanent members of the Security Council.")
    assert first.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    assert first.get_attribute("title") is None  # the browser's own tooltip does not cover it
    # It sits just under the term, on the screen.
    term, box = first.bounding_box(), tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert term and box
    assert term["y"] + term["height"] <= box["y"] <= term["y"] + term["height"] + 24
    assert box["x"] < term["x"] + term["width"] and term["x"] < box["x"] + box["width"] <= 1280
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2").wait_for(state="detached")  # hidden, then out of the page
    assert first.get_attribute("title", timeout=1000) and first.get_attribute("aria-describedby") is None
    # By keyboard: the first use of each term is in the tab order, and focus shows the same tooltip.
    focusable = page.evaluate(
        "() => [...document.querySelectorAll('article abbr[tabindex=\"0\"]')].map(a => a.textContent)"
    )
    assert len(focusable) == len(set(focusable)) and "R2P" in focusable and "P5" in focusable
    page.locator("article abbr[tabindex='0']", has_text="R2P").focus()
    tooltip.wait_for()
    assert tooltip.inner_text().startswith("Responsibility to protect.")
    page.keyboard.press("Escape")  # dismissed without moving focus (WCAG 1.4.13)
    tooltip.wait_for(state="hidden")
    # Support badges explain their level the same way.
    badge = page.locator("article .r2p-badge[title]").first
    expected = badge.get_attribute("title")
    badge.hover()
    tooltip.wait_for()
    assert tooltip.inner_text() == expected


@pytest.mark.browser
def test_a_tap_on_a_term_shows_its_tooltip_and_a_tap_elsewhere_hides_it(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=MOBILE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "themes/veto-restraint/")
    # A later use of a term: not in the tab order, and not inside a link (a tap there follows the link).
    page.evaluate(
        """() => [...document.querySelectorAll('article abbr:not([tabindex])')]
                 .find(abbr => !abbr.closest('a')).id = 'tapped'"""
    )
    term = page.locator("#tapped")
    explanation = term.get_attribute("title")
    term.tap()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert explanation and tooltip.inner_text() == explanation
    page.locator("article h1").tap()
    page.locator(".md-tooltip2").wait_for(state="detached")
    context.close()


@pytest.mark.browser
def test_the_404_search_button_opens_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url + "404.html")
    page.get_by_role("button", name="Search the site").click()
    query = page.locator("[data-md-component=search-query]")
    assert query.evaluate("input => input === document.activeElement")
    assert page.locator("#__search").is_checked()  # Material's search is open
    query.press_sequentially("veto")
    page.locator(".md-search-result__item").first.wait_for()
