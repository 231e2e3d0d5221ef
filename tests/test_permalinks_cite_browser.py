"""The Link · Cite disclosure in headless Chromium: copying, keyboard, no JavaScript, layout, print, axe."""

from __future__ import annotations

import datetime
import re
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render.citations import ACCESSED_FALLBACK, format_citations, priority_cited, quote_cited

from .browser_support import describe, run_axe
from .conftest import ROOT

pytestmark = pytest.mark.browser

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")
# The reader's clock in these tests, so that the access date is known.
TODAY = datetime.datetime(2026, 3, 7, 12, 0)
TODAY_TEXT = {"{month} {day}, {year}": "March 7, 2026", "{day} {month} {year}": "7 March 2026"}
TODAY_IN = {"fr": "7 mars 2026", "es": "7 de marzo de 2026"}


def _item_urls(roadmap: Roadmap, theme_index: int) -> list[str]:
    theme = roadmap.themes[theme_index]
    url = f"{PERMANENT}themes/{theme.id}/"
    return [url] + [f"{url}#{x}" for p in theme.priorities for x in (p.id, *(q.id for q in p.quotes))]


def _announced(page: Page, message: str) -> str:
    page.wait_for_function("message => document.querySelector('.r2p-live').textContent === message", arg=message)
    clipboard: str = page.evaluate("navigator.clipboard.readText()")
    return clipboard


def test_copy_buttons_put_the_link_and_each_formatted_citation_on_the_clipboard(
    browser: Browser, site_url: str, roadmap: Roadmap
) -> None:
    theme = roadmap.themes[3]
    priority = theme.priorities[0]
    quote = priority.quotes[-1]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.clock.set_fixed_time(TODAY)
        page.goto(f"{site_url}themes/{theme.id}/")
        # Opened by keyboard: the summary takes focus and Enter opens it.
        summary = page.locator("details.r2p-cite > summary").filter(has_text=f": priority {theme.number}.1")
        summary.focus()
        page.keyboard.press("Enter")
        panel = summary.locator("xpath=..")
        assert panel.get_attribute("open") is not None

        url = f"{PERMANENT}themes/{theme.id}/#{priority.id}"
        panel.get_by_role("button", name=f"Copy link to priority {theme.number}.1").click()
        assert _announced(page, f"Link copied to the clipboard: {url}") == url

        expected = format_citations(roadmap, priority_cited(roadmap, theme, priority, PERMANENT))
        for formatted in expected:
            shown = panel.locator(f'.r2p-cite__text[data-r2p-style="{formatted.style.key}"] .r2p-accessed')
            assert shown.inner_text() == TODAY_TEXT[formatted.date_form]
            page.evaluate("document.querySelector('.r2p-live').textContent = ''")
            panel.get_by_role(
                "button", name=f"Copy the {formatted.style.label} citation of priority {theme.number}.1"
            ).click()
            copied = _announced(page, "Citation copied to the clipboard.")
            assert copied == formatted.text.replace(ACCESSED_FALLBACK, TODAY_TEXT[formatted.date_form])
            assert copied.startswith("Global Centre for the Responsibility to Protect")

        # A quote's citation carries its paragraph of the original.
        index = priority.quotes.index(quote) + 1
        quote_summary = page.locator("details.r2p-cite > summary").filter(
            has_text=f": quote {index} of priority {theme.number}.1"
        )
        quote_summary.click()
        oscola = format_citations(roadmap, quote_cited(roadmap, theme, priority, quote, PERMANENT))[2]
        page.evaluate("document.querySelector('.r2p-live').textContent = ''")
        quote_summary.locator("xpath=..").get_by_role(
            "button", name=f"Copy the OSCOLA citation of quote {index} of priority {theme.number}.1"
        ).click()
        copied = _announced(page, "Citation copied to the clipboard.")
        assert copied == oscola.text.replace(ACCESSED_FALLBACK, TODAY_TEXT["{day} {month} {year}"])
        assert f" para {quote.paragraph} " in copied and copied.endswith(
            f"accessed {TODAY_TEXT['{day} {month} {year}']}."
        )
    finally:
        context.close()


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_translated_pages_citations_get_the_readers_date_in_its_language(
    browser: Browser, site_url: str, roadmap: Roadmap, code: str
) -> None:
    page = browser.new_page()
    try:
        page.clock.set_fixed_time(TODAY)
        page.goto(f"{site_url}{code}/themes/{roadmap.themes[3].id}/")
        dates = page.locator(".r2p-accessed").all_text_contents()
        assert len(dates) > 20 and set(dates) == {TODAY_IN[code]}
    finally:
        page.close()


def test_the_disclosure_works_without_javascript_and_shows_the_url_inside(
    browser: Browser, site_url: str, roadmap: Roadmap
) -> None:
    theme = roadmap.themes[3]
    url = f"{PERMANENT}themes/{theme.id}/#{theme.priorities[0].id}"
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}themes/{theme.id}/")
        permalink = page.locator(f'a.r2p-permalink[href="{url}"]')
        assert permalink.is_hidden()
        summary = page.locator("details.r2p-cite > summary").filter(has_text=f": priority {theme.number}.1")
        summary.focus()
        page.keyboard.press("Enter")
        assert permalink.is_visible() and permalink.inner_text() == url
        panel = summary.locator("xpath=..")
        assert panel.locator("button.r2p-copy").first.is_hidden()  # nothing to copy with
        assert panel.locator(".r2p-accessed").first.inner_text() == ACCESSED_FALLBACK
        assert panel.locator(".r2p-cite__nojs").is_visible()
        assert panel.get_by_role("link", name="RIS").is_visible()
        page.keyboard.press("Enter")
        assert permalink.is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1366])
def test_theme_page_shows_no_url_and_one_control_per_item(
    browser: Browser, site_url: str, roadmap: Roadmap, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        for index, theme in enumerate(roadmap.themes):
            page.goto(f"{site_url}themes/{theme.id}/")
            article = page.locator("article")
            assert not re.search(r"https?://|www\.", article.inner_text()), theme.id
            items = len(_item_urls(roadmap, index))
            controls = article.locator("details.r2p-cite > summary")
            assert controls.count() == items
            assert (
                controls.evaluate_all(
                    "all => all.filter(e => e.checkVisibility() && e.getBoundingClientRect().width > 0).length"
                )
                == items
            )
            assert article.locator("button:visible").count() == 0  # no copy button outside a disclosure
        # Open, a disclosure fits the narrow screen: nothing scrolls sideways.
        page.locator("details.r2p-cite > summary").first.click()
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        context.close()


def test_in_print_each_permanent_url_appears_once(page: Page, site_url: str, roadmap: Roadmap) -> None:
    theme = roadmap.themes[3]
    page.goto(f"{site_url}themes/{theme.id}/")
    page.locator("details.r2p-cite > summary").first.click()  # an open disclosure prints no more
    page.emulate_media(media="print")
    words = page.locator("article").inner_text().split()
    for url in _item_urls(roadmap, 3):
        assert words.count(url) == 1, url
    assert not page.locator("details.r2p-cite").first.is_visible()


@pytest.mark.parametrize(("width", "scheme"), [(375, "light"), (375, "dark"), (1366, "light"), (1366, "dark")])
def test_open_disclosures_have_no_axe_violations(
    browser: Browser, site_url: str, roadmap: Roadmap, width: int, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(f"{site_url}themes/{roadmap.themes[3].id}/")
        page.evaluate("document.querySelectorAll('details.r2p-cite').forEach(d => { d.open = true; })")
        # The page as loaded is scanned with every page type (test_browser_a11y.py); here, what opening
        # the disclosures shows.
        violations = run_axe(page, "details.r2p-cite")
        assert violations == [], describe(violations)
    finally:
        context.close()
