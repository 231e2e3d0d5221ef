"""The Data page: the downloads at their stable addresses, and every field described in the words of
the JSON Schema itself, so that the descriptions cannot drift from the structure."""

from __future__ import annotations

from typing import Any

from ..model import Roadmap
from ..paths import ABOUT_PAGE, CSV_PATH, DATA_PAGE, JSON_PATH, SCHEMA_PATH, relative, text_of_record_path
from ..schema import schema
from .citations import DOCUMENT_KEY, FORMATS, file_path
from .data_files import CSV_COLUMNS, TRANSLATION_COLUMN, schema_version, translation_columns
from .freshness import format_date
from .markup import front_matter, md

# The objects of the schema in the order the Data page describes them: (heading, anchor, schema path).
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


def _type(node: dict[str, Any]) -> str:
    """The field's type in plain words, linking to the section of an object type."""
    if "enum" in node:
        values = [f"`{value}`" for value in node["enum"]]
        return f"always {values[0]}" if len(values) == 1 else "one of " + ", ".join(values)
    kind = node.get("type")
    if kind == "array":
        items = node["items"]
        if "$ref" in items or items.get("type") == "object":
            return f"list of [{_title(items)}](#{_anchor_of(items)})"
        return "list of " + _type(items)
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        values = node["additionalProperties"]
        return f"[{_title(values)}](#{_anchor_of(values)}) for each key"
    if kind == "object" or "$ref" in node:
        return f"[{_title(node)}](#{_anchor_of(node)})"
    return {"string": "text", "integer": "whole number"}.get(str(kind), str(kind))


def _title(node: dict[str, Any]) -> str:
    if "$ref" in node:
        node = _at(tuple(node["$ref"].removeprefix("#/").split("/")))
    return str(node.get("title", "object"))


def _fields_table(path: tuple[str, ...]) -> str:
    node = _at(path)
    required = set(node.get("required", ()))
    rows = ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for name, field in node["properties"].items():
        rows.append(
            f"| `{name}` | {_type(field)} | {'yes' if name in required else 'no'} | "
            f"{md(field.get('description', ''))} |"
        )
    return "\n".join(rows)


def _csv_table(roadmap: Roadmap) -> str:
    rows = ["| Column | Description |", "| --- | --- |"]
    for name, path in CSV_COLUMNS:
        description = _at(path).get("description", "")
        if name == "actors":
            description += " Separated by spaces."
        rows.append(f"| `{name}` | {md(description)} |")
    translated = _at(TRANSLATION_COLUMN[1]).get("description", "")
    for name, language in translation_columns(roadmap):
        rows.append(f"| `{name}` | {md(f'In {language}: {translated[:1].lower()}{translated[1:]}')} |")
    return "\n".join(rows)


def render_data_page(roadmap: Roadmap) -> str:
    """The Markdown of the Data page."""
    text_path = text_of_record_path(roadmap)
    languages = [language for _, language in translation_columns(roadmap)]
    listed = " and ".join([", ".join(languages[:-1]), languages[-1]] if len(languages) > 1 else languages)
    downloads = [
        (
            JSON_PATH,
            "JSON",
            "The whole roadmap: source, actors, themes, priorities and every quote, in the structure of "
            "roadmap.yaml, with quotes exactly as the text of record writes them"
            + (f", and its unofficial translations into {listed}." if languages else "."),
        ),
        (
            CSV_PATH,
            "CSV, UTF-8",
            "One row per quote with its theme, priority, support level, actors and paragraph"
            + (f", and its unofficial translations into {listed}" if languages else "")
            + "; opens in spreadsheet programs.",
        ),
        (SCHEMA_PATH, "JSON Schema (Draft 2020-12)", "The structure of roadmap.json and of roadmap.yaml."),
        (text_path, "Plain text, UTF-8", "The text of record: the source document with numbered paragraphs."),
    ]
    table = ["| File | Format | What it holds |", "| --- | --- | --- |"]
    table += [
        f"| [{md(path.removeprefix('data/'))}]({relative(DATA_PAGE, path)}) | {md(kind)} | {md(what)} |"
        for path, kind, what in downloads
    ]
    cite_paths = [file_path(DOCUMENT_KEY, extension) for extension, _ in FORMATS]
    cite_files = " · ".join(f"[{md(path.removeprefix('data/'))}]({relative(DATA_PAGE, path)})" for path in cite_paths)
    table.append(
        f"| {cite_files} | {md(', '.join(label for _, label in FORMATS))} | "
        + md(
            "The citation of the source document for reference managers. Every theme, priority and quote has "
            "its own, which cites the source document and then its page of this site, at cite/<id>.ris, .bib "
            "and .json; its Link · Cite links to them."
        )
        + " |"
    )
    parts = [
        front_matter(
            title="Data",
            description="Download the R2P roadmap as JSON or CSV, with its JSON Schema and the text of record.",
        ),
        "# Data {#data}\n",
        '<p class="r2p-summary" markdown="span">Everything on this site, ready for your own tools. The files are '
        "rebuilt from the same checked content as the pages, and keep these addresses.</p>\n",
        "## Downloads {#downloads}\n",
        "\n".join(table) + "\n",
        f"This is data version **{md(roadmap.version)}**, last updated {md(format_date(roadmap.updated))}. "
        f"`schema_version` in roadmap.json is **{md(schema_version())}**: it changes only when the structure "
        "does, so a tool written for one schema version reads every data version that has it.\n",
        "## Using the files {#use}\n",
        "- **Quotes are verbatim.** Each quote’s `text` is the exact passage of the text of record, found in "
        "the paragraph numbered `paragraph`; the build checks every one before anything is published.\n"
        "- **Support levels** are the breadth of agreement the source states, broadest first, not a vote count; "
        f"the [About page]({relative(DATA_PAGE, ABOUT_PAGE, 'support-levels')}) lists the source’s words for each.\n"
        "- **Ids are permanent.** Link to a theme at `themes/<theme id>/`, to a priority or quote at "
        "`themes/<theme id>/#<id>`, and to a paragraph of the source at `source/#p<number>`.\n"
        "- **roadmap.json** validates against the JSON Schema with any Draft 2020-12 validator. Its "
        "`source.text_of_record` names the file in the site’s repository; the same text is published here as "
        f"[{md(text_path.removeprefix('data/'))}]({relative(DATA_PAGE, text_path)}).\n"
        "- **quotes.csv** is comma-separated with a header row, fields in double quotes where they contain "
        "commas or quotes, UTF-8 with a byte-order mark so that Excel shows every character. The progress "
        "noted at the start of the source has no theme, priority, support level or actors. A cell that "
        "starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which spreadsheet programs would run as "
        "a formula, is written with a single quote (') before it, as the OWASP guidance on CSV injection "
        "advises; remove that first character to get the exact text, which roadmap.json always has.\n",
        "## Fields of roadmap.json {#fields}\n",
        "The descriptions below are those of the JSON Schema.\n",
    ]
    for heading, anchor, path in _OBJECTS:
        description = _at(path).get("description", "")
        parts.append(f"### {heading} {{#{anchor}}}\n")
        parts.append(f"{md(description)}\n")
        parts.append(_fields_table(path) + "\n")
    parts += ["## Columns of quotes.csv {#columns}\n", _csv_table(roadmap) + "\n"]
    return "\n".join(parts)
