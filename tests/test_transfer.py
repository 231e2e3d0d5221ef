"""First-view sizes count exactly the files a page and its search load, each once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from transfer import first_view, first_views_by_type, gzip_size, page_type, search_index_size

from .conftest import ROOT


def _page(stylesheets: list[str], scripts: list[str], config: dict[str, str] | None = None, extra: str = "") -> str:
    head = "".join(f'<link rel="stylesheet" href="{href}">' for href in stylesheets)
    head += '<link rel="icon" href="/assets/favicon.png">'
    body = "".join(f'<script src="{src}"></script>' for src in scripts)
    if config is not None:
        body += f'<script id="__config" type="application/json">{json.dumps(config)}</script>'
    return f"<html><head>{head}{extra}</head><body><p>Text</p>{body}</body></html>"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small site laid out as Material lays one out, with known files."""
    files = {
        "assets/main.css": "body { color: black; }" * 20,
        "assets/r2p.css": ".r2p { margin: 0; }",
        "assets/bundle.js": "console.log('bundle');" * 30,
        "assets/worker.js": "onmessage = () => {};" * 10,
        "assets/favicon.png": "not counted",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stemmer support" * 5,
        "assets/javascripts/lunr/min/lunr.de.min.js": "german" * 5,
        "assets/javascripts/lunr/min/lunr.multi.min.js": "multi" * 5,
        "search/search_index.json": json.dumps({"config": {"lang": ["en", "de"]}, "docs": [{"text": "x" * 50}]}),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    config = {"base": "../..", "search": "../../assets/worker.js"}
    pages = {
        "index.html": _page(["assets/main.css", "assets/r2p.css"], ["assets/bundle.js"], {**config, "base": "."}),
        "themes/one/index.html": _page(
            ["../../assets/main.css", "../../assets/main.css?v=1", "../../assets/r2p.css", "https://cdn.example/x.css"],
            ["../../assets/bundle.js"],
            config,
        ),
        "themes/two/index.html": _page(["../../assets/main.css"], [], None),
        "404.html": _page(["/assets/main.css"], ["/assets/bundle.js"]),
        "old/index.html": _page([], [], None, '<meta http-equiv="refresh" content="0; url=../themes/one/">'),
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _gzip(site: Path, *names: str) -> int:
    return sum(gzip_size((site / name).read_bytes()) for name in names)


def test_a_theme_page_counts_each_linked_file_once_and_what_search_loads(site: Path) -> None:
    view = first_view(site, site / "themes" / "one" / "index.html")
    assert view.html == _gzip(site, "themes/one/index.html")
    assert view.css == _gzip(site, "assets/main.css", "assets/r2p.css")  # the query string is the same file
    assert view.js == _gzip(site, "assets/bundle.js")
    lunr = "assets/javascripts/lunr/min/"
    assert view.search == _gzip(
        site,
        "assets/worker.js",
        "search/search_index.json",
        lunr + "lunr.stemmer.support.min.js",
        lunr + "lunr.de.min.js",
        lunr + "lunr.multi.min.js",
    )
    assert view.total == view.html + view.css + view.js + view.search


def test_a_page_without_search_loads_no_index(site: Path) -> None:
    assert first_view(site, site / "themes" / "two" / "index.html").search == 0


def test_urls_from_the_sites_root_are_found(site: Path) -> None:
    view = first_view(site, site / "404.html")
    assert (view.css, view.js) == (_gzip(site, "assets/main.css"), _gzip(site, "assets/bundle.js"))


@pytest.mark.parametrize(
    ("page", "kind"),
    [
        ("index.html", "home"),
        ("404.html", "404"),
        ("themes/one/index.html", "themes/*"),
        ("old/index.html", "redirect"),
    ],
)
def test_page_types_come_from_where_pages_live(site: Path, page: str, kind: str) -> None:
    assert page_type(site, site / page) == kind


def test_each_type_reports_its_heaviest_page(site: Path) -> None:
    by_type = first_views_by_type(site)
    assert sorted(by_type) == ["404", "home", "redirect", "themes/*"]
    count, heaviest = by_type["themes/*"]
    assert (count, heaviest.page) == (2, "themes/one/index.html")


def test_search_index_size(site: Path) -> None:
    data = (site / "search" / "search_index.json").read_bytes()
    assert search_index_size(site) == (len(data), gzip_size(data))
    assert search_index_size(site / "themes") == (0, 0)


def test_the_real_site_theme_pages_load_stylesheets_scripts_and_search(site_dir: Path) -> None:
    by_type = first_views_by_type(site_dir)
    _, theme = by_type["themes/*"]
    assert min(theme.html, theme.css, theme.js, theme.search) > 0
    assert sum(count for count, _ in by_type.values()) == len(list(site_dir.rglob("*.html")))


def test_every_page_loads_the_sites_own_scripts_as_one_file_made_from_the_sources_in_order(site_dir: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    sources = config["extra_javascript"]
    bundle = (site_dir / "assets" / "r2p.js").read_text(encoding="utf-8")
    starts = [bundle.index(f"/* {name} */\n") for name in sources]
    assert starts == sorted(starts) and starts[0] == 0
    for name in sources:
        if name != "assets/r2p-link-map.js":  # generated by the build, not a file of docs/
            assert (ROOT / "docs" / name).read_text(encoding="utf-8") in bundle
        assert not (site_dir / name).exists()  # shipped once, inside the bundle
    for page in site_dir.rglob("*.html"):
        scripts = re.findall(r'<script[^>]*\ssrc="([^"]+)"', page.read_text(encoding="utf-8"))
        own = [src for src in scripts if "/javascripts/" not in src and "lunr" not in src]
        assert [src.rsplit("/", 1)[-1] for src in own] in ([], ["r2p.js"]), page
