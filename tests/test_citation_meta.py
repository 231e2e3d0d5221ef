"""The built site's citation metadata: Highwire Press and Dublin Core tags on every page, JSON-LD, and
the citation files each Link · Cite links to."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.model import Roadmap

from .conftest import ROOT

PERMANENT = configured_site_url(ROOT / "mkdocs.yml")
_META = re.compile(r'<meta name="((?:citation_|DC\.)[^"]+)" content="([^"]*)">')
_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _pages(site_dir: Path) -> list[Path]:
    """Every HTML page of the site but the redirect pages (which send the reader on at once)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            pages.append(path)
    return pages


def test_every_page_has_the_source_documents_citation_tags(site_dir: Path, roadmap: Roadmap) -> None:
    pages = _pages(site_dir)
    assert len(pages) > 20 and site_dir / "404.html" in pages and site_dir / "editing" / "index.html" in pages
    source = roadmap.source
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        tags: dict[str, list[str]] = {}
        for name, content in _META.findall(head):
            tags.setdefault(name, []).append(content)
        where = path.relative_to(site_dir).as_posix()
        assert tags["citation_title"] == [f"{source.title}: {source.subtitle}"], where
        assert tags["citation_author"] == ["Global Centre for the Responsibility to Protect"], where
        assert tags["citation_technical_report_institution"] == [source.publisher], where
        assert tags["citation_publication_date"] == ["2009/09/25"] and tags["DC.date"] == ["2009-09-25"], where
        assert tags["DC.creator"] == [source.publisher] and tags["DC.source"] == [source.url], where
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', head)
        if canonical:  # the page's own address, where the page has one (not the 404 page)
            assert tags["citation_public_url"] == tags["DC.identifier"] == [canonical.group(1)], where
            assert canonical.group(1).startswith(PERMANENT)
        report = json.loads(_JSON_LD.findall(head)[0])
        assert report["@type"] == "Report" and report["datePublished"] == "2009-09-25", where


def test_theme_pages_describe_their_theme_in_json_ld(site_dir: Path, roadmap: Roadmap) -> None:
    for theme in roadmap.themes:
        head = (site_dir / "themes" / theme.id / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]
        report, data = (json.loads(script) for script in _JSON_LD.findall(head))
        assert data["@type"] == "CreativeWork" and data["position"] == theme.number
        assert data["url"] == f"{PERMANENT}themes/{theme.id}/" and data["isPartOf"] == {"@id": report["@id"]}
    home = (site_dir / "index.html").read_text(encoding="utf-8").split("</head>", 1)[0]
    assert len(_JSON_LD.findall(home)) == 1


def test_each_disclosure_links_to_citation_files_that_exist(site_dir: Path, roadmap: Roadmap) -> None:
    theme = roadmap.themes[3]
    page = site_dir / "themes" / theme.id / "index.html"
    text = page.read_text(encoding="utf-8")
    links = re.findall(r'<a class="r2p-file" download href="([^"]+)">(RIS|BibTeX|CSL-JSON)</a>', text)
    items = 1 + sum(1 + len(p.quotes) for p in theme.priorities)
    assert len(links) == 3 * items
    base = f"file://{page}"
    for href, _ in links:
        target = Path(urljoin(base, href).removeprefix("file://"))
        assert target.is_file() and target.parent == site_dir / "data" / "cite", href
    # The Data page links the source document's files.
    data_page = (site_dir / "data" / "index.html").read_text(encoding="utf-8")
    for extension in ("ris", "bib", "json"):
        assert f'href="cite/document.{extension}"' in data_page
