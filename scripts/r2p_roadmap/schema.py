"""The JSON Schema of roadmap.yaml: the one description of its structure, read by validate (which
checks against it), render (which publishes it and describes the data from it) and load (whose
syntax messages name its fields)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "roadmap.schema.json"


@cache
def schema_text() -> str:
    """The schema as published."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    """The schema, parsed."""
    result: dict[str, Any] = json.loads(schema_text())
    return result
