"""The JSON Schema validator as roadmap.yaml and its translations are checked with, and how a place in
them is named in messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema

from ..load import Path_


@cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A JSON Schema pattern as Python must write it to mean what ECMA-262, the language of JSON Schema
    patterns, means: there `$` ends the text (in Python it also matches before a final newline) and
    `\\d` is 0-9 only (in Python it is any Unicode digit). Validator and published schema then agree."""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern), re.ASCII)


def _pattern(
    validator: jsonschema.protocols.Validator, pattern: str, instance: Any, _: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# JSON Schema counts 4.0 as an integer; roadmap.yaml wants whole numbers written as such.
_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
)
Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator, validators={"pattern": _pattern}, type_checker=_TYPES
)


def format_path(path: Path_) -> str:
    """`themes[4].priorities[2].support` for ('themes', 3, 'priorities', 1, 'support'); 1-based."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
