"""Read roadmap.yaml safely: plain data plus the line and column of every value.

PyYAML's own loaders keep the last of two duplicate keys, expand aliases (a "billion laughs" file
exhausts memory) and lose positions; this loader composes the node tree itself and rejects all three.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, RoadmapError
from .fast_compose import compose_fast

MAX_BYTES = 8 * 1024 * 1024
MAX_LINE_CHARS = 5000

# Characters an editor never means to type: C0/C1 controls other than tab and newline, DEL,
# and the Unicode line and paragraph separators that break line counting.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Loaded YAML data with positions: `marks[path]` is the (line, column) of a value, 1-based."""

    data: Any
    file: str
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Plain (unquoted) scalars that YAML read as something other than a string, by path.
    plain_non_strings: dict[Path_, str] = field(default_factory=dict)

    def mark(self, path: Path_) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest enclosing value."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """Position of the key that holds the value at `path`, falling back to the value."""
        return self.key_marks.get(path) or self.mark(path)


class _Composer(yaml.SafeLoader):
    """A loader that refuses anchors and aliases before they can be expanded."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"the alias '*{event.anchor}' is not allowed", _NO_REUSE)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(event.start_mark, f"the anchor '&{anchor}' is not allowed", _NO_REUSE)
        return super().compose_node(parent, index)


_NO_REUSE = "roadmap.yaml does not use YAML anchors, aliases or merge keys; write the value out in full"


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


def _problem(file: str, line: int, column: int, message: str, hint: str = "") -> Problem:
    return Problem(line, column, "", message, hint, file)


def _check_text(raw: bytes, file: str) -> str:
    """Decode and screen the bytes; raise for anything that is not clean UTF-8 text."""
    if len(raw) > MAX_BYTES:
        raise RoadmapError(
            [
                _problem(
                    file,
                    1,
                    1,
                    f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} bytes",
                    "split very long texts or remove content; the roadmap should be far smaller",
                )
            ]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise RoadmapError(
            [
                _problem(
                    file,
                    1,
                    1,
                    "the file starts with a byte-order mark (BOM)",
                    "save the file as UTF-8 without BOM (in VS Code: 'Save with Encoding' > 'UTF-8')",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise RoadmapError(
            [
                _problem(
                    file,
                    line,
                    column,
                    f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8; retype the character at this position",
                )
            ]
        ) from None
    problems = []
    for number, line_text in enumerate(text.split("\n"), start=1):
        if len(line_text) > MAX_LINE_CHARS:
            problems.append(
                _problem(
                    file,
                    number,
                    MAX_LINE_CHARS + 1,
                    f"the line is {len(line_text):,} characters long; the limit is {MAX_LINE_CHARS:,}",
                    "break long text over several lines with a folded block (>-)",
                )
            )
        for match in _CONTROL.finditer(line_text):
            name = unicodedata.name(match.group(), f"U+{ord(match.group()):04X}")
            problems.append(
                _problem(
                    file,
                    number,
                    match.start() + 1,
                    f"control character {name} (U+{ord(match.group()):04X}) is not allowed",
                    "delete it; it is invisible in most editors, so retype the text around it",
                )
            )
    if problems:
        raise RoadmapError(problems)
    return text


_SYNTAX_HINTS = (
    ("found character '\\t'", "YAML does not allow tabs for indentation; indent with spaces"),
    ("found unexpected end of stream", "a quote is not closed; add the closing quote mark"),
    ("mapping values are not allowed", "a ':' inside a value needs quotes around the whole value"),
    ("expected <block end>", "check the indentation: items at the same level must line up"),
    ("could not find expected ':'", "a key is missing its ':' or a quoted value spans lines without closing"),
    ("found undefined tag handle", "remove the '!' tag; plain values need no tag"),
)


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    message = f"YAML syntax error: {problem}"
    if error.context:
        message += f" ({error.context})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in str(error)), "check the line and the one above it")
    return _problem(file, line, column, message, hint)


def _compose(text: str, file: str) -> list[Node]:
    """The node tree of each YAML document in `text`, by the pure-Python parser that words every error."""
    loader = _Composer(text)
    try:
        nodes: list[Node] = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
    except _Refused as refused:
        raise RoadmapError(
            [_problem(file, refused.mark.line + 1, refused.mark.column + 1, refused.message, refused.hint)]
        ) from None
    except yaml.MarkedYAMLError as error:
        raise RoadmapError([_syntax_problem(error, file)]) from None
    finally:
        loader.dispose()
    return nodes


def load_document(raw: bytes, file: str = "roadmap.yaml") -> Document:
    """Parse `raw` into a Document; raise RoadmapError for anything an editor must fix."""
    text = _check_text(raw, file)
    # libyaml is ten times faster; where it cannot vouch for giving the same result, parse again in Python.
    nodes = compose_fast(text)
    if nodes is None:
        nodes = _compose(text, file)
    if not nodes:
        raise RoadmapError(
            [
                _problem(
                    file,
                    1,
                    1,
                    "the file is empty",
                    "start from the roadmap.yaml in the repository; see the editing guide",
                )
            ]
        )
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise RoadmapError(
            [
                _problem(
                    file,
                    mark.line + 1,
                    1,
                    "the file holds more than one YAML document",
                    "remove the '---' line and everything after it that is not roadmap",
                )
            ]
        )
    document = Document(data=None, file=file)
    problems: list[Problem] = []
    document.data = _construct(nodes[0], (), document, problems)
    if problems:
        raise RoadmapError(problems)
    return document


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct(node: Node, path: Path_, document: Document, problems: list[Problem]) -> Any:
    document.marks[path] = _mark(node)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, column = _mark(key_node)
                problems.append(
                    _problem(
                        document.file,
                        line,
                        column,
                        "a key must be a plain name",
                        "write keys as simple words followed by ':'",
                    )
                )
                continue
            key = key_node.value
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                line, column = _mark(key_node)
                problems.append(_problem(document.file, line, column, "the merge key '<<' is not allowed", _NO_REUSE))
                continue
            if key in seen:
                line, column = _mark(key_node)
                first_line, _ = seen[key]
                problems.append(
                    _problem(
                        document.file,
                        line,
                        column,
                        f"duplicate key '{key}': it is already set on line {first_line}",
                        "keep one of the two; YAML would silently drop the first",
                    )
                )
                continue
            seen[key] = _mark(key_node)
            document.key_marks[(*path, key)] = _mark(key_node)
            result[key] = _construct(value_node, (*path, key), document, problems)
        return result
    if isinstance(node, SequenceNode):
        return [_construct(item, (*path, index), document, problems) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        value = _CONSTRUCTOR.construct_object(node)
    except (ValueError, yaml.YAMLError):  # e.g. an impossible date such as 2009-02-30
        value = node.value
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
    if not node.style:  # plain: None from the pure-Python parser, "" from libyaml
        document.plain_non_strings[path] = node.value
    return value


# A single constructor instance turns resolved plain scalars (bool, int, float, null, date) into values.
_CONSTRUCTOR = yaml.SafeLoader("")
