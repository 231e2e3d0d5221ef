"""The wording of roadmap.yaml: which texts are the site's own (and so take typographic marks), how a
straight mark is put right, and the words the site shows, in which every glossary term must appear."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from ..load import Document, Path_
from ..source import SourceDocument
from .structure import format_path

# The text the site's editors write (paraphrase, names, descriptions), as opposed to the source's own
# words: quotes and theme titles are verbatim and keep the source's marks.
EDITORIAL_FIELDS = frozenset({"summary", "short_title", "title", "text", "name", "description", "definition"})
EDITORIAL_FIELDS |= {"expansion", "reason"}
# Fields that name things rather than say them, and never appear as words on a page.
_NOT_SHOWN = frozenset({"id", "aliases", "see", "actors", "support", "was", "url", "text_of_record", "raw_extraction"})
_STRAIGHT = re.compile(r"""["']| - |--""")
# A place to show in a message: a phrase in straight double quotes, a word with a straight mark, a spaced hyphen.
_PLACE = re.compile(r""""[^"\n]{1,80}"|[^\s"']*(?:'[^\s"']*)+|"|\S+ - \S+|(?<!\S) - |\S*(?<!-)--(?!-)\S*""")
MARKS_HINT = "the site’s own text uses “ ” for quotes, ‘ ’ inside them, ’ for an apostrophe and – for a dash"


def is_editorial(path: Path_) -> bool:
    """Whether the text at `path` is the site's own wording (not a verbatim quote, title or source field)."""
    field = path[-1]
    if not isinstance(field, str) or field not in EDITORIAL_FIELDS or path[0] == "source":
        return False
    if field == "text" and len(path) >= 3 and path[-3] in ("quotes", "progress"):
        return False  # a verbatim quote
    return not (field == "title" and len(path) == 3 and path[0] == "themes")  # the source's heading


def curly(text: str) -> str:
    """`text` with straight quote marks, apostrophes and spaced hyphens made typographic."""
    text = re.sub(r"(?<!-)--(?!-)", "–", text).replace(" - ", " – ")
    text = re.sub(r'(^|[\s(\[{–—‘])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[{–—“])'(?=\S)", "\\1‘", text)
    return text.replace("'", "’")


def strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def where(document: Document, path: Path_, offset_text: str) -> tuple[int, int]:
    """The line and column of the first straight mark of a value: on the value's first line, or on a
    later line of a block written over several lines."""
    line, column = document.mark(path)
    match = _STRAIGHT.search(offset_text)
    if not match:
        return line, column
    mark = match.group(0).strip() or "-"
    for number in range(line, min(len(document.lines), line + offset_text.count(" ") + 1) + 1):
        typed = document.lines[number - 1]
        start = column if number == line else 0
        found = typed.find(mark, start)
        if found >= 0:
            return number, found + 1
    return line, column


def straight_words(text: str) -> tuple[str, str] | None:
    """Up to three places in `text` with straight marks (a quoted phrase, a word, a spaced hyphen), as
    typed and made typographic; None when there is none."""
    found = list(dict.fromkeys(match.group(0).strip() or "-" for match in _PLACE.finditer(text)))[:3]
    if not found:
        return None
    return "; ".join(found), "; ".join(curly(f" {place} ").strip() or "–" for place in found)


def marks_problem(document: Document, path: Path_, text: str) -> Problem | None:
    """The problem of a text of the site's own with straight marks, at the first of them; None if it has none."""
    found = straight_words(text)
    if not found:
        return None
    line, column = where(document, path, text)
    return Problem(
        line,
        column,
        format_path(path),
        f"straight quote mark, apostrophe or hyphen for a dash: {found[0]}",
        f"write {found[1]} ({MARKS_HINT})",
        document.file,
    )


def shown_text(data: Any, document: SourceDocument) -> str:
    """All the words the site shows from roadmap.yaml (the glossary apart) and from the text of record."""
    texts = [text for path, text in strings(data) if path[0] != "glossary" and path[-1] not in _NOT_SHOWN]
    texts += [document.title, document.subtitle, *document.sections]
    texts += [paragraph.text for paragraph in document.paragraphs]
    return "\n".join(texts)
