"""Static redirect pages: earlier theme ids, short links (/4/), withdrawn themes and retired pages.

Each is a plain HTML file written into docs/, which MkDocs (and Zensical) copy as they are, so the
redirect works on any static host and in a downloaded copy. The inline script keeps the `#anchor`
and turns an earlier id into its current one; without JavaScript a `<meta http-equiv="refresh">`
leads to the page (without the anchor), and the body holds a plain link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import Roadmap
from ..paths import (
    ABOUT_PAGE,
    PERFORMANCE_REDIRECT,
    WITHDRAWN_PAGE,
    earlier_theme_path,
    page_url,
    relative_url,
    short_link_path,
    theme_path,
)
from .about import ABOUT_DESCRIPTION, ABOUT_TITLE
from .interface import text
from .markup import GENERATED_MARK, attr, one_line
from .permalinks import earlier_ids


@dataclass(frozen=True)
class Redirect:
    """A redirect page at docs/`path` to the site-root address `target` ('themes/x/')."""

    path: str
    target: str
    title: str
    description: str
    default_anchor: str = ""


def redirects(roadmap: Roadmap) -> list[Redirect]:
    """Every redirect page the roadmap needs: short links, earlier theme ids, withdrawn themes, and the
    address of the Performance page, whose figures are now kept with the code (benchmarks/PERFORMANCE.md)."""
    found = [
        Redirect(
            PERFORMANCE_REDIRECT,
            page_url(ABOUT_PAGE),
            text(roadmap.language, ABOUT_TITLE),  # it previews as the page it leads to
            text(roadmap.language, ABOUT_DESCRIPTION),
            default_anchor="site",
        )
    ]
    for theme in roadmap.themes:
        target = page_url(theme_path(theme))
        title = text(roadmap.language, "Theme {number}: {title}", number=theme.number, title=theme.short_title)
        description = one_line(theme.summary)
        found.append(Redirect(short_link_path(theme), target, title, description))
        found.extend(Redirect(earlier_theme_path(alias), target, title, description) for alias in theme.aliases)
    for withdrawal in roadmap.withdrawn:
        if withdrawal.was == "theme":
            found.append(
                Redirect(
                    earlier_theme_path(withdrawal.id),
                    page_url(WITHDRAWN_PAGE),
                    text(roadmap.language, "Withdrawn: {id}", id=withdrawal.id),
                    one_line(withdrawal.reason),
                    default_anchor=withdrawal.id,
                )
            )
    return found


def _script(target: str, default_anchor: str, aliases: dict[str, str]) -> str:
    # JSON is valid JavaScript; '<' is escaped so no value can close the script element.
    values = [json.dumps(value, sort_keys=True).replace("<", "\\u003c") for value in (target, default_anchor, aliases)]
    return (
        "<script>\n"
        "(function () {\n"
        f"  var target = {values[0]}, anchor = {values[1]}, earlier = {values[2]};\n"
        "  var id = decodeURIComponent(location.hash.slice(1)) || anchor;\n"
        "  if (Object.prototype.hasOwnProperty.call(earlier, id)) id = earlier[id];\n"
        '  if (location.protocol === "file:") target += "index.html";\n'
        '  location.replace(target + (id ? "#" + encodeURIComponent(id) : ""));\n'
        "})();\n"
        "</script>"
    )


def render_redirect(redirect: Redirect, site_url: str, aliases: dict[str, str], language: str = "en") -> str:
    """The HTML of one redirect page, in `language`; `aliases` maps earlier ids to current ones for the anchor."""
    target = relative_url(redirect.path, redirect.target)
    canonical = site_url + redirect.target
    title, description = attr(redirect.title), attr(redirect.description)
    link = f'<a href="{attr(target)}">{title}</a>'
    return "\n".join(
        [
            "<!doctype html>",
            f"<!-- {GENERATED_MARK} -->",
            f'<html lang="{attr(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{title}</title>",
            f'<link rel="canonical" href="{attr(canonical)}">',
            '<meta name="robots" content="noindex">',
            f'<meta name="description" content="{description}">',
            '<meta property="og:type" content="website">',
            f'<meta property="og:title" content="{title}">',
            f'<meta property="og:description" content="{description}">',
            f'<meta property="og:url" content="{attr(canonical)}">',
            '<meta name="twitter:card" content="summary">',
            f'<meta name="twitter:title" content="{title}">',
            f'<meta name="twitter:description" content="{description}">',
            f'<noscript><meta http-equiv="refresh" content="0; url={attr(target)}"></noscript>',
            _script(target, redirect.default_anchor, aliases),
            "</head>",
            "<body>",
            f"<p>{text(language, 'This address leads to {page}.', page=link)}</p>",
            "</body>",
            "</html>",
            "",
        ]
    )


def render_redirects(roadmap: Roadmap, site_url: str) -> dict[str, str]:
    """docs/ path → HTML of every redirect page."""
    aliases = earlier_ids(roadmap)
    return {
        redirect.path: render_redirect(redirect, site_url, aliases, roadmap.language) for redirect in redirects(roadmap)
    }
