"""The open data downloads: roadmap.json, quotes.csv and the text of record, rendered from the model."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Mapping
from typing import Any

import babel

from ..model import Actor, Priority, Quote, Roadmap, Term, Theme, Translation
from ..schema import schema
from ..source import SourceDocument
from ..translations import english_fingerprints
from .quote_list import list_quotes

# Each column of quotes.csv and the schema field it comes from; the Data page reads its description there.
CSV_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("quote_id", ("$defs", "quote", "properties", "id")),
    ("theme_number", ("$defs", "theme", "properties", "number")),
    ("theme_id", ("$defs", "theme", "properties", "id")),
    ("priority_id", ("$defs", "priority", "properties", "id")),
    ("support", ("$defs", "priority", "properties", "support")),
    ("actors", ("$defs", "priority", "properties", "actors")),
    ("paragraph", ("$defs", "quote", "properties", "paragraph")),
    ("text", ("$defs", "quote", "properties", "text")),
)
# After them, one column per language other than English: translation_<code>, the quote's translation.
TRANSLATION_COLUMN = ("translation_{code}", ("$defs", "translated-quote", "properties", "text"))


def translation_columns(roadmap: Roadmap) -> list[tuple[str, str]]:
    """The translation columns of quotes.csv: (column name, the language's name in English)."""
    return [
        (TRANSLATION_COLUMN[0].format(code=code), babel.Locale.parse(code).get_display_name("en") or code)
        for code in roadmap.languages[1:]
    ]


def schema_version() -> str:
    """The version of the data structure, as the published JSON Schema states it."""
    version: str = schema()["properties"]["schema_version"]["enum"][0]
    return version


def _quote(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "text": quote.text, "paragraph": quote.paragraph, **_optional(aliases=quote.aliases)}


def _optional(**fields: str | tuple[str, ...]) -> dict[str, Any]:
    """The optional fields that are set; empty ones are left out, as roadmap.yaml leaves them out."""
    return {key: list(value) if isinstance(value, tuple) else value for key, value in fields.items() if value}


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        **_optional(abbr=actor.abbr, description=actor.description, keywords=actor.keywords),
    }


def _term(term: Term) -> dict[str, Any]:
    return {"term": term.term, **_optional(expansion=term.expansion), "definition": term.definition}


def _priority(priority: Priority) -> dict[str, Any]:
    return {
        "id": priority.id,
        "title": priority.title,
        "text": priority.text,
        "support": priority.support,
        "actors": list(priority.actors),
        "quotes": [_quote(quote) for quote in priority.quotes],
        **_optional(keywords=priority.keywords, aliases=priority.aliases),
    }


def _theme(theme: Theme) -> dict[str, Any]:
    return {
        "id": theme.id,
        "number": theme.number,
        "title": theme.title,
        "short_title": theme.short_title,
        "summary": theme.summary,
        "priorities": [_priority(priority) for priority in theme.priorities],
        **_optional(keywords=theme.keywords, aliases=theme.aliases),
    }


def _translation(roadmap: Roadmap, translation: Translation) -> dict[str, Any]:
    """One language's translation in the structure of translations/<code>.yaml, in roadmap order. Each
    `from` is the fingerprint of the English as roadmap.json gives it (quotes as their exact spans)."""
    english = english_fingerprints(roadmap)
    priorities = [priority for theme in roadmap.themes for priority in theme.priorities]
    # Each section: the keys in roadmap order, the translated items, and the fields each item gives.
    sections: dict[str, tuple[list[str], Mapping[str, Any], tuple[str, ...]]] = {
        "progress": ([q.id for q in roadmap.progress], translation.progress, ()),
        "actors": ([a.id for a in roadmap.actors], translation.actors, ("name", "abbr", "description", "keywords")),
        "glossary": ([t.term for t in roadmap.glossary], translation.glossary, ("term", "expansion", "definition")),
        "themes": ([t.id for t in roadmap.themes], translation.themes, ("title", "short_title", "summary", "keywords")),
        "priorities": ([p.id for p in priorities], translation.priorities, ("title", "text", "keywords")),
        "quotes": ([q.id for p in priorities for q in p.quotes], translation.quotes, ()),
    }

    def entry(section: str, key: str, item: Any, names: tuple[str, ...]) -> dict[str, Any]:
        fields = {name: getattr(item, name) for name in names} if names else {"text": item}
        return {"from": english[(section, key)], **_optional(**fields)}

    return {
        "language": translation.language,
        "name": translation.name,
        "meeting": {"from": english[("meeting", "")], "summary": translation.meeting_summary},
        **{
            section: {key: entry(section, key, items[key], names) for key in keys}
            for section, (keys, items, names) in sections.items()
        },
    }


def roadmap_data(roadmap: Roadmap) -> dict[str, Any]:
    """The English roadmap in the structure of roadmap.yaml, plus its schema_version and the translations of
    translations/<code>.yaml; quotes are their exact spans."""
    source = roadmap.source
    translations = {code: _translation(roadmap, roadmap.translations[code]) for code in roadmap.languages[1:]}
    return {
        "schema_version": schema_version(),
        "version": roadmap.version,
        "updated": roadmap.updated,
        "languages": list(roadmap.languages),
        "source": {
            "title": source.title,
            "subtitle": source.subtitle,
            "date": source.date,
            "publisher": source.publisher,
            "url": source.url,
            "text_of_record": source.text_of_record,
            "raw_extraction": source.raw_extraction,
        },
        "meeting": {"summary": roadmap.meeting_summary, "progress": [_quote(q) for q in roadmap.progress]},
        "actors": [_actor(actor) for actor in roadmap.actors],
        "themes": [_theme(theme) for theme in roadmap.themes],
        **({"glossary": [_term(term) for term in roadmap.glossary]} if roadmap.glossary else {}),
        **({"withdrawn": [dataclasses.asdict(w) for w in roadmap.withdrawn]} if roadmap.withdrawn else {}),
        **({"translations": translations} if translations else {}),
    }


def render_roadmap_json(roadmap: Roadmap) -> str:
    """data/roadmap.json: the validated content, valid against the published JSON Schema."""
    return json.dumps(roadmap_data(roadmap), ensure_ascii=False, indent=2) + "\n"


# A cell that starts with one of these is read as a formula by spreadsheet programs. Following the
# OWASP guidance on CSV injection, such a cell is written with a single quote (') before it, which the
# programs show as text; roadmap.json keeps every value exactly. (defusedcsv also rewrites '|' inside
# cells, which would change verbatim quotes, and leaves a leading tab or CR alone, so it is not used.)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str | int) -> str | int:
    """`cell` as quotes.csv writes it: text that a spreadsheet would take for a formula gets a leading '."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def render_quotes_csv(roadmap: Roadmap) -> str:
    """data/quotes.csv: one row per quote, its unofficial translations in a column per language after the
    English, with a byte-order mark so that spreadsheet programs read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends; fields quoted only when needed
    writer.writerow([*(name for name, _ in CSV_COLUMNS), *(name for name, _ in translation_columns(roadmap))])
    translations = [roadmap.translations[code] for code in roadmap.languages[1:]]
    for entry in list_quotes(roadmap):
        theme, priority, quote = entry.theme, entry.priority, entry.quote
        row: list[str | int] = [
            quote.id,
            theme.number if theme else "",
            theme.id if theme else "",
            priority.id if priority else "",
            priority.support if priority else "",
            " ".join(priority.actors) if priority else "",
            quote.paragraph,
            quote.text,
            *((t.quotes if theme else t.progress)[quote.id] for t in translations),
        ]
        writer.writerow(spreadsheet_safe(cell) for cell in row)
    return "\ufeff" + buffer.getvalue()


def render_text_of_record(document: SourceDocument) -> str:
    """The text of record in its own format (title, subtitle, date, `## ` sections, `[N] ` paragraphs)."""
    blocks = [f"# {document.title}", document.subtitle, document.date]
    section = ""
    for paragraph in document.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            blocks.append(f"## {section}")
        blocks.append(("- " if paragraph.is_item else "") + f"[{paragraph.number}] {paragraph.text}")
    return "\n\n".join(blocks) + "\n"
