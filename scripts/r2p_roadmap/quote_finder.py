"""`r2p-roadmap quote "some words"`: find the paragraph of the text of record that holds a passage and
print it as a quote (suggested id, exact text, paragraph) ready to paste under a priority's `quotes:`.

The Source page's quote picker (docs/assets/quote-picker.js) makes the same block in the browser; the
id rule and the layout below are written twice, once here and once there, and a browser test holds
the two to the same output for every quote of the roadmap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem, RoadmapError
from .load import Document, load_document
from .scaffold import entry_layout, value_at
from .source import SourceDocument, closest_passage, find_span, first_difference, load_source

# The suggested id: the first ID_WORDS words of the passage that are not STOP_WORDS, lowercase, accents
# and apostrophes dropped, other characters splitting words, joined by hyphens and cut to ID_LENGTH
# characters at a word's end; "quote-" goes in front of an id of fewer than two words or one that starts
# with a digit (YAML would read "no" or "2005" as something other than text); "-2", "-3" … after one
# already in use.
ID_WORDS = 4
ID_LENGTH = 50
_STOP_WORD_TEXT = (
    "a about also an and are as at be been but by for from had has have in into is it its more most no "
    "not of on or so such than that the their them there these they this those to was were which while "
    "who will with would"
)
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
# The block: `- id:` at the column of the file's quotes (the real roadmap's when it has none), text as
# a folded block scalar in lines of at most WIDTH characters, broken only at single spaces.
QUOTE_COLUMN = 10
WIDTH = 100

_APOSTROPHES = re.compile("['\u2018\u2019]")
_ACCENTS = re.compile("[\u0300-\u036f]")
_NOT_ID = re.compile("[^a-z0-9]+")
_BREAK = re.compile(r"(?<=\S) (?=\S)")


def id_words(text: str) -> list[str]:
    """The words of `text` as id parts: lowercase letters and digits only."""
    folded = _ACCENTS.sub("", unicodedata.normalize("NFKD", text.lower()))
    return [word for word in _NOT_ID.split(_APOSTROPHES.sub("", folded)) if word]


def suggest_id(text: str, used: Collection[str]) -> str:
    """A short id for a quote of `text` that is not in `used` (see the rule above)."""
    words = id_words(text)
    parts = ([word for word in words if word not in STOP_WORDS] or words)[:ID_WORDS]
    while len(parts) > 1 and len("-".join(parts)) > ID_LENGTH:
        parts.pop()
    parts = [part[:ID_LENGTH] for part in parts]
    if len(parts) < 2 or not parts[0][0].isalpha():
        parts.insert(0, "quote")
    base = "-".join(parts)
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def quote_block(quote_id: str, text: str, paragraph: int, column: int = QUOTE_COLUMN) -> str:
    """The YAML lines of one quote, its `- ` at `column`; `text` is kept exactly as a folded scalar."""
    key = " " * (column + 2)
    lines = [f"{' ' * column}- id: {quote_id}", f"{key}text: >-"]
    room = WIDTH - len(key) - 2
    line = ""
    for piece in _BREAK.split(text):
        if line and len(line) + 1 + len(piece) > room:
            lines.append(f"{key}  {line}")
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines += [f"{key}  {line}", f"{key}paragraph: {paragraph}"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Found:
    """A paragraph that holds the words, and the words exactly as the text of record has them."""

    paragraph: int
    text: str


def find_passage(words: str, document: SourceDocument) -> list[Found]:
    """Every paragraph that holds `words` (compared as `validate` compares quotes), in order."""
    found = []
    for paragraph in document.paragraphs:
        span = find_span(paragraph.text, words)
        if span:
            found.append(Found(paragraph.number, paragraph.text[span[0] : span[1]]))
    return found


def used_ids(data: Any) -> set[str]:
    """Every id and earlier id the roadmap data names, withdrawn ones included."""
    ids: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            ids.add(data["id"])
        ids.update(alias for alias in data.get("aliases") or () if isinstance(alias, str))
        for value in data.values():
            ids |= used_ids(value)
    elif isinstance(data, list):
        for value in data:
            ids |= used_ids(value)
    return ids


def quote_column(document: Document) -> int:
    """The column of the '-' of the first priority quote in the file, or QUOTE_COLUMN."""
    for t_index, theme in enumerate(value_at(document.data, ("themes",)) or []):
        for p_index, _ in enumerate(value_at(theme, ("priorities",)) or []):
            layout = entry_layout(document, ("themes", t_index, "priorities", p_index, "quotes", 0))
            if layout:
                return layout.dash
    return QUOTE_COLUMN


def _paragraph_line(source_text: str, number: int) -> int:
    """The line of the text of record on which paragraph `number` starts."""
    marker = re.compile(rf"^(?:- )?\[{number}\] ")
    return next((n for n, line in enumerate(source_text.splitlines(), start=1) if marker.match(line)), 1)


def _text_of_record(document: Document, base: Path) -> tuple[Path, str]:
    name = value_at(document.data, ("source", "text_of_record"))
    if not isinstance(name, str) or not (base / name).is_file():
        line, column = document.mark(("source", "text_of_record"))
        raise RoadmapError(
            [
                Problem(
                    line,
                    column,
                    "source.text_of_record",
                    "the text of record is not found",
                    "give the path of the text of record relative to roadmap.yaml",
                    document.file,
                )
            ]
        )
    return base / name, name


def quote_blocks(roadmap: Path, words: str) -> list[tuple[int, str]]:
    """The paragraph number and YAML block of each paragraph that holds `words`; raise RoadmapError
    naming the closest passage when no paragraph does."""
    document = load_document(roadmap.read_bytes(), roadmap.name)
    path, name = _text_of_record(document, roadmap.parent)
    source = load_source(path, name)
    found = find_passage(words, source)
    if not found:
        number, passage = closest_passage(words, source)
        difference = first_difference(words, passage)
        raise RoadmapError(
            [
                Problem(
                    _paragraph_line(path.read_text(encoding="utf-8"), number),
                    1,
                    "",
                    "these words are not in the text of record" + (f" ({difference})" if difference else ""),
                    f"closest passage, paragraph {number}: “{passage}”; copy the words exactly",
                    name,
                )
            ]
        )
    used, column = used_ids(document.data), quote_column(document)
    return [
        (item.paragraph, quote_block(suggest_id(item.text, used), item.text, item.paragraph, column)) for item in found
    ]
