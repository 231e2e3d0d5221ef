"""Pieces of Markdown shared by several pages: support badges, actor links and quote blocks."""

from __future__ import annotations

from .. import support
from ..model import Priority, Quote, Roadmap
from ..paths import ACTORS_PAGE, SOURCE_PAGE, relative
from .markup import attr, md
from .share import quote_anchor


def support_badge(priority: Priority) -> str:
    """A paragraph naming the support level and, in quotes, the source's own phrase for it."""
    level = support.BY_ID[priority.support]
    phrase = (
        f"the source: “{md(priority.support_phrase)}”"
        if priority.support_phrase
        else "the source does not say who made this point"
    )
    return (
        f'<p class="r2p-support" markdown="span">'
        f'<span class="r2p-badge r2p-badge--{priority.support}" title="{attr(level.description)}">'
        f"{md(level.label)}</span> {phrase}</p>"
    )


def actor_links(roadmap: Roadmap, priority: Priority, page: str) -> str:
    """'Actors: A B' as chips linking to each actor's section, or an empty string."""
    if not priority.actors:
        return ""
    links = []
    for actor_id in priority.actors:
        actor = roadmap.actor(actor_id)
        label = actor.name + (f" ({actor.abbr})" if actor.abbr else "")
        # The hover text says who the actor is; without a description, how often the roadmap names it.
        named = len(roadmap.naming.get(actor_id, ()))
        title = attr(actor.description) or f"Named in {named} priorit{'y' if named == 1 else 'ies'}"
        links.append(f'[{md(label)}]({relative(page, ACTORS_PAGE, actor.id)} "{title}"){{.r2p-actor}}')
    return '<p class="r2p-actors" markdown="span"><strong>Actors:</strong> ' + " ".join(links) + "</p>"


def quote_block(quote: Quote, page: str, share: str = "") -> str:
    """A block quote with a permanent anchor and a link to its paragraph of the source. `share` (the
    copy-link and cite row) goes right after it, so that the quote holds only the source's words."""
    source_link = relative(page, SOURCE_PAGE, f"p{quote.paragraph}")
    return (
        f'<blockquote class="r2p-quote" id="{attr(quote.id)}" markdown="block">\n'
        f"{md(quote.text)}\n\n"
        f'<p class="r2p-quote-source" markdown="span">[Source, paragraph {quote.paragraph}]({source_link})'
        f" {quote_anchor(quote)}</p>\n</blockquote>" + (f"\n\n{share}" if share else "")
    )
