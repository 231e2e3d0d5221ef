"""The generated block of mkdocs.yml that lists the themes in order with their numbers."""

from __future__ import annotations

import json

from ..model import Roadmap, Theme
from .links import theme_path
from .markup import attr

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
    # Nav titles reach the HTML unescaped (MkDocs templates do not autoescape).
    label = json.dumps(attr(f"{theme.number}. {theme.short_title}"), ensure_ascii=False)
    return f"{indent}- {label}: {theme_path(theme)}"
