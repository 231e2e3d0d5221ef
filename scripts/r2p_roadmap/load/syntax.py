"""Turn PyYAML's syntax errors into messages that name the real line and say how to fix it.

PyYAML reports where its parser gave up, in parser terms ("expected <block end>, but found '?'"),
often a line or more after the mistake. The functions here look at the text around that point and
recognise the usual mistakes: bad indentation, a ':' inside a value, a missing ':', an unclosed
quote or bracket, text after a closing quote, and values that start with a YAML symbol.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import yaml

from ..errors import Problem
from ..schema import schema

# `  - key: value` with the indentation, the list dash and the key as groups.
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>-[ ]+)?(?P<key>[A-Za-z_][\w-]*):(?=\s|$)")
# Characters that make YAML read a value as something other than plain text when they start it.
_VALUE_SYMBOLS = "@`%*&!|>[{"
# A value that opens with a quote mark, after `key: ` or `- `.
_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[\w-]+:\s+)?(?P<quote>[\"'])(?P<rest>.*)$")
_CLOSED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'(?!')")}
_GENERIC_HINT = "check this line and the one above it: the indentation, the quote marks and the ':' after each key"
_JARGON = (
    ("<block end>", "the end of the indented block"),
    ("'<block mapping start>'", "a new key"),
    ("'<block sequence start>'", "a list item ('- ')"),
    ("'<scalar>'", "a value"),
    ("'?'", "a key"),
)


@cache
def _field_names() -> frozenset[str]:
    """Every field name the schema knows, to tell a misplaced key from text that contains ':'."""

    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                names.update(properties)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    return frozenset(names)


def _quoted(value: str) -> str:
    """`value` as a quoted YAML scalar that an editor can paste."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _problem(file: str, line: int, column: int, message: str, hint: str) -> Problem:
    return Problem(line + 1, column + 1, "", f"YAML syntax error: {message}", hint, file)


def _start(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _label(text: str) -> str:
    """How to name a line in a hint: `'title:'`, `'- id:'` or its first words."""
    match = _KEY_LINE.match(text)
    if match:
        return f"'{'- ' if match['dash'] else ''}{match['key']}:'"
    return f"'{' '.join(text.split()[:3])}'"


def _reference_line(lines: Sequence[str], line: int) -> int | None:
    """The line above `line` that it most likely should line up with: the nearest of the same kind
    (list item or key) whose start is at most two columns away (a slip of the space bar), else the
    nearest of any kind that close, else the nearest with any other start."""
    start, is_item = _start(lines[line]), lines[line].lstrip().startswith("- ")
    near: int | None = None
    fallback: int | None = None
    for number in range(line - 1, -1, -1):
        text = lines[number]
        if not _is_content(text) or _start(text) == start:
            continue
        if abs(_start(text) - start) <= 2:
            if text.lstrip().startswith("- ") == is_item:
                return number
            near = number if near is None else near
        fallback = number if fallback is None else fallback
    return near if near is not None else fallback


def _misaligned(lines: Sequence[str], line: int, file: str) -> Problem:
    reference = _reference_line(lines, line)
    column = _start(lines[line])
    message = "this line is not lined up with the lines above it"
    if reference is None:
        return _problem(file, line, column, message, "remove the spaces before it")
    hint = f"start it in column {_start(lines[reference]) + 1}, like {_label(lines[reference])} on line {reference + 1}"
    return _problem(file, line, column, message, hint)


def _colon_in_value(lines: Sequence[str], line: int, column: int, file: str) -> Problem:
    text = lines[line]
    match = _KEY_LINE.match(text)
    if match and match.end() <= column:
        key, value = match["key"], text[match.end() :].strip()
        return _problem(
            file,
            line,
            column,
            f"the value of '{key}' contains ': ', which YAML reads as the start of another key",
            f"put the whole value in quotes: {key}: {_quoted(value)}",
        )
    word = text[:column].strip().removeprefix("- ").strip()
    if word in _field_names():
        reference = next((n for n in range(line - 1, -1, -1) if _KEY_LINE.match(lines[n])), None)
        if reference is not None:
            above = _KEY_LINE.match(lines[reference])
            assert above is not None
            column_above = above.start("key")
            return _problem(
                file,
                line,
                _start(text),
                f"'{word}:' is indented more than {_label(lines[reference])} on line {reference + 1}, "
                "so YAML reads it as more text of the value above",
                f"start '{word}:' in column {column_above + 1}, like {_label(lines[reference])}",
            )
    return _problem(
        file,
        line,
        column,
        "': ' inside a value that continues from the line above",
        "put the whole value in quotes, or write '>-' after the key and the text on the lines below it",
    )


def _missing_colon(lines: Sequence[str], line: int, file: str) -> Problem:
    text = lines[line]
    words = text.strip().removeprefix("- ").split(maxsplit=1)
    column = _start(text)
    if words and words[0] in _field_names():
        rest = f" {words[1]}" if len(words) > 1 else ""
        return _problem(
            file, line, column, f"'{words[0]}' needs a ':' after it", f"write '{words[0]}:{rest}' (a ':' and a space)"
        )
    above = next((n for n in range(line - 1, -1, -1) if _is_content(lines[n])), None)
    if above is not None and not _KEY_LINE.match(lines[above]) and ": " in lines[above]:
        # Text on its own line below a key, with ': ' in it: YAML took the text before ':' for a key.
        return _problem(
            file,
            above,
            lines[above].index(": "),
            "': ' inside text, which YAML reads as the start of a key",
            "put the whole value in quotes, or write '>-' after the key and the text on the lines below it",
        )
    return _problem(
        file,
        line,
        column,
        "this line is not a 'key: value' line",
        "if it continues the text above, indent it further than that text's key; otherwise add ':' after the key",
    )


def _after_value(lines: Sequence[str], line: int, column: int, file: str) -> Problem | None:
    """A value that YAML ended early: text after a closing quote, or text after a [list] or {mapping}."""
    match = _KEY_LINE.match(lines[line])
    if not match or column <= match.end():
        return None
    key, value = match["key"], lines[line][match.end() :].strip()
    if value[:1] in "\"'":
        return _problem(
            file,
            line,
            column,
            f"text follows the closing quote of the value of '{key}'",
            f"a quoted value ends at its closing quote; quote the whole value: {key}: {_quoted(value)}",
        )
    if value[:1] in "[{":
        return _problem(
            file,
            line,
            match.end() + len(lines[line][match.end() :]) - len(lines[line][match.end() :].lstrip()),
            f"a value that starts with '{value[0]}' must be in quotes",
            f"YAML reads '{value[0]}' as the start of a {'list' if value[0] == '[' else 'mapping'}; "
            f"write {key}: {_quoted(value)}",
        )
    return None


def _symbol_start(lines: Sequence[str], line: int, column: int, file: str) -> Problem:
    text = lines[line]
    symbol = text[column] if column < len(text) else text.strip()[:1]
    match = _KEY_LINE.match(text)
    hint = f"write {match['key']}: {_quoted(text[match.end() :].strip())}" if match else "put the whole value in quotes"
    return _problem(file, line, column, f"a value cannot start with '{symbol}' unless it is in quotes", hint)


def _unclosed_quote(lines: Sequence[str], last: int) -> tuple[int, int, str] | None:
    """The first line up to `last` whose value opens with a quote mark that the line does not close."""
    for number in range(min(last, len(lines) - 1) + 1):
        match = _QUOTED_VALUE.match(lines[number])
        if match and not lines[number].lstrip().startswith("#"):
            quote, rest = match["quote"], match["rest"]
            if not _CLOSED[quote].match(rest):
                return number, match.start("quote"), quote
    return None


def describe_syntax_error(error: yaml.MarkedYAMLError, lines: Sequence[str], file: str) -> Problem:
    """One Problem for a PyYAML syntax error in a file whose lines are `lines`."""
    problem, context = error.problem or "", error.context or ""
    mark, context_mark = error.problem_mark, error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    line = min(line, max(len(lines) - 1, 0))
    padded = list(lines) or [""]

    # A quote left open swallows the lines after it up to the next quote mark, and YAML complains
    # far below; the open quote is the mistake to report.
    unclosed = _unclosed_quote(padded, line)
    if unclosed is not None and not (context == "while scanning a quoted scalar" and problem.endswith("stream")):
        number, column, quote = unclosed
        return _problem(
            file,
            number,
            column,
            f"the quote mark {quote} that opens this value is not closed on its line",
            f"add the closing {quote} at the end of the value; YAML reads on to the next {quote} in the file",
        )

    if context == "while scanning a quoted scalar" and context_mark and problem.endswith("end of stream"):
        quote = padded[context_mark.line][context_mark.column : context_mark.column + 1] or '"'
        return _problem(
            file,
            context_mark.line,
            context_mark.column,
            f"the quote mark {quote} that opens this value is never closed",
            f"add the closing {quote} at the end of the value",
        )
    if context == "while scanning a double-quoted scalar" and problem.startswith(
        ("found unknown escape character", "expected escape sequence")
    ):
        backslash = max(padded[line].rfind("\\", 0, column + 1), 0)
        escape = padded[line][backslash : backslash + 2]
        return _problem(
            file,
            line,
            backslash,
            f"'{escape}' is not allowed inside double quotes",
            "a backslash inside double quotes starts an escape: write \\\\ for one backslash, "
            "or use single quotes around the value",
        )
    if problem == "mapping values are not allowed here":
        return _colon_in_value(padded, line, column, file)
    if problem.startswith("could not find expected ':'") and context_mark is not None:
        return _missing_colon(padded, context_mark.line, file)
    if context == "while scanning a block scalar" and context_mark is not None:
        indicator = padded[context_mark.line][context_mark.column :].split(maxsplit=1)[0]
        return _problem(
            file,
            context_mark.line,
            context_mark.column,
            f"text follows '{indicator}' on the same line",
            f"'{indicator}' starts text on the lines below: move the text to the next line, indented "
            f"under the key, or remove '{indicator}'",
        )
    if context.startswith("while parsing a flow") and context_mark is not None:
        opening = padded[context_mark.line][context_mark.column : context_mark.column + 1]
        closing, kind = ("]", "list") if opening == "[" else ("}", "mapping")
        return _problem(
            file,
            context_mark.line,
            context_mark.column,
            f"the {kind} that opens with '{opening}' here is not closed",
            f"end it with '{closing}' on the same line, with items separated by ', '; "
            "put an item in quotes if it contains ':' or ','",
        )
    if context in ("while scanning an alias", "while scanning an anchor") and context_mark is not None:
        return _symbol_start(padded, context_mark.line, context_mark.column, file)
    unexpected = problem.startswith("found undefined tag handle") or (
        problem.startswith("found character") and problem.endswith("that cannot start any token")
    )
    if unexpected and padded[line][column : column + 1] in _VALUE_SYMBOLS:
        return _symbol_start(padded, line, column, file)
    if problem.startswith("expected <block end>"):
        text = padded[line]
        if text.lstrip().startswith("-") and not text.lstrip().startswith(("- ", "---")):
            return _problem(
                file,
                line,
                _start(text),
                "a list item needs a space after '-'",
                f"write '- {text.lstrip()[1:]}'",
            )
        after = _after_value(padded, line, column, file)
        if after is not None:
            return after
        if _is_content(text) and column == _start(text):
            return _misaligned(padded, line, file)
    message = problem or "the file is not valid YAML"
    for jargon, plain in _JARGON:
        message = message.replace(jargon, plain)
    return _problem(file, line, column, message, _GENERIC_HINT)
