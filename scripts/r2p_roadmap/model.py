"""The validated roadmap as frozen dataclasses; built only by `validate.validate_document`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .source import SourceDocument


@dataclass(frozen=True)
class Quote:
    """A verbatim passage; `text` is the exact span of the text of record."""

    id: str
    text: str
    paragraph: int
    aliases: tuple[str, ...] = ()
    # The unofficial translation shown under the English on a page in another language; empty in English.
    translation: str = ""


@dataclass(frozen=True)
class Priority:
    """A priority with its support level and the phrase of the source that states it."""

    id: str
    title: str
    text: str
    support: str
    support_phrase: str
    actors: tuple[str, ...]
    quotes: tuple[Quote, ...]
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    """One numbered theme of the roadmap."""

    id: str
    number: int
    title: str
    short_title: str
    summary: str
    priorities: tuple[Priority, ...]
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    # The unofficial translation of the verbatim heading `title`, on a page in another language.
    title_translation: str = ""
    # The line of roadmap.yaml where the theme starts (its '- id:' line), for "Edit this theme";
    # where the theme is written, not what it says, so it takes no part in comparing roadmaps.
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Actor:
    """An institution, group or body the source names."""

    id: str
    name: str
    abbr: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """An abbreviation or term of the glossary: what the pages write, what it stands for, what it means."""

    term: str
    definition: str
    expansion: str = ""


def term_forms(term: str) -> tuple[str, ...]:
    """How the pages may write a glossary term: as listed and, when it starts in lowercase, capitalised
    (at the start of a sentence)."""
    return (term, term[0].upper() + term[1:]) if term[:1].islower() else (term,)


@dataclass(frozen=True)
class Source:
    """Metadata of the source document and where its texts live (paths relative to roadmap.yaml)."""

    title: str
    subtitle: str
    date: str
    publisher: str
    url: str
    text_of_record: str
    raw_extraction: str


@dataclass(frozen=True)
class Withdrawal:
    """An id that was published and then removed: why, and the id of the nearest content."""

    id: str
    was: str
    reason: str
    see: str


@dataclass(frozen=True)
class Roadmap:
    """Everything the site is rendered from."""

    version: str
    updated: str
    source: Source
    meeting_summary: str
    progress: tuple[Quote, ...]
    actors: tuple[Actor, ...]
    themes: tuple[Theme, ...]
    document: SourceDocument
    withdrawn: tuple[Withdrawal, ...] = ()
    glossary: tuple[Term, ...] = ()
    # The language this roadmap's own texts are in, and every language the site is published in
    # (English first: the text of record).
    language: str = "en"
    languages: tuple[str, ...] = ("en",)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (ids are validated to resolve)."""
        return self._actors_by_id[actor_id]

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    @cached_property
    def naming(self) -> dict[str, tuple[tuple[Theme, Priority], ...]]:
        """For each actor id, the (theme, priority) pairs that name it, in roadmap order; one pass, so
        pages that count or list them grow linearly with the roadmap."""
        found: dict[str, list[tuple[Theme, Priority]]] = {}
        for theme in self.themes:
            for priority in theme.priorities:
                for actor_id in dict.fromkeys(priority.actors):
                    found.setdefault(actor_id, []).append((theme, priority))
        return {actor_id: tuple(pairs) for actor_id, pairs in found.items()}
