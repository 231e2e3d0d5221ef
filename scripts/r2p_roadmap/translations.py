"""The unofficial translations: the fingerprint that ties each entry to the English it translates, and
the roadmap in another language, for render.

The English of roadmap.yaml and of the source document is the text of record. A localised roadmap
keeps every verbatim text in English (theme headings, quotes, progress sentences) and carries their
translations beside them; the site's own texts are replaced by their translations.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Mapping

from .model import Actor, Priority, Quote, Roadmap, Term, Theme, Translation

ENGLISH = "en"

# The English fields each entry's fingerprint is made of, in order, by section of a translation file.
FINGERPRINTED: dict[str, tuple[str, ...]] = {
    "meeting": ("summary",),
    "progress": ("text",),
    "actors": ("name", "abbr", "description"),
    "glossary": ("term", "expansion", "definition"),
    "themes": ("title", "short_title", "summary"),
    "priorities": ("title", "text"),
    "quotes": ("text",),
}


def fingerprint(*values: str) -> str:
    """The first 8 hex digits of the SHA-256 of `values` (each NFC and stripped, as loaded; a missing
    optional value is "") joined by U+001F: what a translation's `from:` must be."""
    joined = "\x1f".join(unicodedata.normalize("NFC", value).strip() for value in values)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8]


def english_fingerprints(roadmap: Roadmap) -> dict[tuple[str, str], str]:
    """The fingerprint of every English entry of `roadmap`, by (section, id or English term), made of the
    fields FINGERPRINTED names for its section."""

    def of(section: str, item: object) -> str:
        return fingerprint(*(getattr(item, name) for name in FINGERPRINTED[section]))

    priorities = [priority for theme in roadmap.themes for priority in theme.priorities]
    found = {("meeting", ""): fingerprint(roadmap.meeting_summary)}
    found |= {("progress", quote.id): of("progress", quote) for quote in roadmap.progress}
    found |= {("actors", actor.id): of("actors", actor) for actor in roadmap.actors}
    found |= {("glossary", term.term): of("glossary", term) for term in roadmap.glossary}
    found |= {("themes", theme.id): of("themes", theme) for theme in roadmap.themes}
    found |= {("priorities", priority.id): of("priorities", priority) for priority in priorities}
    found |= {("quotes", quote.id): of("quotes", quote) for priority in priorities for quote in priority.quotes}
    return found


def language_name(roadmap: Roadmap, language: str) -> str:
    """The language's own name, as its translation file gives it ('English' for the text of record)."""
    return "English" if language == ENGLISH else roadmap.translations[language].name


def localise(roadmap: Roadmap, language: str) -> Roadmap:
    """`roadmap` in `language`: unchanged for English; otherwise a copy whose own texts are the
    translation's and whose verbatim texts stay English, with `Quote.translation` and
    `Theme.title_translation` filled in. Support levels stay ids; their names are interface strings."""
    if language == ENGLISH:
        return roadmap
    if language not in roadmap.translations:
        raise ValueError(
            f"no translation into '{language}'; the roadmap's languages are {', '.join(roadmap.languages)}"
        )
    translation = roadmap.translations[language]
    return dataclasses.replace(
        roadmap,
        language=language,
        meeting_summary=translation.meeting_summary,
        progress=tuple(_translated_quote(quote, translation.progress) for quote in roadmap.progress),
        actors=tuple(_actor(actor, translation) for actor in roadmap.actors),
        glossary=tuple(_term(term, translation) for term in roadmap.glossary),
        themes=tuple(_theme(theme, translation) for theme in roadmap.themes),
    )


def _translated_quote(quote: Quote, texts: Mapping[str, str]) -> Quote:
    return dataclasses.replace(quote, translation=texts[quote.id])


def _actor(actor: Actor, translation: Translation) -> Actor:
    return dataclasses.replace(translation.actors[actor.id], id=actor.id)


def _term(term: Term, translation: Translation) -> Term:
    return translation.glossary[term.term]


def _priority(priority: Priority, translation: Translation) -> Priority:
    text = translation.priorities[priority.id]
    return dataclasses.replace(
        priority,
        title=text.title,
        text=text.text,
        keywords=text.keywords,
        quotes=tuple(_translated_quote(quote, translation.quotes) for quote in priority.quotes),
    )


def _theme(theme: Theme, translation: Translation) -> Theme:
    text = translation.themes[theme.id]
    return dataclasses.replace(
        theme,
        title_translation=text.title,
        short_title=text.short_title,
        summary=text.summary,
        keywords=text.keywords,
        priorities=tuple(_priority(priority, translation) for priority in theme.priorities),
    )
