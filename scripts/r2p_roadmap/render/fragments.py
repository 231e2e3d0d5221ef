"""Pieces of Markdown shared by several pages: support badges, actor links and quote figures."""

from __future__ import annotations

from .. import support
from ..model import Priority, Quote, Roadmap
from ..paths import ACTORS_PAGE, SOURCE_PAGE, relative
from .interface import count, text
from .markup import attr, link_title, md
from .share import quote_anchor

ENGLISH = "en"


def in_english(language: str) -> str:
    """The attribute that marks verbatim English on a page in another language ('' on an English page)."""
    return "" if language == ENGLISH else f' lang="{ENGLISH}"'


def english(language: str, markdown: str) -> str:
    """Verbatim English Markdown as a page in `language` shows it: marked as English unless the page is."""
    return markdown if language == ENGLISH else f'<span lang="{ENGLISH}">{markdown}</span>'


def translation_note(language: str, translation: str, block: bool = False) -> str:
    """The unofficial translation of a verbatim text, labelled so, or '' when there is none."""
    if not translation:
        return ""
    label = text(language, "Unofficial translation")
    if block:
        return (
            f'<div class="r2p-translation" markdown="block">\n<p class="r2p-translation__label">{label}</p>\n\n'
            f"{md(translation)}\n</div>\n"
        )
    label = text(language, "Unofficial translation:")
    return f'<span class="r2p-translation"><span class="r2p-translation__label">{label}</span> {md(translation)}</span>'


def badge(level_id: str, language: str = ENGLISH) -> str:
    """The coloured chip naming a support level in `language`; its description is the tooltip."""
    level = support.BY_ID[level_id]
    label, description = text(language, level.label), text(language, level.description)
    return f'<span class="r2p-badge r2p-badge--{level.id}" title="{attr(description)}">{md(label)}</span>'


def support_badge(priority: Priority, language: str = ENGLISH) -> str:
    """A paragraph naming the support level and, in quotes, the source's own phrase for it (in English,
    marked so on a page in another language)."""
    phrase = (
        text(language, "the source: “{phrase}”", phrase=english(language, md(priority.support_phrase)))
        if priority.support_phrase
        else text(language, "the source does not say who made this point")
    )
    # One element for the words: the paragraph is a flex row, which would part a phrase marked English
    # from the quotation marks around it.
    return f'<p class="r2p-support" markdown="span">{badge(priority.support, language)} <span>{phrase}</span></p>'


def actor_links(roadmap: Roadmap, priority: Priority, page: str) -> str:
    """'Actors: A B' as chips linking to each actor's section, or an empty string."""
    if not priority.actors:
        return ""
    language = roadmap.language
    links = []
    for actor_id in priority.actors:
        actor = roadmap.actor(actor_id)
        label = actor.name + (f" ({actor.abbr})" if actor.abbr else "")
        # The hover text says who the actor is; without a description, how often the roadmap names it.
        named = len(roadmap.naming.get(actor_id, ()))
        title = link_title(actor.description) or count(
            language, named, "Named in {count} priority", "Named in {count} priorities"
        )
        links.append(f'[{md(label)}]({relative(page, ACTORS_PAGE, actor.id)} "{title}"){{.r2p-actor}}')
    label = text(language, "Actors:")
    return f'<p class="r2p-actors" markdown="span"><strong>{label}</strong> ' + " ".join(links) + "</p>"


def quote_block(quote: Quote, page: str, share: str = "", language: str = ENGLISH) -> str:
    """A quote as the HTML standard shows one: a figure holding the block quote, with the attribution
    (a link to its paragraph of the source) in the figcaption, outside the quoted words. The figure
    carries the quote's permanent anchor; `share` (the link and cite controls) follows it, kept out
    of the search index so that results show the source's words, not the controls. On a page in another
    language the quote is marked as English and its unofficial translation follows it, labelled so."""
    source_link = relative(page, SOURCE_PAGE, f"p{quote.paragraph}")
    return (
        f'<figure class="r2p-quote" id="{attr(quote.id)}" markdown="block">\n'
        f'<blockquote{in_english(language)} markdown="block">\n{md(quote.text)}\n</blockquote>\n'
        + translation_note(language, quote.translation, block=True)
        + f'<figcaption class="r2p-quote-source" markdown="span">'
        f"[{text(language, 'Source, paragraph {number}', number=quote.paragraph)}]({source_link})"
        f" {quote_anchor(quote, language)}</figcaption>\n</figure>" + (f"\n\n{share}" if share else "")
    )
