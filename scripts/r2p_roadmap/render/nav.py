"""The generated block of mkdocs.yml that lists the themes in order with their numbers."""

from __future__ import annotations

import html
import json

from ..model import Roadmap, Theme
from .links import theme_path
from .markup import one_line

NAV_BEGIN = "  # BEGIN generated themes: r2p-roadmap rewrites this block from roadmap.yaml"
NAV_END = "  # END generated themes"


# Past this many themes the nav lists them in groups of this size. Every page carries the nav, so a
# flat list makes the site grow with the square of the number of themes; with groups (and the
# navigation.prune feature) a page lists only its own group in full.
NAV_GROUP_SIZE = 50


def render_nav(roadmap: Roadmap) -> str:
    """The lines between the nav markers, markers included."""
    lines = [NAV_BEGIN, "  - Themes:"]
    themes = roadmap.themes
    if len(themes) <= NAV_GROUP_SIZE:
        lines += [_nav_entry(theme, "      ") for theme in themes]
    else:
        for start in range(0, len(themes), NAV_GROUP_SIZE):
            group = themes[start : start + NAV_GROUP_SIZE]
            lines.append(f'      - "Themes {group[0].number}\u2013{group[-1].number}":')
            lines += [_nav_entry(theme, "          ") for theme in group]
    lines.append(NAV_END)
    return "\n".join(lines)


def _nav_entry(theme: Theme, indent: str) -> str:
    # The theme shows nav titles as HTML, unescaped (and, in the footer's aria-label, escaped once
    # more): the schema keeps < > & " out of short titles, and this escape guards the rest.
    label = json.dumps(html.escape(one_line(f"{theme.number}. {theme.short_title}"), quote=False), ensure_ascii=False)
    return f"{indent}- {label}: {theme_path(theme)}"
