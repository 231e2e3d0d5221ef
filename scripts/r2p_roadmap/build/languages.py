"""One site per language: English at the site root, each other language in a folder of its code.

Each language is its own MkDocs build from a configuration derived from mkdocs.yml: Material's
interface and search (with its stemmer) in that language, the site address of its folder, and the
languages the header's switcher and the pages' hreflang links offer (themes/partials/alternate.html).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.core import get_global

TEXT_OF_RECORD = "en"  # the language of the source document and of roadmap.yaml: the site root


@dataclass(frozen=True)
class Language:
    """A language of the site: its code, its own name (for the switcher) and its locale (og:locale)."""

    code: str
    name: str
    locale: str

    @property
    def folder(self) -> str:
        """Where its pages are, from the site root: '' for English, 'fr/' for French."""
        return "" if self.code == TEXT_OF_RECORD else f"{self.code}/"


def language(code: str) -> Language:
    """The language of `code`, named and located from Babel's CLDR data ('fr' → Français, fr_FR)."""
    own = Locale.parse(code).get_display_name(code) or code
    likely = Locale.parse(get_global("likely_subtags").get(code, code))
    locale = f"{likely.language}_{likely.territory}" if likely.territory else likely.language
    return Language(code, own[:1].upper() + own[1:], locale)


def language_url(site_url: str, code: str) -> str:
    """The address of a language's home page: the site's for English, its folder's otherwise."""
    return site_url + language(code).folder


def language_config(config: dict[str, Any], code: str, codes: tuple[str, ...], site_url: str) -> dict[str, Any]:
    """mkdocs.yml as the build of language `code` runs it: Material's interface and search in that
    language, and in `extra` every language of the site, for the switcher and the hreflang links.

    `site_url` is the English site's address. Each entry of `r2p_languages` gives a language's code,
    own name, locale, absolute address, and the path from this language's home page to its home page
    (`root`), so that a link from any page to the same page in another language can be written."""
    this = language(code)
    derived = copy.deepcopy(config)
    theme = derived.setdefault("theme", {})
    theme["language"] = code
    plugins = derived.get("plugins", [])
    for index, entry in enumerate(plugins):
        if entry == "search":
            plugins[index] = {"search": {"lang": [code]}}
        elif isinstance(entry, dict) and "search" in entry:
            entry["search"] = {**(entry["search"] or {}), "lang": [code]}
    up = "" if this.folder == "" else "../"
    languages = [
        {
            "code": other.code,
            "name": other.name,
            "locale": other.locale,
            "url": site_url + other.folder,
            "root": up + other.folder if other.code != code else "",
        }
        for other in map(language, codes)
    ]
    derived["site_url"] = site_url + this.folder
    extra = derived.setdefault("extra", {})
    extra["r2p_language"] = next(entry for entry in languages if entry["code"] == code)
    extra["r2p_languages"] = languages
    if len(codes) > 1:
        # Material shows its language switcher when `alternate` is set, and the site's partial
        # (themes/partials/alternate.html) writes it from r2p_languages, with links to the same page in
        # each language. Not a list: Material would add to every page hreflang links to each language's
        # home page, where themes/partials/languages-head.html gives the same page's.
        extra["alternate"] = True
    return derived
