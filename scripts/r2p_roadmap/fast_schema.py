"""A fast path for the JSON Schema check: a compiled validator says whether a document is valid.

jsonschema (pure Python) stays the reference: it alone lists and words the errors, so it runs whenever
the compiled validator does not accept the document. For this schema the compiled validator is never
more lenient than the reference: its `\\d` and `$` match less than Python's, never more.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema_rs


@cache
def _validator(schema_text: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(json.loads(schema_text))


def schema_accepts(schema_text: str, data: Any) -> bool:
    """True when `data` is valid against the schema; False when the reference must look for errors."""
    try:
        return bool(_validator(schema_text).is_valid(data))
    except ValueError:  # a value JSON has no type for, such as a date YAML read from an unquoted 2009-09-25
        return False
