"""Escaping for text from roadmap.yaml, so that no field can inject markup, links or script."""

from __future__ import annotations

import html
import json

# Characters Python-Markdown (with the tables extension) treats as syntax when not backslash-escaped,
# each mapped to itself behind a backslash (a translation table is the fastest way to escape them all).
_ESCAPE_SPECIALS = str.maketrans({char: "\\" + char for char in "\\`*_{}[]()>#+-.!|"})

GENERATED_MARK = "# Generated from roadmap.yaml by r2p-roadmap: do not edit; edit roadmap.yaml instead."


def one_line(text: str) -> str:
    """Collapse all whitespace, including newlines from folded YAML, to single spaces."""
    return " ".join(text.split())


def md(text: str) -> str:
    """Inline Markdown that shows `text` literally: HTML-escaped, then Markdown syntax escaped."""
    escaped = html.escape(one_line(text), quote=False)
    return escaped.translate(_ESCAPE_SPECIALS)


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(one_line(text), quote=True)


def front_matter(**fields: str | float | list[str]) -> str:
    """A YAML front matter block (JSON-quoted values are valid YAML) carrying the generated mark."""
    lines = ["---", GENERATED_MARK]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    lines.append("---")
    return "\n".join(lines) + "\n\n"
