"""Permanent addresses: absolute URLs from site_url, and where every id, earlier id and withdrawn id lands.

Every anchor is built from an id of roadmap.yaml; ids are unique across the whole roadmap, so an id
alone names one place on the site. That makes one map, id → page#id, enough to send any old link
(a renamed, moved or withdrawn id) to the right place, from any page.
"""

from __future__ import annotations

import json
import posixpath
import re

from ..model import Roadmap
from .links import theme_path
from .markup import GENERATED_MARK

DEFAULT_SITE_URL = "https://r2p-roadmap.github.io/"
HOME_PAGE = "index.md"
ACTORS_PAGE = "actors.md"
WITHDRAWN_PAGE = "withdrawn.md"
LINK_MAP_PATH = "assets/r2p-link-map.js"

_SITE_URL = re.compile(r"^site_url:\s*[\"']?([^\"'\s#]+)", re.MULTILINE)


def read_site_url(config_text: str) -> str | None:
    """The `site_url` of an mkdocs.yml text, ending in '/', or None when it has none."""
    match = _SITE_URL.search(config_text)
    return match.group(1).rstrip("/") + "/" if match else None


def page_url(docs_path: str) -> str:
    """The address of a docs/ file relative to the site root: 'themes/x.md' → 'themes/x/', 'index.md' → ''."""
    if docs_path.endswith(".md"):
        stem = docs_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
    if docs_path == "index.html" or docs_path.endswith("/index.html"):
        return docs_path.removesuffix("index.html")
    return docs_path


def absolute_url(site_url: str, docs_path: str, anchor: str = "") -> str:
    """The permanent absolute URL of a docs/ file, with `#anchor` when given."""
    return site_url + page_url(docs_path) + (f"#{anchor}" if anchor else "")


def relative_url(from_file: str, to_address: str) -> str:
    """A relative link from the file `from_file` (under docs/) to a site-root address such as 'themes/x/'."""
    path, _, anchor = to_address.partition("#")
    target = posixpath.relpath(path or ".", posixpath.dirname(from_file) or ".")
    target = "./" if target == "." else target + ("/" if path.endswith("/") or not path else "")
    return target + (f"#{anchor}" if anchor else "")


def id_locations(roadmap: Roadmap) -> dict[str, tuple[str, str]]:
    """Every id, earlier id (alias) and withdrawn id → (docs/ page, anchor) of the element it names now."""
    found: dict[str, tuple[str, str]] = {}
    for quote in roadmap.progress:
        found[quote.id] = (HOME_PAGE, quote.id)
    for theme in roadmap.themes:
        page = theme_path(theme)
        found.update(dict.fromkeys((theme.id, *theme.aliases), (page, theme.id)))
        for priority in theme.priorities:
            found.update(dict.fromkeys((priority.id, *priority.aliases), (page, priority.id)))
            for quote in priority.quotes:
                found.update(dict.fromkeys((quote.id, *quote.aliases), (page, quote.id)))
    for actor in roadmap.actors:
        found[actor.id] = (ACTORS_PAGE, actor.id)
    for withdrawal in roadmap.withdrawn:
        found[withdrawal.id] = (WITHDRAWN_PAGE, withdrawal.id)
    return found


def anchor_targets(roadmap: Roadmap) -> dict[str, str]:
    """Every id, earlier id and withdrawn id → the site-root address 'page/#id' where it lands now."""
    return {key: f"{page_url(page)}#{anchor}" for key, (page, anchor) in id_locations(roadmap).items()}


def earlier_ids(roadmap: Roadmap) -> dict[str, str]:
    """Each alias → the id that replaced it."""
    pairs: dict[str, str] = {}
    for theme in roadmap.themes:
        pairs.update(dict.fromkeys(theme.aliases, theme.id))
        for priority in theme.priorities:
            pairs.update(dict.fromkeys(priority.aliases, priority.id))
            for quote in priority.quotes:
                pairs.update(dict.fromkeys(quote.aliases, quote.id))
    return pairs


def render_link_map(roadmap: Roadmap) -> str:
    """The script that gives every page the id map, for following old anchors (see permalinks.js)."""
    data = json.dumps(anchor_targets(roadmap), ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return f"/* {GENERATED_MARK} */\nwindow.r2pLinkMap = {data};\n"
