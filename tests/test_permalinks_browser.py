"""Permanent links in headless Chromium: old addresses and anchors, short links, files (the Link · Cite
disclosure is tested in test_permalinks_cite_browser.py)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from r2p_roadmap.build import Project
from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.build.offline import FOLDER
from r2p_roadmap.model import Roadmap
from r2p_roadmap.paths import ZIP_PATH
from r2p_roadmap.validate import load_roadmap

from .conftest import NEW_PRIORITY, NEW_THEME, OLD_PRIORITY, OLD_THEME, ROOT, WITHDRAWN_QUOTE, serve

pytestmark = pytest.mark.browser

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def renamed(renamed_project: Project) -> Iterator[tuple[str, Path, Roadmap]]:
    """The renamed site (conftest.py) served: its address, its folder and its roadmap."""
    with serve(renamed_project.site_dir) as url:
        yield url, renamed_project.site_dir, load_roadmap(renamed_project.roadmap)


@pytest.fixture(scope="module")
def renamed_offline(renamed_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The renamed site's downloadable copy, whose pages are files (themes/x.html), unzipped as a reader would."""
    offline = tmp_path_factory.mktemp("renamed-offline")
    with zipfile.ZipFile(renamed_project.site_dir / ZIP_PATH) as archive:
        archive.extractall(offline)
    return offline / FOLDER


def _land(page: Page, start: str, expected: str) -> None:
    """Open `start` and wait until the address is `expected` (path and #anchor)."""
    page.goto(start)
    page.wait_for_function("expected => location.pathname + location.hash === expected", arg=expected)


def _target(page: Page) -> dict[str, object]:
    target: dict[str, object] = page.evaluate(
        """() => {
            const element = document.querySelector(':target');
            if (!element) return {};
            const box = element.getBoundingClientRect();
            return {id: element.id, tag: element.tagName.toLowerCase(), text: element.textContent,
                    visible: box.top >= 0 && box.top < window.innerHeight};
        }"""
    )
    return target


@pytest.mark.parametrize(
    ("start", "expected", "tag"),
    [
        (f"themes/{OLD_THEME}/#{OLD_PRIORITY}", f"/themes/{NEW_THEME}/#{NEW_PRIORITY}", "h2"),
        (f"themes/{OLD_THEME}/#{OLD_THEME}", f"/themes/{NEW_THEME}/#{NEW_THEME}", "h1"),
        (f"themes/{NEW_THEME}/#{OLD_PRIORITY}", f"/themes/{NEW_THEME}/#{NEW_PRIORITY}", "h2"),
        (f"themes/{OLD_THEME}/#{OLD_PRIORITY}-crucial", f"/themes/{NEW_THEME}/#{OLD_PRIORITY}-crucial", "figure"),
        (f"4/#{OLD_PRIORITY}", f"/themes/{NEW_THEME}/#{NEW_PRIORITY}", "h2"),
        (f"briefing/#{OLD_PRIORITY}", f"/themes/{NEW_THEME}/#{NEW_PRIORITY}", "h2"),
        (f"themes/{OLD_THEME}/#{WITHDRAWN_QUOTE}", f"/withdrawn/#{WITHDRAWN_QUOTE}", "h2"),
    ],
)
def test_old_address_and_anchor_land_on_the_right_element(
    page: Page, renamed: tuple[str, Path, Roadmap], start: str, expected: str, tag: str
) -> None:
    url, _, roadmap = renamed
    _land(page, url + start, expected)
    target = _target(page)
    anchor = expected.partition("#")[2]
    assert (target["id"], target["tag"], target["visible"]) == (anchor, tag, True)
    if anchor == NEW_PRIORITY:
        title = next(p.title for t in roadmap.themes for p in t.priorities if p.id == NEW_PRIORITY)
        assert title in str(target["text"])


def test_old_theme_address_without_anchor_lands_on_the_renamed_theme(
    page: Page, renamed: tuple[str, Path, Roadmap]
) -> None:
    url, _, roadmap = renamed
    _land(page, url + f"themes/{OLD_THEME}/", f"/themes/{NEW_THEME}/")
    theme = next(t for t in roadmap.themes if t.id == NEW_THEME)
    assert page.locator("h1").get_attribute("id") == NEW_THEME
    assert page.locator("h1").inner_text().removesuffix("¶") == f"Theme {theme.number}: {theme.short_title}"


def test_withdrawn_link_explains_and_points_to_the_nearest_content(
    page: Page, renamed: tuple[str, Path, Roadmap]
) -> None:
    url, _, _ = renamed
    _land(page, url + f"themes/{NEW_THEME}/#{WITHDRAWN_QUOTE}", f"/withdrawn/#{WITHDRAWN_QUOTE}")
    section = page.locator(f"#{WITHDRAWN_QUOTE} ~ p").first
    assert section.inner_text() == "The sentence only restated the priority."
    page.locator("a.r2p-nearest").click()
    page.wait_for_function("expected => location.hash === expected", arg=f"#{NEW_PRIORITY}")
    assert page.evaluate("location.pathname") == f"/themes/{NEW_THEME}/"


def test_old_id_in_a_shared_pack_still_selects_its_priority(page: Page, renamed: tuple[str, Path, Roadmap]) -> None:
    url, _, _ = renamed
    page.goto(url + f"briefing-pack/?item={OLD_PRIORITY}")
    assert page.locator(f'[data-r2p-priority="{NEW_PRIORITY}"]').is_visible()
    assert page.evaluate("location.search") == f"?item={NEW_PRIORITY}"


def test_redirects_work_in_a_downloaded_copy(page: Page, renamed: tuple[str, Path, Roadmap]) -> None:
    _, site_dir, _ = renamed
    start = (site_dir / "themes" / OLD_THEME / "index.html").as_uri() + f"#{OLD_PRIORITY}"
    page.goto(start)
    page.wait_for_function("() => location.pathname.includes('veto-pledge')")
    assert page.evaluate("location.pathname + location.hash") == (
        (site_dir / "themes" / NEW_THEME / "index.html").as_uri().removeprefix("file://") + f"#{NEW_PRIORITY}"
    )


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (f"themes/{NEW_THEME}.html#{OLD_PRIORITY}", f"themes/{NEW_THEME}.html#{NEW_PRIORITY}"),
        (f"index.html#{OLD_PRIORITY}", f"themes/{NEW_THEME}.html#{NEW_PRIORITY}"),
        (f"briefing.html#{WITHDRAWN_QUOTE}", f"withdrawn.html#{WITHDRAWN_QUOTE}"),
    ],
)
def test_old_anchors_work_in_a_copy_whose_pages_are_files(
    page: Page, renamed_offline: Path, start: str, expected: str
) -> None:
    files = renamed_offline
    (start_file, _, start_anchor), (file, _, anchor) = start.partition("#"), expected.partition("#")
    page.goto(f"{(files / start_file).as_uri()}#{start_anchor}")
    target = f"{(files / file).as_uri().removeprefix('file://')}#{anchor}"
    page.wait_for_function("expected => location.pathname + location.hash === expected", arg=target)
    assert _target(page)["id"] == anchor


def test_short_links_lead_to_each_theme(page: Page, site_url: str, roadmap: Roadmap) -> None:
    for theme in roadmap.themes:
        _land(page, f"{site_url}{theme.number}/", f"/themes/{theme.id}/")
        assert page.locator("h1").get_attribute("id") == theme.id
        # Inside the theme's Link · Cite disclosure, closed as the page opens.
        assert page.locator(".r2p-shortlink").first.text_content() == f"{PERMANENT}{theme.number}/"
    priority = roadmap.themes[-1].priorities[-1]
    _land(
        page, f"{site_url}{roadmap.themes[-1].number}/#{priority.id}", f"/themes/{roadmap.themes[-1].id}/#{priority.id}"
    )
    assert _target(page)["id"] == priority.id


def test_quote_link_icon_appears_on_keyboard_focus(page: Page, site_url: str, roadmap: Roadmap) -> None:
    quote = roadmap.themes[0].priorities[0].quotes[0]
    page.goto(f"{site_url}themes/{roadmap.themes[0].id}/")
    icon = page.locator(f"#{quote.id} a.r2p-anchor")
    assert icon.evaluate("element => getComputedStyle(element).opacity") == "0"
    icon.focus()
    page.wait_for_function("element => getComputedStyle(element).opacity === '1'", arg=icon.element_handle())
    assert icon.get_attribute("href") == f"#{quote.id}"
