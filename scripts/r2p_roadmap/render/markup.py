"""Escaping for text from roadmap.yaml, so that no field can inject markup, links or script."""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown (with the tables extension) treats as syntax when not backslash-escaped.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# Syntax that a backslash does not escape: '~~~' opens a fenced code block. An entity shows the same.
_ENTITIES = str.maketrans({"~": "&#126;"})

GENERATED_MARK = "# Generated from roadmap.yaml by r2p-roadmap: do not edit; edit roadmap.yaml instead."


def one_line(text: str) -> str:
    """Collapse all whitespace, including newlines from folded YAML, to single spaces."""
    return " ".join(text.split())


def md(text: str) -> str:
    """Inline Markdown that shows `text` literally: HTML-escaped, then Markdown syntax escaped."""
    escaped = html.escape(one_line(text), quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped).translate(_ENTITIES)


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(one_line(text), quote=True)


def link(url: str, label: str) -> str:
    """An HTML link to an outside address; `label` is inline Markdown (use `md` for plain text)."""
    return f'<a href="{attr(url)}">{label}</a>'


def _meta(value: str | float | list[str]) -> str | float | list[str]:
    # Material's templates put front-matter text into the page (<title>, the meta description, the
    # navigation, the search index) without escaping it, so it is stored HTML-escaped.
    if isinstance(value, str):
        return attr(value)
    if isinstance(value, list):
        return [attr(item) for item in value]
    return value


def front_matter(**fields: str | float | list[str]) -> str:
    """A YAML front matter block (JSON-quoted values are valid YAML) carrying the generated mark;
    text values are HTML-escaped because the theme inserts them into pages as they are."""
    lines = ["---", GENERATED_MARK]
    lines += [f"{key}: {json.dumps(_meta(value), ensure_ascii=False)}" for key, value in fields.items()]
    lines.append("---")
    return "\n".join(lines) + "\n\n"
