"""Hints for schema errors: what to write instead, with the schema's own examples and the line as typed."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from ..load import Document, Path_

_PLAIN = re.compile(r"[A-Za-z0-9][\w .,'()/-]*")


def _yaml_value(value: Any) -> str | None:
    """`value` written the way it would be typed in roadmap.yaml, or None for nested examples."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value if _PLAIN.fullmatch(value) and ": " not in value else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list) and value and all(isinstance(item, str | int) for item in value):
        items = [_yaml_value(item) for item in value]
        return "[" + ", ".join(item for item in items if item) + "]"
    return None


def example(field_schema: dict[str, Any]) -> str | None:
    """The schema's first example for a field, as YAML, when it fits on one short line."""
    examples = field_schema.get("examples")
    if not isinstance(examples, list) or not examples:
        return None
    text = _yaml_value(examples[0])
    return text if text is not None and len(text) <= 60 else None


def field_schema(object_schema: dict[str, Any], name: str, root: dict[str, Any]) -> dict[str, Any]:
    """The schema of field `name` of an object schema, following a local `$ref`."""
    node: Any = object_schema.get("properties", {}).get(name, {})
    reference = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        node = root.get("$defs", {}).get(reference.removeprefix("#/$defs/"), {})
    return node if isinstance(node, dict) else {}


def typo_of(name: str, unknown: list[str]) -> bool:
    """Whether one of the unknown keys is probably a misspelling of the required field `name`."""
    return any(difflib.get_close_matches(key, [name], n=1, cutoff=0.6) for key in unknown)


def missing_field_hint(name: str, item: dict[str, Any], schema_of_field: dict[str, Any]) -> str:
    """How to add a missing field; notices a key swallowed by the text above it."""
    for key, value in item.items():
        if isinstance(value, str) and re.search(rf"(?:^|\s){re.escape(name)}:(?:\s|$)", value):
            return f"'{name}:' is indented further than '{key}:', so it became part of the text of '{key}'; line it up"
    sample = example(schema_of_field)
    if sample is not None:
        return f"add it to this entry, for example: {name}: {sample}"
    return f"add '{name}:' to this entry; see the editing guide for an example"


def type_hint(document: Document, path: Path_, value: Any, rule: str, expected: str, sample: str | None) -> str:
    """What to write when the value at `path` has the wrong type (other than an unquoted YAML 1.1 value)."""
    key = path[-1] if path and isinstance(path[-1], str) else None
    raw = document.plain_non_strings.get(path)
    if raw == "" and key is not None:
        line, _ = document.mark(path)
        typed = document.lines[line - 1] if 0 < line <= len(document.lines) else ""
        after = typed.split(f"{key}:", 1)[1].strip() if f"{key}:" in typed else ""
        if after.startswith("#"):
            return f"YAML reads everything after # as a comment; put the value in quotes: {key}: {json.dumps(after)}"
        return f"write the value after '{key}:'" + (f", for example: {key}: {sample}" if sample else "")
    if rule == "integer" and isinstance(value, str) and value.strip().isdigit() and key is not None:
        return f"remove the quotes: {key}: {value.strip()}"
    if rule == "integer" and isinstance(value, float) and value.is_integer() and key is not None:
        return f"write it as a whole number, without a decimal point or exponent: {key}: {int(value)}"
    return f"write {expected} here" + (f", for example: {sample}" if sample else "")
