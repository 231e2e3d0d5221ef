"""What the site search is given: hidden keyword and phrase lines, page weights, the pages and controls left out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from r2p_roadmap.model import Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.contents import priority_list
from r2p_roadmap.render.search import SEPARATOR, keyword_line, phrases_in, search_phrases, words
from r2p_roadmap.translations import localise

from .conftest import ROOT


def test_keyword_line_is_hidden_and_escapes_every_keyword() -> None:
    assert keyword_line([]) == ""
    assert keyword_line(["UNSC", "<b>R2P</b>", "pillar_two"], ["_rule_of_law"]) == (
        '<p class="r2p-keywords" hidden markdown="span">'
        "\\_terms UNSC &lt;b&gt;R2P&lt;/b&gt; pillar\\_two \\_rule\\_of\\_law</p>"
    )


def test_the_separator_is_the_one_of_mkdocs_yml() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "python"))
    (search,) = [plugin["search"] for plugin in config["plugins"] if isinstance(plugin, dict) and "search" in plugin]
    assert search["separator"] == SEPARATOR
    text = "The Council's “working methods”, (ICC) law. 1.4"
    assert words(text) == ["the", "council's", "working", "methods", "icc", "law", "1.4"]


def test_phrases_are_names_and_keywords_with_their_shorter_runs(roadmap: Roadmap) -> None:
    phrases = search_phrases(roadmap)
    expected = {"un security council", "security council", "international criminal court", "security sector reform"}
    assert expected <= set(phrases)
    assert "of law" not in phrases and "of the" not in phrases
    held = phrases_in("Reform of the UN Security Council now", phrases)
    assert {"_un_security_council", "_un_security", "_security_council"} <= set(held)
    assert "_security_council" in phrases_in("the Security Council", phrases)
    assert "_security_council" not in phrases_in("the Council on Security", phrases)


@pytest.mark.parametrize(
    ("code", "phrase", "links"),
    [
        ("fr", "conseil de sécurité", ("conseil de", "de sécurité")),
        ("es", "consejo de seguridad", ("consejo de", "de seguridad")),
    ],
)
def test_a_languages_phrases_neither_start_nor_end_with_its_small_words(
    roadmap: Roadmap, code: str, phrase: str, links: tuple[str, ...]
) -> None:
    phrases = search_phrases(localise(roadmap, code))
    assert phrase in phrases
    assert not set(links) & set(phrases)
    assert not [p for p in phrases if p.split()[0] in {"l", "d", "la", "de", "y", "et"}]


def test_priority_list_shows_each_priority_with_its_support(roadmap: Roadmap) -> None:
    theme = next(theme for theme in roadmap.themes if theme.id == "veto-restraint")
    lines = priority_list(theme).splitlines()
    assert lines[0] == '<p class="r2p-contents-label">5 priorities · support as the source states it</p>'
    assert lines[3] == (
        '<li markdown="span"><a class="r2p-strip__link" href="#p5-withhold-veto"><span class="r2p-strip__number">4\\.1'
        "</span> Press the P5 to withhold the veto in mass atrocity situations</a> "
        '<span class="r2p-badge r2p-badge--many" title="The source says many participants made the point.">'
        "Many participants</span></li>"
    )
    assert len(lines) == 4 + len(theme.priorities)


def test_theme_pages_index_their_keywords_without_showing_them(roadmap: Roadmap) -> None:
    pages = render_site(roadmap).pages
    for theme in roadmap.themes:
        page = pages[f"themes/{theme.id}.md"]
        assert "Keywords:" not in page
        hidden = re.findall(r'<p class="r2p-keywords" hidden markdown="span">(.*?)</p>', page)
        for keywords in [theme.keywords, *(priority.keywords for priority in theme.priorities)]:
            if keywords:
                assert any(keyword_line(keywords).split(">", 1)[1].removesuffix("</p>") in line for line in hidden)


def test_search_index_weighs_pages_by_kind_and_leaves_out_controls(site_dir: Path) -> None:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    boosts = {doc["location"].split("#")[0]: doc.get("boost") for doc in docs}
    assert {boost for location, boost in boosts.items() if location.startswith("themes/")} == {2.0}
    assert boosts["source/"] == 0.5
    assert "actors/" not in boosts
    for doc in docs:
        assert "Permanent link" not in doc["text"] and "Copy link" not in doc["text"], doc["location"]
        assert "Keywords:" not in doc["text"] and "[date accessed]" not in doc["text"], doc["location"]
        # The controls live on theme pages and the home page; the About and Data pages name Link · Cite in words.
        if doc["location"].startswith("themes/") or doc["location"].split("#")[0] == "":
            assert "Cite" not in doc["text"].split(), doc["location"]
    titles = {doc["location"]: doc["title"] for doc in docs}
    assert titles["themes/veto-restraint/"] == "Theme 4: Veto restraint"
