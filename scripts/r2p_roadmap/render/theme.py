"""One page per theme: its verbatim title, summary, and each priority with support and quotes."""

from __future__ import annotations

from ..model import Roadmap, Theme
from ..paths import DEFAULT_SITE_URL, theme_path
from .contents import priority_list
from .fragments import actor_links, quote_block, support_badge
from .markup import attr, front_matter, md, one_line, priority_number
from .search import THEME_SEARCH, keyword_line
from .share import priority_share, quote_share, theme_share


def render_theme_page(roadmap: Roadmap, theme: Theme, site_url: str = DEFAULT_SITE_URL, edit_url: str = "") -> str:
    """The Markdown of the theme's page; its permanent links are absolute URLs under `site_url`.

    With `edit_url` (roadmap.yaml in the repository's web editor), the page ends with a link to the
    theme's first line there."""
    page = theme_path(theme)
    count = len(theme.priorities)
    parts = [
        front_matter(
            title=f"Theme {theme.number}: {theme.short_title}",
            description=one_line(theme.summary),
            search=THEME_SEARCH,
        ),
        f"# {md(theme.title)} {{#{theme.id}}}\n",
        f'<p class="r2p-kicker">Theme {theme.number} of {len(roadmap.themes)} · '
        f"{count} priorit{'y' if count == 1 else 'ies'}</p>\n",
        f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
        theme_share(roadmap, theme, site_url) + "\n",
    ]
    if theme.keywords:
        parts.append(keyword_line(theme.keywords) + "\n")
    parts.append(priority_list(theme))
    for priority in theme.priorities:
        parts.append(f"## {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n")
        parts.append(support_badge(priority) + "\n")
        parts.append(f"{md(priority.text)}\n")
        actors = actor_links(roadmap, priority, page)
        if actors:
            parts.append(actors + "\n")
        parts.append(priority_share(roadmap, theme, priority, site_url) + "\n")
        if priority.keywords:
            parts.append(keyword_line(priority.keywords) + "\n")
        parts.extend(
            quote_block(quote, page, quote_share(roadmap, theme, priority, quote, site_url)) + "\n"
            for quote in priority.quotes
        )
    if edit_url:
        target = attr(f"{edit_url}#L{theme.line}")
        parts.append(
            f'<p class="r2p-edit r2p-noprint"><a href="{target}">Edit this theme</a> in roadmap.yaml, '
            f"from line {theme.line}, in the repository's web editor</p>\n"
        )
    return "\n".join(parts)
