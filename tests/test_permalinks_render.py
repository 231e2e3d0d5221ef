"""Permanent addresses, share rows, citations and redirect pages, rendered without a build."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest

from r2p_roadmap.model import Roadmap, Withdrawal
from r2p_roadmap.paths import DEFAULT_SITE_URL, page_url, relative_url
from r2p_roadmap.render import render_site
from r2p_roadmap.render.permalinks import anchor_targets, render_link_map
from r2p_roadmap.render.redirects import render_redirects
from r2p_roadmap.render.share import priority_share, quote_share, theme_share

SITE = "https://example.org/r2p/"


@pytest.mark.parametrize(
    ("docs_path", "address"),
    [
        ("index.md", ""),
        ("themes/veto-restraint.md", "themes/veto-restraint/"),
        ("4/index.html", "4/"),
        ("data/roadmap.schema.json", "data/roadmap.schema.json"),
        ("guide/index.md", "guide/"),
    ],
)
def test_page_url_is_the_address_mkdocs_publishes(docs_path: str, address: str) -> None:
    assert page_url(docs_path) == address


@pytest.mark.parametrize(
    ("from_file", "to_address", "link"),
    [
        ("themes/old/index.html", "themes/new/", "../new/"),
        ("4/index.html", "themes/veto-restraint/", "../themes/veto-restraint/"),
        ("themes/old/index.html", "withdrawn/#old", "../../withdrawn/#old"),
        ("4/index.html", "", "../"),
        ("index.html", "", "./"),
    ],
)
def test_relative_url_from_a_redirect_page(from_file: str, to_address: str, link: str) -> None:
    assert relative_url(from_file, to_address) == link


def _renamed(roadmap: Roadmap) -> Roadmap:
    """The roadmap with theme 4 and its first priority renamed (old ids kept) and one id withdrawn."""
    theme = roadmap.themes[3]
    first = dataclasses.replace(theme.priorities[0], id="renamed-priority", aliases=(theme.priorities[0].id,))
    renamed = dataclasses.replace(
        theme, id="renamed-theme", aliases=(theme.id,), priorities=(first, *theme.priorities[1:])
    )
    gone = Withdrawal("gone-theme", "theme", "Folded into another theme.", renamed.id)
    themes = (*roadmap.themes[:3], renamed, *roadmap.themes[4:])
    return dataclasses.replace(roadmap, themes=themes, withdrawn=(gone,))


def test_every_id_earlier_id_and_withdrawn_id_lands_on_its_current_element(roadmap: Roadmap) -> None:
    changed = _renamed(roadmap)
    old_theme, old_priority = roadmap.themes[3], roadmap.themes[3].priorities[0]
    targets = anchor_targets(changed)
    assert targets[old_theme.id] == "themes/renamed-theme/#renamed-theme"
    assert targets[old_priority.id] == "themes/renamed-theme/#renamed-priority"
    assert targets["gone-theme"] == "withdrawn/#gone-theme"
    assert targets[roadmap.actors[0].id] == f"actors/#{roadmap.actors[0].id}"
    assert targets[roadmap.progress[0].id] == f"#{roadmap.progress[0].id}"
    quote = old_priority.quotes[0]
    assert targets[quote.id] == f"themes/renamed-theme/#{quote.id}"
    script = render_link_map(changed)
    assert json.loads(script.split("window.r2pLinkMap = ", 1)[1].rstrip(";\n")) == targets


def test_redirect_pages_for_earlier_ids_short_links_and_withdrawn_themes(roadmap: Roadmap) -> None:
    changed = _renamed(roadmap)
    pages = render_redirects(changed, SITE)
    old_theme, old_priority = roadmap.themes[3], roadmap.themes[3].priorities[0]
    assert sorted(pages) == sorted(
        [f"{t.number}/index.html" for t in changed.themes]
        + [f"themes/{old_theme.id}/index.html", "themes/gone-theme/index.html", "performance/index.html"]
    )
    old = pages[f"themes/{old_theme.id}/index.html"]
    assert '<link rel="canonical" href="https://example.org/r2p/themes/renamed-theme/">' in old
    assert '<noscript><meta http-equiv="refresh" content="0; url=../renamed-theme/"></noscript>' in old
    assert 'var target = "../renamed-theme/", anchor = ""' in old
    assert f'earlier = {{"{old_priority.id}": "renamed-priority", "{old_theme.id}": "renamed-theme"}}' in old
    short = pages["4/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../themes/renamed-theme/">' in short
    gone = pages["themes/gone-theme/index.html"]
    assert 'var target = "../../withdrawn/", anchor = "gone-theme"' in gone
    assert '<link rel="canonical" href="https://example.org/r2p/withdrawn/">' in gone
    # The Performance page's figures moved to the repository; its address leads to where the About page says so.
    assert 'var target = "../about/", anchor = "site"' in pages["performance/index.html"]


def test_redirect_page_escapes_text_and_script(roadmap: Roadmap) -> None:
    theme = dataclasses.replace(roadmap.themes[0], short_title='A </script> "B" & C', aliases=("old-one",))
    pages = render_redirects(dataclasses.replace(roadmap, themes=(theme, *roadmap.themes[1:])), SITE)
    page = pages["themes/old-one/index.html"]
    assert "</script> " not in page and "<title>Theme 1: A &lt;/script&gt; &quot;B&quot; &amp; C</title>" in page


def _attribute(fragment: str, pattern: str) -> list[str]:
    return [html.unescape(value) for value in re.findall(pattern, fragment)]


def test_each_item_has_one_disclosure_with_its_permanent_url_copy_buttons_and_files(roadmap: Roadmap) -> None:
    theme = roadmap.themes[3]
    priority = theme.priorities[0]
    quote = priority.quotes[1]
    page = f"{SITE}themes/{theme.id}/"
    rows = {
        (page, theme.id): theme_share(roadmap, theme, SITE),
        (f"{page}#{priority.id}", priority.id): priority_share(roadmap, theme, priority, SITE),
        (f"{page}#{quote.id}", quote.id): quote_share(roadmap, theme, priority, quote, SITE),
    }
    for (url, key), row in rows.items():
        assert row.count("<details") == 1 and row.count("<summary>") == 1
        summary = row.split("<summary>", 1)[1].split("</summary>", 1)[0]
        assert "http" not in summary
        panel = row.split("</summary>", 1)[1].split("</details>", 1)[0]
        # Plain HTML, which Markdown passes through: nothing in the disclosure is read as Markdown.
        assert "markdown=" not in row and "](" not in row
        # The buttons copy what is shown beside them: the link, then one citation per style.
        assert "data-r2p-copy" not in row
        assert _attribute(panel, r'class="r2p-url r2p-permalink" href="([^"]*)">')[0] == url
        shown = _attribute(panel, r'<p class="r2p-cite__text" [^>]*>(.*?)</p>\n<button type="button" class="r2p-copy"')
        assert len(shown) == 3
        for text in shown:
            assert text.startswith(roadmap.source.publisher) and roadmap.source.url in text and url in text
        assert panel.count(" hidden>") == 4  # buttons appear only when the script can copy
        # Relative to the page as the web site lays it out (themes/x/index.html); the offline copy moves them.
        expected = [f"../../data/cite/{key}.{ext}" for ext in ("ris", "bib", "json")]
        assert expected == re.findall(r'<a class="r2p-file" download href="([^"]*)">', panel)
        # On paper the URL is printed once, outside the disclosure, which print hides.
        assert row.split("</details>", 1)[1].count(url) == 1
    assert "Short link" in rows[(page, theme.id)] and f'href="{SITE}{theme.number}/"' in rows[(page, theme.id)]


def test_theme_page_anchors_come_from_ids_and_its_links_from_site_url(roadmap: Roadmap) -> None:
    theme = roadmap.themes[3]
    retitled = dataclasses.replace(theme, title="A wholly new title", short_title="New")
    pages = render_site(dataclasses.replace(roadmap, themes=(*roadmap.themes[:3], retitled, *roadmap.themes[4:])), SITE)
    page = pages.pages[f"themes/{theme.id}.md"]
    ids = re.findall(r'\{#([a-z0-9-]+)\}|id="([a-z0-9-]+)"', page)
    found = [a or b for a, b in ids]
    expected = [theme.id] + [x for p in theme.priorities for x in (p.id, *(q.id for q in p.quotes))]
    assert found == expected
    assert f"{SITE}themes/{theme.id}/#{theme.priorities[0].id}" in page
    assert DEFAULT_SITE_URL not in page


def test_every_quote_shows_a_link_icon_to_its_own_anchor(roadmap: Roadmap) -> None:
    pages = render_site(roadmap, SITE).pages
    for theme in roadmap.themes:
        page = pages[f"themes/{theme.id}.md"]
        for quote in (q for p in theme.priorities for q in p.quotes):
            block = page.split(f'id="{quote.id}"', 1)[1].split("</figure>", 1)[0]
            assert f'<a class="headerlink r2p-anchor" href="#{quote.id}" title="Link to this quote">¶</a>' in block
    home = pages["index.md"]
    for quote in roadmap.progress:
        after = home.split(f'id="{quote.id}"', 1)[1].split("</figure>", 1)[1]
        opening = '\n\n<div class="r2p-share">\n<details class="r2p-cite" data-search-exclude=""'
        assert after.startswith(opening)
        assert f'class="r2p-url r2p-permalink" href="{SITE}#{quote.id}"' in after.split("</div>", 1)[0]
