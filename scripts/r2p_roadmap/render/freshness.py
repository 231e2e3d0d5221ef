"""The roadmap data's version and last-updated date, and the source it is taken from, as values for the
band at the foot of every page (themes/partials/r2p-band.html reads them from config.extra)."""

from __future__ import annotations

import datetime

from ..model import Roadmap
from .interface import long_date

EXTRA_KEY = "r2p_data"


def format_date(iso_date: str, language: str = "en") -> str:
    """'26 November 2026' for '2026-11-26' ('26 novembre 2026' in French); the text unchanged if it is
    not a real date."""
    try:
        day = datetime.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return long_date(language, day)


def template_values(roadmap: Roadmap) -> dict[str, dict[str, str]]:
    """The values the build adds to MkDocs' `extra` config so that every page, hand-written ones too, can show them."""
    source = roadmap.source
    return {
        EXTRA_KEY: {
            "version": roadmap.version,
            "updated": roadmap.updated,
            "updated_text": format_date(roadmap.updated, roadmap.language),
            "source_title": source.title,
            "source_publisher": source.publisher,
            # the source's own words for its date in English; the language's way of writing it otherwise
            "source_date": roadmap.document.date
            if roadmap.language == "en"
            else format_date(source.date, roadmap.language),
            "source_url": source.url,
        }
    }
