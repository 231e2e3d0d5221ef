"""Rendering: golden pages for a small fixture roadmap, escaping of editors' text, file hygiene."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from r2p_roadmap.build import Project, build
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.render import render_site
from r2p_roadmap.validate import load_roadmap

from .conftest import copy_project

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
GOLDEN = Path(__file__).parent / "golden" / "mini"


def _golden_pages() -> dict[str, str]:
    return render_site(load_roadmap(FIXTURE / "roadmap.yaml")).pages


@pytest.mark.parametrize("path", sorted(_golden_pages()))
def test_rendered_page_matches_golden_file(path: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff."""
    text = _golden_pages()[path]
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.read_bytes().decode("utf-8") == text


def test_golden_folder_has_no_stale_files() -> None:
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert on_disk == set(_golden_pages())


def mini_project(tmp_path: Path) -> Project:
    project = copy_project(tmp_path / "mini")
    shutil.rmtree(project.root / "source")
    shutil.copytree(FIXTURE / "source", project.root / "source")
    shutil.copy2(FIXTURE / "roadmap.yaml", project.roadmap)
    return project


@pytest.mark.build
def test_editors_markup_is_shown_as_text_in_the_built_site(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    build(project)
    theme = (project.site_dir / "themes" / "keep-small" / "index.html").read_text(encoding="utf-8")
    actors = (project.site_dir / "actors" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in theme
    assert "&lt;script&gt;alert(1)&lt;/script&gt; stays text" in theme
    assert "Small things are *easy* to test" in theme  # not turned into <em>
    assert "![image](x.png)" in theme and "<img" not in theme.split('class="md-content"')[1]
    assert "Test small things {: .evil }" in theme and 'class="evil"' not in theme
    assert "Testers &amp; &lt;Reviewers&gt; (T*R)" in actors
    assert 'href="javascript:' not in actors
    assert "People who check [links](javascript:alert(1))." in actors


@pytest.mark.build
def test_source_page_marks_quoted_passages_and_links_back(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    build(project)
    source = (project.site_dir / "source" / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<div class="r2p-para" id="p2">(.*?)</div>', source, re.DOTALL)
    assert paragraph is not None
    links = re.findall(r'<a class="r2p-quoted" href="([^"]+)">', paragraph.group(1))
    assert links == ["../themes/keep-small/#small-things-easy", "../themes/keep-small/#literal-markup-tags"]
    assert "&lt;b&gt;tags&lt;/b&gt;" in paragraph.group(1)


def test_build_removes_the_page_of_a_deleted_theme(built_copy: Project) -> None:
    project = built_copy
    assert (project.site_dir / "themes" / "research-best-practice" / "index.html").is_file()
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_text(text[: text.index("  - id: research-best-practice")], encoding="utf-8")
    build(project)
    assert not (project.site_dir / "themes" / "research-best-practice").exists()
    assert "research-best-practice" not in (project.site_dir / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        ("# My own about page\n", "rename or move the hand-written page"),
        (
            "---\n# Generated from roadmap.yaml by r2p-roadmap: do not edit; edit roadmap.yaml instead.\n---\n",
            "delete it: an earlier version of the build wrote its pages into docs/, which it no longer does",
        ),
    ],
)
def test_a_page_in_docs_with_a_generated_pages_path_is_refused(project: Project, content: str, hint: str) -> None:
    (project.docs_dir / "about.md").write_text(content, encoding="utf-8")
    with pytest.raises(RoadmapError) as caught:
        build(project)
    assert caught.value.problems[0].format() == (
        f"docs/about.md:1:1: this page has the path of a page generated from roadmap.yaml\n    hint: {hint}"
    )
    assert (project.docs_dir / "about.md").read_text(encoding="utf-8") == content
    assert not project.site_dir.exists()


def test_the_nav_lists_the_themes_in_place_of_its_themes_entry(site_dir: Path) -> None:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="themes/([^/]+)/" class="md-nav__link">\s*<span class="md-ellipsis">\s*(\d)\. ', home)
    assert [number for _, number in nav] == [str(n) for n in range(1, 9)]
