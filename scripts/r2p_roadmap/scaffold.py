"""`r2p-roadmap new priority|quote`: add a commented skeleton to roadmap.yaml for an editor to fill in.

The skeleton goes in as whole lines after the last entry of the list it joins, at a position taken
from the loader's marks; no other line of the file changes, so comments, quoting and folding stay as
the editor wrote them. Its placeholders fail `validate`, each with its own message, until filled in.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem, RoadmapError
from .load import Document, Path_, load_document
from .validate import format_path

PRIORITY_ID, QUOTE_ID = "NEW-PRIORITY-ID", "NEW-QUOTE-ID"


@dataclass(frozen=True)
class Layout:
    """Where a block list's entries put their '-' and their keys (0-based columns)."""

    dash: int
    key: int

    def first(self) -> str:
        """What starts an entry's first line: indentation, '-' and the spaces up to its first key."""
        return " " * self.dash + "-".ljust(self.key - self.dash)

    def rest(self) -> str:
        """What starts the entry's other keys."""
        return " " * self.key


@dataclass(frozen=True)
class _Line:
    """One line of a skeleton; a line with a comment holds a placeholder for the editor to replace."""

    start: str
    text: str
    comment: str = ""


@dataclass(frozen=True)
class Added:
    """What `add_priority` or `add_quote` put into the file, for telling the editor."""

    what: str
    where: str
    first_line: int
    last_line: int
    to_fill: tuple[tuple[int, str, str], ...]  # (line, key, what to write there)


def _quote_lines(quote: Layout, intro: str) -> list[_Line]:
    return [
        _Line(" " * quote.dash, intro),
        _Line(quote.first(), f"id: {QUOTE_ID}", "the quote's permanent id: lowercase words joined by hyphens"),
        _Line(quote.rest(), 'text: ""', "the exact words of the text of record"),
        _Line(quote.rest(), "paragraph: 0", "the [N] number of the paragraph that holds them"),
    ]


_PASTE = '# `r2p-roadmap quote "some words"` prints a quote ready to paste here.'


def _priority_lines(priority: Layout, quote: Layout) -> list[_Line]:
    return [
        _Line(" " * priority.dash, "# New priority: fill in each value, then run `r2p-roadmap validate`."),
        _Line(priority.first(), f"id: {PRIORITY_ID}", "the priority's permanent id: lowercase words joined by hyphens"),
        _Line(priority.rest(), 'title: ""', "a short heading in plain words"),
        _Line(priority.rest(), 'text: ""', "what is to be done, in plain words"),
        _Line(
            priority.rest(),
            "support: FILL-IN",
            "all, consensus, many, several, some, few, one or unattributed",
        ),
        _Line(priority.rest(), "actors: []", "ids from the actors: list, such as [ministers], or []"),
        _Line(priority.rest(), "quotes:"),
        *_quote_lines(quote, _PASTE),
    ]


def _render(lines: list[_Line]) -> list[str]:
    """The skeleton's lines with their comments lined up."""
    width = max(len(line.start + line.text) for line in lines if line.comment) + 2
    return [
        (line.start + line.text).ljust(width) + f"# {line.comment}" if line.comment else line.start + line.text
        for line in lines
    ]


def _fail(document: Document, path: Path_, message: str, hint: str) -> RoadmapError:
    line, column = document.key_mark(path)
    return RoadmapError([Problem(line, column, format_path(path), message, hint, document.file)])


def value_at(data: Any, path: Path_) -> Any:
    """The value at `path` in nested mappings and lists, or None where the path leads nowhere."""
    for part in path:
        found = (isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)) or (
            isinstance(part, str) and isinstance(data, dict) and part in data
        )
        if not found:
            return None
        data = data[part]
    return data


def entry_layout(document: Document, path: Path_) -> Layout | None:
    """The layout of the list entry at `path`, or None unless it is a mapping written as `- key: value` lines."""
    if not isinstance(value_at(document.data, path), dict) or path not in document.marks:
        return None
    line, column = document.marks[path]
    before = document.lines[line - 1][: column - 1]
    dash = len(before) - len(before.lstrip(" "))
    if before[dash : dash + 1] != "-" or before[dash + 1 :].strip(" "):
        return None
    return Layout(dash, column - 1)


def _last_entry(document: Document, path: Path_, owner: str) -> tuple[Path_, Layout]:
    """The path and layout of the last entry of the block list at `path`; refuse any other shape."""
    name = str(path[-1])
    items = value_at(document.data, path)
    if not isinstance(items, list):
        raise _fail(
            document,
            path[:-1],
            f"{owner} has no '{name}:' list",
            f"add '{name}:' and its first entry by hand; then this command can add more",
        )
    line, column = document.mark(path)
    if not items or document.lines[line - 1][column - 1 : column] != "-":
        raise _fail(
            document,
            path,
            f"the {name} of {owner} are not written as a list of '- ' entries",
            "start each entry on a line of its own with '- ', as the rest of the file does",
        )
    last: Path_ = (*path, len(items) - 1)
    layout = entry_layout(document, last)
    if layout is None:
        raise _fail(
            document,
            last,
            f"the last of the {name} of {owner} is not laid out as '- id: …' lines",
            "start the entry with '- id:' on a line of its own, or add the new entry by hand",
        )
    return last, layout


def _end_of_entry(lines: list[str], first: int, dash: int) -> int:
    """The last line (1-based) of the list entry that starts on line `first` with its '-' at column
    `dash`: the last line indented further before the next line that is not (blank lines do not count)."""
    end = first
    for number in range(first + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if len(text) - len(text.lstrip(" ")) <= dash:
            break
        end = number
    return end


def _insert(lines: list[str], after: int, new_lines: list[str]) -> str:
    """The file's lines (kept with their ends) with `new_lines` after line `after`, ended as that line is."""
    ended = [line for line in (lines[after - 1], *lines) if line.endswith(("\n", "\r"))]
    ending = ended[0][len(ended[0].rstrip("\r\n")) :] if ended else "\n"
    head = lines[:after]
    if not head[-1].endswith(("\n", "\r")):  # the last line of a file that does not end with a line end
        head[-1] += ending
    return "".join([*head, *(line + ending for line in new_lines), *lines[after:]])


def _write(path: Path, content: bytes) -> None:
    """Replace the file in one rename, keeping its permissions, so that `serve` never reads half of it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _theme_index(document: Document, theme: str) -> int:
    themes = value_at(document.data, ("themes",))
    if not isinstance(themes, list):
        raise _fail(document, (), "the file has no 'themes:' list", "start from the roadmap.yaml in the repository")
    entries = [entry if isinstance(entry, dict) else {} for entry in themes]
    for index, entry in enumerate(entries):
        names = [entry.get("number"), entry.get("id"), *(entry.get("aliases") or [])]
        if theme in (str(name) for name in names if not isinstance(name, bool)):
            return index
    numbers = [str(entry["number"]) for entry in entries if isinstance(entry.get("number"), int)]
    ids = [entry["id"] for entry in entries if isinstance(entry.get("id"), str)]
    close = difflib.get_close_matches(theme, ids, n=1, cutoff=0.6)
    listed = f"{numbers[0]} to {numbers[-1]}" if numbers else "none"
    raise _fail(
        document,
        ("themes",),
        f"there is no theme '{theme}'",
        (f"did you mean '{close[0]}'? " if close else "") + f"give a theme's number ({listed}) or id",
    )


def _priority_path(document: Document, priority: str) -> Path_:
    ids: list[str] = []
    for t_index, theme in enumerate(value_at(document.data, ("themes",)) or []):
        for p_index, entry in enumerate(value_at(theme, ("priorities",)) or []):
            if not isinstance(entry, dict):
                continue
            path: Path_ = ("themes", t_index, "priorities", p_index)
            if entry.get("id") == priority:
                return path
            if priority in (entry.get("aliases") or []):
                raise _fail(
                    document,
                    (*path, "id"),
                    f"'{priority}' is an earlier id of the priority '{entry.get('id')}'",
                    f"use --priority {entry.get('id')}",
                )
            if isinstance(entry.get("id"), str):
                ids.append(entry["id"])
    close = difflib.get_close_matches(priority, ids, n=1, cutoff=0.6)
    raise _fail(
        document,
        ("themes",),
        f"there is no priority '{priority}'",
        (f"did you mean '{close[0]}'? " if close else "") + "give the id of a priority, as its '- id:' line has it",
    )


def _theme_name(document: Document, index: int) -> str:
    theme = value_at(document.data, ("themes", index))
    return f"theme {theme.get('number')}, “{theme.get('short_title') or theme.get('id')}”"


def add_priority(path: Path, theme: str) -> Added:
    """Append a priority skeleton to the `priorities:` of the theme with that number or id."""
    raw, document = _read(path)
    index = _theme_index(document, theme)
    owner = _theme_name(document, index)
    last, layout = _last_entry(document, ("themes", index, "priorities"), owner)
    quotes = value_at(document.data, (*last, "quotes"))
    sibling = (
        entry_layout(document, (*last, "quotes", len(quotes) - 1)) if isinstance(quotes, list) and quotes else None
    )
    quote = sibling or Layout(layout.key + 2, layout.key + 4)
    return _add(path, raw, document, last, _priority_lines(layout, quote), "priority", owner)


def add_quote(path: Path, priority: str) -> Added:
    """Append a quote skeleton to the `quotes:` of the priority with that id."""
    raw, document = _read(path)
    where = _priority_path(document, priority)
    owner = f"the priority '{priority}'"
    last, layout = _last_entry(document, (*where, "quotes"), owner)
    intro = "# New quote: " + _PASTE.removeprefix("# ")
    return _add(path, raw, document, last, _quote_lines(layout, intro), "quote", owner)


def _read(path: Path) -> tuple[bytes, Document]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RoadmapError(
            [Problem(1, 1, "", f"cannot read the file: {error.strerror}", "check the path", path.name)]
        ) from None
    return raw, load_document(raw, path.name)


def _add(
    path: Path, raw: bytes, document: Document, last: Path_, skeleton: list[_Line], what: str, owner: str
) -> Added:
    """Insert `skeleton` after the list entry at `last`; write the file only if it then reads back as
    that list with one more entry whose id is the placeholder."""
    # load_document refuses the characters other than \r and \n that splitlines() would split at,
    # so these lines are the lines the loader's marks count.
    lines = raw.decode("utf-8").splitlines(keepends=True)
    layout = entry_layout(document, last)
    assert layout is not None  # _last_entry has checked it
    after = _end_of_entry(lines, document.marks[last][0], layout.dash)
    rendered = _render(skeleton)
    content = _insert(lines, after, rendered).encode("utf-8")
    items = value_at(load_document(content, path.name).data, last[:-1])
    placeholder = PRIORITY_ID if what == "priority" else QUOTE_ID
    if not isinstance(items, list) or len(items) != int(last[-1]) + 2 or value_at(items[-1], ("id",)) != placeholder:
        raise _fail(
            document,
            last[:-1],
            f"a new {what} cannot be added safely after line {after}",
            "add it by hand, lined up with the entries above it",
        )
    _write(path, content)
    to_fill = tuple(
        (after + number, line.text.split(":")[0], line.comment)
        for number, line in enumerate(skeleton, start=1)
        if line.comment
    )
    return Added(what, owner, after + 1, after + len(rendered), to_fill)


def describe_added(added: Added, file: str) -> str:
    """What the editor reads after `new`: where the skeleton is and what to write on which line."""
    lines = [
        f"{file}: a new {added.what} is on lines {added.first_line}–{added.last_line}, "
        f"at the end of {added.where}. Fill in:"
    ]
    lines += [f"  line {line}, {key}: {what}" for line, key, what in added.to_fill]
    lines.append(
        "Then run `r2p-roadmap validate`: it names each value still to fill in. "
        "Once the file is valid, run `r2p-roadmap links update` to record the new links."
    )
    return "\n".join(lines)
