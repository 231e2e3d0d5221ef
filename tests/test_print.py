"""Printing in headless Chromium: the briefing page and a built pack print their content and links
without the site's navigation, each briefing theme on its own page."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.model import Roadmap

from .conftest import ROOT

pytestmark = pytest.mark.browser

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")
# Text that only the site's furniture shows: header, navigation, table of contents, footer, buttons.
CHROME = ("Skip to content", "Table of contents", "Made with", "Editing guide", "Copy link", "Copy citation", "Cite")


def _pdf_pages(page: Page) -> list[str]:
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf())).pages]


def _squeezed(text: str) -> str:
    """Text without whitespace, so that lines wrapped in the PDF (long URLs) compare whole."""
    return "".join(text.split())


def _missing(texts: list[str], pdf_text: str) -> list[str]:
    squeezed = _squeezed(pdf_text)
    return [text for text in texts if _squeezed(text) not in squeezed]


def test_briefing_page_prints_every_theme_on_its_own_page_with_urls(
    page: Page, site_url: str, roadmap: Roadmap
) -> None:
    page.goto(site_url + "briefing/")
    sheets = _pdf_pages(page)
    text = "\n".join(sheets)
    for theme in roadmap.themes:
        heading = f"Theme {theme.number}: {theme.short_title}"
        starts = [n for n, sheet in enumerate(sheets) if sheet.lstrip().startswith(heading)]
        if theme.number == 1:
            starts = [n for n, sheet in enumerate(sheets) if heading in sheet[:800]]
        assert len(starts) == 1, heading
    expected = [f"{PERMANENT}themes/{t.id}/#{p.id}" for t in roadmap.themes for p in t.priorities]
    expected += [q.text for t in roadmap.themes for p in t.priorities for q in p.quotes]
    expected.append(f"<{PERMANENT}source/#p{roadmap.themes[0].priorities[0].quotes[0].paragraph}>")
    assert _missing(expected, text) == []
    assert [word for word in CHROME if word in text] == []


def test_a_built_pack_prints_only_its_choice_on_one_page(page: Page, site_url: str, roadmap: Roadmap) -> None:
    chosen = [roadmap.themes[0].priorities[0], roadmap.themes[3].priorities[0]]
    left_out = [p for t in roadmap.themes for p in t.priorities if p not in chosen]
    page.goto(site_url + "briefing-pack/")
    for priority in chosen:
        page.locator(f'input[value="{priority.id}"]').check()
    page.get_by_role("button", name="Show the pack").click()
    query = "?" + "&".join(f"item={p.id}" for p in chosen)
    assert page.evaluate("location.search") == query
    sheets = _pdf_pages(page)
    assert len(sheets) == 1
    text = sheets[0]
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
    assert [word for word in (*CHROME, "Show the pack", "Make a briefing pack") if word in text] == []


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
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => ({
            header: getComputedStyle(document.querySelector('.md-header')).display,
            sidebar: getComputedStyle(document.querySelector('.md-sidebar')).display,
            button: getComputedStyle(document.querySelector('button.r2p-copy')).display,
            quote: getComputedStyle(document.querySelector('.r2p-quote')).breakInside,
        })"""
    )
    assert styles == {"header": "none", "sidebar": "none", "button": "none", "quote": "avoid"}
