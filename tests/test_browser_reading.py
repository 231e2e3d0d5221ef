"""Reading the site as a publication of record, in a real browser: quotes and page headings are the
strongest text (7:1 or more against the effective background, both palettes and print), a quote's
attribution sits outside the quote in its figure's caption, a theme page's first phone screen shows
every priority with its support, the consensus map fits a phone, and the search shows no control text
and ranks pages that hold a query's words as a phrase first."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from r2p_roadmap.model import Roadmap

from .browser_support import DESKTOP, MOBILE, search_results
from .test_consensus_map import contrast

pytestmark = pytest.mark.browser

# The text colour of each element composited over the first opaque background behind it.
_COLOURS = """selector => [...document.querySelectorAll(selector)].map(el => {
  const parse = c => { const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  let bg = null;
  for (let node = el; node; node = node.parentElement) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c[3] > 0) { bg = bg ? bg : c; if (c[3] === 1) break; }
  }
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const over = (c, under) => c.slice(0, 3).map((v, i) => v * c[3] + under[i] * (1 - c[3])).concat(1);
  const base = bg ? over(bg, page) : page;
  const fg = parse(getComputedStyle(el).color);
  const text = over(fg, base);
  const rgb = v => 'rgb(' + v.slice(0, 3).map(Math.round).join(', ') + ')';
  return {text: rgb(text), background: rgb(base), words: el.textContent.trim().slice(0, 40)};
})"""

STRONG = {
    "themes/veto-restraint/": ["h1", ".r2p-quote > blockquote p", ".r2p-source-title"],
    "source/": ["h1", "a.r2p-quoted"],
    "briefing/": ["h1", "blockquote.r2p-quote p"],
    "": ["h1", ".r2p-quote > blockquote p"],
}


@pytest.mark.parametrize(("scheme", "media"), [("light", "screen"), ("dark", "screen"), ("light", "print")])
@pytest.mark.parametrize("path", list(STRONG))
def test_quotes_and_headings_reach_7_to_1(browser: Browser, site_url: str, path: str, scheme: str, media: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.emulate_media(media=media)  # type: ignore[arg-type]
        page.goto(site_url + path)
        for selector in STRONG[path]:
            found = page.evaluate(_COLOURS, selector)
            assert found, selector
            for colour in found:
                ratio = contrast(colour["text"], colour["background"])
                assert ratio >= 7, (selector, colour, round(ratio, 2))
                if media == "print" and "blockquote" in selector:
                    assert colour["text"] == "rgb(0, 0, 0)", colour  # quotes print in black
    finally:
        context.close()


def test_quotes_are_figures_with_the_attribution_outside_the_quote(page: Page, site_url: str) -> None:
    page.goto(site_url + "themes/veto-restraint/")
    quotes = page.evaluate("""() => [...document.querySelectorAll('figure.r2p-quote')].map(f => ({
        id: f.id, children: [...f.children].map(c => c.tagName),
        caption: f.querySelector(':scope > figcaption').textContent.trim(),
        inQuote: f.querySelector('blockquote').textContent.includes('paragraph')}))""")
    assert len(quotes) >= 5
    for quote in quotes:
        assert quote["children"] == ["BLOCKQUOTE", "FIGCAPTION"], quote
        assert re.fullmatch(r"Source, paragraph \d+ ¶", quote["caption"]), quote
        assert not quote["inQuote"], quote
    assert page.locator("h1").inner_text().removesuffix("¶") == "Theme 4: Veto restraint"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=MOBILE)
    yield context.new_page()
    context.close()


# Each language's site: the first screen and the map must fit its words too (French runs longer).
FOLDERS = ["", "fr/", "es/"]


@pytest.mark.parametrize("folder", FOLDERS, ids=["en", "fr", "es"])
def test_the_first_phone_screen_of_each_theme_shows_every_priority_with_its_support(
    phone: Page, site_url: str, roadmap: Roadmap, folder: str
) -> None:
    for theme in roadmap.themes:
        phone.goto(site_url + f"{folder}themes/{theme.id}/")
        badges = phone.evaluate("""() => [...document.querySelectorAll('.r2p-strip li')].map(li => {
            const badge = li.querySelector('.r2p-badge').getBoundingClientRect();
            return {text: li.querySelector('.r2p-badge').textContent, bottom: badge.bottom, right: badge.right,
                    href: li.querySelector('a').getAttribute('href')};})""")
        assert [b["href"] for b in badges] == [f"#{p.id}" for p in theme.priorities]
        for badge in badges:
            assert badge["bottom"] <= MOBILE["height"] and badge["right"] <= MOBILE["width"], (theme.id, badge)
        assert phone.locator(".r2p-summary").bounding_box()["y"] < MOBILE["height"]  # type: ignore[index]
        assert "Keywords:" not in phone.locator("body").inner_text()


@pytest.mark.parametrize("folder", FOLDERS, ids=["en", "fr", "es"])
def test_the_consensus_map_fits_a_phone_with_marks_of_24_px(phone: Page, site_url: str, folder: str) -> None:
    phone.goto(site_url + f"{folder}consensus/")
    layout = phone.evaluate("""() => ({
        width: document.documentElement.clientWidth,
        columns: [...document.querySelectorAll('.r2p-map__table thead th')].map(th => th.getBoundingClientRect().right),
        marks: [...document.querySelectorAll('.r2p-map a.r2p-mark')].map(a => {
            const r = a.getBoundingClientRect(); return [r.width, r.height];}),
        note: document.querySelector('.r2p-map__empty').textContent})""")
    assert len(layout["columns"]) == 9
    assert max(layout["columns"]) <= layout["width"]
    assert layout["marks"] and all(w >= 24 and h >= 24 for w, h in layout["marks"]), layout["marks"]
    empty = {"": "No priority is at “All participants”", "fr": "Aucune priorité", "es": "Ninguna prioridad"}
    assert empty[folder.rstrip("/")] in layout["note"]


def test_search_results_name_themes_and_show_no_control_text(search_page: Page, roadmap: Roadmap) -> None:
    for query in ["veto", "early warning", "Security Council"]:
        search_results(search_page, query)
        titles = search_page.locator(".md-search-result__item > a .md-search-result__article h1").all_inner_texts()
        text = search_page.locator(".md-search-result").inner_text()
        themes = {f"Theme {t.number}: {t.short_title}" for t in roadmap.themes}
        assert titles and set(titles) & themes, titles
        for title in titles:
            assert title in themes or not title.startswith("Theme "), title
        for control in ["Permanent link", "Copy link", "Cite", "Keywords:", "https://", "_"]:
            assert control not in text, (query, control)
        for keywords in [t.keywords for t in roadmap.themes] + [
            p.keywords for t in roadmap.themes for p in t.priorities
        ]:
            if len(keywords) > 1:
                assert " ".join(keywords) not in text, (query, keywords)


# Phrases a reader types: named bodies and fixed expressions. For each, the theme pages whose text or
# search keywords hold the words side by side must all come before the theme pages that hold the same
# words apart. (The Source page is weighted down on purpose, render/search.py, and is not compared.)
PHRASES = [
    "Security Council",
    "early warning",
    "International Criminal Court",
    "General Assembly",
    "early response",
    "national action",
    "conflict prevention",
    "state practice",
    # Without the phrase tokens (a worker that only loads Material's), these two rank a page that
    # holds their words apart above one that holds the phrase.
    "Peace and Security Council",
    "responsibility to protect",
]

# A page's words as search reads them: the article without what search leaves out, and without the
# phrase tokens (words that start with '_'), lowercased.
_WORDS = r"""() => {
  const article = document.querySelector('article').cloneNode(true);
  article.querySelectorAll('[data-search-exclude]').forEach(el => el.remove());
  return article.textContent.toLowerCase().split(/\s+/).filter(w => !w.startsWith('_')).join(' ')
    .split(/[^a-z0-9']+/).filter(Boolean);
}"""


@pytest.fixture(scope="module")
def theme_words(browser: Browser, site_url: str, roadmap: Roadmap) -> dict[str, list[str]]:
    """Each theme page's words, by its address, each page opened once for all the phrases."""
    context = browser.new_context(viewport=DESKTOP)
    reader = context.new_page()
    words = {}
    for theme in roadmap.themes:
        reader.goto(f"{site_url}themes/{theme.id}/")
        words[reader.url] = reader.evaluate(_WORDS)
    context.close()
    return words


@pytest.mark.parametrize("query", PHRASES)
def test_a_phrase_ranks_pages_that_hold_it_first(
    search_page: Page, theme_words: dict[str, list[str]], query: str
) -> None:
    results = search_results(search_page, query)
    pages: list[str] = []
    for url in results:
        path = url.split("?")[0].split("#")[0]
        if "/themes/" in path and path not in pages:
            pages.append(path)
    wanted = query.lower().split()
    holds = [
        {
            "phrase": f" {' '.join(wanted)} " in f" {' '.join(theme_words[path])} ",
            "all": all(word in theme_words[path] for word in wanted),
        }
        for path in pages
    ]
    kinds = ["phrase" if h["phrase"] else "apart" if h["all"] else "other" for h in holds]
    assert "phrase" in kinds, (query, pages)
    if "apart" in kinds:
        assert max(i for i, k in enumerate(kinds) if k == "phrase") < min(
            i for i, k in enumerate(kinds) if k == "apart"
        ), (query, list(zip(pages, kinds, strict=True)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quotes_are_the_strongest_text_of_a_theme_page(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(site_url + "themes/veto-restraint/")
        ratios = {
            selector: min(contrast(c["text"], c["background"]) for c in page.evaluate(_COLOURS, selector))
            for selector in [".r2p-quote > blockquote p", ".md-typeset > p:not([class])", ".r2p-summary"]
        }
    finally:
        context.close()
    quote = ratios.pop(".r2p-quote > blockquote p")
    assert all(quote > paraphrase for paraphrase in ratios.values()), (quote, ratios)
