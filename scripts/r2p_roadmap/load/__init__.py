"""Read roadmap.yaml and translations/<code>.yaml safely: plain data plus the line and column of every value.

PyYAML's own loaders keep the last of two duplicate keys, expand aliases (a "billion laughs" file
exhausts memory) and lose positions; this loader composes the node tree itself and rejects all three,
along with tags, deep nesting and plain values that other YAML tools read as numbers.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, RoadmapError
from .syntax import describe_syntax_error

# Limits sized to this document with wide headroom: the real roadmap is about 40 KB, 1,400 values,
# seven levels deep, its longest line under 300 characters. Each is checked where it costs least (the
# size before reading, lines in one scan of the text, values and depth as the parser meets them), so
# a mistaken or hostile file fails with a message in a fraction of a second.
MAX_BYTES = 512 * 1024
MAX_VALUES = 20_000
MAX_LINE_CHARS = 2_000
MAX_DEPTH = 32

# Characters an editor never means to type: C0/C1 controls other than tab and newline, DEL, the
# Unicode line and paragraph separators that break line counting, the two noncharacters that YAML
# refuses to read, the bidirectional embedding, override and isolate controls (text that reads
# otherwise than it is stored), and lone surrogates, which a "\\ud800" escape makes.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
# Plain values that YAML 1.2 tools (editors, linters) read as numbers although PyYAML, which follows
# YAML 1.1, reads them as text: `1e3`, `0o17`, `.5`. Treating them as numbers keeps both readings equal.
_YAML12_NUMBER = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)

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
    # Text values that normalising changed (surrounding whitespace, composed accents), as typed, by path.
    as_typed: dict[Path_, str] = field(default_factory=dict)
    # The text of the file, line by line, for hints that depend on what was typed.
    lines: tuple[str, ...] = ()

    def mark(self, path: Path_) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest enclosing value."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """Position of the key that holds the value at `path`, falling back to the value."""
        return self.key_marks.get(path) or self.mark(path)


class _Composer(yaml.SafeLoader):
    """A loader that refuses anchors, aliases and tags before they take effect, and deep nesting."""

    depth = 0
    values = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self.values += 1
        refuse_node(self.peek_event(), self.depth, self.values)  # type: ignore[no-untyped-call]
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def refuse_node(event: yaml.Event, depth: int, values: int) -> None:
    """Raise _Refused for a node roadmap.yaml does not allow: an alias, an anchor, a tag, a node
    nested `depth` collections deep past the limit, or the node that takes the count past the limit."""
    if isinstance(event, yaml.AliasEvent):
        raise _Refused(event.start_mark, f"the alias '*{event.anchor}' is not allowed", _NO_REUSE)
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise _Refused(event.start_mark, f"the anchor '&{anchor}' is not allowed", _NO_REUSE)
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(event.start_mark, f"the YAML tag '{shown}' is not allowed", _NO_TAGS)
    if depth >= MAX_DEPTH:
        raise _Refused(
            event.start_mark,
            f"the values are nested more than {MAX_DEPTH} levels deep",
            "the roadmap needs at most seven levels; check the indentation and the [ ] and { } brackets",
        )
    if values > MAX_VALUES:
        raise _Refused(
            event.start_mark,
            f"the file holds more than {MAX_VALUES:,} values",
            "the roadmap needs far fewer: check that this is the right file, and remove what was pasted by mistake",
        )


_NO_REUSE = (
    "roadmap.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; "
    "text that starts with '&' or '*' must be in quotes"
)
_NO_TAGS = "remove it: roadmap.yaml needs no tags; text that starts with '!' must be in quotes"


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


def is_translation_file(file: str) -> bool:
    """Whether `file` names a translation, translations/<code>.yaml, rather than roadmap.yaml."""
    return PurePosixPath(file).parent.name == "translations"


def _for_file(file: str, text: str) -> str:
    """`text`, written of roadmap.yaml, as said of `file`: a translation file is named as itself."""
    if not is_translation_file(file):
        return text
    name = PurePosixPath(file).name
    return (
        text.replace("roadmap.yaml", name)
        .replace("the roadmap", "a translation")
        .replace("not roadmap", "not the translation")
    )


def _problem(file: str, line: int, column: int, message: str, hint: str = "") -> Problem:
    return Problem(line, column, "", _for_file(file, message), _for_file(file, hint), file)


def read_file(path: Path, file: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path`, refused before reading when there are more than `limit` of them."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            raw = stream.read(limit + 1) if size <= limit else b""
    except OSError as error:
        problem = _problem(file, 1, 1, f"cannot read the file: {error.strerror}", "check the path")
        raise RoadmapError([problem]) from None
    if size > limit or len(raw) > limit:
        raise _too_large(file, max(size, len(raw)), limit)
    return raw


def _too_large(file: str, size: int, limit: int) -> RoadmapError:
    return RoadmapError(
        [
            _problem(
                file,
                1,
                1,
                f"the file is {size:,} bytes; the limit is {limit:,} bytes ({limit >> 10} KiB)",
                "the roadmap is far smaller than this: check that this is the right file, and remove what was "
                "pasted by mistake",
            )
        ]
    )


def decode_utf8(raw: bytes, file: str) -> str:
    """`raw` as text; RoadmapError at the line and column of a byte-order mark or a byte that is not UTF-8."""
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
        return raw.decode("utf-8")
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


def _check_text(raw: bytes, file: str) -> str:
    """Decode and screen the bytes; raise for anything that is not clean UTF-8 text."""
    if len(raw) > MAX_BYTES:
        raise _too_large(file, len(raw), MAX_BYTES)
    text = decode_utf8(raw, file)
    # Whole-text scans run at C speed; only a position found is turned into a line and column.
    problems = []
    for match in _LONG_LINE.finditer(text):
        line, _ = _line_column(text, match.start())
        length = len(match.group())
        problems.append(
            _problem(
                file,
                line,
                MAX_LINE_CHARS + 1,
                f"the line is {length:,} characters long; the limit is {MAX_LINE_CHARS:,}",
                "write long text on several lines: put '>-' after the key and the text on the lines below it, indented",
            )
        )
    for match in _TAB.finditer(text):
        problems.append(
            _problem(
                file,
                *_line_column(text, match.start()),
                "a tab character; roadmap.yaml uses spaces only",
                "replace the tab with spaces (YAML does not allow tabs for indentation)",
            )
        )
    for match in _CONTROL.finditer(text):
        problems.append(_invisible(file, *_line_column(text, match.start()), match.group()))
    if problems:
        raise RoadmapError(problems)
    return text


def _invisible(file: str, line: int, column: int, character: str) -> Problem:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    if name:
        what = f"the invisible character {name} ({code})"
    elif unicodedata.category(character) == "Cc":
        what = f"an invisible control character ({code})"
    else:
        what = f"the character {code}, which is not text,"
    return _problem(
        file,
        line,
        column,
        f"{what} is not allowed",
        "delete it: most editors do not show it, so delete and retype the text around this position",
    )


_LONG_LINE = re.compile(f"^[^\\n]{{{MAX_LINE_CHARS + 1},}}", re.MULTILINE)  # anchored: one try per line
_TAB = re.compile("\t")


def _line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index`."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _refusal(refused: _Refused, file: str) -> RoadmapError:
    return RoadmapError([_problem(file, refused.mark.line + 1, refused.mark.column + 1, refused.message, refused.hint)])


def _compose(text: str, file: str) -> list[Node]:
    """The node tree of each YAML document in `text`, by the pure-Python parser that words every error."""
    loader = _Composer(text)
    try:
        nodes: list[Node] = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        return nodes
    except _Refused as refused:
        raise _refusal(refused, file) from None
    except yaml.MarkedYAMLError as error:
        raise RoadmapError([describe_syntax_error(error, text.split("\n"), file)]) from None
    except yaml.YAMLError as error:  # e.g. a character the reader refuses; _check_text should catch these first
        raise RoadmapError(
            [_problem(file, 1, 1, f"the file is not valid YAML: {error}", "save it as plain text")]
        ) from None
    finally:
        loader.dispose()


def load_document(raw: bytes, file: str = "roadmap.yaml") -> Document:
    """Parse `raw` into a Document; raise RoadmapError for anything an editor must fix."""
    text = _check_text(raw, file)
    nodes = _compose(text, file)
    if not nodes:
        raise RoadmapError(
            [
                _problem(
                    file,
                    1,
                    1,
                    "the file is empty",
                    "start it with 'language:' and 'name:'; see the editing guide, Translations"
                    if is_translation_file(file)
                    else "start from the roadmap.yaml in the repository; see the editing guide",
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
    document = Document(data=None, file=file, lines=tuple(text.split("\n")))
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
        if not node.style and _YAML12_NUMBER.fullmatch(node.value):  # plain (None or "")
            document.plain_non_strings[path] = node.value
            return _yaml12_number(node.value)
        return _text(node, path, document, problems)
    try:
        value = _CONSTRUCTOR.construct_object(node)
    except (ValueError, yaml.YAMLError):  # e.g. an impossible date such as 2009-02-30
        value = node.value
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
    if not node.style:  # plain: None from the pure-Python parser, "" from libyaml
        document.plain_non_strings[path] = node.value
    return value


def _text(node: ScalarNode, path: Path_, document: Document, problems: list[Problem]) -> str:
    """The text of a scalar, normalised once for every later step: NFC, no surrounding whitespace.

    Escapes in double quotes can make characters the scan of the file never saw ("\\0", "\\ud800");
    they are refused here. The text as typed is kept when normalising changed it, for checks of ids."""
    typed: str = node.value
    for match in _CONTROL.finditer(typed):
        line, column = _mark(node)
        problems.append(_invisible(document.file, line, column, match.group()))
        return typed
    text = unicodedata.normalize("NFC", typed).strip()
    if text != typed:
        document.as_typed[path] = typed
    return text


# A single constructor instance turns resolved plain scalars (bool, int, float, null, date) into values.
_CONSTRUCTOR = yaml.SafeLoader("")


def _yaml12_number(text: str) -> int | float:
    """The number a YAML 1.2 reader makes of a plain value that matched `_YAML12_NUMBER`."""
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    lowered = text.lower()
    if lowered.lstrip("+-") == ".inf":
        return float(lowered.replace(".inf", "inf"))
    if lowered == ".nan":
        return float("nan")
    number = float(text)
    return int(number) if number.is_integer() and not any(c in text for c in ".eE") else number
