"""Help in the editor: roadmap.yaml names its schema on line 1, and the schema gives every field a
title, a description and valid examples (whose quotes are verbatim), and is published on the site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema

from r2p_roadmap import support
from r2p_roadmap.schema import SCHEMA_FILE, schema, schema_text
from r2p_roadmap.source import find_span, load_source

from .conftest import ROOT

PACKAGE_SCHEMA = ROOT / "scripts" / "r2p_roadmap" / SCHEMA_FILE
SCHEMA_LINE = "# yaml-language-server: $schema="


def test_first_line_of_roadmap_yaml_points_at_the_schema() -> None:
    first = (ROOT / "roadmap.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith(SCHEMA_LINE)
    assert (ROOT / first.removeprefix(SCHEMA_LINE)).resolve() == PACKAGE_SCHEMA
    assert PACKAGE_SCHEMA.read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def _fields(node: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field schema (properties and definitions), by path."""
    for name, child in node.get("properties", {}).items():
        yield f"{path}.{name}", child
        yield from _fields(child, f"{path}.{name}")
    for name, child in node.get("$defs", {}).items():
        yield f"$defs.{name}", child
        yield from _fields(child, f"$defs.{name}")


def test_every_field_has_a_title_a_description_and_valid_examples() -> None:
    root = schema()
    fields = list(_fields(root, ""))
    assert len(fields) > 40
    checker = jsonschema.validators.validator_for(root)
    checker.check_schema(root)  # once: each field below is a part of it
    for path, field in fields:
        assert field.get("title") and field.get("description"), path
        examples = field.get("examples")
        assert isinstance(examples, list) and examples, path
        for example in examples:
            checker({**field, "$defs": root["$defs"]}).validate(example)


def _quotes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if {"text", "paragraph"} <= set(value):
            yield value
        for item in value.values():
            yield from _quotes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _quotes(item)


def test_quotes_in_schema_examples_are_verbatim_and_back_their_support() -> None:
    document = load_source(ROOT / "source" / "r2p-roadmap-2009-09-25.md", "text of record")
    examples = [example for _, field in _fields(schema(), "") for example in field.get("examples", [])]
    quotes = [quote for example in examples for quote in _quotes(example)]
    assert len(quotes) >= 3
    for quote in quotes:
        paragraph = document.paragraph(quote["paragraph"])
        assert paragraph is not None and find_span(paragraph.text, quote["text"]), quote
    priorities = [p for e in examples for p in _quotes_of_priorities(e)]
    assert priorities
    for level, texts in priorities:
        assert support.find_phrase(level, " ".join(texts)), level


def _quotes_of_priorities(value: Any) -> Iterator[tuple[str, list[str]]]:
    if isinstance(value, dict):
        if "support" in value and isinstance(value.get("quotes"), list):
            yield value["support"], [quote["text"] for quote in value["quotes"]]
        for item in value.values():
            yield from _quotes_of_priorities(item)
    elif isinstance(value, list):
        for item in value:
            yield from _quotes_of_priorities(item)


def test_site_publishes_the_schema(site_dir: Path) -> None:
    published = site_dir / "data" / "roadmap.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == schema()
    guide = (site_dir / "editing" / "index.html").read_text(encoding="utf-8")
    assert 'href="../data/roadmap.schema.json"' in guide
