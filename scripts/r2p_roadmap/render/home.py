"""The home page: what the meeting was, the progress it noted, and the themes as cards."""

from __future__ import annotations

from ..model import Roadmap
from ..paths import DEFAULT_SITE_URL, GLOSSARY_PAGE, HOME_PAGE, WHAT_IS_R2P_PAGE, relative, theme_path
from .consensus import render_consensus_summary
from .fragments import english, quote_block
from .freshness import format_date
from .interface import count, text
from .markup import front_matter, md, one_line
from .share import progress_share


def render_home_page(roadmap: Roadmap, site_url: str = DEFAULT_SITE_URL) -> str:
    """The Markdown of the home page; its quotes' permanent links are absolute URLs under `site_url`."""
    source = roadmap.source
    language = roadmap.language
    what = f"[{text(language, 'What is R2P?')}]({relative(HOME_PAGE, WHAT_IS_R2P_PAGE)})"
    glossary = f"[{text(language, 'Glossary')}]({relative(HOME_PAGE, GLOSSARY_PAGE)})"
    parts = [
        front_matter(
            title=text(language, "The R2P roadmap, 25 September 2009"),
            description=one_line(roadmap.meeting_summary),
        ),
        f"# {text(language, 'The Responsibility to Protect: the road map agreed on 25 September 2009')} {{#home}}\n",
        f'<p class="r2p-summary" markdown="span">{md(roadmap.meeting_summary)}</p>\n',
        '<p class="r2p-note" markdown="span">'
        + text(
            language,
            "New to R2P? {what} gives the background, and the {glossary} explains the abbreviations and terms.",
            what=what,
            glossary=glossary,
        )
        + "</p>\n",
        f"## {text(language, 'Progress noted')} {{#progress}}\n",
        *(
            quote_block(quote, HOME_PAGE, progress_share(roadmap, quote, site_url), language) + "\n"
            for quote in roadmap.progress
        ),
        f"## {count(language, len(roadmap.themes), 'The {count} theme', 'The {count} themes')} {{#themes}}\n",
        # The cards repeat each theme's summary; searches should land on the theme pages themselves.
        '<div class="grid cards r2p-cards" data-search-exclude="" markdown="block">\n',
    ]
    for theme in roadmap.themes:
        priorities = count(language, len(theme.priorities), "{count} priority", "{count} priorities")
        parts.append(
            f"-   **{text(language, 'Theme {number}', number=theme.number)}** · "
            f"[{md(theme.short_title)}]({relative(HOME_PAGE, theme_path(theme))})\n\n"
            "    ---\n\n"
            f"    {md(theme.summary)}\n\n"
            f"    {priorities}\n"
        )
    parts.append("</div>\n")
    parts.append(render_consensus_summary(roadmap, HOME_PAGE))
    sentence = text(
        language,
        "Source: “{title}”, {date}, {publisher}.",
        title=english(language, md(source.title)),
        date=md(roadmap.document.date if language == "en" else format_date(source.date, language)),
        publisher=md(source.publisher),
    )
    links = (
        f"[{text(language, 'Read the full text')}](source.md) · "
        f"[{text(language, 'How this site reads the source')}](about.md)"
    )
    parts.append(f'<p class="r2p-note" markdown="span">{sentence} {links}</p>\n')
    return "\n".join(parts)
