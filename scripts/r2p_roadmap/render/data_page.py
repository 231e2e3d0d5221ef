"""The Data page: the downloads at their stable addresses, and every field described in the words of
the JSON Schema itself, so that the descriptions cannot drift from the structure.

The page is written in the roadmap's language; the schema's descriptions are its published technical
specification, in English, so a page in another language shows them marked as English and says so."""

from __future__ import annotations

from typing import Any

from babel import Locale
from babel.lists import format_list

from ..model import Roadmap
from ..paths import ABOUT_PAGE, CSV_PATH, DATA_PAGE, JSON_PATH, SCHEMA_PATH, relative, text_of_record_path
from ..schema import schema
from .citations import DOCUMENT_KEY, FORMATS, file_path
from .data_files import CSV_COLUMNS, TRANSLATION_COLUMN, schema_version, translation_columns
from .fragments import ENGLISH, english, in_english
from .freshness import format_date
from .interface import text
from .markup import front_matter, md

# The objects of the schema in the order the Data page describes them: (heading, anchor, schema path).
# Each heading is an interface string; the objects' titles in the schema (the type column's links) are too.
_OBJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("The whole file", "fields-roadmap", ()),
    ("Source document: `source`", "fields-source", ("properties", "source")),
    ("Meeting: `meeting`", "fields-meeting", ("properties", "meeting")),
    ("Actor: each item of `actors`", "fields-actor", ("$defs", "actor")),
    ("Theme: each item of `themes`", "fields-theme", ("$defs", "theme")),
    ("Priority: each item of a theme’s `priorities`", "fields-priority", ("$defs", "priority")),
    ("Quote: each item of `quotes` and of `meeting.progress`", "fields-quote", ("$defs", "quote")),
    ("Glossary term: each item of `glossary`", "fields-term", ("$defs", "term")),
    ("Withdrawn id: each item of `withdrawn`", "fields-withdrawal", ("$defs", "withdrawal")),
    ("Translation: each value of `translations`", "fields-translation", ("$defs", "translation")),
    (
        "Translated meeting summary: `meeting` of a translation",
        "fields-translated-summary",
        ("$defs", "translated-summary"),
    ),
    (
        "Translated quote: each value of `progress` and `quotes`",
        "fields-translated-quote",
        ("$defs", "translated-quote"),
    ),
    ("Translated actor: each value of `actors`", "fields-translated-actor", ("$defs", "translated-actor")),
    ("Translated glossary term: each value of `glossary`", "fields-translated-term", ("$defs", "translated-term")),
    ("Translated theme: each value of `themes`", "fields-translated-theme", ("$defs", "translated-theme")),
    ("Translated priority: each value of `priorities`", "fields-translated-priority", ("$defs", "translated-priority")),
)


def _at(path: tuple[str, ...]) -> dict[str, Any]:
    node: dict[str, Any] = schema()
    for key in path:
        node = node[key]
    return node


def _anchor_of(node: dict[str, Any]) -> str:
    """The anchor of the section describing an object node (a $ref, or an inline object of the top level)."""
    target = tuple(node["$ref"].removeprefix("#/").split("/")) if "$ref" in node else None
    for _, anchor, path in _OBJECTS:
        if target == path or (target is None and _at(path) is node):
            return anchor
    raise KeyError(node.get("$ref", "object"))  # pragma: no cover - every object of the schema is listed above


def _type(node: dict[str, Any], language: str) -> str:
    """The field's type in plain words, linking to the section of an object type."""
    if "enum" in node:
        values = [f"`{value}`" for value in node["enum"]]
        if len(values) == 1:
            return text(language, "always {value}", value=values[0])
        return text(language, "one of {values}", values=", ".join(values))
    kind = node.get("type")
    if kind == "array":
        items = node["items"]
        if "$ref" in items or items.get("type") == "object":
            return text(language, "list of {type}", type=f"[{_title(items, language)}](#{_anchor_of(items)})")
        return text(language, "list of {type}", type=_type(items, language))
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        values = node["additionalProperties"]
        return text(language, "{type} for each key", type=f"[{_title(values, language)}](#{_anchor_of(values)})")
    if kind == "object" or "$ref" in node:
        return f"[{_title(node, language)}](#{_anchor_of(node)})"
    return text(language, {"string": "text", "integer": "whole number"}.get(str(kind), str(kind)))


def _title(node: dict[str, Any], language: str) -> str:
    if "$ref" in node:
        node = _at(tuple(node["$ref"].removeprefix("#/").split("/")))
    return text(language, str(node.get("title", "object")))


def _description(node: dict[str, Any], language: str) -> str:
    """The schema's description of a node as inline Markdown, marked English on a page in another language."""
    description = md(node.get("description", ""))
    return english(language, description) if description else ""


def _fields_table(path: tuple[str, ...], language: str) -> str:
    node = _at(path)
    required = set(node.get("required", ()))
    yes, no = text(language, "yes"), text(language, "no")
    rows = [
        "| " + " | ".join(text(language, name) for name in ("Field", "Type", "Required", "Description")) + " |",
        "| --- | --- | --- | --- |",
    ]
    for name, field in node["properties"].items():
        rows.append(
            f"| `{name}` | {_type(field, language)} | {yes if name in required else no} | "
            f"{_description(field, language)} |"
        )
    return "\n".join(rows)


def _language_name(code: str, language: str) -> str:
    """A language's name as `language` writes it in running text: 'French', 'français', 'francés'."""
    return Locale.parse(code).get_display_name(language) or code


def _csv_table(roadmap: Roadmap) -> str:
    language = roadmap.language
    rows = [f"| {text(language, 'Column')} | {text(language, 'Description')} |", "| --- | --- |"]
    for name, path in CSV_COLUMNS:
        description = _description(_at(path), language)
        if name == "actors":
            description += " " + md(text(language, "Separated by spaces."))
        rows.append(f"| `{name}` | {description} |")
    translated = _at(TRANSLATION_COLUMN[1]).get("description", "")
    described = english(language, md(f"{translated[:1].lower()}{translated[1:]}"))
    for (name, _), code in zip(translation_columns(roadmap), roadmap.languages[1:], strict=True):
        column = text(
            language, "In {language}: {description}", language=md(_language_name(code, language)), description=described
        )
        rows.append(f"| `{name}` | {column} |")
    return "\n".join(rows)


def _translations_into(roadmap: Roadmap) -> str:
    """The languages of the translations after 'translations into': 'French and Spanish' in English;
    'en français et en espagnol', 'al francés y al español', where the language repeats the preposition."""
    language = roadmap.language
    names = [_language_name(code, language) for code in roadmap.languages[1:]]
    if language != ENGLISH:
        names = [text(language, "into {language}", language=name) for name in names]
    return format_list(names, locale="en_GB" if language == ENGLISH else language)


def _downloads(roadmap: Roadmap) -> str:
    """The table of the files with their formats and what each holds."""
    language = roadmap.language
    text_path = text_of_record_path(roadmap)
    into = _translations_into(roadmap) if roadmap.languages[1:] else ""
    downloads = [
        (
            JSON_PATH,
            "JSON",
            text(
                language,
                "The whole roadmap: source, actors, themes, priorities and every quote, in the structure of "
                "roadmap.yaml, with quotes exactly as the text of record writes them, and its unofficial "
                "translations into {languages}.",
                languages=into,
            )
            if into
            else text(
                language,
                "The whole roadmap: source, actors, themes, priorities and every quote, in the structure of "
                "roadmap.yaml, with quotes exactly as the text of record writes them.",
            ),
        ),
        (
            CSV_PATH,
            "CSV, UTF-8",
            text(
                language,
                "One row per quote with its theme, priority, support level, actors and paragraph, and its "
                "unofficial translations into {languages}; opens in spreadsheet programs.",
                languages=into,
            )
            if into
            else text(
                language,
                "One row per quote with its theme, priority, support level, actors and paragraph; opens in "
                "spreadsheet programs.",
            ),
        ),
        (
            SCHEMA_PATH,
            text(language, "JSON Schema (Draft 2020-12)"),
            text(language, "The structure of roadmap.json and of roadmap.yaml."),
        ),
        (
            text_path,
            text(language, "Plain text, UTF-8"),
            text(language, "The text of record: the source document with numbered paragraphs."),
        ),
    ]
    headers = (text(language, "File"), text(language, "Format"), text(language, "What it holds"))
    table = ["| " + " | ".join(headers) + " |", "| --- | --- | --- |"]
    table += [
        f"| [{md(path.removeprefix('data/'))}]({relative(DATA_PAGE, path)}) | {md(kind)} | {md(what)} |"
        for path, kind, what in downloads
    ]
    cite_paths = [file_path(DOCUMENT_KEY, extension) for extension, _ in FORMATS]
    cite_files = " · ".join(f"[{md(path.removeprefix('data/'))}]({relative(DATA_PAGE, path)})" for path in cite_paths)
    cites = text(
        language,
        "The citation of the source document for reference managers. Every theme, priority and quote has "
        "its own, which cites the source document and then its page of this site, at cite/<id>.ris, .bib "
        "and .json; its Link · Cite links to them.",
    )
    table.append(f"| {cite_files} | {md(', '.join(label for _, label in FORMATS))} | {md(cites)} |")
    return "\n".join(table)


def render_data_page(roadmap: Roadmap) -> str:
    """The Markdown of the Data page, in the roadmap's language."""
    language = roadmap.language
    text_path = text_of_record_path(roadmap)
    text_link = f"[{md(text_path.removeprefix('data/'))}]({relative(DATA_PAGE, text_path)})"
    about = relative(DATA_PAGE, ABOUT_PAGE, "support-levels")
    bullets = (
        text(
            language,
            "**Quotes are verbatim.** Each quote’s `text` is the exact passage of the text of record, found in "
            "the paragraph numbered `paragraph`; the build checks every one before anything is published.",
        ),
        text(
            language,
            "**Support levels** are the breadth of agreement the source states, broadest first, not a vote "
            "count; the [About page]({about}) lists the source’s words for each.",
            about=about,
        ),
        text(
            language,
            "**Ids are permanent.** Link to a theme at `themes/<theme id>/`, to a priority or quote at "
            "`themes/<theme id>/#<id>`, and to a paragraph of the source at `source/#p<number>`.",
        ),
        text(
            language,
            "**roadmap.json** validates against the JSON Schema with any Draft 2020-12 validator. Its "
            "`source.text_of_record` names the file in the site’s repository; the same text is published here "
            "as {file}.",
            file=text_link,
        ),
        text(
            language,
            "**quotes.csv** is comma-separated with a header row, fields in double quotes where they contain "
            "commas or quotes, UTF-8 with a byte-order mark so that Excel shows every character. The progress "
            "noted at the start of the source has no theme, priority, support level or actors. A cell that "
            "starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which spreadsheet programs would run "
            "as a formula, is written with a single quote (') before it, as the OWASP guidance on CSV "
            "injection advises; remove that first character to get the exact text, which roadmap.json always "
            "has.",
        ),
    )
    parts = [
        front_matter(
            title=text(language, "Data"),
            description=text(
                language, "Download the R2P roadmap as JSON or CSV, with its JSON Schema and the text of record."
            ),
        ),
        f"# {text(language, 'Data')} {{#data}}\n",
        '<p class="r2p-summary" markdown="span">'
        + text(
            language,
            "Everything on this site, ready for your own tools. The files are rebuilt from the same checked "
            "content as the pages, and keep these addresses.",
        )
        + "</p>\n",
        f"## {text(language, 'Downloads')} {{#downloads}}\n",
        _downloads(roadmap) + "\n",
        text(
            language,
            "This is data version **{version}**, last updated {date}. `schema_version` in roadmap.json is "
            "**{schema_version}**: it changes only when the structure does, so a tool written for one schema "
            "version reads every data version that has it.",
            version=md(roadmap.version),
            date=md(format_date(roadmap.updated, language)),
            schema_version=md(schema_version()),
        )
        + "\n",
        f"## {text(language, 'Using the files')} {{#use}}\n",
        "\n".join(f"- {bullet}" for bullet in bullets) + "\n",
        f"## {text(language, 'Fields of roadmap.json')} {{#fields}}\n",
        (
            text(language, "The descriptions below are those of the JSON Schema.")
            if language == ENGLISH
            else text(language, "The descriptions below are those of the JSON Schema, which gives them in English.")
        )
        + "\n",
    ]
    for heading, anchor, path in _OBJECTS:
        parts.append(f"### {text(language, heading)} {{#{anchor}}}\n")
        description = md(_at(path).get("description", ""))
        parts.append(
            f"{description}\n"
            if language == ENGLISH
            else f'<p{in_english(language)} markdown="span">{description}</p>\n'
        )
        parts.append(_fields_table(path, language) + "\n")
    parts += [f"## {text(language, 'Columns of quotes.csv')} {{#columns}}\n", _csv_table(roadmap) + "\n"]
    return "\n".join(parts)
