"""What the site search is given: visible keyword lines, page weights and the pages left out."""

from __future__ import annotations

import json
from pathlib import Path

from r2p_roadmap.model import Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.contents import priority_list
from r2p_roadmap.render.search import keyword_line


def test_keyword_line_escapes_every_keyword() -> None:
    assert keyword_line([]) == ""
    assert keyword_line(["UNSC", "<b>R2P</b>", "pillar_two"]) == (
        '<p class="r2p-keywords" markdown="span"><span class="r2p-keywords__label">Keywords:</span> '
        "UNSC, &lt;b&gt;R2P&lt;/b&gt;, pillar\\_two</p>"
    )


def test_priority_list_links_each_priority_on_the_page(roadmap: Roadmap) -> None:
    theme = next(theme for theme in roadmap.themes if theme.id == "veto-restraint")
    lines = priority_list(theme).splitlines()
    assert lines[0] == '<p class="r2p-contents-label">Priorities in this theme:</p>'
    assert lines[2] == "- [4.1 Press the P5 to withhold the veto in mass atrocity situations](#p5-withhold-veto)"
    assert len(lines) == 2 + len(theme.priorities)


def test_theme_pages_show_their_keywords(roadmap: Roadmap) -> None:
    pages = render_site(roadmap).pages
    for theme in roadmap.themes:
        page = pages[f"themes/{theme.id}.md"]
        for keywords in [theme.keywords, *(priority.keywords for priority in theme.priorities)]:
            if keywords:
                assert keyword_line(keywords) in page


def test_search_index_weighs_pages_by_kind(site_dir: Path) -> None:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    boosts = {doc["location"].split("#")[0]: doc.get("boost") for doc in docs}
    assert {boost for location, boost in boosts.items() if location.startswith("themes/")} == {2.0}
    assert boosts["source/"] == 0.5
    assert "actors/" not in boosts
