"""The generated block of mkdocs.yml that lists the themes in order with their numbers."""

from __future__ import annotations

import html
import json

from ..model import Roadmap
from .links import theme_path
from .markup import one_line

NAV_BEGIN = "  # BEGIN generated themes: r2p-roadmap rewrites this block from roadmap.yaml"
NAV_END = "  # END generated themes"


def render_nav(roadmap: Roadmap) -> str:
    """The lines between the nav markers, markers included."""
    lines = [NAV_BEGIN, "  - Themes:"]
    for theme in roadmap.themes:
        # The theme shows nav titles as HTML, unescaped (and, in the footer's aria-label, escaped once
        # more): the schema keeps < > & " out of short titles, and this escape guards the rest.
        label = html.escape(one_line(f"{theme.number}. {theme.short_title}"), quote=False)
        label = json.dumps(label, ensure_ascii=False)
        lines.append(f"      - {label}: {theme_path(theme)}")
    lines.append(NAV_END)
    return "\n".join(lines)
