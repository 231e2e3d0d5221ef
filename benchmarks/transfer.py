"""What a reader downloads on a first visit: gzip bytes of a page's HTML, CSS, JavaScript and search.

Works on a built site folder (MkDocs with Material, or Zensical): the stylesheets and scripts a page
links, plus what its search loads on first use (the search worker, the search index and any search
language files the index asks for). Images and the favicon are left out.
"""

from __future__ import annotations

import gzip
import json
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

# zlib's default level, what most web servers and CDNs use for on-the-fly compression.
GZIP_LEVEL = 6
# Where each generator puts its search index, relative to the site's root.
SEARCH_INDEXES = ("search/search_index.json", "search.json")


@dataclass(frozen=True)
class FirstView:
    """Gzip bytes of one page's first view, by kind of file."""

    page: str
    html: int
    css: int
    js: int
    search: int

    @property
    def total(self) -> int:
        """Everything together."""
        return self.html + self.css + self.js + self.search


def gzip_size(data: bytes) -> int:
    """Size of `data` compressed as a web server would send it."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Assets(HTMLParser):
    """Collects the stylesheets, scripts and theme configuration a page refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.config = ""
        self._in_config = False
        self.redirect = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and "stylesheet" in (found.get("rel") or "").split() and found.get("href"):
            self.stylesheets.append(found["href"] or "")
        elif tag == "script" and found.get("src"):
            self.scripts.append(found["src"] or "")
        elif tag == "script" and found.get("id") == "__config":
            self._in_config = True
        elif tag == "meta" and (found.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


def _local(site: Path, page_dir: str, url: str) -> Path | None:
    """The file a relative URL on a page points to, or None for another host or a missing file."""
    if "//" in url or url.startswith(("data:", "#")):
        return None
    url = url.split("#")[0].split("?")[0]
    # A URL from the site's root (the 404 page uses them) is taken as served at the host's root.
    path = posixpath.normpath(url.lstrip("/") if url.startswith("/") else posixpath.join(page_dir, url))
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _search_files(site: Path, page_dir: str, config: dict[str, Any]) -> list[Path]:
    """The search worker, the index and the language files the worker loads for it."""
    if not config.get("search"):
        return []
    files = [_local(site, page_dir, str(config["search"]))]  # the worker's URL is relative to the page
    index = next((site / name for name in SEARCH_INDEXES if (site / name).is_file()), None)
    if index is not None:
        files.append(index)
        # Material's worker imports lunr's stemmers for every language but English.
        lunr = site / "assets" / "javascripts" / "lunr"
        languages = json.loads(index.read_bytes()).get("config", {}).get("lang", [])
        extra = [lunr / "min" / f"lunr.{lang}.min.js" for lang in languages if lang != "en"]
        extra += [lunr / "tinyseg.js"] if "ja" in languages else []
        extra += [lunr / "wordcut.js"] if {"hi", "th"} & set(languages) else []
        extra += [lunr / "min" / "lunr.multi.min.js"] if len(languages) > 1 else []
        files += [lunr / "min" / "lunr.stemmer.support.min.js", *extra] if extra else []
    return [file for file in files if file is not None and file.is_file()]


def first_view(site: Path, page: Path) -> FirstView:
    """Gzip bytes a first visit to `page` (an HTML file under `site`) downloads."""
    relative = page.relative_to(site).as_posix()
    page_dir = posixpath.dirname(relative)
    html = page.read_bytes()
    assets = _Assets()
    assets.feed(html.decode("utf-8"))
    config: dict[str, Any] = json.loads(assets.config) if assets.config.strip() else {}

    def total(urls: list[str]) -> int:
        files = {file for url in urls if (file := _local(site, page_dir, url)) is not None}
        return sum(gzip_size(file.read_bytes()) for file in files)

    search = sum(gzip_size(file.read_bytes()) for file in set(_search_files(site, page_dir, config)))
    return FirstView(relative, gzip_size(html), total(assets.stylesheets), total(assets.scripts), search)


def page_type(site: Path, page: Path) -> str:
    """A name for the kind of page: 'home', 'source', 'themes/*', 'redirect', …, from where it lives."""
    relative = page.relative_to(site)
    assets = _Assets()
    assets.feed(page.read_text(encoding="utf-8"))
    if assets.redirect:
        return "redirect"
    folders = relative.parent.parts
    if not folders:
        return "home" if relative.name == "index.html" else relative.stem
    return folders[0] if len(folders) == 1 else "/".join(folders[:-1]) + "/*"


def first_views_by_type(site: Path) -> dict[str, tuple[int, FirstView]]:
    """For each page type, how many pages it has and the first view of its heaviest page."""
    largest: dict[str, tuple[int, FirstView]] = {}
    for page in sorted(site.rglob("*.html")):
        kind = page_type(site, page)
        view = first_view(site, page)
        count, heaviest = largest.get(kind, (0, view))
        largest[kind] = (count + 1, view if view.total > heaviest.total else heaviest)
    return dict(sorted(largest.items()))


def search_index_size(site: Path) -> tuple[int, int]:
    """Bytes of the site's search index, raw and gzipped (0, 0 if it has none)."""
    index = next((site / name for name in SEARCH_INDEXES if (site / name).is_file()), None)
    if index is None:
        return 0, 0
    data = index.read_bytes()
    return len(data), gzip_size(data)
