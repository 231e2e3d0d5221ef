"""The all-themes briefing page: every theme, priority and quote on one printable page.

Printed, it opens with a cover (title, source, data version, contents) and then runs on compactly,
each heading kept with what follows it; every address in it is written out once, and quotes name
their source paragraph by number (the cover gives the address of the text of record).
"""

from __future__ import annotations

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import BRIEFING_PAGE, PACK_PAGE, SOURCE_PAGE, absolute_url, relative, short_link_path, theme_path
from .fragments import support_badge
from .freshness import format_date
from .markup import attr, front_matter, md, priority_number
from .search import UNSEARCHED
from .share import source_reference


def _url(url: str) -> str:
    return f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a>'


def _quote(quote: Quote, url: str) -> str:
    source_link = relative(BRIEFING_PAGE, SOURCE_PAGE, f"p{quote.paragraph}")
    return (
        '<figure class="r2p-brief-quote" markdown="block">\n'
        f'<blockquote class="r2p-quote" markdown="block">\n{md(quote.text)}\n</blockquote>\n'
        f'<figcaption class="r2p-brief-quote__source" markdown="span">[Paragraph {quote.paragraph}]({source_link}) · '
        f"{_url(url)}</figcaption>\n"
        "</figure>\n"
    )


def _priority(theme: Theme, priority: Priority, site_url: str) -> list[str]:
    page = theme_path(theme)
    return [
        '<div class="r2p-brief-head" markdown="block">\n',
        f"### {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n",
        support_badge(priority) + "\n",
        f"{md(priority.text)}\n",
        f'<p class="r2p-brief-link">Permanent link: {_url(absolute_url(site_url, page, priority.id))}</p>\n',
        "</div>\n",
        *(_quote(quote, absolute_url(site_url, page, quote.id)) for quote in priority.quotes),
    ]


def _contents(roadmap: Roadmap) -> str:
    lines = ['<p class="r2p-contents-label">Contents</p>', '<ol class="r2p-brief-contents">']
    for theme in roadmap.themes:
        lines.append(f'<li><a href="#{attr(theme.id)}">Theme {theme.number}: {attr(theme.short_title)}</a><ol>')
        lines += [
            f'<li><a href="#{attr(p.id)}">{priority_number(theme, p)} {attr(p.title)}</a></li>'
            for p in theme.priorities
        ]
        lines.append("</ol></li>")
    return "\n".join([*lines, "</ol>"])


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
        '<div class="r2p-brief-cover r2p-brief-meta">',
        f'<p class="r2p-brief-subtitle">The {count} themes of the ministerial round table of '
        f"{attr(roadmap.document.date)}, each priority with its verbatim quotes from the source</p>",
        f"<p>Source: {attr(source_reference(roadmap))}. Paragraph numbers refer to its text of record, "
        f"{_url(absolute_url(site_url, SOURCE_PAGE))}.</p>",
        f"<p>R2P Roadmap data version {attr(roadmap.version)}, updated {attr(format_date(roadmap.updated))}. "
        f"This briefing: {_url(absolute_url(site_url, BRIEFING_PAGE))}</p>",
        _contents(roadmap),
        "</div>\n",
        f'<p class="r2p-note r2p-noprint" markdown="span">For a shorter briefing, '
        f"[choose themes and priorities]({relative(BRIEFING_PAGE, PACK_PAGE)}).</p>\n",
    ]
    for theme in roadmap.themes:
        page = theme_path(theme)
        parts += [
            '<section class="r2p-brief-theme" markdown="block">\n',
            '<div class="r2p-brief-head" markdown="block">\n',
            f"## Theme {theme.number}: {md(theme.short_title)} {{#{theme.id}}}\n",
            f'<p class="r2p-brief-title" markdown="span">{md(theme.title)}</p>\n',
            f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
            f'<p class="r2p-brief-link">Permanent link: {_url(absolute_url(site_url, page))} · '
            f"Short link: {_url(absolute_url(site_url, short_link_path(theme)))}</p>\n",
            "</div>\n",
        ]
        for priority in theme.priorities:
            parts += _priority(theme, priority, site_url)
        parts.append("</section>\n")
    return "\n".join(parts)
