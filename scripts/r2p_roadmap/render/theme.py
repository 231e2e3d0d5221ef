"""One page per theme: it leads with the answer (the theme's name, the source's verbatim heading, the
summary and each priority with its support), then each priority with its support and quotes."""

from __future__ import annotations

from ..model import Priority, Roadmap, Theme
from ..paths import DEFAULT_SITE_URL, theme_path
from .contents import priority_list
from .fragments import actor_links, english, quote_block, support_badge, translation_note
from .interface import text
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
    language = roadmap.language
    heading = text(language, "Theme {number}: {title}", number=theme.number, title=theme.short_title)
    phrases = search_phrases(roadmap)
    lead = " | ".join([theme.title, theme.summary, *(p.title for p in theme.priorities), *theme.keywords])
    parts = [
        front_matter(
            title=heading,
            description=one_line(theme.summary),
            search=THEME_SEARCH,
        ),
        f"# {text(language, 'Theme {number}: {title}', number=theme.number, title=md(theme.short_title))} "
        f"{{#{theme.id}}}\n",
        f'<p class="r2p-source-title" markdown="span"><span class="r2p-source-title__label">'
        f"{text(language, 'In the source:')}</span> {english(language, md(theme.title))}"
        f"{translation_note(language, theme.title_translation)}</p>\n",
        f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
        priority_list(theme, language),
        theme_share(roadmap, theme, site_url) + "\n",
    ]
    line = keyword_line(theme.keywords, phrases_in(lead, phrases))
    if line:
        parts.append(line + "\n")
    for priority in theme.priorities:
        parts.append(f"## {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n")
        parts.append(support_badge(priority, language) + "\n")
        parts.append(f"{md(priority.text)}\n")
        actors = actor_links(roadmap, priority, page)
        if actors:
            parts.append(actors + "\n")
        parts.append(priority_share(roadmap, theme, priority, site_url) + "\n")
        parts.extend(
            quote_block(quote, page, quote_share(roadmap, theme, priority, quote, site_url), language) + "\n"
            for quote in priority.quotes
        )
        # Last in its section, so that a search result's snippet starts with what the section says.
        line = keyword_line(priority.keywords, phrases_in(_priority_text(roadmap, priority), phrases))
        if line:
            parts.append(line + "\n")
    if edit_url:
        target = attr(f"{edit_url}#L{theme.line}")
        link = f'<a href="{target}">{text(language, "Edit this theme")}</a>'
        sentence = text(
            language,
            "{link} in roadmap.yaml, from line {line}, in the repository's web editor",
            link=link,
            line=theme.line,
        )
        parts.append(f'<p class="r2p-edit r2p-noprint">{sentence}</p>\n')
    return "\n".join(parts)
