"""Printing in headless Chromium, read back from the real A4 PDF: the briefing pack, the all-themes
briefing and a theme page print their content and links without the site's navigation, on few and
well-filled pages, with no heading left at the foot of a page, quotes in black and every address once."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PageObject, PdfReader

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.model import Priority, Roadmap, Theme

from .browser_support import MODES, Mode, describe, new_context, run_axe, stop_motion
from .conftest import ROOT

pytestmark = pytest.mark.browser

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")
# Text that only the site's furniture shows: header, navigation, table of contents, footer, buttons.
CHROME = ("Skip to content", "Table of contents", "Made with", "Editing guide", "Copy link", "Copy citation", "Cite")
# Text below this height (in PDF points from the bottom edge) is the running foot in the page margin.
FOOT = 36
BLACK = "rgb(0, 0, 0)"


@dataclass(frozen=True)
class Sheet:
    """One printed page: its body's runs of text in document order, its running foot, and how far
    down its body text reaches (0 at the top edge, 1 at the bottom edge)."""

    lines: list[str]
    foot: str
    reach: float

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _sheet(page: PageObject) -> Sheet:
    height = float(page.mediabox.height)
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    body = [(y, text) for y, text in found if y > FOOT]  # document order, as Chromium wrote them
    foot = " ".join(text for y, text in found if y <= FOOT)
    reach = 1 - min(y for y, _ in body) / height if body else 0.0
    return Sheet([text for _, text in body], foot, reach)


def _print(page: Page) -> list[Sheet]:
    return [_sheet(sheet) for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


def _squeezed(text: str) -> str:
    """Text without whitespace, so that lines wrapped in the PDF (long URLs) compare whole."""
    return "".join(text.split())


def _missing(texts: list[str], pdf_text: str) -> list[str]:
    squeezed = _squeezed(pdf_text)
    return [text for text in texts if _squeezed(text) not in squeezed]


def _printed_addresses(page: Page) -> list[str]:
    """Every address the page's links could print: their absolute href and permanent print address."""
    return sorted(
        set(
            page.evaluate(
                """() => [...document.querySelectorAll('.md-content a[href]')].flatMap(a =>
                    [a.href, a.getAttribute('data-r2p-print-href')]).filter(u => u && u.startsWith('http'))"""
            )
        )
    )


def _address_counts(addresses: list[str], pdf_text: str) -> dict[str, int]:
    """How often each address is printed; where a longer known address starts at the same place
    (a priority's address after its theme's), the place counts for the longer one only."""
    squeezed = _squeezed(pdf_text)
    counts = dict.fromkeys(addresses, 0)
    for address in addresses:
        longer = [other for other in addresses if len(other) > len(address) and other.startswith(address)]
        for match in re.finditer(re.escape(address), squeezed):
            if not any(squeezed.startswith(other, match.start()) for other in longer):
                counts[address] += 1
    return counts


def _titles(roadmap: Roadmap) -> list[str]:
    """The headings of a pack or the briefing: themes and numbered priorities."""
    names = [f"Theme {t.number}: {t.short_title}" for t in roadmap.themes]
    return names + [f"{t.number}.{n} {p.title}" for t in roadmap.themes for n, p in enumerate(t.priorities, 1)]


def _headings(roadmap: Roadmap) -> list[str]:
    """The headings, and the permanent-link lines that close each theme's and priority's head: a page
    that ends with one of them leaves the item's head without its text."""
    names = _titles(roadmap) + [f"Permanent link: {PERMANENT}themes/{t.id}/" for t in roadmap.themes]
    names += [f"Short link: {PERMANENT}{t.number}/" for t in roadmap.themes]
    return names + [f"Permanent link: {PERMANENT}themes/{t.id}/#{p.id}" for t in roadmap.themes for p in t.priorities]


def _stranded(sheets: list[Sheet], headings: list[str], first: int = 1) -> list[tuple[int, str]]:
    """Headings that are the last text of a page's body (the page turns between heading and text)."""
    return [
        (number, heading)
        for number, sheet in enumerate(sheets, first)
        for heading in headings
        if _squeezed(sheet.text).endswith(_squeezed(heading))
    ]


def _check_sheets(sheets: list[Sheet], page: Page, headings: list[str], *, cover: bool = False) -> None:
    """What every print must do: each page has body text and its running foot, no heading is
    stranded at a page foot (past the cover, whose contents name every heading), no address prints
    twice, no furniture prints."""
    assert [n for n, sheet in enumerate(sheets, 1) if not sheet.lines] == []
    foot = _squeezed(f"R2P Roadmap data version {_data_version(page)}")
    assert [n for n, sheet in enumerate(sheets, 1) if foot not in _squeezed(sheet.foot)] == []
    assert [_squeezed(sheet.foot).replace(foot, "") for sheet in sheets] == [
        f"Page{n}of{len(sheets)}" for n in range(1, len(sheets) + 1)
    ]
    assert _stranded(sheets[1:] if cover else sheets, headings, 2 if cover else 1) == []
    text = "\n".join(sheet.text for sheet in sheets)
    assert {address: n for address, n in _address_counts(_printed_addresses(page), text).items() if n > 1} == {}
    assert [word for word in CHROME if word in text] == []


def _data_version(page: Page) -> str:
    text = page.locator(".r2p-band__data").inner_text()
    found = re.fullmatch(r"Roadmap data version (\S+), last updated (.+)\. Download the data", text)
    assert found, text
    return f"{found[1]}, updated {found[2]}"


def _quote_colours(browser: Browser, url: str) -> set[str]:
    """The computed colour of every quote's text under print media, with the screen in either palette."""
    colours: set[str] = set()
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(url)
        stop_motion(page)  # Material fades link colours: read the colour print settles on
        page.emulate_media(media="print", color_scheme=scheme)
        colours |= set(
            page.evaluate(
                """() => [...document.querySelectorAll('.r2p-quote, .r2p-quote *')]
                    .map(e => getComputedStyle(e).color)"""
            )
        )
        context.close()
    return colours


def _pack_query(items: list[str]) -> str:
    return "?" + "&".join(f"item={item}" for item in items)


def _two_themes_and_a_priority(roadmap: Roadmap) -> tuple[list[Theme], Priority]:
    """Themes 2 and 4 whole, and the last priority of theme 3."""
    return [roadmap.themes[1], roadmap.themes[3]], roadmap.themes[2].priorities[-1]


def test_a_pack_of_two_themes_and_one_priority_prints_on_two_full_pages(
    page: Page, browser: Browser, site_url: str, roadmap: Roadmap
) -> None:
    themes, priority = _two_themes_and_a_priority(roadmap)
    query = _pack_query([themes[0].id, priority.id, themes[1].id])  # in the order of the themes
    page.goto(f"{site_url}briefing-pack/{query}")
    sheets = _print(page)
    assert len(sheets) <= 2
    assert sheets[0].reach > 0.8, sheets[0].reach  # the first page is filled, not a title alone
    assert sheets[-1].reach > 0.3, sheets[-1].reach  # the last page is more than a few lines
    _check_sheets(sheets, page, _headings(roadmap))
    text = "\n".join(sheet.text for sheet in sheets)
    chosen = [*(p for t in themes for p in t.priorities), priority]
    expected = [f"{PERMANENT}briefing-pack/{query}", f"{PERMANENT}source/"]
    expected += [f"{PERMANENT}themes/{t.id}/" for t in themes]
    expected += [p.title for p in chosen] + [q.text for p in chosen for q in p.quotes]
    assert _missing(expected, text) == []
    counts = _address_counts(_printed_addresses(page), text)
    assert [address for address in expected if address.startswith("http") and counts[address] != 1] == []
    assert _quote_colours(browser, f"{site_url}briefing-pack/{query}") == {BLACK}


def test_a_built_pack_of_three_priorities_prints_on_one_page(page: Page, site_url: str, roadmap: Roadmap) -> None:
    """The promise the builder page makes: three priorities from different themes fit on one page."""
    chosen = [theme.priorities[0] for theme in roadmap.themes[:3]]
    left_out = [p for t in roadmap.themes for p in t.priorities if p not in chosen]
    page.goto(site_url + "briefing-pack/")
    assert "three priorities picked from different themes fit on one page" in page.locator(".r2p-note").inner_text()
    for priority in chosen:
        page.locator(f'input[value="{priority.id}"]').check()
    page.get_by_role("button", name="Show the pack").click()
    query = _pack_query([p.id for p in chosen])
    assert page.evaluate("location.search") == query
    sheets = _print(page)
    assert len(sheets) == 1
    _check_sheets(sheets, page, _headings(roadmap))
    text = sheets[0].text
    themes = {p.id: t for t in roadmap.themes for p in t.priorities}
    expected = [f"{PERMANENT}briefing-pack/{query}"]
    for priority in chosen:
        theme = themes[priority.id]
        expected += [priority.title, f"{PERMANENT}themes/{theme.id}/#{priority.id}"]
        expected += [q.text for q in priority.quotes] + [
            f"{PERMANENT}themes/{theme.id}/#{q.id}" for q in priority.quotes
        ]
    assert _missing(expected, text) == []
    assert [p.title for p in left_out if _squeezed(p.title) in _squeezed(text)] == []
    assert [word for word in ("Show the pack", "Make a briefing pack") if word in text] == []


def test_an_empty_pack_prints_one_page_that_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "briefing-pack/")
    sheets = _print(page)
    assert [sheet.lines for sheet in sheets] == [["Nothing is ticked yet: the pack is empty."]]


def test_a_pack_of_one_whole_theme_prints_on_at_most_two_pages(page: Page, site_url: str, roadmap: Roadmap) -> None:
    """'A whole theme takes about one page': no theme's pack runs past a second page."""
    pages = {}
    for theme in roadmap.themes:
        page.goto(f"{site_url}briefing-pack/?item={theme.id}")
        pages[theme.id] = len(_print(page))
    assert {theme: count for theme, count in pages.items() if count > 2} == {}


def test_the_briefing_prints_a_cover_then_about_a_page_per_theme(
    page: Page, browser: Browser, site_url: str, roadmap: Roadmap
) -> None:
    page.goto(site_url + "briefing/")
    sheets = _print(page)
    assert len(sheets) <= 1 + len(roadmap.themes)
    cover = sheets[0]
    assert cover.lines[0].startswith("Briefing: the")
    assert (
        _missing(
            [
                "Contents",
                f"Source: {roadmap.source.publisher}",
                roadmap.document.date,
                f"{PERMANENT}source/",
                f"{PERMANENT}briefing/",
                *_titles(roadmap),
            ],
            cover.text,
        )
        == []
    )
    assert cover.reach > 0.8, cover.reach
    assert f"Theme {roadmap.themes[0].number}: {roadmap.themes[0].short_title}" == sheets[1].lines[0]
    _check_sheets(sheets, page, _headings(roadmap), cover=True)
    text = "\n".join(sheet.text for sheet in sheets[1:])
    expected = [f"{PERMANENT}themes/{t.id}/#{p.id}" for t in roadmap.themes for p in t.priorities]
    expected += [q.text for t in roadmap.themes for p in t.priorities for q in p.quotes]
    assert _missing(expected, text) == []
    assert _quote_colours(browser, site_url + "briefing/") == {BLACK}


def test_a_theme_page_prints_its_text_with_every_address_once(
    page: Page, browser: Browser, site_url: str, roadmap: Roadmap
) -> None:
    theme = max(roadmap.themes, key=lambda t: len(t.priorities))
    page.goto(f"{site_url}themes/{theme.id}/")
    sheets = _print(page)
    assert len(sheets) <= 3
    assert sheets[0].reach > 0.8, sheets[0].reach
    _check_sheets(
        sheets, page, [theme.title] + [f"{theme.number}.{n} {p.title}" for n, p in enumerate(theme.priorities, 1)]
    )
    text = "\n".join(sheet.text for sheet in sheets)
    expected = [f"{PERMANENT}themes/{theme.id}/#{p.id}" for p in theme.priorities]
    expected += [q.text for p in theme.priorities for q in p.quotes]
    assert _missing(expected, text) == []
    assert _quote_colours(browser, f"{site_url}themes/{theme.id}/") == {BLACK}


@pytest.mark.parametrize("mode", MODES, ids=[mode.name for mode in MODES])
def test_a_filled_pack_has_no_axe_violations(browser: Browser, site_url: str, roadmap: Roadmap, mode: Mode) -> None:
    """The sitemap's pack page, which the page-type scans check (test_browser_a11y.py), is empty; here
    the pack shows two themes and a priority."""
    themes, priority = _two_themes_and_a_priority(roadmap)
    context = new_context(browser, mode)
    page = context.new_page()
    page.goto(f"{site_url}briefing-pack/{_pack_query([themes[0].id, priority.id, themes[1].id])}")
    stop_motion(page)
    violations = describe(run_axe(page))
    context.close()
    assert violations == []


def test_a_shared_pack_address_opens_the_same_pack(page: Page, site_url: str, roadmap: Roadmap) -> None:
    theme = roadmap.themes[1]
    page.goto(f"{site_url}briefing-pack/?item={theme.id}")
    shown = page.locator("[data-r2p-priority]:visible")
    assert [shown.nth(i).get_attribute("data-r2p-priority") for i in range(shown.count())] == [
        p.id for p in theme.priorities
    ]
    assert page.locator(f'input[value="{theme.id}"]').is_checked()
    assert page.locator("[data-r2p-pack-url]").inner_text() == f"{PERMANENT}briefing-pack/?item={theme.id}"


def test_print_styles_hide_furniture_and_keep_quotes_whole(page: Page, site_url: str, roadmap: Roadmap) -> None:
    page.goto(f"{site_url}themes/{roadmap.themes[0].id}/")
    page.locator("article abbr").first.hover()  # a reader who prints with the pointer on a term
    page.locator(".md-tooltip2--active").wait_for()
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => ({
            header: getComputedStyle(document.querySelector('.md-header')).display,
            tooltip: getComputedStyle(document.querySelector('.md-tooltip2')).display,
            sidebar: getComputedStyle(document.querySelector('.md-sidebar')).display,
            button: getComputedStyle(document.querySelector('button.r2p-copy')).display,
            quote: getComputedStyle(document.querySelector('.r2p-quote')).breakInside,
        })"""
    )
    assert styles == {"header": "none", "tooltip": "none", "sidebar": "none", "button": "none", "quote": "avoid"}
