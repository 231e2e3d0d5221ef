"""The all-themes briefing page: every theme, priority and quote on one printable page, each theme
starting a new sheet, with the permanent link of every item written out."""

from __future__ import annotations

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import BRIEFING_PAGE, PACK_PAGE, SOURCE_PAGE, absolute_url, relative, short_link_path, theme_path
from .fragments import support_badge
from .markup import attr, front_matter, md, priority_number
from .search import UNSEARCHED
from .share import source_reference


def url_line(url: str, label: str = "Permanent link") -> str:
    """A paragraph that prints a permanent URL as its own link text."""
    return (
        f'<p class="r2p-share__links"><span class="r2p-share__label">{label}:</span> '
        f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a></p>'
    )


def _quote(quote: Quote, url: str) -> str:
    source_link = relative(BRIEFING_PAGE, SOURCE_PAGE, f"p{quote.paragraph}")
    return (
        '<blockquote class="r2p-quote" markdown="block">\n'
        f"{md(quote.text)}\n\n"
        f'<p class="r2p-quote-source" markdown="span">[Source, paragraph {quote.paragraph}]({source_link}) · '
        f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a></p>\n'
        "</blockquote>\n"
    )


def _priority(theme: Theme, priority: Priority, site_url: str) -> list[str]:
    page = theme_path(theme)
    return [
        f"### {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n",
        support_badge(priority) + "\n",
        f"{md(priority.text)}\n",
        url_line(absolute_url(site_url, page, priority.id)) + "\n",
        *(_quote(quote, absolute_url(site_url, page, quote.id)) for quote in priority.quotes),
    ]


def render_briefing_page(roadmap: Roadmap, site_url: str) -> str:
    """The Markdown of the all-themes briefing page."""
    count = len(roadmap.themes)
    parts = [
        front_matter(
            title=f"Briefing: all {count} themes",
            description=f"All {count} themes of the 2009 R2P roadmap on one printable page, with every priority, its "
            "verbatim quotes and their permanent links.",
            search=UNSEARCHED,
        ),
        f"# Briefing: the {count} themes of the R2P roadmap {{#briefing}}\n",
        f'<p class="r2p-note" markdown="span">Source: {md(source_reference(roadmap))}. R2P Roadmap data version '
        f"{md(roadmap.version)}, updated {md(roadmap.updated)}. Printed, each theme starts a new page; for a "
        f"shorter briefing, [choose themes and priorities]({relative(BRIEFING_PAGE, PACK_PAGE)}).</p>\n",
    ]
    for theme in roadmap.themes:
        page = theme_path(theme)
        parts += [
            '<section class="r2p-brief-theme" markdown="block">\n',
            f"## Theme {theme.number}: {md(theme.short_title)} {{#{theme.id}}}\n",
            f'<p class="r2p-brief-title" markdown="span">{md(theme.title)}</p>\n',
            f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
            url_line(absolute_url(site_url, page)) + "\n",
            url_line(absolute_url(site_url, short_link_path(theme)), "Short link") + "\n",
        ]
        for priority in theme.priorities:
            parts += _priority(theme, priority, site_url)
        parts.append("</section>\n")
    return "\n".join(parts)
