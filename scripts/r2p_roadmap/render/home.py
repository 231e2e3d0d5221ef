"""The home page: what the meeting was, the progress it noted, and the themes as cards."""

from __future__ import annotations

from ..model import Roadmap
from ..paths import DEFAULT_SITE_URL, GLOSSARY_PAGE, HOME_PAGE, WHAT_IS_R2P_PAGE, relative, theme_path
from .consensus import render_consensus_summary
from .fragments import quote_block
from .markup import front_matter, md, one_line
from .share import progress_share


def render_home_page(roadmap: Roadmap, site_url: str = DEFAULT_SITE_URL) -> str:
    """The Markdown of the home page; its quotes' permanent links are absolute URLs under `site_url`."""
    source = roadmap.source
    count = len(roadmap.themes)
    parts = [
        front_matter(
            title="The R2P roadmap, 25 September 2009",
            description=one_line(roadmap.meeting_summary),
        ),
        "# The Responsibility to Protect: the road map agreed on 25 September 2009 {#home}\n",
        f'<p class="r2p-summary" markdown="span">{md(roadmap.meeting_summary)}</p>\n',
        f'<p class="r2p-note" markdown="span">New to R2P? [What is R2P?]({relative(HOME_PAGE, WHAT_IS_R2P_PAGE)}) '
        f"gives the background, and the [Glossary]({relative(HOME_PAGE, GLOSSARY_PAGE)}) explains the "
        "abbreviations and terms.</p>\n",
        "## Progress noted {#progress}\n",
        *(quote_block(quote, HOME_PAGE, progress_share(roadmap, quote, site_url)) + "\n" for quote in roadmap.progress),
        f"## The {count} themes {{#themes}}\n",
        # The cards repeat each theme's summary; searches should land on the theme pages themselves.
        '<div class="grid cards r2p-cards" data-search-exclude="" markdown="block">\n',
    ]
    for theme in roadmap.themes:
        n = len(theme.priorities)
        parts.append(
            f"-   **Theme {theme.number}** · [{md(theme.short_title)}]({relative(HOME_PAGE, theme_path(theme))})\n\n"
            "    ---\n\n"
            f"    {md(theme.summary)}\n\n"
            f"    {n} priorit{'y' if n == 1 else 'ies'}\n"
        )
    parts.append("</div>\n")
    parts.append(render_consensus_summary(roadmap, HOME_PAGE))
    parts.append(
        f'<p class="r2p-note" markdown="span">Source: “{md(source.title)}”, {md(roadmap.document.date)}, '
        f"{md(source.publisher)}. [Read the full text](source.md) · [How this site reads the source](about.md)</p>\n"
    )
    return "\n".join(parts)
