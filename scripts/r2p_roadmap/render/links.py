"""Where things live on the site: page paths and anchors, derived only from ids."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..model import Priority, Theme


def theme_path(theme: Theme) -> str:
    """Path of the theme's page relative to docs/; built from its permanent id."""
    return f"themes/{theme.id}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A Markdown link target from one docs/ page to another (MkDocs resolves and checks it)."""
    target = _relative_path(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


# relpath asks the operating system for the working directory on every call; pages link to the same
# few pages thousands of times, so remember the answers.
_relative_path = lru_cache(maxsize=4096)(posixpath.relpath)


def priority_number(theme: Theme, priority: Priority) -> str:
    """The display number of a priority, such as 4.2 (for reading, not for links)."""
    return f"{theme.number}.{theme.priorities.index(priority) + 1}"
