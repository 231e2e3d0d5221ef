"""Synthetic roadmaps are deterministic and valid; a large nav is grouped; one quote edit rewrites few files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from r2p_roadmap.build import Project, build
from r2p_roadmap.render import render_site
from r2p_roadmap.render.nav import NAV_GROUP_SIZE, render_nav
from r2p_roadmap.showing import find_pages_showing
from r2p_roadmap.synthetic import Synthetic, dump_roadmap, synthesize
from r2p_roadmap.validate import load_roadmap

ROOT = Path(__file__).resolve().parents[1]


def _base() -> tuple[dict[str, Any], str]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return data, (ROOT / data["source"]["text_of_record"]).read_text(encoding="utf-8")


def _write(project: Project, synthetic: Synthetic) -> None:
    data = yaml.safe_load(project.roadmap.read_text(encoding="utf-8"))
    project.roadmap.write_text(synthetic.roadmap_yaml, encoding="utf-8")
    (project.root / data["source"]["text_of_record"]).write_text(synthetic.text_of_record, encoding="utf-8")


def test_synthetic_roadmaps_are_deterministic() -> None:
    base, record = _base()
    first, again, other = synthesize(base, record, 20), synthesize(base, record, 20), synthesize(base, record, 20, 7)
    assert first == again
    assert first.roadmap_yaml != other.roadmap_yaml


def test_800_themes_hold_about_ten_thousand_quotes() -> None:
    base, record = _base()
    synthetic = synthesize(base, record, 800)
    assert synthetic.themes == 800
    assert 9_000 <= synthetic.quotes <= 11_000


def test_a_synthetic_roadmap_keeps_the_real_themes_first_and_validates(project: Project) -> None:
    base, record = _base()
    _write(project, synthesize(base, record, 60))
    roadmap = load_roadmap(project.roadmap)
    assert len(roadmap.themes) == 60
    assert [t.id for t in roadmap.themes[: len(base["themes"])]] == [t["id"] for t in base["themes"]]
    # Every support level of the scale is used, each backed by a quote (validation checked the backing).
    assert {p.support for t in roadmap.themes for p in t.priorities} >= {"many", "one", "unattributed", "consensus"}


def test_a_synthetic_roadmap_needs_the_real_themes() -> None:
    base, record = _base()
    with pytest.raises(ValueError, match=f"at least the {len(base['themes'])} real themes, not 3"):
        synthesize(base, record, 3)


def test_the_real_nav_lists_every_theme_without_groups() -> None:
    roadmap = load_roadmap(ROOT / "roadmap.yaml")
    nav = render_nav(roadmap)
    assert "Themes 1" not in nav
    assert len(re.findall(r"themes/[a-z0-9-]+\.md", nav)) == len(roadmap.themes)


def test_a_large_nav_lists_themes_in_groups(project: Project) -> None:
    base, record = _base()
    count = NAV_GROUP_SIZE * 2 + 3
    _write(project, synthesize(base, record, count))
    nav = render_nav(load_roadmap(project.roadmap))
    groups = re.findall(r'"Themes (\d+)\u2013(\d+)":', nav)
    assert groups == [("1", "50"), ("51", "100"), ("101", str(count))]
    assert len(re.findall(r"themes/[a-z0-9-]+\.md", nav)) == count


def test_pages_of_a_large_site_list_only_their_own_group(project: Project) -> None:
    base, record = _base()
    _write(project, synthesize(base, record, NAV_GROUP_SIZE + 10))
    build(project)
    themes = load_roadmap(project.roadmap).themes
    page = (project.site_dir / "themes" / themes[-1].id / "index.html").read_text(encoding="utf-8")
    sidebar = page[page.index('data-md-type="navigation"') : page.index('data-md-type="toc"')]
    linked = set(re.findall(r'href="\.\./([a-z0-9-]+)/"', sidebar))
    # The page's own group is listed in full; the other group is one link, to its first theme.
    assert linked | {themes[-1].id} == {themes[0].id} | {theme.id for theme in themes[NAV_GROUP_SIZE:]}


def test_editing_one_quote_rewrites_only_the_files_that_show_it(project: Project) -> None:
    build(project)
    data: dict[str, Any] = yaml.safe_load(project.roadmap.read_text(encoding="utf-8"))
    roadmap = load_roadmap(project.roadmap)
    before = render_site(roadmap).pages
    quote = data["themes"][-1]["priorities"][0]["quotes"][0]
    showing = find_pages_showing(before, quote["id"], roadmap.themes[-1].priorities[0].quotes[0].text)
    quote["text"] = quote["text"].rsplit(None, 1)[0]  # a shorter quote is still verbatim
    project.roadmap.write_text(dump_roadmap(data), encoding="utf-8")
    report = build(project)
    theme_page = f"themes/{data['themes'][-1]['id']}.md"
    assert {theme_page, "source.md"} <= set(report.written.written) <= set(showing)
    assert report.written.deleted == [] and len(showing) < len(before)


@pytest.mark.parametrize(
    ("page", "shows"),
    [
        ("Core to this was the P5 withholding their vetoes.", True),
        (r"Core to this was the P5 withholding their vetoes\.", True),
        ('{"text": "Core to \\"this\\" was"}', False),
        ("see #p5-withhold-veto-core", True),
        ("Core to this was", False),
    ],
)
def test_pages_showing_a_quote_hold_its_id_or_its_text_in_any_form(page: str, shows: bool) -> None:
    found = find_pages_showing(
        {"page": page}, "p5-withhold-veto-core", "Core to this was the P5 withholding their vetoes."
    )
    assert (found == ["page"]) is shows
