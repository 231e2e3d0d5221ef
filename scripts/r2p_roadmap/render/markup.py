"""Escaping for text from roadmap.yaml, so that no field can inject markup, links or script."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

from ..model import Priority, Theme

# Characters Python-Markdown (with the tables extension) treats as syntax when not backslash-escaped,
# each mapped to itself behind a backslash (a translation table is the fastest way to escape them all);
# and '~', which a backslash does not escape ('~~~' opens a fenced code block), as an entity.
_ESCAPE_SPECIALS = str.maketrans({**{char: "\\" + char for char in "\\`*_{}[]()>#+-.!|"}, "~": "&#126;"})

_TITLE_SPECIALS = str.maketrans({"\\": "&#92;", "`": "&#96;"})

GENERATED_MARK = "# Generated from roadmap.yaml by r2p-roadmap: do not edit; edit roadmap.yaml instead."


def one_line(text: str) -> str:
    """Collapse all whitespace, including newlines from folded YAML, to single spaces."""
    return " ".join(text.split())


def md(text: str) -> str:
    """Inline Markdown that shows `text` literally: HTML-escaped, then Markdown syntax escaped."""
    escaped = html.escape(one_line(text), quote=False)
    return escaped.translate(_ESCAPE_SPECIALS)


def link(url: str, label: str) -> str:
    """An HTML link to an outside address; `label` is inline Markdown (use `md` for plain text)."""
    return f'<a href="{attr(url)}">{label}</a>'


def attr(text: str) -> str:
    """Text safe inside a double-quoted HTML attribute."""
    return html.escape(one_line(text), quote=True)


def link_title(text: str) -> str:
    """Text shown as typed as the title of a Markdown link (`[label](url "title")`): as `attr`, with each
    backslash and backtick a character reference, since Markdown reads escapes and code spans in a link
    before the link itself."""
    return attr(text).translate(_TITLE_SPECIALS)


def front_matter(**fields: str | float | list[str] | Mapping[str, bool | float]) -> str:
    """A YAML front matter block carrying the generated mark (JSON-quoted values are valid YAML).

    MkDocs renders templates without autoescaping, so text values are HTML-escaped here: themes
    may print `page.title` and `page.meta.*` as they are.
    """
    lines = ["---", GENERATED_MARK]
    for key, value in fields.items():
        safe = attr(value) if isinstance(value, str) else value
        lines.append(f"{key}: {json.dumps(safe, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def priority_number(theme: Theme, priority: Priority) -> str:
    """The display number of a priority, such as 4.2 (for reading, not for links)."""
    return f"{theme.number}.{theme.priorities.index(priority) + 1}"
