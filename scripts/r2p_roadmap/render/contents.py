"""The list of a theme's priorities at the top of its page: a jump list for readers (the side table of
contents is hidden on small screens) that also lets the site search match the theme by its priorities."""

from __future__ import annotations

from ..model import Theme
from .markup import md, priority_number


def priority_list(theme: Theme) -> str:
    """A labelled list of links to the theme's priorities on the same page."""
    items = "\n".join(
        f"- [{priority_number(theme, priority)} {md(priority.title)}](#{priority.id})" for priority in theme.priorities
    )
    return f'<p class="r2p-contents-label">Priorities in this theme:</p>\n\n{items}\n'
