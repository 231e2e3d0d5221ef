"""Every quote of the roadmap in reading order, with the theme and priority it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Priority, Quote, Roadmap, Theme


@dataclass(frozen=True)
class QuoteEntry:
    """A quote and where it is shown: under a priority, or (theme and priority None) as progress noted."""

    quote: Quote
    theme: Theme | None = None
    priority: Priority | None = None


def list_quotes(roadmap: Roadmap) -> list[QuoteEntry]:
    """The progress quotes of the home page, then each priority's quotes, theme by theme."""
    entries = [QuoteEntry(quote) for quote in roadmap.progress]
    for theme in roadmap.themes:
        for priority in theme.priorities:
            entries.extend(QuoteEntry(quote, theme, priority) for quote in priority.quotes)
    return entries
