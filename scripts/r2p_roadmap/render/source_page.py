"""The Source page: the full text of record with numbered, linkable paragraphs; quoted passages
are marked and link back to the priority that quotes them."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import Priority, Quote, Roadmap, Theme
from ..paths import HOME_PAGE, SOURCE_PAGE, relative, theme_path
from ..source import Paragraph, find_span
from .fragments import in_english
from .interface import text
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
    home = text(roadmap.language, "Home: progress noted")
    for quote in roadmap.progress:
        uses.setdefault(quote.paragraph, []).append(_Use(quote, HOME_PAGE, home, quote.id))
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


def _quoted_in(uses: list[_Use], language: str) -> str:
    seen: dict[tuple[str, str], str] = {}
    for use in uses:
        seen.setdefault((use.page, use.label), relative(SOURCE_PAGE, use.page, use.anchor))
    links = [f"[{md(label)}]({target})" for (_, label), target in seen.items()]
    marked = "" if language == "en" else f' lang="{language}"'
    label = text(language, "Quoted in: {links}", links="; ".join(links))
    return f'<p class="r2p-quoted-in"{marked} markdown="span">{label}</p>'


def render_source_page(roadmap: Roadmap) -> str:
    """The Markdown of the Source page."""
    document, source, language = roadmap.document, roadmap.source, roadmap.language
    uses = _uses(roadmap)
    # On a page in another language the document's own words (title, headings, paragraphs) are marked English.
    english = in_english(language)
    heading_lang = "" if language == "en" else " lang=en"
    parts = [
        front_matter(
            title=text(language, "Source document"),
            description=text(
                language,
                "The full text of “{title}”, {date}, with numbered paragraphs.",
                title=document.title,
                date=document.date,
            ),
            search=SOURCE_SEARCH,
        ),
        f"# {md(document.title)} {{#document{heading_lang}}}\n",
        f'<p class="r2p-subtitle"{english} markdown="span">{md(document.subtitle)}</p>\n',
        '<p class="r2p-kicker" markdown="span">'
        + text(
            language,
            "{date} · published by {publisher} · {original}",
            date=f"<span{english}>{md(document.date)}</span>" if english else md(document.date),
            publisher=md(source.publisher),
            original=link(source.url, text(language, "original")),
        )
        + "</p>\n",
        '<p class="r2p-note" markdown="span">'
        + text(
            language,
            "This is the text of record: the source document with its line breaks rejoined and its paragraphs "
            "numbered. Highlighted passages are quoted on the site; each links to the priority that quotes it. "
            "Words are exactly as in the original, including its slips.",
        )
        + "</p>\n",
    ]
    section = ""
    for paragraph in document.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            index = document.sections.index(section)
            parts.append(f"## {md(section)} {{#section-{index}{heading_lang}}}\n")
        here = uses.get(paragraph.number, [])
        item = " r2p-para--item" if paragraph.is_item else ""
        number = text(language, "Paragraph {number}", number=paragraph.number)
        parts.append(
            f'<div class="r2p-para{item}" id="p{paragraph.number}"{english} markdown="block">\n'
            f'[{paragraph.number}](#p{paragraph.number}){{.r2p-pn title="{number}"}} '
            f"{_marked_text(paragraph, here)}\n" + (f"\n{_quoted_in(here, language)}\n" if here else "") + "</div>\n"
        )
    return "\n".join(parts)
