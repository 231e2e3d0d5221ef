"""The consensus strip at the top of a theme page: each priority with its number, title and support
badge, linking to its section. It answers "what was agreed, and how broadly" on the first screen (the
side table of contents is hidden on small screens), and lets the site search match the theme by its
priorities."""

from __future__ import annotations

from ..model import Theme
from .fragments import badge
from .interface import count, text
from .markup import md, priority_number


def priority_list(theme: Theme, language: str = "en") -> str:
    """A labelled list of the theme's priorities, each a link to its section with its support badge."""
    items = "\n".join(
        f'<li markdown="span"><a class="r2p-strip__link" href="#{priority.id}">'
        f'<span class="r2p-strip__number">{md(priority_number(theme, priority))}</span> {md(priority.title)}</a> '
        f"{badge(priority.support, language)}</li>"
        for priority in theme.priorities
    )
    number = count(language, len(theme.priorities), "{count} priority", "{count} priorities")
    label = text(language, "{priorities} · support as the source states it", priorities=number)
    return f'<p class="r2p-contents-label">{label}</p>\n\n<ol class="r2p-strip" markdown="block">\n{items}\n</ol>\n'
