"""Permanent addresses: absolute URLs from site_url, and where every id, earlier id and withdrawn id lands.

Every anchor is built from an id of roadmap.yaml; ids are unique across the whole roadmap, so an id
alone names one place on the site. That makes one map, id → page#id, enough to send any old link
(a renamed, moved or withdrawn id) to the right place, from any page.
"""

from __future__ import annotations

import json

from ..model import Roadmap
from ..paths import ACTORS_PAGE, HOME_PAGE, WITHDRAWN_PAGE, page_url, theme_path
from .markup import GENERATED_MARK


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
