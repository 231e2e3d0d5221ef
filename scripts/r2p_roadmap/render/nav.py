"""The numbered list of themes that the build puts into the site's navigation."""

from __future__ import annotations

import html

from ..model import Roadmap
from ..paths import theme_path
from .markup import one_line


def render_nav(roadmap: Roadmap) -> list[dict[str, str]]:
    """One navigation entry per theme, in order: {'4. Veto restraint': 'themes/veto-restraint.md'}."""
    # The theme prints nav titles as HTML, unescaped (and, in the footer's aria-label, escaped once
    # more): the schema keeps < > & " out of short titles, and this escape guards the rest.
    return [
        {html.escape(one_line(f"{theme.number}. {theme.short_title}"), quote=False): theme_path(theme)}
        for theme in roadmap.themes
    ]
