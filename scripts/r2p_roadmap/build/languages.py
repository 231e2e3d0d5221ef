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
from babel.dates import get_month_names

from ..render.interface import text

TEXT_OF_RECORD = "en"  # the language of the source document and of roadmap.yaml: the site root
# The interface strings of the templates (themes/), which read them from extra.r2p_text by their
# English text; a test checks that every one a template asks for is listed here.
TEMPLATE_STRINGS = (
    "R2P Roadmap data version {version}, updated {date}",
    "Page {page} of {pages}",
    "About this site",
    "Roadmap data version {version}, last updated {date}.",
    "Download the data",
    "Source: {source}, {publisher}, {date}.",
    "Quotes are its words; the site’s own text may be reused under {licence}.",
    "Quotes are its words.",
    "You are reading the offline copy of this site; the online site is at {url}.",
    "Download this site",
    "{download} (zip{size}) to read it offline: unzip it and open {file} in a browser. "
    "Search and links work without a connection.",
    "Found a mistake? {link} in the site’s issue tracker.",
    "Report an error",
    "This page is not here",
    "There is no page at this address. It may have been typed or copied with a mistake, or cut short in an "
    "email. Links that this site has published keep working, so check the address against the one you were given.",
    "Search the site",
    "or go to the {home}.",
    "home page",
    "The {count} themes of the roadmap",
)
# The interface strings of the site's scripts (docs/assets/*.js), which ask docs/assets/text.js for them
# by their English text; the build writes them into every page (themes/partials/r2p-text.html).
SCRIPT_STRINGS = (
    "Showing all {total} quotes.",
    "No quote matches these filters.",
    "Showing {shown} of {total} quote.",
    "Showing {shown} of {total} quotes.",
    "Search",
    "Navigation",
    "Table {number}, scrolls sideways",
    "Copy as quote",
    "One paragraph at a time: each quote names the one paragraph it comes from.",
    "Select words of a numbered paragraph: each quote names the paragraph it comes from.",
    "Copied",
    "Quote of paragraph {paragraph} copied, with the id {id}: paste it under a priority's quotes in roadmap.yaml.",
    "Could not copy. Run r2p-roadmap quote with these words to get the same lines.",
    "Citation copied",
    "Link copied",
    "Citation copied to the clipboard.",
    "Link copied to the clipboard: {address}",
    "Could not copy. The text is selected: press Control+C, or Command+C on a Mac, to copy it.",
)


def month_names(code: str) -> dict[str, str]:
    """The months' names in the language, from CLDR, keyed by their English names: permalinks.js writes
    the reader's date with them in the citations' access date."""
    english, names = get_month_names("wide", locale="en"), get_month_names("wide", locale=code)
    return {str(english[month]): str(names[month]) for month in range(1, 13)}


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
    for key in ("site_name", "site_description"):
        if isinstance(derived.get(key), str):
            derived[key] = text(code, derived[key])
    derived["nav"] = _translated_nav(derived.get("nav", []), code)
    for entry in derived.get("markdown_extensions", []):
        if isinstance(entry, dict) and isinstance(entry.get("toc"), dict) and "permalink_title" in entry["toc"]:
            entry["toc"]["permalink_title"] = text(code, entry["toc"]["permalink_title"])
    up = "" if this.folder == "" else "../"
    languages = [
        {
            "code": other.code,
            "name": other.name,
            "locale": other.locale,
            "url": site_url + other.folder,
            "folder": other.folder,
            "root": up + other.folder if other.code != code else "",
        }
        for other in map(language, codes)
    ]
    derived["site_url"] = site_url + this.folder
    extra = derived.setdefault("extra", {})
    extra["r2p_language"] = next(entry for entry in languages if entry["code"] == code)
    extra["r2p_languages"] = languages
    extra["r2p_text"] = {english: text(code, english) for english in TEMPLATE_STRINGS}
    if code != TEXT_OF_RECORD:  # English pages need no island: the scripts' own words are English
        extra["r2p_script_text"] = {english: text(code, english) for english in SCRIPT_STRINGS} | month_names(code)
    if len(codes) > 1:
        # Material shows its language switcher when `alternate` is set, and the site's partial
        # (themes/partials/alternate.html) writes it from r2p_languages, with links to the same page in
        # each language. Not a list: Material would add to every page hreflang links to each language's
        # home page, where themes/partials/languages-head.html gives the same page's.
        extra["alternate"] = True
    return derived


def english_only(markdown: str, code: str) -> str:
    """A hand-written page (docs/*.md, written in English) as the site of language `code` shows it: its
    title, then a note in that language saying it is in English, then the rest, all marked as English."""
    front, body = "", markdown
    if markdown.startswith("---\n") and "\n---\n" in markdown[4:]:
        end = markdown.index("\n---\n", 4) + len("\n---\n")
        front, body = markdown[:end], markdown[end:]
    heading = ""
    first = body.lstrip("\n").split("\n", 1)
    if first[0].startswith("# ") and "{" not in first[0]:  # the title, marked English, above the note
        heading, body = first[0] + " { lang=en }\n", first[1] if len(first) > 1 else ""
    note = text(code, "This page is written in English only.")
    return (
        f'{front}\n{heading}\n<p class="r2p-note" markdown="span">{note}</p>\n\n'
        f'<div lang="en" markdown="1">\n\n{body}\n\n</div>\n'
    )


def _translated_nav(nav: list[Any], code: str) -> list[Any]:
    """The navigation of mkdocs.yml with its section and page titles in language `code`."""
    translated: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            entry = {
                text(code, label): _translated_nav(value, code) if isinstance(value, list) else value
                for label, value in entry.items()
            }
        translated.append(entry)
    return translated
