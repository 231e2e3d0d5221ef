"""Copy-link and cite controls for themes, priorities and quotes, and the short link of a theme.

The permanent URL is printed as a link, so that it is visible, selectable and printable without
JavaScript; permalinks.js reveals the copy buttons (hidden until then) and announces each copy.
"""

from __future__ import annotations

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import HOME_PAGE, absolute_url, short_link_path, theme_path
from .markup import attr, priority_number

SHORT_LINK_LABEL = "Short link"


def source_reference(roadmap: Roadmap) -> str:
    """The source document as cited: publisher, “title: subtitle”, date."""
    source = roadmap.source
    return f"{source.publisher}, “{source.title}: {source.subtitle}”, {roadmap.document.date}"


def citation(roadmap: Roadmap, item: str, url: str) -> str:
    """A ready-to-paste citation of `item` (plain text) with its permanent URL and the data version."""
    return (
        f"{source_reference(roadmap)}. {item}. R2P Roadmap, data version {roadmap.version} "
        f"(updated {roadmap.updated}), {url}"
    )


def theme_item(theme: Theme) -> str:
    """How a theme is named in a citation: its number and verbatim title."""
    return f"Theme {theme.number}, “{' '.join(theme.title.split())}”"


def priority_item(theme: Theme, priority: Priority) -> str:
    """How a priority is named in a citation."""
    return f"Theme {theme.number}, priority {priority_number(theme, priority)}, “{priority.title}”"


def quote_item(theme: Theme, priority: Priority, quote: Quote) -> str:
    """How a quote is named in a citation: the priority that shows it and its source paragraph."""
    return (
        f"Quote under theme {theme.number}, priority {priority_number(theme, priority)}, “{priority.title}”, "
        f"source paragraph {quote.paragraph}"
    )


def share_block(roadmap: Roadmap, *, url: str, what: str, item: str, short_url: str = "") -> str:
    """The raw HTML row under an item: its permanent link, a Copy link button and a Cite disclosure.

    `what` names the item for screen readers ("priority 4.1"); `item` names it in the citation.
    """
    text = citation(roadmap, item, url)
    short = (
        f' <span class="r2p-share__label">{SHORT_LINK_LABEL}:</span> '
        f'<a class="r2p-url r2p-shortlink" href="{attr(short_url)}">{attr(short_url)}</a>'
        if short_url
        else ""
    )
    return (
        '<div class="r2p-share">\n'
        f'<p class="r2p-share__links"><span class="r2p-share__label">Permanent link:</span> '
        f'<a class="r2p-url r2p-permalink" href="{attr(url)}">{attr(url)}</a>{short}</p>\n'
        f'<button type="button" class="r2p-copy" data-r2p-copy="{attr(url)}" '
        f'aria-label="Copy link to {attr(what)}" hidden>Copy link</button>\n'
        '<details class="r2p-cite">\n'
        f'<summary aria-label="Cite {attr(what)}">Cite</summary>\n'
        f'<p class="r2p-cite__text">{attr(text)}</p>\n'
        f'<button type="button" class="r2p-copy" data-r2p-copy="{attr(text)}" '
        f'aria-label="Copy citation of {attr(what)}" hidden>Copy citation</button>\n'
        "</details>\n"
        "</div>"
    )


def quote_anchor(quote: Quote) -> str:
    """The link icon that makes a quote's anchor visible on hover and focus, as headings have."""
    return f'<a class="headerlink r2p-anchor" href="#{attr(quote.id)}" title="Link to this quote">¶</a>'


def theme_share(roadmap: Roadmap, theme: Theme, site_url: str) -> str:
    """The share row under a theme's summary, with its short link."""
    return share_block(
        roadmap,
        url=absolute_url(site_url, theme_path(theme)),
        what=f"theme {theme.number}",
        item=theme_item(theme),
        short_url=absolute_url(site_url, short_link_path(theme)),
    )


def priority_share(roadmap: Roadmap, theme: Theme, priority: Priority, site_url: str) -> str:
    """The share row of a priority."""
    return share_block(
        roadmap,
        url=absolute_url(site_url, theme_path(theme), priority.id),
        what=f"priority {priority_number(theme, priority)}",
        item=priority_item(theme, priority),
    )


def quote_share(roadmap: Roadmap, theme: Theme, priority: Priority, quote: Quote, site_url: str) -> str:
    """The share row inside a quote."""
    index = priority.quotes.index(quote) + 1
    return share_block(
        roadmap,
        url=absolute_url(site_url, theme_path(theme), quote.id),
        what=f"quote {index} of priority {priority_number(theme, priority)}",
        item=quote_item(theme, priority, quote),
    )


def progress_share(roadmap: Roadmap, quote: Quote, site_url: str) -> str:
    """The share row inside a quote of the home page's “Progress noted”."""
    index = roadmap.progress.index(quote) + 1
    return share_block(
        roadmap,
        url=absolute_url(site_url, HOME_PAGE, quote.id),
        what=f"progress quote {index}",
        item=f"Progress noted at the meeting, source paragraph {quote.paragraph}",
    )
