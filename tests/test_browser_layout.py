"""Layout in the real browser: nothing scrolls sideways at 375 px, the navigation drawer works, and
deep links to priorities and quotes land below the sticky header."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from r2p_roadmap.model import Roadmap

from .browser_support import DESKTOP, MOBILE, anchor_in_view, language_folders, sitemap_paths

pytestmark = pytest.mark.browser

# Whether the page scrolls sideways, and which elements stick out past the viewport's right edge
# other than inside a box that scrolls by itself (a code block, a wide matrix); those boxes must fit.
_OVERFLOW = """() => {
  window.scrollTo(10000, 0);
  const scrolled = window.scrollX;
  window.scrollTo(0, 0);
  const width = document.documentElement.clientWidth;
  const sticksOut = element => element.getBoundingClientRect().right > width + 1;
  // Inside a box that scrolls or clips sideways, an element widens the page only if the box does.
  const inScrollBox = element => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(box).overflowX)) return !sticksOut(box);
    }
    return false;
  };
  const wide = [...document.querySelectorAll(".md-content *, .md-header *, .md-footer *, .r2p-band *")]
    .filter(element => element.checkVisibility() && sticksOut(element) && !inScrollBox(element))
    .map(element => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.slice(0, 30)}"`);
  return {scrolled, wide: wide.slice(0, 5)};
}"""


@pytest.fixture
def mobile_page(browser: Browser) -> Page:
    """A page 375 px wide and 667 px high, as on a small phone."""
    return browser.new_context(viewport=MOBILE).new_page()


def test_no_page_scrolls_sideways_at_375_px(mobile_page: Page, site_url: str, site_dir: Path) -> None:
    problems = {}
    for path in [*sitemap_paths(site_dir), "404.html"]:
        mobile_page.goto(site_url + path)
        overflow = mobile_page.evaluate(_OVERFLOW)
        if overflow["scrolled"] or overflow["wide"]:
            problems[path or "/"] = overflow
    mobile_page.context.close()
    assert problems == {}


def test_no_page_of_the_other_languages_scrolls_sideways_at_375_px(
    mobile_page: Page, site_url: str, site_dir: Path
) -> None:
    problems = {}
    folders = language_folders(site_dir)
    assert folders
    for folder in folders:
        for path in [*sitemap_paths(site_dir / folder), "404.html"]:
            mobile_page.goto(site_url + folder + path)
            overflow = mobile_page.evaluate(_OVERFLOW)
            if overflow["scrolled"] or overflow["wide"]:
                problems[folder + path] = overflow
    mobile_page.context.close()
    assert problems == {}


def test_drawer_opens_and_leads_to_a_page(mobile_page: Page, site_url: str) -> None:
    mobile_page.goto(site_url)
    drawer = mobile_page.get_by_role("navigation", name="Navigation")
    link = drawer.get_by_role("link", name="Source document")
    assert not link.is_visible()
    mobile_page.get_by_role("button", name="Navigation").click()
    link.click()
    assert mobile_page.url == site_url + "source/"
    assert not mobile_page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Actors").is_visible()
    mobile_page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_deep_links_land_below_the_header(
    browser: Browser, site_url: str, roadmap: Roadmap, viewport: ViewportSize
) -> None:
    page = browser.new_context(viewport=viewport).new_page()
    hidden = []
    # Every theme in English; in each other language, the first and the last theme.
    urls = [(f"{site_url}themes/{theme.id}/", theme) for theme in roadmap.themes]
    urls += [
        (f"{site_url}{code}/themes/{theme.id}/", theme)
        for code in roadmap.languages[1:]
        for theme in (roadmap.themes[0], roadmap.themes[-1])
    ]
    for url, theme in urls:
        first, last = theme.priorities[0], theme.priorities[-1]
        for anchor in (first.id, first.quotes[0].id, last.quotes[-1].id):
            if not anchor_in_view(page, url, anchor):
                hidden.append(f"{url}#{anchor}")
    page.context.close()
    assert hidden == []
