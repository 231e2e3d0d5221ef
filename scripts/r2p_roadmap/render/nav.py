"""The generated block of mkdocs.yml that lists the themes in order with their numbers."""

from __future__ import annotations

import json

from ..model import Roadmap
from .links import theme_path
from .markup import attr

NAV_BEGIN = "  # BEGIN generated themes: r2p-roadmap rewrites this block from roadmap.yaml"
NAV_END = "  # END generated themes"


def render_nav(roadmap: Roadmap) -> str:
    """The lines between the nav markers, markers included."""
    lines = [NAV_BEGIN, "  - Themes:"]
    for theme in roadmap.themes:
        # Nav titles reach the HTML unescaped (MkDocs templates do not autoescape).
        label = json.dumps(attr(f"{theme.number}. {theme.short_title}"), ensure_ascii=False)
        lines.append(f"      - {label}: {theme_path(theme)}")
    lines.append(NAV_END)
    return "\n".join(lines)
