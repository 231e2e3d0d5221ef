"""The Source page: the full text of record with numbered, linkable paragraphs; quoted passages
are marked and link back to the priority that quotes them."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import HOME_PAGE, SOURCE_PAGE, relative, theme_path
from ..source import Paragraph, find_span
from .markup import front_matter, link, md, priority_number
from .search import SOURCE_SEARCH


@dataclass(frozen=True)
class _Use:
    """A quote of one paragraph and the priority (or home page) that shows it."""

    quote: Quote
    page: str
    label: str
    anchor: str


def _uses(roadmap: Roadmap) -> dict[int, list[_Use]]:
    uses: dict[int, list[_Use]] = {}
    for quote in roadmap.progress:
        uses.setdefault(quote.paragraph, []).append(_Use(quote, HOME_PAGE, "Home: progress noted", quote.id))
    for theme in roadmap.themes:
        for priority in theme.priorities:
            for quote in priority.quotes:
                uses.setdefault(quote.paragraph, []).append(
                    _Use(quote, theme_path(theme), _label(theme, priority), quote.id)
                )
    return uses


def _label(theme: Theme, priority: Priority) -> str:
    return f"{priority_number(theme, priority)} {priority.title}"


def _marked_text(paragraph: Paragraph, uses: list[_Use]) -> str:
    """The paragraph as Markdown, each quoted stretch a link to the first quote that covers it."""
    spans = []
    for use in uses:
        span = find_span(paragraph.text, use.quote.text)
        if span:
            spans.append((span, use))
    cuts = sorted({0, len(paragraph.text)} | {edge for span, _ in spans for edge in span})
    out = []
    for start, end in itertools.pairwise(cuts):
        piece = paragraph.text[start:end]
        lead = " " if piece[:1].isspace() else ""
        trail = " " if piece[-1:].isspace() and piece.strip() else ""
        covering = [use for (s, e), use in spans if s <= start and end <= e]
        if covering and piece.strip():
            target = relative(SOURCE_PAGE, covering[0].page, covering[0].anchor)
            out.append(f"{lead}[{md(piece)}]({target}){{.r2p-quoted}}{trail}")
        else:
            out.append(f"{lead}{md(piece)}{trail}")
    return re.sub(" {2,}", " ", "".join(out)).strip()


def _quoted_in(uses: list[_Use]) -> str:
    seen: dict[tuple[str, str], str] = {}
    for use in uses:
        seen.setdefault((use.page, use.label), relative(SOURCE_PAGE, use.page, use.anchor))
    links = [f"[{md(label)}]({target})" for (_, label), target in seen.items()]
    return '<p class="r2p-quoted-in" markdown="span">Quoted in: ' + "; ".join(links) + "</p>"


def render_source_page(roadmap: Roadmap) -> str:
    """The Markdown of the Source page."""
    document, source = roadmap.document, roadmap.source
    uses = _uses(roadmap)
    parts = [
        front_matter(
            title="Source document",
            description=f"The full text of “{document.title}”, {document.date}, with numbered paragraphs.",
            search=SOURCE_SEARCH,
        ),
        f"# {md(document.title)} {{#document}}\n",
        f'<p class="r2p-subtitle" markdown="span">{md(document.subtitle)}</p>\n',
        f'<p class="r2p-kicker" markdown="span">{md(document.date)} · published by {md(source.publisher)} · '
        f"{link(source.url, 'original')}</p>\n",
        '<p class="r2p-note" markdown="span">This is the text of record: the source document with its line breaks '
        "rejoined and its paragraphs numbered. Highlighted passages are quoted on the site; each links to the "
        "priority that quotes it. Words are exactly as in the original, including its slips.</p>\n",
    ]
    section = ""
    for paragraph in document.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            index = document.sections.index(section)
            parts.append(f"## {md(section)} {{#section-{index}}}\n")
        here = uses.get(paragraph.number, [])
        item = " r2p-para--item" if paragraph.is_item else ""
        parts.append(
            f'<div class="r2p-para{item}" id="p{paragraph.number}" markdown="block">\n'
            f'[{paragraph.number}](#p{paragraph.number}){{.r2p-pn title="Paragraph {paragraph.number}"}} '
            f"{_marked_text(paragraph, here)}\n" + (f"\n{_quoted_in(here)}\n" if here else "") + "</div>\n"
        )
    return "\n".join(parts)
