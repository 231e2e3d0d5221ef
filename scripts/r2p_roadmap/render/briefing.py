"""The all-themes briefing page: every theme, priority and quote on one printable page.

Printed, it opens with a cover (title, source, data version, contents) and then runs on compactly,
each heading kept with what follows it; every address in it is written out once, and quotes name
their source paragraph by number (the cover gives the address of the text of record).
"""

from __future__ import annotations

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import BRIEFING_PAGE, PACK_PAGE, SOURCE_PAGE, absolute_url, relative, short_link_path, theme_path
from .fragments import english, in_english, support_badge, translation_note
from .freshness import format_date
from .interface import text
from .markup import attr, front_matter, md, priority_number
from .search import UNSEARCHED
from .share import source_reference


def _url(url: str) -> str:
    return f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a>'


def _quote(quote: Quote, url: str, language: str) -> str:
    source_link = relative(BRIEFING_PAGE, SOURCE_PAGE, f"p{quote.paragraph}")
    paragraph = text(language, "Paragraph {number}", number=quote.paragraph)
    return (
        '<figure class="r2p-brief-quote" markdown="block">\n'
        f'<blockquote class="r2p-quote"{in_english(language)} markdown="block">\n{md(quote.text)}\n</blockquote>\n'
        + translation_note(language, quote.translation, block=True)
        + f'<figcaption class="r2p-brief-quote__source" markdown="span">[{paragraph}]({source_link}) · '
        f"{_url(url)}</figcaption>\n"
        "</figure>\n"
    )


def _priority(theme: Theme, priority: Priority, site_url: str, language: str) -> list[str]:
    page = theme_path(theme)
    permanent = text(language, "Permanent link: {url}", url=_url(absolute_url(site_url, page, priority.id)))
    return [
        '<div class="r2p-brief-head" markdown="block">\n',
        f"### {priority_number(theme, priority)} {md(priority.title)} {{#{priority.id}}}\n",
        support_badge(priority, language) + "\n",
        f"{md(priority.text)}\n",
        f'<p class="r2p-brief-link">{permanent}</p>\n',
        "</div>\n",
        *(_quote(quote, absolute_url(site_url, page, quote.id), language) for quote in priority.quotes),
    ]


def provenance(roadmap: Roadmap, site_url: str, this: str, link: str) -> list[str]:
    """The lines of a printed briefing's head that name the source and the data version, then `this`
    (an interface string such as "This briefing: {url}") with `link`, the briefing's own address."""
    language = roadmap.language
    version = text(
        language,
        "R2P Roadmap data version {version}, updated {date}.",
        version=attr(roadmap.version),
        date=attr(format_date(roadmap.updated, language)),
    )
    source = text(
        language,
        "Source: {source}. Paragraph numbers refer to its text of record, {url}.",
        source=english(language, attr(source_reference(roadmap))),
        url=_url(absolute_url(site_url, SOURCE_PAGE)),
    )
    return [f"<p>{source}</p>", f"<p>{version} {text(language, this, url=link)}</p>"]


def _contents(roadmap: Roadmap) -> str:
    language = roadmap.language
    lines = [f'<p class="r2p-contents-label">{text(language, "Contents")}</p>', '<ol class="r2p-brief-contents">']
    for theme in roadmap.themes:
        heading = text(language, "Theme {number}: {title}", number=theme.number, title=attr(theme.short_title))
        lines.append(f'<li><a href="#{attr(theme.id)}">{heading}</a><ol>')
        lines += [
            f'<li><a href="#{attr(p.id)}">{priority_number(theme, p)} {attr(p.title)}</a></li>'
            for p in theme.priorities
        ]
        lines.append("</ol></li>")
    return "\n".join([*lines, "</ol>"])


def render_briefing_page(roadmap: Roadmap, site_url: str) -> str:
    """The Markdown of the all-themes briefing page."""
    language = roadmap.language
    number = len(roadmap.themes)
    date = roadmap.document.date if language == "en" else format_date(roadmap.source.date, language)
    parts = [
        front_matter(
            title=text(language, "Briefing: all {count} themes", count=number),
            description=text(
                language,
                "All {count} themes of the 2009 R2P roadmap on one printable page, with every priority, its "
                "verbatim quotes and their permanent links.",
                count=number,
            ),
            search=UNSEARCHED,
        ),
        f"# {text(language, 'Briefing: the {count} themes of the R2P roadmap', count=number)} {{#briefing}}\n",
        '<div class="r2p-brief-cover r2p-brief-meta">',
        '<p class="r2p-brief-subtitle">'
        + text(
            language,
            "The {count} themes of the ministerial round table of {date}, each priority with its verbatim quotes "
            "from the source",
            count=number,
            date=attr(date),
        )
        + "</p>",
        *provenance(roadmap, site_url, "This briefing: {url}", _url(absolute_url(site_url, BRIEFING_PAGE))),
        _contents(roadmap),
        "</div>\n",
        '<p class="r2p-note r2p-noprint" markdown="span">'
        + text(
            language,
            "For a shorter briefing, {choose}.",
            choose=f"[{text(language, 'choose themes and priorities')}]({relative(BRIEFING_PAGE, PACK_PAGE)})",
        )
        + "</p>\n",
    ]
    for theme in roadmap.themes:
        page = theme_path(theme)
        heading = text(language, "Theme {number}: {title}", number=theme.number, title=md(theme.short_title))
        links = (
            text(
                language,
                "Permanent link: {url}",
                url=_url(absolute_url(site_url, page)),
            )
            + " · "
            + text(language, "Short link: {url}", url=_url(absolute_url(site_url, short_link_path(theme))))
        )
        note = translation_note(language, theme.title_translation)
        title_note = f'<p class="r2p-brief-title" markdown="span">{note}</p>\n' if note else ""
        parts += [
            '<section class="r2p-brief-theme" markdown="block">\n',
            '<div class="r2p-brief-head" markdown="block">\n',
            f"## {heading} {{#{theme.id}}}\n",
            f'<p class="r2p-brief-title"{in_english(language)} markdown="span">{md(theme.title)}</p>\n' + title_note,
            f'<p class="r2p-summary" markdown="span">{md(theme.summary)}</p>\n',
            f'<p class="r2p-brief-link">{links}</p>\n',
            "</div>\n",
        ]
        for priority in theme.priorities:
            parts += _priority(theme, priority, site_url, language)
        parts.append("</section>\n")
    return "\n".join(parts)
