"""The Quote explorer lists every quote; in a real browser its filters show the right quotes, announce
the count, work from the keyboard and from the address; without JavaScript the whole list shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from .conftest import ROOT
from .htmltree import parse_page, resolve

EXPLORER = "quotes/index.html"


def _quotes() -> list[dict[str, Any]]:
    """Every quote of roadmap.yaml with the theme id, actor ids and support level it files under."""
    data = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    quotes = [{"id": q["id"], "theme": "", "actors": [], "support": ""} for q in data["meeting"]["progress"]]
    for theme in data["themes"]:
        for priority in theme["priorities"]:
            quotes += [
                {"id": q["id"], "theme": theme["id"], "actors": priority["actors"], "support": priority["support"]}
                for q in priority["quotes"]
            ]
    return quotes


def _status(shown: int, total: int) -> str:
    if shown == total:
        return f"Showing all {total} quotes."
    if shown == 0:
        return "No quote matches these filters."
    return f"Showing {shown} of {total} quotes."


def test_explorer_lists_every_quote_with_its_links(site_dir: Path) -> None:
    items = parse_page(site_dir, EXPLORER).find_all("li", "r2p-qx-item")
    quotes = _quotes()
    assert len(items) == len(quotes)
    for item, quote in zip(items, quotes, strict=True):
        assert (item.attrs["data-theme"], item.attrs["data-support"]) == (quote["theme"], quote["support"])
        assert item.attrs["data-actors"].split() == quote["actors"]
        targets = [resolve(EXPLORER, a.attrs["href"]) for a in item.find_all("a")]
        home_or_theme = f"themes/{quote['theme']}/index.html" if quote["theme"] else "index.html"
        assert (home_or_theme, quote["id"]) in targets  # the quote itself, by its permanent anchor
        assert any(path == "source/index.html" and anchor.startswith("p") for path, anchor in targets)


def _visible_ids(page: Page) -> list[str]:
    # The last link of an item is the quote's own; its anchor is the quote id.
    result: list[str] = page.eval_on_selector_all(
        ".r2p-qx-item:not([hidden])",
        "items => items.map(item => item.querySelector('.r2p-qx-meta a:last-child').hash.slice(1))",
    )
    return result


@pytest.mark.browser
def test_filters_show_the_right_quotes_and_announce_the_count(page: Page, site_url: str) -> None:
    quotes = _quotes()
    total = len(quotes)
    page.goto(site_url + "quotes/")
    status = page.locator("#r2p-qx-count")
    expect(page.locator("#r2p-qx-filters")).to_be_visible()
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    expect(status).to_have_text(_status(total, total))

    filters: dict[str, Callable[[dict[str, Any], str], bool]] = {
        "theme": lambda q, v: q["theme"] == ("" if v == "-" else v),
        "actor": lambda q, v: v in q["actors"],
        "support": lambda q, v: q["support"] == v,
    }
    for name, keep in filters.items():
        select = page.locator(f"#r2p-qx-{name}")
        values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
        assert values
        for value in values:
            select.select_option(value)
            expected = [q["id"] for q in quotes if keep(q, value)]
            expect(status).to_have_text(_status(len(expected), total))
            assert _visible_ids(page) == expected, (name, value)
        select.select_option("")

    # Filters combine, and the address keeps them so that the filtered list can be linked.
    page.locator("#r2p-qx-theme").select_option("veto-restraint")
    page.locator("#r2p-qx-support").select_option("few")
    expected = [q["id"] for q in quotes if q["theme"] == "veto-restraint" and q["support"] == "few"]
    expect(status).to_have_text(_status(len(expected), total))
    assert _visible_ids(page) == expected
    assert page.url.endswith("quotes/?theme=veto-restraint&support=few")
    page.locator("#r2p-qx-actor").select_option("asean")
    expect(status).to_have_text("No quote matches these filters.")

    page.get_by_role("button", name="Show all").click()
    expect(status).to_have_text(_status(total, total))
    assert page.url.endswith("quotes/")


@pytest.mark.browser
def test_filters_work_from_the_keyboard(page: Page, site_url: str) -> None:
    quotes = _quotes()
    page.goto(site_url + "quotes/")
    theme = page.locator("#r2p-qx-theme")
    expect(theme).to_be_visible()
    theme.focus()
    page.keyboard.press("ArrowDown")  # the first theme after "All themes"
    first = theme.evaluate("select => select.value")
    expected = [q["id"] for q in quotes if q["theme"] == first]
    expect(page.locator("#r2p-qx-count")).to_have_text(_status(len(expected), len(quotes)))
    page.keyboard.press("Tab")
    expect(page.locator("#r2p-qx-actor")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show all")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#r2p-qx-count")).to_have_text(_status(len(quotes), len(quotes)))


@pytest.mark.browser
def test_a_filtered_address_opens_filtered(page: Page, site_url: str) -> None:
    quotes = _quotes()
    page.goto(site_url + "quotes/?actor=general-assembly")
    expected = [q["id"] for q in quotes if "general-assembly" in q["actors"]]
    expect(page.locator("#r2p-qx-count")).to_have_text(_status(len(expected), len(quotes)))
    assert page.locator("#r2p-qx-actor").input_value() == "general-assembly"
    assert _visible_ids(page) == expected


@pytest.mark.browser
def test_actor_sections_link_to_their_quotes(page: Page, site_url: str) -> None:
    page.goto(site_url + "actors/")
    page.locator("#un-security-council ~ p a", has_text="The quotes of these priorities").first.click()
    expected = [q["id"] for q in _quotes() if "un-security-council" in q["actors"]]
    expect(page.locator("#r2p-qx-count")).to_have_text(_status(len(expected), len(_quotes())))


@pytest.mark.browser
def test_without_javascript_the_whole_list_shows_and_no_dead_filter(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "quotes/")
        expect(page.locator(".r2p-qx-item:visible")).to_have_count(len(_quotes()))
        expect(page.locator("#r2p-qx-filters")).to_be_hidden()
        expect(page.locator("#r2p-qx-count")).to_have_text(f"{len(_quotes())} quotes.")
    finally:
        context.close()
