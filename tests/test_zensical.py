"""Zensical builds the same pages, quotes and anchors from the same mkdocs.yml as MkDocs does."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from r2p_roadmap.build import SCRIPTS, Project, build
from r2p_roadmap.cli import main
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.markup import one_line

from .conftest import serve

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Zensical adds a target for its skip link inside the content; nothing links to it from outside.
ZENSICAL_ONLY_IDS = {"__skip"}


def _pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


def _content(page: Path) -> str:
    """The page's article, or the whole page for one without (a redirect page, say)."""
    text = page.read_text(encoding="utf-8")
    start = text.find('<article class="md-content__inner')
    return text if start < 0 else text[start : text.index("</article>", start)]


def _ids(page: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', _content(page))) - ZENSICAL_ONLY_IDS


def _text(fragment: str) -> str:
    # An abbreviation's element is inside a word's run of text (“R2P.”): it goes without a space.
    return one_line(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?abbr\b[^>]*>", "", fragment))))


def test_both_engines_build_the_same_pages(site_dir: Path, zensical_site: Path) -> None:
    assert _pages(zensical_site) == _pages(site_dir)


def test_both_engines_publish_the_same_data_files(site_dir: Path, zensical_site: Path, roadmap: Roadmap) -> None:
    # The generated id map is published inside the site's one script file, as in the MkDocs build.
    published = [path for path in render_site(roadmap).pages if not path.endswith((".md", ".js"))]
    published.append(SCRIPTS)
    assert len(published) > 100
    for path in published:
        assert (zensical_site / path).read_bytes() == (site_dir / path).read_bytes(), path


def test_every_page_has_the_same_anchors(site_dir: Path, zensical_site: Path) -> None:
    for page in sorted(_pages(site_dir)):
        assert _ids(zensical_site / page) == _ids(site_dir / page), page


def test_every_theme_page_holds_its_quotes_and_anchors(zensical_site: Path, roadmap: Roadmap) -> None:
    for theme in roadmap.themes:
        page = zensical_site / "themes" / theme.id / "index.html"
        ids, text = _ids(page), _text(_content(page))
        for priority in theme.priorities:
            assert priority.id in ids, priority.id
            for quote in priority.quotes:
                assert quote.id in ids, quote.id
                assert " ".join(quote.text.split()) in text, quote.id
        assert theme.id in ids


def test_a_broken_link_fails_the_zensical_build_and_changes_nothing(project: Project) -> None:
    build(project, engine="zensical")
    before = {p: p.read_bytes() for p in project.site_dir.rglob("*") if p.is_file()}
    (project.docs_dir / "notes.md").write_text("# Notes\n\n[gone](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(RoadmapError) as caught:
        build(project, engine="zensical")
    assert [p.format().splitlines()[0] for p in caught.value.problems] == ["docs/notes.md:3:8: page does not exist"]
    assert {p: p.read_bytes() for p in project.site_dir.rglob("*") if p.is_file()} == before


def test_the_command_line_chooses_the_engine(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project.root)
    assert main(["build", "--engine", "zensical"]) == 0
    assert (project.site_dir / "search.json").is_file()  # Zensical's search index, not Material's
    assert "Built site/" in capsys.readouterr().out


def test_zensical_pages_load_nothing_from_other_hosts(zensical_site: Path) -> None:
    for page in sorted(zensical_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"', text)
        loaded += re.findall(r'<link[^>]*\srel="(?:stylesheet|preload|modulepreload)"[^>]*\shref="([^"]+)"', text)
        assert [url for url in loaded if "//" in url] == [], page


def test_the_data_version_reaches_zensicals_templates(zensical_site: Path, roadmap: Roadmap) -> None:
    # The editing guide is a hand-written page: the version comes from the derived configuration's extra values.
    page = (zensical_site / "editing" / "index.html").read_text(encoding="utf-8")
    assert f"Roadmap data version <strong>{roadmap.version}</strong>" in page


def test_zensical_pages_explain_the_same_terms(site_dir: Path, zensical_site: Path) -> None:
    # The glossary reaches Python-Markdown's abbr extension through the configuration both engines read.
    for page in ("themes/veto-restraint/index.html", "glossary/index.html", "editing/index.html"):
        terms = [
            re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', _content(site / page))
            for site in (site_dir, zensical_site)
        ]
        assert terms[0] and terms[0] == terms[1], page


@pytest.mark.browser
def test_zensical_pages_show_the_glossary_tooltip(page: Page, zensical_site: Path) -> None:
    # The tooltips are the site's own script on Material's classes, which Zensical's stylesheet has too.
    with serve(zensical_site) as url:
        page.goto(url + "themes/veto-restraint/")
        term = page.locator("article abbr", has_text="P5").first
        term.hover()
        tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
        tooltip.wait_for()
        assert tooltip.inner_text().startswith("Permanent members of the Security Council.")
        inner = tooltip.locator(".md-tooltip2__inner")
        box = inner.bounding_box()
        assert box and box["width"] > 100
        assert inner.evaluate("inner => getComputedStyle(inner).boxShadow") != "none"  # Zensical's tooltip style
