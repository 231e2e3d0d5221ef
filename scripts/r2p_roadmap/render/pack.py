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
from ..paths import BRIEFING_PAGE, PACK_PAGE, absolute_url, relative, theme_path
from .briefing import provenance
from .fragments import in_english
from .interface import text
from .markup import attr, front_matter, priority_number
from .search import UNSEARCHED

# What a printed pack fills on A4, as tests/test_print.py measures it.
PRINT_PROMISE = (
    "Printed on A4, three priorities picked from different themes fit on one page, and a whole theme takes "
    "about one page."
)


def _link(url: str) -> str:
    return f'<a class="r2p-url" href="{attr(url)}">{attr(url)}</a>'


def _link_line(url: str, language: str) -> str:
    return f'<p class="r2p-brief-link">{text(language, "Permanent link: {url}", url=_link(url))}</p>'


def _heading(theme: Theme, language: str) -> str:
    return text(language, "Theme {number}: {title}", number=theme.number, title=attr(theme.short_title))


def _choices(theme: Theme, language: str) -> list[str]:
    lines = [
        '<fieldset class="r2p-pack-choice">',
        f'<legend><label><input type="checkbox" name="item" value="{attr(theme.id)}" data-r2p-theme-box> '
        f"{_heading(theme, language)}</label></legend>",
        "<ul>",
    ]
    lines += [
        f'<li><label><input type="checkbox" name="item" value="{attr(p.id)}" data-r2p-of="{attr(theme.id)}"> '
        f"{priority_number(theme, p)} {attr(p.title)}</label></li>"
        for p in theme.priorities
    ]
    return [*lines, "</ul>", "</fieldset>"]


def _priority(theme: Theme, priority: Priority, site_url: str, language: str) -> list[str]:
    page = theme_path(theme)
    level = support.BY_ID[priority.support]
    phrase = (
        attr(priority.support_phrase) if language == "en" else f'<span lang="en">{attr(priority.support_phrase)}</span>'
    )
    said = " (" + text(language, "the source: “{phrase}”", phrase=phrase) + ")" if priority.support_phrase else ""
    lines = [
        f'<div class="r2p-pack-priority" data-r2p-priority="{attr(priority.id)}" hidden>',
        f"<h4>{priority_number(theme, priority)} {attr(priority.title)}</h4>",
        f'<p class="r2p-pack-support"><strong>{attr(text(language, level.label))}</strong>{said}. '
        f"{attr(priority.text)}</p>",
        _link_line(absolute_url(site_url, page, priority.id), language),
    ]
    for quote in priority.quotes:
        paragraph = text(language, "Paragraph {number}", number=quote.paragraph)
        translation = (
            f'<p class="r2p-translation"><span class="r2p-translation__label">'
            f"{text(language, 'Unofficial translation:')}</span> {attr(quote.translation)}</p>"
            if quote.translation
            else ""
        )
        lines += [
            '<figure class="r2p-brief-quote">',
            f'<blockquote class="r2p-quote"{in_english(language)}><p>{attr(quote.text)}</p></blockquote>{translation}',
            f'<figcaption class="r2p-brief-quote__source">{paragraph} · '
            f"{_link(absolute_url(site_url, page, quote.id))}</figcaption>",
            "</figure>",
        ]
    return [*lines, "</div>"]


def _theme(theme: Theme, site_url: str, language: str) -> list[str]:
    lines = [
        f'<div class="r2p-pack-theme" data-r2p-theme="{attr(theme.id)}" hidden>',
        '<div class="r2p-brief-head">',
        f"<h3>{_heading(theme, language)}</h3>",
        f'<p class="r2p-brief-title"{in_english(language)}>{attr(theme.title)}</p>',
        _link_line(absolute_url(site_url, theme_path(theme)), language),
        "</div>",
    ]
    for priority in theme.priorities:
        lines += _priority(theme, priority, site_url, language)
    return [*lines, "</div>"]


def render_pack_page(roadmap: Roadmap, site_url: str) -> str:
    """The Markdown of the briefing-pack builder page."""
    language = roadmap.language
    pack_url = absolute_url(site_url, PACK_PAGE)
    form = ['<form class="r2p-pack-form r2p-noprint" method="get" action="">']
    for theme in roadmap.themes:
        form += _choices(theme, language)
    form += [
        '<p class="r2p-pack-actions">'
        f'<button type="submit" class="md-button md-button--primary">{text(language, "Show the pack")}</button> '
        '<button type="button" class="md-button md-button--primary" data-r2p-print hidden>'
        f"{text(language, 'Print the pack')}</button></p>",
        "</form>",
    ]
    pack_link = f'<a class="r2p-url" data-r2p-pack-url href="{attr(pack_url)}">{attr(pack_url)}</a>'
    pack = [
        '<div class="r2p-pack" data-r2p-pack>',
        f'<p class="r2p-pack-empty">{text(language, "Nothing is ticked yet: the pack is empty.")}</p>',
        '<div class="r2p-pack-head r2p-brief-meta" hidden>',
        f"<h2>{text(language, 'Briefing: the R2P roadmap of 25 September 2009')}</h2>",
        *provenance(roadmap, site_url, "This pack: {url}", pack_link),
        "</div>",
    ]
    for theme in roadmap.themes:
        pack += _theme(theme, site_url, language)
    pack.append("</div>")
    briefing = relative(PACK_PAGE, BRIEFING_PAGE)
    title = text(language, "Make a briefing pack")
    return "\n".join(
        [
            front_matter(
                title=title,
                description=text(
                    language,
                    "Choose themes and priorities of the 2009 R2P roadmap and print a short briefing with their "
                    "verbatim quotes and permanent links.",
                ),
                search=UNSEARCHED,
            ),
            f"# {title} {{#briefing-pack .r2p-noprint}}\n",
            '<div class="r2p-note r2p-noprint" markdown="block">\n',
            text(
                language,
                "Tick the themes and priorities you need, then print the pack below the list, with their quotes "
                "and permanent links. {promise} The address of this page keeps your choice, so a bookmark or a "
                "shared link opens the same pack. It works offline, in a downloaded copy of the site.",
                promise=text(language, PRINT_PROMISE),
            )
            + "\n",
            "</div>\n",
            # A Markdown link, so that MkDocs writes it for each build (folder or .html addresses).
            '<noscript markdown="block">\n'
            + text(
                language,
                "The pack builder needs JavaScript. The {briefing} prints every theme without it.",
                briefing=f"[{text(language, 'all-themes briefing')}]({briefing})",
            )
            + "\n{: .r2p-note }\n\n</noscript>\n",
            "\n".join(form) + "\n",
            "\n".join(pack) + "\n",
            f'<p class="r2p-noprint" markdown="span">[{text(language, "All themes in one briefing")}]'
            f"({briefing})</p>\n",
        ]
    )
