"""The site search, used as a reader uses it: words typed into the real search box, the real result list read.

Each query names the theme whose page must be the first result. Queries are exact words of the source,
plain topics, and abbreviations the source does not spell out (found through the keywords of roadmap.yaml).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from r2p_roadmap.model import Roadmap

from .browser_support import DESKTOP, same_page, search_results

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


# The same, typed into the French and Spanish sites' search by a reader of that language: the words of
# the unofficial translations and the established French and Spanish names of bodies and terms.
QUERIES_IN = {
    "fr": [
        ("droit de veto", "veto-restraint"),
        ("membres permanents", "veto-restraint"),
        # Named bodies of several words, which another theme's page holds only in part ("Conseil de
        # paix et de sécurité de l’Union africaine"): the page that holds the phrase ranks first.
        ("Conseil de sécurité", "veto-restraint"),
        ("Conseil de paix et de sécurité", "early-warning-response"),
        ("Union pour le maintien de la paix", "veto-restraint"),
        ("alerte rapide", "early-warning-response"),
        ("gouvernance", "good-governance"),
        ("réforme du secteur de la sécurité", "good-governance"),
        ("état de droit", "good-governance"),
        ("mécanisme africain d’évaluation par les pairs", "good-governance"),
        ("études de cas", "research-best-practice"),
        ("violences sexuelles", "research-best-practice"),
        ("Cour pénale internationale", "research-best-practice"),
        ("renforcement des capacités", "capacity-building"),
        ("Timor oriental", "capacity-building"),
        ("troisième pilier", "capacity-building"),
        ("médiation", "capacity-building"),
        ("Asie de l’Est", "regional-mainstreaming"),
        ("organisations régionales", "regional-mainstreaming"),
        ("leadership politique", "political-leadership"),
        ("plaidoyer", "political-leadership"),
        ("société civile", "political-leadership"),
        ("norme", "norm-through-practice"),
        ("sensibilisation", "norm-through-practice"),
    ],
    "es": [
        ("veto", "veto-restraint"),
        ("miembros permanentes", "veto-restraint"),
        ("Consejo de Seguridad", "veto-restraint"),
        ("Consejo de Paz y Seguridad", "early-warning-response"),
        ("Unión pro paz", "veto-restraint"),
        ("alerta temprana", "early-warning-response"),
        ("gobernanza", "good-governance"),
        ("reforma del sector de la seguridad", "good-governance"),
        ("Mecanismo Africano de Examen entre Pares", "good-governance"),
        ("estudios de caso", "research-best-practice"),
        ("violencia sexual", "research-best-practice"),
        ("Corte Penal Internacional", "research-best-practice"),
        ("rendición de cuentas", "research-best-practice"),
        ("creación de capacidad", "capacity-building"),
        ("tercer pilar", "capacity-building"),
        ("mediación", "capacity-building"),
        ("intervención militar", "capacity-building"),
        ("Asia Oriental", "regional-mainstreaming"),
        ("organizaciones regionales", "regional-mainstreaming"),
        ("liderazgo político", "political-leadership"),
        ("sociedad civil", "political-leadership"),
        ("mesa redonda", "political-leadership"),
        ("norma", "norm-through-practice"),
        ("divulgación", "norm-through-practice"),
    ],
}


def test_query_table_covers_every_theme(roadmap: Roadmap) -> None:
    assert len(QUERIES) >= 25
    assert {theme for _, theme in QUERIES} == {theme.id for theme in roadmap.themes}
    for code, queries in QUERIES_IN.items():
        assert len(queries) >= 12, code
        assert {theme for _, theme in queries} == {t.id for t in roadmap.themes}, code


@pytest.fixture(scope="module")
def search_pages(browser: Browser, site_url: str) -> Iterator[dict[str, Page]]:
    """The French and Spanish home pages (desktop size), kept open for all the queries in each. Each has a
    context of its own: a page behind another in one context is a background tab, whose timers the
    browser slows to one a second."""
    contexts = {code: browser.new_context(viewport=DESKTOP) for code in QUERIES_IN}
    pages = {code: context.new_page() for code, context in contexts.items()}
    for code, page in pages.items():
        page.goto(f"{site_url}{code}/")
    yield pages
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize(
    ("code", "query", "theme"),
    [(code, query, theme) for code, queries in QUERIES_IN.items() for query, theme in queries],
    ids=[f"{code}-{query}" for code, queries in QUERIES_IN.items() for query, _ in queries],
)
def test_search_in_french_and_spanish_finds_the_theme_first(
    search_pages: dict[str, Page], site_url: str, code: str, query: str, theme: str
) -> None:
    results = search_results(search_pages[code], query)
    assert results, f"no result for {query!r}"
    assert same_page(results[0], site_url, f"{code}/themes/{theme}/"), results[:3]


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
