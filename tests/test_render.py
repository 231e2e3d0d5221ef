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
from r2p_roadmap.write import MANIFEST, replace_nav, write_generated

from .conftest import ROOT, copy_project

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


def test_source_page_marks_quoted_passages_and_links_back(tmp_path: Path) -> None:
    project = mini_project(tmp_path)
    build(project)
    source = (project.site_dir / "source" / "index.html").read_text(encoding="utf-8")
    paragraph = re.search(r'<div class="r2p-para" id="p2">(.*?)</div>', source, re.DOTALL)
    assert paragraph is not None
    links = re.findall(r'<a class="r2p-quoted" href="([^"]+)">', paragraph.group(1))
    assert links == ["../themes/keep-small/#small-things-easy", "../themes/keep-small/#literal-markup-tags"]
    assert "&lt;b&gt;tags&lt;/b&gt;" in paragraph.group(1)


def test_write_touches_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = write_generated(docs, {"a.md": "A", "themes/b.md": "B", "themes/c.md": "C"})
    assert first.written == ["a.md", "themes/b.md", "themes/c.md"]
    stamp = (docs / "a.md").stat().st_mtime_ns
    second = write_generated(docs, {"a.md": "A", "themes/b.md": "B2"})
    assert (second.written, second.deleted, second.unchanged) == (["themes/b.md"], ["themes/c.md"], 1)
    assert (docs / "a.md").stat().st_mtime_ns == stamp
    assert not (docs / "themes" / "c.md").exists()
    assert (docs / MANIFEST).read_text(encoding="utf-8").split() == ["a.md", "themes/b.md"]
    write_generated(docs, {"a.md": "A"})
    assert not (docs / "themes").exists()  # emptied generated folders go too


def test_build_removes_the_page_of_a_deleted_theme(project: Project) -> None:
    build(project)
    assert (project.docs_dir / "themes" / "research-best-practice.md").is_file()
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_text(text[: text.index("  - id: research-best-practice")], encoding="utf-8")
    build(project)
    assert not (project.docs_dir / "themes" / "research-best-practice.md").exists()
    assert not (project.site_dir / "themes" / "research-best-practice").exists()
    assert "research-best-practice" not in project.config_file.read_text(encoding="utf-8")


def test_hand_written_page_is_never_overwritten(project: Project) -> None:
    (project.docs_dir / "about.md").write_text("# My own about page\n", encoding="utf-8")
    with pytest.raises(RoadmapError) as caught:
        build(project)
    assert caught.value.problems[0].format() == (
        "docs/about.md:1:1: this hand-written page has the path of a page generated from roadmap.yaml"
        "\n    hint: rename or move the hand-written page"
    )
    assert (project.docs_dir / "about.md").read_text(encoding="utf-8") == "# My own about page\n"


def test_committed_nav_matches_roadmap() -> None:
    """mkdocs.yml is committed with its generated themes block; it must not drift from roadmap.yaml."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site = render_site(load_roadmap(ROOT / "roadmap.yaml"))
    assert replace_nav(config, site.nav) == config, "run `r2p-roadmap build` and commit mkdocs.yml"
