"""The real roadmap validates and builds into a complete site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from r2p_roadmap.build import STATE_FOLDER, Project, build
from r2p_roadmap.contract import page_ids
from r2p_roadmap.model import Roadmap
from r2p_roadmap.paths import is_reserved, page_url
from r2p_roadmap.render import render_site
from r2p_roadmap.render.markup import one_line
from r2p_roadmap.source import normalise

from .conftest import ROOT


def test_real_roadmap_has_eight_themes_numbered_in_order(roadmap: Roadmap) -> None:
    assert [theme.number for theme in roadmap.themes] == list(range(1, 9))
    assert all(theme.priorities for theme in roadmap.themes)


def test_site_has_every_page(site_dir: Path, roadmap: Roadmap) -> None:
    expected = ["index.html", "source/index.html", "actors/index.html", "about/index.html", "editing/index.html"]
    expected += [f"themes/{theme.id}/index.html" for theme in roadmap.themes]
    missing = [path for path in expected if not (site_dir / path).is_file()]
    assert missing == []


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, without Material's heading permalinks."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.DOTALL)
    return one_line(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def test_theme_page_h1_names_the_theme_over_its_verbatim_title(site_dir: Path, roadmap: Roadmap) -> None:
    for theme in roadmap.themes:
        page = (site_dir / "themes" / theme.id / "index.html").read_text(encoding="utf-8")
        headings = re.findall(r"<h1[^>]*>(.*?)</h1>\s*<p[^>]*>(.*?)</p>", page, re.DOTALL)
        assert [(_text(h), _text(p)) for h, p in headings] == [
            (f"Theme {theme.number}: {theme.short_title}", f"In the source: {one_line(theme.title)}")
        ]


def test_every_quote_is_in_the_search_index(site_dir: Path, roadmap: Roadmap) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(_text(doc["text"]) for doc in index["docs"])
    for theme in roadmap.themes:
        for priority in theme.priorities:
            for quote in priority.quotes:
                assert one_line(quote.text) in text, quote.id


def _checkout(project: Project) -> dict[str, bytes]:
    """Every file of the checkout but the built site and the builds' own folder."""
    return {
        path.relative_to(project.root).as_posix(): path.read_bytes()
        for path in sorted(project.root.rglob("*"))
        if path.is_file() and path.relative_to(project.root).parts[0] not in ("site", STATE_FOLDER)
    }


def test_a_build_writes_nothing_but_the_site(project: Project) -> None:
    (project.docs_dir / "assets" / "notes with space.txt").write_text("kept as it is\n", encoding="utf-8")
    before = _checkout(project)
    build(project)
    build(project, engine="zensical")
    assert _checkout(project) == before
    assert project.site_dir.is_symlink() and (project.site_dir / "assets" / "notes with space.txt").is_file()
    assert sorted(path.name for path in (project.root / STATE_FOLDER).iterdir()) == sorted(
        ["site.lock", project.site_dir.resolve().name]
    )


def test_every_block_quote_on_the_site_is_verbatim(site_dir: Path, roadmap: Roadmap) -> None:
    paragraphs = [normalise(p.text) for p in roadmap.document.paragraphs]
    count = 0
    for page in site_dir.rglob("*.html"):
        for block in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", page.read_text(encoding="utf-8"), re.DOTALL):
            quote = normalise(_text(re.sub(r'<p class="r2p-quote-source".*?</p>', "", block, flags=re.DOTALL)))
            assert any(quote in paragraph for paragraph in paragraphs), (page, quote)
            count += 1
    assert count >= sum(len(p.quotes) for t in roadmap.themes for p in t.priorities)


def test_mkdocs_yml_sets_no_key_twice() -> None:
    """YAML keeps only the last of two equal keys, so a repeated `extra_javascript:` drops scripts silently."""
    import yaml

    def repeated(node: yaml.Node) -> list[str]:
        found = []
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            found += [
                f"{key} (line {k.start_mark.line + 1})"
                for key, (k, _) in zip(keys, node.value, strict=True)
                if keys.count(key) > 1
            ]
            for _, value in node.value:
                found += repeated(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                found += repeated(item)
        return found

    root = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert root is not None and repeated(root) == []


def test_every_page_has_unique_ids_and_generated_pages_use_roadmap_or_reserved_ones(
    site_dir: Path, roadmap: Roadmap
) -> None:
    ours = {actor.id for actor in roadmap.actors} | {quote.id for quote in roadmap.progress}
    for theme in roadmap.themes:
        ours |= {theme.id, *(p.id for p in theme.priorities), *(q.id for p in theme.priorities for q in p.quotes)}
    folders = ["", *(f"{f.name}/" for f in site_dir.iterdir() if (f / "search" / "search_index.json").is_file())]
    assert len(folders) == 3  # English, French, Spanish
    paths = [page_url(path) for path in render_site(roadmap).pages if path.endswith(".md")]
    generated = {"/" + folder + path for folder in folders for path in paths}
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        ids = re.findall(r'\sid="([^"]+)"', text)
        assert sorted({i for i in ids if ids.count(i) > 1}) == [], page
        link = "/" + page_url(page.relative_to(site_dir).as_posix())
        if link in generated:
            # Source paragraphs are p1, p2 …; the actor id p5 does not clash, since no page holds both.
            unknown = [i for i in page_ids(text) if i not in ours and not is_reserved(i) and not i.startswith("_")]
            unknown = [i for i in unknown if not (page.parent.name == "source" and re.fullmatch("p[0-9]+", i))]
            assert unknown == [], (page, "add the site's own anchors to paths.RESERVED_IDS")


def test_each_theme_page_links_to_its_first_line_in_the_web_editor(site_dir: Path, roadmap: Roadmap) -> None:
    lines = (ROOT / "roadmap.yaml").read_text(encoding="utf-8").splitlines()
    for theme in roadmap.themes:
        page = (site_dir / "themes" / theme.id / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)">Edit this theme</a>', page)
        assert links == [f"https://github.com/r2p-roadmap/r2p-roadmap/edit/main/roadmap.yaml#L{theme.line}"]
        assert lines[theme.line - 1] == f"  - id: {theme.id}"
