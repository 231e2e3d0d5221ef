"""The site search, used as a reader uses it: words typed into the real search box, the real result list read.

Each query names the theme whose page must be the first result. Queries are exact words of the source,
plain topics, and abbreviations the source does not spell out (found through the keywords of roadmap.yaml).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from r2p_roadmap.model import Roadmap

from .browser_support import same_page, search_results

pytestmark = pytest.mark.browser

QUERIES = [
    # Exact words of the source
    ("Uniting for Peace", "veto-restraint"),
    ("African Peer Review Mechanism", "good-governance"),
    ("confidence deficit", "veto-restraint"),
    ("Resolution 377", "veto-restraint"),
    ("security sector reform", "good-governance"),
    ("ministerial advocates", "political-leadership"),
    ("broad rather than deep", "political-leadership"),
    ("opinion piece", "political-leadership"),
    ("consolidated through practice", "norm-through-practice"),
    ("East Asia", "regional-mainstreaming"),
    ("East Timor", "capacity-building"),
    ("third pillar", "capacity-building"),
    ("sexual violence", "research-best-practice"),
    ("region-to-region learning", "research-best-practice"),
    ("case studies", "research-best-practice"),
    # Plain topics
    ("veto", "veto-restraint"),
    ("use of force", "veto-restraint"),
    ("early warning", "early-warning-response"),
    ("intelligence", "early-warning-response"),
    ("information sharing", "early-warning-response"),
    ("mediation", "capacity-building"),
    ("military intervention", "capacity-building"),
    ("regional organizations", "regional-mainstreaming"),
    ("regional organisations", "regional-mainstreaming"),
    ("rule of law", "good-governance"),
    ("civil society", "political-leadership"),
    ("outreach", "norm-through-practice"),
    ("norm", "norm-through-practice"),
    ("accountability", "research-best-practice"),
    ("lessons learned", "research-best-practice"),
    # Abbreviations
    ("ICC", "research-best-practice"),
    ("UNSC", "veto-restraint"),
    ("PSC", "early-warning-response"),
    ("P5", "veto-restraint"),
    ("SSR", "good-governance"),
    ("APRM", "good-governance"),
    ("EU", "regional-mainstreaming"),
]


def test_query_table_covers_every_theme(roadmap: Roadmap) -> None:
    assert len(QUERIES) >= 25
    assert {theme for _, theme in QUERIES} == {theme.id for theme in roadmap.themes}


@pytest.mark.parametrize(("query", "theme"), QUERIES, ids=[query for query, _ in QUERIES])
def test_search_finds_the_theme_first(search_page: Page, site_url: str, query: str, theme: str) -> None:
    results = search_results(search_page, query)
    assert results, f"no result for {query!r}"
    assert same_page(results[0], site_url, f"themes/{theme}/"), results[:3]


def test_search_works_by_keyboard_alone(page: Page, site_url: str) -> None:
    page.goto(site_url)
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-search__input')"):
            break
    else:
        pytest.fail("the search box cannot be reached with the Tab key")
    page.keyboard.type("Uniting for Peace")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert same_page(page.url, site_url, "themes/veto-restraint/")
