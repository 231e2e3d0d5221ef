"""One “Link · Cite” disclosure per theme, priority and quote: the permanent link, copy buttons, the
item's citation in three styles and its citation files for reference managers.

The disclosure is a plain <details>, so it opens by keyboard and without JavaScript, with the
permanent URL inside it; on screen no URL is printed under an item. In print the disclosure is hidden
and a line outside it, shown only on paper, gives the permanent URL once. permalinks.js reveals the
copy buttons (hidden until then), fills in the reader's access date and announces each copy.
"""

from __future__ import annotations

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import HOME_PAGE, absolute_url, page_url, relative_url, short_link_path, theme_path
from .citations import (
    ACCESSED_FALLBACK,
    FORMATS,
    Cited,
    file_path,
    format_citations,
    priority_cited,
    progress_cited,
    quote_cited,
    theme_cited,
)
from .interface import text
from .markup import attr, priority_number

SHORT_LINK_LABEL = "Short link"


def source_reference(roadmap: Roadmap) -> str:
    """The source document as named in a briefing's header: publisher, “title: subtitle”, date."""
    source = roadmap.source
    return f"{source.publisher}, “{source.title}: {source.subtitle}”, {roadmap.document.date}"


def file_link(page: str, path: str) -> str:
    """A link from the page path `page` to the site file `path`, as the web site lays pages out
    (themes/x.md is themes/x/index.html). Raw HTML is not rewritten by MkDocs, so the offline copy,
    whose pages are files (themes/x.html), moves these links one folder up (build/offline.py)."""
    return relative_url(page_url(page) + "index.html", path)


def copy_label(language: str, style: str, item: str) -> str:
    """What a citation's copy button says to a screen reader: which style, of which item."""
    return text(language, "Copy the {style} citation of {item}", style=style, item=item)


def share_block(roadmap: Roadmap, cited: Cited, *, what: str, page: str, short_url: str = "") -> str:
    """The HTML of an item's “Link · Cite” disclosure, and the line that prints its URL on paper.

    Plain HTML, which Markdown passes through as it is: nothing in it is Markdown, and reading it as
    Markdown inside HTML made up most of a build's time. `what` names the item for screen readers
    ("priority 4.1"); `page` is the page path it is on, from which the links to its citation files are
    made relative (see file_link). The copy buttons copy the text shown beside them (permalinks.js).
    """
    url = attr(cited.url)
    language = roadmap.language
    intro = text(language, "Each citation names the original document first, then this page.")
    nojs = text(
        language, "Write the day you read the page where it says {date}.", date=text(language, ACCESSED_FALLBACK)
    )
    printed = text(language, "Permanent link: {url}", url=url)
    short = (
        f'<p class="r2p-cite__link"><span class="r2p-share__label">{text(language, SHORT_LINK_LABEL)}</span> '
        f'<a class="r2p-url r2p-shortlink" href="{attr(short_url)}">{attr(short_url)}</a></p>\n'
        if short_url
        else ""
    )
    styles = "".join(
        '<div class="r2p-cite__style">\n'
        f'<p class="r2p-cite__name">{attr(formatted.style.label)}</p>\n'
        f'<p class="r2p-cite__text" data-r2p-style="{formatted.style.key}" data-r2p-date="{formatted.date_form}">'
        f"{formatted.html}</p>\n"
        '<button type="button" class="r2p-copy" '
        f'aria-label="{attr(copy_label(language, formatted.style.label, what))}" '
        f"hidden>{text(language, 'Copy citation')}</button>\n"
        "</div>\n"
        for formatted in format_citations(roadmap, cited)
    )
    files = " · ".join(
        f'<a class="r2p-file" download href="{attr(file_link(page, file_path(cited.key, extension)))}">{label}</a>'
        for extension, label in FORMATS
    )
    return (
        # Left out of the search index: every item's citations would match every search for the source.
        # The mark is on the <details> and the printed line, not on the outer <div>: Material's search
        # stops leaving an element out at the end of the first element of the same tag inside it.
        '<div class="r2p-share">\n'
        '<details class="r2p-cite" data-search-exclude="">\n'
        f'<summary>{text(language, "Link")}<span aria-hidden="true"> · </span>'
        f'<span class="r2p-sr"> {text(language, "and")} </span>{text(language, "Cite")}'
        f'<span class="r2p-sr">{text(language, ": {item}", item=attr(what))}</span></summary>\n'
        '<div class="r2p-cite__panel">\n'
        f'<p class="r2p-cite__link"><span class="r2p-share__label">{text(language, "Permanent link")}</span> '
        f'<a class="r2p-url r2p-permalink" href="{url}">{url}</a> '
        '<button type="button" class="r2p-copy" '
        f'aria-label="{attr(text(language, "Copy link to {item}", item=what))}" hidden>'
        f"{text(language, 'Copy link')}</button></p>\n"
        f"{short}"
        f'<p class="r2p-cite__intro">{intro} '
        f'<span class="r2p-cite__nojs">'
        f"{nojs}</span></p>\n"
        f"{styles}"
        '<p class="r2p-cite__files">'
        f'<span class="r2p-share__label">{text(language, "For reference managers")}</span> {files}</p>\n'
        "</div>\n"
        "</details>\n"
        f'<p class="r2p-print-url" data-search-exclude="">{printed}</p>\n'
        "</div>"
    )


def quote_anchor(quote: Quote, language: str = "en") -> str:
    """The link icon that makes a quote's anchor visible on hover and focus, as headings have."""
    title = attr(text(language, "Link to this quote"))
    return f'<a class="headerlink r2p-anchor" href="#{attr(quote.id)}" title="{title}">¶</a>'


def theme_share(roadmap: Roadmap, theme: Theme, site_url: str) -> str:
    """The disclosure under a theme's summary, with its short link."""
    return share_block(
        roadmap,
        theme_cited(roadmap, theme, site_url),
        what=text(roadmap.language, "theme {number}", number=theme.number),
        page=theme_path(theme),
        short_url=absolute_url(site_url, short_link_path(theme)),
    )


def priority_share(roadmap: Roadmap, theme: Theme, priority: Priority, site_url: str) -> str:
    """The disclosure of a priority."""
    return share_block(
        roadmap,
        priority_cited(roadmap, theme, priority, site_url),
        what=text(roadmap.language, "priority {number}", number=priority_number(theme, priority)),
        page=theme_path(theme),
    )


def quote_share(roadmap: Roadmap, theme: Theme, priority: Priority, quote: Quote, site_url: str) -> str:
    """The disclosure of a quote."""
    index = priority.quotes.index(quote) + 1
    return share_block(
        roadmap,
        quote_cited(roadmap, theme, priority, quote, site_url),
        what=text(
            roadmap.language, "quote {index} of priority {number}", index=index, number=priority_number(theme, priority)
        ),
        page=theme_path(theme),
    )


def progress_share(roadmap: Roadmap, quote: Quote, site_url: str) -> str:
    """The disclosure of a quote of the home page's “Progress noted”."""
    index = roadmap.progress.index(quote) + 1
    return share_block(
        roadmap,
        progress_cited(roadmap, quote, site_url),
        what=text(roadmap.language, "progress quote {index}", index=index),
        page=HOME_PAGE,
    )
