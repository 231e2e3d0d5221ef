"""Helpers for the browser tests: the site's pages read from its sitemap, viewports, axe-core and
waiting for Material's search results."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 375, "height": 667}
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
# Full-page screenshots cost a third of the accessibility scans' time; they are taken on request.
TAKE_SCREENSHOTS = os.environ.get("R2P_SCREENSHOTS") == "1"

# axe-core comes from a registry package (a dev dependency); only its script file is used.
AXE_SCRIPT = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, dialog names, headings).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@dataclass(frozen=True)
class Mode:
    """A way a reader meets the site: screen size and colour scheme."""

    name: str
    viewport: ViewportSize
    scheme: Literal["light", "dark"]


MODES = [
    Mode("desktop-light", DESKTOP, "light"),
    Mode("desktop-dark", DESKTOP, "dark"),
    Mode("mobile-light", MOBILE, "light"),
    Mode("mobile-dark", MOBILE, "dark"),
]


def sitemap_paths(site_dir: Path) -> list[str]:
    """Every page of the built site as a path relative to its root ('' is the home page)."""
    text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<loc>(.*?)</loc>", text)
    root = min(urls, key=len)
    return [url.removeprefix(root) for url in urls]


def page_type(path: str) -> str:
    """The kind of page a path is: its first folder ('themes' for every theme page), or 'home'."""
    return path.split("/")[0].removesuffix(".html") or "home"


def language_folders(site_dir: Path) -> list[str]:
    """The folders of the site's other languages ('fr/', 'es/'): each a site of its own, with its own search."""
    return sorted(
        f"{folder.name}/" for folder in site_dir.iterdir() if (folder / "search" / "search_index.json").is_file()
    )


def language_sample(site_dir: Path) -> list[str]:
    """A few pages of each other language, for the slower browser checks: the home page, a theme page,
    About, the consensus map, the quote explorer, the source document, the Data page and the error page."""
    pages = ["", "themes/veto-restraint/", "about/", "consensus/", "quotes/", "source/", "data/", "404.html"]
    return [folder + page for folder in language_folders(site_dir) for page in pages]


def page_types(site_dir: Path) -> dict[str, str]:
    """One page of each kind, derived from the sitemap, plus the 404 page."""
    types: dict[str, str] = {}
    for path in sitemap_paths(site_dir):
        types.setdefault(page_type(path), path)
    types["404"] = "404.html"
    return types


def new_context(browser: Browser, mode: Mode) -> BrowserContext:
    """A fresh browser context with the mode's viewport and preferred colour scheme."""
    return browser.new_context(viewport=mode.viewport, color_scheme=mode.scheme)


def stop_motion(page: Page) -> None:
    """Turn off transitions and animations, so checks see the state the page settles in, not a fade."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")


def run_axe(page: Page, within: str | None = None) -> list[dict[str, object]]:
    """axe-core's violations on the page as loaded, for the AXE_TAGS rule set; with `within` (a CSS
    selector), in the elements it matches only, for a test about one part of a page that the page-type
    scans have already checked as a whole."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    # Only violations are read: axe then skips collecting the details of the rules that pass.
    result = page.evaluate(
        """([within, tags]) => axe.run(within ? {include: [within]} : document,
            {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [within, AXE_TAGS],
    )
    return list(result["violations"])


def describe(violations: list[dict[str, object]]) -> list[str]:
    """One line per violation: rule id and the first offending elements."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        assert isinstance(nodes, list)
        targets = [node["target"] for node in nodes[:3]]
        lines.append(f"{violation['id']}: {violation['help']} {targets}")
    return lines


# Watches the search result list from before the query is typed: `window.r2pSettled` resolves once the
# list has changed, holds a result and has then stayed as it is for a moment; it fails after 10 s.
_WATCH = """() => {
  const root = document.querySelector('.md-search-result');
  window.r2pSettled = new Promise((resolve, reject) => {
    let quiet;
    const done = () => { clearTimeout(fail); observer.disconnect(); resolve(); };
    const fail = setTimeout(() => { observer.disconnect(); reject(new Error('no search results in 10 s')); }, 10000);
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      if (root.querySelector('.md-search-result__item')) quiet = setTimeout(done, 250);
    });
    observer.observe(root, {subtree: true, childList: true, characterData: true});
  });
}"""


def search_results(page: Page, query: str) -> list[str]:
    """Type `query` into the page's search box and return the result pages' URLs, best first.

    Material searches for the box's text when a key is released (and when the box gains focus). The
    text is filled in whole and then End pressed, so that the one search made is for the whole text:
    typing it key by key would search each shorter prefix on the way (about two seconds a French
    query), and a letter such as "é" is entered without a key's release, so a query ending in one would
    be searched without it. When the box already holds `query`, the list shows its results: Material
    does not search for the same text twice."""
    box = page.locator("input.md-search__input")
    box.click()
    if box.input_value() != query:
        page.evaluate(_WATCH)
        box.fill(query)
        box.press("End")
        page.evaluate("window.r2pSettled")
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    return [str(href) for href in links.evaluate_all("links => links.map(link => link.href)")]


# Where an element sits relative to the sticky header, once the browser has scrolled to it.
_PLACE = """async id => {
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = document.getElementById(id).getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  return {top: Math.round(box.top), header: Math.round(header.bottom), height: innerHeight};
}"""


def anchor_in_view(page: Page, url: str, anchor: str) -> bool:
    """Open `url#anchor` and tell whether the anchored element's top shows below the header: as a link
    from elsewhere arrives (a fresh load) or, when the page is already open, as a link within it does."""
    if urlsplit(page.url)._replace(fragment="").geturl() != url:
        page.goto("about:blank")
    page.goto(f"{url}#{anchor}")
    place = page.evaluate(_PLACE, anchor)
    return bool(place["header"] <= place["top"] < place["height"])


def same_page(url: str, base: str, path: str) -> bool:
    """Whether `url` (which may carry a query or fragment) is the page at `path` under `base`."""
    return urlsplit(url)._replace(query="", fragment="").geturl() == base + path
