"""The downloadable copy of the site: a second MkDocs build for reading from file://, zipped.

Material's offline plugin makes links end in .html and inlines the search index into a script; the
search worker, which browsers refuse to start from file://, runs in an iframe through the site's own
small shim (docs/assets/offline-iframe-worker.js) instead of one loaded from a CDN.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Collection
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..errors import Problem, RoadmapError

FOLDER = "r2p-roadmap"  # the folder the zip unpacks to
SHIM = "assets/offline-iframe-worker.js"
PLUGIN = "material/offline"
# Fixed timestamps keep the zip identical from build to build when the site has not changed.
_TIMESTAMP = (2009, 9, 25, 0, 0, 0)


def configure_offline(config: MkDocsConfig) -> None:
    """Turn a loaded site config into the offline copy's: offline plugin on, local worker shim."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise RoadmapError(
            [
                Problem(
                    1,
                    1,
                    "plugins",
                    "the offline plugin is missing; the downloadable copy needs it",
                    "list `- offline: {enabled: false}` under plugins (the build turns it on for the copy)",
                    "mkdocs.yml",
                )
            ]
        )
    plugin.config.enabled = True
    config.extra["r2p_offline"] = True  # the footer then points to the online site instead of the zip
    # Without its "Made with Material for MkDocs" link, every link of the copy's footer opens offline.
    config.extra["generator"] = False
    # The plugin adds a CDN copy of its shim unless a polyfill whose name holds "iframe-worker" is set.
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]


# The error page is the one page MkDocs links from the site root ('/themes/x.html'), since a web server
# shows it at any depth; in the copy it sits at the top, so its links are made relative to there.
ERROR_PAGE = "404.html"


def relative_error_page(html: str, folder: str = "") -> str:
    """The error page with its site-root links made relative, so that it works from file:// too; `folder`
    is where the page is ('fr/' for the French site's), the root of its links."""
    root = re.escape("/" + folder)
    link = re.compile(rf'(\s(?:href|src)="){root}(?!/)')
    config = re.compile(rf'("(?:base|search)": "){root}')
    return config.sub(lambda m: m.group(1) + ("." if m.group(1).startswith('"base') else "./"), link.sub(r"\1./", html))


# The links to the citation files are raw HTML, which MkDocs does not rewrite: they are written for the
# web site's layout, where themes/x.md is themes/x/index.html (render/share.py). In the copy that page
# is themes/x.html, one folder up, so each such link loses one '../'.
_FILE_LINK = re.compile(r'(<a class="r2p-file" download href=")\.\./')


def file_links_for_files(html: str) -> str:
    """A page of the copy that is a file (themes/x.html) with its citation-file links made relative to it."""
    return _FILE_LINK.sub(r"\1", html)


def write_zip(site: Path, target: Path, leave_out: Collection[str] = (), folders: Collection[str] = ()) -> None:
    """Zip the files of `site` into `target`, under one folder, in a stable order. Left out: source maps
    (for debugging only, a third of the size) and the paths in `leave_out` (redirects from earlier web
    addresses, which a downloaded copy never had). The error pages (at the top and in each language's
    folder of `folders`, such as 'fr/') go in with relative links, and each page that is a file rather
    than a folder's index.html with its citation-file links moved up."""
    error_pages = {folder + ERROR_PAGE: folder for folder in ("", *folders)}
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(
        path
        for path in site.rglob("*")
        if path.is_file() and path.suffix != ".map" and path.relative_to(site).as_posix() not in leave_out
    )
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", _TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            folder = error_pages.get(path.relative_to(site).as_posix())
            if folder is not None:
                data = relative_error_page(data.decode("utf-8"), folder).encode("utf-8")
            elif path.suffix == ".html" and path.name != "index.html":
                data = file_links_for_files(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)
    os.replace(temporary, target)
