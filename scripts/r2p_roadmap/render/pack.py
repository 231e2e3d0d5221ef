"""The briefing-pack builder: tick themes and priorities, get a short printable briefing.

All content is in the page, hidden; pack.js shows what is ticked and writes the choice into the
address (`?item=<theme-id>&item=<priority-id>`), so the pack works offline and can be shared.
The pack is raw HTML without ids, so that it adds no anchors to the link contract. Printed, every
address in it appears once: quotes name their source paragraph by number, and the head gives the
address of the text of record those numbers refer to.
"""

from __future__ import annotations

from .. import support
from ..model import Priority, Roadmap, Theme
from ..paths import BRIEFING_PAGE, PACK_PAGE, SOURCE_PAGE, absolute_url, relative, theme_path
from .freshness import format_date
from .markup import attr, front_matter, priority_number
from .search import UNSEARCHED
from .share import source_reference

# What a printed pack fills on A4, as tests/test_print.py measures it.
PRINT_PROMISE = (
    "Printed on A4, three priorities picked from different themes fit on one page, and a whole theme takes "
    "about one page."
)


def _link(url: str) -> str:
    return f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a>'


def _link_line(url: str) -> str:
    return f'<p class="r2p-brief-link">Permanent link: {_link(url)}</p>'


def _choices(theme: Theme) -> list[str]:
    lines = [
        '<fieldset class="r2p-pack-choice">',
        f'<legend><label><input type="checkbox" name="item" value="{attr(theme.id)}" data-r2p-theme-box> '
        f"Theme {theme.number}: {attr(theme.short_title)}</label></legend>",
        "<ul>",
    ]
    lines += [
        f'<li><label><input type="checkbox" name="item" value="{attr(p.id)}" data-r2p-of="{attr(theme.id)}"> '
        f"{priority_number(theme, p)} {attr(p.title)}</label></li>"
        for p in theme.priorities
    ]
    return [*lines, "</ul>", "</fieldset>"]


def _priority(theme: Theme, priority: Priority, site_url: str) -> list[str]:
    page = theme_path(theme)
    level = support.BY_ID[priority.support]
    said = f" (the source: “{attr(priority.support_phrase)}”)" if priority.support_phrase else ""
    lines = [
        f'<div class="r2p-pack-priority" data-r2p-priority="{attr(priority.id)}" hidden>',
        f"<h4>{priority_number(theme, priority)} {attr(priority.title)}</h4>",
        f'<p class="r2p-pack-support"><strong>{attr(level.label)}</strong>{said}. {attr(priority.text)}</p>',
        _link_line(absolute_url(site_url, page, priority.id)),
    ]
    for quote in priority.quotes:
        lines += [
            '<figure class="r2p-brief-quote">',
            f'<blockquote class="r2p-quote"><p>{attr(quote.text)}</p></blockquote>',
            f'<figcaption class="r2p-brief-quote__source">Paragraph {quote.paragraph} · '
            f"{_link(absolute_url(site_url, page, quote.id))}</figcaption>",
            "</figure>",
        ]
    return [*lines, "</div>"]


def _theme(theme: Theme, site_url: str) -> list[str]:
    lines = [
        f'<div class="r2p-pack-theme" data-r2p-theme="{attr(theme.id)}" hidden>',
        '<div class="r2p-brief-head">',
        f"<h3>Theme {theme.number}: {attr(theme.short_title)}</h3>",
        f'<p class="r2p-brief-title">{attr(theme.title)}</p>',
        _link_line(absolute_url(site_url, theme_path(theme))),
        "</div>",
    ]
    for priority in theme.priorities:
        lines += _priority(theme, priority, site_url)
    return [*lines, "</div>"]


def render_pack_page(roadmap: Roadmap, site_url: str) -> str:
    """The Markdown of the briefing-pack builder page."""
    pack_url = absolute_url(site_url, PACK_PAGE)
    form = ['<form class="r2p-pack-form r2p-noprint" method="get" action="">']
    for theme in roadmap.themes:
        form += _choices(theme)
    form += [
        '<p class="r2p-pack-actions">'
        '<button type="submit" class="md-button md-button--primary">Show the pack</button> '
        '<button type="button" class="md-button md-button--primary" data-r2p-print hidden>Print the pack</button></p>',
        "</form>",
    ]
    pack = [
        '<div class="r2p-pack" data-r2p-pack>',
        '<p class="r2p-pack-empty">Nothing is ticked yet: the pack is empty.</p>',
        '<div class="r2p-pack-head r2p-brief-meta" hidden>',
        "<h2>Briefing: the R2P roadmap of 25 September 2009</h2>",
        f"<p>Source: {attr(source_reference(roadmap))}. Paragraph numbers refer to its text of record, "
        f"{_link(absolute_url(site_url, SOURCE_PAGE))}.</p>",
        f"<p>R2P Roadmap data version {attr(roadmap.version)}, updated {attr(format_date(roadmap.updated))}. "
        f'This pack: <a class="r2p-url" data-r2p-pack-url href="{attr(pack_url)}">{attr(pack_url)}</a></p>',
        "</div>",
    ]
    for theme in roadmap.themes:
        pack += _theme(theme, site_url)
    pack.append("</div>")
    briefing = relative(PACK_PAGE, BRIEFING_PAGE)
    return "\n".join(
        [
            front_matter(
                title="Make a briefing pack",
                description="Choose themes and priorities of the 2009 R2P roadmap and print a short briefing "
                "with their verbatim quotes and permanent links.",
                search=UNSEARCHED,
            ),
            "# Make a briefing pack {#briefing-pack .r2p-noprint}\n",
            '<div class="r2p-note r2p-noprint" markdown="block">\n',
            "Tick the themes and priorities you need, then print the pack below the list, with their quotes and "
            f"permanent links. {PRINT_PROMISE} The address of this page keeps your choice, so a bookmark "
            "or a shared link opens the same pack. It works offline, in a downloaded copy of the site.\n",
            "</div>\n",
            # A Markdown link, so that MkDocs writes it for each build (folder or .html addresses).
            '<noscript markdown="block">\n'
            f"The pack builder needs JavaScript. The [all-themes briefing]({briefing}) prints every theme without "
            "it.\n{: .r2p-note }\n\n</noscript>\n",
            "\n".join(form) + "\n",
            "\n".join(pack) + "\n",
            f'<p class="r2p-noprint" markdown="span">[All themes in one briefing]({briefing})</p>\n',
        ]
    )
