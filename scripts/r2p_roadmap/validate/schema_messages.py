"""Schema errors in an editor's words: each JSON Schema error of roadmap.yaml becomes a message and a hint."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from typing import Any

import jsonschema

from ..load import Document, Path_
from . import hints

# (where, message, hint, whether to point at the key rather than the value)
Said = tuple[Path_, str, str, bool]


def _said(path: Path_, message: str, hint: str = "", *, at_key: bool = False) -> Said:
    return path, message, hint, at_key


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (yes/no)"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of fields (key: value lines)"


_EXPECTED = {
    "string": "text",
    "integer": "a whole number",
    "array": "a list",
    "object": "a group of fields (key: value lines)",
}
_ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
_LANGUAGE_PATTERN = "^[a-z]{2}$"
_TRANSLATED_TERM_PATTERN = r'^[^<>&"\[\]\\\s](?:[^<>&"\[\]\\]*[^<>&"\[\]\\\s])?$'


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "an-id"


def describe_schema_error(
    error: jsonschema.ValidationError, document: Document, root: dict[str, Any]
) -> Iterator[Said]:
    """What to tell the editor about one schema error of `document`; `root` is the whole schema."""
    path: Path_ = tuple(error.absolute_path)
    kind = error.validator
    value: Any = error.instance
    rule: Any = error.validator_value
    error_schema: Any = error.schema
    if kind == "required":
        unknown = sorted(set(value) - set(error_schema.get("properties", {}))) if isinstance(value, dict) else []
        for name in rule:
            # A misspelt field is reported once, as an unknown field with "did you mean".
            if isinstance(value, dict) and name not in value and not hints.typo_of(name, unknown):
                field = hints.field_schema(error_schema, name, root)
                yield _said(path, f"missing required field '{name}'", hints.missing_field_hint(name, value, field))
    elif kind == "additionalProperties":
        known = sorted(error_schema.get("properties", {}))
        for name in sorted(set(value) - set(known)):
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(known)}"
            yield _said((*path, name), f"unknown field '{name}'", hint, at_key=True)
    elif kind == "type":
        expected = _EXPECTED.get(str(rule), str(rule))
        if not path:
            yield _said(
                path,
                f"the file must consist of fields such as 'version:' and 'themes:', not {_type_name(value)}",
                "start from the roadmap.yaml in the repository; see the editing guide",
            )
            return
        raw = document.plain_non_strings.get(path)
        if raw and rule == "string":
            hint = f'YAML reads the unquoted {raw} as {_type_name(value)}; put it in quotes: "{raw}"'
        else:
            sample = hints.example(error_schema)
            hint = hints.type_hint(document, path, value, str(rule), expected, sample)
        yield _said(path, f"expected {expected}, found {_type_name(value)}", hint)
    elif kind == "enum":
        options = [str(option) for option in rule]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = (f"did you mean '{close[0]}'? " if close else "") + f"valid values: {', '.join(options)}"
        yield _said(path, f"'{value}' is not a valid value", hint)
    elif kind == "pattern" and rule == _ID_PATTERN:
        yield _said(
            path,
            f"'{value}' is not a valid id",
            f"use lowercase letters, digits and single hyphens, such as '{_slug(str(value))}'",
        )
    elif kind == "pattern" and rule == _LANGUAGE_PATTERN:
        yield _said(
            path,
            f"'{value}' is not a language code",
            "write the language’s two-letter ISO 639-1 code in lowercase, such as fr or es",
        )
    elif kind == "pattern" and rule.startswith(r"^\d{4}"):
        yield _said(path, f"'{value}' is not a date written as YYYY-MM-DD", 'for example "2009-09-25", in quotes')
    elif kind == "pattern" and rule.startswith(r"^\d+"):
        yield _said(path, f"'{value}' is not a version written as major.minor.patch", 'for example "1.2.0"')
    elif kind == "pattern" and rule == _TRANSLATED_TERM_PATTERN:
        yield _said(
            path,
            f"'{value}' is not a term as the pages write it",
            'a term has no < > & " [ ] or \\ and no space at either end; write it as the translated text does',
        )
    elif kind == "pattern" and rule.startswith("^[^"):
        forbidden = sorted(set(rule.removeprefix("^[^").removesuffix("]*$")) & set(str(value)))
        yield _said(
            path,
            f"{' and '.join(repr(c) for c in forbidden)} cannot be used here",
            "short titles name pages in the browser and the navigation: write 'and' instead of '&', use curly "
            'quotes “ ” instead of ", and leave out < and >',
        )
    elif kind == "pattern" and rule.startswith("^[A-Za-z0-9](?:"):
        yield _said(
            path,
            f"'{value}' is not a term as the pages write it",
            'a term starts and ends with a letter or digit and has no < > & " [ ] or \\; write it as the text does',
        )
    elif kind == "pattern":
        yield _said(path, f"'{value}' is not a web address", "start it with https://")
    elif kind in ("minItems", "minLength"):
        yield _said(path, "must not be empty", "add at least one entry" if kind == "minItems" else "write some text")
    elif kind == "maxLength":
        yield _said(path, f"is {len(value):,} characters long; the limit is {rule:,}", "shorten it")
    elif kind == "uniqueItems":
        yield _said(path, "lists the same entry twice", "remove the repeated entry")
    elif kind == "minimum":
        yield _said(path, f"{value} is too small; the smallest allowed is {rule}", f"numbers here start at {rule}")
    else:  # pragma: no cover - every keyword the schema uses is handled above
        yield _said(path, error.message)
