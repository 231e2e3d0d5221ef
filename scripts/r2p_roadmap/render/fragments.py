"""Pieces of Markdown shared by several pages: support badges, actor links and quote figures."""

from __future__ import annotations

from .. import support
from ..model import Priority, Quote, Roadmap
from ..paths import ACTORS_PAGE, SOURCE_PAGE, relative
from .markup import attr, md
from .share import quote_anchor


def badge(level_id: str) -> str:
    """The coloured chip naming a support level; its description is the tooltip."""
    level = support.BY_ID[level_id]
    return f'<span class="r2p-badge r2p-badge--{level.id}" title="{attr(level.description)}">{md(level.label)}</span>'


def support_badge(priority: Priority) -> str:
    """A paragraph naming the support level and, in quotes, the source's own phrase for it."""
    phrase = (
        f"the source: “{md(priority.support_phrase)}”"
        if priority.support_phrase
        else "the source does not say who made this point"
    )
    return f'<p class="r2p-support" markdown="span">{badge(priority.support)} {phrase}</p>'


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
    """A quote as the HTML standard shows one: a figure holding the block quote, with the attribution
    (a link to its paragraph of the source) in the figcaption, outside the quoted words. The figure
    carries the quote's permanent anchor; `share` (the link and cite controls) follows it, kept out
    of the search index so that results show the source's words, not the controls."""
    source_link = relative(page, SOURCE_PAGE, f"p{quote.paragraph}")
    return (
        f'<figure class="r2p-quote" id="{attr(quote.id)}" markdown="block">\n'
        f'<blockquote markdown="block">\n{md(quote.text)}\n</blockquote>\n'
        f'<figcaption class="r2p-quote-source" markdown="span">[Source, paragraph {quote.paragraph}]({source_link})'
        f" {quote_anchor(quote)}</figcaption>\n</figure>" + (f"\n\n{share}" if share else "")
    )
