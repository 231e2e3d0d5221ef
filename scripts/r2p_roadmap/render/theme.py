"""One page per theme: it leads with the answer (the theme's name, the source's verbatim heading, the
summary and each priority with its support), then each priority with its support and quotes."""

from __future__ import annotations

from ..model import Priority, Roadmap, Theme
from ..paths import DEFAULT_SITE_URL, theme_path
from .contents import priority_list
from .fragments import actor_links, quote_block, support_badge
from .markup import attr, front_matter, md, one_line, priority_number
from .search import THEME_SEARCH, keyword_line, phrases_in, search_phrases
from .share import priority_share, quote_share, theme_share


def _priority_text(roadmap: Roadmap, priority: Priority) -> str:
    """Everything a priority's section says, for finding the phrases it holds."""
    actors = [roadmap.actor(actor_id).name for actor_id in priority.actors]
    quotes = [quote.text for quote in priority.quotes]
    return " | ".join([priority.title, priority.text, *actors, *quotes, *priority.keywords])


def render_theme_page(roadmap: Roadmap, theme: Theme, site_url: str = DEFAULT_SITE_URL, edit_url: str = "") -> str:
    """The Markdown of the theme's page; its permanent links are absolute URLs under `site_url`.

    With `edit_url` (roadmap.yaml in the repository's web editor), the page ends with a link to the
    theme's first line there."""
    page = theme_path(theme)
    phrases = search_phrases(roadmap)
    lead = " | ".join([theme.title, theme.summary, *(p.title for p in theme.priorities), *theme.keywords])
    parts = [
        front_matter(
            title=f"Theme {theme.number}: {theme.short_title}",
            description=one_line(theme.summary),
            search=THEME_SEARCH,
        ),
        f"# Theme {theme.number}: {md(theme.short_title)} {{#{theme.id}}}\n",
        f'<p class="r2p-source-title" markdown="span"><span class="r2p-source-title__label">In the source:</span> '
        f"{md(theme.title)}</p>\n",
        f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
        priority_list(theme),
        theme_share(roadmap, theme, site_url) + "\n",
    ]
    line = keyword_line(theme.keywords, phrases_in(lead, phrases))
    if line:
        parts.append(line + "\n")
    for priority in theme.priorities:
        parts.append(f"## {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n")
        parts.append(support_badge(priority) + "\n")
        parts.append(f"{md(priority.text)}\n")
        actors = actor_links(roadmap, priority, page)
        if actors:
            parts.append(actors + "\n")
        parts.append(priority_share(roadmap, theme, priority, site_url) + "\n")
        parts.extend(
            quote_block(quote, page, quote_share(roadmap, theme, priority, quote, site_url)) + "\n"
            for quote in priority.quotes
        )
        # Last in its section, so that a search result's snippet starts with what the section says.
        line = keyword_line(priority.keywords, phrases_in(_priority_text(roadmap, priority), phrases))
        if line:
            parts.append(line + "\n")
    if edit_url:
        target = attr(f"{edit_url}#L{theme.line}")
        parts.append(
            f'<p class="r2p-edit r2p-noprint"><a href="{target}">Edit this theme</a> in roadmap.yaml, '
            f"from line {theme.line}, in the repository's web editor</p>\n"
        )
    return "\n".join(parts)
