"""Every page of the built site, in every language, opened once in the browser, and what each visit
shows checked by the tests below: one `<h1>` and no skipped heading level, the landmarks and the page's
language, no script error, no request to a host other than the site's own, and the quote picker on the
Source page only."""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pytest
from filelock import FileLock
from playwright.sync_api import Browser

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.model import Roadmap

from .browser_support import DESKTOP, page_types, search_results, sitemap_paths
from .conftest import ROOT, run_folder

pytestmark = pytest.mark.browser

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")  # where the site is published

# The headings' levels, the landmarks by ARIA role and the page's language, read in one call.
_READ = """() => {
  return {
    levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1])),
    lang: document.documentElement.lang,
  };
}"""
# Select the page's whole content, and tell whether the quote picker showed and is loaded at all.
# Listeners run in the order they were added: by the time this one runs, the picker's has.
_PICKER = """() => new Promise(resolve => {
  document.addEventListener("selectionchange", () => {
    const picker = document.querySelector(".r2p-picker");
    resolve([picker !== null && !picker.hidden, "r2pQuotePicker" in window]);
  }, {once: true});
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(".md-content__inner"));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
})"""
_ROLES: tuple[Literal["banner", "main", "contentinfo", "navigation", "search"], ...] = (
    "banner",
    "main",
    "contentinfo",
    "navigation",
    "search",
)


@dataclass
class Visit:
    """What one page showed: heading levels, landmark counts, language, whether the quote picker
    showed for a selection and is loaded, and script errors."""

    levels: list[int]
    landmarks: dict[str, int]
    lang: str
    picker: list[bool]
    errors: list[str] = field(default_factory=list)


@dataclass
class Tour:
    """Every page's visit by path, every request the browser made on the way, and the site's address."""

    visits: dict[str, Visit]
    requests: list[str]
    site_url: str


@pytest.fixture(scope="module")
def tour(
    browser: Browser, site_url: str, site_dir: Path, roadmap: Roadmap, tmp_path_factory: pytest.TempPathFactory
) -> Tour:
    """The tour (see take_tour), made once for the whole run: the workers of `pytest -n` may share this
    module's tests, and the second to ask reads what the first recorded, under a lock."""
    shared = run_folder(tmp_path_factory)
    record = shared / "tour.json"
    with FileLock(shared / "tour.lock"):
        if not record.is_file():
            record.write_text(json.dumps(asdict(take_tour(browser, site_url, site_dir, roadmap))), encoding="utf-8")
        data = json.loads(record.read_text(encoding="utf-8"))
    return Tour({path: Visit(**visit) for path, visit in data["visits"].items()}, data["requests"], data["site_url"])


def take_tour(browser: Browser, site_url: str, site_dir: Path, roadmap: Roadmap) -> Tour:
    """Each page of each language's sitemap and its 404 page, plus addresses that only scripts make whole
    (a pack from the address, a short link, a withdrawn page), opened at desktop size; the page types wait
    until the network is idle, so that what the page loads late (the search index) is recorded too.
    Search is used once in each language at the end."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    types = set(page_types(site_dir).values())
    extra = [f"briefing-pack/?item={roadmap.themes[0].id}", "briefing-pack/?item=x", "1/"]
    # Every page of the other languages' sites too, each with its own sitemap and error page.
    others = [
        f"{code}/{path}"
        for code in roadmap.languages[1:]
        for path in [*sitemap_paths(site_dir / code), "404.html", f"briefing-pack/?item={roadmap.themes[0].id}"]
    ]
    visits = {}
    for path in [*sitemap_paths(site_dir), "404.html", *extra, *others]:
        page.goto(site_url + path, wait_until="networkidle" if path in types else "load")
        page.wait_for_load_state("load")  # the page a short link leads to, once it has
        read = page.evaluate(_READ)
        landmarks: dict[str, int] = {role: page.get_by_role(role).count() for role in _ROLES}
        visits[path] = Visit(read["levels"], landmarks, read["lang"], page.evaluate(_PICKER), errors[:])
        errors.clear()
    for code in ("", *(f"{code}/" for code in roadmap.languages[1:])):
        page.goto(site_url + code)
        search_results(page, "veto")
    context.close()
    return Tour(visits, requests, site_url)


def test_every_page_has_one_h1_and_no_skipped_heading_level(tour: Tour) -> None:
    problems = {}
    for path, visit in tour.visits.items():
        skipped = [f"h{a}→h{b}" for a, b in itertools.pairwise(visit.levels) if b > a + 1]
        if visit.levels.count(1) != 1 or visit.levels[:1] != [1] or skipped:
            problems[path or "/"] = (visit.levels.count(1), skipped)
    assert problems == {}


def test_every_page_has_landmarks_and_a_language(tour: Tour, roadmap: Roadmap) -> None:
    found = {
        path: (
            visit.lang,
            {role: (n > 0 if role in ("navigation", "search") else n) for role, n in visit.landmarks.items()},
        )
        for path, visit in tour.visits.items()
    }
    landmarks = {"banner": 1, "main": 1, "contentinfo": 1, "navigation": True, "search": True}
    language = {path: code for path in found for code in roadmap.languages[1:] if path.startswith(f"{code}/")}
    assert {path: seen for path, seen in found.items() if seen != (language.get(path, "en"), landmarks)} == {}


def test_scripts_run_without_errors_on_every_page(tour: Tour) -> None:
    assert {path: visit.errors for path, visit in tour.visits.items() if visit.errors} == {}


def _material_sitemap_probe(url: str) -> bool:
    """Material asks for sitemap.xml beside each hreflang address of a page (to switch language in
    place). Those addresses are the published site's own, so in a copy served here they point away;
    once published they are requests to the site itself. (The offline copy has no hreflang links.)"""
    parts = urlsplit(url)
    return parts.netloc == urlsplit(PERMANENT).netloc and parts.path.endswith("/sitemap.xml")


def test_no_request_goes_to_another_host(tour: Tour) -> None:
    site = urlsplit(tour.site_url).netloc
    assert len(tour.requests) > len(tour.visits)
    assert any(url.endswith("search/search_index.json") for url in tour.requests)
    web = [url for url in tour.requests if urlsplit(url).scheme in ("http", "https")]
    assert [url for url in web if urlsplit(url).netloc != site and not _material_sitemap_probe(url)] == []
    assert [url for url in tour.requests if urlsplit(url).scheme not in ("http", "https", "data", "blob")] == []


def test_only_the_source_page_has_the_quote_picker(tour: Tour) -> None:
    shown = {path: visit.picker for path, visit in tour.visits.items() if any(visit.picker)}
    assert shown == {f"{code}source/": [True, True] for code in ("", "fr/", "es/")}
