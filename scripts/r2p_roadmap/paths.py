"""Every page path and address of the site, built from ids only, never from titles.

Render, the link contract, the redirects, the build and the preview all ask this module, so an
address is written down once. Paths are relative to the site's pages folder ('themes/x.md');
addresses are relative to the site root ('themes/x/').
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

from .model import Roadmap, Theme

DEFAULT_SITE_URL = "https://r2p-roadmap.github.io/"

HOME_PAGE = "index.md"
SOURCE_PAGE = "source.md"
ACTORS_PAGE = "actors.md"
ABOUT_PAGE = "about.md"
CONSENSUS_PAGE = "consensus.md"
QUOTES_PAGE = "quotes.md"
DATA_PAGE = "data.md"
BRIEFING_PAGE = "briefing.md"
PACK_PAGE = "briefing-pack.md"
WITHDRAWN_PAGE = "withdrawn.md"
GLOSSARY_PAGE = "glossary.md"
WHAT_IS_R2P_PAGE = "what-is-r2p.md"  # hand-written, in docs/
# The page that once held the build's performance figures, now kept in the repository
# (benchmarks/PERFORMANCE.md); its address leads to the About page.
PERFORMANCE_REDIRECT = "performance/index.html"
THEMES_FOLDER = "themes"

LINK_MAP_PATH = "assets/r2p-link-map.js"
JSON_PATH = "data/roadmap.json"
SCHEMA_PATH = "data/roadmap.schema.json"
CSV_PATH = "data/quotes.csv"
ZIP_PATH = "downloads/r2p-roadmap-offline.zip"

# Names the site itself uses for pages, folders and anchors. An id of roadmap.yaml becomes a page
# name (themes/<id>/), an anchor and a key of the link map, so it must not be one of them: a theme
# called 'index' would take the place of /themes/, a quote called 'progress' would move the home
# page's heading. A test scans the built site: every id on a generated page is a roadmap id or
# reserved here.
RESERVED_IDS = frozenset(
    {
        *(PurePosixPath(page).stem for page in (HOME_PAGE, SOURCE_PAGE, ACTORS_PAGE, ABOUT_PAGE, CONSENSUS_PAGE)),
        *(PurePosixPath(page).stem for page in (QUOTES_PAGE, DATA_PAGE, BRIEFING_PAGE, PACK_PAGE, WITHDRAWN_PAGE)),
        *(PurePosixPath(page).stem for page in (GLOSSARY_PAGE, WHAT_IS_R2P_PAGE)),
        *("404", "assets", "data", "downloads", "editing", "performance", "search", "sitemap", THEMES_FOLDER),
        # anchors of the generated pages' own headings, tables and controls
        *("cite", "columns", "consensus-map", "derivation", "document", "fields", "home", "levels", "progress"),
        *("provenance", "quote-explorer", "site", "support-levels", "table", "use"),
    }
)
# Families of the site's own anchors: numbered sections, field tables, the map's captions and the
# quote explorer's controls.
RESERVED_PATTERN = re.compile(r"section-[0-9]+|(?:fields|consensus-map|r2p-qx)-.*")


def is_reserved(item_id: str) -> bool:
    """Whether `item_id` is a name the site uses for a page, a folder or an anchor of its own."""
    return item_id in RESERVED_IDS or bool(RESERVED_PATTERN.fullmatch(item_id))


def theme_path(theme: Theme | str) -> str:
    """The page of a theme (or of a theme id): 'themes/<id>.md'."""
    return f"{THEMES_FOLDER}/{theme if isinstance(theme, str) else theme.id}.md"


def short_link_path(theme: Theme) -> str:
    """The redirect page of a theme's short link, such as '4/index.html' for /4/."""
    return f"{theme.number}/index.html"


def earlier_theme_path(theme_id: str) -> str:
    """The redirect page left at the address of a theme's earlier or withdrawn id."""
    return f"{THEMES_FOLDER}/{theme_id}/index.html"


def text_of_record_path(roadmap: Roadmap) -> str:
    """Where the text of record is published: data/<its file name>.txt, plain UTF-8 text."""
    return "data/" + PurePosixPath(roadmap.source.text_of_record).with_suffix(".txt").name


def page_url(path: str) -> str:
    """The address of a page path: 'themes/x.md' → 'themes/x/', 'index.md' → '', '4/index.html' → '4/'."""
    if path.endswith(".md"):
        stem = path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
    if path == "index.html" or path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path


def absolute_url(site_url: str, path: str, anchor: str = "") -> str:
    """The permanent absolute URL of a page path, with `#anchor` when given."""
    return site_url + page_url(path) + (f"#{anchor}" if anchor else "")


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one page path to another (MkDocs resolves and checks it)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def relative_url(from_file: str, to_address: str) -> str:
    """A relative link from the file `from_file` to a site-root address such as 'themes/x/#y'."""
    path, _, anchor = to_address.partition("#")
    target = posixpath.relpath(path or ".", posixpath.dirname(from_file) or ".")
    target = "./" if target == "." else target + ("/" if path.endswith("/") or not path else "")
    return target + (f"#{anchor}" if anchor else "")
