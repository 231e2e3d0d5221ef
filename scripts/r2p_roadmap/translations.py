"""The roadmap in another language: the site's own texts translated, the verbatim texts kept in English."""

from __future__ import annotations

import dataclasses

from .model import Roadmap

# The languages the site is published in, English first. The loader of translations/ reads them from
# the `languages:` key of roadmap.yaml into Roadmap.languages; here they are given by with_languages.
LANGUAGES = ("en", "fr", "es")


def with_languages(roadmap: Roadmap) -> Roadmap:
    """The roadmap with the languages of the site set (the loader of translations/ provides them)."""
    return dataclasses.replace(roadmap, languages=LANGUAGES)


def localise(roadmap: Roadmap, language: str) -> Roadmap:
    """The roadmap as the pages in `language` show it (for "en", unchanged)."""
    if language == roadmap.language:
        return roadmap
    return dataclasses.replace(roadmap, language=language)
