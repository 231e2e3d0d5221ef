"""The text of record: the clean, paragraph-numbered text of the source document.

Its format is a small subset of Markdown, one block per group of lines separated by a blank line:
`# ` the title, then two plain blocks (subtitle and date), `## ` a section heading,
`[N] ` paragraph N, and `- [N] ` paragraph N as a list item.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import Problem, RoadmapError

_PARAGRAPH = re.compile(r"^(?P<item>- )?\[(?P<number>\d+)\] (?P<text>\S.*)$", re.DOTALL)

# Typographic quote marks a quote may use in either form; see `normalise`.
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph (or list item) with the section heading it falls under."""

    number: int
    text: str
    section: str
    is_item: bool


@dataclass(frozen=True)
class SourceDocument:
    """The parsed text of record."""

    title: str
    subtitle: str
    date: str
    sections: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, number: int) -> Paragraph | None:
        """Paragraph `number` (1-based), or None if there is no such paragraph."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None

    def words(self) -> list[str]:
        """Every word of the document in reading order (title, subtitle, date, headings, text)."""
        words = self.title.split() + self.subtitle.split() + self.date.split()
        sections_done: set[str] = set()
        for paragraph in self.paragraphs:
            if paragraph.section not in sections_done:
                sections_done.add(paragraph.section)
                words += paragraph.section.split()
            words += paragraph.text.split()
        return words


def normalise(text: str) -> str:
    """Collapse whitespace and straighten typographic quote marks, for comparing quotes."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def find_span(paragraph_text: str, quote: str) -> tuple[int, int] | None:
    """Character span of `quote` inside `paragraph_text`, comparing normalised forms."""
    target = normalise(quote)
    if not target:
        return None
    text, word_starts = _normalised_with_origins(paragraph_text)
    start = text.find(target)
    if start < 0:
        return None
    return _origin(text, word_starts, start), _origin(text, word_starts, start + len(target) - 1) + 1


_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8192)
def _normalised_with_origins(paragraph_text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised paragraph and where each of its words starts in the original.

    Normalising keeps every character of a word in place and turns each run of whitespace into one
    space, so a word's start is all it takes to map a position back. Cached: validation and the source
    page both look up every quote of a paragraph.
    """
    return normalise(paragraph_text), tuple(match.start() for match in _WORD.finditer(paragraph_text))


def _origin(text: str, word_starts: tuple[int, ...], position: int) -> int:
    """Index in the original paragraph of the character at `position` of its normalised `text`."""
    word = text.count(" ", 0, position)
    return word_starts[word] + position - (text.rfind(" ", 0, position) + 1)


def parse_source(text: str, file: str) -> SourceDocument:
    """Parse the text of record; raise RoadmapError naming the line of any malformed block."""
    problems: list[Problem] = []
    blocks: list[tuple[int, str]] = []
    line_number = 0
    current: list[str] = []
    start = 1
    for line_number, line_text in enumerate(text.splitlines(), start=1):
        if line_text.strip():
            if not current:
                start = line_number
            current.append(line_text.strip())
        elif current:
            blocks.append((start, " ".join(current)))
            current = []
    if current:
        blocks.append((start, " ".join(current)))

    if len(blocks) < 3 or not blocks[0][1].startswith("# "):
        raise RoadmapError(
            [Problem(1, 1, "", "the text of record must start with '# title', a subtitle and a date", file=file)]
        )
    title = blocks[0][1][2:].strip()
    subtitle, date = blocks[1][1], blocks[2][1]
    sections: list[str] = []
    paragraphs: list[Paragraph] = []
    for line, block in blocks[3:]:
        if block.startswith("## "):
            sections.append(block[3:].strip())
            continue
        match = _PARAGRAPH.match(block)
        if not match:
            problems.append(Problem(line, 1, "", "a block must be '## heading', '[N] text' or '- [N] text'", file=file))
            continue
        number = int(match["number"])
        expected = len(paragraphs) + 1
        if number != expected:
            problems.append(Problem(line, 1, "", f"paragraph number {number} should be {expected}", file=file))
        if not sections:
            problems.append(Problem(line, 1, "", "a paragraph must come after a '## ' heading", file=file))
            continue
        paragraphs.append(Paragraph(expected, match["text"], sections[-1], bool(match["item"])))
    if problems:
        raise RoadmapError(problems)
    return SourceDocument(title, subtitle, date, tuple(sections), tuple(paragraphs))


def load_source(path: Path, display_name: str) -> SourceDocument:
    """Read and parse the text of record at `path`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RoadmapError([Problem(1, 1, "", f"cannot read the text of record: {error}", file=display_name)]) from None
    return parse_source(text, display_name)


def closest_passage(quote: str, document: SourceDocument) -> tuple[int, str]:
    """The paragraph number and run of words in the text of record most like `quote`.

    Each paragraph is aligned word by word with the quote; the passage runs from the first to the
    last run of two or more matching words, widened by the quote's unmatched words at either end,
    so that words left out of or added to the quote do not shift the passage."""
    ours = normalise(quote).split()
    best: tuple[float, int, str] = (-1.0, 1, "")
    for paragraph in document.paragraphs:
        words = paragraph.text.split()
        theirs = normalise(paragraph.text).split()
        matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= 2] or [
            b for b in matcher.get_matching_blocks() if b.size
        ]
        if not blocks:
            continue
        start = max(blocks[0].b - blocks[0].a, 0)
        end = min(blocks[-1].b + blocks[-1].size + len(ours) - blocks[-1].a - blocks[-1].size, len(words))
        passage = " ".join(words[start:end])
        ratio = difflib.SequenceMatcher(None, normalise(quote), normalise(passage), autojunk=False).ratio()
        if ratio > best[0]:
            best = (ratio, paragraph.number, passage)
    return best[1], best[2]


def first_difference(quote: str, passage: str) -> str:
    """The first word-level difference between a quote and the passage of the source most like it."""
    ours, theirs = normalise(quote).split(), normalise(passage).split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if tag == "replace":
            return f"'{' '.join(ours[i1:i2])}' where the source has '{' '.join(theirs[j1:j2])}'"
        if tag == "delete":
            return f"'{' '.join(ours[i1:i2])}' is not in the source"
        if tag == "insert":
            where = f"after '{ours[i1 - 1]}'" if i1 > 0 else f"before '{ours[0]}'" if ours else "here"
            return f"the source has '{' '.join(theirs[j1:j2])}' {where}"
    return ""
